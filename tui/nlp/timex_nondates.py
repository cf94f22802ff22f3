"""Numbers and words that look like dates but, in their sentence, are not: counts, names, amounts.

These checks need the parse (spaCy's tags and entity labels), so they live apart from the grammar.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from tui.nlp.doc_text import text_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# Before a number and a plural noun, these make the number a year: "the 1992 protests".
_YEAR_DETERMINERS = {"the", "its", "their", "his", "her", "our", "this", "that", "-", "post", "pre"}
_YEAR_PREPOSITIONS = {
    "in",
    "since",
    "by",
    "until",
    "from",
    "before",
    "after",
    "during",
    "for",
    "of",
}
# Entity labels under which a four-digit number is a count, not a year.
_NOT_YEAR_LABELS = {"MONEY", "PERCENT", "QUANTITY", "ORDINAL"}
# Words after which a number is a score, a code or a rank, not a year.
_NUMBER_BEFORE = re.compile(
    r"(?i:\b(?:scores?|scored|rating|rated|total(?:led|ed)?|tally|No\.|number|#|version|room|"
    r"flight|route|page|pages|chapter|section|article|item|level|grade|code|model|serial|"
    r"ranked|ranking|seeded|lot|unit|suite|apt\.|apartment|exit|gate|bus|line|channel)"
    r"(?:\s+of)?\s*)$"
)
# A number right after a kind of work, or alone in quotation marks, is its title.
_WORK_BEFORE = re.compile(
    r"(?i:\b(?:film|movie|album|song|novel|book|documentary|musical|play|single|title)\s*"
    r"[“\"'‘]?)$"
)
_QUOTES = set("\"“”'‘’")
# A number before a street name is a house number ("4411 Birch Rd.", "1600 Pennsylvania Avenue").
_ADDRESS_AFTER = re.compile(
    r"\s+(?:[NSEW]\.?\s+)?(?:[A-Z][\w'-]*\.?\s+){1,3}"
    r"(?:St|Street|Rd|Road|Ave|Avenue|Blvd|Boulevard|Lane|Ln|Drive|Dr|Way|Court|Ct|Place|Pl|"
    r"Highway|Hwy|Parkway|Pkwy|Terrace|Circle|Square|Trail|Pike|Plaza)\b"
)
# A number before "x 1440" or a unit is a size or an amount.
_MEASURE_AFTER = re.compile(
    r"\s*(?:[x×]\s*\d|-?by-?\s*\d{3,4}\b)|\s+(?:pixels|px|mAh|rpm|horsepower|hp|watts|mph|km/h|calories|"
    r"yards|feet|ft|meters|metres|miles|kilometers|kilometres|km|kg|pounds|lbs|tons|tonnes|"
    r"acres|hectares|votes|points)\b"
)
_DESIGNATION_AFTER = re.compile(r"\s(?!Q[1-4]\b|H[12]\b)[A-Z]{1,2}\d{1,4}\b")  # not "2019 Q3"
_BY_DIGITS = re.compile(r"\d\s+by\s+$")
# A year after a place names an event held there ("Tokyo 2020"), which dates it.
_PLACE_LABELS = {"GPE", "LOC", "FAC", "NORP", "EVENT"}
_DATE_NOUNS = {
    "budget",
    "election",
    "elections",
    "olympics",
    "games",
    "season",
    "levels",
    "figures",
    "results",
    "earnings",
    "sales",
    "talks",
    "protests",
    "riots",
    "attacks",
}


def is_count(doc: Doc, span: Span) -> bool:
    """A bare four-digit number that spaCy reads as a count or an amount ("2000 troops", "$1999")."""
    if len(span) != 1:
        return False
    token = span[0]
    if token.ent_type_ in _NOT_YEAR_LABELS:
        return True
    nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
    prev = doc[token.i - 1] if token.i > 0 else None
    before = text_of(doc)[max(0, token.idx - 30) : token.idx]
    after = text_of(doc)[token.idx + len(token.text) : token.idx + len(token.text) + 40]
    if _NUMBER_BEFORE.search(before) or _ADDRESS_AFTER.match(after):
        return True  # "a score of 1290", "No. 1984", "4411 Birch Rd."
    if _WORK_BEFORE.search(before) or (before[-1:] in _QUOTES and after[:1] in _QUOTES):
        return True  # the film "1917", the album 1989: a title
    if _MEASURE_AFTER.match(after) and (
        not (prev is not None and prev.lower_ in _YEAR_PREPOSITIONS) or _BY_DIGITS.search(before)
    ):
        return True  # "2560 x 1440", "2560 by 1920 pixels"; not "fell in 2018 by 1200 points"
    if _DESIGNATION_AFTER.match(after):
        return True  # "the asteroid 2019 WK4": a designation that starts with its year
    if _MODEL_YEARS_AFTER.match(after) or _is_model_year(doc, token):
        return True  # "the 2024 Camry", "the 2021 through 2024 model years": a product's model
    if prev is not None and prev.lower_ in _YEAR_DETERMINERS:
        return False  # "the 1992 protests", "post-1959 politics"
    if (
        prev is not None
        and doc.has_annotation("ENT_IOB")
        and prev.is_title
        and prev.is_sent_start is False
        and prev.lower_ not in _YEAR_PREPOSITIONS
        and prev.ent_type_ != "DATE"
        and token.ent_type_ not in ("DATE", "EVENT")
    ):
        return True  # a name that ends in a number: "a venture called Orion 1980", "Windows 2000"
    if (
        prev is not None
        and token.dep_ == "nummod"
        and token.head.i == prev.i
        and prev.pos_ == "PROPN"
        and prev.ent_type_ not in _PLACE_LABELS
    ):
        return True  # the number of a title, even one spaCy calls a date: "Football Manager 2020"
    return bool(
        nxt is not None
        and nxt.tag_ == "NNS"
        and nxt.lower_ not in _DATE_NOUNS
        and token.ent_type_ not in ("DATE", "EVENT")
        and token.head.i == nxt.i
    )


def _is_model_year(doc: Doc, token: Token) -> bool:
    """A year that names a product's model: "the 2020 Ford Explorer", "a 2026 Harbourline".

    Not when the name is an event's, a law's or an agreement's: "the 1998 Nagano Olympics" and
    "the 2003 Iraq War" are dated by it.
    """
    head = token.head
    if token.dep_ == "nummod" and head.i > token.i and head.lower_ in _VEHICLE_NOUNS:
        # "its 2024 Ranger pickup", "a 2019 sedan": a model year before the kind of vehicle
        return all(t.pos_ in ("PROPN", "NOUN", "ADJ") for t in doc[token.i + 1 : head.i])
    if token.dep_ != "nummod" or head.i <= token.i or head.pos_ != "PROPN":
        return False
    if head.ent_type_ in _PLACE_LABELS:
        return False
    end = head.i + 1
    while end < len(doc) and (doc[end].is_title or doc[end].lower_ in _NAME_JOINERS):
        end += 1
    words = {t.lower_ for t in doc[token.i + 1 : end]}
    if words & _EVENT_WORDS:
        return False
    return all(t.pos_ == "PROPN" for t in doc[token.i + 1 : head.i + 1])


# "2021-2024 model years", "the 2021 through 2024 model-year vehicles"
_MODEL_YEARS_AFTER = re.compile(
    r"(?i:(?:\s*(?:-|–|through|to|and|,)\s*(?:\d{4}|'\d\d))*\s+model[\s-]years?\b)"
)
_NAME_JOINERS = {"of", "to", "for", "the", "and", "de"}
_VEHICLE_NOUNS = {
    "model",
    "models",
    "pickup",
    "truck",
    "sedan",
    "suv",
    "coupe",
    "hatchback",
    "minivan",
    "convertible",
    "crossover",
    "motorcycle",
    "wagon",
    "roadster",
}
# Head words of names that a year dates: events, wars, laws, agreements, prizes.
_EVENT_WORDS = {
    "olympics",
    "olympic",
    "games",
    "cup",
    "championship",
    "championships",
    "open",
    "series",
    "summit",
    "conference",
    "convention",
    "festival",
    "awards",
    "prize",
    "election",
    "elections",
    "primary",
    "primaries",
    "caucus",
    "caucuses",
    "census",
    "campaign",
    "marathon",
    "tour",
    "expo",
    "fair",
    "show",
    "draft",
    "classic",
    "bowl",
    "derby",
    "final",
    "finals",
    "playoffs",
    "war",
    "revolution",
    "uprising",
    "crisis",
    "act",
    "law",
    "treaty",
    "accord",
    "accords",
    "agreement",
    "protocol",
    "deal",
    "budget",
    "report",
    "spring",
    "hurricane",
    "typhoon",
    "cyclone",
    "storm",
    "earthquake",
    "fire",
    "flood",
    "attack",
    "attacks",
    "bombing",
    "massacre",
    "shooting",
    "riot",
    "riots",
    "scandal",
    "strike",
    "rally",
    "march",
    "prix",
}


def is_modifier(span: Span) -> bool:
    """A name used before a noun, as a kind of thing: "Black Friday deals", "Saturday editions"."""
    last = span[-1]
    head = last.head
    return (
        last.dep_ in ("compound", "nmod", "amod")
        and head.i == last.i + 1
        and head.pos_ == "NOUN"
        and head.lower_ not in _TIME_NOUNS
        and not any(t.dep_ in ("det", "poss") and t.i < span.start for t in head.children)
    )


# Nouns after a day's name that keep it a day: "Monday night", "the Friday deadline".
_TIME_NOUNS = {
    "night",
    "morning",
    "afternoon",
    "evening",
    "deadline",
    "weekend",
    "holiday",
}


def is_stamp(text: str) -> bool:
    """A paragraph that is only a time stamp and a byline: "Updated 5:45 AM PST 11/19/2019 by X"."""
    from tui.nlp.timex_patterns import find_all  # the grammar imports nothing from here

    if len(text) > 120 or "(@" in text:
        return False  # an embedded post's signature ("— Name (@handle) Nov. 15, 2019") is content
    found = find_all(text)
    if not found or not (_BYLINE.search(text) or _STAMP_CUE.search(text)):
        return False  # a date alone may head a chronology's section
    pieces, at = [], 0
    for start, end, _, _ in found:
        pieces.append(text[at:start])
        at = end
    pieces.append(text[at:])
    rest = _STAMP_WORDS.sub(" ", _BYLINE.sub(" ", " ".join(pieces)))
    return not re.search(r"[A-Za-z]", rest)


_BYLINE = re.compile(r"\b(?i:by)\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}")
_STAMP_CUE = re.compile(r"(?i)\b(?:updated|published|posted|modified)\b|\d:\d\d")
_STAMP_WORDS = re.compile(
    r"(?i)\b(?:updated|published|posted|last|first|modified|on|at|am|pm|a\.m|p\.m|"
    r"et|est|edt|ct|cst|cdt|pt|pst|pdt|gmt|utc|bst|cet)\b"
)


# Words of a game being played: quarters and halves in their sentences are periods of play.
_SPORTS_CUES = re.compile(
    r"(?i)\b(?:half-?time|touchdowns?|field\s+goals?|free[\s-]throws?|rebounds?|assists|"
    r"quarterbacks?|innings?|overtime|dunk(?:s|ed)?|fouls?|fouled|layups?|three-pointers?|"
    r"interceptions?|(?:rushing|passing)\s+yards|goalkeeper|penalty\s+kicks?|hat[\s-]trick|"
    r"scor(?:ed|ing)\s+\d+\s+points|points\s+in\s+the|tipoff|buzzer|power\s+play|"
    r"NBA|NFL|NHL|WNBA|the\s+court|the\s+field|the\s+lead|led\s+\d+-\d+|\d{1,3}-\d{1,3}\s+lead)\b"
)
# Words of money reports: there a quarter is three months of the calendar (or of a fiscal year).
_FINANCE_CUES = re.compile(
    r"(?i)\b(?:revenues?|earnings|profits?|net\s+income|(?:per|a)\s+share|sales|fiscal|"
    r"quarterly|analysts?|shareholders|dividends?|results|growth|GDP|economy|forecast|"
    r"million|billion)\b"
)


class ArticleCues:
    """What the whole article is about, where a single sentence does not tell (a game or money)."""

    def __init__(self, texts: list[str]) -> None:
        joined = "\n".join(texts)
        self.sports = len(_SPORTS_CUES.findall(joined))
        self.finance = len(_FINANCE_CUES.findall(joined))

    def is_game_period(self, sentence: str) -> bool:
        """A yearless "the third quarter" in a game story: a period of play, not of the calendar."""
        if _FINANCE_CUES.search(sentence):
            return False
        return bool(_SPORTS_CUES.search(sentence)) or self.sports > max(2, self.finance)
