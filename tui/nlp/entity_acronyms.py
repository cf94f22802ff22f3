"""Acronyms the article defines: "European Union (EU)" pairs the expansion with its short form."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from tui.nlp.doc_text import text_of
from tui.nlp.entity_names import clean_name
from tui.nlp.entity_spans import split_parenthesised

if TYPE_CHECKING:
    from spacy.tokens import Doc

_ACRONYM_IN_PARENS = re.compile(r"\(\s*([A-Z][A-Za-z.&]{1,9})\s*\)")


def acronym_pairs(doc: Doc) -> list[tuple[str, str]]:
    """(expansion, acronym) pairs written as "European Union (EU)" in one paragraph."""
    pairs = []
    for ent in doc.ents:
        for part in split_parenthesised(ent)[:1]:
            tail = text_of(doc)[part.end_char : part.end_char + 14]
            if m := _ACRONYM_IN_PARENS.match(tail.lstrip()):
                pairs.append((clean_name(part.text), m.group(1)))
    return pairs
