"""Subscribing: `feeds add` (a feed URL, or a page whose `<link rel="alternate">` names one),
`feeds rm`, and OPML `import` / `export`. Adding reads the feed once for its title and checks that
it is one, but stores no items and keeps no validators: the first `refresh` fetches them all."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

from tui.feeds.discover import feed_links
from tui.feeds.errors import FeedError
from tui.feeds.fetch import Answer, get
from tui.feeds.opml import OpmlFeed, read_opml, write_opml
from tui.feeds.parse import parse_feed
from tui.feeds.parsed import ParsedFeed
from tui.feeds.registry import Feed, Registry, feed_id
from tui.ingest.errors import IngestError


@dataclass(slots=True)
class Subscribed:
    """What `feeds add` did with one URL: the feed (new, or already subscribed), or an error."""

    given: str
    feed: Feed | None = None
    new: bool = False
    error: str | None = None


def normalize_url(url: str) -> str:
    """A feed address as typed, tidied: spaces trimmed, `feed:` schemes made http(s)."""
    url = url.strip()
    lowered = url.lower()
    if lowered.startswith("feed://"):
        return "http://" + url[len("feed://") :]
    if lowered.startswith("feed:"):
        return url[len("feed:") :]
    return url


def find_feed(url: str, *, timeout: float | None = None) -> tuple[str, ParsedFeed]:
    """The feed at `url`, or the first feed a page at `url` links to: (feed URL, parsed feed).
    FeedError or IngestError with a sentence naming the URL when there is none."""
    answer = get(url, timeout=timeout)
    try:
        return url, parse_feed(answer.data, answer.url, answer.content_type)
    except FeedError as not_a_feed:
        links = _page_feed_links(answer)
        if links is None:
            raise
        if not links:
            raise FeedError(
                f'{url} is a web page that names no feed (no <link rel="alternate"> of RSS, '
                "Atom or JSON Feed); give the feed's own address."
            ) from not_a_feed
    found = links[0]
    feed = get(found, timeout=timeout)
    return found, parse_feed(feed.data, feed.url, feed.content_type)


def _page_feed_links(answer: Answer) -> list[str] | None:
    """The feed links of an HTML page; None when the answer is no HTML page."""
    from tui.ingest.detect import decode, detect_kind

    try:
        text, _ = decode(answer.data, answer.url)
    except IngestError:
        return None
    kind = (answer.content_type or "").lower()
    if "html" not in kind and detect_kind(text) != "html":
        return None
    return feed_links(text, answer.url)


def subscribe(
    registry: Registry,
    urls: Iterable[str],
    tags: Iterable[str] = (),
    *,
    timeout: float | None = None,
) -> list[Subscribed]:
    """Subscribe to each URL (tags added to it, new or not); one Subscribed each, in order."""
    wanted_tags = _tags(tags)
    results = []
    for given in urls:
        url = normalize_url(given)
        try:
            feed_url, parsed = find_feed(url, timeout=timeout)
        except (FeedError, IngestError) as exc:
            results.append(Subscribed(given, error=str(exc)))
            continue
        fresh = Feed(
            id=feed_id(feed_url),
            url=feed_url,
            title=parsed.title or "",
            site_url=parsed.site_url,
            tags=wanted_tags,
            added=_now(),
        )
        feed, new = _add_or_merge(registry, fresh)
        results.append(Subscribed(given, feed, new))
    return results


def _add_or_merge(registry: Registry, fresh: Feed) -> tuple[Feed, bool]:
    with registry.editing() as feeds:
        for feed in feeds:
            if feed.url == fresh.url or feed.id == fresh.id:
                feed.tags = _tags([*feed.tags, *fresh.tags])
                feed.title = feed.title or fresh.title
                return feed, False
        feeds.append(fresh)
        return fresh, True


def _tags(tags: Iterable[str]) -> list[str]:
    from tui.sanitize import clean_terminal_text

    cleaned = (clean_terminal_text(t).strip() for t in tags)
    return list(dict.fromkeys(t for t in cleaned if t))


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def unsubscribe(registry: Registry, refs: Iterable[str]) -> list[Feed]:
    """Remove the feeds with these ids, id prefixes or URLs (their articles stay stored).
    KeyError with a sentence, and nothing removed, when one names no feed."""
    with registry.editing() as feeds:
        gone = [registry.find(ref, feeds) for ref in refs]
        ids = {f.id for f in gone}
        feeds[:] = [f for f in feeds if f.id not in ids]
    return list({f.id: f for f in gone}.values())


@dataclass(slots=True)
class Imported:
    """What `feeds import` did: feeds added, already subscribed, and skipped (not http or https)."""

    added: int = 0
    known: int = 0
    skipped: int = 0


def import_opml(registry: Registry, data: bytes, name: str) -> Imported:
    """Subscribe to every feed of an OPML document (its folders become tags). FeedError naming
    the file when it is no OPML. The feeds are not fetched here: the next refresh does."""
    from tui.sanitize import clean_terminal_text

    found = read_opml(data, name)
    done = Imported()
    with registry.editing() as feeds:
        by_url = {f.url: f for f in feeds}
        for entry in found:
            url = normalize_url(entry.url)
            if not url.lower().startswith(("http://", "https://")):
                done.skipped += 1  # a feed newstui could never fetch (file:, a relative path)
                continue
            existing = by_url.get(url)
            if existing is not None:
                existing.tags = _tags([*existing.tags, *entry.tags])
                done.known += 1
                continue
            feed = Feed(
                id=feed_id(url),
                url=url,
                title=clean_terminal_text(entry.title).strip(),
                site_url=entry.site_url,
                tags=_tags(entry.tags),
                added=_now(),
            )
            feeds.append(feed)
            by_url[url] = feed
            done.added += 1
    return done


def export_opml(registry: Registry) -> str:
    """Every subscription as an OPML 2.0 document, with its title and tags."""
    feeds = registry.feeds()
    return write_opml([OpmlFeed(f.url, f.title, f.site_url, list(f.tags)) for f in feeds])
