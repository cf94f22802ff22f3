"""The merged timeline's rows: a heading for each date, then each sentence dated there, once.

A line-drawn list (`CursorPanel`): tens of thousands of sentences from a large store cost one small
object each; a row's text is built only when it is drawn (each row is two lines, never wrapped, so
laying the list out reads no text). A sentence naming several dates sits at its earliest and lists
the others on its second line, before its article's title.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.geometry import Spacing
from textual.message import Message

from tui.app.dates import human_date
from tui.app.event_text import sentence_snippet
from tui.app.rendering import foreground
from tui.app.widgets.cursor_panel import CursorPanel, PanelRow
from tui.library.merged_timeline import MergedSentence
from tui.sanitize import clean_terminal_text
from tui.store.timeline_index import gc_paused

_SENTENCE_PADDING = Spacing(0, 1, 0, 2)
_EMPTY = Text()


class Styles:
    """The rich styles the rows are drawn in, read from the list's component classes."""

    def __init__(self) -> None:
        self.date = self.article = self.mark = Style()


class SentenceRow(PanelRow):
    """A sentence, its date expressions marked, on one line; any other dates it names and its
    article on the next."""

    def __init__(self, sentence: MergedSentence, styles: Styles) -> None:
        super().__init__(_EMPTY, item=sentence, height=2, padding=_SENTENCE_PADDING)
        self.sentence = sentence
        self.styles = styles

    def content_for(self, width: int) -> Text:
        styles, events = self.styles, self.sentence.events
        line = sentence_snippet(events[0].event, styles.mark, limit=max(width, 20))
        others = [clean_terminal_text(" ".join(e.event.text.split())) for e in events[1:]]
        line.highlight_words([o for o in others if o], styles.mark)
        line.truncate(width, overflow="ellipsis")
        title = " ".join(clean_terminal_text(events[0].article_title).split())
        dates = list(dict.fromkeys(human_date(e.event.value) for e in events[1:]))
        also = f"also {', '.join(dates)} " if dates else ""  # before the title, which may be cut
        below = Text(f"{also}— {title}", style=styles.article)
        below.truncate(width, overflow="ellipsis")
        return Text("\n").join([line, below])


class DateRow(PanelRow):
    """The heading of a date."""

    def __init__(self, value: str, styles: Styles, first: bool) -> None:
        super().__init__(_EMPTY, height=1, margin_top=0 if first else 1)
        self.value = value
        self.styles = styles

    def content_for(self, width: int) -> Text:
        text = Text(human_date(self.value), style=self.styles.date)
        text.truncate(width, overflow="ellipsis")
        return text


def timeline_rows(sentences: Sequence[MergedSentence], styles: Styles) -> list[PanelRow]:
    """A heading for each date, then the sentences placed there (plain objects: a worker may make
    them for a large store, and the list only swaps them in)."""
    rows: list[PanelRow] = []
    last = None
    with gc_paused():
        for sentence in sentences:
            value = sentence.value
            if value != last:
                rows.append(DateRow(value, styles, first=last is None))
                last = value
            rows.append(SentenceRow(sentence, styles))
    return rows


class MergedTimelineList(CursorPanel):
    """Sentences across stored articles by date; Enter asks to open one at its sentence."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "choose", "Open at this sentence", id="merged.open"),
        Binding("pagedown,space", "page(1)", "Page down", show=False),
        Binding("pageup,b", "page(-1)", "Page up", show=False),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "merged-timeline--date",
        "merged-timeline--article",
        "merged-timeline--expression",
    }

    class Chosen(Message):
        """Enter (or a click) on a sentence."""

        def __init__(self, sentence: MergedSentence) -> None:
            super().__init__()
            self.sentence = sentence

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.styles_of_rows = Styles()

    def show(self, rows: Sequence[PanelRow]) -> None:
        """List rows made by `timeline_rows` (with this list's `row_styles`), the cursor on the
        first sentence."""
        self.set_rows(rows)
        self.place_cursor(0 if any(isinstance(row, SentenceRow) for row in rows[:2]) else None)

    @property
    def row_styles(self) -> Styles:
        """The styles the rows are drawn in (read from the theme now; kept up to date)."""
        self._read_styles()
        return self.styles_of_rows

    def _read_styles(self) -> None:
        get = self.get_component_rich_style
        styles = self.styles_of_rows
        styles.date = foreground(get("merged-timeline--date"))
        styles.article = foreground(get("merged-timeline--article"))
        styles.mark = foreground(get("merged-timeline--expression"))

    def restyle(self) -> None:
        """Another theme: the rows read the new styles when drawn again (cursor kept)."""
        self._read_styles()
        super().restyle()

    @property
    def highlighted(self) -> MergedSentence | None:
        """The sentence under the cursor."""
        row = self.current_row
        return row.sentence if isinstance(row, SentenceRow) else None

    def action_page(self, step: int) -> None:
        """Move the cursor by about a screenful of sentences."""
        per_page = max(self.scrollable_content_region.height // 3, 1)
        self.action_move(step * per_page)

    def row_chosen(self, row: PanelRow) -> None:
        if isinstance(row, SentenceRow):
            self.post_message(self.Chosen(row.sentence))
