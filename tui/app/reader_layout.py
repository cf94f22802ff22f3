"""The reader's page as lines: an article's blocks wrapped to a width, each line knowing which block
and which characters of it it shows.

Pure functions, no widgets: the reader (`widgets/article_view.py`) draws these lines one by one
(Textual's line API), so opening an article mounts nothing and lays out nothing but this list.
The shapes below are the box model that each block kind had as a widget (margins, padding, a left
border, a bullet), kept here in one table.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from rich.cells import cell_len
from rich.console import Console
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.strip import Strip

from tui.app.rendering import Block

BAR = "▌"  # the left bar of captions and block quotes (Textual's "outer" border)


@dataclass(frozen=True, slots=True)
class Shape:
    """How one kind of block sits on the page."""

    top: int = 0
    """Blank lines above; they collapse with the previous block's `bottom` (the larger wins)."""
    bottom: int = 0
    pad_top: int = 0
    """Blank lines inside the block, above its text (they take the block's background)."""
    pad_bottom: int = 0
    bar: bool = False
    """A coloured bar and a space before every line."""
    indent: str = ""
    """Drawn before every line (after the bar)."""
    bullet: str = ""
    """Drawn before the first line instead of `indent` (same width)."""
    right: int = 0
    """Cells kept free at the right."""


SHAPES: dict[str, Shape] = {
    "placeholder": Shape(pad_top=1, pad_bottom=1),
    "headline": Shape(pad_top=1),
    "byline": Shape(pad_bottom=1),
    "caption": Shape(bar=True),
    "credit": Shape(indent="  ", bottom=1),
    "lead": Shape(bottom=1),
    "p": Shape(bottom=1),
    "h": Shape(top=1, bottom=1),
    "quote": Shape(bar=True, right=2, bottom=1),
    "li": Shape(indent="   ", bullet=" • "),
    "li-last": Shape(indent="   ", bullet=" • ", bottom=1),  # space after a list, none inside
}


@dataclass(frozen=True, slots=True)
class PageLine:
    """One line of the page: its words, the block they belong to and where in the block they start."""

    text: Text
    """The words (what a selection copies); empty on blank lines."""
    block: int
    """Index of the block in the page, or -1 for the space between blocks."""
    start: int = 0
    """Offset in the block's text of the first character of `text`."""
    lead: str = ""
    """Drawn before the words: a bar, an indent or a bullet (not selectable)."""

    @property
    def end(self) -> int:
        return self.start + len(self.text.plain)

    @property
    def plain(self) -> str:
        """The line as plain text, bar, indent or bullet included (no trailing spaces)."""
        return (self.lead + self.text.plain).rstrip()


GAP = PageLine(Text(), -1)


def shape_of(blocks: Sequence[Block], index: int) -> Shape:
    """A block's shape; the last item of a list gets the space after the list."""
    block = blocks[index]
    if block.kind == "li":
        after = blocks[index + 1] if index + 1 < len(blocks) else None
        return SHAPES["li" if after is not None and after.kind == "li" else "li-last"]
    return SHAPES.get(block.kind, SHAPES["p"])


def wrap_block(text: Text, width: int, console: Console) -> list[tuple[Text, int]]:
    """A block's text wrapped to `width` cells: each line with the offset where it starts."""
    if not text.plain:
        return [(Text(), 0)]
    plain = text.plain
    wrapped = []
    position = 0
    for line in text.wrap(console, max(width, 1), justify="default", overflow="fold"):
        found = plain.find(line.plain, position) if line.plain else -1
        start = found if found >= 0 else position  # lines are pieces of the text, in order
        position = start + len(line.plain)
        line.rstrip()  # the space where it was wrapped: not drawn, selected or copied
        wrapped.append((line, start))
    return wrapped


def lead_width(shape: Shape) -> int:
    """Cells drawn before the words of a block of this shape."""
    return (2 if shape.bar else 0) + cell_len(shape.indent)


def layout_page(blocks: Sequence[Block], width: int, console: Console) -> list[PageLine]:
    """Every line of the page for a measure of `width` cells, blank lines included."""
    lines: list[PageLine] = []
    gap = 0  # the previous block's bottom margin, not drawn yet
    for number, block in enumerate(blocks):
        shape = shape_of(blocks, number)
        lines.extend([GAP] * (max(gap, shape.top) if lines else shape.top))
        bar = f"{BAR} " if shape.bar else ""
        lines.extend([PageLine(Text(), number, lead=bar)] * shape.pad_top)
        inner = width - lead_width(shape) - shape.right
        for row, (text, start) in enumerate(wrap_block(block.text, inner, console)):
            indent = shape.bullet if row == 0 and shape.bullet else shape.indent
            lines.append(PageLine(text, number, start, bar + indent))
        lines.extend([PageLine(Text(), number, lead=bar)] * shape.pad_bottom)
        gap = shape.bottom
    lines.extend([GAP] * gap)
    return lines


def char_index(text: str, cells: int) -> int:
    """The index of the character at cell column `cells` of `text` (wide characters take two)."""
    if text.isascii():
        return min(cells, len(text))
    used = 0
    for index, char in enumerate(text):
        if used >= cells:
            return index
        used += cell_len(char)
    return len(text)


@dataclass(frozen=True, slots=True)
class LineLook:
    """The styles one line is drawn with."""

    base: Style
    """The reader's own (background and text colour)."""
    fill: Style
    """Over the measure: the base, or the located paragraph's mark."""
    bar: Style
    """The bar of a caption or a quote."""
    selected: Style
    """Text selected with the mouse."""


def draw_line(
    line: PageLine,
    number: int,
    look: LineLook,
    *,
    margin: int,
    measure: int,
    width: int,
    selected: tuple[int, int] | None,
    console: Console,
) -> Strip:
    """One line of the page: the centring margin, the bar or bullet, the words, the fill.

    Every cell carries the text offset a mouse selection starts or ends at (Textual reads it from
    the style's meta): the words their own, the cells before them the line's start, the cells
    after them its end, so a drag that begins in a margin or on a blank line selects from there.
    """
    at_start = Style.from_meta({"offset": (0, number)})
    segments = [Segment(" ", look.base + at_start)] * margin
    if line.lead:
        bar = look.fill + look.bar if line.lead.startswith(BAR) else look.fill
        segments += [Segment(line.lead[0], bar + at_start)]
        segments += [Segment(char, look.fill + at_start) for char in line.lead[1:]]
    words = line.text.copy()
    # Text.render leaves a Text's own style to the console: make it a span under the others.
    own = words.style if isinstance(words.style, Style) else Style()
    words.style = ""
    words.stylize_before(look.fill + own)
    if selected is not None:
        start, end = selected
        words.stylize(look.selected, start, len(words.plain) if end == -1 else end)
    segments += Strip(words.render(console)).apply_offsets(0, number)
    at_end = Style.from_meta({"offset": (len(words.plain), number)})
    used = sum(segment.cell_length for segment in segments)
    room = max(margin + measure - used, 0)
    segments.append(Segment(" " * room, look.fill + at_end))
    segments.append(Segment(" " * max(width - used - room, 0), look.base + at_end))
    return Strip(segments).crop(0, width)


def selected_text(
    lines: Sequence[PageLine],
    blocks: Sequence[Block],
    span_of: Callable[[int], tuple[int, int] | None],
) -> str:
    """The text a selection covers (`span_of(line number)` gives its cells on each line), each
    block whole again: wrapped lines are joined as they were, blocks by a blank line."""
    pieces: list[tuple[int, int, int]] = []  # (block, start, end) in reading order
    for number, line in enumerate(lines):
        span = span_of(number)
        if span is None or line.block < 0 or not line.text.plain:
            continue
        plain = line.text.plain
        start = line.start + char_index(plain, span[0])
        end = line.end if span[1] == -1 else line.start + char_index(plain, span[1])
        if pieces and pieces[-1][0] == line.block and span[0] == 0:
            pieces[-1] = (line.block, pieces[-1][1], end)  # the same block goes on
        else:
            pieces.append((line.block, start, end))
    texts = [blocks[b].text.plain[s:e].strip() for b, s, e in pieces]
    return "\n\n".join(t for t in texts if t)


def top_position(lines: Sequence[PageLine], top: int) -> tuple[int, int] | None:
    """The block and character on line `top`, to keep at the top across a re-wrap."""
    if not lines or top <= 0 or top >= len(lines):
        return None
    line = lines[top]
    return (line.block, line.start) if line.block >= 0 else None


def line_of(lines: Sequence[PageLine], block: int, offset: int) -> int:
    """The line showing character `offset` of block number `block` (its first line if none)."""
    first = None
    for number, line in enumerate(lines):
        if line.block != block:
            continue
        if first is None:
            first = number
        if line.text.plain and line.start <= offset < line.end:
            return number
    return first or 0
