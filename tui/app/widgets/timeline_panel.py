"""The *Timeline* tab: the open article's dated events grouped by date, in calendar order.

Each event shows its sentence with the date expression marked; Enter asks the screen to bring that
sentence's paragraph into view. Events whose paragraph is on screen in the reader are marked.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Static

from tui.app.event_text import date_groups, sentence_snippet
from tui.app.rendering import foreground
from tui.app.widgets.cursor_panel import CursorPanel
from tui.app.widgets.entity_panel import panel_state, state_item
from tui.model import Article, TimelineEvent


class EventRow(Static):
    """One dated event: its sentence, the date expression marked."""

    def __init__(self, event: TimelineEvent, text: Text) -> None:
        super().__init__(text, classes="-row event-row")
        self.event = event


class TimelinePanel(CursorPanel):
    """Timeline of `article`; shows "Analyzing…" while `analyzing` is set."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "choose", "Go to sentence", id="timeline.locate"),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "timeline-panel--date",
        "timeline-panel--published",
        "timeline-panel--expression",
    }

    article: reactive[Article | None] = reactive(None, recompose=True)
    analyzing: reactive[bool] = reactive(False, recompose=True)
    on_screen: reactive[frozenset[int]] = reactive(frozenset, init=False)
    """Paragraphs the reader shows now (set by the screen); their events are marked."""

    class EventChosen(Message):
        """Enter (or a click) on an event: show its sentence in the reader."""

        def __init__(self, event: TimelineEvent) -> None:
            super().__init__()
            self.event = event

    def compose(self) -> ComposeResult:
        state = panel_state(self.article, self.analyzing)
        if state is not None:
            yield state_item(state)
            return
        assert self.article is not None  # panel_state returned None
        groups = date_groups(self.article)
        if not any(group.events for group in groups):
            yield state_item("No dated events found.")
        get = self.get_component_rich_style
        date_style = foreground(get("timeline-panel--date"))
        published_style = foreground(get("timeline-panel--published"))
        mark = foreground(get("timeline-panel--expression"))
        # About three lines of the panel (the sentence is indented by 2 cells).
        width = self.scrollable_content_region.width or 36
        limit = max(3 * (width - 2) - 12, 40)  # word wrap wastes a few cells a line
        for group in groups:
            title = Text(group.date, style=date_style)
            if group.published:
                title.append("  ◆ published", style=published_style)
            yield Static(title, classes="date-title")
            for event in group.events:
                yield EventRow(event, sentence_snippet(event, mark, limit))

    async def recompose(self) -> None:
        """Rebuild the rows with the cursor on the first event and the on-screen marks restored."""
        await super().recompose()
        self.place_cursor(0 if self.rows() else None)
        self.watch_on_screen()

    def watch_on_screen(self) -> None:
        for row in self.query_children(EventRow):
            row.set_class(row.event.paragraph in self.on_screen, "-on-screen")

    @property
    def highlighted_event(self) -> TimelineEvent | None:
        """The event under the cursor, if any."""
        row = self.current_row
        return row.event if isinstance(row, EventRow) else None

    def row_chosen(self, row: Static) -> None:
        if isinstance(row, EventRow):
            self.post_message(self.EventChosen(row.event))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Enter only acts on an event."""
        if action == "choose":
            return self.highlighted_event is not None
        return True
