"""Types decided for a whole cluster, after its mentions' votes: what one mention cannot show.

A word the model calls a person with no first name, title or speech but a firm's cues is the
firm; an all-capital name is an organisation; a name the article often writes as a product is
one; a word written once that only the model's label types is left under OTHER.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui.nlp.entity_names import name_key
from tui.nlp.knowledge.people import is_famous_surname, is_given_name
from tui.nlp.knowledge.places import place_kind

if TYPE_CHECKING:
    from tui.nlp.entity_cluster import Cluster


def retype_clusters(
    clusters: list[Cluster], lowercase: frozenset[str] = frozenset(), sports: bool = False
) -> None:
    """Apply the whole-cluster type rules, in order. `lowercase` holds the words the article
    writes in lower case; `sports` says it is a sports page."""
    _retype_lone_names(clusters)
    _retype_acronyms(clusters)
    _retype_products(clusters)
    _retype_unsupported(clusters)
    if not sports:  # a sports page names its clubs with everyday words ("Bath", "Rotor")
        _retype_everyday_named(clusters, lowercase)


# A cluster is a product when this share of its mentions, and at least two, say so.
_PRODUCT_SHARE = 0.15


def _retype_lone_names(clusters: list[Cluster]) -> None:
    """ "Gannett": one word the model calls a person, with no first name, title or "said" in the
    whole article but cues for a firm ("newspaper chains Gannett and ...") is the firm."""
    for cluster in clusters:
        if cluster.forced_type or cluster.type != "PERSON" or len(cluster.words) != 1:
            continue
        label_only = cluster.votes["PERSON"] <= len(cluster.candidates)
        if label_only and sum(c.evidence("ORGANIZATION") for c in cluster.candidates) >= 2.0:
            cluster.forced_type = "ORGANIZATION"


def _evidence(cluster: Cluster) -> float:
    """The weight of the cues for a cluster's type beyond the model's own labels."""
    votes = cluster.votes
    return votes[cluster.type] - sum(c.label == cluster.type for c in cluster.candidates)


def _retype_acronyms(clusters: list[Cluster]) -> None:
    """ "WHO", "IDC": an all-capital name is an organisation's, whatever the model called it."""
    for cluster in clusters:
        name = cluster.name.replace(".", "").replace("&", "")
        if cluster.forced_type or not 2 <= len(name) <= 6:
            continue
        if not (name.isalpha() and name.isupper()):
            continue
        if cluster.type == "PERSON" and not is_famous_surname(name):
            cluster.forced_type = "ORGANIZATION"
        elif cluster.type == "PLACE" and len(name) >= 4 and place_kind(cluster.name) is None:
            cluster.forced_type = "ORGANIZATION"  # "NOAA's observatory": no place is an acronym


def _everyday_named(cluster: Cluster, lowercase: frozenset[str]) -> bool:
    """An organisation written once whose words the article also writes in lower case, with
    nothing but the model's label for it: "the state Legislature", "The Monthly Fee"."""
    from tui.nlp.knowledge.companies import is_known_org

    words = [w.strip("'’").lower() for w in cluster.name.split()]
    if len(cluster.candidates) != 1 or cluster.type != "ORGANIZATION" or not lowercase:
        return False
    if any(place_kind(w) or is_given_name(w) for w in words):
        return False  # "New York Cotton Exchange", "Patriotic Union of Kurdistan"
    if is_known_org(cluster.name) or cluster.name.isupper():
        return False
    if cluster.name.endswith("s") and cluster.name[:1].isupper() and len(words) <= 2:
        return False  # "Wildcats", "Nittany Lions": a club's nickname
    meaningful = [w for w in words if w not in ("the", "of", "and", "for", "a")]
    return bool(meaningful) and all(w in lowercase for w in meaningful)


def _retype_unsupported(clusters: list[Cluster]) -> None:
    """One word, written once, that only the model calls a person or a place ("Thumper",
    "Yersinia"): too little to file it as one; it stays in the panel under OTHER."""
    for cluster in clusters:
        if cluster.forced_type or len(cluster.candidates) != 1 or len(cluster.words) != 1:
            continue
        if cluster.type in ("PERSON", "PLACE") and _evidence(cluster) <= 0.5:
            cluster.forced_type = "OTHER"


def _retype_everyday_named(clusters: list[Cluster], lowercase: frozenset[str]) -> None:
    """An organisation written once in everyday words with no cue but the model's label is no
    organisation's name: it stays in the panel under OTHER."""
    for cluster in clusters:
        if (
            not cluster.forced_type
            and _everyday_named(cluster, lowercase)
            and _evidence(cluster) <= 0.5
        ):
            cluster.forced_type = "OTHER"


def _retype_products(clusters: list[Cluster]) -> None:
    """ "Stadia": named thirty times, a product in a tenth of them ("the Stadia controller")."""
    for cluster in clusters:
        if cluster.forced_type or cluster.type not in ("ORGANIZATION", "PERSON", "PLACE"):
            continue
        product = sum(c.product_cue for c in cluster.candidates)
        firm = sum(c.evidence("ORGANIZATION") >= 2.0 for c in cluster.candidates)
        if product >= 2 and product >= _PRODUCT_SHARE * len(cluster.candidates) and firm < product:
            cluster.forced_type = "OTHER"


def retype_misread_people(clusters: list[Cluster]) -> None:
    """ "Mason Rudolph" tagged ORG is a person when "Rudolph" alone is one; "Électricité de France"
    tagged PERSON is a firm (no person is "of" a country), so "France" does not join it."""
    for cluster in clusters:
        words = cluster.name.split()
        if (
            cluster.type == "PERSON"
            and len(words) >= 3
            and words[-2].lower() in ("de", "of", "du")
            and place_kind(words[-1]) in ("country", "continent")
        ):
            cluster.forced_type = "ORGANIZATION"
    surnames = {c.words[0] for c in clusters if len(c.words) == 1 and c.type == "PERSON"}
    for cluster in clusters:
        words = cluster.name.split()
        if (
            cluster.type in ("ORGANIZATION", "PLACE", "OTHER")
            and 2 <= len(words) <= 3
            and all(w[:1].isupper() and w.replace("-", "").isalpha() for w in words)
            and name_key(words[-1]) in surnames
            and sum(c.evidence("ORGANIZATION") for c in cluster.candidates) < 2.0
        ):  # "Blackburn Rovers" says club in its shape, whatever "Rovers" alone was called
            cluster.forced_type = "PERSON"
