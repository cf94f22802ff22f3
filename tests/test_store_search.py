"""The store's inverted index and file layout: search, merges, removals and older stores."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

import tui.store.search as store_search
from tests.test_store import make_article
from tui.model import Entity
from tui.store import Store


def _titled(n: int, words: str):
    article = make_article(n)
    article.paragraphs = [words]
    return article


def test_search_finds_words_and_word_pieces_newest_first(db_path: Path) -> None:
    store = Store(db_path)
    store.add(_titled(1, "Protesters marched in Minsk on Sunday."))
    store.add(_titled(2, "The Minsk talks stalled; Lukashenko refused."))
    store.add(_titled(3, "Nothing about it here."))
    assert store.search("minsk") == [f"{2:012x}", f"{1:012x}"]
    assert store.search("MINSK lukash") == [f"{2:012x}"]
    assert store.search("march") == [f"{1:012x}"]
    assert store.search("berlin") == []
    assert len(store.search("  ")) == 3


def test_search_follows_removal_reanalysis_and_merges(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store_search, "LOG_MIN_BYTES", 0)  # merge the log on every write
    store = Store(db_path)
    for n in range(6):
        store.add(_titled(n, f"common word{n}"))
    assert len(store.search("common")) == 6
    store.remove([f"{2:012x}"])
    assert f"{2:012x}" not in store.search("common")
    changed = store.get(f"{3:012x}")
    changed.paragraphs = ["rewritten entirely"]
    store.save_analysis(changed)
    assert store.search("word3") == []
    assert store.search("rewritten") == [f"{3:012x}"]
    assert store.search("word4") == [f"{4:012x}"]
    gens = list((db_path.parent / "store.search").glob("base-*.ids"))
    assert len(gens) == 1  # old generations are deleted after a merge


def _naming(n: int, *entities: tuple[str, list[str]]):
    article = make_article(n)
    article.entities = [Entity(name, "PERSON", aliases, 1, []) for name, aliases in entities]
    return article


@pytest.mark.parametrize("merge_every_write", [False, True])
def test_entity_look_ups_follow_adds_reanalysis_removal_and_merges(
    db_path: Path, monkeypatch: pytest.MonkeyPatch, merge_every_write: bool
) -> None:
    if merge_every_write:
        monkeypatch.setattr(store_search, "LOG_MIN_BYTES", 0)
    store = Store(db_path)
    store.add_many(
        [
            _naming(1, ("Vladimir Putin", ["Mr. Putin"])),
            _naming(2, ("Vladimir Putin", ["Putin"]), ("Ingrid Salo", [])),
            _naming(3, ("Ingrid Salo", ["Salo"])),
        ]
    )
    one, two, three = (f"{n:012x}" for n in (1, 2, 3))
    assert store.ids_mentioning("vladimir putin") == [two, one]
    assert store.ids_mentioning("Mr.  Putin") == [one]
    assert store.ids_mentioning("Vladimir") == []  # exact names, not word pieces
    groups = [["Vladimir Putin", "Putin"], ["Ingrid Salo", "Salo"], ["Nobody"]]
    assert store.ids_mentioning_each(groups) == [{one, two}, {two, three}, set()]

    changed = store.get(two)
    changed.entities = [Entity("Ingrid Salo", "PERSON", [], 1, [])]  # re-analysed: Putin gone
    store.save_analysis(changed)
    assert store.ids_mentioning("Vladimir Putin") == [one]
    assert store.ids_mentioning("Ingrid Salo") == [three, two]
    store.remove([three])
    assert store.ids_mentioning_each([["Ingrid Salo", "Salo"]]) == [{two}]
    assert Store(db_path).ids_mentioning("Salo") == []  # reopened: from the files alone


def test_raw_input_lives_in_its_own_file(db_path: Path) -> None:
    store = Store(db_path)
    store.add(make_article(1))
    body = json.loads((store.bodies / f"{1:012x}.json").read_text())
    assert "raw" not in body
    assert (store.bodies / f"{1:012x}.raw").read_text() == "raw input 1"
    assert store.get(f"{1:012x}").raw == "raw input 1"
    store.remove([f"{1:012x}"])
    assert list(store.bodies.iterdir()) == []


def test_store_without_search_index_builds_it_from_article_files(db_path: Path) -> None:
    store = Store(db_path)
    store.add(_titled(1, "An older store about Vilnius."))
    body = store.bodies / f"{1:012x}.json"
    data = json.loads(body.read_text())  # the older layout: raw inline, no search folder
    data["raw"] = (store.bodies / f"{1:012x}.raw").read_text()
    body.write_text(json.dumps(data))
    (store.bodies / f"{1:012x}.raw").unlink()
    shutil.rmtree(db_path.parent / "store.search")
    reopened = Store(db_path)
    assert reopened.search("vilnius") == [f"{1:012x}"]
    assert reopened.get(f"{1:012x}").raw == "raw input 1"
    reopened.add(_titled(2, "And Vilnius again."))
    assert Store(db_path).search("vilnius") == [f"{2:012x}", f"{1:012x}"]


def test_a_torn_log_line_is_skipped(db_path: Path) -> None:
    store = Store(db_path)
    store.add(_titled(1, "alpha"))
    log = next((db_path.parent / "store.search").glob("log-*.txt"))
    with open(log, "a", encoding="utf-8") as fh:
        fh.write("deadbeef0000\t beta ga")  # a crash mid-append
    store.add(_titled(2, "gamma"))
    assert store.search("gamma") == [f"{2:012x}"]
    assert store.search("beta") == []


def test_searching_an_empty_store_finds_nothing(db_path: Path) -> None:
    store = Store(db_path)
    assert store.search("anything") == []
    store.add(_titled(1, "something"))
    store.remove([f"{1:012x}"])
    assert store.search("something") == []
