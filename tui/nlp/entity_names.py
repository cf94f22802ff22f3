"""Names as written: the key two mentions share, a span's text cleaned into a name, and junk.

`name_key` folds case, apostrophes and initials' dots so "U.S." and "US" are one name;
`clean_name` drops a leading article, honorific, possessive and wrapping punctuation; `is_junk`
refuses what is never an entity's name (numbers, fragments, lowercase words, diseases, headline
words, plural abbreviations).
"""

from __future__ import annotations

import re

from tui.nlp.entity_lexicon import (
    DISEASE_HEADS,
    DISEASES,
    FIRM_SUFFIXES,
    HONORIFICS,
    NAME_PARTICLES,
    NOT_NAMES,
    NUMBERED_BODY,
    PLACE_LAST_WORDS,
    ROLE_ONLY,
    TECH_TERMS,
)
from tui.nlp.entity_spans import NUMBERED_NAMES

QUOTES_AND_PUNCT = "\"“”‘’'`«»()[]{},;:!?–—-•*|/\\"
POSSESSIVE = re.compile(r"(?:['’`]s|(?<=s)['’`])$", re.IGNORECASE)
LEADING_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
ORDINAL = re.compile(r"^\d+(?:st|nd|rd|th)$")
_JUNK_CHARS = re.compile(r"[@#<>=_\n\r\t]|https?:|www\.|\.com\b", re.IGNORECASE)
_PLURAL_ABBREVIATION = re.compile(r"^[A-Z]{2,5}s$")
_DIVISION = re.compile(
    r"^(?:North|South|East|West|Central|Atlantic|Pacific|Northeast|Northwest|Southeast|Southwest)"
    r"(?:ern)? (?:Division|Conference|Region)$"
)
_LOWER_PREFIX = re.compile(r"^(?:pro|anti|ex|non|neo|post|pre|un)-", re.IGNORECASE)
# Capitalised inside a name, these words show a headline ("Stadia Is Essentially A Beta").
_HEADLINE_WORDS = frozenset(
    {"is", "are", "was", "were", "be", "been", "a", "an", "to", "with", "this", "that", "it"}
    | {"you", "your", "we", "our", "my", "how", "why", "what", "has", "have", "will", "can"}
)


def name_key(name: str) -> str:
    """The form two names must share to be the same name: case, apostrophes and dots folded."""
    folded = name.casefold().replace("’", "'").replace("`", "'")
    if re.fullmatch(r"(?:[a-z]\.){2,}[a-z]?\.?", folded):
        folded = folded.replace(".", "")
    return re.sub(r"\s+", " ", folded).strip()


def clean_name(text: str) -> str:
    """A span's text without a leading article, honorific, possessive or wrapping punctuation."""
    name = re.sub(r"\s+", " ", text).strip().strip(QUOTES_AND_PUNCT).strip()
    while True:
        before = name
        name = LEADING_ARTICLE.sub("", name)
        first, _, rest = name.partition(" ")
        if rest and first.lower() in HONORIFICS:
            name = rest
        name = POSSESSIVE.sub("", name).strip().strip(QUOTES_AND_PUNCT).strip()
        if name == before:
            return name


def _has_upper(word: str) -> bool:
    return any(c.isupper() for c in word)


def is_junk(name: str) -> bool:
    """True for what is never an entity name: numbers, dates, fragments, lowercase, diseases."""
    letters = sum(c.isalpha() for c in name)
    digits = sum(c.isdigit() for c in name)
    key = name_key(name)
    words = key.split()
    if (
        (letters < 2 and not re.fullmatch(r"(?!Q[1-4]$)[A-Z]\d{1,2}", name))
        or digits > letters + 1
        or len(name) > 70
        or len(words) > 12
    ):
        return True
    if not any(c.isupper() for c in name) or _JUNK_CHARS.search(name):
        return True
    if re.fullmatch(r"[A-Z]{3,5}-\d{1,5}", name):
        return True  # "CVE-2023", "COVID-19": an identifier's or a disease's code
    if _PLURAL_ABBREVIATION.match(name) or _DIVISION.match(name):
        return True  # "CBs", "TDs"; "West Division"
    if name[0].islower() and _LOWER_PREFIX.match(name):
        return True
    parts = name.split()
    if any(
        not _has_upper(w)
        and w not in NAME_PARTICLES
        and not (w.isdigit() and i > 0 and parts[i - 1].lower() in NUMBERED_NAMES)
        and not (
            ORDINAL.match(w) and i + 1 < len(parts) and parts[i + 1].lower() in PLACE_LAST_WORDS
        )
        and not (ORDINAL.match(w) and NUMBERED_BODY.match(" ".join(parts[i + 1 :])))
        for i, w in enumerate(parts)
    ):
        return True
    if any(
        w in _HEADLINE_WORDS and not (w in ("a", "an") and words[i - 1] == "for")  # "for a Cause"
        for i, w in enumerate(words[1:], 1)
    ):
        return True
    if key in NOT_NAMES or key in DISEASES or key in ROLE_ONLY or key in HONORIFICS:
        return True
    if key in FIRM_SUFFIXES or key.rstrip(".") in FIRM_SUFFIXES:
        return True  # "Co." cut from "Boeing Co."
    if key in TECH_TERMS:
        return True  # "HDR", "LAN": terms, not names
    if words[-1].endswith("itis") or words[-1] in DISEASE_HEADS:
        return True
    return any(w in DISEASES for w in words) and len(words) <= 2
