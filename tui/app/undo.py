"""What `u` can take back on the main screen, last change first: a delete (the article kept whole,
with its reading state) or a "mark all read" (the ids it changed, so only they become unread)."""

from __future__ import annotations

from dataclasses import dataclass, field

from tui.model import Article

UNDO_LIMIT = 50  # deleted articles are kept in memory: a long session must not grow without end


@dataclass(slots=True)
class Deleted:
    """An article deleted with `d`; undoing stores it again."""

    article: Article


@dataclass(slots=True)
class MarkedRead:
    """The articles one "mark all read" changed; undoing marks them unread again."""

    ids: list[str]


Change = Deleted | MarkedRead


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
