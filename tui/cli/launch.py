"""Starting the reader: `newstui [--db PATH]`, piped input, and the terminal it takes keys from.

The console script enters here, not in `commands.py`: the bare `newstui` that opens the reader is parsed
by hand and never imports Typer (importing it and building the commands' parameters was ~15 ms of a
~0.3 s start-up). Every other command line goes on to the Typer application in `commands.py`, which
uses the same functions for its own reader-opening commands.

Failures here are one sentence on stderr and a non-zero exit (`fail`), exactly as under Typer.
"""

from __future__ import annotations

import gc
import os
import stat
import sys
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

if TYPE_CHECKING:
    from tui.store import Store

_state: dict[str, Path | None] = {"db": None}
"""The store named by the global `--db` option (set by the reader path or Typer's callback)."""


def fail(message: str, code: int = 1) -> NoReturn:
    """Print one sentence to stderr and exit non-zero (Typer and Click pass SystemExit through)."""
    print(f"newstui: {message}", file=sys.stderr)
    raise SystemExit(code)


def set_db(db: Path | None) -> None:
    """Remember the global `--db` option for `open_store`."""
    _state["db"] = db


def chosen_db() -> Path | None:
    """The global `--db` option, if one was given."""
    return _state["db"]


def open_store(db: Path | None = None) -> Store:
    """The store named by --db (command or global), $NEWSTUI_DB or the default location."""
    from tui.store import Store, StoreError, resolve_db_path

    try:
        return Store(resolve_db_path(db or _state["db"]))
    except StoreError as exc:
        fail(str(exc), 2)


def stdin_is_piped() -> bool:
    """True when standard input is a pipe or a file (not a terminal, not /dev/null)."""
    try:
        mode = os.fstat(sys.stdin.fileno()).st_mode
    except (OSError, ValueError, AttributeError):
        return False
    return stat.S_ISFIFO(mode) or stat.S_ISREG(mode) or stat.S_ISSOCK(mode)


def stdin_bytes() -> bytes:
    """Standard input, read to its end or one byte past the size cap (which ingest then refuses)."""
    from tui.ingest.detect import max_bytes
    from tui.ingest.errors import IngestError

    try:
        limit = max_bytes() + 1
    except IngestError as exc:
        fail(str(exc))
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:
        return sys.stdin.read(limit).encode("utf-8")
    return stream.read(limit)


def run_tui(store: Store, open_id: str | None = None) -> None:
    """Open the TUI; after a pipe, take keys from the terminal (/dev/tty) instead of stdin."""
    stored = (
        f" The piped input is stored as {open_id}: `newstui show {open_id}` prints it."
        if open_id
        else ""
    )
    if not sys.stdin.isatty():
        try:
            tty_fd = os.open("/dev/tty", os.O_RDONLY)
        except OSError:
            fail(
                "there is no terminal to open the reader on; use the commands instead, such as "
                f"`newstui list` and `newstui show ID`.{stored}"
            )
        os.dup2(tty_fd, 0)
        os.close(tty_fd)
        sys.stdin = open(0, closefd=False)  # noqa: SIM115 - fd 0 lives as long as the process
    if os.environ.get("TERM", "") == "dumb":  # Emacs shells, some CI logs: no full-screen UI
        fail(
            "this terminal (TERM=dumb) cannot show the reader; use the commands instead, such as "
            f"`newstui list` and `newstui show ID`.{stored}"
        )
    from tui.app.app import build_app

    build_app(store, open_id=open_id).run()


def store_input(store: Store, specs: list[str], data: bytes | None, **options: object) -> list[str]:
    """Ingest inputs (and piped bytes), store them un-analyzed, return the ids; errors exit."""
    import io

    from tui.library.adding import collect, store_all

    stdin = io.BytesIO(data) if data is not None else None
    outcomes = store_all(store, collect(specs or ["-"], stdin=stdin, **options))  # type: ignore[arg-type]
    for o in outcomes:
        if o.error:
            print(f"newstui: {o.error}", file=sys.stderr)
    ids = [o.article.id for o in outcomes if o.article]
    if not ids:
        raise SystemExit(1)
    return ids


def open_reader(seed_if_empty: Path | None = None) -> None:
    """What `newstui` alone does: store piped input (or fill an empty store), then open the TUI."""
    store = open_store()
    open_id = None
    if stdin_is_piped():
        open_id = store_input(store, ["-"], stdin_bytes())[0]
    elif seed_if_empty is not None and not len(store):
        from tui.library.adding import add_folder_if_empty

        print(f"Filling the empty store {store.path} from {seed_if_empty} ...", file=sys.stderr)
        for outcome in add_folder_if_empty(store, str(seed_if_empty)):
            if outcome.error:
                print(f"newstui: {outcome.error}", file=sys.stderr)
    run_tui(store, open_id)


def reader_only_db(args: list[str]) -> tuple[bool, Path | None]:
    """Whether the arguments only open the reader (none, or just `--db PATH`), and that path."""
    if not args:
        return True, None
    if len(args) == 2 and args[0] == "--db" and args[1] and not args[1].startswith("-"):
        return True, Path(args[1])
    if len(args) == 1 and args[0].startswith("--db=") and len(args[0]) > len("--db="):
        return True, Path(args[0].removeprefix("--db="))
    return False, None


def open_reader_without_typer(args: list[str]) -> bool:
    """Open the reader for `newstui [--db PATH]` without Typer, and say whether it did."""
    plain, db = reader_only_db(args)
    if not plain:
        return False
    set_db(db)
    # Start-up builds tens of thousands of objects that live as long as the app (modules, widgets,
    # styles, a summary and an option per article); collecting among them only costs time (~50 ms
    # at 10,000 articles). The app turns it back on a second after it starts (`resume_gc`). Not
    # around ingesting piped input, whose parsers leave real garbage.
    if not stdin_is_piped():
        gc.disable()
    open_reader()
    return True


def main() -> None:
    """Console-script entry point: the reader, or any other command through Typer."""
    from tui.store.files import StoreError

    try:
        if not open_reader_without_typer(sys.argv[1:]):
            from tui.cli.commands import app

            app()
    except StoreError as exc:
        print(f"newstui: {exc}", file=sys.stderr)
        sys.exit(2)
    except KeyboardInterrupt:
        sys.exit(130)
