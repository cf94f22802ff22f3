"""Inputs -> analyzed articles -> store: the flow shared by `add`, `read`, `analyze` and piping in.

With many inputs, cleaning and analysis run in worker processes, one per core, so both cores work:
trafilatura and spaCy are CPU-bound and hold the GIL. When the workers can be forked, this process
imports trafilatura and loads the spaCy model once before forking, and every worker inherits them
instead of loading its own copy. Results come back in input order and are stored a batch at a time.
A few inputs (piping one page in) stay in this process, where starting workers would cost more than
it saves.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from itertools import chain, islice
from typing import Any, BinaryIO, TypedDict

from tui.ingest.errors import IngestError
from tui.library.analysis import ANALYSIS_LOCK
from tui.model import Article
from tui.store import Added, Store

ANALYZE_BATCH = 16
PARALLEL_MIN = 8  # inputs (or articles to analyze) below this are handled in this process


class IngestOptions(TypedDict):
    """How every source of one add is read (passed to each worker)."""

    kind: str
    clean: bool
    published: str | None


def worker_count() -> int:
    """How many worker processes to use: the cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _pool(workers: int, preload: Callable[[], object] | None = None) -> ProcessPoolExecutor:
    """Worker processes: forked when this process has no other thread (quick, and needs no
    `__main__` guard in the calling script), else started fresh (spawn), which is safe with threads.

    When forking, `preload` runs here first, so the workers inherit what it loads (the model, the
    cleaning modules) rather than each loading it again; spawned workers load it themselves.
    """
    import multiprocessing
    import threading

    forkable = threading.active_count() == 1 and "fork" in multiprocessing.get_all_start_methods()
    if forkable and preload is not None:
        preload()
    if not forkable:
        _start_resource_tracker()
    context = multiprocessing.get_context("fork" if forkable else "spawn")
    return ProcessPoolExecutor(workers, mp_context=context)


def _start_resource_tracker() -> None:
    """Start multiprocessing's resource tracker with the real standard error.

    Spawned workers need the tracker, and the tracker is started with `sys.stderr`'s file
    descriptor; inside the Textual app `sys.stderr` is a capture whose `fileno()` is -1, and the
    start fails ("bad value(s) in fds_to_keep"). Once running, the tracker is reused.
    """
    import sys
    from multiprocessing import resource_tracker

    captured = sys.stderr
    try:
        if sys.__stderr__ is not None:
            sys.stderr = sys.__stderr__
        resource_tracker.ensure_running()
    finally:
        sys.stderr = captured


def _load_cleaning() -> None:
    """Import what cleaning an input needs (trafilatura, lxml, the cleaners), for forked workers."""
    import trafilatura  # noqa: F401  (tui.ingest.html imports it only when first used)

    import tui.ingest.html
    import tui.ingest.text  # noqa: F401


def _load_analysis() -> None:
    """Load what analysis needs (the spaCy model, the entity and timeline rules), for forked workers."""
    import tui.nlp.entities
    import tui.nlp.timeline  # noqa: F401
    from tui.nlp.pipeline import load_model

    load_model()


def _in_order(
    pool: ProcessPoolExecutor, fn: Callable, jobs: Iterable[Any], window: int
) -> Iterator:
    """`fn(job)` for each job on the pool, a few ahead, as futures in job order."""
    pending: deque[Future] = deque()
    for job in jobs:
        pending.append(pool.submit(fn, job))
        if len(pending) >= window:
            yield pending.popleft()
    yield from pending


@dataclass(slots=True)
class Outcome:
    """What became of one input article: stored (new, the update of the same story, or already
    there: `article` is then the stored one, with its id), or refused."""

    origin: str
    article: Article | None = None
    new: bool = False
    error: str | None = None
    updated: bool = False


def collect(
    specs: list[str],
    *,
    stdin: BinaryIO | None = None,
    kind: str = "auto",
    published: str | None = None,
    clean: bool = True,
) -> Iterator[Article | IngestError]:
    """Read every input (paths, folders, URLs, `-`) and clean it; errors come back as values."""
    from tui.ingest import ingest_source
    from tui.ingest.sources import iter_sources

    options = IngestOptions(kind=kind, clean=clean, published=published)
    sources = iter_sources(specs, stdin=stdin)
    head = list(islice(sources, PARALLEL_MIN))
    workers = worker_count()
    if len(head) < PARALLEL_MIN or workers < 2:
        for source in chain(head, sources):
            yield from (
                [source] if isinstance(source, IngestError) else ingest_source(source, **options)
            )
        return
    jobs = ((source, options) for source in chain(head, sources))
    with _pool(workers, preload=_load_cleaning) as pool:
        for future in _in_order(pool, _ingest_job, jobs, window=4 * workers):
            yield from future.result()


def _ingest_job(job: tuple[Any, IngestOptions]) -> list[Article | IngestError]:
    """In a worker: clean one source (an IngestError read earlier passes through)."""
    from tui.ingest import ingest_source

    source, options = job
    return [source] if isinstance(source, IngestError) else ingest_source(source, **options)


def analyze_in_batches(
    articles: list[Article], progress: Callable[[int], None] | None = None
) -> None:
    """Run the NLP over articles in batches, in place, reporting progress per batch; raises on failure."""
    batches = [articles[s : s + ANALYZE_BATCH] for s in range(0, len(articles), ANALYZE_BATCH)]
    for batch, error in zip(batches, analyze_each(batches), strict=True):
        if error is not None:
            raise error
        if progress:
            progress(len(batch))


def analyze_each(batches: list[list[Article]]) -> Generator[Exception | None]:
    """Analyze each batch in place, in order; yields None when done, or the exception that stopped it.

    Many articles go to worker processes (the model loaded once, before they fork, or once in each
    spawned worker); a few stay in this process. Each batch is split into one job per worker, so
    the workers finish together rather than one idling while the other does the last batch.
    Stop iterating after an error: the remaining batches are then left alone.
    """
    total = sum(len(b) for b in batches)
    workers = worker_count()
    if total < PARALLEL_MIN or workers < 2:
        yield from _analyze_here(batches)
        return
    try:
        pool = _pool(workers, preload=_load_analysis)
    except Exception as exc:  # the model cannot load: reported, the caller stores un-analyzed
        yield exc
        return
    with pool:
        parts = [_split(batch, workers) for batch in batches]
        # The raw page is not needed for analysis: do not send it to the workers.
        jobs = ([replace(a, raw="") for a in part] for batch in parts for part in batch)
        futures = _in_order(pool, _analyze_job, jobs, window=4 * workers)
        for batch, batch_parts in zip(batches, parts, strict=True):
            try:
                done = [a for _ in batch_parts for a in next(futures).result()]
            except Exception as exc:  # reported: the caller stores the articles un-analyzed
                pool.shutdown(wait=False, cancel_futures=True)
                yield exc
                return
            for article, analyzed in zip(batch, done, strict=True):
                article.entities, article.timeline = analyzed.entities, analyzed.timeline
                article.analyzed = analyzed.analyzed
            yield None


def _split(batch: list[Article], parts: int) -> list[list[Article]]:
    """A batch cut into at most `parts` consecutive non-empty runs of near-equal length, in order."""
    size = -(-len(batch) // parts) if batch else 1
    return [batch[s : s + size] for s in range(0, len(batch), size)]


def _analyze_here(batches: list[list[Article]]) -> Iterator[Exception | None]:
    from tui.nlp.pipeline import analyze_articles, load_model

    try:
        nlp = load_model() if any(batches) else None
    except Exception as exc:  # reported to the caller
        yield exc
        return
    for batch in batches:
        if batch:
            try:
                analyze_articles(batch, nlp=nlp)
            except Exception as exc:  # reported to the caller
                yield exc
                return
        yield None


def _analyze_job(batch: list[Article]) -> list[Article]:
    """In a worker: analyze a batch (the model loads on the first batch and stays loaded)."""
    from tui.nlp.pipeline import analyze_articles

    analyze_articles(batch)
    return batch


def store_all(store: Store, items: Iterable[Article | IngestError]) -> list[Outcome]:
    """Store the articles among `items`, keeping the errors, in input order."""
    items = list(items)
    articles = [i for i in items if isinstance(i, Article)]
    results = iter(store.add_each(articles))
    outcomes = []
    for item in items:
        if isinstance(item, IngestError):
            outcomes.append(Outcome(origin="", error=str(item)))
        else:
            added = next(results)
            outcomes.append(
                Outcome(
                    origin=item.origin,
                    article=item,
                    new=added is Added.NEW,
                    updated=added is Added.UPDATED,
                )
            )
    return outcomes


def added_sentence(new: int, updated: int) -> str:
    """What adding did, as the reader says it: new articles, and stored stories updated."""

    def articles(n: int) -> str:
        return f"{n} article{'s' if n != 1 else ''}"

    if not updated:
        return f"Added {articles(new)}."
    again = "the same story again" if updated == 1 else "the same stories again"
    if not new:
        return (
            f"Updated {articles(updated)} already stored ({again}): new text, reading state kept."
        )
    return f"Added {articles(new)}; updated {articles(updated)} already stored ({again})."


def add_analyzed(
    store: Store,
    items: Iterable[Article | IngestError],
    progress: Callable[[int], None] | None = None,
) -> Iterator[Outcome]:
    """Analyze and store articles a batch at a time, so a stop mid-way keeps what was done (a
    batch of `store_batch` articles: larger in a large store).

    When the model cannot run, articles are stored un-analyzed (the reader analyzes them when opened)
    and one Outcome with an error says so.
    """
    items = list(items)
    chunks = [items[s : s + ANALYZE_BATCH] for s in range(0, len(items), ANALYZE_BATCH)]
    fresh = [[i for i in c if isinstance(i, Article) and i.id not in store] for c in chunks]
    analyses = analyze_each(fresh)
    model_failed = False
    pending: list[Article | IngestError] = []
    for chunk in chunks:
        error = None if model_failed else next(analyses)
        if error is not None:  # a broken model must not lose the articles themselves
            model_failed = True
            analyses.close()
            yield Outcome(
                origin="", error=f"Analysis failed ({error}); articles are stored without it."
            )
        pending.extend(chunk)
        if len(pending) >= store_batch(len(store)):
            yield from store_all(store, pending)
            pending = []
        if progress:
            progress(len(chunk))
    if pending:
        yield from store_all(store, pending)


# Each write of the index rewrites it whole (TinyDB), so it costs in proportion to the store: a
# large store takes more articles a write, and adding keeps one rate per article at any size.
STORE_BATCH_PER_ARTICLE_STORED = 400


def store_batch(stored: int) -> int:
    """How many analyzed articles to store in one write into a store holding `stored`."""
    return max(ANALYZE_BATCH, stored // STORE_BATCH_PER_ARTICLE_STORED)


def add_folder_if_empty(store: Store, folder: str) -> list[Outcome]:
    """Fill an empty store from a folder (the demo's sample articles); a no-op otherwise."""
    if len(store):
        return []
    return list(add_analyzed(store, collect([folder])))


@dataclass(slots=True)
class AddedInput:
    """What adding one input from the reader did: the ids stored (new or updated), how many of
    them were updates, how many were stored already, and one sentence for each failure."""

    new_ids: list[str] = field(default_factory=list)
    updated: int = 0
    known: int = 0
    errors: list[str] = field(default_factory=list)


def add_input(
    store: Store, spec: str, progress: Callable[[int, int], None] | None = None
) -> AddedInput:
    """Read, analyze and store a path, folder or URL typed in the reader, under the analysis lock
    (spaCy runs one at a time). `progress(done, total)` follows a batch of more than one. Never
    raises: a failure is a sentence in `errors`."""
    from pathlib import Path

    path = spec if "://" in spec else str(Path(spec).expanduser())
    result = AddedInput()
    try:
        items = list(collect([path]))
        total = len(items)
        done = 0

        def counted(count: int) -> None:
            nonlocal done
            done += count
            if progress is not None and total > count:  # one batch needs no progress report
                progress(done, total)

        with ANALYSIS_LOCK:
            for outcome in add_analyzed(store, items, progress=counted):
                if outcome.error:
                    result.errors.append(outcome.error)
                elif outcome.article is not None and (outcome.new or outcome.updated):
                    result.new_ids.append(outcome.article.id)
                    result.updated += outcome.updated
                else:
                    result.known += 1
    except Exception as exc:  # any failure becomes a sentence, never a traceback in the reader
        result.errors.append(f"Could not add {spec}: {exc}")
    return result
