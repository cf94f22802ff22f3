"""The first-screen file `<name>.first.json`: the first rows of each list order and the counts, so
the reader paints before it parses the index. It must give exactly what the whole index gives, and
anything stale, damaged or foreign must be ignored (the index is read instead), never shown."""

from __future__ import annotations

import json
import random
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.conftest import SAMPLES
from tui.cli.commands import app
from tui.store import Store
from tui.store.first_screen import FIRST_ROWS, first_screen_path
from tui.store.index_file import AtomicJSONStorage
from tui.store.migrations import SCHEMA_VERSION
from tui.store.orders import SORT_ORDERS, sort_summaries


def synthetic_index(db: Path, count: int, seed: int = 3, newest_on_top: bool = True) -> None:
    """An index of `count` documents written as the store writes it: titles, sources and dates
    with many ties, some missing, some read, starred or tagged (article files are not needed to
    list). With `newest_on_top`, the article added last comes first in every order too."""
    rng = random.Random(seed)
    words = ["Harbour", "harbour", "Ferry", "Budget", "Zebra", "apple", "Éclair", "eclair", "x"]
    docs = {}
    for n in range(count):
        doc: dict[str, object] = {
            "id": f"{n:012x}",
            "title": " ".join(rng.choice(words) for _ in range(rng.randint(1, 2))),
            "added": f"2025-01-{1 + n % 28:02d}T00:00:{rng.randint(0, 5):02d}",
            "words": rng.randint(0, 900),
        }
        if rng.random() < 0.7:
            doc["source"] = rng.choice(["Globe", "globe", "Wire", "Ärzte Zeitung"])
        if rng.random() < 0.6:
            doc["published"] = f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 3):02d}"
        if rng.random() < 0.3:
            doc["read"] = True
        if rng.random() < 0.1:
            doc["starred"] = True
        if rng.random() < 0.1:
            doc["tags"] = ["world"]
        docs[str(n + 1)] = doc
    if newest_on_top:
        docs[str(count)].update(
            title="Aardvark", source="Aardvark Post", published="2024-12-31", added="2025-02-01"
        )
    AtomicJSONStorage(str(db)).write({"articles": docs, "meta": {"1": {"schema": SCHEMA_VERSION}}})


def expected(store_path: Path, order: str, rows: int) -> tuple[list[object], int, int]:
    """What the whole index gives: the first rows of the order, the article and unread counts."""
    full = Store(store_path).summaries()
    return sort_summaries(full, order)[:rows], len(full), sum(not s.read for s in full)


@pytest.mark.parametrize("order", SORT_ORDERS)
@pytest.mark.parametrize("count", [5, FIRST_ROWS, 700])
def test_the_first_rows_of_each_order_are_the_index_s(
    db_path: Path, order: str, count: int
) -> None:
    synthetic_index(db_path, count)
    rows = 41
    first = Store(db_path).first_screen(order, rows)
    assert first is not None
    want, total, unread = expected(db_path, order, rows if count > FIRST_ROWS else count)
    assert first.summaries[:rows] == want[:rows]
    assert (first.articles, first.unread) == (total, unread)
    if count <= FIRST_ROWS:  # the file holds every article: all of them come
        assert first.summaries == sort_summaries(Store(db_path).summaries(), order)


def test_reading_state_logged_since_is_laid_over_rows_and_counts(db_path: Path) -> None:
    synthetic_index(db_path, 400)
    store = Store(db_path)
    full = sort_summaries(store.summaries(), "added")
    shown, below = full[0], full[300]  # one on the first screen, one the file only counts
    store.set_read(shown.id, not shown.read)
    store.set_read(below.id, not below.read)
    store.set_starred(shown.id, True)
    store.set_tags(shown.id, ["a", "b"])
    unread_one = next(s for s in full[100:] if not s.read)
    store.set_read(unread_one.id, True)
    store.set_read(unread_one.id, True)  # twice: counted once
    for order in SORT_ORDERS:
        first = Store(db_path).first_screen(order, 60)
        assert first is not None
        want, total, unread = expected(db_path, order, 60)
        assert (first.summaries, first.articles, first.unread) == (want, total, unread)


def test_a_write_elsewhere_makes_the_file_of_the_old_index_unused(db_path: Path) -> None:
    synthetic_index(db_path, 50)
    old = first_screen_path(db_path).read_bytes()
    opened = Store(db_path)  # read at opening ...
    other = Store(db_path)
    other.remove([other.summaries()[0].id])  # ... then another process writes the index
    assert opened.first_screen("added", 20) is None  # the index it came from is gone
    first_screen_path(db_path).write_bytes(old)  # a file left from before the last write
    assert Store(db_path).first_screen("added", 20) is None
    assert len(Store(db_path).summaries()) == 49


@pytest.mark.parametrize(
    "damage",
    [
        lambda d: b"",
        lambda d: b"\x00\xff garbage",
        lambda d: json.dumps(d).encode()[: len(json.dumps(d)) // 2],
        lambda d: b"[]",
        lambda d: json.dumps({**d, "format": 99}).encode(),
        lambda d: json.dumps({**d, "schema": SCHEMA_VERSION + 1}).encode(),
        lambda d: json.dumps({**d, "rows": "no"}).encode(),
        lambda d: json.dumps({**d, "rows": [{"id": 1}] * len(d["rows"])}).encode(),
        lambda d: json.dumps({**d, "orders": {k: [-1] * 30 for k in d["orders"]}}).encode(),
        lambda d: json.dumps({**d, "orders": {k: [10**6] for k in d["orders"]}}).encode(),
        lambda d: json.dumps({**d, "orders": {k: v[:3] for k, v in d["orders"].items()}}).encode(),
        lambda d: json.dumps({**d, "articles": "many"}).encode(),
        lambda d: json.dumps({**d, "unread": 5}).encode(),
        lambda d: json.dumps({**d, "unread": ""}).encode(),  # counts that do not add up
        lambda d: json.dumps({k: v for k, v in d.items() if k != "read"}).encode(),
    ],
)
def test_a_damaged_file_is_never_shown_and_the_index_is_read(db_path: Path, damage) -> None:
    synthetic_index(db_path, 200)
    path = first_screen_path(db_path)
    path.write_bytes(damage(json.loads(path.read_bytes())))
    store = Store(db_path)
    for order in SORT_ORDERS:
        assert store.first_screen(order, 30) is None
    assert len(store.summaries()) == 200


def test_a_screen_taller_than_the_file_keeps_reads_the_index(db_path: Path) -> None:
    synthetic_index(db_path, FIRST_ROWS + 50)
    assert Store(db_path).first_screen("added", FIRST_ROWS + 1) is None
    assert Store(db_path).first_screen("no such order", 10) is None


@pytest.mark.parametrize("order", ["published", "title"])
def test_an_order_that_puts_the_newest_article_below_the_first_screen_reads_the_index(
    db_path: Path, order: str
) -> None:
    """The reader starts on the newest article added, wherever the order puts it: the first
    screen alone cannot show where that is."""
    synthetic_index(db_path, 300, newest_on_top=False)
    newest = Store(db_path).summaries()[0].id
    place = [s.id for s in sort_summaries(Store(db_path).summaries(), order)].index(newest)
    assert place >= 20
    assert Store(db_path).first_screen(order, 41) is None
    assert Store(db_path).first_screen("added", 41) is not None


def test_every_index_write_writes_it_and_an_older_store_gets_one(db_path: Path) -> None:
    runner = CliRunner()
    assert runner.invoke(app, ["--db", str(db_path), "add", str(SAMPLES)]).exit_code == 0
    first = Store(db_path).first_screen("added", 10)
    assert first is not None
    assert [s.id for s in first.summaries] == [s.id for s in Store(db_path).summaries()]
    victim = first.summaries[0].id
    assert runner.invoke(app, ["--db", str(db_path), "rm", victim]).exit_code == 0
    after = Store(db_path).first_screen("added", 10)
    assert after is not None and victim not in {s.id for s in after.summaries}
    assert after.articles == first.articles - 1
    # A store written before the file existed (schema 1: no file, entity keys in the index) is
    # migrated at opening, and the migration's write leaves one.
    old = db_path.with_name("old.json")
    shutil.copy(db_path, old)
    shutil.copytree(db_path.with_name("store.articles"), old.with_name("old.articles"))
    data = json.loads(old.read_text())
    data["meta"] = {"1": {"schema": 1}}
    for doc in data["articles"].values():
        doc["entity_keys"] = []
    old.write_text(json.dumps(data))
    assert not first_screen_path(old).exists()
    assert len(Store(old).summaries()) == after.articles
    assert Store(old).first_screen("added", 10) is not None
