"""The *Entities* tab: who and what the open article names, grouped by type, with counts.

A list the cursor moves through: highlighting an entity (while the panel has focus) asks the screen
to mark its mentions in the reader; Enter asks for the other stored articles that name it.
"""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import ListItem, ListView, Static

from tui.app.rendering import entity_count, entity_groups, safe_text
from tui.model import Article, Entity

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


def state_item(message: str) -> ListItem:
    """A list row that only says something ("Analyzing…"); the cursor skips it."""
    return ListItem(Static(message, classes="panel-state", markup=False), disabled=True)


class EntityItem(ListItem):
    """One entity of the panel: name, count, and how many other stored articles name it."""

    def __init__(self, entity: Entity, elsewhere: int) -> None:
        super().__init__(classes="entity-item")
        self.entity = entity
        self.elsewhere = elsewhere

    def compose(self) -> ComposeResult:
        row = Table.grid(padding=(0, 1), expand=True)
        row.add_column(ratio=1, no_wrap=True, overflow="ellipsis")
        row.add_column(justify="right", no_wrap=True, style="dim")
        row.add_row(safe_text(self.entity.name), str(entity_count(self.entity)))
        yield Static(row, classes="entity-name")
        if self.elsewhere:
            plural = "s" if self.elsewhere != 1 else ""
            yield Static(
                Text(f"in {self.elsewhere} other article{plural}"), classes="entity-elsewhere"
            )


class EntityPanel(ListView):
    """Entities of `article`; shows "Analyzing…" while `analyzing` is set."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Next entity", show=False),
        Binding("k", "cursor_up", "Previous entity", show=False),
        Binding("enter", "select_cursor", "Articles naming it"),
        Binding("n", "jump(1)", "Next mention"),
        Binding("N", "jump(-1)", "Previous mention", key_display="N"),
        Binding("m", "entity_timeline", "Its timeline"),
    ]

    article: reactive[Article | None] = reactive(None, recompose=True)
    analyzing: reactive[bool] = reactive(False, recompose=True)
    elsewhere: reactive[dict[str, int]] = reactive(dict, recompose=True)
    """How many other stored articles name each entity (by entity name); set by the screen."""

    class EntityHighlighted(Message):
        """The cursor (in a focused panel) is on an entity, or on none."""

        def __init__(self, entity: Entity | None) -> None:
            super().__init__()
            self.entity = entity

    class EntityChosen(Message):
        """Enter on an entity: show the stored articles that name it."""

        def __init__(self, entity: Entity) -> None:
            super().__init__()
            self.entity = entity

    class JumpRequested(Message):
        """Move the reader to the next (1) or previous (-1) mention of the highlighted entity."""

        def __init__(self, step: int) -> None:
            super().__init__()
            self.step = step

    class TimelineRequested(Message):
        """Show the merged timeline of the articles naming this entity."""

        def __init__(self, entity: Entity) -> None:
            super().__init__()
            self.entity = entity

    def compose(self) -> ComposeResult:
        state = panel_state(self.article, self.analyzing)
        if state is not None:
            yield state_item(state)
            return
        assert self.article is not None  # panel_state returned None
        groups = entity_groups(self.article)
        if not groups:
            yield state_item("No people, places or organizations found.")
            return
        for kind, entities in groups:
            title = Text.assemble(GROUP_LABELS[kind], (f"  {len(entities)}", "dim"))
            yield ListItem(
                Static(title, classes=f"group-title -{kind.lower()}"),
                classes="group-item",
                disabled=True,
            )
            for entity in entities:
                yield EntityItem(entity, self.elsewhere.get(entity.name, 0))

    async def recompose(self) -> None:
        """Rebuild the rows, keeping the cursor on the same entity when it is still listed."""
        was = self.highlighted_entity
        await super().recompose()
        items = list(self.query_children(ListItem))
        keep = next(
            (
                i
                for i, item in enumerate(items)
                if isinstance(item, EntityItem) and was is not None and item.entity.name == was.name
            ),
            None,
        )
        first = next((i for i, item in enumerate(items) if isinstance(item, EntityItem)), None)
        self.index = keep if keep is not None else first

    @property
    def highlighted_entity(self) -> Entity | None:
        """The entity under the cursor, if any."""
        item = self.highlighted_child
        return item.entity if isinstance(item, EntityItem) else None

    @on(ListView.Highlighted)
    def _highlighted(self, event: ListView.Highlighted) -> None:
        event.stop()
        if self.has_focus:
            self.post_message(self.EntityHighlighted(self.highlighted_entity))

    @on(ListView.Selected)
    def _selected(self, event: ListView.Selected) -> None:
        event.stop()
        if isinstance(event.item, EntityItem):
            self.post_message(self.EntityChosen(event.item.entity))

    def on_focus(self) -> None:
        self.post_message(self.EntityHighlighted(self.highlighted_entity))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Entity keys only work with an entity under the cursor; otherwise the key passes on."""
        if action in ("jump", "entity_timeline", "select_cursor"):
            return self.highlighted_entity is not None
        return True

    def action_jump(self, step: int) -> None:
        """Scroll the reader to the next or previous mention of the entity."""
        self.post_message(self.EntityHighlighted(self.highlighted_entity))
        self.post_message(self.JumpRequested(step))

    def action_entity_timeline(self) -> None:
        """Show the timeline merged from every stored article that names the entity."""
        entity = self.highlighted_entity
        if entity is not None:
            self.post_message(self.TimelineRequested(entity))
