"""Quotations dated by their attribution: in "“We vote tomorrow,” she said Monday." the "tomorrow" is
Tuesday, the day after she spoke, not the day after the story was published.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from tui.calendar_words import month_number
from tui.nlp import timex_calendar as cal
from tui.nlp.timex_patterns import (
    DAY,
    MONTH,
    WEEKDAY,
    YEAR,
    day_number,
    weekday_number,
)

# Rules whose value counts from "now": inside a dated quotation, now is when it was said.
RELATIVE_RULES = {"relative_day", "weekday", "relative_unit", "weekend", "in_count", "ago"}

_QUOTE = re.compile(r"“[^“”]{3,}”|\"[^\"]{3,}\"")
_SPEECH = r"(?:said|says|told(?:\s+\w+){0,3}?|wrote|tweeted|posted|added|announced|stated)"
# What may stand between the quotation and its verb: ", the mayor said", ", she told reporters".
_WHO = r"[,.!?]?[”\"]?\s*(?:[\w.'’-]+\s+){0,5}?"
_WHEN = (
    rf"(?:(?i:on)\s+)?(?:(?P<wd>{WEEKDAY})|(?P<mon>{MONTH})\s+(?P<d>{DAY})(?:,?\s+(?P<y>{YEAR}))?"
    r"|(?P<yest>(?i:yesterday)))(?![\w-])"
)
_AFTER = re.compile(rf"{_WHO}{_SPEECH}\s+{_WHEN}")
_BEFORE = re.compile(rf"{_WHEN},?\s+(?:[\w.'’-]+\s+){{0,5}}?{_SPEECH}[^“\"]{{0,20}}[:,]?\s*$")


def _day(m: re.Match[str], anchor: date) -> date | None:
    """The day an attribution names, looking back from the story (speech is reported after it)."""
    if m["wd"]:
        return cal.weekday_date(anchor, weekday_number(m["wd"]), "past")
    if m["yest"]:
        return anchor - timedelta(days=1)
    month, day = month_number(m["mon"]), day_number(m["d"])
    year = int(m["y"]) if m["y"] else cal.pick_year(anchor, month, day, cal.PAST)
    return cal.safe_date(year, month, day)


def quote_days(text: str, anchor: date | None) -> list[tuple[int, int, date]]:
    """(start, end, day) of each quotation in `text` whose attribution says on which day."""
    if anchor is None:
        return []
    out = []
    for q in _QUOTE.finditer(text):
        m = _AFTER.match(text, q.end()) or _BEFORE.search(text, max(0, q.start() - 80), q.start())
        try:
            day = _day(m, anchor) if m else None
        except (OverflowError, ValueError):
            day = None  # "said Monday" seen from 0001-01-01: no calendar day before it
        if day is not None and day != anchor:
            out.append((q.start(), q.end(), day))
    return out
