"""The reading-state log `<name>.state`: read, starred and tags changes since the index was written.

One JSON object a line (`{"id": …, "read": true}`), appended under the store's lock: marking an
article read appends a line instead of rewriting the whole index. The next write of the index folds
the changes in and removes the file. A line that does not parse (a crash mid-append, damage) is
skipped.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from tui.store.files import FileCache, append_lines

READING_STATE = ("read", "starred", "tags")


def state_log_path(path: Path) -> Path:
    """Where a store's reading-state log is: `<name>.state` beside the index."""
    return path.with_name(path.stem + ".state")


def read_state_log(path: Path) -> dict[str, dict[str, Any]]:
    """A state log's changes by article id (the last wins); a line that does not parse (a crash
    mid-append, damage) is skipped. FileNotFoundError when there is none."""
    state: dict[str, dict[str, Any]] = {}
    for line in path.read_text(encoding="utf-8", errors="replace").split("\n"):
        try:
            change = json.loads(line)
        except ValueError:
            continue
        if _is_change(change):
            state.setdefault(change.pop("id"), {}).update(change)
    return state


def _is_change(change: object) -> bool:
    """Whether a parsed line is a reading-state change (a line of another shape is damage: skipped,
    as a torn line is)."""
    if not isinstance(change, dict) or not isinstance(change.get("id"), str):
        return False
    flags_ok = all(isinstance(change.get(k, False), bool) for k in ("read", "starred"))
    tags = change.get("tags", [])
    return flags_ok and isinstance(tags, list) and all(isinstance(t, str) for t in tags)


class StateLog:
    """One store's state log; `append` and `drop` only under the store's lock."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._file = FileCache(read_state_log)

    def changes(self) -> dict[str, dict[str, Any]]:
        """The logged changes by article id (the last wins), parsed again only when the file has
        changed (read-only for callers)."""
        state = self._file.get(self.path)
        return {} if state is None else state

    def append(self, changes: Iterable[dict[str, Any]]) -> None:
        """Log changes (each with the article's `id`), fsynced, in one append."""
        lines = "".join(json.dumps(c, ensure_ascii=False) + "\n" for c in changes)
        if lines:
            append_lines(self.path, lines)

    def drop(self) -> None:
        """Remove the log, once the index was written with its changes folded in (a crash before
        this only means the same changes are applied again)."""
        if self.changes():
            self.path.unlink(missing_ok=True)
            self._file.clear()
