"""JSON Feed 1.0 and 1.1 (jsonfeed.org) -> a ParsedFeed; feedparser 6 does not read them."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import urljoin

from tui.feeds.dates import publisher_day
from tui.feeds.errors import FeedError
from tui.feeds.parsed import FeedItem, ParsedFeed, plain_text, text_as_html


def parse_json_feed(data: bytes, url: str) -> ParsedFeed:
    """A JSON Feed's items; FeedError naming `url` when the JSON is broken or no JSON Feed."""
    try:
        doc = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise FeedError(
            f"{url} is not a valid JSON Feed ({exc.__class__.__name__}); check the address."
        ) from exc
    version = doc.get("version") if isinstance(doc, dict) else None
    if not isinstance(version, str) or "jsonfeed.org/version/" not in version:
        raise FeedError(
            f"{url} is JSON but not a JSON Feed (no jsonfeed.org version); check the address."
        )
    items = doc.get("items")
    return ParsedFeed(
        kind="json11" if version.rstrip("/").endswith("1.1") else "json1",
        title=_text(doc.get("title")),
        site_url=_text(doc.get("home_page_url")),
        items=[_item(i, url) for i in items if isinstance(i, dict)]
        if isinstance(items, list)
        else [],
    )


def _text(value: Any) -> str | None:
    from tui.sanitize import clean_terminal_text

    return clean_terminal_text(plain_text(value)) or None if isinstance(value, str) else None


def _html(item: dict[str, Any]) -> str | None:
    body = item.get("content_html")
    if isinstance(body, str) and body.strip():
        return body
    text = item.get("content_text")
    if isinstance(text, str) and text.strip():
        return text_as_html(text)
    return None


def _author(item: dict[str, Any]) -> str | None:
    authors = item.get("authors")
    first = authors[0] if isinstance(authors, list) and authors else item.get("author")
    return _text(first.get("name")) if isinstance(first, dict) else None


def _item(item: dict[str, Any], base: str) -> FeedItem:
    raw = next(
        (item[k] for k in ("date_published", "date_modified") if isinstance(item.get(k), str)),
        None,
    )
    summary = item.get("summary")
    guid = item.get("id")
    link = item.get("url") or item.get("external_url")
    return FeedItem(
        guid=str(guid) if isinstance(guid, str | int) and str(guid).strip() else None,
        link=urljoin(base, link.strip()) if isinstance(link, str) and link.strip() else None,
        title=_text(item.get("title")),
        content=_html(item),
        summary=text_as_html(summary) if isinstance(summary, str) and summary.strip() else None,
        published=publisher_day(raw),
        published_raw=raw,
        author=_author(item),
    )
