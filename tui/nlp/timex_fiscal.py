"""The article memory behind relative dates, and the quarters of financial stories.

`Memory` keeps what a `Resolver` has already said ("the same day" needs the day just mentioned);
`FiscalRules` values quarters and the year-ago periods that earnings reports compare against.
"""

from __future__ import annotations

import re
from datetime import date

from tui.calendar_words import month_number
from tui.nlp import timex_calendar as cal
from tui.nlp.timex_patterns import ORDINAL_NUMBER

Value = tuple[str, str]  # (TimeML value, granularity)

# An amount or a comparison just before "a year ago" makes it the year-ago period of the figures.
_COMPARED_BEFORE = re.compile(
    r"(?i:[$£€%]|\bcents?\b|\bpence\b|\bshare,?\s*$|\b(?:compared\s+with|than|from|versus|vs\.)"
    r"\s+(?:an?\s+|the\s+)?$|\d,?\s*$)"
)


def word_before(m: re.Match[str], width: int = 20) -> str:
    """The `width` characters of text just before a match."""
    return m.string[max(0, m.start() - width) : m.start()]


# A quarter's figures come out after it ends: "will report second-quarter sales on Tuesday".
_RESULTS_AFTER = re.compile(
    r"(?i:[\s-]+(?:(?:financial|earnings|operating|net)\s+)?(?:results|earnings|sales|profits?|"
    r"revenues?|losses|numbers|figures))\b"
)
_RESULTS_SEASON_AFTER = re.compile(r"(?i:[\s-]+(?:results|earnings|reporting)\s+season)\b")
# The end of a sentence: a stop and a space, not after an abbreviation ("Jan. 1", "Mr. Hale").
_STOP = re.compile(r"(?P<word>[\w.]*)[.?!]\s")
_ABBREVIATIONS = {
    *["jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"],
    *[
        "mr",
        "mrs",
        "ms",
        "dr",
        "st",
        "sen",
        "rep",
        "gov",
        "gen",
        "lt",
        "col",
        "sgt",
        "capt",
        "jr",
        "sr",
        "inc",
        "corp",
        "co",
        "ltd",
        "no",
        "vs",
        "mt",
        "ft",
    ],
}


def sentence_before(m: re.Match[str], width: int = 60) -> str:
    """The text just before a match, cut at the start of its sentence."""
    text = m.string[max(0, m.start() - width) : m.start()]
    cut = 0
    for stop in _STOP.finditer(text):
        word = stop["word"].lower()
        if word not in _ABBREVIATIONS and not re.fullmatch(r"(?:[a-z]\.)*[a-z]", word):
            cut = stop.end()  # not "U.S." or "J." either
    return text[cut:]


class Memory:
    """The publication date and the values already given in one article."""

    def __init__(self, anchor: date | None) -> None:
        self.anchor = anchor
        self.said: list[Value] = []
        self.done = False  # the expression being resolved dates a past verb (`cal.DONE`)
        self.scheduled = False  # ... or a present verb of a planned thing (`cal.SCHEDULED`)
        self.coming_year: int | None = None  # a later year its sentence has already named
        # The day each bare weekday was given: a later "Saturday" told in the present is that one.
        self.weekdays: dict[tuple[date, int], str] = {}
        # The quarter a financial story is about: "the quarter" and "a year ago" are read against it.
        self.focus_quarter: tuple[int, int] | None = None

    # --- what was just mentioned -------------------------------------------------------------
    def _last(self, granularities: tuple[str, ...]) -> str | None:
        for value, gran in reversed(self.said):
            if gran in granularities:
                return value
        return None

    def _ref_day(self) -> date | None:
        value = self._last(("day",))
        return date.fromisoformat(value) if value else None

    def _ref_year(self) -> int | None:
        value = self._last(("day", "week", "month", "quarter", "season", "year"))
        return int(value[:4]) if value else None

    def _ref_month(self) -> tuple[int, int] | None:
        value = self._last(("day", "month"))
        return (int(value[:4]), int(value[5:7])) if value else None

    def _ref_quarter(self) -> tuple[int, int] | None:
        """The quarter just mentioned, else (in a financial story) the last quarter completed."""
        if self.focus_quarter is not None:
            return self.focus_quarter
        if self.anchor is None:
            return None
        return cal.shift_quarter(*cal.quarter_of(self.anchor), -1)


class FiscalRules(Memory):
    """Quarters ("the third quarter", "the year-ago period") read against the story's focus quarter."""

    def _r_quarter(self, m: re.Match[str], tense: str) -> Value | None:
        return self._quarter(ORDINAL_NUMBER[m["q"].lower()], m, tense)

    def _r_q_quarter(self, m: re.Match[str], tense: str) -> Value | None:
        return self._quarter(int(m["q"]), m, tense)

    def _quarter(self, quarter: int, m: re.Match[str], tense: str) -> Value | None:
        if _RESULTS_SEASON_AFTER.match(m.string, m.end()):
            return None  # "the Q2 results season": a season of reports, as a sports season is
        groups = m.groupdict()
        year_text = groups.get("y1") or groups.get("y2")
        if groups.get("ys"):
            year_text = f"20{groups['ys']}"  # "Q1'20"
        if year_text:
            self.focus_quarter = (int(year_text), quarter)
            return cal.quarter_value(int(year_text), quarter), "quarter"
        if self.anchor is None:
            return None
        a_year, a_quarter = cal.quarter_of(self.anchor)
        rel = " ".join((groups.get("rel") or "").lower().split())
        if groups.get("yrel"):
            rel = {"this": "this", "last": "last year's", "next": "next year's"}[m["yrel"].lower()]
        if rel in ("last year's",):
            year = a_year - 1
        elif rel in ("next year's",):
            year = a_year + 1
        elif rel == "last":
            year = a_year if quarter < a_quarter else a_year - 1
        elif rel == "next":
            year = a_year if quarter > a_quarter else a_year + 1
        elif rel in ("this", "this year's"):
            year = a_year
        elif _RESULTS_AFTER.match(m.string, m.end()):
            year = a_year - 1 if quarter > a_quarter else a_year  # never a quarter to come
        elif quarter < a_quarter - 1 and tense == cal.FUTURE:
            # "into the first quarter" said in October: the next one (but not the quarter just
            # over, whose figures are still to come: "will report a loss for the third quarter")
            year = a_year + 1
        else:
            year = a_year - 1 if quarter > a_quarter and tense == cal.PAST else a_year
        self.focus_quarter = (year, quarter)
        return cal.quarter_value(year, quarter), "quarter"

    def _r_rel_quarter(self, m: re.Match[str], tense: str) -> Value | None:
        if self.anchor is None:
            return None
        by = -1 if m["rel"].lower() == "last" else 1
        return cal.quarter_value(*cal.shift_quarter(*cal.quarter_of(self.anchor), by)), "quarter"

    def _r_month_quarter(self, m: re.Match[str], tense: str) -> Value | None:
        month = month_number(m["mon"])
        if m["y"]:
            year = int(m["y"])
        elif self.anchor is None:
            return None
        else:  # the latest such quarter over (or, looking ahead, the next one)
            ahead = (month, 28) > (self.anchor.month, self.anchor.day)
            year = self.anchor.year - (1 if ahead and tense != cal.FUTURE else 0)
            if not ahead and tense == cal.FUTURE:
                year += 1
        self.focus_quarter = (year, (month - 1) // 3 + 1)
        return cal.quarter_value(*self.focus_quarter), "quarter"

    def _r_quarter_ref(self, m: re.Match[str], tense: str) -> Value | None:
        mod = " ".join((m["mod"] or "").lower().split())
        det = m.group(0).split()[0].lower()
        unit = m["unit"].lower()
        latest = mod in ("latest", "most recent", "just-ended", "just ended")
        if unit == "period" and not latest and not (self._last(("quarter",)) and (mod or m["y"])):
            return None
        if self.anchor is None:
            return None
        ref = self._ref_quarter()
        if ref is None:
            return None
        if m["y"] and unit == "period":
            return m["y"], "year"  # "the 1988 period": that year's results, however long
        if m["ago"]:  # "the same period last year", "the corresponding quarter a year ago"
            return cal.quarter_value(*cal.shift_quarter(*ref, -4)), "quarter"
        if m["y"]:
            return cal.quarter_value(int(m["y"]), ref[1]), "quarter"
        if det == "this" and not mod and self.focus_quarter is not None:
            year, quarter = self.focus_quarter  # "This quarter's loss": the quarter reported on
        elif mod == "current" or (det == "this" and not mod):
            year, quarter = self.focus_quarter = cal.quarter_of(self.anchor)
        elif "year-ago" in mod or "year-earlier" in mod or "comparable" in mod or det == "last":
            year, quarter = cal.shift_quarter(*ref, -4)
        elif mod in ("previous", "prior"):
            year, quarter = cal.shift_quarter(*ref, -1)
        elif latest or mod == "recent":
            # the last quarter completed before publication, whatever the story said before
            year, quarter = self.focus_quarter = cal.shift_quarter(*cal.quarter_of(self.anchor), -1)
        else:
            year, quarter = self.focus_quarter = ref
        return cal.quarter_value(year, quarter), "quarter"

    def _r_year_ago_adj(self, m: re.Match[str], tense: str) -> Value | None:
        after_quarter = bool(self.said) and self.said[-1][1] == "quarter"
        if self.focus_quarter is not None and (
            after_quarter or _COMPARED_BEFORE.search(sentence_before(m))
        ):
            # "$1.2 million, or 14 cents a share, a year ago": the same quarter a year before
            return cal.quarter_value(*cal.shift_quarter(*self.focus_quarter, -4)), "quarter"
        if self.anchor is None:
            return None
        return cal.year_value(self.anchor.year - 1), "year"
