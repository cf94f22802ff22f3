"""A side panel of rows drawn line by line, with a keyboard cursor: the base of the Entities and
Timeline tabs.

A Line API widget (a `ScrollView` drawing `render_line`), as the article list is: the rows are data
(`PanelRow`), wrapped to the panel's width into lines and drawn only when on screen. Showing another
article mounts nothing: the panel swaps its rows and refreshes (mounting a Static a row and laying
them out took ~40 ms of each opening). Rows with an `item` take the cursor; the others (headings,
notes) are skipped.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar, cast

from rich.console import RenderableType
from rich.style import Style as RichStyle
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.css.styles import RulesMap
from textual.geometry import Region, Size
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.style import Style
from textual.visual import Visual, visualize

from tui.app.panel_rows import PanelRow, framed, rich_strips

# The content width of the panel in a wide terminal (42 columns less border and padding): rows are
# laid out for it while the panel has no size yet (a tab never shown), e.g. for `plain_lines`.
FALLBACK_WIDTH = 38


class CursorPanel(ScrollView, can_focus=True):
    """Rows the cursor moves through; subclasses call `set_rows` and react in `cursor_moved` and
    `row_chosen`."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,j", "move(1)", "Down", show=False),
        Binding("up,k", "move(-1)", "Up", show=False),
        Binding("home", "first", "First", show=False),
        Binding("end", "last", "Last", show=False),
    ]

    # Mouse selection needs each cell's text offset; the rows do not carry them (a click chooses).
    ALLOW_SELECT = False

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "cursor-panel--highlight",
        "cursor-panel--state",
    }

    cursor: reactive[int | None] = reactive(None, init=False)
    """Index into `rows()` of the row under the cursor."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._rows: list[PanelRow] = []
        self._items: list[int] = []
        """Indices in `_rows` of the rows that take the cursor."""
        self._laid_out_width = 0
        self._laid_out_for: tuple[int, int, bool] | None = None
        """The content size and scrollbar the lines were mapped for (None: map them again)."""
        self._line_rows: list[int] = []
        """For each line, the index of the row drawn on it (-1 for a margin line)."""
        self._tops: list[int] = []
        """For each row, its first line (below its margin)."""
        self._heights: list[int] = []
        self._visuals: dict[tuple[int, int], Visual] = {}
        """Each row's visual, by row and content width."""
        self._height_cache: dict[tuple[int, int], int] = {}
        """Each wrapped row's line count, by row and panel width."""
        self._strips: dict[tuple[int, int, Style, str | None], list[Strip]] = {}
        """Drawn rows, by row, width, style and bar."""
        self._scroll_pending = False
        """The cursor moved while the panel had no size: scroll to it once it has."""
        self._blank: Strip | None = None
        """A line between rows (computing the panel's style for each costs)."""
        self._fixed_map = False
        """Every row has a fixed height and the lines are mapped: no width changes the map."""

    # -- rows ---------------------------------------------------------------------------------

    def set_rows(self, rows: Sequence[PanelRow]) -> None:
        """Show new rows (drawn lazily, line by line), the scroll back at the top."""
        self._rows = list(rows)
        self._items = [i for i, row in enumerate(self._rows) if row.item is not None]
        self._visuals.clear()
        self._height_cache.clear()
        self._strips.clear()
        self._forget_layout(rows_changed=True)
        self.scroll_to(y=0, animate=False, immediate=True)
        if self.scrollable_content_region:  # a hidden tab wraps its rows when it shows
            self._lay_out()
        self.refresh()

    def rows(self) -> list[PanelRow]:
        """The rows that can take the cursor, in order."""
        return [self._rows[i] for i in self._items]

    @property
    def current_row(self) -> PanelRow | None:
        """The row under the cursor, if any."""
        if self.cursor is None or not 0 <= self.cursor < len(self._items):
            return None
        return self._rows[self._items[self.cursor]]

    def redraw_rows(self, changed: Sequence[PanelRow]) -> None:
        """Redraw rows changed in place (their content, padding or bar); lines are re-laid out
        only when a height may have changed."""
        if not changed:
            return
        ids = {id(row) for row in changed}
        indices = {i for i, row in enumerate(self._rows) if id(row) in ids}
        self._visuals = {k: v for k, v in self._visuals.items() if k[0] not in indices}
        self._height_cache = {k: h for k, h in self._height_cache.items() if k[0] not in indices}
        self._strips = {k: s for k, s in self._strips.items() if k[0] not in indices}
        width = self._laid_out_width
        if width and any(self._row_height(i, width) != self._heights[i] for i in indices):
            self._forget_layout(rows_changed=True)
            self._lay_out()
        self.refresh()

    # -- layout -------------------------------------------------------------------------------

    def _lay_out(self) -> None:
        """Map lines to rows for the size the panel has (again only when it changed).

        Before the panel has a size, rows are laid out for FALLBACK_WIDTH. Rows that will overflow
        the panel are laid out at once for the width left beside the scrollbar about to show (and
        rows that will fit, for the width a scrollbar about to go leaves), not wrapped twice.
        """
        region = self.scrollable_content_region
        shown = self.show_vertical_scrollbar
        if (region.width, region.height, shown) == self._laid_out_for:
            return
        self._laid_out_for = (region.width, region.height, shown)
        if not region.width:
            self._map_lines(FALLBACK_WIDTH)
            return
        styles = self.styles
        if styles.overflow_y != "auto" or styles.scrollbar_gutter == "stable":
            self._map_lines(region.width)  # the scrollbar (or its room) is already deducted
        else:
            bar = styles.scrollbar_size_vertical
            width = region.width + (bar if shown else 0)
            self._map_lines(width)
            if len(self._line_rows) > region.height > 0:
                self._map_lines(max(width - bar, 1))
        if self.is_mounted:
            self.virtual_size = Size(self._laid_out_width, len(self._line_rows))

    def _forget_layout(self, rows_changed: bool = False) -> None:
        """The size, the rows or their heights changed: map the lines again when next needed."""
        self._laid_out_width = 0
        self._laid_out_for = None
        if rows_changed:
            self._fixed_map = False

    def _map_lines(self, width: int) -> None:
        """Which row each line draws, for rows drawn `width` cells wide."""
        if width == self._laid_out_width:
            return
        self._laid_out_width = width
        if self._fixed_map:
            return  # rows of fixed heights (the merged timeline's tens of thousands): one map
        line_rows: list[int] = []
        tops: list[int] = []
        heights: list[int] = []
        for index, row in enumerate(self._rows):
            line_rows.extend([-1] * row.margin_top)
            tops.append(len(line_rows))
            height = self._row_height(index, width)
            heights.append(height)
            line_rows.extend([index] * height)
        self._line_rows, self._tops, self._heights = line_rows, tops, heights
        self._fixed_map = all(row.height is not None for row in self._rows)

    def _visual(self, index: int, width: int) -> Visual:
        """Row `index`'s visual for a panel width (cached: the scrollbar toggles between two)."""
        row = self._rows[index]
        inner = max(width - row.padding.width, 1)
        visual = self._visuals.get((index, inner))
        if visual is None:
            visual = visualize(self, row.content_for(inner), markup=False)
            self._visuals[index, inner] = visual
        return visual

    def _row_height(self, index: int, width: int) -> int:
        row = self._rows[index]
        if row.height is not None:
            return row.height + row.padding.height
        key = (index, width)
        height = self._height_cache.get(key)
        if height is None:
            inner = max(width - row.padding.width, 1)
            visual = self._visual(index, width)
            height = self._height_cache[key] = (
                visual.get_height(cast(RulesMap, self.styles), inner) + row.padding.height
            )
        return height

    # -- drawing ------------------------------------------------------------------------------

    def notify_style_update(self) -> None:
        """A theme or focus change: draw the rows again in the new styles."""
        super().notify_style_update()
        self._strips.clear()
        self._blank = None
        self.refresh()

    def on_mount(self) -> None:
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self.restyle())

    def restyle(self) -> None:
        """Another theme: draw again. Subclasses whose rows carry styles build them again."""
        self._visuals.clear()
        self.notify_style_update()

    def on_resize(self) -> None:
        """Re-wrap the rows for a new width (the scroll stays where it was)."""
        self._lay_out()
        self.refresh()
        if self._scroll_pending:
            self.scroll_to_cursor()

    def row_style(self, index: int) -> Style:
        """The style a row is drawn in: its component classes, and the cursor's highlight."""
        row = self._rows[index]
        components = row.components
        if self.current_row is row:
            components = (*components, "cursor-panel--highlight")
        return self.get_visual_style(*components)

    def _row_strips(self, index: int, width: int) -> list[Strip]:
        """Row `index` drawn at `width` (cached): its padding and bar, then its content."""
        row = self._rows[index]
        style = self.row_style(index)
        key = (index, width, style, row.bar)
        strips = self._strips.get(key)
        if strips is not None:
            return strips
        inner = max(width - row.padding.width, 1)
        if isinstance(row.content, (str, Text, Content)):
            visual = self._visual(index, width)
            content = Visual.to_strips(self, visual, inner, None, style, apply_selection=False)
        else:
            # Any other content is a Rich renderable (a table): drawn through the console.
            rich = cast(RenderableType, row.content_for(inner))
            content = self._render_rich(rich, inner, style.rich_style)
        fill = RichStyle(bgcolor=style.rich_style.bgcolor)
        bar = None
        if row.bar is not None:
            bar = self.get_visual_style(*row.components, row.bar).rich_style.color
        strips = self._strips[key] = framed(row, content, width, fill, bar)
        return strips

    def _render_rich(self, renderable: RenderableType, width: int, base: RichStyle) -> list[Strip]:
        """A Rich renderable's lines on a base style (see `rich_strips`)."""
        app = self.app
        options = app.console_options.update(highlight=False, width=width, height=None)
        return rich_strips(app.console.render(renderable, options), width, base)

    def render_line(self, y: int) -> Strip:
        self._lay_out()  # the scrollbar came or went since the last layout
        width = self._laid_out_width
        line = self.scroll_offset.y + y
        index = self._line_rows[line] if 0 <= line < len(self._line_rows) else -1
        if index < 0:
            blank = self._blank
            if blank is None or blank.cell_length != width:
                blank = self._blank = Strip.blank(width, RichStyle(bgcolor=self.rich_style.bgcolor))
            return blank
        strips = self._row_strips(index, width)
        return strips[min(line - self._tops[index], len(strips) - 1)]

    def plain_lines(self) -> list[str]:
        """The text of every line the panel draws (scrolled into view or not), without trailing
        spaces: what a test reads."""
        self._lay_out()
        lines: list[str] = []
        for index, row in enumerate(self._rows):
            lines.extend([""] * row.margin_top)
            lines.extend(self._plain(index))
        return lines

    def row_lines(self, row: PanelRow) -> list[str]:
        """The text of the lines one row draws, without trailing spaces."""
        self._lay_out()
        return self._plain(next(i for i, shown in enumerate(self._rows) if shown is row))

    def _plain(self, index: int) -> list[str]:
        return [strip.text.rstrip() for strip in self._row_strips(index, self._laid_out_width)]

    # -- the cursor ---------------------------------------------------------------------------

    def place_cursor(self, index: int | None) -> None:
        """Put the cursor on a row (clamped), or nowhere."""
        count = len(self._items)
        self.set_reactive(
            CursorPanel.cursor,
            None if index is None or not count else max(0, min(index, count - 1)),
        )
        self._cursor_changed()  # also when the index is unchanged but the rows are new

    def watch_cursor(self) -> None:
        self._cursor_changed()

    def _cursor_changed(self) -> None:
        self.refresh()
        self.scroll_to_cursor()
        self.cursor_moved(self.current_row)

    def scroll_to_cursor(self) -> None:
        """Scroll just enough to show the whole row under the cursor (once the panel has a size:
        a hidden tab scrolls when it shows)."""
        if self.cursor is None or not self._items:
            return
        if not self.scrollable_content_region:
            self._scroll_pending = True
            return
        self._scroll_pending = False
        self._lay_out()
        index = self._items[self.cursor]
        region = Region(0, self._tops[index], self._laid_out_width, self._heights[index])
        self.scroll_to_region(region, animate=False, force=True, immediate=True)

    def cursor_moved(self, row: PanelRow | None) -> None:
        """Called whenever the row under the cursor changes."""

    def row_chosen(self, row: PanelRow) -> None:
        """Called on Enter or a click on a row."""

    def action_move(self, step: int) -> None:
        """Move the cursor down (1) or up (-1)."""
        if self._items:
            self.place_cursor(0 if self.cursor is None else self.cursor + step)

    def action_first(self) -> None:
        """The first row."""
        self.place_cursor(0)

    def action_last(self) -> None:
        """The last row."""
        self.place_cursor(len(self._items) - 1)

    def action_choose(self) -> None:
        """Act on the row under the cursor."""
        if self.current_row is not None:
            self.row_chosen(self.current_row)

    def on_click(self, event: events.Click) -> None:
        """A click on an item puts the cursor there and chooses it."""
        offset = event.get_content_offset(self)
        if offset is None:
            return
        line = self.scroll_offset.y + offset.y
        index = self._line_rows[line] if 0 <= line < len(self._line_rows) else -1
        if index in self._items:
            self.place_cursor(self._items.index(index))
            self.row_chosen(self._rows[index])
