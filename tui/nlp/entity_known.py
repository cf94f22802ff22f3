"""Names the knowledge tables hold, found in the text even where the model saw none.

The small model misses well-known names it cannot tell from ordinary words ("Big Ten", "The
Hollywood Reporter" read as "Hollywood") or never tags ("Clippers", "Uber"). A capitalised run of
words that is a news outlet, a well-known company, a league or a club (a club's nickname alone
only on a sports page) becomes a candidate organisation; where it overlaps a shorter span of the
model's, the longer one wins.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from tui.nlp.doc_text import text_of
from tui.nlp.knowledge import bodies, companies, outlets, people, teams

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

_LONGER_NAME_AFTER = re.compile(r" [A-Z][a-z]")
_SMALL_WORDS = frozenset({"of", "the", "and", "for", "&", "de", "del", "la"})


def _pattern(names: set[str]) -> re.Pattern[str]:
    ordered = sorted(names, key=len, reverse=True)
    words = "|".join(r"\s+".join(re.escape(w) for w in name.split()) for name in ordered)
    return re.compile(rf"(?<![\w-])(?:{words})(?![\w-])", re.IGNORECASE)


@cache
def _names() -> re.Pattern[str]:
    found = {
        n
        for n in outlets.OUTLETS | teams.CLUBS | companies.COMPANIES | bodies.BODIES
        if len(n) >= 3
    }
    found |= {n for n in teams.LEAGUES if len(n) > 3}
    found |= {f"{home} {nick}" for nick, homes in teams.NICKNAMES.items() for home in homes}
    return _pattern(found)


@cache
def _sports_names() -> re.Pattern[str]:
    """Nicknames and short league names ("SEC", "MAC"), which mean a club only on a sports page."""
    return _pattern(set(teams.NICKNAMES) | {n for n in teams.LEAGUES if len(n) <= 3})


def _written_as_name(text: str) -> bool:
    """Every word capitalised but the small ones inside ("Tom's Guide", "Big Ten")."""
    words = text.split()
    return all(
        w[:1].isupper() or w[:1].isdigit() or (i > 0 and w.lower() in _SMALL_WORDS)
        for i, w in enumerate(words)
    )


@cache
def _famous_people() -> re.Pattern[str]:
    return _pattern({n for n in people.FAMOUS_SURNAMES if len(n) > 3})


_RUGBY_BEFORE = re.compile(r"(?i:rugby)\s+$")  # "Rugby Union", the game, not a club


def _club(text: str) -> bool:
    """A club's name or nickname written as a name ("Arsenal", "Heat"; not "UNION" in a heading)."""
    written = text[1:].islower()
    return written and (teams.team_kind(text) == "team" or teams.is_nickname(text))


def known_name_spans(doc: Doc, sports: bool, everyday: frozenset[str]) -> list[tuple[Span, str]]:
    """Spans of known outlets, leagues and clubs in one paragraph, as organisations.

    A one-word name that is also an everyday word ("Time", "Vice", "Fortune") is left to the
    model, which sees its sentence.
    """
    spans: list[tuple[Span, str]] = []
    patterns = [_names(), _sports_names()] if sports else [_names()]
    for pattern in patterns:
        for m in pattern.finditer(text_of(doc)):
            text = m.group(0)
            if not _written_as_name(text):
                continue
            club = sports and _club(text) and not _RUGBY_BEFORE.search(text_of(doc), 0, m.start())
            if " " not in text and text.lower() in everyday and not club:
                continue  # on a sports page a club is a club: "Arsenal moved top", "the Heat"
            if _LONGER_NAME_AFTER.match(text_of(doc), m.end()):
                continue  # "The Hindu Kush", "Apple Valley": part of a longer name
            span = doc.char_span(m.start(), m.end(), alignment_mode="contract")
            if span is not None and len(span) > 0:
                spans.append((span, "ORGANIZATION"))
    for m in _famous_people().finditer(text_of(doc)):
        span = doc.char_span(m.start(), m.end(), alignment_mode="contract")
        if span is not None and m.group(0)[:1].isupper() and not m.group(0).isupper():
            spans.append((span, "PERSON"))  # "Mueller", "Merkel" where the model saw nothing
    return spans


# A results or standings row: a name first, then figures ("Barnet 7 4 2 1 13 9 14", "Essex 532-8").
_TABLE_ROW = re.compile(r"^((?:[A-Z][\w'’.-]*)(?: [A-Z][\w'’.-]*){0,3})(?= \(?\d)")


def table_row_spans(doc: Doc, sports: bool) -> list[tuple[Span, str]]:
    """On a sports page, the name opening a row of figures: a club (or, by its first name, a
    player), which the model seldom tags in a table."""
    if not sports:
        return []
    m = _TABLE_ROW.match(text_of(doc))
    if m is None:
        return []
    span = doc.char_span(m.start(1), m.end(1), alignment_mode="contract")
    return [(span, "ORGANIZATION")] if span is not None and len(span) > 0 else []


# A lawmaker's party and state after the name: "Sen. Tom Kessler, R-Wyo.,", "Rep. X (D-Minn.)".
_AFFILIATION = re.compile(r"(?<![\w-])[DRI]-((?:[A-Z][a-z]{1,4}\.|[A-Z]\.[A-Z]\.|[A-Z][a-z]+))")


def affiliation_state_spans(doc: Doc) -> list[Span]:
    """The state of each party-and-state tag ("R-Wyo." names Wyoming's abbreviation, dot kept)."""
    from tui.nlp.entity_cues import is_region_abbreviation
    from tui.nlp.knowledge.places import place_kind

    spans = []
    for m in _AFFILIATION.finditer(text_of(doc)):
        state = m.group(1)
        if not (is_region_abbreviation(state) or place_kind(state) == "state"):
            continue
        span = doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
        if span is not None:
            spans.append(span)
    return spans
