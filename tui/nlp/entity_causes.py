"""Groups named for their cause: "Neighbors for a Livable Waterfront", "Parents for Safe Streets".

The model stops such a name at "for" and calls the rest a thing of its own; the name is the whole.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from tui.nlp.doc_text import text_of

if TYPE_CHECKING:
    from spacy.tokens import Span

_MEMBERS = frozenset(
    {
        "citizens", "neighbors", "neighbours", "parents", "americans", "residents", "mothers",
        "fathers", "moms", "dads", "students", "scientists", "doctors", "nurses", "lawyers",
        "veterans", "women", "families", "friends", "taxpayers", "voters", "teachers", "farmers",
        "physicians", "engineers", "coalition", "alliance", "committee", "campaign",
    }
)  # fmt: skip
# "for (a|an|the) Livable Waterfront": the cause, its words capitalised.
_CAUSE = re.compile(
    r" for (?:a |an |the )?(?:[A-Z][\w'’-]*)(?: (?:and |of |the )?[A-Z][\w'’-]*){0,4}"
)


def with_cause(span: Span) -> Span:
    """The group's name with the cause it is named for, when "for" and capitalised words follow
    a members' word ("Citizens", "Neighbors") that ends the span."""
    if span[-1].lower_ not in _MEMBERS or not span[-1].text[:1].isupper():
        return span
    m = _CAUSE.match(text_of(span.doc), span.end_char)
    if m is None:
        return span
    whole = span.doc.char_span(span.start_char, m.end(), alignment_mode="contract")
    return whole if whole is not None else span
