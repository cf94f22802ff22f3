"""A new user's first day, in a real terminal (tmux): what broke for them stays fixed."""

from __future__ import annotations

import shlex
import shutil
import time
from pathlib import Path

import pytest

from tests.conftest import SAMPLES
from tests.test_terminal import NEWSTUI, terminal  # noqa: F401  (the fixture)
from tui.store import Store

pytestmark = [
    pytest.mark.tmux,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
]


def wait_for_any(t, texts: tuple[str, ...], timeout: float = 120.0) -> str:
    """Poll the screen until one of `texts` shows (bounded), returning the screen."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        screen = t.screen()
        if any(text in screen for text in texts):
            return screen
        time.sleep(0.2)
    raise AssertionError(f"none of {texts} appeared; the screen was:\n{t.screen()}")


def test_a_on_a_folder_of_twenty_stores_all_of_them(terminal, tmp_path: Path) -> None:  # noqa: F811
    """The TUI adds with worker processes like the CLI; inside the app they used to fail at start
    ("bad value(s) in fds_to_keep": Textual's captured stderr has no file descriptor)."""
    folder = tmp_path / "inbox"
    folder.mkdir()
    text = (SAMPLES / "council-budget.txt").read_text(encoding="utf-8")
    for i in range(20):
        (folder / f"story-{i:02d}.txt").write_text(f"{text}\nUpdate {i}.\n", encoding="utf-8")
    db = tmp_path / "db.json"
    t = terminal(f"{shlex.quote(str(NEWSTUI))} --db {shlex.quote(str(db))}")
    t.wait_for("No articles yet")
    t.keys("a")
    t.wait_for("Add a file, folder or URL")
    t.keys(str(folder), "Enter")
    screen = wait_for_any(t, ("Added 20 articles", "Not added"))
    assert "Added 20 articles" in screen, screen
    t.keys("q")
    assert len(Store(db)) == 20


def test_q_in_the_merged_timeline_returns_to_the_reader(terminal, tmp_path: Path) -> None:  # noqa: F811
    db = tmp_path / "db.json"
    status = tmp_path / "status"
    command = (
        f"{shlex.quote(str(NEWSTUI))} --db {shlex.quote(str(db))} --seed-if-empty "
        f"{shlex.quote(str(SAMPLES))}; echo $? > {shlex.quote(str(status))}"
    )
    t = terminal(command)
    t.wait_for("8 articles", timeout=120)  # the samples are stored and listed
    t.keys("m")
    t.wait_for("Timeline of all stored articles")
    t.keys("q")
    t.wait_gone("Timeline of all stored articles")
    assert not status.exists()  # still running: q went back, it did not quit
    t.wait_for("Articles")
    t.keys("q")
    assert t.wait_exit(status) == "0"


def test_entity_filter_with_a_space_and_keys_typed_fast(terminal, tmp_path: Path) -> None:  # noqa: F811
    """`/entity:niamh okafor` typed in one burst (as a paste or a fast typist) filters the list to
    the one sample naming her; the first keys are not lost to the list under the filter box."""
    db = tmp_path / "db.json"
    t = terminal(
        f"{shlex.quote(str(NEWSTUI))} --db {shlex.quote(str(db))} "
        f"--seed-if-empty {shlex.quote(str(SAMPLES))}"
    )
    t.wait_for("8 articles", timeout=120)
    t.keys("/entity:niamh okafor")
    t.wait_for("entity:niamh okafor")
    t.wait_gone("Evacuation orders")
    t.wait_for("Port Halloran dock strike")  # the last key's search may land after the box shows it
    screen = t.screen()
    assert "Port Halloran dock strike" in screen and "Saltspray Air" not in screen, screen
    t.keys("Escape", "Escape")
    t.wait_for("Evacuation orders")
    t.keys("q")


def test_q_quits_at_once_while_a_fetch_hangs(terminal, tmp_path: Path) -> None:  # noqa: F811
    """A server that drips its headers a byte at a time held `q` until the fetch timed out (the
    worker thread kept the process alive); now the fetch is given up and the reader quits."""
    import socket
    import threading

    listener = socket.create_server(("127.0.0.1", 0))
    port = listener.getsockname()[1]
    stop = threading.Event()

    def drip() -> None:
        conn, _ = listener.accept()
        try:
            conn.sendall(b"HTTP/1.1 200 OK\r\nX-Slow: ")
            while not stop.wait(0.2):
                conn.sendall(b"a")
        except OSError:
            pass
        finally:
            conn.close()

    threading.Thread(target=drip, daemon=True).start()
    db, status = tmp_path / "db.json", tmp_path / "status"
    command = (
        f"NEWSTUI_FETCH_TIMEOUT=60 {shlex.quote(str(NEWSTUI))} --db {shlex.quote(str(db))}; "
        f"echo $? > {shlex.quote(str(status))}"
    )
    try:
        t = terminal(command)
        t.wait_for("No articles yet")
        t.keys("a")
        t.wait_for("Add a file, folder or URL")
        t.keys(f"http://127.0.0.1:{port}/story", "Enter")
        t.wait_for("Adding http://127.0.0.1")
        time.sleep(0.5)
        start = time.monotonic()
        t.keys("q")
        assert t.wait_exit(status) == "0"
        assert time.monotonic() - start < 1.5
    finally:
        stop.set()
        listener.close()


def test_term_dumb_gets_one_sentence_not_a_full_screen_ui(terminal, tmp_path: Path) -> None:  # noqa: F811
    """An Emacs shell (TERM=dumb) got the 24-bit full-screen reader as garbage; it now gets one
    sentence naming the commands, a non-zero exit, and piped input is still stored."""
    db, status = tmp_path / "db.json", tmp_path / "status"
    story = shlex.quote(str(SAMPLES / "council-budget.txt"))
    command = (
        f"cat {story} | TERM=dumb {shlex.quote(str(NEWSTUI))} --db {shlex.quote(str(db))}; "
        f"echo $? > {shlex.quote(str(status))}"
    )
    t = terminal(command)
    assert t.wait_exit(status) == "1"
    screen = t.screen()
    assert "this terminal (TERM=dumb) cannot show the reader" in screen
    assert "The piped input is stored as" in screen
    assert len(Store(db)) == 1
