"""The feeds as the feeds list shows them: each with its status, last error and article counts."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from tui.feeds.registry import Feed, FeedStatus, Registry
from tui.store import Store


@dataclass(slots=True)
class FeedOverview:
    """One feed with its stored articles counted: the object `feeds list --json` prints."""

    id: str
    url: str
    title: str
    site_url: str | None
    tags: list[str]
    last_fetched: str | None
    status: FeedStatus
    error: str | None
    articles: int = 0
    unread: int = 0

    @property
    def name(self) -> str:
        return self.title or self.url

    def to_contract(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "url": self.url,
            "title": self.title,
            "site_url": self.site_url,
            "tags": list(self.tags),
            "last_fetched": self.last_fetched,
            "status": self.status,
            "error": self.error,
            "articles": self.articles,
            "unread": self.unread,
        }


def overview(store: Store, registry: Registry | None = None) -> list[FeedOverview]:
    """Every subscription in order, with how many of its articles are stored and unread."""
    feeds = (registry or Registry(store.path)).feeds()
    return overview_of(feeds, store)


def overview_of(feeds: list[Feed], store: Store) -> list[FeedOverview]:
    stored: Counter[str] = Counter()
    unread: Counter[str] = Counter()
    for summary in store.summaries():
        if summary.feed:
            stored[summary.feed] += 1
            unread[summary.feed] += not summary.read
    return [
        FeedOverview(
            f.id,
            f.url,
            f.title,
            f.site_url,
            list(f.tags),
            f.last_fetched,
            f.status,
            f.error,
            stored[f.id],
            unread[f.id],
        )
        for f in feeds
    ]


def feed_names(store: Store) -> dict[str, str]:
    """Feed id -> the feed's name (its title, else its URL), for showing on each article."""
    return {f.id: f.name for f in Registry(store.path).feeds()}
