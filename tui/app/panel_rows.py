"""The rows of a side panel as data, and how one is framed into lines: its padding, its bar and its
content (`CursorPanel` draws them; nothing here is a widget)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from rich.color import Color
from rich.segment import Segment
from rich.style import Style as RichStyle
from textual.geometry import Spacing
from textual.strip import Strip
from textual.visual import VisualType

# The left bar of a marked row: what a CSS `border-left: outer` draws.
BAR = "▌"
NO_SPACING = Spacing(0, 0, 0, 0)


@dataclass(eq=False)
class PanelRow:
    """One row of a side panel (a heading, a note or an item): data drawn as lines, not a widget."""

    content: VisualType
    """What it shows: a `Text` (wrapped to the panel's width) or a Rich renderable."""
    components: tuple[str, ...] = ()
    """The component classes (in app.tcss) that style it."""
    item: object = None
    """The entity or event it stands for: rows with an item take the cursor."""
    margin_top: int = 0
    """Blank lines above it (CSS margin)."""
    padding: Spacing = NO_SPACING
    """Space around its content, in its own background (CSS padding)."""
    height: int | None = None
    """Its content's line count when it never wraps (saves wrapping it only to count its lines)."""
    bar: str | None = None
    """A component class: when set, a bar in its colour takes the first cell of the left padding
    (the Timeline's "this event's paragraph is on screen")."""

    def content_for(self, width: int) -> VisualType:
        """What the row shows at a content width (a subclass may fit its text to it)."""
        return self.content


def framed(
    row: PanelRow, content: list[Strip], width: int, fill: RichStyle, bar: Color | None
) -> list[Strip]:
    """A row's content lines inside its padding (in the `fill` background), `width` cells wide; a
    `bar` colour takes the first cell of the left padding."""
    top, _right, bottom, left = row.padding
    lead = [Segment(" " * left, fill)] if left else []
    if bar is not None and left:
        lead = [Segment(BAR, RichStyle(color=bar, bgcolor=fill.bgcolor))]
        if left > 1:
            lead.append(Segment(" " * (left - 1), fill))
    blank = Strip.blank(width, fill)
    strips = [blank] * top
    for strip in content:
        used = left + strip.cell_length
        tail = [Segment(" " * (width - used), fill)] if used < width else []
        strips.append(Strip([*lead, *strip, *tail], max(used, width)))
    strips.extend([blank] * bottom)
    return strips


def rich_strips(rendered: Iterable[Segment], width: int, base: RichStyle) -> list[Strip]:
    """A Rich renderable's rendered segments as lines on a base style: what Textual's RichVisual
    draws, without its per-call link-style and wrapper work (a tenth of a millisecond a row, on
    every opening)."""
    add = base.__add__
    segments = [Segment(text, add(style), None) for text, style, _control in rendered]
    lines = Segment.split_and_crop_lines(segments, width, include_new_lines=False, pad=False)
    return [Strip(line) for line in lines]
