"""Read the colours a running app puts in each cell of the terminal, and their WCAG contrast.

The cells come from the screen's compositor, as `App.export_screenshot` reads them (the screens
below a modal included), after Textual's own line filters: alpha colours are already blended
with what is under them, and `dim` is already a blended colour. For the ANSI themes, whose colours
are the terminal's own palette, the cells are converted with the palette Textual itself assumes
(`App.ansi_theme`: Monokai for a dark theme, Alabaster for a light one).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from rich.color import Color as RichColor
from rich.segment import Segment
from rich.style import Style
from textual.app import App
from textual.color import Color
from textual.constants import DIM_FACTOR
from textual.errors import NoWidget
from textual.filter import ANSIToTruecolor

TEXT_RATIO = 4.5
"""WCAG 2.x AA for text (1.4.3)."""
DECORATION_RATIO = 3.0
"""WCAG 2.x AA for graphical objects and marks (1.4.11): borders, bars, scrollbars, bullets."""

Triplet = tuple[int, int, int]


def is_decoration(char: str) -> bool:
    """Whether a glyph is a mark rather than text: box drawing and block elements (borders, rules,
    bars, scrollbars), geometric shapes and symbols (● ◆ ★ ⭘), bullets and arrows."""
    code = ord(char)
    return (
        0x2500 <= code <= 0x25FF  # box drawing, block elements, geometric shapes
        or 0x2190 <= code <= 0x21FF  # arrows
        or 0x2600 <= code <= 0x27BF  # miscellaneous symbols, dingbats
        or 0x2B00 <= code <= 0x2BFF  # more symbols and arrows (the header's ⭘)
        or 0x1FB00 <= code <= 0x1FBFF  # legacy computing (Textual's thin bars)
        or char in "•‣◦"
    )


def hex_of(rgb: Triplet) -> str:
    """A colour as #rrggbb."""
    return "#" + "".join(f"{value:02x}" for value in rgb)


def luminance(rgb: Triplet) -> float:
    """WCAG relative luminance of an sRGB colour."""

    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: Triplet, b: Triplet) -> float:
    """WCAG contrast ratio of two colours, 1 to 21."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


@dataclass(frozen=True, slots=True)
class Cell:
    """One terminal cell that shows a glyph: where, what, and its colours."""

    x: int
    y: int
    char: str
    fg: Triplet
    bg: Triplet

    @property
    def ratio(self) -> float:
        return contrast(self.fg, self.bg)

    @property
    def decoration(self) -> bool:
        return is_decoration(self.char)

    @property
    def required(self) -> float:
        return DECORATION_RATIO if self.decoration else TEXT_RATIO


def _triplet(color: RichColor | None, fallback: Triplet) -> Triplet:
    if color is None or color.triplet is None:
        return fallback
    return tuple(color.triplet)  # type: ignore[return-value]


def _blend(under: Triplet, over: Triplet, factor: float) -> Triplet:
    return tuple(round(u + (o - u) * factor) for u, o in zip(under, over, strict=True))  # type: ignore[return-value]


def screen_lines(app: App) -> list[list[Segment]]:
    """The segments of every line of the screen as the terminal gets them, in true colours."""
    update = app.screen._compositor.render_update(
        full=True, screen_stack=app._background_screens, simplify=False
    )
    to_truecolor = ANSIToTruecolor(app.ansi_theme)
    lines = []
    for strips in update.strips:  # type: ignore[attr-defined]
        segments = [segment for strip in strips for segment in strip]
        if app.native_ansi_color:  # the terminal's palette: Textual's own assumption of it
            segments = to_truecolor.apply(segments, Color(0, 0, 0))
        lines.append(segments)
    return lines


def is_inactive(app: App, x: int, y: int) -> bool:
    """Whether a cell shows the screen under a modal (dimmed on purpose: WCAG exempts text of
    inactive components from the contrast minimum)."""
    screen = app.screen
    if not screen.is_modal:
        return False
    try:
        widget, _ = screen.get_widget_at(x, y)
    except NoWidget:
        return True
    return widget is screen


def is_pictograph(char: str) -> bool:
    """Whether a glyph is an emoji picture (the palette's 🔎): terminals draw those in their own
    colours, whatever the cell's foreground."""
    return 0x1F300 <= ord(char) <= 0x1FAFF


def screen_cells(app: App) -> Iterator[Cell]:
    """Every cell of the active screen that shows a glyph (spaces, blank cells and emoji pictures
    are left out)."""
    theme = app.ansi_theme
    default_fg: Triplet = tuple(theme.foreground_color)  # type: ignore[assignment]
    default_bg: Triplet = tuple(theme.background_color)  # type: ignore[assignment]
    for y, segments in enumerate(screen_lines(app)):
        x = 0
        for text, style, control in segments:
            if control:
                continue
            style = style or Style()
            fg = _triplet(style.color, default_fg)
            bg = _triplet(style.bgcolor, default_bg)
            if style.reverse:
                fg, bg = bg, fg
            if style.dim:  # left by a filter only for native ANSI colours: what a terminal does
                fg = _blend(bg, fg, DIM_FACTOR)
            for char in text:
                if not (char.isspace() or is_pictograph(char) or is_inactive(app, x, y)):
                    yield Cell(x, y, char, fg, bg)
                x += 2 if unicodedata.east_asian_width(char) in "WF" else 1
