"""Which stored articles name an entity (under its name or an alias, or as a user writes a name),
and how many other articles name each entity of one. The store's entity index answers; the CLI,
the merged timeline and the reader's screens ask here.
"""

from __future__ import annotations

from collections.abc import Iterable

from tui.model import Entity
from tui.store import Store


def names_of(entity: Entity | str) -> list[str]:
    """The names an entity is looked up by in the store index: its name, then its aliases."""
    if isinstance(entity, str):
        return [entity]
    names = [entity.name]
    names += [a for a in entity.aliases if a.casefold() != entity.name.casefold()]
    return names


def articles_mentioning(store: Store, entity: Entity | str) -> list[str]:
    """Ids of stored articles naming the entity under its name or any alias, newest added first;
    a name the user typed matches names and aliases holding its words (`Store.ids_naming`)."""
    if isinstance(entity, str):
        return store.ids_naming(entity)
    found = store.ids_mentioning_each([names_of(entity)])[0]
    return store.newest_first_ids(found)


def named_elsewhere(store: Store, article_id: str, entities: Iterable[Entity]) -> dict[str, int]:
    """How many stored articles other than `article_id` name each entity (aliases included), by
    entity name, leaving out those no other article names; one read of the entity index."""
    entities = list(entities)
    found = store.ids_mentioning_each([names_of(e) for e in entities])
    counts = {e.name: len(ids - {article_id}) for e, ids in zip(entities, found, strict=True)}
    return {name: n for name, n in counts.items() if n}
