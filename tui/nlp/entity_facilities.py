"""Buildings named after the words that place them: "died at Highland Hospital", "gathered in
front of Mercy Valley Hospital", "the lot behind St. Anne's Church". There the name is the
building, a place, not the body that runs it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui.nlp.entity_lexicon import PLACE_PREPOSITIONS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_FACILITY_WORDS = frozenset({"hospital", "airport", "prison", "jail", "penitentiary"}) | frozenset(
    {"church", "cathedral", "chapel", "basilica", "mosque", "synagogue"}
)
# "in front of X", "next to X", "the steps of X": the noun or adverb before a name's "of"/"to"/
# "from" that makes the phrase a place preposition.
_PLACE_PHRASE_HEADS = frozenset(
    {"front", "outside", "steps", "grounds", "doors", "gates", "entrance", "next", "across"}
)
_PLACE_ONLY_PREPOSITIONS = frozenset({"behind", "beside", "opposite", "past", "reach", "reached"})


def _at_a_place(doc: Doc, word: Token) -> bool:
    """ "at X", "behind X", "in front of X", "next to X": lower-case words that place a name."""
    lower = word.lower_
    if not word.text.islower():
        return False
    if lower in PLACE_PREPOSITIONS or lower in _PLACE_ONLY_PREPOSITIONS:
        return True
    return (
        lower in ("of", "to", "from")
        and word.i > 0
        and doc[word.i - 1].lower_ in _PLACE_PHRASE_HEADS
    )


def is_placed_facility(doc: Doc, word: Token | None, start: int, end: int) -> bool:
    """Whether tokens `start:end` name a building (a hospital, an airport, a church, a medical
    center) that the word before them places."""
    if word is None or end - start < 2 or not _at_a_place(doc, word):
        return False
    last = doc[end - 1].lower_
    return last in _FACILITY_WORDS or (
        last in ("center", "centre") and doc[end - 2].lower_ == "medical"
    )
