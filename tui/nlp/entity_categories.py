"""Type cues from the kind of thing a sentence says a name is: "firms such as Alden and
Fortress", "newspaper chains Gannett and GateHouse Media", "countries like Chad".

A plural noun that names a category, then "such as", "like" or "including" (or nothing), then a
list of names: every name in the list is of that category. The list is walked back from the name
over commas, "and", "or" and other names.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui.nlp.entity_cues import Votes

if TYPE_CHECKING:
    from spacy.tokens import Doc

CATEGORY_WEIGHT = 2.0
_LOOK_BACK = 16

CATEGORY_NOUNS: dict[str, str] = {
    **dict.fromkeys(
        (
            "companies", "firms", "chains", "publishers", "newspapers",
            "banks", "lenders", "insurers", "retailers", "brands", "carmakers", "automakers",
            "airlines", "startups", "start-ups", "studios", "developers", "publishers", "networks",
            "broadcasters", "outlets", "agencies", "groups", "organizations", "organisations",
            "charities", "universities", "colleges", "schools", "parties", "unions", "teams",
            "clubs", "rivals", "competitors", "giants", "conglomerates", "manufacturers",
            "makers", "providers", "operators", "platforms", "services", "investors", "funds",
            "buyers", "sellers",
        ),
        "ORGANIZATION",
    ),
    **dict.fromkeys(
        (
            "countries", "nations", "states", "cities", "towns", "villages", "provinces",
            "regions", "territories", "capitals", "neighbourhoods", "neighborhoods", "suburbs",
            "counties", "places", "destinations", "islands", "markets", "economies",
        ),
        "PLACE",
    ),
    **dict.fromkeys(
        (
            "people", "leaders", "politicians", "officials", "lawmakers", "senators", "stars",
            "actors", "actresses", "singers", "artists", "writers", "authors", "athletes",
            "celebrities", "figures", "executives", "founders", "candidates", "presidents",
            "ministers", "journalists", "critics", "analysts", "experts", "scientists",
            "researchers", "lawyers", "coaches", "rappers", "musicians", "directors", "judges",
        ),
        "PERSON",
    ),
    **dict.fromkeys(
        (
            "games", "titles", "films", "movies", "shows", "series", "albums", "songs",
            "singles", "books", "novels", "podcasts", "apps", "phones", "devices",
        ),
        "OTHER",
    ),
}  # fmt: skip
# One such thing, then a comma and its name: "an outside firm, Baker Tilly", "the lender, Crestline".
_KIND_OF_FIRM = frozenset(
    {
        "company", "firm", "bank", "lender", "insurer", "retailer", "startup", "start-up",
        "nonprofit", "charity", "agency", "consultancy", "chain", "carmaker", "automaker",
        "airline", "studio", "publisher", "broadcaster", "manufacturer", "supplier",
        "contractor", "subsidiary", "conglomerate", "developer", "utility",
    }
)  # fmt: skip
# Left out: "players" and "owners", people on a sports page and firms in business news.
_LINKS = frozenset({"such", "as", "like", "including", "include", "includes", "especially"})
_LIST_WORDS = frozenset({",", "and", "or", "also", "&", "as", "well"})


def category_votes(doc: Doc, start: int) -> Votes:
    """Votes for the name starting at token `start` from a category noun before its list."""
    votes = Votes()
    if doc[start].ent_type_ == "NORP":
        return votes  # "towns including Marathon, Greek authorities said": a people, no member
    if start >= 2 and doc[start - 1].text == ",":
        noun = doc[start - 2]
        if noun.lower_ in _KIND_OF_FIRM and noun.text.islower() and noun.pos_ == "NOUN":
            votes["ORGANIZATION"] += CATEGORY_WEIGHT
            return votes
    i = start - 1
    floor = max(0, start - _LOOK_BACK)
    while i >= floor:
        token = doc[i]
        if token.lower_ in _LIST_WORDS or (token.ent_type_ and token.text[:1].isupper()):
            i -= 1
            continue
        if token.text[:1].isupper() and token.pos_ == "PROPN":
            i -= 1  # a name of the list the model did not tag
            continue
        break
    while i >= floor and doc[i].lower_ in _LINKS:
        i -= 1
    if i >= floor:
        noun = doc[i]
        kind = CATEGORY_NOUNS.get(noun.lower_)
        if kind is not None and noun.text.islower() and noun.pos_ == "NOUN":
            votes[kind] += CATEGORY_WEIGHT
    return votes


# People who work somewhere, before "at", "of" or "from" and a name: the name is their employer.
_STAFF_NOUNS = frozenset(
    {
        "analyst", "analysts", "economist", "economists", "researcher", "researchers",
        "scientist", "scientists", "official", "officials", "executive", "executives",
        "employee", "employees", "worker", "workers", "engineer", "engineers", "spokesman",
        "spokeswoman", "spokesperson", "strategist", "strategists", "trader", "traders",
        "director", "directors", "professor", "professors", "lawyer", "lawyers", "partner",
        "partners", "reporter", "reporters", "editor", "editors", "staff", "staffers", "ceo",
        "chairman", "chairwoman", "founder", "co-founder", "head", "manager", "managers",
        "developer", "developers", "designer", "designers", "consultant", "consultants",
        "investors", "shareholders", "members", "leaders", "boss", "chief", "president",
    }
)  # fmt: skip
# ... and people who work or study "at" a name (a student "from" a town comes from it).
_AT_NOUNS = _STAFF_NOUNS | frozenset(
    {
        "technician", "technicians", "specialist", "specialists", "lecturer", "lecturers",
        "instructor", "instructors", "teacher", "teachers", "student", "students", "fellow",
        "curator", "curators", "librarian", "librarians", "volunteer", "volunteers",
    }
)  # fmt: skip
EMPLOYER_WEIGHT = 2.0
EMPLOYER_AT_WEIGHT = 3.5  # "a technician at Voltcheck in Denver": outweighs the model's place


def employer_votes(doc: Doc, start: int, end: int) -> Votes:
    """ "Analysts at Morgan Stanley", "the head of Fundamental Research at Kotak Securities",
    "Jefferies analyst Tom Okafor": the name of the tokens `start:end` employs someone."""
    from tui.nlp.knowledge.places import place_kind

    votes = Votes()
    if start >= 2 and doc[start - 1].lower_ in ("at", "of", "from", "with"):
        noun, at = doc[start - 2], doc[start - 1].lower_ == "at"
        lower = noun.text.islower() or (noun.is_sent_start and noun.text[1:].islower())
        if lower and noun.lower_ in (_AT_NOUNS if at else _STAFF_NOUNS):  # "Analysts at X said"
            votes["ORGANIZATION"] += EMPLOYER_AT_WEIGHT if at else EMPLOYER_WEIGHT
    if (
        end + 1 < len(doc)
        and doc[end].lower_ in _HIRED_TITLES
        and doc[end].text.islower()
        and doc[end + 1].ent_type_ == "PERSON"
        and place_kind(doc[start:end].text) is None  # "a Texas analyst, Jo Lee": a home
    ):
        votes["ORGANIZATION"] += EMPLOYER_WEIGHT
    return votes


# Job titles a firm's name comes right before ("Jefferies analyst Tom Okafor").
_HIRED_TITLES = frozenset(
    {"analyst", "analysts", "strategist", "strategists", "spokesman", "spokeswoman"}
    | {"spokesperson", "economist", "economists"}
)


APPOSITION_WEIGHT = 3.0
# The head noun of an apposition that says what a name is: "Veyra, a Brooklyn startup that ...".
APPOSITION_NOUNS: dict[str, str] = {
    **dict.fromkeys(
        (
            "company", "firm", "startup", "start-up", "maker", "retailer", "bank", "lender",
            "insurer", "chain", "carmaker", "automaker", "airline", "studio", "publisher",
            "broadcaster", "conglomerate", "manufacturer", "provider", "operator", "nonprofit",
            "charity", "subsidiary", "supplier", "distributor", "developer", "utility", "brewer",
            "chipmaker", "drugmaker", "toymaker", "planemaker", "steelmaker", "grocer",
        ),
        "ORGANIZATION",
    ),
    **dict.fromkeys(
        (
            "city", "town", "village", "suburb", "neighborhood", "neighbourhood", "county",
            "province", "island", "municipality", "hamlet", "borough", "port",
        ),
        "PLACE",
    ),
    **dict.fromkeys(
        (
            "drug", "medicine", "pill", "vaccine", "treatment", "therapy", "app", "device",
            "phone", "smartphone", "tablet", "car", "truck", "film", "movie", "documentary",
            "book", "novel", "memoir", "album", "song", "single", "show", "series", "podcast",
            "game", "ship", "vessel", "aircraft", "jet", "rocket", "satellite", "software",
            "program", "tool",
        ),
        "OTHER",
    ),
}  # fmt: skip
_APPOSITION_ARTICLES = frozenset({"a", "an", "the"})
_KIND_DETERMINERS = frozenset({"the", "its", "their", "his", "her", "a", "an", "this"})


# Possessors that only give a ranking's scope: "the country's largest bank", "the world's No. 2".
_SCOPES = frozenset(
    {"country", "nation", "world", "region", "state", "city", "island", "continent", "industry"}
)


def apposition_votes(doc: Doc, end: int) -> Votes:
    """Votes from ", a <words> <noun>" right after the name that ends before token `end`: the noun
    the apposition is headed by says what the name is ("Veyra, a Brooklyn startup that ...",
    "Ashby, a town of 5,000"). A possessive ("the company's chief") heads nothing here."""
    votes = Votes()
    if (
        end + 2 >= len(doc)
        or doc[end].text != ","
        or doc[end + 1].lower_ not in _APPOSITION_ARTICLES
    ):
        return votes
    head = None
    for token in doc[end + 2 : end + 9]:
        if token.tag_ == "POS":
            if doc[token.i - 1].lower_ in _SCOPES:
                head = None  # "the country's largest maker": the scope, then the head to come
                continue
            return votes
        if token.pos_ not in ("ADJ", "NOUN", "PROPN", "NUM") and token.text != "-":
            break
        if token.pos_ == "NOUN":
            head = token
    if head is not None and head.text.islower() and (kind := APPOSITION_NOUNS.get(head.lower_)):
        votes[kind] += APPOSITION_WEIGHT
    return votes


def _kind_phrase(doc: Doc, kind_at: int) -> bool:
    """The kind noun at `kind_at` heads a phrase that labels the name after it: "the carmaker",
    "buy snack maker", "German carmaker", "the popular note-taking app"."""
    i, modified = kind_at - 1, False
    while i >= max(0, kind_at - 6):
        word = doc[i]
        if word.lower_ in _APPOSITION_ARTICLES:
            return True
        hyphened = i > 0 and doc[i - 1].text == "-"
        if (
            word.text == "-"
            or word.ent_type_ == "NORP"
            or (
                word.text.islower()
                and (word.pos_ in ("NOUN", "ADJ") or (word.pos_ == "VERB" and hyphened))
            )
        ):
            modified = True
            i -= 1
            continue
        break
    return modified


def kind_before_votes(doc: Doc, start: int, end: int) -> Votes:
    """Votes from "the drug, Zurzuvae," : a kind noun, a comma, the name, a comma; the name is a
    thing of that kind (only the OTHER kinds: "the mayor, X," is a title's job). And from a kind
    of firm right before the name: "the payroll provider Zellis" is a firm."""
    votes = Votes()
    before = doc[start - 1] if start >= 2 else None
    kind = APPOSITION_NOUNS.get(before.lower_) if before is not None else None
    if (
        before is not None
        and kind in ("ORGANIZATION", "OTHER")
        and before.pos_ == "NOUN"
        and before.text.islower()
        and _kind_phrase(doc, start - 1)  # "buy snack maker Crispwell", "German carmaker X"
    ):
        # "the payroll provider Zellis" is a firm, "the note-taking app Quillpad" a product
        votes[kind] += APPOSITION_WEIGHT
        return votes
    if start < 3 or end >= len(doc) or doc[start - 1].text != "," or doc[end].text != ",":
        return votes
    noun = doc[start - 2]
    kind = APPOSITION_NOUNS.get(noun.lower_)
    if kind == "OTHER" and noun.pos_ == "NOUN" and doc[start - 3].lower_ in _KIND_DETERMINERS:
        votes[kind] += APPOSITION_WEIGHT
    return votes
