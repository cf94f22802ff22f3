"""A whole reading session in a real terminal (tmux): open the store seeded with the sample
articles, move, open, star, search, open help, and quit with status 0."""

from __future__ import annotations

import shlex
from pathlib import Path

from tests.conftest import SAMPLES
from tests.test_terminal import NEWSTUI, pytestmark, terminal  # noqa: F401  (fixture, marks)
from tui.store import Store


def test_a_reading_session(terminal, tmp_path: Path) -> None:  # noqa: F811
    db, status, config = tmp_path / "db.json", tmp_path / "status", tmp_path / "settings.toml"
    command = (
        f"NEWSTUI_CONFIG={shlex.quote(str(config))} {shlex.quote(str(NEWSTUI))} "
        f"--db {shlex.quote(str(db))} --seed-if-empty {shlex.quote(str(SAMPLES))}; "
        f"echo $? > {shlex.quote(str(status))}"
    )
    t = terminal(command)
    t.wait_for("Articles · by added", timeout=120)  # the samples are analyzed first
    t.keys("j", "Enter")
    t.wait_for("min read")  # the byline of the opened article
    t.keys("k", "s")
    t.wait_for("★")
    t.keys("O")
    t.wait_for("Articles · by date")
    t.keys("F")
    t.wait_for("Search article bodies")
    t.keys("ferry", "Enter")
    t.wait_for("found · “ferry”")
    t.keys("Escape")
    t.wait_for("Articles · by date")
    t.keys("b")
    t.wait_gone("Entities  Timeline")
    t.keys("?")
    t.wait_for("Escape closes this help")
    t.keys("Escape")
    t.wait_gone("Escape closes this help")
    t.keys("q")
    assert t.wait_exit(status) == "0"
    store = Store(db)
    summaries = store.summaries()
    assert len(summaries) >= 6
    assert sum(s.starred for s in summaries) == 1
    assert sum(s.read for s in summaries) == 1
    saved = config.read_text(encoding="utf-8")
    assert 'sort = "published"' in saved and "side_panel = false" in saved
