"""Where `newstui` starts: the bare `newstui [--db PATH]` opens the reader without Typer.

The console script enters here, not in `commands.py`: the bare `newstui` that opens the reader is
parsed by hand and never imports Typer (importing it and building the commands' parameters was
~15 ms of a ~0.3 s start-up). Every other command line goes on to the Typer application in
`commands.py`; both open the reader with the same functions (`common.py`).
"""

from __future__ import annotations

import gc
import sys
from pathlib import Path

from tui.cli.common import open_reader, stdin_is_piped


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
    # Start-up builds tens of thousands of objects that live as long as the app (modules, widgets,
    # styles, a summary and an option per article); collecting among them only costs time (~50 ms
    # at 10,000 articles). The app turns it back on a second after it starts (`resume_gc`). Not
    # around ingesting piped input, whose parsers leave real garbage.
    if not stdin_is_piped():
        gc.disable()
    open_reader(db)
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
