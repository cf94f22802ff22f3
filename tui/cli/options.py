"""The options several Typer commands take (`--db`, `--json`, an article id), and the store path they name.

The global `--db` (`newstui --db X list`) is kept by the main callback as the Typer context's
object, which every command's context inherits; `db_path` prefers the command's own `--db`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

DbOption = Annotated[
    Path | None,
    typer.Option(
        "--db",
        metavar="FILE",
        help="Store file (default: $NEWSTUI_DB, else the user data folder).",
        show_default=False,
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON Lines instead of text.")]
ArticleIdArgument = Annotated[
    str, typer.Argument(metavar="ID", help="An article id (or a unique prefix of one).")
]


def db_path(ctx: typer.Context, db: Path | None) -> Path | None:
    """The command's own `--db`, else the global one given before the command, else None."""
    if db is not None:
        return db
    return ctx.obj if isinstance(ctx.obj, Path) else None
