"""Days that news names by their date alone: "9/11", "the Jan. 6 attack", "the Oct. 7 massacre".

Written without a year, such a date means the one famous day, not the latest Jan. 6: a reader
places "the Jan. 6 committee" in 2021 whenever the story was written. Only a date followed by a
word for its event counts ("the Jan. 6 committee", "Sept. 11 attacks"); "Jan. 6" alone is an
ordinary date. The table is world knowledge, kept short: days that stand for one event for years.
"""

from __future__ import annotations

import re
from datetime import date

# (month, day) -> the day, and the words after the date that make it the named one: words for
# the event itself, never ones a date of any year takes ("hearing", "deadline", "meeting").
_NAMED: dict[tuple[int, int], tuple[date, str]] = {
    (9, 11): (  # the attacks on New York and Washington
        date(2001, 9, 11),
        r"attacks?|terror(?:ist)?s?|terrorism|hijack(?:ers|ings)|commission|memorial|victims|"
        r"responders",
    ),
    (1, 6): (  # the attack on the US Capitol
        date(2021, 1, 6),
        r"attacks?|riots?|rioters|insurrection(?:ists)?|committee|panel|defendants|siege|mob",
    ),
    (10, 7): (  # the Hamas-led attack on Israel
        date(2023, 10, 7),
        r"attacks?|massacres?|assault|atrocities|hostages|invasion|incursion|raids?",
    ),
}
# Before the event word, an ordinal suffix, and at most one name: "the Jan. 6 Capitol riot".
_BETWEEN = r"(?:st|nd|rd|th)?,?\s+(?:[A-Z]\w+\s+)?"


def named_day(month: int, day: int, after: str, anchor: date | None) -> date | None:
    """The famous day a yearless date followed by `after` names, if the story is after it."""
    if (month, day) not in _NAMED or anchor is None:
        return None
    named, words = _NAMED[month, day]
    if anchor <= named or not re.match(rf"{_BETWEEN}(?i:{words})\b", after):
        return None
    return named


def nine_eleven(anchor: date | None) -> date | None:
    """ "9/11" (a date with no year, written as numbers) is the day of the 2001 attacks."""
    named = _NAMED[9, 11][0]
    return named if anchor is None or anchor > named else None
