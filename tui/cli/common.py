"""What the bare reader and the Typer commands share, without Typer: failing with one sentence,
opening the store, reading piped input, and opening the reader (on the terminal, after a pipe).

`launch` (the reader's start-up) and `commands` both import this module and never each other's
functions, so the bare `newstui` loads neither Typer nor the commands.

Failures here are one sentence on stderr and a non-zero exit (`fail`), exactly as under Typer.
"""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

if TYPE_CHECKING:
    from tui.model import Article
    from tui.store import Store


def fail(message: str, code: int = 1) -> NoReturn:
    """Print one sentence to stderr and exit non-zero (Typer and Click pass SystemExit through)."""
    print(f"newstui: {message}", file=sys.stderr)
    raise SystemExit(code)


def open_store(db: Path | None) -> Store:
    """The store named by --db, else $NEWSTUI_DB, else the default location; a failure exits 2."""
    from tui.store import Store, StoreError, resolve_db_path

    try:
        return Store(resolve_db_path(db))
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


def open_reader(db: Path | None, seed_if_empty: Path | None = None) -> None:
    """What `newstui` alone does: store piped input (or fill an empty store), then open the TUI."""
    store = open_store(db)
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


def load_article(store: Store, article_id: str) -> Article:
    """A stored article by id or unique prefix; exits with the store's sentence when absent."""
    from tui.store import StoreError

    try:
        return store.get(article_id)
    except KeyError as exc:
        fail(exc.args[0])
    except StoreError as exc:
        fail(str(exc))
