"""The merged timeline: dated events of every stored article (or those naming one entity) in order.

Each event names its article; Enter returns (article id, paragraph) so the reader can open the article
at that sentence. Reading every article runs in a worker, so the screen opens at once.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from tui.app.dates import human_date
from tui.app.event_text import sentence_snippet
from tui.app.rendering import foreground, safe_text
from tui.app.widgets.cursor_option_list import CursorOptionList
from tui.library.merged_timeline import MergedEvent, merged_timeline
from tui.model import Entity
from tui.sanitize import clean_terminal_text
from tui.store import Store, StoreError

# What Enter hands back: the article to open and the paragraph to show.
Target = tuple[str, int]


class MergedTimelineScreen(Screen[Target | None]):
    """Events across stored articles, grouped by date; Enter opens one at its sentence."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss(None)", "Back"),
        Binding("q", "dismiss(None)", "Back", show=False),  # q goes back here, as in help
        Binding("enter", "open", "Open at this sentence", priority=True),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "merged-timeline--date",
        "merged-timeline--article",
        "merged-timeline--expression",
    }

    class Loaded(Message):
        """The worker read the events (or failed to)."""

        def __init__(self, events: list[MergedEvent], error: str | None = None) -> None:
            super().__init__()
            self.events = events
            self.error = error

    def __init__(self, store: Store, entity: Entity | None = None) -> None:
        super().__init__()
        self.store = store
        self.entity = entity
        self.events: list[MergedEvent] = []
        self.loaded = False

    def compose(self) -> ComposeResult:
        with Vertical(id="merged-box"):
            yield Static(self._title(None), id="merged-title")
            yield CursorOptionList(id="merged-list")
        yield Footer()

    def _title(self, count: int | None) -> Content:
        """ "Timeline of …  · N events" (the count muted in the theme's colour, whichever it is)."""
        if self.entity is None:
            scope = Content("Timeline of all stored articles")
        else:
            name = Content(clean_terminal_text(self.entity.name)).stylize("bold")
            scope = Content("Timeline of articles naming ") + name
        told = "reading…" if count is None else f"{count} event{'s' if count != 1 else ''}"
        return scope + Content(f"  · {told}").stylize("$text-muted")

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()
        self.load()
        self.app.theme_changed_signal.subscribe(self, self._theme_changed)

    def _theme_changed(self, _theme: object) -> None:
        """Another theme: the events carry their colours, so they are listed again."""
        if self.loaded:
            self._fill()

    @work(thread=True, exclusive=True, group="merged-timeline")
    def load(self) -> None:
        """Read every article's timeline (in a thread: it opens each stored article)."""
        try:
            events = merged_timeline(self.store, self.entity)
        except (KeyError, StoreError, OSError) as exc:
            self.post_message(self.Loaded([], f"{exc.__class__.__name__}: {exc}"))
            return
        self.post_message(self.Loaded(events))

    @on(Loaded)
    def _loaded(self, message: Loaded) -> None:
        if message.error:
            self.notify(
                message.error, title="Cannot read the store", severity="error", markup=False
            )
        self.events, self.loaded = message.events, True
        self._fill()
        options = self.query_one(OptionList)
        first = next(
            (i for i in range(options.option_count) if not options.get_option_at_index(i).disabled),
            None,
        )
        options.highlighted = first
        self.query_one("#merged-title", Static).update(self._title(len(self.events)))

    def _fill(self) -> None:
        """List the events, styled in the theme's colours (again after a theme change, the
        cursor kept where it was)."""
        options = self.query_one(OptionList)
        highlighted = options.highlighted
        options.clear_options()
        get = self.get_component_rich_style
        date_style = foreground(get("merged-timeline--date"))
        article_style = foreground(get("merged-timeline--article"))
        mark = foreground(get("merged-timeline--expression"))
        last_value = None
        for number, item in enumerate(self.events):
            if item.event.value != last_value:
                if last_value is not None:
                    options.add_option(None)  # a rule between dates
                last_value = item.event.value
                header = Text(human_date(item.event.value), style=date_style)
                options.add_option(Option(header, id=f"date-{number}", disabled=True))
            prompt = sentence_snippet(item.event, mark, limit=240)
            prompt.append("\n")
            prompt.append_text(safe_text("— " + item.article_title, article_style))
            options.add_option(Option(prompt, id=f"event-{number}"))
        if not self.events:
            none = Content("No dated events in these articles.").stylize("$text-muted")
            options.add_option(Option(none, disabled=True))
        options.highlighted = highlighted

    def event_at(self, index: int | None) -> MergedEvent | None:
        """The event of an option index (None for date headings)."""
        if index is None:
            return None
        option_id = self.query_one(OptionList).get_option_at_index(index).id or ""
        if not option_id.startswith("event-"):
            return None
        return self.events[int(option_id.removeprefix("event-"))]

    @property
    def highlighted_event(self) -> MergedEvent | None:
        """The event under the cursor."""
        return self.event_at(self.query_one(OptionList).highlighted)

    def _open(self, item: MergedEvent | None) -> None:
        if item is not None:
            self.dismiss((item.article_id, item.event.paragraph))

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._open(self.event_at(event.option_index))

    def action_open(self) -> None:
        """Open the event's article, scrolled to its sentence."""
        self._open(self.highlighted_event)
