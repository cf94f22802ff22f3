"""The reader's start-up path: `newstui [--db PATH]` opens without Typer, loads only what its first
paint needs, and behaves exactly as the Typer-parsed command does."""

from __future__ import annotations

import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import SAMPLES
from tui.cli.launch import reader_only_db

NEWSTUI = Path(sys.executable).with_name("newstui")

# Loaded when first used, never before the first paint of the list.
LATER_MODULES = (
    "typer",
    "hashlib",
    "webbrowser",
    "textual.widgets._tabbed_content",
    "tui.app.widgets.entity_panel",
    "tui.app.widgets.timeline_panel",
    "tui.app.widgets.prompt",
    "tui.app.screens.help",
    "tui.app.screens.merged_timeline",
    "tui.app.screens.entity_articles",
    "tui.library.analysis",
    "tui.library.reading",
    "tui.store.keys",
    "tui.store.search",
    "tui.store.search_files",
    "tui.store.timeline_index",
    "tui.store.doctor",
    "feedparser",
    "tui.feeds",
    "tui.cli.feeds",
    "tui.cli.commands",
    "tui.cli.options",
)


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ([], (True, None)),
        (["--db", "x.json"], (True, Path("x.json"))),
        (["--db=x.json"], (True, Path("x.json"))),
        (["--db"], (False, None)),
        (["--db", ""], (False, None)),
        (["--db="], (False, None)),
        (["--db", "--version"], (False, None)),
        (["--db", "x.json", "list"], (False, None)),
        (["list"], (False, None)),
        (["--version"], (False, None)),
        (["--help"], (False, None)),
        (["--seed-if-empty", "folder"], (False, None)),
    ],
)
def test_only_the_bare_reader_invocation_skips_typer(
    args: list[str], expected: tuple[bool, Path | None]
) -> None:
    assert reader_only_db(args) == expected


def test_reader_start_up_imports_neither_typer_nor_what_comes_later() -> None:
    code = (
        "import sys, tui.cli.launch, tui.app.app\n"
        f"print(','.join(m for m in {LATER_MODULES!r} if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_the_typer_application_has_every_command() -> None:
    import typer
    import typer.main

    from tui.cli.commands import app

    assert isinstance(app, typer.Typer)
    group = typer.main.get_command(app)
    assert set(group.commands) == {  # type: ignore[attr-defined]
        "read",
        "add",
        "list",
        "show",
        "analyze",
        "rm",
        "date",
        "timeline",
        "export",
        "doctor",
        "feeds",
        "refresh",
    }


def run_reader(args: list[str], *, through_typer: bool) -> subprocess.CompletedProcess[str]:
    """`newstui ARGS` in a new session (no terminal to open), by the fast path or through Typer."""
    if through_typer:
        code = f"import sys; from tui.cli.commands import app; app({args!r})"
    else:
        code = f"import sys; from tui.cli.launch import main; sys.argv = ['newstui', *{args!r}]; main()"
    return subprocess.run(
        [sys.executable, "-c", code],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        start_new_session=True,  # no controlling terminal: /dev/tty cannot be opened
        timeout=60,
    )


def damaged_store(tmp_path: Path) -> Path:
    path = tmp_path / "damaged.json"
    path.write_bytes(b'{"articles": {"1": {"id": ')
    return path


def folder_store(tmp_path: Path) -> Path:
    path = tmp_path / "folder.json"
    path.mkdir()
    return path


def newer_store(tmp_path: Path) -> Path:
    path = tmp_path / "newer.json"
    path.write_text('{"articles": {}, "meta": {"1": {"schema": 99}}}')
    return path


@pytest.mark.parametrize(
    ("make_store", "code", "words"),
    [
        (damaged_store, 2, "is damaged"),
        (folder_store, 2, "is a folder"),
        (newer_store, 2, "newer newstui"),
        (lambda tmp_path: tmp_path / "new.json", 1, "there is no terminal to open the reader on"),
    ],
    ids=["damaged", "folder", "newer-schema", "no-terminal"],
)
def test_fast_path_fails_exactly_as_typer_does(tmp_path: Path, make_store, code, words) -> None:
    db = str(make_store(tmp_path))
    fast = run_reader(["--db", db], through_typer=False)
    fast_equals = run_reader([f"--db={db}"], through_typer=False)
    typer = run_reader(["--db", db], through_typer=True)
    assert words in fast.stderr
    assert fast.stderr.startswith("newstui: ") and fast.stderr.count("\n") == 1, fast.stderr
    assert (fast.returncode, fast.stderr, fast.stdout) == (code, typer.stderr, typer.stdout)
    assert (fast_equals.returncode, fast_equals.stderr) == (code, fast.stderr)
    assert typer.returncode == code


def test_fast_path_leaves_the_garbage_collector_on_for_piped_input(tmp_path: Path) -> None:
    """Ingesting a pipe makes real garbage: only the bare reader pauses the collector."""
    code = (
        "import gc, sys\n"
        "import tui.cli.launch\n"
        "tui.cli.launch.open_reader = lambda db: print(gc.isenabled())\n"
        "tui.cli.launch.open_reader_without_typer(sys.argv[1:])\n"
    )
    db = str(tmp_path / "s.json")
    piped = subprocess.run(
        [sys.executable, "-c", code, "--db", db], input="text", capture_output=True, text=True
    )
    terminal = subprocess.run(
        [sys.executable, "-c", code, "--db", db],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
    )
    assert (piped.stdout, terminal.stdout) == ("True\n", "False\n")


@pytest.mark.tmux
def test_bare_newstui_paints_the_list_and_quits(tmp_path: Path) -> None:
    """The fast path in a real terminal: the newest title shows, q quits with status 0."""
    import shutil

    if shutil.which("tmux") is None:
        pytest.skip("tmux is not installed")
    from tests.test_terminal import Terminal
    from tui.library.adding import collect, store_all
    from tui.store import Store

    db, status = tmp_path / "db.json", tmp_path / "status"
    store = Store(db)
    outcomes = store_all(store, collect([str(SAMPLES / "council-budget.txt")]))
    assert outcomes[0].article is not None
    title = store.summaries()[0].title
    t = Terminal(
        f"{shlex.quote(str(NEWSTUI))} --db {shlex.quote(str(db))}; "
        f"echo $? > {shlex.quote(str(status))}"
    )
    try:
        t.wait_for(title[:20])
        t.wait_for("1 article · 1 unread")
        t.keys("q")
        assert t.wait_exit(status) == "0"
    finally:
        t.close()
