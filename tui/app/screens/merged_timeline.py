"""The merged timeline: dated events of every stored article (or those naming one entity) in order.

Each sentence shows once, at its earliest date, with its article; Enter returns (article id,
paragraph) so the reader can open the article at that sentence. The events are read from the
store's timeline index in a worker, so the screen opens at once.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Static

from tui.app.widgets.cursor_panel import PanelRow
from tui.app.widgets.merged_timeline_list import MergedTimelineList, Styles, timeline_rows
from tui.library.merged_timeline import EventKey, MergedEvent, MergedSentence, merged_sentences
from tui.model import Entity
from tui.sanitize import clean_terminal_text
from tui.store import Store, StoreError

# What Enter hands back: the article to open and the paragraph to show.
Target = tuple[str, int]


class MergedTimelineScreen(Screen[Target | None]):
    """Sentences across stored articles, by date; Enter opens one at its sentence."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss(None)", "Back"),
        Binding("q", "dismiss(None)", "Back", show=False),  # q goes back here, as in help
    ]

    class Loaded(Message):
        """The worker read the events' keys (or failed to)."""

        def __init__(
            self,
            keys: list[EventKey],
            sentences: list[MergedSentence],
            rows: list[PanelRow],
            error: str | None = None,
        ) -> None:
            super().__init__()
            self.keys = keys
            self.sentences = sentences
            self.rows = rows
            self.error = error

    def __init__(self, store: Store, entity: Entity | None = None) -> None:
        super().__init__()
        self.store = store
        self.entity = entity
        self.keys: list[EventKey] = []
        self.sentences: list[MergedSentence] = []
        self.loaded = False

    @property
    def events(self) -> list[MergedEvent]:
        """Every event listed, in calendar order (their texts read now, all of them)."""
        if not self.sentences:
            return []
        source = self.sentences[0].source
        return [source.event(k) for k in self.keys]

    def compose(self) -> ComposeResult:
        with Vertical(id="merged-box"):
            yield Static(self._title(None), id="merged-title")
            yield MergedTimelineList(id="merged-list")
            yield Static(
                Content("No dated events in these articles.").stylize("$text-muted"),
                id="merged-empty",
            )
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
        timeline = self.query_one(MergedTimelineList)
        timeline.focus()
        self.query_one("#merged-empty").display = False
        self.load(timeline.row_styles)

    @work(thread=True, exclusive=True, group="merged-timeline")
    def load(self, styles: Styles) -> None:
        """Read the events from the store's timeline index and make the list's rows (in a
        thread: a large store has tens of thousands; the first time, the index is built from
        every article file)."""
        try:
            keys, sentences = merged_sentences(self.store, self.entity)
        except (KeyError, StoreError, OSError) as exc:
            self.post_message(self.Loaded([], [], [], f"{exc.__class__.__name__}: {exc}"))
            return
        self.post_message(self.Loaded(keys, sentences, timeline_rows(sentences, styles)))

    @on(Loaded)
    def _loaded(self, message: Loaded) -> None:
        if message.error:
            self.notify(
                message.error, title="Cannot read the store", severity="error", markup=False
            )
        self.keys, self.sentences, self.loaded = message.keys, message.sentences, True
        self.query_one(MergedTimelineList).show(message.rows)
        self.query_one("#merged-empty").display = not self.sentences
        self.query_one("#merged-title", Static).update(self._title(len(self.keys)))

    @property
    def highlighted_sentence(self) -> MergedSentence | None:
        """The sentence under the cursor."""
        return self.query_one(MergedTimelineList).highlighted

    @property
    def highlighted_event(self) -> MergedEvent | None:
        """The earliest event of the sentence under the cursor."""
        sentence = self.highlighted_sentence
        return sentence.first if sentence is not None else None

    @on(MergedTimelineList.Chosen)
    def _chosen(self, message: MergedTimelineList.Chosen) -> None:
        message.stop()
        first = message.sentence.first
        self.dismiss((first.article_id, first.event.paragraph))
