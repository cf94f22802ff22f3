"""The *Timeline* tab: the open article's dated events grouped by date, in calendar order.

Each event shows its sentence with the date expression marked; Enter asks the screen to bring that
sentence's paragraph into view. Events whose paragraph is on screen in the reader are marked.
"""

from __future__ import annotations

from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.geometry import Spacing
from textual.message import Message
from textual.reactive import reactive

from tui.app.event_text import date_groups, sentence_snippet
from tui.app.panel_rows import PanelRow
from tui.app.rendering import foreground
from tui.app.widgets.cursor_panel import FALLBACK_WIDTH, CursorPanel
from tui.app.widgets.entity_panel import panel_state, state_row
from tui.model import Article, TimelineEvent


class EventRow(PanelRow):
    """One dated event: its sentence, the date expression marked, cut to about three lines."""

    def __init__(self, event: TimelineEvent, mark: Style) -> None:
        self.event = event
        self.mark = mark
        super().__init__(
            self.content_for(FALLBACK_WIDTH - 2), item=event, padding=Spacing(0, 0, 0, 2)
        )

    def content_for(self, width: int) -> Text:
        """The sentence cut to about three lines of `width` cells (word wrap wastes a few a line)."""
        return sentence_snippet(self.event, self.mark, max(3 * width - 12, 40))


class TimelinePanel(CursorPanel):
    """Timeline of `article`; shows "Analyzing…" while `analyzing` is set."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "choose", "Go to sentence", id="timeline.locate"),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "timeline-panel--date",
        "timeline-panel--published",
        "timeline-panel--expression",
        "timeline-panel--date-title",
        "timeline-panel--on-screen",
    }

    article: reactive[Article | None] = reactive(None)
    analyzing: reactive[bool] = reactive(False)
    on_screen: reactive[frozenset[int]] = reactive(frozenset, init=False)
    """Paragraphs the reader shows now (set by the screen); their events are marked."""

    class EventChosen(Message):
        """Enter (or a click) on an event: show its sentence in the reader."""

        def __init__(self, event: TimelineEvent) -> None:
            super().__init__()
            self.event = event

    def _event_rows(self) -> list[PanelRow]:
        """The rows for `article`: a title for each date, then its events."""
        state = panel_state(self.article, self.analyzing)
        if state is not None:
            return [state_row(state)]
        assert self.article is not None  # panel_state returned None
        groups = date_groups(self.article)
        rows: list[PanelRow] = []
        if not any(group.events for group in groups):
            rows.append(state_row("No dated events found."))
        get = self.get_component_rich_style
        date_style = foreground(get("timeline-panel--date"))
        published_style = foreground(get("timeline-panel--published"))
        mark = foreground(get("timeline-panel--expression"))
        for group in groups:
            title = Text(group.date, style=date_style)
            if group.published:
                title.append("  ◆ published", style=published_style)
            rows.append(PanelRow(title, ("timeline-panel--date-title",), margin_top=1))
            rows.extend(EventRow(event, mark) for event in group.events)
        return rows

    def _show(self) -> None:
        """Show the rows for `article`, the cursor on the first event, the on-screen marks set."""
        self.set_rows(self._event_rows())
        self._mark_on_screen()
        self.place_cursor(0 if self.rows() else None)

    def watch_article(self) -> None:
        self._show()

    def restyle(self) -> None:
        """Another theme: the rows carry their dates' colours, so they are built again (the
        cursor and the scroll stay where they were)."""
        super().restyle()
        cursor, top = self.cursor, self.scroll_y
        self.set_rows(self._event_rows())
        self._mark_on_screen()
        self.place_cursor(cursor)
        self.scroll_to(y=top, animate=False, immediate=True)

    def watch_analyzing(self) -> None:
        self._show()

    def watch_on_screen(self) -> None:
        self.redraw_rows(self._mark_on_screen())

    def _mark_on_screen(self) -> list[PanelRow]:
        """Give a bar to the events whose paragraph the reader shows; the rows that changed."""
        changed: list[PanelRow] = []
        for row in self.rows():
            if isinstance(row, EventRow):
                bar = "timeline-panel--on-screen" if row.event.paragraph in self.on_screen else None
                if bar != row.bar:
                    row.bar = bar
                    changed.append(row)
        return changed

    @property
    def highlighted_event(self) -> TimelineEvent | None:
        """The event under the cursor, if any."""
        row = self.current_row
        return row.event if isinstance(row, EventRow) else None

    def row_chosen(self, row: PanelRow) -> None:
        if isinstance(row, EventRow):
            self.post_message(self.EventChosen(row.event))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Enter only acts on an event."""
        if action == "choose":
            return self.highlighted_event is not None
        return True
