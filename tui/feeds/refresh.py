"""Refresh: fetch feeds politely, turn their new items into whole articles, analyze and store them.

1. Fetch (threads, `schedule.run_requests`: ~8 requests at once, a few per host): each feed is asked
   for conditionally; a 304 stores nothing. Its items not seen before (by guid, else link, across
   refreshes and across the feeds of one site) are kept, and the pages of those that are stubs are
   fetched, as are the pages of items stored partial earlier whose retry is due.
2. Store (`pipeline.process`): each item becomes an Article (`items.build`), analyzed as `newstui
   add` analyzes (entities, timeline) and stored a batch at a time, in worker processes when there
   are many; each feed's entry in the subscriptions file is updated once its items are stored.

A failing feed (an HTTP error, a timeout, a broken document) is reported in its result and its
entry and never stops the others; only a store that cannot be written stops a refresh.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any, Literal

from tui.feeds.errors import FeedError
from tui.feeds.fetch import Answer, get, get_page
from tui.feeds.items import ItemJob, is_stub
from tui.feeds.keys import item_keys, site_of
from tui.feeds.parse import parse_feed
from tui.feeds.parsed import FeedItem, ParsedFeed
from tui.feeds.pipeline import Processed
from tui.feeds.registry import Feed, FeedStatus, Partial, Registry, remember_seen
from tui.feeds.schedule import Request, run_requests
from tui.ingest.errors import IngestError
from tui.store import Store

RETRY_AFTER = timedelta(minutes=15)  # a partial item's page is fetched again after this, doubling
MAX_TRIES = 5
SAVE_EVERY_S = 1.0  # the subscriptions file is written at most this often while storing

Stage = Literal["fetching", "storing"]


@dataclass(slots=True)
class RefreshProgress:
    """How far a refresh is: `done` of `total` in its current stage (`total` may grow while
    fetching, as items' pages are found to be needed)."""

    stage: Stage
    done: int
    total: int


ProgressCallback = Callable[[RefreshProgress], None]


@dataclass(slots=True)
class FeedResult:
    """What refreshing one feed did: the object `refresh --json` prints (CONTRACT.md)."""

    id: str
    url: str
    status: FeedStatus
    new: int = 0
    error: str | None = None

    def to_contract(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "url": self.url,
            "status": self.status,
            "new": self.new,
            "error": self.error,
        }


@dataclass
class _Run:
    """One feed's refresh in progress."""

    feed: Feed
    site: str
    result: FeedResult
    answer: Answer | None = None
    parsed: ParsedFeed | None = None
    current: list[str] = field(default_factory=list)  # keys of every item in the document
    jobs: list[tuple[list[str], ItemJob]] = field(default_factory=list)  # new items, their keys
    retries: list[tuple[str, ItemJob]] = field(default_factory=list)  # partial items' keys, jobs
    stored_keys: list[str] = field(default_factory=list)  # keys of the items now stored
    partial: dict[str, Partial | None] = field(default_factory=dict)  # None: no longer partial
    pending: int = 0  # articles of this feed not yet stored


def refresh(
    store: Store,
    ids: Iterable[str] | None = None,
    *,
    progress: ProgressCallback | None = None,
    timeout: float | None = None,
    now: datetime | None = None,
    registry: Registry | None = None,
) -> list[FeedResult]:
    """Refresh the feeds with these ids (every feed when None), in subscription order; one result
    each. Raises StoreError when the store cannot be written (what was stored stays), FeedError
    when the subscriptions file is unusable; every other failure is a feed's result."""
    registry = registry or Registry(store.path)
    now = now or datetime.now(UTC)
    every = registry.feeds()
    wanted = set(ids) if ids is not None else None
    chosen = [f for f in every if wanted is None or f.id in wanted]
    seen_by_site: dict[str, set[str]] = {}
    for feed in every:
        seen_by_site.setdefault(site_of(feed), set()).update(feed.seen)
    runs = [_Run(f, site_of(f), FeedResult(f.id, f.url, f.status)) for f in chosen]
    for run in runs:
        _plan_retries(run, store, now)
    claimed: set[str] = set()
    lock = threading.Lock()

    def feed_request(run: _Run) -> Request:
        return Request(
            run.feed.url,
            lambda: _fetch_feed(run, seen_by_site.get(run.site, set()), claimed, lock, timeout),
            lambda: _page_requests(run, timeout),
        )

    first = [feed_request(r) for r in runs]
    first += [r for run in runs for r in _retry_requests(run, timeout)]
    report = (lambda d, t: progress(RefreshProgress("fetching", d, t))) if progress else None
    run_requests(first, done=report)
    _store_all(store, registry, runs, now, progress)
    return [run.result for run in runs]


def _fetch_feed(
    run: _Run, seen: set[str], claimed: set[str], lock: threading.Lock, timeout: float | None
) -> None:
    """In a fetch thread: GET and parse one feed and pick its new items; failures go to its result."""
    feed = run.feed
    try:
        answer = get(feed.url, etag=feed.etag, last_modified=feed.last_modified, timeout=timeout)
        run.answer = answer
        if answer.not_modified:
            run.result.status = "not_modified"
            return
        parsed = parse_feed(answer.data, answer.url, answer.content_type)
    except (IngestError, FeedError) as exc:
        _failed(run, str(exc))
        return
    except Exception as exc:  # a parser's bug on a hostile feed must not stop the other feeds
        _failed(run, f"{feed.url} could not be read ({exc.__class__.__name__}: {exc}); check it.")
        return
    run.parsed = parsed
    run.result.status = "ok"
    title = feed.title or parsed.title or feed.url
    guids: dict[str, set[str | None]] = {}
    for item in parsed.items:
        if item.link:
            guids.setdefault(item.link, set()).add(item.guid)
    fresh: list[tuple[list[str], ItemJob]] = []
    for item in parsed.items:  # in document order: an item listed twice is taken where it is first
        shared = item.link is not None and len(guids[item.link]) > 1  # items told apart by guid
        keys = item_keys(item, run.site, link_names_item=not shared)
        run.current.extend(keys)
        with lock:
            if any(k in seen or k in claimed for k in keys):
                continue
            claimed.update(keys)
        fresh.append((keys, ItemJob(item, feed.id, title, link_shared=shared)))
    run.jobs = fresh[::-1]  # oldest first, so the newest is the last added


def _failed(run: _Run, error: str) -> None:
    run.result.status, run.result.error = "error", error


def _page_requests(run: _Run, timeout: float | None) -> list[Request]:
    """After a feed was read: the page fetches its stub items need."""
    return [
        _page_request(job, timeout) for _, job in run.jobs if job.item.link and is_stub(job.item)
    ]


def _page_request(job: ItemJob, timeout: float | None) -> Request:
    link = job.item.link or ""

    def fetch() -> None:
        try:
            job.page = get_page(link, timeout=timeout)
        except IngestError as exc:
            job.page_error = str(exc)
        except Exception as exc:  # an unexpected failure on one page must not stop the refresh
            job.page_error = f"{link} could not be fetched ({exc.__class__.__name__}: {exc})."

    return Request(link, fetch)


def _plan_retries(run: _Run, store: Store, now: datetime) -> None:
    """The feed's partial items whose next try is due, as jobs rebuilt from what was stored."""
    for key, partial in run.feed.partial.items():
        if partial.next_try and partial.next_try > now.isoformat():
            continue
        try:
            stored = store.get(partial.article)
        except KeyError:  # deleted since: nothing left to complete
            run.partial[key] = None
            continue
        item = FeedItem(
            link=partial.link,
            title=stored.title,
            published=stored.published.value if stored.published else None,
            author=stored.author,
        )
        source = stored.source or run.feed.name
        run.retries.append(
            (key, ItemJob(item, run.feed.id, source, retry_of_words=stored.word_count))
        )


def _retry_requests(run: _Run, timeout: float | None) -> list[Request]:
    return [_page_request(job, timeout) for _, job in run.retries]


def _store_all(
    store: Store,
    registry: Registry,
    runs: list[_Run],
    now: datetime,
    progress: ProgressCallback | None,
) -> None:
    """Clean, analyze and store every new item and every due retry (`pipeline.process`), feed
    by feed; a feed's entry is recorded once all its items are stored."""
    from tui.feeds.pipeline import process

    entries: list[tuple[_Run, list[str], ItemJob]] = []
    for run in runs:
        entries += [(run, keys, job) for keys, job in run.jobs]
        entries += [(run, [key], job) for key, job in _fetched_retries(run, now)]
    for run, _, _ in entries:
        run.pending += 1
    done = [run for run in runs if not run.pending]
    last_save = time.monotonic()
    fates = process([job for _, _, job in entries], store)
    for count, ((run, keys, job), fate) in enumerate(zip(entries, fates, strict=True), start=1):
        _note(run, keys, job, fate, now)
        run.pending -= 1
        if not run.pending:
            done.append(run)
        if progress:
            progress(RefreshProgress("storing", count, len(entries)))
        if done and time.monotonic() - last_save >= SAVE_EVERY_S:
            _record(registry, done, now)
            done, last_save = [], time.monotonic()
    _record(registry, done, now)


def _note(run: _Run, keys: list[str], job: ItemJob, fate: Processed, now: datetime) -> None:
    """What one item's storing means for its feed's entry."""
    outcome = fate.outcome
    if job.retry_of_words is not None:  # fetched again: whole now, or as whole as its page is
        run.partial[keys[0]] = None
        return
    run.stored_keys.extend(keys)  # stored, or no story in it at all: either way not again
    if outcome is None:
        return
    run.result.new += outcome.new
    if fate.built.partial and outcome.article is not None and job.item.link:
        next_try = (now + RETRY_AFTER).isoformat()
        run.partial[keys[0]] = Partial(job.item.link, outcome.article.id, 1, next_try)


def _fetched_retries(run: _Run, now: datetime) -> list[tuple[str, ItemJob]]:
    """The partial items whose page came this time, as jobs; a failed try is counted and the
    next one put off, doubling, until MAX_TRIES."""
    fetched = []
    for key, job in run.retries:
        if job.page is not None:
            fetched.append((key, job))
            continue
        partial = run.feed.partial[key]
        tries = partial.tries + 1
        wait = RETRY_AFTER * 2 ** (tries - 1)
        again = Partial(partial.link, partial.article, tries, (now + wait).isoformat())
        run.partial[key] = again if tries <= MAX_TRIES else None  # it stays as the feed gave it
    return fetched


def _record(registry: Registry, runs: list[_Run], now: datetime) -> None:
    """Write what these feeds' refresh found into their entries (under the file's lock)."""
    if not runs:
        return
    by_id = {run.feed.id: run for run in runs}
    with registry.editing() as feeds:
        for feed in feeds:
            run = by_id.get(feed.id)
            if run is not None:
                _apply(feed, run, now)
                _follow_move(feed, run, {f.url for f in feeds})


def _follow_move(feed: Feed, run: _Run, subscribed: set[str]) -> None:
    """A feed moved for good (301/308) is asked for at its new address from now on (unless
    another subscription already has it); a temporary redirect keeps the address."""
    moved = run.answer.moved_to if run.answer is not None else None
    if moved and run.result.status in ("ok", "not_modified") and moved not in subscribed:
        feed.url = moved


def _apply(feed: Feed, run: _Run, now: datetime) -> None:
    """One feed's entry after its refresh (the entry as on disk now: another process may have
    changed its title or tags meanwhile)."""
    result = run.result
    feed.last_fetched = now.isoformat(timespec="seconds")
    feed.status, feed.error = result.status, result.error
    if run.answer is not None and result.status == "ok":
        feed.etag, feed.last_modified = run.answer.etag, run.answer.last_modified
    if run.parsed is not None:
        feed.title = feed.title or run.parsed.title or ""
        feed.site_url = feed.site_url or run.parsed.site_url
        remember_seen(feed, run.current, run.stored_keys)
    for key, partial in run.partial.items():
        if partial is None:
            feed.partial.pop(key, None)
        else:
            feed.partial[key] = partial
