"""One timeline merged from the dated events of stored articles (all, or those naming an entity).

Core code (no UI, no spaCy): the CLI's `newstui timeline` and the TUI's merged-timeline view share it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from tui.library.entity_articles import articles_mentioning
from tui.model import Article, Entity, TimelineEvent
from tui.nlp.timex_calendar import human_date, sort_key
from tui.sanitize import clean_terminal_text as safe
from tui.store import Store


@dataclass(frozen=True, slots=True)
class MergedEvent:
    """One dated event of a stored article, with the article it comes from."""

    event: TimelineEvent
    article_id: str
    article_title: str

    @property
    def date(self) -> str:
        """The event's date in words ("Sun 13 Sep 2020", "the 1990s")."""
        return human_date(self.event.value)

    def to_dict(self) -> dict[str, Any]:
        """One line of `newstui timeline --json`."""
        e = self.event
        return {
            "value": e.value,
            "date": self.date,
            "granularity": e.granularity,
            "text": safe(e.text),
            "sentence": safe(e.sentence),
            "paragraph": e.paragraph,
            "start": e.start,
            "end": e.end,
            "article_id": self.article_id,
            "article_title": safe(self.article_title),
        }


def event_order(item: MergedEvent) -> tuple[str, str, str, int, int]:
    """Calendar order (any granularity, by the day it starts), then article, then place in it."""
    e = item.event
    return (sort_key(e.value), e.value, item.article_id, e.paragraph, e.start)


def merge_events(articles: Iterable[Article]) -> list[MergedEvent]:
    """The timeline events of several articles in one list, in calendar order."""
    merged = [
        MergedEvent(event, article.id, article.title)
        for article in articles
        for event in article.timeline
    ]
    return sorted(merged, key=event_order)


def merged_timeline(store: Store, entity: Entity | str | None = None) -> list[MergedEvent]:
    """Every stored article's events (or only those of articles naming `entity`) by event date."""
    if entity is None:
        ids = [s.id for s in store.summaries()]
    else:
        ids = articles_mentioning(store, entity)
    return merge_events(store.get(article_id) for article_id in ids)


def event_line(item: MergedEvent) -> str:
    """One tab-separated line for `newstui timeline`: date, article title, sentence."""
    sentence = " ".join(safe(item.event.sentence).split())
    return "\t".join([item.date, " ".join(safe(item.article_title).split()), sentence])
