"""A storm's given name is the storm: "Delia would weaken" is "Hurricane Delia", not a person.

Weather services name storms like people, so the small model calls the bare name a PERSON. When the
article names the storm in full ("Hurricane Delia", "Tropical Storm Delia", "Typhoon Delia"), every
bare mention joins that event.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui.nlp.entity_names import name_key

if TYPE_CHECKING:
    from tui.nlp.entity_merge import Cluster

STORM_WORDS = frozenset(
    {"hurricane", "typhoon", "cyclone", "storm", "superstorm", "tropical", "post-tropical"}
)


def _storm_name(key: str) -> str | None:
    """ "hurricane delia" -> "delia"; None when the name is not a storm's."""
    words = key.split()
    if len(words) < 2 or not all(w in STORM_WORDS for w in words[:-1]):
        return None
    return words[-1]


def merge_storm_names(clusters: list[Cluster]) -> None:
    """Bare mentions of a storm named in full join it (and take its type, whatever theirs)."""
    storms: dict[str, Cluster] = {}
    for cluster in clusters:
        name = _storm_name(name_key(cluster.name)) if cluster.candidates else None
        if name is not None:
            storms[name] = cluster
    for cluster in clusters:
        storm = storms.get(name_key(cluster.name)) if cluster.candidates else None
        if storm is not None and storm is not cluster:
            storm.forced_type = "EVENT"  # the bare name's PERSON label must not outvote it
            storm.absorb(cluster)
