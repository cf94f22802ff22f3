"""Inputs -> analyzed articles -> store: the flow shared by `add`, `read`, `analyze` and piping in."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import BinaryIO

from tui.ingest.errors import IngestError
from tui.model import Article
from tui.store import Store

ANALYZE_BATCH = 16


@dataclass(slots=True)
class Outcome:
    """What became of one input article: stored (new or already there), analyzed, or refused."""

    origin: str
    article: Article | None = None
    new: bool = False
    error: str | None = None


def collect(
    specs: list[str],
    *,
    stdin: BinaryIO | None = None,
    kind: str = "auto",
    published: str | None = None,
    clean: bool = True,
) -> Iterator[Article | IngestError]:
    """Read every input (paths, folders, URLs, `-`) and clean it; errors come back as values."""
    from tui.ingest import ingest_bytes
    from tui.ingest.sources import iter_sources

    for source in iter_sources(specs, stdin=stdin):
        if isinstance(source, IngestError):
            yield source
            continue
        try:
            yield from ingest_bytes(
                source.data,
                origin=source.origin,
                kind=kind,
                url=source.url,
                clean=clean,
                published=published,
            )
        except IngestError as exc:
            yield exc


def analyze_in_batches(
    articles: list[Article], progress: Callable[[int], None] | None = None
) -> None:
    """Run the NLP over articles in batches (the model loads once), reporting progress per batch."""
    from tui.nlp.pipeline import analyze_articles, load_model

    nlp = load_model()
    for start in range(0, len(articles), ANALYZE_BATCH):
        batch = articles[start : start + ANALYZE_BATCH]
        analyze_articles(batch, nlp=nlp)
        if progress:
            progress(len(batch))


def store_all(store: Store, items: Iterable[Article | IngestError]) -> list[Outcome]:
    """Store the articles among `items`, keeping the errors, in input order."""
    items = list(items)
    articles = [i for i in items if isinstance(i, Article)]
    flags = iter(store.add_many(articles))
    outcomes = []
    for item in items:
        if isinstance(item, IngestError):
            outcomes.append(Outcome(origin="", error=str(item)))
        else:
            outcomes.append(Outcome(origin=item.origin, article=item, new=next(flags)))
    return outcomes


def add_analyzed(
    store: Store,
    items: Iterable[Article | IngestError],
    progress: Callable[[int], None] | None = None,
) -> Iterator[Outcome]:
    """Analyze and store articles a batch at a time, so a stop mid-way keeps what was done.

    When the model cannot run, articles are stored un-analyzed (the reader analyzes them when opened)
    and one Outcome with an error says so.
    """
    items = list(items)
    model_failed = False
    for start in range(0, len(items), ANALYZE_BATCH):
        chunk = items[start : start + ANALYZE_BATCH]
        fresh = [i for i in chunk if isinstance(i, Article) and i.id not in store]
        if fresh and not model_failed:
            try:
                analyze_in_batches(fresh)
            except Exception as exc:  # a broken model must not lose the articles themselves
                model_failed = True
                yield Outcome(
                    origin="", error=f"Analysis failed ({exc}); articles are stored without it."
                )
        yield from store_all(store, chunk)
        if progress:
            progress(len(chunk))


def add_folder_if_empty(store: Store, folder: str) -> list[Outcome]:
    """Fill an empty store from a folder (the demo's sample articles); a no-op otherwise."""
    if len(store):
        return []
    return list(add_analyzed(store, collect([folder])))
