"""Valid JSON of the wrong shape in a store's files, and an index emptied while article files exist
(issue 16, items 7 and 9): one sentence and a non-zero exit, nothing changed, and `newstui doctor`
repairs it; a damaged search or entity index is rebuilt from the article files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.conftest import SAMPLES
from tui.cli.commands import app
from tui.store import Store, StoreError

runner = CliRunner()


def cli(*args: str):
    return runner.invoke(app, list(args))


@pytest.fixture
def stored(db_path: Path) -> Path:
    """A store of two samples (text and Markdown), one of them starred."""
    for name in ("council-budget.txt", "ferry-contract.md"):
        assert cli("--db", str(db_path), "add", str(SAMPLES / name)).exit_code == 0
    store = Store(db_path)
    store.set_starred(store.summaries()[0].id, True)
    return db_path


@pytest.mark.parametrize(
    "content",
    [
        "null",
        "{}",
        '{"articles": 5}',
        '{"articles": {"1": 7}}',
        '{"articles": {"1": {"title": 3}}}',
        '{"articles": {"1": {"id": "x", "title": "t", "tags": 5}}}',
        '{"articles": {"1": {"id": "x", "title": "t", "words": "many"}}}',
    ],
)
def test_an_index_of_the_wrong_shape_is_refused_then_repaired(stored: Path, content: str) -> None:
    stored.write_text(content, encoding="utf-8")
    for args in (["list"], ["add", str(SAMPLES / "wildfire-evacuation.txt")], ["timeline"]):
        result = cli("--db", str(stored), *args)
        assert result.exit_code != 0, (args, result.output)
        assert isinstance(result.exception, SystemExit)  # one sentence, never a traceback
        assert "newstui doctor" in result.output
        assert stored.read_text(encoding="utf-8") == content  # nothing changed
    with pytest.raises(StoreError):
        Store(stored).summaries()
    repaired = cli("--db", str(stored), "doctor")
    assert repaired.exit_code == 0, repaired.output
    assert len(Store(stored)) == 2


def test_an_article_file_of_the_wrong_shape_is_a_sentence(stored: Path) -> None:
    store = Store(stored)
    article_id = store.summaries()[0].id
    (store.bodies / f"{article_id}.json").write_text('{"id": 5}', encoding="utf-8")
    with pytest.raises(StoreError, match="is damaged"):
        store.get(article_id)
    shown = cli("--db", str(stored), "show", article_id)
    assert shown.exit_code != 0 and "is damaged" in shown.output


def test_state_log_lines_of_the_wrong_shape_are_skipped(stored: Path) -> None:
    store = Store(stored)
    first = store.summaries()[0].id
    with open(store.path.with_name(store.path.stem + ".state"), "a", encoding="utf-8") as log:
        for line in ([1, 2], "x", {"id": 5}, {"id": first, "tags": 7}, {"id": first, "read": "y"}):
            log.write(json.dumps(line) + "\n")
    summaries = {s.id: s for s in Store(stored).summaries()}
    assert summaries[first].starred and summaries[first].tags == []
    assert cli("--db", str(stored), "list").exit_code == 0


def test_a_damaged_search_index_is_rebuilt_and_reported_by_doctor(stored: Path) -> None:
    folder = stored.with_name(stored.stem + ".search")
    found = Store(stored).search("budget")
    for part in folder.iterdir():
        part.write_text("[1,2", encoding="utf-8")
    check = cli("--db", str(stored), "doctor", "--check")
    assert "is damaged" in check.output and "healthy" not in check.output
    assert Store(stored).search("budget") == found  # rebuilt from the article files
    assert "healthy" in cli("--db", str(stored), "doctor", "--check").output


def test_doctor_leaves_a_newer_newstuis_store_as_it_is(stored: Path) -> None:
    """A store written by a newer newstui is not damage: doctor says so and changes nothing (it
    used to "repair" it down to this schema)."""
    data = json.loads(stored.read_text(encoding="utf-8"))
    for doc in data["meta"].values():
        doc["schema"] = 99
    stored.write_text(json.dumps(data), encoding="utf-8")
    files_before = sorted(p.name for p in stored.parent.iterdir())
    content = stored.read_bytes()
    result = cli("--db", str(stored), "doctor")
    assert result.exit_code == 1
    assert "written by a newer newstui (schema 99)" in result.output
    assert "Doctor changed nothing" in result.output
    assert stored.read_bytes() == content
    assert sorted(p.name for p in stored.parent.iterdir()) == files_before  # not even a backup
