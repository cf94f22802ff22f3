"""Feed items -> analyzed articles -> the store, a batch at a time, in input order.

Each batch is cleaned (`items.build`) and analyzed (`tui.nlp.pipeline.analyze_articles`, what the
workers of `newstui add` run) in one go, in worker processes when there are many items, and this
process stores each batch as it comes back (`tui.library.adding.store_all`, the store path of
`add`). One pool does both steps: it is forked with trafilatura and the model already loaded (as `add`'s pools
are), the first batches are stored while the next are analyzed, and the model is never loaded twice.
A model that cannot run leaves the articles stored without analysis (the reader analyzes an
article when it is opened), as `add` does.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from tui.feeds.items import Built, ItemJob, build
from tui.library.adding import Outcome, store_all
from tui.store import Store

BATCH = 16  # items a worker cleans and analyzes at a time, and the store writes at a time


@dataclass(slots=True)
class Processed:
    """One item's fate: what cleaning built, and what storing did with its article (None when
    cleaning found no article in it)."""

    job: ItemJob
    built: Built
    outcome: Outcome | None


def process(jobs: list[ItemJob], store: Store) -> Iterator[Processed]:
    """Clean, analyze and store every job's item; one Processed per job, in order, each yielded
    once its batch is stored. Raises StoreError when the store cannot be written."""
    from tui.library.adding import PARALLEL_MIN, worker_count

    workers = worker_count()
    size = max(1, min(BATCH, -(-len(jobs) // (2 * workers))))
    batches = [jobs[s : s + size] for s in range(0, len(jobs), size)]
    if len(jobs) < PARALLEL_MIN or workers < 2:
        for batch in batches:
            yield from _stored(store, batch, clean_and_analyze(batch))
        return
    from tui.library.adding import _in_order, _pool  # the worker pool `newstui add` uses

    with _pool(workers, preload=_load_everything) as pool:
        for batch, future in zip(
            batches, _in_order(pool, clean_and_analyze, batches, 4 * workers), strict=True
        ):
            yield from _stored(store, batch, future.result())


def _load_everything() -> None:
    """Before forking: what cleaning and analysis load (trafilatura, the model, the rules)."""
    from tui.library.adding import _load_analysis, _load_cleaning

    _load_cleaning()
    _load_analysis()


def clean_and_analyze(batch: list[ItemJob]) -> list[Built]:
    """In a worker (or here): a batch of items' articles, analyzed; un-analyzed when the model
    fails (the reader analyzes them when opened)."""
    from tui.nlp.pipeline import analyze_articles

    built = [build(job) for job in batch]
    articles = [b.article for b in built if b.article is not None]
    if articles:
        try:
            analyze_articles(articles)
        except Exception as exc:  # a broken model must not lose the stories: stored un-analyzed
            for b in built:
                if b.article is not None:
                    b.article.entities, b.article.timeline, b.article.analyzed = [], [], False
                    b.error = f"Analysis failed ({exc}); articles are stored without it."
    return built


def _stored(store: Store, batch: list[ItemJob], built: list[Built]) -> Iterator[Processed]:
    articles = [b.article for b in built if b.article is not None]
    outcomes = iter(store_all(store, articles))
    for job, result in zip(batch, built, strict=True):
        yield Processed(job, result, next(outcomes) if result.article is not None else None)
