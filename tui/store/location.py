"""Where the store lives: `--db`, else `$NEWSTUI_DB`, else the platform's user data folder."""

from __future__ import annotations

import os
from pathlib import Path


def resolve_db_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    """`--db`, else `$NEWSTUI_DB`, else `store.json` in the platform's user data folder."""
    if explicit:
        return Path(explicit).expanduser()
    env = os.environ.get("NEWSTUI_DB")
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_path

    return user_data_path("newstui", appauthor=False) / "store.json"
