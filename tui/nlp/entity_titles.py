"""Titles written before a name: "Russian President" is no part of Putin's name, "Mr." is kept
in the mention, and a royal's title stays in the name ("Prince Andrew", "Queen Elizabeth II")."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from tui.nlp.entity_lexicon import HONORIFICS, ROYAL_TITLES, TITLE_HEADS, TITLE_WORDS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_TITLE_ENTITY_TYPES = frozenset({"", "NORP", "GPE", "ORG"})
_CONNECTORS = frozenset({"of", "the", "for", "and"})


def _is_title_token(token: Token) -> bool:
    """A word that can belong to a title before a name: a role word or a capitalised qualifier."""
    if token.lower_ in TITLE_WORDS:
        return True
    if token.ent_type_ not in _TITLE_ENTITY_TYPES or token.is_stop or not token.text[:1].isupper():
        return False
    return token.is_alpha or bool(re.fullmatch(r"(?:[A-Z]\.)+", token.text))


def is_honorific(token: Token) -> bool:
    """ "Mr.", "Ms", "Dr." written as a title (capitalised), not the word "miss"."""
    return token.lower_ in HONORIFICS and token.text[:1].isupper()


def title_before(doc: Doc, index: int) -> str | None:
    """The title written just before token `index` ("Russian President"), if there is one."""
    if index == 0 or doc[index - 1].lower_ in _CONNECTORS:
        return None
    i = index - 1
    while i >= 0 and index - i <= 7 and _is_title_token(doc[i]):
        i -= 1
    words = list(doc[i + 1 : index])
    while words and words[0].lower_ in _CONNECTORS:
        words.pop(0)
    if not words or not any(w.lower_ in TITLE_HEADS for w in words):
        return None
    return doc[words[0].i : index].text


_REGNAL = re.compile(r"^(?:[IVX]{1,4})$")


def royal_title_before(doc: Doc, index: int, end: int) -> bool:
    """True when a royal title comes right before a one-word name that token `index` starts
    ("Princess Margaret", "King Charles III"), a name news writes with its title."""
    if index == 0 or end <= doc[index].idx:
        return False
    title = doc[index - 1]
    if title.lower_ not in ROYAL_TITLES or not title.text[:1].isupper():
        return False
    words = [t for t in doc[index:] if t.idx < end]
    if len(words) == 2 and _REGNAL.match(words[1].text):
        words.pop()
    return len(words) == 1 and words[0].is_alpha and words[0].text[:1].isupper()
