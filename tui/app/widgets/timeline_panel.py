"""The *Timeline* tab: the open article's dated events in calendar order, one line each."""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.reactive import reactive
from textual.widgets import Static

from tui.app.rendering import foreground, timeline_rows
from tui.app.widgets.entity_panel import panel_state
from tui.model import Article


class TimelinePanel(VerticalScroll):
    """Timeline of `article`; shows "Analyzing…" while `analyzing` is set."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "scroll_down", "Scroll down", show=False),
        Binding("k", "scroll_up", "Scroll up", show=False),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {"timeline-panel--date", "timeline-panel--published"}

    article: reactive[Article | None] = reactive(None, recompose=True)
    analyzing: reactive[bool] = reactive(False, recompose=True)

    def compose(self) -> ComposeResult:
        state = panel_state(self.article, self.analyzing)
        if state is not None:
            yield Static(state, classes="panel-state", markup=False)
            return
        assert self.article is not None  # panel_state returned None
        rows = timeline_rows(self.article)
        if not any(not row.published for row in rows):
            yield Static("No dated events found.", classes="panel-state")
        date_style = foreground(self.get_component_rich_style("timeline-panel--date"))
        published_style = foreground(self.get_component_rich_style("timeline-panel--published"))
        table = Table.grid(padding=(0, 1), expand=True)
        table.add_column(no_wrap=True)
        table.add_column(ratio=1, no_wrap=True, overflow="ellipsis")
        for row in rows:
            if row.published:
                date = Text(f"◆ {row.date}", style=published_style)
                snippet = Text(row.snippet.plain, style=published_style)
            else:
                date, snippet = Text(f"• {row.date}", style=date_style), row.snippet
            table.add_row(date, snippet)
        if rows:
            yield Static(table, classes="timeline")
