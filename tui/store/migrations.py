"""The store's schema version and the steps that bring an older store up to it.

The version is noted in the index's `meta` table. A store from before that table existed has articles
but no version: schema 0. A store from a newer newstui is refused, never rewritten.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from tinydb import Query

from tui.store.index import Index
from tui.store.term_indexes import TermIndexes, entity_term

SCHEMA_VERSION = 2


def schema_of(index: Index) -> int:
    """The schema a store's index is written in."""
    meta = index.meta.all()
    if meta:
        version: int = meta[0].get("schema", SCHEMA_VERSION)
        return version
    return 0 if len(index) else SCHEMA_VERSION


def note_schema(index: Index) -> None:
    """Note this newstui's schema in the index (under the store's lock)."""
    index.meta.truncate()
    index.meta.insert({"schema": SCHEMA_VERSION})


def migrate(index: Index, terms: TermIndexes, version: int) -> None:
    """Bring a store from schema `version` to this newstui's (under the store's lock)."""
    for step in range(version, SCHEMA_VERSION):
        MIGRATIONS[step](index, terms)
    note_schema(index)


def _migrate_0_to_1(index: Index, terms: TermIndexes) -> None:
    """Schema 0 (no meta table, no entity keys in the index) -> 1."""
    for doc in index.table.all():
        if "entity_keys" not in doc:
            index.table.update({"entity_keys": [], "analyzed": False}, Query().id == doc["id"])


def _migrate_1_to_2(index: Index, terms: TermIndexes) -> None:
    """Schema 1 (entity keys inside the index file) -> 2 (in the entity index): the index file
    shrinks to a third and parses ~5x faster; the keys are moved, no article file is read."""
    named: dict[str, Iterable[str]] = {}
    for doc in index.table.all():
        keys = doc.get("entity_keys") or ""
        keys = keys.split("\n") if isinstance(keys, str) else list(keys)
        named[doc["id"]] = [t for t in (entity_term(k) for k in keys) if t]
    terms.entities.rebuild_from(named)
    docs = index.docs()
    for summary in docs.values():
        summary.pop("entity_keys", None)
    index.storage.write({**(index.storage.read() or {}), "articles": docs})


# MIGRATIONS[n] brings a store from schema n to n + 1; run under the store's lock.
MIGRATIONS: dict[int, Callable[[Index, TermIndexes], None]] = {
    0: _migrate_0_to_1,
    1: _migrate_1_to_2,
}
