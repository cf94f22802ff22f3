"""The store's timeline index (`<store>.timeline/`): kept at write time, read without opening
articles, rebuilt from the article files when it is missing, damaged or behind."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_timelines import _article, _person
from tui.library.merged_timeline import merged_timeline
from tui.model import TimelineEvent
from tui.store import Store, timeline_index


def _values(store: Store) -> list[tuple[str, str]]:
    return [(e.event.value, e.article_id[:1]) for e in merged_timeline(store)]


@pytest.fixture
def store(tmp_path: Path) -> Store:
    store = Store(tmp_path / "store.json")
    store.add_many(
        [
            _article("a" * 12, "One", "2020-09-14T10:00:00", [], [("2020-09-13", "on Sunday")]),
            _article("b" * 12, "Two", "2020-09-15T10:00:00", [], [("1994", "in 1994")]),
        ]
    )
    return store


def test_the_first_merged_timeline_builds_the_index_and_later_writes_keep_it(
    store: Store, tmp_path: Path
) -> None:
    folder = tmp_path / "store.timeline"
    assert not folder.exists()  # built by the first merged timeline, not by every add
    assert _values(store) == [("1994", "b"), ("2020-09-13", "a")]
    assert (folder / "current").exists()
    store.add(_article("c" * 12, "Three", "2020-09-16T10:00:00", [], [("2001", "in 2001")]))
    assert _values(store) == [("1994", "b"), ("2001", "c"), ("2020-09-13", "a")]
    changed = store.get("a" * 12)
    changed.timeline[0].value = "2020-09-06"
    changed.title = "One, redated"
    store.save_analysis(changed)
    store.remove(["b" * 12])
    events = merged_timeline(store)
    assert [(e.event.value, e.article_title) for e in events] == [
        ("2001", "Three"),
        ("2020-09-06", "One, redated"),
    ]


def test_a_merged_timeline_reads_no_article_file(store: Store, tmp_path: Path) -> None:
    _values(store)
    files = list(tmp_path.glob("store.articles/*.json"))
    assert len(files) == 2
    for path in files:
        path.write_text("garbled", encoding="utf-8")  # the doctor's business, not the timeline's
    assert _values(store) == [("1994", "b"), ("2020-09-13", "a")]


def test_the_log_is_folded_into_a_new_base(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _values(store)
    monkeypatch.setattr(timeline_index, "LOG_MIN_BYTES", 0)
    for n in range(5):
        store.add(_article(f"{n}" * 12, f"T{n}", "2020-09-16T10:00:00", [], [("2001", "in 2001")]))
    store.remove(["1" * 12])
    folder = tmp_path / "store.timeline"
    generation = int((folder / "current").read_text())
    assert generation > 1
    assert sorted(p.name for p in folder.iterdir()) == [
        f"base-{generation}.txt",
        "current",
        f"log-{generation}.txt",
    ]
    assert sorted(e.article_id[:1] for e in merged_timeline(store)) == sorted("ab0234")


def test_a_damaged_index_is_rebuilt_from_the_article_files(store: Store, tmp_path: Path) -> None:
    _values(store)
    folder = tmp_path / "store.timeline"
    (folder / f"base-{(folder / 'current').read_text().strip()}.txt").write_text(
        "a" * 12 + "\t{not json\n", encoding="utf-8"
    )
    assert store.damaged_indexes()  # the doctor sees it
    assert _values(store) == [("1994", "b"), ("2020-09-13", "a")]
    assert not store.damaged_indexes()


def test_articles_the_index_lacks_are_read_from_their_files(store: Store, tmp_path: Path) -> None:
    """An older newstui adds articles without knowing of the index: the next read catches up."""
    _values(store)
    folder = tmp_path / "store.timeline"
    generation = (folder / "current").read_text().strip()
    base = folder / f"base-{generation}.txt"
    base.write_text(
        "".join(line + "\n" for line in base.read_text().splitlines() if line[:1] != "b"),
        encoding="utf-8",
    )
    assert _values(store) == [("1994", "b"), ("2020-09-13", "a")]
    assert "b" * 12 in Store(tmp_path / "store.json")._terms.timeline.held()


def test_the_entity_filter_reads_only_the_articles_naming_it(tmp_path: Path) -> None:
    store = Store(tmp_path / "store.json")
    store.add_many(
        [
            _article("a" * 12, "One", "2020-09-14T10:00:00", [_person("Ana Roe")], [("1994", "x")]),
            _article("b" * 12, "Two", "2020-09-15T10:00:00", [_person("Bo Lee")], [("2001", "y")]),
        ]
    )
    assert [e.article_title for e in merged_timeline(store, "Ana Roe")] == ["One"]


def test_the_merged_view_reads_keys_first_and_texts_when_drawn(store: Store) -> None:
    """The keys sort and gather the events as the full read does; a sentence's texts come from its
    own article's line when it is first drawn."""
    from tui.library.merged_timeline import merged_sentences

    three = _article("c" * 12, "Three", "2020-09-16T10:00:00", [], [("2001", "in 2001")])
    sentence = "It began in 2001 and ended on Friday."
    three.paragraphs = [sentence]
    three.timeline = [
        TimelineEvent("2001", "year", "2001", 0, 12, 16, sentence),
        TimelineEvent("2020-09-11", "day", "Friday", 0, 30, 36, sentence),  # the same sentence
    ]
    store.add(three)
    events = merged_timeline(store)
    keys, sentences = merged_sentences(store)
    assert [(k.value, k.article_id) for k in keys] == [
        (e.event.value, e.article_id) for e in events
    ]
    assert [s.value for s in sentences] == ["1994", "2001", "2020-09-13"]
    assert [len(s.events) for s in sentences] == [1, 2, 1]
    assert sentences[1].events == tuple(e for e in events if e.article_id == "c" * 12)


def test_lines_written_before_the_keys_read_as_well(store: Store, tmp_path: Path) -> None:
    from tui.library.merged_timeline import merged_sentences

    before = _values(store)
    folder = tmp_path / "store.timeline"
    base = folder / f"base-{(folder / 'current').read_text().strip()}.txt"
    old = []
    for line in base.read_text(encoding="utf-8").splitlines():
        article_id, _keys, payload = line.split("\t")
        old.append(f"{article_id}\t{payload}\n")  # the line as the index wrote it before
    base.write_text("".join(old), encoding="utf-8")
    fresh = Store(tmp_path / "store.json")
    assert _values(fresh) == before
    keys, sentences = merged_sentences(fresh)
    assert [(k.value, k.article_id[:1]) for k in keys] == before
    assert [s.first.event.text for s in sentences] == ["in 1994", "on Sunday"]


def test_a_line_damaged_after_its_keys_were_read_is_rebuilt_when_drawn(
    store: Store, tmp_path: Path
) -> None:
    from tui.library.merged_timeline import merged_sentences

    _keys, sentences = merged_sentences(store)
    folder = tmp_path / "store.timeline"
    base = folder / f"base-{(folder / 'current').read_text().strip()}.txt"
    lines = base.read_text(encoding="utf-8").splitlines()
    garbled = [f"{line.split(chr(9))[0]}\t{line.split(chr(9))[1]}\t{{not json" for line in lines]
    base.write_text("\n".join(garbled) + "\n", encoding="utf-8")
    assert [s.first.event.text for s in sentences] == ["in 1994", "on Sunday"]
