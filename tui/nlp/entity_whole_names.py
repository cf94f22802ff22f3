"""Names the model cuts in pieces, found whole by their shape: a federal court or office ("the
U.S. Court of Appeals for the 9th Circuit"), a chamber's committee named for two things, a
person written with a quoted nickname ('Jorge "Flaco" Medina').
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from tui.nlp.doc_text import text_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span


_US_BODY = re.compile(
    r"\b(?:U\.S\.|United States) (?:Attorney['’]s Office|District Court|Bankruptcy Court|"
    r"Court of Appeals)(?: for the (?:(?:Northern|Southern|Eastern|Western|Middle|Central) "
    r"District of [A-Z][\w.]*(?: [A-Z][\w.]*){0,2}|(?:[A-Z][\w.]*|\d{1,2}(?:st|nd|rd|th)) Circuit|"
    r"District of Columbia))?"
)


# "the Senate Homeland Security and Governmental Affairs Committee", which the model cuts at "and".
_CHAMBER_COMMITTEE = re.compile(
    r"\b(?:House|Senate|Joint|Assembly)(?: [A-Z][\w,-]*){1,4} and(?: [A-Z][\w-]*){1,4} "
    r"(?:Committee|Subcommittee)\b"
)


def federal_body_spans(doc: Doc) -> list[Span]:
    """ "the U.S. Attorney's Office for the Western District of New York", which the model
    reads as a country and a region: one federal office or court, named in full; a chamber's
    committee named for two things."""
    spans = []
    text = text_of(doc)
    for m in [*_US_BODY.finditer(text), *_CHAMBER_COMMITTEE.finditer(text)]:
        span = doc.char_span(m.start(), m.end(), alignment_mode="contract")
        if span is not None:
            spans.append(span)
    return spans


# 'Jorge "Flaco" Medina': a first name, a nickname in quotes, a surname: one person.
_NICKNAMED = re.compile(
    r"\b[A-Z][a-z]+(?:-[A-Z][a-z]+)?\s+[\"“][A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*)?[\"”]\s+"
    r"(?:(?:de|van|von|da|del|la|le|di|al)\s+)?[A-Z][a-z][\w'’-]*(?:\s+(?:Jr\.|Sr\.|II|III))?"
)


def nicknamed_people(doc: Doc) -> list[Span]:
    """People written with a quoted nickname inside the name, which the model cuts in three."""
    spans = []
    for m in _NICKNAMED.finditer(text_of(doc)):
        span = doc.char_span(m.start(), m.end(), alignment_mode="contract")
        if span is not None:
            spans.append(span)
    return spans
