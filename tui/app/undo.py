"""What `u` can take back on the main screen, last change first: a delete or a "mark all read"
(`tui.library.reading` makes and undoes the changes; this stack only keeps them)."""

from __future__ import annotations

from dataclasses import dataclass, field

from tui.library.reading import Change

UNDO_LIMIT = 50  # deleted articles are kept in memory: a long session must not grow without end


@dataclass
class UndoStack:
    """The changes `u` can undo, newest last; the oldest are forgotten past `UNDO_LIMIT`."""

    changes: list[Change] = field(default_factory=list)

    def push(self, change: Change) -> None:
        self.changes.append(change)
        del self.changes[:-UNDO_LIMIT]

    def pop(self) -> Change | None:
        return self.changes.pop() if self.changes else None

    def __bool__(self) -> bool:
        return bool(self.changes)
