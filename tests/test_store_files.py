"""The store's one atomic write (also the settings'): whole files or none, and durable once written."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

import tui.store.files as files
from tui.settings import Settings
from tui.store.files import FileCache, append_lines, atomic_write


def _events(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Record every fsync (of a file or a folder) and rename the store's files make, in order."""
    events: list[tuple[str, str]] = []
    fsync, replace = os.fsync, os.replace

    def recording_fsync(fd: int) -> None:
        events.append(("fsync", "folder" if stat.S_ISDIR(os.fstat(fd).st_mode) else "file"))
        fsync(fd)

    def recording_replace(src: str, dst: str | Path) -> None:
        events.append(("rename", Path(dst).name))
        replace(src, dst)

    monkeypatch.setattr(files.os, "fsync", recording_fsync)
    monkeypatch.setattr(files.os, "replace", recording_replace)
    return events


def test_atomic_write_fsyncs_the_file_then_renames_then_fsyncs_the_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    events = _events(monkeypatch)
    target = tmp_path / "new" / "index.json"
    atomic_write(target, "naïve\n")
    atomic_write(target.with_suffix(".bin"), b"\x00\x01")
    assert target.read_bytes() == "naïve\n".encode()
    assert target.with_suffix(".bin").read_bytes() == b"\x00\x01"
    assert events == [
        ("fsync", "file"),
        ("rename", "index.json"),
        ("fsync", "folder"),
        ("fsync", "file"),
        ("rename", "index.bin"),
        ("fsync", "folder"),
    ]
    assert sorted(p.name for p in target.parent.iterdir()) == ["index.bin", "index.json"]


def test_a_failed_atomic_write_keeps_the_old_file_and_leaves_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "index.json"
    target.write_text("old")

    def failing_replace(src: str, dst: str) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(files.os, "replace", failing_replace)
    with pytest.raises(OSError, match="disk full"):
        atomic_write(target, "new")
    assert [p.name for p in tmp_path.iterdir()] == ["index.json"]
    assert target.read_text() == "old"


def test_a_folder_that_cannot_be_fsynced_is_skipped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fsync = os.fsync

    def refusing_fsync(fd: int) -> None:
        if stat.S_ISDIR(os.fstat(fd).st_mode):
            raise OSError(22, "Invalid argument")
        fsync(fd)

    monkeypatch.setattr(files.os, "fsync", refusing_fsync)
    atomic_write(tmp_path / "x", "written")
    assert (tmp_path / "x").read_text() == "written"


def test_a_log_created_by_an_append_has_its_folder_fsynced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    events = _events(monkeypatch)
    log = tmp_path / "store.state"
    assert append_lines(log, "one\n") == 4
    assert append_lines(log, "two\n") == 8
    assert events == [("fsync", "file"), ("fsync", "folder"), ("fsync", "file")]


def test_settings_are_saved_by_the_same_atomic_write(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    events = _events(monkeypatch)
    settings = Settings(theme="nord", path=tmp_path / "config" / "settings.toml")
    settings.save()
    assert Settings.load(settings.path).theme == "nord"
    assert events == [("fsync", "file"), ("rename", "settings.toml"), ("fsync", "folder")]


def test_the_file_cache_parses_again_only_when_the_file_changes(tmp_path: Path) -> None:
    parsed: list[str] = []

    def parse(path: Path) -> str:
        parsed.append(path.read_text())
        return parsed[-1]

    cache = FileCache(parse)
    log = tmp_path / "log"
    assert cache.get(log) is None  # no file yet
    append_lines(log, "one\n")
    assert cache.get(log) == cache.get(log) == "one\n"
    assert cache.unchanged(log) == "one\n"
    append_lines(log, "two\n")  # an append changes the size
    assert cache.unchanged(log) is None
    assert cache.get(log) == "one\ntwo\n"
    atomic_write(log, "one\ntwo\n")  # a rename over it: the same size, another inode
    assert cache.get(log) == "one\ntwo\n"
    assert len(parsed) == 3
    atomic_write(log, "mine\n")
    cache.put(log, "mine\n")  # what this process wrote itself is not parsed back
    assert cache.get(log) == "mine\n" and len(parsed) == 3
    log.unlink()
    assert cache.get(log) is None and cache.unchanged(log) is None
