"""Short names that stand for a storm or a thing the article names in full.

Weather services name storms like people, so the small model calls "Delia would weaken" a PERSON;
when the article names the storm in full ("Hurricane Delia", "Typhoon Delia"), every bare mention
joins that event. Likewise "Webb", after "the James Webb Space Telescope", is the telescope, not a
firm the model guessed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui.nlp.entity_mentions import LABEL_WEIGHT
from tui.nlp.entity_names import name_key

if TYPE_CHECKING:
    from tui.nlp.entity_cluster import Cluster

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
    """A storm named in full is an event; its bare mentions join it, whatever their type."""
    storms: dict[str, Cluster] = {}
    for cluster in clusters:
        name = _storm_name(name_key(cluster.name)) if cluster.candidates else None
        if name is not None:
            storms[name] = cluster
            # "Tropical Storm Bram": the model may read "Storm Bram" as a PERSON
            cluster.forced_type = "EVENT"
    for cluster in clusters:
        storm = storms.get(name_key(cluster.name)) if cluster.candidates else None
        if storm is not None and storm is not cluster:
            storm.absorb(cluster)  # the bare name's PERSON label no longer outvotes the storm


def merge_into_things(clusters: list[Cluster]) -> None:
    """A one-word name typed by nothing but the model's label joins the one product, work or event
    named in full that holds the word ("Webb" -> "James Webb Space Telescope")."""
    holders: dict[str, list[Cluster]] = {}
    for cluster in clusters:
        if cluster.candidates and cluster.type in ("OTHER", "EVENT") and len(cluster.words) >= 2:
            for word in set(cluster.words):
                holders.setdefault(word, []).append(cluster)
    for cluster in clusters:
        if not cluster.candidates or len(cluster.words) != 1 or cluster.forced_type:
            continue
        if cluster.votes[cluster.type] > LABEL_WEIGHT * len(cluster.candidates):
            continue  # something beyond the label says what it is
        owners = holders.get(cluster.words[0], [])
        if len(owners) == 1 and owners[0] is not cluster:
            owners[0].forced_type = owners[0].type
            owners[0].absorb(cluster)


def merge_venue_short_names(clusters: list[Cluster]) -> None:
    """ "Merriwether", after "Merriwether Field", is the ground: a one-word name with no cue of its
    own joins the one venue whose name it opens ("Fenway" -> "Fenway Park")."""
    from tui.nlp.entity_lexicon import VENUE_LAST_WORDS
    from tui.nlp.knowledge.companies import is_company

    venues: dict[str, list[Cluster]] = {}
    for cluster in clusters:
        if not cluster.candidates or cluster.type != "PLACE" or len(cluster.words) < 2:
            continue
        words = cluster.words
        if words[-1] in VENUE_LAST_WORDS and words[-1] not in ("center", "centre"):
            venues.setdefault(words[0], []).append(cluster)
    for cluster in clusters:
        if not cluster.candidates or len(cluster.words) != 1 or cluster.forced_type:
            continue
        owners = venues.get(cluster.words[0], [])
        if len(owners) != 1 or owners[0] is cluster or is_company(cluster.name):
            continue
        if any(c.titles for c in cluster.candidates) or cluster.votes["ORGANIZATION"] > 0:
            continue  # "Coach Lambeau", "Heinz said": a person or a firm of that name
        if cluster.votes["PERSON"] > LABEL_WEIGHT * len(cluster.candidates):
            continue
        if cluster.first > owners[0].first:
            owners[0].absorb(cluster)
