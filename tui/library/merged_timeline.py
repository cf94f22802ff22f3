"""One timeline merged from the dated events of stored articles (all, or those naming an entity).

Core code (no UI, no spaCy): the CLI's `newstui timeline` and the TUI's merged-timeline view share it.
"""

from __future__ import annotations

from tui.library.entity_articles import articles_mentioning
from tui.model import Entity, TimelineEvent
from tui.sanitize import clean_terminal_text as safe
from tui.store import Store, StoreError
from tui.store.timeline_index import EventKey, MergedEvent, gc_paused

__all__ = [
    "ArticleEvents",
    "EventKey",
    "MergedEvent",
    "MergedSentence",
    "event_line",
    "merged_sentences",
    "merged_timeline",
]


class ArticleEvents:
    """Each article's events read from the store's timeline index when first asked for (a row of
    the merged view is drawn), then kept."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._read: dict[str, list[MergedEvent]] = {}

    def get(self, article_id: str) -> list[MergedEvent]:
        events = self._read.get(article_id)
        if events is None:
            try:
                events = self.store.timeline_article(article_id)
            except StoreError:  # a line damaged since its keys were read
                events = []
            if not events:  # or gone with a fold: the full read rebuilds what is damaged
                events = self.store.timeline_events([article_id])
            self._read[article_id] = events
        return events

    def event(self, key: EventKey) -> MergedEvent:
        events = self.get(key.article_id)
        if key.position < len(events):
            return events[key.position]
        # The article was removed or re-analysed since the keys were read: its date, no text.
        return MergedEvent(
            TimelineEvent(key.value, "year", "", 0, 0, 0, ""), key.article_id, "", key.order
        )


class MergedSentence:
    """One sentence of a stored article with every dated event in it: the merged timeline shows
    it once, at its earliest date, instead of once for each date it names. Made from the events'
    keys; their texts are read when the sentence is first drawn."""

    __slots__ = ("_events", "keys", "source")

    def __init__(self, keys: list[EventKey], source: ArticleEvents) -> None:
        self.keys = keys
        """Its events' keys in calendar order: the first is where the sentence sits."""
        self.source = source
        self._events: tuple[MergedEvent, ...] | None = None

    @property
    def value(self) -> str:
        """The calendar value it sits at (read without its texts)."""
        return self.keys[0].value

    @property
    def events(self) -> tuple[MergedEvent, ...]:
        """Its events in calendar order."""
        if self._events is None:
            self._events = tuple(self.source.event(k) for k in self.keys)
        return self._events

    @property
    def first(self) -> MergedEvent:
        return self.events[0]


def merged_sentences(
    store: Store, entity: Entity | str | None = None
) -> tuple[list[EventKey], list[MergedSentence]]:
    """The keys of every stored article's events (or those naming `entity`) in calendar order,
    and the sentences they sit in, each at its earliest event; no text is read."""
    ids = None if entity is None else articles_mentioning(store, entity)
    keys = store.timeline_keys(ids)
    source = ArticleEvents(store)
    with gc_paused():
        groups: dict[tuple[str, int], list[EventKey]] = {}
        for key in keys:
            groups.setdefault((key.article_id, key.sentence), []).append(key)
        return keys, [MergedSentence(group, source) for group in groups.values()]


def merged_timeline(store: Store, entity: Entity | str | None = None) -> list[MergedEvent]:
    """Every stored article's events (or only those of articles naming `entity`) by event date,
    read from the store's timeline index (one file, not every article's)."""
    ids = None if entity is None else articles_mentioning(store, entity)
    return store.timeline_events(ids)


def event_line(item: MergedEvent) -> str:
    """One tab-separated line for `newstui timeline`: date, article title, sentence."""
    sentence = " ".join(safe(item.event.sentence).split())
    return "\t".join([item.date, " ".join(safe(item.article_title).split()), sentence])
