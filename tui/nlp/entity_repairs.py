"""Spans the model drew wrong, mended: a club, a position and a player run together, a party
named with its state, a question's opening verb, a league's division, a nationality before a
ministry, "Washington, D.C." cut at its comma, a court without the district it serves, a person cut before
a particle ("Abdulaziz" + "bin Salman") or run into a preposition ("Yorkshire at Headingley"), a
known place cut after a demonym ("French" + "Guiana").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from tui.nlp.doc_text import text_of
from tui.nlp.entity_lexicon import FIRM_SUFFIXES, NUMBERED_BODY, ORG_LAST_WORDS, PARTY_MEMBERS
from tui.nlp.knowledge.places import place_kind
from tui.nlp.knowledge.teams import is_nickname

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


# Players' positions written before their names in team news ("DL Myles Garrett", "F Jo Smith").
POSITIONS = frozenset(
    {
        "QB", "RB", "FB", "WR", "TE", "OL", "OT", "OG", "DL", "DE", "DT", "LB", "ILB", "OLB",
        "CB", "DB", "FS", "SS", "K", "P", "LS", "KR", "PR", "F", "G", "C", "PG", "SG", "SF",
        "PF", "SP", "RP", "RHP", "LHP", "OF", "IF", "DH", "GK", "MF", "FW", "D", "LW", "RW",
    }
)  # fmt: skip


def _is_name_word(token: Token) -> bool:
    return token.is_alpha and token.text[:1].isupper() and not token.is_upper


def split_roster(span: Span, spacy_type: str) -> list[tuple[Span, str]]:
    """A club, a position and a player run together ("Browns DL Sheldon Richardson"), apart.

    The model reads "Browns DL Sheldon Richardson" and "F Hamidou Diallo" as one name; the club
    (a known nickname) and the player are two, and the position is neither.
    """
    doc = span.doc
    i = span.start
    pieces: list[tuple[Span, str]] = []
    if (
        span.end - i >= 2
        and doc[i].is_upper
        and len(doc[i]) <= 3
        and doc[i].text not in POSITIONS
        and is_nickname(doc[i + 1].text)
    ):
        i += 1  # "CLE Browns": the club's abbreviation before its nickname
    if span.end - i >= 3 and is_nickname(doc[i].text) and doc[i].text[:1].isupper():
        pieces.append((doc[i : i + 1], "ORGANIZATION"))
        i += 1
    if span.end - i >= 3 and doc[i].text in POSITIONS:
        i += 1
    rest = doc[i : span.end]
    if i == span.start:
        return [(span, spacy_type)]
    if pieces and not 2 <= len(rest) <= 3:
        return [(span, spacy_type)]
    if pieces or all(_is_name_word(t) for t in rest):
        kind = "PERSON" if pieces or doc[i - 1].text in POSITIONS else spacy_type
        return [*pieces, (rest, kind)]
    return [(rest, spacy_type)]


def party_span(span: Span, spacy_type: str) -> tuple[Span, str]:
    """ "Democrats", "Virginia Democrats": a party named by its members is an organisation."""
    from spacy.tokens import Span

    doc = span.doc
    before = doc[span.start - 1] if span.start > 0 else None
    if before is not None and before.text[:1].isupper():
        wider = f"{before.text} {span.text}".lower()
        if wider in PARTY_MEMBERS or wider + "s" in PARTY_MEMBERS:
            # "the Liberal Democrats" read as "Democrats" alone: the party's whole name
            return Span(doc, span.start - 1, span.end, label=span.label_), "ORGANIZATION"
    words = span.text.lower().split()
    if " ".join(words) in PARTY_MEMBERS:
        return span, "ORGANIZATION"
    if len(words) >= 2 and " ".join(words) + "s" in PARTY_MEMBERS:
        return span, "ORGANIZATION"  # "a Liberal Democrat leader": the party, by one member
    if len(span) >= 2 and " ".join(words[1:]) in PARTY_MEMBERS and place_kind(words[0]):
        return span[1:], "ORGANIZATION"
    return span, spacy_type


_QUESTION_OPENERS = frozenset(
    {"will", "can", "could", "would", "should", "did", "does", "do", "is", "are", "was", "were"}
    | {"has", "have", "had", "may", "might", "must", "shall"}
)
_DIRECTIONS = frozenset(
    {"north", "south", "east", "west", "central", "atlantic", "pacific", "metropolitan"}
    | {"northeast", "northwest", "southeast", "southwest", "midwest", "mountain", "coastal"}
)
_GOVERNMENT_BODIES = frozenset(
    {"ministry", "department", "embassy", "consulate", "foreign", "defence", "defense", "army"}
    | {"navy", "air", "interior", "finance", "justice", "state", "central"}
)


_LOCAL_OFFICERS = frozenset({"sheriff", "mayor", "executive", "commissioner", "coroner", "clerk"})


_LOCAL_TITLES = _LOCAL_OFFICERS | {"manager", "attorney", "treasurer", "auditor", "administrator"}


def trimmed_name(span: Span, spacy_type: str) -> Span:
    """A span without what the model added to a name: the verb opening a question ("Will Warren
    continue ...?"), a league's division ("Mid-American Conference West Division"), a
    nationality before a ministry ("Chinese Ministry of State Security")."""
    doc = span.doc
    if (
        len(span) >= 2
        and span[0].is_sent_start
        and span[0].lower_ in _QUESTION_OPENERS
        and span.sent.text.rstrip().endswith("?")
    ):
        span = span[1:]
    words = [t.lower_ for t in span]
    if len(span) >= 4 and words[-1] == "division" and words[-2] in _DIRECTIONS:
        span = span[:-2]
    if len(span) >= 3 and words[-1] in _LOCAL_OFFICERS and words[-2] in ("county", "city"):
        span = span[:-1]  # "Sonoma County Sheriff Mark Essick": the county, then a title
    if (
        len(span) >= 3
        and words[0] in ("county", "city", "town", "state")
        and words[1] in _LOCAL_TITLES
        and all(t.text[:1].isupper() for t in span[2:])
    ):
        span = span[2:]  # "County Executive Naomi Feld", "City Manager Tom Reyes": the person
    if (
        spacy_type == "ORGANIZATION"
        and len(span) >= 3
        and span[0].text[:1].isupper()
        and span[1].lower_ in _GOVERNMENT_BODIES
        and doc[span.start].lower_.endswith(("an", "ese", "ish", "ic", "i"))
        and place_kind(span[0].text) is None
    ):
        span = span[1:]
    return span


def with_district(span: Span) -> Span:
    """ "Washington, D.C.": the district belongs to the city's name."""
    doc = span.doc
    end = span.end
    if end + 1 < len(doc) and doc[end].text == "," and doc[end + 1].text in ("D.C.", "DC"):
        return doc[span.start : end + 2]
    return span


# "... Court for the Southern District of New York", "... Office for the Western District of X".
_FOR_DISTRICT = re.compile(
    r" for the (?:(?:Northern|Southern|Eastern|Western|Middle|Central) District of "
    r"(?:[A-Z][\w.]*)(?: [A-Z][\w.]*){0,2}|(?:\d{1,2}(?:st|nd|rd|th)|Federal) Circuit)"
)


# Bodies named for the place they serve when "of X" follows ("Bank of New York" is one name).
_BODY_OF_PLACE = frozenset(
    {"bank", "university", "archdiocese", "diocese", "museum", "council", "chamber", "authority"}
    | {"institute", "college", "commission", "board", "court", "republic", "kingdom", "district"}
)
_OF_PLACE = re.compile(r" of (?:the )?(?:[A-Z][\w.]*)(?: [A-Z][\w.]*){0,2}")


# "U.S. District Court", "U.S. Attorney's Office": the country, or its attorney, opens the name.
_US_BODY_BEFORE = re.compile(r"(?:U\.S\.|United States) (?:Attorney(?: General)?['’]s )?$")
# Numbered districts and streets: "Ohio's 9th Congressional District", "the 3rd Ward".
_NUMBERED_PLACE_WORDS = frozenset({"district", "street", "avenue", "ward", "precinct"})


def with_ordinal(span: Span) -> Span:
    """ "9th Congressional District" read from "Congressional": a numbered place keeps its number."""
    doc = span.doc
    if (
        span.start > 0
        and span[-1].lower_ in _NUMBERED_PLACE_WORDS
        and re.fullmatch(r"\d+(?:st|nd|rd|th)", doc[span.start - 1].text)
    ):
        return doc[span.start - 1 : span.end]
    return span


_COURT_DISTRICT = re.compile(r"(?:Northern|Southern|Eastern|Western|Middle|Central) District$")


def place_span(span: Span) -> tuple[Span, str]:
    """A place's whole name and type ("the Northern District of Georgia" is a federal court)."""
    if _COURT_DISTRICT.search(span.text) and (
        m := _OF_PLACE.match(text_of(span.doc), span.end_char)
    ):
        whole = span.doc.char_span(span.start_char, m.end(), alignment_mode="contract")
        if whole is not None:
            return whole, "ORGANIZATION"
    return with_ordinal(with_district(span)), "PLACE"


def with_jurisdiction(span: Span) -> Span:
    """A body with the district or place it serves: "the U.S. District Court for the Southern
    District of New York", "the Federal Reserve Bank of New York": one body, one name; "U.S."
    before a court or an attorney's office belongs to it too."""
    doc = span.doc
    before = _US_BODY_BEFORE.search(text_of(doc), 0, span.start_char)
    if before is not None and span[0].text[:1].isupper():
        whole = doc.char_span(before.start(), span.end_char, alignment_mode="contract")
        span = whole if whole is not None else span
    m = _FOR_DISTRICT.match(text_of(doc), span.end_char)
    if m is None and span[-1].lower_ in _BODY_OF_PLACE:
        m = _OF_PLACE.match(text_of(doc), span.end_char)
    if m is None:
        return span
    whole = doc.char_span(span.start_char, m.end(), alignment_mode="contract")
    return whole if whole is not None else span


def with_joined_first_word(span: Span) -> Span:
    """ "the England and Wales Cricket Board", read from "Wales": a body named for two things
    keeps both, when "the" opens the pair."""
    doc, start = span.doc, span.start
    if (
        start >= 3
        and doc[start - 1].text == "and"
        and _is_name_word(doc[start - 2])
        and doc[start - 3].lower_ == "the"
        and len(span) >= 2
    ):
        return doc[start - 2 : span.end]
    return span


# Lower-case words that carry a person's name on: "Abdulaziz bin Salman", "Rafael van der Berg".
_PERSON_PARTICLES = frozenset({"bin", "ibn", "bint", "van", "von", "de", "da", "di", "al", "el"})
# Lower-case words inside a person's name between the given name and the surname.
_NAME_PARTICLES = _PERSON_PARTICLES | {"der", "den", "la", "le", "du", "del", "della", "dos", "das"}
_BILL_WORDS = frozenset({"Bill", "Resolution", "Act", "Amendment"})


def _particle_end(person: Span) -> int:
    """Where a person's name cut at its particles ends: after "von der Leyen" (the particles and
    the capitalised word after them), or where the model's span ended."""
    doc, i = person.doc, person.end
    while i < len(doc) and i - person.end < 3 and doc[i].text in _NAME_PARTICLES:
        i += 1
    ended_on_particle = person[-1].text in _NAME_PARTICLES
    if (i > person.end or ended_on_particle) and i < len(doc) and doc[i].text[:1].isupper():
        return i + 1 if doc[i].pos_ == "PROPN" else person.end
    return person.end


def joined_names(doc: Doc) -> list[Span]:
    """The model's entities, with a name it cut in two joined again: a person cut before a
    particle ("Prince Abdulaziz" + "bin Salman" is one man, not two: the second may be another's
    surname), a bill cut after its chamber ("House" + "Bill 20" is a law, not the House), a firm
    cut before its last word ("GateHouse" + "Media"), a country or province of two names cut at
    its "and" ("Trinidad" + "Tobago")."""
    from spacy.tokens import Span

    joined: list[Span] = []
    for ent in doc.ents:
        last = joined[-1] if joined else None
        if last is not None and ent.start < last.end:
            # "Ursula von" + "der" + "Leyen": the particles carried the name on to its surname
            joined[-1] = Span(doc, last.start, max(ent.end, last.end), label="PERSON")
            continue
        if ent.label_ == "PERSON" and (end := _particle_end(ent)) > ent.end:
            ent = Span(doc, ent.start, end, label="PERSON")
        if (
            last is not None
            and ent.start == last.end + 1
            and doc[last.end].lower_ in ("and", "&")
            and place_kind(doc[last.start : ent.end].text) in ("country", "state", "region")
        ):  # "Trinidad" + "Tobago", "Newfoundland" + "Labrador": one country, one province
            joined[-1] = Span(doc, last.start, ent.end, label="GPE")
            continue
        if (
            last is not None
            and ent.start == last.end
            and doc[last.start : ent.end].text.lower().rstrip("s") + "s" in PARTY_MEMBERS
        ):  # "Liberal" + "Democrat": one party's name, cut in two
            joined[-1] = Span(doc, last.start, ent.end, label="NORP")
            continue
        if (
            last is not None
            and ent.start == last.end
            and last.label_ == "ORDINAL"
            and last.text[:-2].isdigit()
            and NUMBERED_BODY.match(ent.text)
        ):  # "2nd" + "U.S. Circuit Court of Appeals": the number is the court's
            joined[-1] = Span(doc, last.start, ent.end, label=ent.label_)
            continue
        if last is not None and ent.start == last.end:
            if last.label_ == ent.label_ == "PERSON" and ent[0].text in _PERSON_PARTICLES:
                joined[-1] = Span(doc, last.start, ent.end, label="PERSON")
                continue
            if ent.label_ == "LAW" and ent[0].text in _BILL_WORDS:
                joined[-1] = Span(doc, last.start, ent.end, label="LAW")
                continue
            if (
                last.label_ == ent.label_ == "ORG"
                and len(ent) == 1
                and ent[0].lower_ in ORG_LAST_WORDS
            ):
                joined[-1] = Span(doc, last.start, ent.end, label="ORG")  # "GateHouse" + "Media"
                continue
        joined.append(ent)
    return joined


_INNER_PREPOSITIONS = frozenset({"at", "on", "in", "from", "with", "for", "to"})


def split_run_together(span: Span, spacy_type: str) -> list[tuple[Span, str]]:
    """ "Yorkshire at Headingley", "Reyes on Instagram" called one person: no person's name holds
    a lower-case preposition, so the words before it are the name and those after another.
    "Daniels Pharmaceuticals Inc of St. Petersburg": a firm's legal suffix ends its name, and the
    "of" after it gives its home. A lower-case "the" after a name's word starts another name."""
    for token in span[1:-1]:
        if token.text == "the" and span.doc[token.i - 1].text[:1].isupper():
            # "the House of Lords the Treasury": two names, one after the other
            left, right = span.doc[span.start : token.i], span.doc[token.i + 1 : span.end]
            return [(left, spacy_type), *split_run_together(right, spacy_type)]
    for token in span[1:-2]:
        if token.lower_ in FIRM_SUFFIXES and span.doc[token.i + 1].text == "of":
            rest = span.doc[token.i + 2 : span.end]
            return [(span.doc[span.start : token.i + 1], "ORGANIZATION"), (rest, "PLACE")]
    if spacy_type != "PERSON":
        return [(span, spacy_type)]
    for token in span[1:-1]:
        if token.text in _INNER_PREPOSITIONS:
            return [
                (span.doc[span.start : token.i], "PERSON"),
                (span.doc[token.i + 1 : span.end], ""),
            ]
    return [(span, spacy_type)]


def place_after_demonym(ent: Span) -> Span | None:
    """ "French Guiana", "Irish Sea": a known place whose first word the model took for a people."""
    doc = ent.doc
    for extra in (1, 2):
        end = ent.end + extra
        if end > len(doc) or not all(
            t.is_alpha and t.text[:1].isupper() for t in doc[ent.end : end]
        ):
            return None
        if place_kind(doc[ent.start : end].text) is not None:
            return doc[ent.start : end]
        if extra == 1 and doc[end - 1].lower_ in _WATERS_AND_LANDS:
            return doc[ent.start : end]  # "the Canadian River", "the American Plains"
    return None


_WATERS_AND_LANDS = frozenset(
    {"river", "lake", "sea", "ocean", "gulf", "bay", "mountains", "plains", "desert", "valley"}
)
