"""What makes two feed items the same: the keys a refresh remembers as seen.

An item is known by its guid when it has one (scoped to the feed's site: a guid such as "1234" is
unique only there), and by its link (the canonical URL, `tui.store.keys`), unless several items of
its feed share that link (a show's page, a home page). An item with neither is known by its title,
date and text. Keys are hashed: the subscriptions file stays small however long a link.
"""

from __future__ import annotations

import hashlib
from urllib.parse import urlsplit

from tui.feeds.parsed import FeedItem, plain_text
from tui.feeds.registry import Feed


def site_of(feed: Feed) -> str:
    """The site a feed belongs to: its site's host (else the feed's), without `www.`."""
    for url in (feed.site_url, feed.url):
        try:
            host = urlsplit(url or "").hostname
        except ValueError:
            host = None
        if host:
            return host.lower().removeprefix("www.")
    return ""


def _hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def item_keys(item: FeedItem, site: str, *, link_names_item: bool = True) -> list[str]:
    """An item's keys, the first its main one: guid, then link, else its title, date and text."""
    from tui.store.keys import canonical_url

    keys = []
    if item.guid:
        keys.append(_hash(f"g\x1f{site}\x1f{item.guid}"))
    if item.link and link_names_item:
        keys.append(_hash(f"l\x1f{canonical_url(item.link) or item.link.strip()}"))
    if not keys:
        text = plain_text(item.content or item.summary)[:500]
        keys.append(_hash(f"t\x1f{site}\x1f{item.title}\x1f{item.published_raw}\x1f{text}"))
    return keys
