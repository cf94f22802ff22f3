"""A web page -> the feeds it names in `<link rel="alternate" type="application/rss+xml">` (or
Atom, or JSON Feed), resolved against the page's address; what `feeds add PAGE_URL` follows."""

from __future__ import annotations

from html.parser import HTMLParser
from urllib.parse import urljoin

FEED_TYPES = (
    "application/rss+xml",
    "application/atom+xml",
    "application/feed+json",
    "application/json",  # JSON Feed's type before application/feed+json was registered
    "application/rdf+xml",
)


class _LinkFinder(HTMLParser):
    """Collects feed `<link>`s and the page's `<base href>`; stops looking after `</head>`."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[tuple[str, str]] = []  # (href, type)
        self.base: str | None = None
        self.done = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.done:
            return
        values = {k.lower(): (v or "").strip() for k, v in attrs}
        if tag == "base" and values.get("href") and self.base is None:
            self.base = values["href"]
        if tag != "link":
            return
        rels = values.get("rel", "").lower().split()
        kind = values.get("type", "").lower().split(";")[0].strip()
        if "alternate" in rels and kind in FEED_TYPES and values.get("href"):
            self.links.append((values["href"], kind))

    handle_startendtag = handle_starttag

    def handle_endtag(self, tag: str) -> None:
        if tag == "head" and self.links:
            self.done = True


def feed_links(page: str, page_url: str) -> list[str]:
    """The feed URLs a page links to, in page order (RSS, Atom and JSON Feed alike), each once."""
    finder = _LinkFinder()
    try:
        finder.feed(page)
        finder.close()
    except (AssertionError, ValueError):  # html.parser on hopeless markup: use what was found
        pass
    base = urljoin(page_url, finder.base) if finder.base else page_url
    found = [urljoin(base, href) for href, kind in finder.links if kind != "application/json"]
    # application/json is JSON Feed only on a page that names no other feed.
    found = found or [urljoin(base, href) for href, _ in finder.links]
    return [u for u in dict.fromkeys(found) if u.lower().startswith(("http://", "https://"))]
