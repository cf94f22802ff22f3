"""Feeds and item pages over HTTP, through newstui's own fetcher (`tui.ingest.sources.fetch_url`):
the same deadline, size cap and http/https-only rules as `newstui add URL`, never feedparser's
client (which has no overall timeout).

A feed is asked for conditionally (If-None-Match / If-Modified-Since from its last answer), and for
gzip; `304 Not Modified` is an answer with no body.
"""

from __future__ import annotations

from dataclasses import dataclass

from tui.ingest.errors import IngestError
from tui.ingest.sources import fetch_url

FEED_ACCEPT = (
    "application/rss+xml, application/atom+xml, application/feed+json, application/rdf+xml, "
    "application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5"
)


@dataclass(slots=True)
class Answer:
    """What a server answered: 200 with a body, or 304 with none."""

    status: int
    data: bytes
    url: str  # after redirects
    etag: str | None = None
    last_modified: str | None = None
    content_type: str | None = None
    moved_to: str | None = None  # where the feed has moved for good (301/308 all the way)

    @property
    def not_modified(self) -> bool:
        return self.status == 304


def get(
    url: str,
    *,
    etag: str | None = None,
    last_modified: str | None = None,
    timeout: float | None = None,
    accept: str = FEED_ACCEPT,
) -> Answer:
    """GET a feed (or a page), conditionally when a validator is given; FeedError-free: failures
    are `IngestError`s whose sentence names the URL (a timeout, an HTTP error, the size cap)."""
    headers = {"Accept": accept, "Accept-Encoding": "gzip"}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    source = fetch_url(url, timeout=timeout, headers=headers)
    found = source.headers
    return Answer(
        status=source.status,
        data=source.data,
        url=source.url or url,
        etag=found.get("etag") or (etag if source.status == 304 else None),
        last_modified=found.get("last-modified")
        or (last_modified if source.status == 304 else None),
        content_type=found.get("content-type"),
        moved_to=source.moved_to,
    )


def get_page(url: str, *, timeout: float | None = None) -> Answer:
    """GET an item's web page (its link), for the whole story."""
    return get(url, timeout=timeout, accept="text/html,application/xhtml+xml,*/*;q=0.8")


__all__ = ["Answer", "IngestError", "get", "get_page"]
