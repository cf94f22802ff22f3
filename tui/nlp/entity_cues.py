"""Type cues for one mention from the shape of its name and the words around it.

The small model guesses a type from how a name looks, and unfamiliar names fool it. News writing
gives clearer signs: "Gander, N.L." and "residents of X" are places, "said X" and "X, an
economist" are people, "X Air" and "X Holdings" are organisations. Each cue is a weighted vote;
a clear cue outweighs the model's label.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from tui.nlp.doc_text import text_of
from tui.nlp.entity_facilities import is_placed_facility
from tui.nlp.entity_lexicon import (
    ARTICLES,
    INSTITUTION_WORDS,
    ORG_LAST_WORDS,
    PLACE_ENDINGS,
    PLACE_FIRST_WORDS,
    PLACE_LAST_WORDS,
    PLACE_OF_NOUNS,
    PLACE_PREPOSITIONS,
    REGION_ABBREVIATIONS,
    REGION_NAMES,
    TITLE_HEADS,
    VENUE_CENTER_KINDS,
    VENUE_LAST_WORDS,
)
from tui.nlp.entity_person_words import FIRST_NAMES, KIN_NOUNS, PERSON_ROLE_NOUNS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# Weights: a name's shape or its surroundings; the model's own label weighs 1.
SHAPE_WEIGHT = 2.0
ORG_SHAPE_WEIGHT = 3.0
CONTEXT_WEIGHT = 2.0
STRONG_CONTEXT_WEIGHT = 3.0
PREPOSITION_WEIGHT = 1.5
ENDING_WEIGHT = 1.5

# Countries whose names end like an organisation's ("Soviet Union").
_POLITIES = frozenset({"soviet union", "united kingdom", "transitional federal government"})
_LAW_LAST_WORDS = frozenset({"act", "amendment"})
# "the Paris Agreement", "the Black Sea Grain Initiative", "the Abraham Accords": a deal, no body.
_DEAL_LAST_WORDS = frozenset(
    {"agreement", "accord", "accords", "pact", "treaty", "protocol", "initiative"}
)
# "U.N. Development Program", "World Food Programme": agencies, unlike other programmes.
_AGENCY_FIRST_WORDS = frozenset({"un", "u.n.", "united", "world"})
# Prefixes of ships' names.
_VESSEL_PREFIXES = frozenset(
    {"mv", "m.v.", "hms", "uss", "rms", "ss", "mts", "hmcs", "cgs", "ccgs"}
)
# "said X": the one who speaks (not "asked X" or "told X", whose object may be anything).
_SAY_WORDS = frozenset({"said", "says", "added", "explained"})
# ", N.S." or ", Texas" right after a name.
_REGION_AFTER = re.compile(
    r"^\s*,\s*("
    + "|".join(
        re.escape(r) for r in sorted(REGION_ABBREVIATIONS | REGION_NAMES, key=len, reverse=True)
    )
    + r")(?![A-Za-z])",
    re.IGNORECASE,
)
# "according to X", "thanks to X": the preposition does not point at a place.
_NOT_PLACE_BEFORE = frozenset(
    {"according", "due", "thanks", "letter", "message", "call", "lost", "fell", "losing", "loss"}
)
# Institutions that are places when a story is at, in or taken to them.
# Last words no surname has: "Thomas Shoal" and "Mary Glacier" are places whatever the first word.
_LANDFORMS = frozenset(
    {"shoal", "reef", "atoll", "strait", "straits", "gulf", "archipelago", "plateau", "lagoon"}
    | {"volcano", "gorge", "glacier", "fjord", "peninsula", "canyon", "inlet", "islands"}
)
_BASED_AFTER = re.compile(r"^-(?:based|born|area|headquartered)\b")
_AWARD_AFTER = re.compile(
    r"^(?:-|\s)(?:winning|nominated|winners?|nominees?|laureates?)\b(?!\s+(?:of|in|at)\b)"
)
_BASED_IN_AFTER = re.compile(r"^,\s+(?:which\s+is\s+)?(?:based|headquartered)\s+in\b")


class Votes(dict[str, float]):
    """Type name -> summed weight (a Counter of floats: a missing type counts 0)."""

    def __missing__(self, key: str) -> float:
        return 0.0

    def add(self, other: dict[str, float]) -> None:
        """Add another set of votes to these."""
        for key, weight in other.items():
            self[key] += weight


_AFTER_COMMA = re.compile(r"^\s*,\s*([A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,2})")
# The states' postal codes, as written after a town ("Harrisburg, PA").
POSTAL_CODES = frozenset(
    {
        "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL",
        "IN", "IA", "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT",
        "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI",
        "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY", "DC",
    }
)  # fmt: skip


def _known_region_after(after_text: str) -> bool:
    """ "Istanbul, Turkey", "Harrisburg, PA": a country, a state or its postal code after a comma."""
    from tui.nlp.knowledge.places import place_kind

    m = _AFTER_COMMA.match(after_text)
    if m is None:
        return False
    words = m.group(1).split()
    for n in range(len(words), 0, -1):
        name = " ".join(words[:n])
        if name in POSTAL_CODES or place_kind(name) in ("country", "state", "region"):
            return True
    return False


def region_key(name: str) -> str:
    """A province or state abbreviation folded with its closing dot ("Ont" -> "ont.")."""
    key = name.casefold().strip()
    return key if key.endswith(".") else key + "."


def is_region_abbreviation(name: str) -> bool:
    """True for "N.S.", "Ont", "Calif.": a province or state as written after a town."""
    return region_key(name) in REGION_ABBREVIATIONS


def name_shape_votes(words: list[str]) -> Votes:
    """Votes from the name alone: "X Air" an organisation, "Port X" a place, "Helen X" a person."""
    votes = Votes()
    keys = [w.casefold().replace("’", "'") for w in words]
    if not keys:
        return votes
    if len(keys) >= 2 and keys[0] in _VESSEL_PREFIXES:
        votes["OTHER"] += ORG_SHAPE_WEIGHT  # "MV Carrach Isle" is a ship
        return votes
    if len(keys) >= 2 and (
        "bros." in keys[:-1] or "bros" in keys[:-1] or keys[-1] in ("bros.", "bros")
    ):
        votes["ORGANIZATION"] += ORG_SHAPE_WEIGHT  # "Warner Bros. Discovery", "Ringling Bros."
        return votes
    if len(words) == 1 and _CODE.match(words[0]):
        votes["OTHER"] += ORG_SHAPE_WEIGHT  # "H3N2", "H5N1": a strain's or a model's code
        return votes
    if is_region_abbreviation(words[-1]) and len(words) == 1:
        votes["PLACE"] += ORG_SHAPE_WEIGHT
        return votes
    programme = keys[-1] in ("program", "programme") and keys[0] not in _AGENCY_FIRST_WORDS
    deal = keys[-1] in _DEAL_LAST_WORDS
    if len(keys) >= 2 and (keys[-1] in _LAW_LAST_WORDS or programme or deal):
        votes["OTHER"] += (
            ORG_SHAPE_WEIGHT  # "the Rural Prosperity Act", "the X Program": a law, a programme
        )
        return votes
    if (
        len(keys) >= 2
        and keys[-1] == "circuit"
        and re.fullmatch(r"\d+(?:st|nd|rd|th)|federal", keys[-2])
    ):
        votes["ORGANIZATION"] += ORG_SHAPE_WEIGHT  # "the 9th Circuit": an appeals court
        return votes
    of = next((i for i in range(1, len(keys) - 1) if keys[i] == "of"), 0)
    if of and keys[of - 1] in ORG_LAST_WORDS and keys[0] not in _POLITY_HEADS:
        votes["ORGANIZATION"] += ORG_SHAPE_WEIGHT  # "Port Authority of Harbor City": its head
        return votes
    starts_with_first_name = keys[0] in FIRST_NAMES and 2 <= len(keys) <= 3
    if len(keys) >= 2 and keys[-1] in VENUE_LAST_WORDS and not starts_with_first_name:
        if keys[-1] not in ("center", "centre") or keys[-2] in VENUE_CENTER_KINDS:
            votes["PLACE"] += SHAPE_WEIGHT
        elif len(keys) == 2 and keys[0] not in INSTITUTION_WORDS:
            votes["PLACE"] += SHAPE_WEIGHT  # "Staples Center", "Moscone Center": a venue
        else:
            votes["ORGANIZATION"] += ORG_SHAPE_WEIGHT
    elif (
        len(keys) >= 2
        and keys[-1] in ORG_LAST_WORDS
        and " ".join(keys) not in _POLITIES
        and not _CAMEL_CASED.match(words[0])  # "iPad Air" is a product
    ):
        votes["ORGANIZATION"] += ORG_SHAPE_WEIGHT
    elif len(keys) >= 2 and (
        (keys[-1] in PLACE_LAST_WORDS and (not starts_with_first_name or keys[-1] in _LANDFORMS))
        or keys[0] in PLACE_FIRST_WORDS
    ):
        votes["PLACE"] += SHAPE_WEIGHT
    elif starts_with_first_name and all(w[:1].isupper() for w in words):
        votes["PERSON"] += SHAPE_WEIGHT
    elif len(keys) == 1 and len(keys[0]) >= 6 and keys[0].endswith(PLACE_ENDINGS):
        votes["PLACE"] += ENDING_WEIGHT
    return votes


def _word_before(doc: Doc, start: int) -> int | None:
    """The index of the word before a name, skipping one article ("in the Skagerrak")."""
    i = start - 1
    if i >= 0 and doc[i].lower_ in ARTICLES:
        i -= 1
    return i if i >= 0 else None


# "Republic of X Union ..."-like heads that name a country, whatever the word before "of".
_POLITY_HEADS = frozenset({"republic", "kingdom", "state", "states", "commonwealth", "federation"})
_CODE = re.compile(r"^[A-Z]+\d+[A-Z]+\d+$")
_CAMEL_CASED = re.compile(r"^[a-z]{1,2}[A-Z]")  # iPad, iMac, eReader
# "S. Jayasuriya", "J.R. Smith": initials and a surname.
_INITIALLED = re.compile(r"^(?!(?:U\.[SKN]|E\.U)\.)(?:[A-Z]\.){1,2}\s?[A-Z][a-z'’-]+$")
# "(Kenya)", "(D-Minn.)", "(R-Texas)" after a name: an athlete's country or a politician's party.
_AFFILIATION_AFTER = re.compile(r"^\s*\((?:[DRI]-[A-Z][\w.]*|[A-Z][a-z]+(?: [A-Z][a-z]+)?)\)")


def _affiliated(doc: Doc, start: int, end: int) -> bool:
    """True when a country or a party follows a name of two words or more in parentheses."""
    from tui.nlp.knowledge.places import place_kind

    if end - start < 2:
        return False
    after = text_of(doc)[doc[end - 1].idx + len(doc[end - 1]) :]
    m = _AFFILIATION_AFTER.match(after)
    if m is None:
        return False
    inner = m.group(0).strip(" ()")
    return inner[1:2] == "-" or place_kind(inner) in ("country", "state")


def _town_not_given_name(doc: Doc, end: int) -> bool:
    """The one word before `end` names a known place and is nobody's given name ("Liverpool",
    not "Madison" or "Georgia")."""
    from tui.nlp.knowledge.people import is_given_name
    from tui.nlp.knowledge.places import place_kind

    word = doc[end - 1]
    if end >= 2 and doc[end - 2].pos_ == "PROPN":
        return False
    return place_kind(word.text) is not None and not is_given_name(word.text)


def _apposition_is_person(doc: Doc, end: int) -> bool:
    """True when ", an economist with ..." or ", who runs ..." follows the name."""
    if end >= len(doc) or doc[end].text != ",":
        return False
    if end + 1 < len(doc) and doc[end + 1].pos_ == "CCONJ":
        return False  # ", and the former owner of ...": the list goes on, no apposition
    plural = doc[end - 1].tag_ == "NNPS"  # "The Rapids, who play in ...": a team, not a person
    for token in doc[end + 1 : end + 6]:
        if token.is_punct:
            return False
        if token.lower_ in ("who", "whose") and (plural or _town_not_given_name(doc, end)):
            return False  # "one more than Liverpool, who host ...": the town's club
        if token.lower_ in PERSON_ROLE_NOUNS and not token.text[:1].isupper():
            return True
        if token.like_num and token.i == end + 1 and any(c.isdigit() for c in token.text):
            return True  # "X, 54, said" (not "Villa, fourth, travel": a place in a table)
    return False


def _role_before_comma(doc: Doc, start: int) -> bool:
    """True when "the town's mayor, X" or "a son, X" puts a role or a kin right before the name."""
    if start < 2 or doc[start - 1].text != ",":
        return False
    before = doc[start - 2].lower_
    return before in TITLE_HEADS or before in KIN_NOUNS


def _modifies_next_noun(doc: Doc, end: int) -> bool:
    """True when the name qualifies the noun after it ("the Lithuanian capital", "the X bid")."""
    return end < len(doc) and doc[end].pos_ == "NOUN" and doc[end].text.islower()


# "according to IDC", "data from the ONS": an acronym cited as a source is a body, never a person.
_SOURCE_BEFORE = re.compile(
    r"(?i:\b(?:according\s+to|(?:data|figures|estimates|a\s+(?:report|survey|study|poll))\s+"
    r"(?:from|by))\s+(?:the\s+)?)$"
)


def _cited_acronym(doc: Doc, start: int, end: int) -> bool:
    name = doc[start:end].text
    if not (end - start == 1 and name.isupper() and name.isalpha() and 2 <= len(name) <= 6):
        return False
    return bool(_SOURCE_BEFORE.search(text_of(doc)[max(0, doc[start].idx - 40) : doc[start].idx]))


def _opens_with_place(doc: Doc, word: Token, end: int) -> bool:
    """ "In Southport, the mayor said": a sentence that opens on a preposition and the name."""
    return bool(word.is_sent_start) and end < len(doc) and doc[end].text == ","


def context_votes(doc: Doc, start: int, end: int, spacy_type: str) -> tuple[Votes, bool]:
    """Votes from the words around tokens `start:end`, and whether they say "place".

    A preposition ("in X", "to X") is weak evidence: it counts against the model's PERSON, or for
    one-word names, but not against a longer name the model calls an organisation ("at the
    Canadian Red Cross").
    """
    votes = Votes()
    after_text = text_of(doc)[doc[end - 1].idx + len(doc[end - 1]) :]
    if _REGION_AFTER.match(after_text) or _known_region_after(after_text):
        votes["PLACE"] += STRONG_CONTEXT_WEIGHT
    if _BASED_AFTER.match(after_text) and spacy_type != "GROUP":  # "French-born": a nationality
        votes["PLACE"] += STRONG_CONTEXT_WEIGHT
    if _BASED_IN_AFTER.match(after_text):  # "Crispwell, based in Allentown,": a firm's seat
        votes["ORGANIZATION"] += CONTEXT_WEIGHT
    if _AWARD_AFTER.match(after_text):  # "Oscar winner X", "Emmy-nominated": an award
        votes["EVENT"] += STRONG_CONTEXT_WEIGHT
    before = _word_before(doc, start)
    word = doc[before] if before is not None else None
    if (
        word is not None
        and word.i > 0
        and word.lower_ == "of"
        and doc[word.i - 1].lower_ in PLACE_OF_NOUNS
    ):
        votes["PLACE"] += CONTEXT_WEIGHT
    place = votes["PLACE"] > 0  # a preposition alone is too weak to keep a surname apart
    with_article = start > 0 and doc[start - 1].lower_ in ARTICLES
    if with_article and spacy_type == "PERSON" and end - start == 1:
        votes["PERSON"] -= 1.0  # "the Clyde": a person's name does not take an article
    if word is not None and word.lower_ == "on" and with_article and spacy_type == "PERSON":
        votes["PLACE"] += PREPOSITION_WEIGHT  # "a yard on the Clyde"
    if (
        word is not None
        and word.lower_ in PLACE_PREPOSITIONS
        and (word.text.islower() or _opens_with_place(doc, word, end))
        and (
            spacy_type in ("PERSON", "PLACE", "")
            or (spacy_type == "ORGANIZATION" and end - start == 1)
        )
        and not _modifies_next_noun(doc, end)
        and not (word.i > 0 and doc[word.i - 1].lower_ in _NOT_PLACE_BEFORE)
    ):
        votes["PLACE"] += PREPOSITION_WEIGHT
    if is_placed_facility(doc, word, start, end):
        votes["PLACE"] += STRONG_CONTEXT_WEIGHT + 2.0  # "died at Highland Hospital": the place
        place = True
    if _cited_acronym(doc, start, end):
        votes["ORGANIZATION"] += CONTEXT_WEIGHT
    if start > 0 and doc[start - 1].lower_ in _SAY_WORDS:
        votes["PERSON"] += CONTEXT_WEIGHT
    if _apposition_is_person(doc, end) or _role_before_comma(doc, start):
        votes["PERSON"] += CONTEXT_WEIGHT
    if _affiliated(doc, start, end) or _INITIALLED.match(doc[start:end].text):
        votes["PERSON"] += CONTEXT_WEIGHT
    return votes, place


def span_votes(doc: Doc, span: Span, spacy_type: str) -> tuple[Votes, bool]:
    """All cue votes for one trimmed name span, and whether its context says "place"."""
    votes = name_shape_votes([t.text for t in span if not t.is_punct or t.text == "."])
    comma = next((t.i for t in span[1:-1] if t.text == ","), None)
    if comma is not None and _known_region_after(doc[comma : span.end].text):
        votes["PLACE"] += SHAPE_WEIGHT  # "Rockport, Maine" read as one name: a town and its state
    context, place = context_votes(doc, span.start, span.end, spacy_type)
    votes.add(context)
    return votes, place


def is_titled_name(span: Span) -> bool:
    """ "Councillor Marcus Oyelaran" read as a firm: a title, then two or three capitalised words."""
    rest = [t.text for t in span[1:]]
    return (
        span[0].lower_ in TITLE_HEADS
        and span[0].text[:1].isupper()
        and 2 <= len(rest) <= 3
        and all(w[:1].isupper() and w.isalpha() for w in rest)
        and not name_shape_votes(rest).keys() & {"PLACE", "ORGANIZATION"}
    )


def cue_votes(doc: Doc, start: int, end: int, spacy_type: str) -> tuple[Votes, bool]:
    """Name-shape and context votes for the characters `start:end` of a paragraph."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return Votes(), False
    return span_votes(doc, span, spacy_type)
