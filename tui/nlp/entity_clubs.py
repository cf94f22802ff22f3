"""Clubs on a sports page: "Lakers" and "Golden State" are the clubs the article names in full."""

from __future__ import annotations

from tui.nlp.entity_cluster import Cluster
from tui.nlp.entity_names import name_key
from tui.nlp.knowledge.places import place_kind
from tui.nlp.knowledge.teams import team_kind


def is_label_only_person(cluster: Cluster) -> bool:
    """True when only the model's label, no cue in the text, says this cluster is a person."""
    return cluster.votes["PERSON"] <= len(cluster.candidates) and not any(
        c.place_cue for c in cluster.candidates
    )


def merge_club_nicknames(clusters: list[Cluster]) -> None:
    """On a sports page, "Lakers" is the "Los Angeles Lakers" written in full: a home's name, then
    the nickname (elsewhere "Tribune" may be another firm than the "Chicago Tribune").

    Only when one club in the article ends with the word, and the word alone names nothing else
    (no person, no place).
    """
    clubs: dict[str, list[Cluster]] = {}
    homes: dict[str, list[Cluster]] = {}
    places = {name_key(c.name) for c in clusters if c.candidates and c.type == "PLACE"}
    for cluster in clusters:
        if not cluster.candidates:
            continue
        words = cluster.name.split()
        home = " ".join(words[:-1])
        if (
            cluster.type == "ORGANIZATION"
            and len(words) >= 2
            and words[-1][:1].isupper()
            and (place_kind(home) or name_key(home) in places or team_kind(cluster.name))
        ):
            clubs.setdefault(name_key(words[-1]), []).append(cluster)
            homes.setdefault(name_key(" ".join(words[:-1])), []).append(cluster)
    for cluster in clusters:
        if not cluster.candidates or len(cluster.words) != 1:
            continue
        if cluster.type == "PERSON" and not (
            is_label_only_person(cluster) and cluster.name.endswith("s")
        ):
            continue  # "Rovers" called a person by the model alone is still the club
        key = name_key(cluster.name)
        if len(clubs.get(key, [])) == 1 and place_kind(cluster.name) is None:
            club = clubs[key][0]
            if club.candidates and club is not cluster:
                club.absorb(cluster)
                club.forced_type = "ORGANIZATION"
    for cluster in clusters:  # "Golden State" beside the "Golden State Warriors": no place's name
        if not cluster.candidates:
            continue
        key = name_key(cluster.name)
        if any(c.place_cue for c in cluster.candidates):
            continue  # "ROCKPORT, Maine —": the dateline's town, not its club
        if len(homes.get(key, [])) == 1 and place_kind(cluster.name) is None:
            club = homes[key][0]
            if club.candidates and club is not cluster:
                club.absorb(cluster)
                club.forced_type = "ORGANIZATION"
