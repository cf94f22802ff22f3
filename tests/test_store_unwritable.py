"""A store the system will not let newstui write (issue 16, items 5 and 6): a read-only folder or
mount, a full disk. Every write ends in one sentence and a non-zero exit, what was stored is still
there, the reader keeps running, and doctor leaves no empty backup behind."""

from __future__ import annotations

import errno
import hashlib
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.conftest import SAMPLES
from tui.cli.commands import app
from tui.store import Store, StoreError

runner = CliRunner()


def cli(*args: str):
    return runner.invoke(app, list(args))


def newstui(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], *args: str):
    """The real entry point (`tui.cli.launch.main`, which turns a StoreError into its sentence): the
    exit status and what went to stderr."""
    import sys

    from tui.cli.launch import main

    capsys.readouterr()
    monkeypatch.setattr(sys, "argv", ["newstui", *args])
    try:
        main()
        code = 0
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 1
    return code, capsys.readouterr().err


def fingerprint(db: Path) -> dict[str, str]:
    """Every file of the store with a hash of its bytes (the lock file aside)."""
    return {
        str(p.relative_to(db.parent)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(db.parent.rglob("*"))
        if p.is_file() and not p.name.endswith(".lock")
    }


@pytest.fixture
def stored(db_path: Path) -> Path:
    assert cli("--db", str(db_path), "add", str(SAMPLES / "council-budget.txt")).exit_code == 0
    return db_path


def read_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """As on a read-only mount: the lock file cannot be created."""
    import filelock

    def refuse(self, *args, **kwargs):
        raise OSError(errno.EROFS, "Read-only file system", self.lock_file)

    monkeypatch.setattr(filelock.FileLock, "acquire", refuse)


def disk_full(monkeypatch: pytest.MonkeyPatch) -> None:
    """As on a full disk: no new file can be written."""
    import tempfile

    import tui.store.files
    import tui.store.search
    import tui.store.state_log

    def refuse(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    for module in (tui.store.files, tui.store.search, tui.store.state_log):  # logs are appended
        if hasattr(module, "append_lines"):
            monkeypatch.setattr(module, "append_lines", refuse)


@pytest.mark.parametrize(
    ("fault", "words"), [(read_only, "read-only"), (disk_full, "disk is full")]
)
def test_writes_end_in_a_sentence_and_keep_the_store(
    stored: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    fault,
    words: str,
) -> None:
    article_id = Store(stored).summaries()[0].id
    before = fingerprint(stored)
    fault(monkeypatch)
    for args in (
        ["add", str(SAMPLES / "ferry-contract.md")],
        ["rm", article_id],
        ["date", article_id, "2024-01-01"],
    ):
        code, said = newstui(monkeypatch, capsys, "--db", str(stored), *args)
        assert code != 0, args
        assert said.count("\n") == 1 and said.startswith("newstui: "), said  # one sentence
        assert words in said and "Nothing stored was lost" in said, args
    with pytest.raises(StoreError, match=words):
        Store(stored).set_starred(article_id, True)
    assert fingerprint(stored) == before


def test_doctor_on_a_full_disk_leaves_no_empty_backup(
    stored: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stored.write_text('{"articles": 5}', encoding="utf-8")  # damaged: a repair needs a backup
    before = fingerprint(stored)
    disk_full(monkeypatch)
    result = cli("--db", str(stored), "doctor")
    assert result.exit_code != 0
    assert "could not be written" in result.output and "nothing was repaired" in result.output
    assert fingerprint(stored) == before  # no backup file, empty or not


@pytest.mark.anyio
async def test_the_reader_keeps_running_on_a_read_only_store(
    stored: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tui.app.app import build_app

    article_id = Store(stored).summaries()[0].id
    read_only(monkeypatch)
    app = build_app(Store(stored), open_id=article_id, settings_path=tmp_path / "s.toml")
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.press("s")
        await pilot.pause()
        notes = [n.message for n in app._notifications]
        assert any("could not be written: it is read-only" in n for n in notes), notes
        assert app.is_running and app.screen.article.id == article_id


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"
