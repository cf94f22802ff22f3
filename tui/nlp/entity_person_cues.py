"""Votes that a name is a person's from how the sentence goes on about it.

Names the model has no label for, or a wrong one ("Denzel Ward" read as a firm), are still told
apart by what the text says of them: a person is referred to as "he" or "she" ("X is still waiting
for his first interception"), is someone's something ("X, his opponent in a fight"), and on a
sports page has a position or a stat line ("center X", "X had eight points", "X played 6 snaps").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui.nlp.entity_cues import Votes
from tui.nlp.entity_knowledge import ArticleContext
from tui.nlp.knowledge import places, teams

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

PERSON_USE_WEIGHT = 2.0

_PERSONAL = frozenset({"his", "her", "him", "himself", "herself"})
# ", his home state", ", her alma mater": a possessive apposition naming a place or a body.
_NOT_PERSON_AFTER_POSSESSIVE = frozenset(
    {
        "home", "hometown", "native", "birthplace", "alma", "employer", "company", "firm",
        "team", "club", "party", "school", "university", "college", "country", "state", "city",
        "town", "village", "district", "constituency", "base", "homeland", "former",
    }
)  # fmt: skip
# "Pittsburgh center Maurice Doe", "pass rusher Jo Roe": a player's position before the name.
_POSITIONS = frozenset(
    {
        "center", "centre", "quarterback", "guard", "forward", "linebacker", "cornerback",
        "safety", "receiver", "tackle", "rusher", "end", "back", "kicker", "punter", "striker",
        "midfielder", "defender", "goalkeeper", "keeper", "pitcher", "catcher", "shortstop",
        "outfielder", "infielder", "winger", "fullback", "halfback", "reliever", "closer",
        "lineman", "rookie", "teammate", "batsman", "bowler", "goaltender", "goalie",
    }
)  # fmt: skip
_STAT_VERBS = frozenset(
    {"had", "has", "scored", "added", "grabbed", "recorded", "collected", "posted", "played"}
)
# "X scored twice", "X netted a brace", "X scored the winner": a scorer, not a club.
_GOAL_COUNTS = frozenset({"twice", "once", "thrice"})
_GOAL_KINDS = frozenset(
    {"a hat-trick", "a brace", "the winner", "the opener", "the equaliser", "the equalizer"}
)
# Plays a player is credited with: "goals from X", "a header by X".
_PLAYS = frozenset(
    {"goal", "goals", "header", "headers", "penalty", "penalties", "strike", "strikes", "shot"}
    | {"pass", "cross", "assist", "assists", "try", "tries", "touchdown", "touchdowns"}
    | {"free-kick", "kick", "volley", "finish", "equaliser", "equalizer", "winner", "brace"}
)
_STAT_NOUNS = frozenset(
    {
        "points", "rebounds", "assists", "steals", "blocks", "yards", "tackles", "sacks",
        "catches", "receptions", "carries", "snaps", "touchdowns", "interceptions", "saves",
        "strikeouts", "minutes", "goals", "aces", "birdies", "wickets", "runs",
    }
)  # fmt: skip


def person_use_votes(doc: Doc, start: int, end: int, context: ArticleContext) -> Votes:
    """PERSON votes for the tokens `start:end` from the pronouns, appositions and stat lines
    around them; none for a known place or club, whose names the same words can follow."""
    votes = Votes()
    name = doc[start:end].text
    if places.place_kind(name) or teams.team_kind(name) or teams.is_nickname(name):
        return votes
    if (
        _possessive_apposition(doc, end)
        or _referred_to_as_person(doc, start, end)
        or (
            context.sports
            and (
                _stat_line_after(doc, end)
                or _position_before(doc, start, end)
                or _play_credited(doc, start)
            )
        )
    ):
        votes["PERSON"] += PERSON_USE_WEIGHT
    return votes


def _possessive_apposition(doc: Doc, end: int) -> bool:
    """ "X, his opponent in a fight", "X, her daughter": someone's someone."""
    if end + 2 >= len(doc) or doc[end].text != ",":
        return False
    possessive, noun = doc[end + 1], doc[end + 2]
    if possessive.lower_ not in ("his", "her") or noun.lower_ in _NOT_PERSON_AFTER_POSSESSIVE:
        return False
    return noun.pos_ == "NOUN" and noun.text.islower()


def _referred_to_as_person(doc: Doc, start: int, end: int) -> bool:
    """The name is its sentence's subject, the sentence says "his" or "her" after it, and no
    other person is named in the sentence for the pronoun to mean."""
    root = doc[start:end].root
    if root.dep_ != "nsubj":
        return False
    sentence = root.sent
    if any(e.label_ == "PERSON" and not (e.start <= root.i < e.end) for e in sentence.ents):
        return False
    return any(
        t.lower_ in _PERSONAL and not _object_of_same_clause(t, root.head)
        for t in doc[end : sentence.end]
    )


def _object_of_same_clause(pronoun: Token, verb: Token) -> bool:
    """True for "him"/"her" as an object of the subject's own verb ("X paid tribute to her"): such
    a pronoun means someone else, where "his", "herself" or a "him" in a clause below can mean X."""
    if pronoun.lower_ not in ("him", "her") or pronoun.dep_ == "poss":
        return False
    head = pronoun.head
    while head.pos_ == "ADP" and head.head is not head:
        head = head.head
    # "X paid tribute, calling her ...": a verb without its own subject shares X's.
    while head != verb and head.dep_ in ("advcl", "xcomp", "conj") and not _has_subject(head):
        head = head.head
    return head == verb


def _has_subject(verb: Token) -> bool:
    return any(child.dep_ in ("nsubj", "nsubjpass") for child in verb.children)


def _position_before(doc: Doc, start: int, end: int) -> bool:
    """ "center Maurice Doe": a position in lower case, then a name of two words or more."""
    if start == 0 or end - start < 2:
        return False
    before = doc[start - 1]
    return before.text.islower() and before.lower_ in _POSITIONS


def _play_credited(doc: Doc, start: int) -> bool:
    """ "goals from Bukayo Saka", "a header by X", "a pass from X": a play's maker, not a town."""
    if start < 2 or doc[start - 1].lower_ not in ("from", "by"):
        return False
    return doc[start - 2].lower_ in _PLAYS


def _stat_line_after(doc: Doc, end: int) -> bool:
    """ "X had eight points", "X had a season-high 10 assists", "X played 6 snaps on defense",
    "X scored twice": a player's line on a sports page."""
    if end >= len(doc) or doc[end].lower_ not in _STAT_VERBS:
        return False
    if doc[end].lower_ in ("scored", "netted") and end + 1 < len(doc):
        kind = doc[end + 1 : end + 3].text.lower()
        if doc[end + 1].lower_ in _GOAL_COUNTS or kind in _GOAL_KINDS:
            return True
    for token in doc[end + 1 : end + 6]:
        if token.pos_ in ("VERB", "AUX") or token.text in ",;.":
            return False
        if token.like_num:
            after = doc[token.i + 1] if token.i + 1 < len(doc) else None
            return after is not None and after.lower_ in _STAT_NOUNS
    return False
