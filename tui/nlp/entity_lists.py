"""Names written as one list share a type: "Chime, Varo, SoFi and GoBank" are all firms.

A list ("A, B and C", "A or B") names things of one kind. When every other member of a list of at
least three is of one type, a member whose own type rests on nothing but the model's label (or
that was left under OTHER for want of evidence) takes theirs; a member with real evidence of its
own keeps it.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from tui.nlp.doc_text import text_of

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from tui.nlp.entity_cluster import Cluster

_JOINER = re.compile(r"^\s*(?:,\s*(?:and\s+|or\s+)?|(?:and|or)\s+)$")
_TYPES = ("PERSON", "PLACE", "ORGANIZATION")
_MIN_OTHERS = 2


def retype_list_members(clusters: list[Cluster], docs: list[Doc]) -> None:
    """Give weakly typed members of a list the one type all its other members have."""
    owner = {id(c): cluster for cluster in clusters for c in cluster.candidates}
    mentions = sorted(
        (c for cluster in clusters for c in cluster.candidates), key=lambda c: c.position
    )
    for members in _lists(mentions, docs):
        clusters_in = [owner[id(c)] for c in members]
        for index, cluster in enumerate(clusters_in):
            others = {
                id(o): o for j, o in enumerate(clusters_in) if j != index and o is not cluster
            }
            kinds = {o.type for o in others.values()}
            if len(others) < _MIN_OTHERS or len(kinds) != 1:
                continue
            kind = kinds.pop()
            if kind in _TYPES and cluster.type != kind and _weakly_typed(cluster):
                cluster.forced_type = kind


def _weakly_typed(cluster: Cluster) -> bool:
    """True when nothing but the model's labels says what the cluster is: a person, place or
    organisation by its label alone, or a labelled name left under OTHER for want of evidence
    (not a product, whose cues filed it there)."""
    if cluster.forced_type == "OTHER":
        return all(c.label and not c.product_cue for c in cluster.candidates)
    if cluster.forced_type or cluster.type not in _TYPES:
        return False
    votes = cluster.votes
    return votes[cluster.type] - sum(c.label == cluster.type for c in cluster.candidates) <= 0.5


def _lists(mentions: list, docs: list[Doc]) -> list[list]:
    """Runs of mentions in one paragraph joined only by commas, "and" or "or"."""
    runs: list[list] = []
    run: list = []
    for mention in mentions:
        if run and run[-1].paragraph == mention.paragraph:
            between = text_of(docs[mention.paragraph])[run[-1].end : mention.start]
            if _JOINER.match(between):
                run.append(mention)
                continue
        if len(run) >= _MIN_OTHERS + 1:
            runs.append(run)
        run = [mention]
    if len(run) >= _MIN_OTHERS + 1:
        runs.append(run)
    return runs
