"""`newstui doctor` in a real terminal (tmux): a store with read, starred and tagged articles keeps
them when its damaged index is rebuilt, and the reader then shows them."""

from __future__ import annotations

import shlex
from pathlib import Path

from tests.test_store import make_article
from tests.test_terminal import NEWSTUI, pytestmark, terminal  # noqa: F401  (fixture, marks)
from tui.store import Store


def test_doctor_keeps_read_starred_and_tagged_articles(terminal, tmp_path: Path) -> None:  # noqa: F811
    db, status = tmp_path / "db.json", tmp_path / "status"
    store = Store(db)
    for n in range(6):
        store.add(make_article(n))
    ids = [f"{n:012x}" for n in range(6)]
    store.set_read(ids[0])
    store.set_starred(ids[1], True)
    store.set_tags(ids[2], ["harbour"])
    store.add(make_article(6))  # folds the state above into the index
    store.set_read(ids[3])  # logged only
    store.set_tags(ids[1], ["strike", "port"])
    data = db.read_bytes()
    db.write_bytes(data[: data.rindex(b',"_written"') - 1])  # the index is cut after the articles

    quoted = shlex.quote(str(db))
    command = f"{shlex.quote(str(NEWSTUI))} --db {quoted} doctor; echo $? > {status}"
    t = terminal(command, width=400)  # wide: the report's sentences are not wrapped
    screen = t.wait_for("article(s)")
    assert t.wait_exit(status) == "0", screen
    screen = t.screen()
    assert "kept the reading state of 7 articles" in screen, screen
    assert "not kept" not in screen, screen

    status.unlink()
    t.keys("clear", "Enter")
    t.keys(f"{shlex.quote(str(NEWSTUI))} --db {quoted}; echo $? > {status}", "Enter")
    t.wait_for("7 articles · 5 unread")  # 0 and 3 read
    t.wait_for("★")  # 1 starred
    t.keys("q")
    assert t.wait_exit(status) == "0"
    state = {s.id: (s.read, s.starred, s.tags) for s in Store(db).summaries()}
    assert state[ids[0]] == (True, False, [])
    assert state[ids[1]] == (False, True, ["port", "strike"])
    assert state[ids[2]] == (False, False, ["harbour"])
    assert state[ids[3]] == (True, False, [])
