"""A feed item -> an Article: the whole story, cleaned by the ingest HTML path.

When the feed carries the story (content:encoded, Atom content, a long description), that HTML is
cleaned as a small page of its own. When it carries a stub (a short summary, a "Read more" teaser,
nothing), the item's link is fetched and its page cleaned instead, as `newstui add URL` would; if
that fetch fails the item is still stored with what the feed gave, marked partial, so a later
refresh fetches it again. Either way `url` is the item's link, `source` the feed's title unless the
page names its site, `published` the item's own day in the publisher's zone, `feed` the feed's id.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from tui.feeds.fetch import Answer
from tui.feeds.parsed import FeedItem, plain_text
from tui.ingest.errors import IngestError
from tui.model import Article, PublishedDate

STUB_WORDS = 80  # a feed text shorter than this (with a title) is a summary, not the story
TEASER_WORDS = 300  # a text ending in "Read more" or an ellipsis is a teaser up to this length
_READ_MORE = re.compile(
    r"(read more|read the (full|rest|whole)|continue reading|keep reading|full (story|article)"
    r"|\[(…|\.\.\.)\]|…|\.\.\.)[\s\W]*$",
    re.IGNORECASE,
)


@dataclass(slots=True)
class ItemJob:
    """What building one item's article needs (sent to a worker process as it is)."""

    item: FeedItem
    feed_id: str
    feed_title: str
    page: Answer | None = None  # the item's page, when it was fetched
    page_error: str | None = None  # why fetching it failed
    # Several items of the feed share this link (a show's page, a home page): it names none of them.
    link_shared: bool = False
    # The page of an item stored partial earlier, fetched again: only a page holding more words
    # than the stored article makes an article (the update of the stored one).
    retry_of_words: int | None = None


@dataclass(slots=True)
class Built:
    """One item's article, and whether it holds only what the feed gave after a failed fetch."""

    article: Article | None
    partial: bool = False
    error: str | None = None


def is_stub(item: FeedItem) -> bool:
    """Whether the feed gives only a stub of the story, so its link is worth fetching."""
    if not item.link:
        return False  # nothing to fetch: the feed's text is all there is
    text = plain_text(item.content or item.summary)
    words = len(text.split())
    if words == 0:
        return True
    if words < TEASER_WORDS and _READ_MORE.search(text[-60:]):
        return True
    if words >= STUB_WORDS or not item.title:
        return False  # a microblog post has no title: its text is the whole post
    # A title that is the text's beginning is a microblog post too ("Title: the post ...").
    title = plain_text(item.title).rstrip("…. ")
    return not text.casefold().startswith(title.casefold()[:40])


def build(job: ItemJob) -> Built:
    """The item's article from its page when one was fetched and holds more of the story, else
    from the feed (partial when a fetch was wanted and failed); never raises."""
    try:
        if job.retry_of_words is not None:
            whole = page_article(job) if job.page is not None else None
            more = whole is not None and whole.word_count > job.retry_of_words
            return Built(whole if more else None)
        from_feed = feed_article(job)
        if job.page is not None:
            from_page = page_article(job)
            if from_page is not None and from_page.word_count >= from_feed.word_count:
                return Built(from_page)
        return Built(from_feed, partial=job.page_error is not None)
    except IngestError as exc:
        return Built(None, error=str(exc))
    except Exception as exc:  # a cleaner's bug on one hostile item must not stop the refresh
        where = job.item.link or job.feed_title
        return Built(None, error=f"The item {where} could not be cleaned ({exc!r}).")


def feed_article(job: ItemJob) -> Article:
    """The article of what the feed itself gives, cleaned as an HTML page."""
    from tui.ingest import ingest_bytes

    item = job.item
    body = item.content or item.summary or ""
    if not plain_text(body):
        body = f"<p>{html.escape(item.title or item.link or job.feed_title)}</p>"
    page = feed_item_page(item, job.feed_title, body)
    try:
        [article] = ingest_bytes(page, origin=item.link or job.feed_title, kind="html", url=None)
    except IngestError:  # no story the extractor would keep (a caption, a list): the text itself
        text = plain_text(body) or item.title or item.link or job.feed_title
        plain = f"<html><body><article><p>{html.escape(text)}</p></article></body></html>"
        [article] = ingest_bytes(plain.encode(), origin=item.link or job.feed_title, kind="html")
    if not isinstance(article, Article):
        raise article
    return _finish(article, job, source=job.feed_title)


def page_article(job: ItemJob) -> Article | None:
    """The article of the item's fetched page; None when the page holds no story."""
    from tui.ingest import ingest_bytes

    assert job.page is not None
    try:
        [article] = ingest_bytes(
            job.page.data, origin=job.item.link or job.page.url, kind="auto", url=job.page.url
        )
    except (IngestError, ValueError):
        return None
    if not isinstance(article, Article):
        return None
    site = article.source
    better = site if site and not _host_like(site, job.page.url) else job.feed_title
    return _finish(article, job, source=better)


def _finish(article: Article, job: ItemJob, *, source: str) -> Article:
    """The feed's own facts over what cleaning found: title, link, day, source, feed."""
    from tui.sanitize import clean_terminal_text

    item = job.item
    if item.title:
        article.title = clean_terminal_text(item.title)
    article.url = item.link if not job.link_shared else _guid_url(item)
    article.origin = item.link or article.origin
    article.source = clean_terminal_text(source) or article.source
    if item.author and not article.author:
        article.author = clean_terminal_text(item.author)
    if item.published:
        article.published = PublishedDate(item.published, "day", "metadata")
    article.feed = job.feed_id
    return article


def _guid_url(item: FeedItem) -> str | None:
    """An item's guid when it is a web address (RSS's permalink guid), else None."""
    guid = item.guid or ""
    return guid if guid.lower().startswith(("http://", "https://")) else None


def feed_item_page(item: FeedItem, feed_title: str, body: str) -> bytes:
    """A small HTML page of an item's feed content, for the ingest HTML path."""
    title = html.escape(item.title or "")
    # The day is the feed's (it wins anyway); said here, it also spares the page-date search.
    day = (
        f'<meta property="article:published_time" content="{item.published}">'
        if item.published
        else ""
    )
    return (
        '<!doctype html><html><head><meta charset="utf-8">'
        f"<title>{title}</title>"
        f'<meta property="og:site_name" content="{html.escape(feed_title)}">'
        f"{day}"
        f"</head><body><article>\n{body}\n</article></body></html>"
    ).encode("utf-8", "replace")


def _host_like(site: str, url: str) -> bool:
    """Whether a site name is only a host name ("example.org"), as trafilatura falls back to."""
    host = (urlsplit(url).hostname or "").removeprefix("www.")
    name = site.strip().lower().removeprefix("www.")
    return name == host or (" " not in name and "." in name)
