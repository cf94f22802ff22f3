"""Reading-state changes that the reader can take back: many articles marked read in one store
write, and an article deleted with what restoring it needs. `undo` takes either back; the reader
keeps the changes (`tui.app.undo.UndoStack`) and draws them."""

from __future__ import annotations

from dataclasses import dataclass

from tui.model import Article
from tui.store import Store


@dataclass(slots=True)
class Deleted:
    """An article deleted (kept whole, with its reading state); undoing stores it again."""

    article: Article


@dataclass(slots=True)
class MarkedRead:
    """The articles one "mark read" changed; undoing marks them, and only them, unread again."""

    ids: list[str]


Change = Deleted | MarkedRead


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
