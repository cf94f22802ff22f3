"""The *Entities* tab: who and what the open article names, grouped by type, with counts."""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.reactive import reactive
from textual.widgets import Static

from tui.app.rendering import entity_count, entity_groups, safe_text
from tui.model import Article

GROUP_LABELS = {
    "PERSON": "People",
    "ORGANIZATION": "Organizations",
    "PLACE": "Places",
    "GROUP": "Groups",
    "EVENT": "Events",
    "OTHER": "Other",
}


def panel_state(article: Article | None, analyzing: bool) -> str | None:
    """The message a side panel shows instead of data, or None when there is data to show."""
    if article is None:
        return "No article open."
    if analyzing:
        return "Analyzing…"
    if not article.analyzed:
        return "Not analyzed yet."
    return None


class EntityPanel(VerticalScroll):
    """Entities of `article`; shows "Analyzing…" while `analyzing` is set."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "scroll_down", "Scroll down", show=False),
        Binding("k", "scroll_up", "Scroll up", show=False),
    ]

    article: reactive[Article | None] = reactive(None, recompose=True)
    analyzing: reactive[bool] = reactive(False, recompose=True)

    def compose(self) -> ComposeResult:
        state = panel_state(self.article, self.analyzing)
        if state is not None:
            yield Static(state, classes="panel-state", markup=False)
            return
        assert self.article is not None  # panel_state returned None
        groups = entity_groups(self.article)
        if not groups:
            yield Static("No people, places or organizations found.", classes="panel-state")
            return
        for kind, entities in groups:
            title = Text.assemble(GROUP_LABELS[kind], (f"  {len(entities)}", "dim"))
            yield Static(title, classes=f"group-title -{kind.lower()}")
            table = Table.grid(padding=(0, 1), expand=True)
            table.add_column(ratio=1, no_wrap=True, overflow="ellipsis")
            table.add_column(justify="right", no_wrap=True, style="dim")
            for entity in entities:
                table.add_row(safe_text(entity.name), str(entity_count(entity)))
            yield Static(table, classes="group-body")
