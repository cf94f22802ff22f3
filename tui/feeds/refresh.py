"""Refresh: fetch feeds politely, turn their new items into whole articles, analyze and store them.

1. Fetch (threads, `schedule.run_requests`: ~8 requests at once, a few per host): each feed is asked
   for conditionally; a 304 stores nothing. Its items not seen before (by guid, else link, across
   refreshes and across the feeds of one site) are kept, and the pages of those that are stubs are
   fetched, as are the pages of items stored partial earlier whose retry is due.
2. Clean: each item becomes an Article (`items.build`), in worker processes when there are many.
3. Store: `tui.adding.add_analyzed`, exactly as `newstui add` (entities and timeline), a batch at a
   time; each feed's entry in the subscriptions file is updated as soon as its items are stored.

A failing feed (an HTTP error, a timeout, a broken document) is reported in its result and its
entry and never stops the others; only a store that cannot be written stops a refresh.
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any, Literal

from tui.adding import Outcome
from tui.feeds.errors import FeedError
from tui.feeds.fetch import Answer, get, get_page
from tui.feeds.items import Built, ItemJob, build, is_stub, page_article
from tui.feeds.keys import item_keys, site_of
from tui.feeds.parse import FeedItem, ParsedFeed, parse_feed
from tui.feeds.registry import Feed, FeedStatus, Partial, Registry, remember_seen
from tui.feeds.schedule import Request, run_requests
from tui.ingest.errors import IngestError
from tui.model import Article
from tui.store import Store

RETRY_AFTER = timedelta(minutes=15)  # a partial item's page is fetched again after this, doubling
MAX_TRIES = 5
BUILD_BATCH = 8  # items cleaned per worker job
SAVE_EVERY_S = 1.0  # the subscriptions file is written at most this often while storing

Stage = Literal["fetching", "cleaning", "storing"]


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
    retries: list[tuple[str, ItemJob, int]] = field(default_factory=list)  # key, job, stored words
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
    links = Counter(item.link for item in parsed.items if item.link)
    fresh: list[tuple[list[str], ItemJob]] = []
    for item in parsed.items:  # in document order: an item listed twice is taken where it is first
        shared = item.link is not None and links[item.link] > 1 and item.guid is not None
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
        job = ItemJob(item, run.feed.id, stored.source or run.feed.name)
        run.retries.append((key, job, stored.word_count))


def _retry_requests(run: _Run, timeout: float | None) -> list[Request]:
    return [_page_request(job, timeout) for _, job, _ in run.retries]


@dataclass(slots=True)
class _ToStore:
    """One article to store, and what to note of it in its feed's entry once stored."""

    run: _Run
    keys: list[str]  # the item's keys, remembered as seen ([] for the retry of a partial item)
    article: Article
    partial_link: str | None = None  # set when it holds only the feed's text: fetch it later


def _store_all(
    store: Store,
    registry: Registry,
    runs: list[_Run],
    now: datetime,
    progress: ProgressCallback | None,
) -> None:
    """Clean every new item, then analyze and store them feed by feed, recording each feed."""
    from tui.adding import add_analyzed

    jobs = [(run, keys, job) for run in runs for keys, job in run.jobs]
    built = build_all([job for _, _, job in jobs], progress)
    queue: list[_ToStore] = []
    for (run, keys, job), result in zip(jobs, built, strict=True):
        if result.article is None:
            run.stored_keys.extend(keys)  # no story in it at all: not tried again
            continue
        link = job.item.link if result.partial else None
        queue.append(_ToStore(run, keys, result.article, link))
    queue += [_ToStore(run, [], article) for run, article in _retried(runs, now)]
    for entry in queue:
        entry.run.pending += 1
    done = [run for run in runs if not run.pending]
    last_save = time.monotonic()
    outcomes = _article_outcomes(add_analyzed(store, [e.article for e in queue]))
    for count, (entry, outcome) in enumerate(zip(queue, outcomes, strict=True), start=1):
        run = entry.run
        run.stored_keys.extend(entry.keys)
        run.result.new += outcome.new
        if entry.partial_link and outcome.article is not None:
            next_try = (now + RETRY_AFTER).isoformat()
            run.partial[entry.keys[0]] = Partial(
                entry.partial_link, outcome.article.id, 1, next_try
            )
        run.pending -= 1
        if not run.pending:
            done.append(run)
        if progress:
            progress(RefreshProgress("storing", count, len(queue)))
        if done and time.monotonic() - last_save >= SAVE_EVERY_S:
            _record(registry, done, now)
            done, last_save = [], time.monotonic()
    _record(registry, done, now)


def _article_outcomes(outcomes: Iterable[Outcome]) -> Iterator[Outcome]:
    """The outcome of each article, past the notes `add_analyzed` adds when the model cannot run
    (the articles are then stored without analysis, which the reader does when one is opened)."""
    for outcome in outcomes:
        if outcome.article is None and outcome.error and not outcome.origin:
            continue
        yield outcome


def build_all(jobs: list[ItemJob], progress: ProgressCallback | None = None) -> list[Built]:
    """Every item's article, in order: in worker processes when there are many (cleaning is
    CPU-bound), here otherwise."""
    from tui.adding import PARALLEL_MIN, worker_count

    total = len(jobs)
    results: list[Built] = []
    workers = worker_count()
    if total < PARALLEL_MIN or workers < 2:
        for job in jobs:
            results.append(build(job))
            if progress:
                progress(RefreshProgress("cleaning", len(results), total))
        return results
    from tui.adding import _in_order, _load_cleaning, _pool  # the pool `add` cleans with

    batches = [jobs[s : s + BUILD_BATCH] for s in range(0, total, BUILD_BATCH)]
    with _pool(workers, preload=_load_cleaning) as pool:
        for future in _in_order(pool, build_many, batches, window=4 * workers):
            results.extend(future.result())
            if progress:
                progress(RefreshProgress("cleaning", len(results), total))
    return results


def build_many(jobs: list[ItemJob]) -> list[Built]:
    """In a worker: a batch of items' articles."""
    return [build(job) for job in jobs]


def _retried(runs: list[_Run], now: datetime) -> list[tuple[_Run, Article]]:
    """The partial items whose page came this time, as articles to store (each the update of the
    stored one: the same link); a failed try is counted and the next one put off, doubling."""
    found: list[tuple[_Run, Article]] = []
    for run in runs:
        for key, job, stored_words in run.retries:
            partial = run.feed.partial[key]
            if job.page is None:
                tries = partial.tries + 1
                wait = RETRY_AFTER * 2 ** (tries - 1)
                again = Partial(partial.link, partial.article, tries, (now + wait).isoformat())
                run.partial[key] = again if tries <= MAX_TRIES else None
                continue
            run.partial[key] = None  # fetched: complete now, or as complete as its page is
            article = _page_story(job, stored_words)
            if article is not None:
                found.append((run, article))
    return found


def _page_story(job: ItemJob, stored_words: int) -> Article | None:
    """The story of a partial item's page, when it holds more than what was stored."""
    try:
        article = page_article(job)
    except IngestError:
        return None
    return article if article is not None and article.word_count > stored_words else None


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
