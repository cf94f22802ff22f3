"""The main screen's grid of panes: list | reader | side panel in a wide terminal; below
NARROW_BELOW columns the side panel goes under the reader (and on a short screen, away).

The screen says what to show (`lay_out`: the panel or not, its width, the screen's size); the grid
sets its own grid rules. `Screen.-narrow` rules in app.tcss give the first frame its shape."""

from __future__ import annotations

from textual.containers import Container
from textual.geometry import Size

from tui.settings import SIDE_WIDTH_MIN

NARROW_BELOW = (
    120  # columns; matches NewsApp.HORIZONTAL_BREAKPOINTS (below, the reader would be too narrow)
)
LIST_WIDTH = 32  # the list column (wide layout); 26 or a third of a narrow screen below
READER_FLOOR = 50  # columns the reader keeps, whatever the side panel's width asks for
PANEL_ROWS_MIN = 16  # below this height (narrow layout) the side panel is not shown


def side_width_that_fits(wanted: int, columns: int) -> int:
    """The side panel's width: what the settings ask, less what would leave the reader under
    `READER_FLOOR` columns (never under the panel's own minimum); `wanted` before any layout."""
    if not columns:
        return wanted
    return max(SIDE_WIDTH_MIN, min(wanted, columns - LIST_WIDTH - READER_FLOOR))


def panel_fits(screen: Size) -> bool:
    """Whether the side panel can show at all: a narrow screen needs PANEL_ROWS_MIN rows for it."""
    return not (screen.width < NARROW_BELOW and 0 < screen.height < PANEL_ROWS_MIN)


class PaneGrid(Container):
    """The panes (`#panes`), laid out by `lay_out`."""

    _applied: tuple[bool, int, int, int] | None = None

    def forget_layout(self) -> None:
        """A pane came (the side panel, just after the first paint): lay out again next time."""
        self._applied = None

    def lay_out(self, show: bool, side_width: int, screen: Size) -> bool:
        """Show or hide the side panel, `side_width` wide (wide) or under the reader (narrow), for
        a screen of this size; returns whether the layout is narrow."""
        columns, rows = screen.width, screen.height
        narrow = bool(columns) and columns < NARROW_BELOW
        width = side_width_that_fits(side_width, columns)
        list_width = min(26, max(columns // 3, 12)) if narrow else LIST_WIDTH
        # Under the reader (narrow) the panel takes 9 rows, 7 on a short screen; on a tiny one
        # (under PANEL_ROWS_MIN rows) none: the reader needs them all.
        panel_rows = (9 if rows >= 30 else 7) if narrow else 0
        if narrow and 0 < rows < PANEL_ROWS_MIN:
            show = False
        layout = (show, width if not narrow else list_width, int(narrow), panel_rows)
        if layout == self._applied:
            return narrow  # a resize that keeps the layout: re-laying out the panes costs a frame
        self._applied = layout
        # None until mounted, just after the first paint; a type selector, as a name: the
        # TabbedContent module (~4 ms to import) loads with the panel, not at start-up.
        for side in self.query("TabbedContent"):
            side.display = show
        styles = self.styles
        for rule in ("grid_size_columns", "grid_size_rows", "grid_columns", "grid_rows"):
            styles.clear_rule(rule)
        if narrow:
            styles.grid_columns = f"{list_width} 1fr"
            styles.grid_rows = f"1fr {panel_rows}" if show else "1fr 0"
        elif show:
            styles.grid_columns = f"{LIST_WIDTH} 1fr {width}"
        else:
            styles.grid_size_columns = 2
            styles.grid_columns = f"{LIST_WIDTH} 1fr"
        self.refresh(layout=True)
        return narrow
