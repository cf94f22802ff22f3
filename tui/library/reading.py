"""Reading-state changes from the reader: marks and tags on one article, many articles marked read
in one store write, and an article deleted with what restoring it needs. `History` keeps what `u`
can take back and takes the last change back; the reader only draws the outcome."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from tui.model import Article
from tui.store import Store

UNDO_LIMIT = 50  # deleted articles are kept in memory: a long session must not grow without end


@dataclass(slots=True)
class Deleted:
    """An article deleted (kept whole, with its reading state); undoing stores it again."""

    article: Article


@dataclass(slots=True)
class MarkedRead:
    """The articles one "mark read" changed; undoing marks them, and only them, unread again."""

    ids: list[str]


Change = Deleted | MarkedRead


def parse_tags(text: str) -> list[str]:
    """Tags typed as "a, b c": split on commas, spaces inside a tag become dashes."""
    return sorted({"-".join(t.split()).casefold() for t in text.split(",") if t.strip()})


def set_tags(store: Store, article_id: str, text: str) -> list[str]:
    """Give an article the tags typed in `text` (see `parse_tags`); returns them.
    Raises KeyError or StoreError, changing nothing."""
    tags = parse_tags(text)
    store.set_tags(article_id, tags)
    return tags


def set_mark(store: Store, article_id: str, mark: Literal["read", "starred"], value: bool) -> None:
    """Set one reading mark of an article. Raises KeyError or StoreError, changing nothing."""
    (store.set_read if mark == "read" else store.set_starred)(article_id, value)


def mark_read(store: Store, ids: list[str]) -> MarkedRead:
    """Mark these articles read: one line each appended to the state log, in one write
    (milliseconds even for thousands). Raises StoreError when the store cannot be written."""
    store.set_read_many(ids)
    return MarkedRead(list(ids))


def delete(store: Store, article_id: str, read: bool | None = None) -> Deleted:
    """Delete a stored article, keeping it whole to restore; `read` is a read mark the caller
    shows but the store may not have yet. Raises KeyError or StoreError, deleting nothing."""
    article = store.get(article_id)
    store.remove([article_id])
    if read is not None:
        article.read = read
    return Deleted(article)


def undo(store: Store, change: Change) -> None:
    """Take a change back: mark its articles unread again, or store the deleted article again with
    its reading state. Raises StoreError (or OSError) when the store cannot be written."""
    if isinstance(change, MarkedRead):
        store.set_read_many(change.ids, read=False)
    else:
        store.add(change.article)


@dataclass
class History:
    """The changes `u` can undo, newest last; the oldest are forgotten past `UNDO_LIMIT`."""

    changes: list[Change] = field(default_factory=list)

    def push(self, change: Change) -> None:
        self.changes.append(change)
        del self.changes[:-UNDO_LIMIT]

    @property
    def last(self) -> Change | None:
        """The change `undo_last` would take back."""
        return self.changes[-1] if self.changes else None

    def undo_last(self, store: Store) -> Change | None:
        """Take the newest change back in the store and return it; None when there is none.
        When the store cannot be written the change stays to undo, and StoreError (or OSError)
        is raised."""
        if not self.changes:
            return None
        change = self.changes.pop()
        try:
            undo(store, change)
        except BaseException:
            self.changes.append(change)
            raise
        return change

    def __bool__(self) -> bool:
        return bool(self.changes)
