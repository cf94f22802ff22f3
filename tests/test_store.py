"""The store: a real TinyDB file under tmp_path, across instances and processes."""

from __future__ import annotations

import json
import multiprocessing
from pathlib import Path

import pytest

from tui.model import Article, Entity, Mention, PublishedDate
from tui.store import Store, StoreError, resolve_db_path


def make_article(n: int, **extra) -> Article:
    return Article(
        id=f"{n:012x}",
        title=f"Story number {n}",
        paragraphs=[f"Paragraph one of story {n}.", "Paragraph two."],
        source="The Test Ledger",
        published=PublishedDate("2024-05-02", "day", "metadata"),
        raw=f"raw input {n}",
        **extra,
    )


def test_add_is_idempotent_and_survives_reopening(db_path: Path) -> None:
    store = Store(db_path)
    assert store.add(make_article(1)) is True
    assert store.add(make_article(1)) is False
    assert store.add(make_article(2)) is True
    reopened = Store(db_path)
    assert len(reopened) == 2
    article = reopened.get(f"{1:012x}")
    assert article.paragraphs == ["Paragraph one of story 1.", "Paragraph two."]
    assert article.raw == "raw input 1"
    assert article.published == PublishedDate("2024-05-02", "day", "metadata")


def test_summaries_newest_first_without_bodies(db_path: Path) -> None:
    store = Store(db_path)
    for n in range(3):
        store.add(make_article(n))
    titles = [s.title for s in store.summaries()]
    assert titles == ["Story number 2", "Story number 1", "Story number 0"]
    index = json.loads(db_path.read_text())
    assert all("paragraphs" not in doc for doc in index["articles"].values())


def test_prefix_lookup_and_errors(db_path: Path) -> None:
    store = Store(db_path)
    store.add(make_article(0xABCDEF))
    assert store.get("0000").id == f"{0xABCDEF:012x}"
    with pytest.raises(KeyError, match="too short"):
        store.resolve("00")
    with pytest.raises(KeyError, match="No stored article"):
        store.get("ffffffff")


def test_reading_state_and_remove(db_path: Path) -> None:
    store = Store(db_path)
    store.add(make_article(1))
    store.add(make_article(2))
    store.set_read(f"{1:012x}")
    store.set_starred(f"{2:012x}", True)
    again = Store(db_path)
    assert again.get(f"{1:012x}").read is True
    assert again.get(f"{2:012x}").starred is True
    assert again.remove([f"{1:012x}"]) == 1
    assert [s.id for s in Store(db_path).summaries()] == [f"{2:012x}"]
    assert not (again.bodies / f"{1:012x}.json").exists()


def test_reading_state_is_logged_then_folded_into_the_index(db_path: Path) -> None:
    """Marking read, starring and tagging append to `<name>.state` and leave the index file alone
    (O(1) at any store size); the next write of the index carries them and empties the log."""
    store = Store(db_path)
    store.add_many([make_article(1), make_article(2)])
    one, two = f"{1:012x}", f"{2:012x}"
    index_before = db_path.read_bytes()
    store.set_read(one)
    store.set_starred(two, True)
    store.set_tags(two, ["belarus", "elections"])
    store.set_read(one, False)
    store.set_read(one)
    assert db_path.read_bytes() == index_before
    state = db_path.with_name("store.state")
    assert len(state.read_text().splitlines()) == 5

    other = Store(db_path)  # another reader (or process) sees the logged state
    by_id = {s.id: s for s in other.summaries()}
    assert (by_id[one].read, by_id[two].starred, by_id[two].tags) == (
        True,
        True,
        ["belarus", "elections"],
    )
    assert other.get(two).tags == ["belarus", "elections"] and other.get(one).read

    with state.open("ab") as fh:  # a crash mid-append: half a line, skipped
        fh.write(b'{"id": "' + two.encode() + b'", "starr')
    store.set_starred(two, False)
    assert Store(db_path).get(two).starred is False

    store.add(make_article(3))  # an index write folds the log in
    assert not state.exists()
    docs = {d["id"]: d for d in json.loads(db_path.read_text())["articles"].values()}
    assert docs[one]["read"] is True and "starred" not in docs[two]
    assert docs[two]["tags"] == ["belarus", "elections"]
    reopened = {s.id: s for s in Store(db_path).summaries()}
    assert reopened[one].read and not reopened[two].starred and not reopened[f"{3:012x}"].read


def test_reading_state_of_an_unknown_article_is_refused(db_path: Path) -> None:
    store = Store(db_path)
    store.add(make_article(1))
    with pytest.raises(KeyError, match="No stored article"):
        store.set_read("ffffffffffff")
    assert not db_path.with_name("store.state").exists()


def test_entity_index_finds_aliases(db_path: Path) -> None:
    store = Store(db_path)
    article = make_article(7)
    store.add(article)
    article.entities = [
        Entity("Vladimir Putin", "PERSON", ["Putin", "Mr. Putin"], 2, [Mention(0, 0, 5, "Putin")])
    ]
    article.analyzed = True
    store.save_analysis(article)
    assert store.ids_mentioning("mr. putin") == [article.id]
    assert store.ids_mentioning("Vladimir Putin") == [article.id]
    assert store.ids_mentioning("Lukashenko") == []
    assert store.get(article.id).entities[0].aliases == ["Putin", "Mr. Putin"]


def test_corrupt_store_is_reported_and_left_alone(db_path: Path) -> None:
    Store(db_path).add(make_article(1))
    damaged = db_path.read_text()[:-20]
    db_path.write_text(damaged)
    with pytest.raises(StoreError, match=str(db_path)):
        Store(db_path).add(make_article(2))
    assert db_path.read_text() == damaged


def test_db_path_resolution(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("NEWSTUI_DB", str(tmp_path / "env.json"))
    assert resolve_db_path(tmp_path / "flag.json") == tmp_path / "flag.json"
    assert resolve_db_path(None) == tmp_path / "env.json"
    monkeypatch.delenv("NEWSTUI_DB")
    assert resolve_db_path(None).name == "store.json"


def _writer(db: str, start: int) -> None:
    store = Store(db)
    for n in range(start, start + 50):
        store.add(make_article(n))


def test_four_processes_writing_at_once_lose_nothing(db_path: Path) -> None:
    ctx = multiprocessing.get_context("spawn")
    procs = [ctx.Process(target=_writer, args=(str(db_path), k * 1000)) for k in range(4)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(120)
        assert p.exitcode == 0
    store = Store(db_path)
    assert len(store) == 200
    assert len({s.id for s in store.summaries()}) == 200


def test_a_store_tells_changes_made_elsewhere_from_its_own(db_path: Path) -> None:
    mine, other = Store(db_path), Store(db_path)
    assert not mine.changed_elsewhere()
    mine.add(make_article(1))
    mine.set_read(f"{1:012x}")
    assert not mine.changed_elsewhere()  # its own writes
    assert other.changed_elsewhere()
    other.set_starred(f"{1:012x}", True)
    assert mine.changed_elsewhere()
    assert not mine.changed_elsewhere()  # told once
    other.add(make_article(2))
    mine.set_tags(f"{1:012x}", ["x"])  # a write of its own after the other's still tells
    assert mine.changed_elsewhere()


def test_set_read_many_marks_each_once_and_skips_unknown_ids(db_path: Path) -> None:
    store = Store(db_path)
    store.add_many([make_article(n) for n in range(3)])
    ids = [f"{n:012x}" for n in range(3)]
    assert store.set_read_many([ids[0], ids[2], ids[0], "nosuchid0000"]) == 2
    assert {s.id: s.read for s in Store(db_path).summaries()} == {
        ids[0]: True,
        ids[1]: False,
        ids[2]: True,
    }
    assert store.set_read_many(ids, read=False) == 3
    assert not any(s.read for s in Store(db_path).summaries())
