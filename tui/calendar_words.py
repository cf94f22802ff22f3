"""The calendar's words, shared by the two grammars that read dates: the page's own date
(`tui.ingest.text_meta`, `tui.ingest.html_date`) and the timeline's (`tui.nlp.timex_patterns`).

Below every layer (ingest and nlp, side by side, never import each other): one list of month names
and their numbers, whatever shape of date each grammar accepts around them.
"""

from __future__ import annotations

MONTH_NUMBER: dict[str, int] = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
"""A month by the first three letters of its name or abbreviation, lower-cased."""

MONTH_NAME = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
"""A month's name or abbreviation as written in English ("Sept", "August"), without a dot."""


def month_number(word: str) -> int:
    """The month a name or abbreviation ("Sept.", "August", "aug") stands for; KeyError if none."""
    return MONTH_NUMBER[word.lower()[:3]]
