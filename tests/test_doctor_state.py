"""`newstui doctor` keeps the reading state (read, starred, tags) when it rebuilds a damaged index:
from what it can read of the damaged file, with the state log on top, and says what it could not keep.
Run through the real CLI on real store files."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from tests.test_store import make_article
from tui.cli.commands import app
from tui.store import Store


def aid(n: int) -> str:
    return f"{n:012x}"


def doctor(db: Path, *args: str):
    return CliRunner().invoke(app, ["doctor", "--db", str(db), *args], catch_exceptions=False)


def files(folder: Path) -> dict[str, bytes]:
    """Every file under a folder, by relative path, with its bytes."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def reading_state(db: Path) -> dict[str, tuple[bool, bool, list[str]]]:
    return {s.id: (s.read, s.starred, s.tags) for s in Store(db).summaries()}


def a_store_with_reading_state(db: Path) -> dict[str, tuple[bool, bool, list[str]]]:
    """Ten articles; state folded into the index (by a later add) and state still in the log."""
    store = Store(db)
    for n in range(9):
        store.add(make_article(n))
    store.set_read(aid(1))
    store.set_starred(aid(2), True)
    store.set_tags(aid(3), ["belarus", "elections"])
    store.set_read(aid(7))
    store.set_starred(aid(7), True)
    store.add(make_article(9))  # an index write: the state above is now in the index documents
    assert not db.with_name("store.state").exists()
    store.set_read(aid(4))  # in the log only
    store.set_tags(aid(1), ["later"])
    store.set_read(aid(8))
    assert db.with_name("store.state").exists()
    state = reading_state(db)
    assert sum(r for r, _, _ in state.values()) == 4
    return state


def test_rebuilding_a_cut_index_keeps_the_state_it_can_read_and_names_what_it_cannot(
    db_path: Path,
) -> None:
    before = a_store_with_reading_state(db_path)
    data = db_path.read_bytes()
    seventh = data.index(f'"id":"{aid(7)}"'.encode())
    cut = data.index(b'"starred"', seventh)  # article 7 (read and starred): after its "read"
    db_path.write_bytes(data[:cut])  # articles 0-6 whole, 7 cut, 8-9 gone
    snapshot = files(db_path.parent)

    check = doctor(db_path, "--check")
    assert check.exit_code == 1
    assert files(db_path.parent) == snapshot  # a check changes nothing
    assert "a repair would: rebuild the index" in check.stdout
    assert "keep the reading state of 7 articles" in check.stdout
    assert f"it would be unread, unstarred and untagged: {aid(9)}" in check.stdout

    fixed = doctor(db_path)
    assert fixed.exit_code == 0, fixed.output
    after = reading_state(db_path)
    assert sorted(after) == sorted(before)
    for n in (0, 1, 2, 3, 4, 5, 6, 8, 9):  # whole documents, the log on top (4, 8, 1's tags)
        assert after[aid(n)] == before[aid(n)], n
    assert after[aid(1)] == (True, False, ["later"])
    assert after[aid(7)] == (True, False, [])  # what was readable of its document: not the star
    out = fixed.stdout
    assert "kept the reading state of 7 articles" in out
    assert (
        "the reading state of 2 articles is known only in part (what could be read of their "
        f"damaged entries and the state log's changes are kept, the rest is lost): {aid(7)}, {aid(8)}\n"
    ) in out
    assert (
        "the reading state of 1 article could not be recovered (the damaged index was unreadable "
        f"where it was listed); it is now unread, unstarred and untagged: {aid(9)}\n"
    ) in out
    index_backup = next(db_path.parent.glob("store.json.bak-*"))
    state_backup = next(db_path.parent.glob("store.state.bak-*"))
    assert index_backup.read_bytes() == data[:cut]  # nothing is deleted
    assert state_backup.read_bytes() == snapshot["store.state"]
    assert f"backup: {state_backup}" in out
    assert doctor(db_path, "--check").exit_code == 0


def test_damage_in_the_middle_loses_only_the_documents_it_hit(db_path: Path) -> None:
    before = a_store_with_reading_state(db_path)
    data = db_path.read_bytes()
    start = data.index(f'"id":"{aid(2)}"'.encode())
    end = data.index(f'"id":"{aid(3)}"'.encode()) - 8
    db_path.write_bytes(data[:start] + b"\xff\xfe\x00garbage" * 3 + data[end:])  # not even UTF-8

    fixed = doctor(db_path)
    assert fixed.exit_code == 0, fixed.output
    after = reading_state(db_path)
    assert {i: after[i] for i in after if i != aid(2)} == {
        i: before[i] for i in after if i != aid(2)
    }
    assert after[aid(2)] == (False, False, [])  # starred, in the damaged bytes
    assert "kept the reading state of 9 articles" in fixed.stdout
    assert "could not be recovered" in fixed.stdout and aid(2) in fixed.stdout


def test_an_emptied_index_keeps_the_state_log(db_path: Path) -> None:
    a_store_with_reading_state(db_path)
    db_path.write_bytes(b"")
    fixed = doctor(db_path)
    assert fixed.exit_code == 0, fixed.output
    after = reading_state(db_path)
    assert len(after) == 10
    assert after[aid(4)][0] and after[aid(8)][0] and after[aid(1)][2] == ["later"]
    assert after[aid(2)] == (False, False, [])
    assert "could not be recovered" in fixed.stdout


def test_a_damaged_article_files_state_stays_in_the_backup(db_path: Path) -> None:
    a_store_with_reading_state(db_path)
    (db_path.with_name("store.articles") / f"{aid(2)}.json").write_text("{not json")
    fixed = doctor(db_path)
    assert fixed.exit_code == 0, fixed.output
    assert aid(2) not in reading_state(db_path)
    backup = next(db_path.parent.glob("store.json.bak-*"))
    assert f"is kept only in the backup {backup}: {aid(2)}" in fixed.stdout
    docs = json.loads(backup.read_text())["articles"].values()
    assert any(d["id"] == aid(2) and d.get("starred") for d in docs)
    assert reading_state(db_path)[aid(4)][0]  # the log (folded into the index) is kept


def test_check_does_not_migrate_an_older_store(db_path: Path) -> None:
    """`doctor --check` opens a store of an older schema without bringing it up to date."""
    a_store_with_reading_state(db_path)
    data = json.loads(db_path.read_text())
    data["meta"] = {"1": {"schema": 1}}
    db_path.write_text(json.dumps(data))
    snapshot = files(db_path.parent)
    check = doctor(db_path, "--check")
    assert check.exit_code == 0, check.output
    assert files(db_path.parent) == snapshot
