"""Adding many inputs: cleaning and analysis in worker processes give what one process gives."""

from __future__ import annotations

from pathlib import Path

import pytest

import tui.library.adding as adding
from tests.conftest import sample_copies
from tui.ingest.errors import IngestError
from tui.model import Article
from tui.store import Store


def _inputs(folder: Path) -> list[str]:
    """Nine inputs (each sample text twice, changed so ids differ) with an empty file in the middle."""
    paths = sample_copies(folder)
    (folder / "empty.txt").write_bytes(b"")
    paths.insert(3, folder / "empty.txt")
    return [str(p) for p in paths]


def _summary(items: list) -> list:
    return [
        ("error", str(i))
        if isinstance(i, IngestError)
        else (i.id, i.title, [e.name for e in i.entities], [t.value for t in i.timeline])
        for i in items
    ]


def test_workers_give_the_same_articles_in_the_same_order(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    specs = _inputs(tmp_path)
    assert len(specs) >= adding.PARALLEL_MIN and adding.worker_count() >= 1
    parallel = list(adding.collect(specs))
    adding.analyze_in_batches([i for i in parallel if isinstance(i, Article)])

    monkeypatch.setattr(adding, "PARALLEL_MIN", 10_000)  # everything in this process
    serial = list(adding.collect(specs))
    adding.analyze_in_batches([i for i in serial if isinstance(i, Article)])

    assert _summary(parallel) == _summary(serial)
    assert isinstance(parallel[3], IngestError) and "empty.txt" in str(parallel[3])
    assert all(a.analyzed for a in parallel if isinstance(a, Article))
    assert parallel[0].raw == serial[0].raw  # the raw input survives the trip to a worker


def test_add_analyzed_stores_every_batch_with_its_analysis(tmp_path: Path) -> None:
    store = Store(tmp_path / "store.json")
    items = list(adding.collect(_inputs(tmp_path)))
    outcomes = list(adding.add_analyzed(store, items))
    stored = [o for o in outcomes if o.article]
    assert len(stored) == len([i for i in items if isinstance(i, Article)])
    assert sum(o.new for o in stored) == len(store)
    for outcome in stored:
        article = store.get(outcome.article.id)
        assert article.analyzed and article.raw


def test_a_large_store_takes_more_articles_a_write(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each index write rewrites the whole index: a store of N articles groups about N/400 added
    articles a write (here N/2, on a small store), so bulk adding keeps its rate as it grows."""
    assert adding.store_batch(0) == adding.ANALYZE_BATCH
    assert adding.store_batch(40_000) == 100
    store = Store(tmp_path / "store.json")
    items = [i for i in adding.collect(_inputs(tmp_path)) if isinstance(i, Article)]
    list(adding.add_analyzed(store, items[:2]))  # two stored before
    monkeypatch.setattr(adding, "ANALYZE_BATCH", 2)
    monkeypatch.setattr(adding, "STORE_BATCH_PER_ARTICLE_STORED", 1)  # two stored: 2 a write
    writes: list[int] = []
    add_each = store.add_each
    monkeypatch.setattr(store, "add_each", lambda arts: writes.append(len(arts)) or add_each(arts))
    outcomes = list(adding.add_analyzed(store, items[2:]))
    assert sum(writes) == len(items) - 2 and len(writes) < (len(items) - 2 + 1) // 2
    assert writes[0] == 2 and max(writes) > 2  # the store grew, so its writes did
    assert [o.article.id for o in outcomes] == [a.id for a in items[2:]]  # input order
    assert all(o.new or o.updated for o in outcomes)  # each one stored (a twin updates)
    assert all(store.get(o.article.id).analyzed for o in outcomes)
