"""What a feed parser gives: a ParsedFeed of FeedItems, and the text helpers both parsers use
(`parse` for RSS and Atom, `jsonfeed` for JSON Feed, which `parse` hands JSON to)."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

_TAG = re.compile(r"<[^>]*>")
_SPACE = re.compile(r"\s+")


@dataclass(slots=True)
class FeedItem:
    """One item of a feed, as the feed gives it."""

    guid: str | None = None
    link: str | None = None
    title: str | None = None
    content: str | None = None  # the item's full content, as HTML (content:encoded, Atom content)
    summary: str | None = None  # its description or summary, as HTML
    published: str | None = None  # the publication day in the publisher's zone, YYYY-MM-DD
    published_raw: str | None = None  # the date as the feed wrote it
    author: str | None = None


@dataclass(slots=True)
class ParsedFeed:
    """A feed's own metadata and its items, in document order."""

    kind: str  # feedparser's version ("rss20", "atom10", "rss10" ...) or "json1"/"json11"
    title: str | None = None
    site_url: str | None = None
    items: list[FeedItem] = field(default_factory=list)


def plain_text(markup: str | None) -> str:
    """Markup as one line of plain text: tags dropped, entities decoded, spaces collapsed."""
    if not markup:
        return ""
    return _SPACE.sub(" ", html.unescape(_TAG.sub(" ", markup))).strip()


def text_as_html(text: str) -> str:
    """Plain text as HTML paragraphs (one per blank-line-separated block)."""
    blocks = [b.strip() for b in re.split(r"\n\s*\n", text) if b.strip()]
    return "".join(f"<p>{html.escape(b)}</p>" for b in blocks)
