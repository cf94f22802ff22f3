"""A page of blocks drawn line by line (Textual's line API): the base of the reader.

The page is a list of wrapped lines (`reader_layout`), so showing another page builds that list and
repaints one widget, instead of mounting a widget per paragraph and laying the screen out again
(that took ~80 ms of every opening). The lines keep a measure of MEASURE cells, centred; text can be
selected with the mouse, each paragraph copied whole.
"""

from __future__ import annotations

from collections.abc import Callable

from rich.style import Style
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.selection import Selection
from textual.strip import Strip

from tui.app.reader_layout import (
    LineLook,
    PageLine,
    draw_line,
    layout_page,
    line_of,
    selected_text,
    top_position,
)
from tui.app.rendering import Block

# The measure: lines of at most this many cells, centred in wider panes.
MEASURE = 90


class PageView(ScrollView, can_focus=True):
    """Blocks (`_page_blocks`) wrapped to the width and drawn a line at a time."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._blocks: list[Block] = []  # the page's blocks, marks included
        self._lines: list[PageLine] = []  # `_blocks` wrapped to `_laid_width`
        self._laid_width = 0
        self._strips: dict[int, Strip] = {}  # drawn lines by line number
        self._painted_callbacks: list[Callable[[], None]] = []

    def when_painted(self, callback: Callable[[], None]) -> None:
        """Call `callback` once the article just set is drawn (say, to start work that would hold
        the GIL only after the reader shows the text)."""
        if self._laid_width:  # laid out already (setting `article` does it at once when sized)
            self.call_after_refresh(callback)  # so the next refresh draws it
        else:
            self._painted_callbacks.append(callback)  # `_after_layout` hands it on

    # -- the page -----------------------------------------------------------------------------

    def _page_blocks(self) -> list[Block]:
        """The page's blocks (a subclass builds them)."""
        return []

    def _rebuild(self) -> None:
        """Build the page's blocks again (new article or new marks) and lay them out."""
        self._blocks = self._page_blocks()
        self._laid_width = 0
        self._lay_out()

    def _lay_out(self) -> None:
        """Wrap the blocks to the current width, keeping the top line's words on top."""
        width = self.scrollable_content_region.width
        if width <= 0:
            return  # not laid out yet: `on_resize` comes
        measure = min(MEASURE, width)
        if measure != self._laid_width:
            anchor = top_position(self._lines, round(self.scroll_y))  # kept on top
            self._lines = layout_page(self._blocks, measure, self.app.console)
            self._laid_width = measure
            self.virtual_size = Size(width, len(self._lines))
            if anchor is not None:
                self.scroll_to(y=self._line_of(*anchor), animate=False, immediate=True)
        self._redraw()
        self._after_layout()

    def _line_of(self, block: int, offset: int) -> int:
        """The line showing character `offset` of block number `block` (its first line if none)."""
        return line_of(self._lines, block, offset)

    def on_resize(self) -> None:
        self._lay_out()

    def _after_layout(self) -> None:
        """Once the lines exist: call back whoever waited for the page to be drawn."""
        if self._painted_callbacks:
            callbacks, self._painted_callbacks = self._painted_callbacks, []
            self.call_after_refresh(lambda: [callback() for callback in callbacks])

    # -- drawing ------------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        number = round(self.scroll_y) + y
        if number >= len(self._lines) or width <= 0:
            return Strip.blank(width, self.rich_style)
        strip = self._strips.get(number)
        if strip is None or strip.cell_length != width:
            strip = self._strips[number] = self._draw(number, width)
        return strip

    def _draw(self, number: int, width: int) -> Strip:
        """One line of the page, centred, with its marks and the selection."""
        line = self._lines[number]
        selection = self.text_selection
        span = selection.get_span(number) if selection is not None else None
        return draw_line(
            line,
            number,
            self.line_look(line),
            margin=max((width - self._laid_width) // 2, 0),
            measure=self._laid_width,
            width=width,
            selected=span,
            console=self.app.console,
        )

    def line_look(self, line: PageLine) -> LineLook:
        """The styles a line is drawn in (a subclass adds its marks)."""
        base = self.rich_style
        selected = self.screen.get_component_rich_style("screen--selection")
        return LineLook(base=base, fill=base, bar=Style(), selected=selected)

    def _redraw(self) -> None:
        """Draw every line again (the lines are the same; their marks or the selection are not)."""
        self._strips.clear()
        self.refresh()

    def selection_updated(self, selection: Selection | None) -> None:
        self._redraw()

    def get_selection(self, selection: Selection) -> tuple[str, str] | None:
        """The selected words, each paragraph whole again (lines joined as they were wrapped)."""
        text = selected_text(self._lines, self._blocks, selection.get_span)
        return (text, "\n") if text else None

    def plain_lines(self) -> list[str]:
        """Every line of the page as plain text (bars and bullets too), for tests and tools."""
        return [line.plain for line in self._lines]

    @property
    def page_lines(self) -> list[PageLine]:
        """The lines of the page as laid out for the current width."""
        return list(self._lines)

    @property
    def blocks(self) -> list[Block]:
        """The blocks of the page as drawn (headline, byline, captions, body), marks included."""
        return list(self._blocks)

    def block_lines(self, kind: str) -> list[list[str]]:
        """The drawn lines of each block of a kind, as plain text (bars and bullets included)."""
        shown: dict[int, list[str]] = {}
        for line in self._lines:
            if line.block >= 0 and self._blocks[line.block].kind == kind:
                shown.setdefault(line.block, []).append(line.plain)
        return list(shown.values())

    # -- where things are ---------------------------------------------------------------------

    def line_showing(self, paragraph: int, offset: int) -> int | None:
        """The line of the page that shows character `offset` of an article paragraph."""
        block = self._block_of(paragraph)
        return self._line_of(block, offset) if block is not None else None

    def _block_of(self, paragraph: int) -> int | None:
        return next((n for n, b in enumerate(self._blocks) if b.paragraph == paragraph), None)

    def _center_on(self, line: int) -> None:
        target = line - self.scrollable_content_region.height // 2
        self.scroll_to(y=max(target, 0), animate=False, immediate=True)
