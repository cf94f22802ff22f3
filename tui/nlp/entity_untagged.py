"""Names the model did not tag at all, found by the words around them: a courtesy title before
("Ms. Okafor"), a place's kind after ("Logar province").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui.nlp.entity_lexicon import HONORIFICS, PLACE_AFTER_NOUNS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span


def honorific_persons(doc: Doc) -> list[Span]:
    """Names after a courtesy title that spaCy did not tag at all ("Ms. Okafor")."""
    spans = []
    for token in doc[:-1]:
        if token.lower_ not in HONORIFICS or not token.text[:1].isupper():
            continue
        end = token.i + 1
        while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].ent_type_ == "":
            end += 1
        if end > token.i + 1 and doc[token.i + 1].text[:1].isupper():
            spans.append(doc[token.i + 1 : end])
    return spans


def untagged_places(doc: Doc) -> list[Span]:
    """Proper names before "province", "region", "county" that spaCy did not tag ("Logar")."""
    spans = []
    for token in doc[1:]:
        if token.lower_ not in PLACE_AFTER_NOUNS or not token.text.islower():
            continue
        start = token.i
        while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].ent_type_ == "":
            start -= 1
        if start < token.i:
            spans.append(doc[start : token.i])
    return spans
