"""Feed bytes -> a ParsedFeed: RSS 0.9x/1.0/2.0 and Atom by feedparser, JSON Feed by `jsonfeed`.

feedparser gets the raw bytes (wrapped in a stream: given bytes, it would try them as a file name
first) so it detects the encoding from the prolog, the BOM and the HTTP charset; its HTML
sanitizer and relative-URL pass are off (the ingest HTML path cleans the content, and item links
are still resolved against the feed's address). It is imported here, never at start-up.
"""

from __future__ import annotations

import io
import re
from typing import Any

from tui.feeds.dates import publisher_day
from tui.feeds.errors import FeedError
from tui.feeds.parsed import FeedItem, ParsedFeed, plain_text, text_as_html

_SPACE = re.compile(r"\s+")
_HTML_TYPES = ("text/html", "application/xhtml+xml", "html", "xhtml")
_ITEM_PARTS = ("title", "link", "id", "summary", "content")  # an entry with none is no item


def looks_like_json(data: bytes) -> bool:
    return data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] == b"{"


def parse_feed(data: bytes, url: str, content_type: str | None = None) -> ParsedFeed:
    """Parse a feed's bytes fetched from `url`; FeedError (naming `url`) when they are no feed."""
    if looks_like_json(data):
        from tui.feeds.jsonfeed import parse_json_feed

        return parse_json_feed(data, url)
    import feedparser

    headers = {"content-location": url}
    if content_type and "charset" in content_type.lower():
        headers["content-type"] = content_type  # without a charset, the prolog is to be believed
    try:
        parsed = feedparser.parse(
            io.BytesIO(data),
            response_headers=headers,
            sanitize_html=False,
            resolve_relative_uris=False,
        )
    except Exception as exc:  # feedparser is lenient; anything it still raises is a broken feed
        raise _not_a_feed(url, exc) from exc
    entries = [e for e in parsed.entries if any(e.get(k) for k in _ITEM_PARTS)]
    if not entries and parsed.get("version") and parsed.get("bozo"):
        raise FeedError(
            f"{url} is a broken feed ({_short(parsed.get('bozo_exception'))}); try again later, "
            "or tell its publisher."
        )
    if not entries and not parsed.get("version"):
        raise _not_a_feed(url, parsed.get("bozo_exception"))
    meta = parsed.feed
    return ParsedFeed(
        kind=parsed.get("version") or "rss",
        title=_title(meta) or None,
        site_url=_str(meta.get("link")),
        items=[_item(entry) for entry in entries],
    )


def _not_a_feed(url: str, exc: object) -> FeedError:
    why = f" ({_short(exc)})" if exc else ""
    return FeedError(
        f"{url} is not an RSS, Atom or JSON feed{why}; check the address, or give the page "
        "that links to the feed."
    )


def _short(exc: object) -> str:
    """An exception as a short clause: an XML error with its line, not its `<unknown>` source."""
    from tui.sanitize import clean_terminal_text

    line = getattr(exc, "getLineNumber", None)
    message = getattr(exc, "getMessage", None)
    text = f"{message()} at line {line()}" if callable(line) and callable(message) else str(exc)
    text = _SPACE.sub(" ", clean_terminal_text(text)).strip()
    return text if len(text) <= 120 else text[:119] + "…"


def _str(value: Any) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def _title(node: Any) -> str:
    """A title as text: an HTML title (Atom `type="html"`, escaped markup in RSS) loses its tags."""
    from tui.sanitize import clean_terminal_text

    title = node.get("title")
    if not isinstance(title, str):
        return ""
    detail = node.get("title_detail") or {}
    if detail.get("type") in _HTML_TYPES or "<" in title or "&" in title:
        title = plain_text(title)
    return _SPACE.sub(" ", clean_terminal_text(title)).strip()


def _html_of(detail: Any) -> str | None:
    """A content or summary construct as HTML (plain text is escaped into paragraphs)."""
    if not detail:
        return None
    value = detail.get("value")
    if not isinstance(value, str) or not value.strip():
        return None
    kind = (detail.get("type") or "text/html").lower()
    if kind in _HTML_TYPES or "html" in kind:
        return value
    return text_as_html(value)


def _item(entry: Any) -> FeedItem:
    contents = [c for c in entry.get("content") or [] if isinstance(c, dict)]
    contents.sort(key=lambda c: (c.get("type") or "") not in _HTML_TYPES)  # HTML first
    content = next((h for h in map(_html_of, contents) if h), None)
    summary = _html_of(entry.get("summary_detail")) or (
        _html_of({"value": entry.get("summary"), "type": "text/html"})
    )
    raw = next(
        (entry[k] for k in ("published", "updated", "created") if isinstance(entry.get(k), str)),
        None,
    )
    day = publisher_day(raw) or _utc_day(entry)
    return FeedItem(
        guid=_str(entry.get("id")),
        link=_str(entry.get("link")),
        title=_title(entry) or None,
        content=content,
        summary=summary if summary != content else None,
        published=day,
        published_raw=raw,
        author=_str(entry.get("author")),
    )


def _utc_day(entry: Any) -> str | None:
    """The UTC day feedparser read, when the raw date is in a form nothing else reads."""
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        stamp = entry.get(key)
        if stamp:
            return f"{stamp.tm_year:04d}-{stamp.tm_mon:02d}-{stamp.tm_mday:02d}"
    return None
