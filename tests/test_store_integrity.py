"""Store integrity: doctor, schema migration, and a writer killed with SIGKILL mid-way."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from typer.testing import CliRunner

from tests.test_store import make_article
from tui.cli.commands import app
from tui.model import Entity
from tui.store import SCHEMA_VERSION, Store
from tui.store.doctor import examine


def test_doctor_on_a_healthy_store(db_path: Path) -> None:
    Store(db_path).add(make_article(1))
    report = examine(db_path, repair=False)
    assert report.healthy and report.articles == 1


def test_doctor_rebuilds_a_truncated_index_from_article_files(db_path: Path) -> None:
    store = Store(db_path)
    for n in range(3):
        store.add(make_article(n))
    store.set_read(f"{1:012x}")
    damaged = db_path.read_bytes()[:50]
    db_path.write_bytes(damaged)

    check = CliRunner().invoke(app, ["doctor", "--db", str(db_path), "--check"])
    assert check.exit_code == 1
    assert "damaged" in check.stdout
    assert db_path.read_bytes() == damaged  # a check changes nothing

    fixed = CliRunner().invoke(app, ["doctor", "--db", str(db_path)])
    assert fixed.exit_code == 0, fixed.output
    backups = list(db_path.parent.glob("store.json.bak-*"))
    assert [b.read_bytes() for b in backups] == [damaged]
    assert sorted(s.id for s in Store(db_path).summaries()) == [f"{n:012x}" for n in range(3)]


def test_doctor_moves_a_damaged_article_aside_and_drops_its_entry(db_path: Path) -> None:
    store = Store(db_path)
    store.add(make_article(1))
    store.add(make_article(2))
    body = store.bodies / f"{2:012x}.json"
    body.write_text("{not json")
    report = examine(db_path)
    assert not report.healthy
    assert (store.bodies / ".damaged" / body.name).read_text() == "{not json"
    assert Store(db_path).index_ids() == [f"{1:012x}"]
    assert examine(db_path, repair=False).healthy


def test_old_schema_is_migrated(db_path: Path) -> None:
    store = Store(db_path)
    store.add(make_article(1))
    data = json.loads(db_path.read_text())
    data.pop("meta")  # schema 0: no meta table
    db_path.write_text(json.dumps(data))
    migrated = Store(db_path)
    assert migrated.ids_mentioning("anyone") == []
    assert [s.id for s in migrated.summaries()] == [f"{1:012x}"]
    after = json.loads(db_path.read_text())
    assert list(after["meta"].values()) == [{"schema": SCHEMA_VERSION}]


def test_schema_1_entity_keys_move_to_the_entity_index(db_path: Path) -> None:
    """Schema 1 kept the entity keys in the index file (joined by newlines, or a list in older
    stores); opening moves them to `<name>.entities/` and the index file loses them."""
    store = Store(db_path)
    putin = make_article(1)
    putin.entities = [Entity("Vladimir Putin", "PERSON", ["Mr. Putin"], 2, [])]
    lukashenko = make_article(2)
    lukashenko.entities = [Entity("Alexander Lukashenko", "PERSON", [], 1, [])]
    store.add_many([putin, lukashenko])
    data = json.loads(db_path.read_text())
    data["meta"] = {"1": {"schema": 1}}
    keys = {putin.id: "mr. putin\nvladimir putin", lukashenko.id: ["alexander lukashenko"]}
    for doc in data["articles"].values():
        doc["entity_keys"] = keys[doc["id"]]
    db_path.write_text(json.dumps(data))
    shutil.rmtree(store.path.with_name(store.path.stem + ".entities"))

    migrated = Store(db_path)
    assert migrated.ids_mentioning("Mr. Putin") == [putin.id]
    assert migrated.ids_mentioning("vladimir  PUTIN") == [putin.id]
    assert migrated.ids_mentioning("Alexander Lukashenko") == [lukashenko.id]
    assert migrated.ids_mentioning("Putin") == []
    after = json.loads(db_path.read_text())
    assert list(after["meta"].values()) == [{"schema": SCHEMA_VERSION}]
    assert not any("entity_keys" in d for d in after["articles"].values())
    assert migrated.get(putin.id).entities[0].name == "Vladimir Putin"


def test_a_missing_entity_index_is_rebuilt_from_the_article_files(db_path: Path) -> None:
    store = Store(db_path)
    article = make_article(3)
    article.entities = [Entity("Lakeport Harbour Council", "ORG", ["the council"], 3, [])]
    store.add(article)
    shutil.rmtree(store.path.with_name(store.path.stem + ".entities"))
    assert Store(db_path).ids_mentioning("the council") == [article.id]


def test_newer_schema_is_refused(db_path: Path) -> None:
    Store(db_path).add(make_article(1))
    data = json.loads(db_path.read_text())
    data["meta"] = {"1": {"schema": 99}}
    db_path.write_text(json.dumps(data))
    result = CliRunner().invoke(app, ["list", "--db", str(db_path)])
    assert result.exit_code == 2
    assert "newer newstui" in result.stderr


WRITER = """
import sys
from tests.test_store import make_article
from tui.model import Entity
from tui.store import SCHEMA_VERSION, Store
store = Store(sys.argv[1])
for n in range(100000):
    store.add(make_article(n))
"""


def test_sigkill_during_bulk_add_leaves_a_readable_store(db_path: Path) -> None:
    repo = Path(__file__).resolve().parents[1]
    proc = subprocess.Popen([sys.executable, "-c", WRITER, str(db_path)], cwd=repo)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if db_path.exists() and len(Store(db_path)) >= 30:
            break
        time.sleep(0.05)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    store = Store(db_path)
    count = len(store)
    assert count >= 30
    for summary in store.summaries():
        assert store.get(summary.id).title == summary.title
    report = examine(db_path)  # at most one orphan article file, which doctor re-lists
    assert len(report.problems) <= 1
    assert examine(db_path, repair=False).healthy
