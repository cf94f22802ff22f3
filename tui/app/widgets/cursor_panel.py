"""A scrolling panel of Static rows with a keyboard cursor: the base of the Entities and Timeline tabs.

Not a ListView: rows are plain Statics mounted straight into the panel (no per-row container), so a
recompose shows them at once and hundreds of rows stay cheap. Rows with the `-row` class can take
the cursor; others (headings, notes) are skipped.
"""

from __future__ import annotations

from typing import ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.reactive import reactive
from textual.widgets import Static


class CursorPanel(VerticalScroll, can_focus=True):
    """Rows the cursor moves through; subclasses react in `cursor_moved` and `row_chosen`."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,j", "move(1)", "Down", show=False),
        Binding("up,k", "move(-1)", "Up", show=False),
        Binding("home", "first", "First", show=False),
        Binding("end", "last", "Last", show=False),
    ]

    cursor: reactive[int | None] = reactive(None, init=False)
    """Index into `rows()` of the row under the cursor."""

    def rows(self) -> list[Static]:
        """The rows that can take the cursor, in order."""
        return list(self.query_children(".-row").results(Static))

    @property
    def current_row(self) -> Static | None:
        rows = self.rows()
        if self.cursor is None or not 0 <= self.cursor < len(rows):
            return None
        return rows[self.cursor]

    def place_cursor(self, index: int | None) -> None:
        """Put the cursor on a row (clamped), or nowhere."""
        count = len(self.rows())
        self.cursor = None if index is None or not count else max(0, min(index, count - 1))
        self.watch_cursor()  # also when the index is unchanged but the rows are new

    def watch_cursor(self) -> None:
        current = self.current_row
        for row in self.rows():
            row.set_class(row is current, "-highlight")
        if current is not None:
            self.scroll_to_widget(current, animate=False)
        self.cursor_moved(current)

    def cursor_moved(self, row: Static | None) -> None:
        """Called whenever the row under the cursor changes."""

    def row_chosen(self, row: Static) -> None:
        """Called on Enter or a click on a row."""

    def action_move(self, step: int) -> None:
        """Move the cursor down (1) or up (-1)."""
        if self.rows():
            self.place_cursor(0 if self.cursor is None else self.cursor + step)

    def action_first(self) -> None:
        """The first row."""
        self.place_cursor(0)

    def action_last(self) -> None:
        """The last row."""
        self.place_cursor(len(self.rows()) - 1)

    def action_choose(self) -> None:
        """Act on the row under the cursor."""
        if self.current_row is not None:
            self.row_chosen(self.current_row)

    def on_click(self, event: events.Click) -> None:
        widget = event.widget
        rows = self.rows()
        while widget is not None and widget not in rows and widget is not self:
            widget = widget.parent  # type: ignore[assignment]
        if widget in rows:
            self.place_cursor(rows.index(widget))  # type: ignore[arg-type]
            self.row_chosen(widget)  # type: ignore[arg-type]
