"""Two names the model read as one span: a person and his town ("Tyrone Banks of Pittsburgh"), a
firm's or a place's possessive ("Alphabet's Google", "Stanford University's Internet Observatory").
A saint's "'s" stays in the name ("St. John's").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from tui.nlp.knowledge.places import place_kind

if TYPE_CHECKING:
    from spacy.tokens import Span

# "St. John's", "Saint Mary's": a saint's name whose "'s" is part of a place's name.
SAINT_NAME = re.compile(r"^(?:St\.?|Ste\.?|Saint)\s+[A-Z][\w-]*$")
SAINT_POSSESSIVE = re.compile(r"^(?:St\.?|Ste\.?|Saint)\s+[A-Z][\w-]*['’]s$")


def with_name_possessive(text: str, start: int, end: int) -> int:
    """The end of a name, past an "'s" that belongs to it ("St. John's" is a city)."""
    if SAINT_NAME.match(text[start:end]) and text[end : end + 2] in ("'s", "’s"):
        after = text[end + 2 : end + 3]
        if not after or not after.isalnum():
            return end + 2
    return end


def person_of_place(span: Span) -> list[tuple[Span, str]] | None:
    """ "Tyrone Banks of Pittsburgh" read as one name: the person, then the place he is from."""
    from tui.nlp.knowledge.people import is_given_name

    words = [t.lower_ for t in span]
    if "of" not in words[2:4]:
        return None
    cut = words.index("of", 2)
    person, place = span[:cut], span[cut + 1 :]
    if not (2 <= len(person) <= 3 and is_given_name(words[0]) and len(place) >= 1):
        return None
    if place_kind(place.text) not in ("city", "state", "country", "region"):
        return None
    return [(person, "PERSON"), (place, "PLACE")]


# A body's head word: "Stanford University's Internet Observatory" is two bodies.
_BODY_HEADS = frozenset({"university", "college", "party", "ministry", "department", "council"})


def possessive_pair(span: Span, spacy_type: str) -> list[tuple[Span, str]] | None:
    """ "Alphabet's Google", "China's Huawei": two names joined by a possessive are two entities
    when the first is a known firm or place ("McDonald's" and "People's" are no such join)."""
    from tui.nlp.knowledge.companies import is_known_org

    for i, token in enumerate(span[1:4], start=1):
        if token.text not in ("'s", "’s") or i + 1 >= len(span):
            continue
        left, right = span[:i], span[i + 1 :]
        if not right[0].text[:1].isupper() or right[0].like_num:
            return None  # "Ohio's 9th Congressional District" stays whole
        if len(right) == 1 and right[0].lower_ in ("county", "parish", "island", "vineyard"):
            return None  # "Prince George's County", "Martha's Vineyard": one place's name
        if is_known_org(left.text) or (len(left) >= 2 and left[-1].lower_ in _BODY_HEADS):
            return [(left, "ORGANIZATION"), (right, spacy_type)]
        if place_kind(left.text) in ("country", "state", "city", "region"):
            return [(left, "PLACE"), (right, spacy_type)]
        return None
    return None


def split_pair(span: Span, spacy_type: str) -> list[tuple[Span, str]] | None:
    """Two names the model read as one: a person and his town, a firm's or a place's possessive."""
    return person_of_place(span) or possessive_pair(span, spacy_type)
