"""One timeline merged from the dated events of stored articles (all, or those naming an entity).

Core code (no UI, no spaCy): the CLI's `newstui timeline` and the TUI's merged-timeline view share it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from tui.library.entity_articles import articles_mentioning
from tui.model import Entity
from tui.sanitize import clean_terminal_text as safe
from tui.store import Store
from tui.store.timeline_index import MergedEvent, gc_paused

__all__ = ["MergedEvent", "MergedSentence", "event_line", "merged_sentences", "merged_timeline"]


@dataclass(frozen=True, slots=True)
class MergedSentence:
    """One sentence of a stored article with every dated event in it: the merged timeline shows
    it once, at its earliest date, instead of once for each date it names."""

    events: tuple[MergedEvent, ...]
    """Its events in calendar order: the first is where the sentence sits."""

    @property
    def first(self) -> MergedEvent:
        return self.events[0]


def merged_sentences(events: Iterable[MergedEvent]) -> list[MergedSentence]:
    """Calendar-ordered events gathered by sentence, each sentence at its earliest event."""
    with gc_paused():
        groups: dict[tuple[str, int, str], list[MergedEvent]] = {}
        for item in events:
            key = (item.article_id, item.event.paragraph, item.event.sentence)
            groups.setdefault(key, []).append(item)
        return [MergedSentence(tuple(group)) for group in groups.values()]


def merged_timeline(store: Store, entity: Entity | str | None = None) -> list[MergedEvent]:
    """Every stored article's events (or only those of articles naming `entity`) by event date,
    read from the store's timeline index (one file, not every article's)."""
    ids = None if entity is None else articles_mentioning(store, entity)
    return store.timeline_events(ids)


def event_line(item: MergedEvent) -> str:
    """One tab-separated line for `newstui timeline`: date, article title, sentence."""
    sentence = " ".join(safe(item.event.sentence).split())
    return "\t".join([item.date, " ".join(safe(item.article_title).split()), sentence])
