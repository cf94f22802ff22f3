"""The real binary in a real terminal (tmux): pipe an article in, read it, press keys, quit."""

from __future__ import annotations

import shlex
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from tests.conftest import SAMPLES

pytestmark = [
    pytest.mark.tmux,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
]

NEWSTUI = Path(sys.executable).with_name("newstui")


class Terminal:
    """A detached tmux session of a fixed size, read with capture-pane."""

    def __init__(self, command: str, width: int = 120, height: int = 40) -> None:
        self.name = f"newstui-test-{uuid.uuid4().hex[:8]}"
        subprocess.run(
            ["tmux", "new-session", "-d", "-s", self.name, "-x", str(width), "-y", str(height)],
            check=True,
        )
        self.keys(command, "Enter")

    def keys(self, *keys: str) -> None:
        subprocess.run(["tmux", "send-keys", "-t", self.name, *keys], check=True)

    def screen(self) -> str:
        out = subprocess.run(
            ["tmux", "capture-pane", "-p", "-t", self.name], capture_output=True, text=True
        )
        return out.stdout

    def wait_for(self, text: str, timeout: float = 60.0) -> str:
        """Poll the screen until `text` shows (bounded), returning the screen."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            screen = self.screen()
            if text in screen:
                return screen
            time.sleep(0.2)
        raise AssertionError(f"{text!r} never appeared; the screen was:\n{self.screen()}")

    def wait_gone(self, text: str, timeout: float = 20.0) -> None:
        """Poll the screen until `text` is no longer on it (bounded)."""
        deadline = time.monotonic() + timeout
        while text in self.screen():
            if time.monotonic() > deadline:
                raise AssertionError(f"{text!r} never went away:\n{self.screen()}")
            time.sleep(0.2)

    def wait_exit(self, status: Path, timeout: float = 20.0) -> str:
        """Wait for the shell to write the command's exit status, and return it."""
        deadline = time.monotonic() + timeout
        while not status.exists() or not status.read_text().strip():
            if time.monotonic() > deadline:
                raise AssertionError(f"newstui did not exit; the screen was:\n{self.screen()}")
            time.sleep(0.1)
        return status.read_text().strip()

    def close(self) -> None:
        subprocess.run(["tmux", "kill-session", "-t", self.name], capture_output=True)


@pytest.fixture
def terminal():
    sessions: list[Terminal] = []

    def start(command: str, **size: int) -> Terminal:
        sessions.append(Terminal(command, **size))
        return sessions[-1]

    yield start
    for t in sessions:
        t.close()


def piped(sample: Path, db: Path, status: Path) -> str:
    return (
        f"cat {shlex.quote(str(sample))} | {shlex.quote(str(NEWSTUI))} --db {shlex.quote(str(db))}; "
        f"echo $? > {shlex.quote(str(status))}"
    )


def first_words(paragraph: str, n: int = 5) -> str:
    return " ".join(paragraph.split()[:n])


def test_cat_sample_into_newstui_shows_it_and_q_quits(terminal, tmp_path: Path) -> None:
    status = tmp_path / "status"
    t = terminal(piped(SAMPLES / "council-budget.txt", tmp_path / "db.json", status))
    lines = (SAMPLES / "council-budget.txt").read_text(encoding="utf-8").splitlines()
    t.wait_for(lines[0][:30])  # the headline
    for key in ("j", "k", "e", "t", "Tab"):
        t.keys(key)
    t.keys("?")
    t.wait_for("Escape closes this help")
    t.keys("Escape")
    t.wait_gone("Escape closes this help")
    t.keys("q")
    assert t.wait_exit(status) == "0"


def test_cat_seed_shows_its_first_paragraph(terminal, tmp_path: Path, seed_path: Path) -> None:
    import json

    gold = json.loads(seed_path.with_suffix(".gold.json").read_text(encoding="utf-8"))
    status = tmp_path / "status"
    t = terminal(piped(seed_path, tmp_path / "x.json", status))
    t.wait_for(first_words(gold["paragraphs"][0]))
    t.keys("q")
    assert t.wait_exit(status) == "0"
