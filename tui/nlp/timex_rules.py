"""Turn matched date expressions into TimeML calendar values, relative to the publication date.

A `Resolver` walks one article's expressions in order: it knows the anchor (publication date) and the
values it has already given, so "the same day", "that year" and "a year earlier" take the date just
mentioned, as TimeML annotators (and readers) do. This module holds the entry point and the dates
written out ("Aug. 9", "1999", "Christmas"); `timex_relative` the ones counted from now,
`timex_fiscal` the quarters.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from tui.calendar_words import month_number
from tui.nlp import timex_calendar as cal
from tui.nlp.timex_fiscal import Value, sentence_before, word_before
from tui.nlp.timex_holidays import NEEDS_CUE, holiday_in, holiday_key
from tui.nlp.timex_named_days import named_day, nine_eleven
from tui.nlp.timex_patterns import (
    DAY,
    DECADE_WORD,
    MONTH,
    SPOKEN_NUMBER,
    WEEKDAY,
    YEAR,
    day_number,
    weekday_number,
)
from tui.nlp.timex_relative import RelativeRules

# Words that make a bare number before them read as a year ("in 1848"), for years before 1900.
_YEAR_CUES = re.compile(
    r"(?i:\b(?:in|since|of|by|until|till|from|before|after|during|around|circa|c\.|early|late|"
    r"mid|year|the|to|and|fiscal)\s*)$"
)
_NAME_AFTER = re.compile(r"\s+[A-Z][a-z]+\b")
_MONTH_CUES = re.compile(
    r"(?i:\b(?:in|of|since|until|till|by|from|through|to|early|late|mid|during|before|after|"
    r"last|next|this|and|or|between|on)\s*-?\s*)$"
)
# Words before a holiday's name that point at its day: "on Easter", "for Diwali", "ahead of Eid".
_HOLIDAY_CUES = re.compile(
    r"(?i:\b(?:in|on|at|for|of|since|until|till|by|from|through|to|during|over|around|before|"
    r"after|ahead\s+of|and|or|between|celebrated|marked|observed)\s+(?:the\s+)?)$"
)
_HEDGE_BEFORE = re.compile(
    r"(?i:\b(?:about|around|roughly|nearly|almost|some|barely|approximately|over|"
    r"(?:more|less|fewer)\s+than|close\s+to|at\s+least|upwards\s+of)\s+)$"
)
_FREQUENCY_BEFORE = re.compile(r"(?i:\b(?:every|each|per)\s+)$")
_FREQUENCY_LIST_BEFORE = re.compile(
    rf"(?i:\b(?:every|each)\s+)(?:(?:{MONTH}|{WEEKDAY}),?\s+(?:(?i:and|or)\s+)?)+$"
)
_FIRST_DAY_BEFORE = re.compile(rf"(?P<mon>{MONTH})\s+{DAY},?\s*(?:and|or|to|through|-|–)\s*$")
# "on Nov. 3 last year", "Christmas next year": the year the words after the date give.
_REL_YEAR_AFTER = re.compile(r",?\s+(?P<rel>(?i:last|this|next))\s+year\b")
_REL_SHIFT = {"last": -1, "this": 0, "next": 1}
_PAIR_YEAR_AFTER = re.compile(rf"\s*(?:and|or|to|through|-|–)\s*{DAY},?\s+(?P<y>{YEAR})")
# Bond maturities and budget years label a security or a plan; they date no event.
_MATURITY_BEFORE = re.compile(
    r"(?i:\b(?:due|matur(?:e|es|ing|ity)|callable|budget\s+for|budget\s+year)(?:\s+in)?\s+)$"
)
_LABEL_AFTER = re.compile(
    r"(?:[-–/]\d{2,4})?\s+(?i:budgets?|bonds?|notes|debentures|Treasurys|Treasuries|"
    r"securities|maturities|budget\s+year|season|seasons|regular\s+season|preseason|postseason)\b"
)
_SPLIT_YEAR_AFTER = re.compile(r"[-–/](\d\d)(?![\d/-])")
# A work's title, then its publisher and year: '"Out There" (Grand Central Publishing, 2018)'.
_CITATION_BEFORE = re.compile(r"[”\"’]\s*\((?:[A-Z][\w.&'’-]*\s+){0,4}[A-Z][\w.&'’-]*,\s*$")
_COPYRIGHT_BEFORE = re.compile(r"(?:©|\((?i:c)\)|(?i:copyright))[^.;!?]{0,40}$")
_YEAR_IN_TEXT = re.compile(rf"(?<![\w$£€#.,/:-])({YEAR})(?![\d%]|,\d|\.\d|[A-Za-z-])")
# Figures about a month, out after it ends: "the December jobs report is due on Jan. 9".
_DATA_MONTH_AFTER = re.compile(
    r"\s+(?i:(?:jobs|employment|payrolls?|inflation|consumer[\s-]price|retail[\s-]sales|sales|"
    r"housing|trade|factory|manufacturing)\s+(?:report|data|figures|numbers|index|reading))\b"
)
_YEARLESS = {"month_day", "day_month", "month", "holiday"}
# A sentence that opens with its year sets it for the whole sentence: "In 2019, ... in August".
_OPENING_YEAR = re.compile(
    rf"^\s*(?:(?:In|By|During)\s+(?P<y>{YEAR})|(?P<rel>Last|Next|This past)\s+year)\s*,\s"
)
_RECURRING_AFTER = re.compile(
    r",?\s+(?i:(?:of\s+)?(?:each|every)\s+year|annually|yearly|each\s+spring|each\s+fall)\b"
)
_RECURRING_BEFORE = re.compile(
    r"(?i:\b(?:(?:each|every)\s+year|annually|yearly|annual|is\s+(?:observed|celebrated|marked)"
    r"|are\s+(?:observed|celebrated|marked))\s+(?:on|in)\s+)$"
)


_FISCAL_BEFORE = re.compile(r"(?i:\b(?:fiscal\s+year|fiscal|FY)\s*)$")
# "The fiscal year runs from July 1 to June 30", "its fiscal year ends in June": any year's.
_FISCAL_BOUNDS_BEFORE = re.compile(
    r"(?i:\bfiscal\s+years?\s+(?:runs|run|begins|begin|starts|start|ends|end|closes)\b)"
    r"[^;]{0,40}$"
)


def _is_recurring(m: re.Match[str]) -> bool:
    """A yearless date said to come back every year."""
    return bool(
        _RECURRING_AFTER.match(m.string, m.end())
        or _RECURRING_BEFORE.search(word_before(m, 40))
        or _FISCAL_BOUNDS_BEFORE.search(sentence_before(m, 80))
    )


def _sentence_year(m: re.Match[str], anchor: date | None, tense: str) -> int | None:
    """The one year written earlier in the sentence that a yearless date belongs to: a later one
    ("the 2020 tour ... June 9"), or an earlier one in a sentence about the past ("in the 2016
    campaign ... at a September 11 commemoration")."""
    if anchor is None:
        return None
    opening = _OPENING_YEAR.match(sentence_before(m, 400))
    if opening is not None and ";" not in opening.string:  # "Last year, Idalia hit in August"
        if opening["rel"]:
            return anchor.year + (1 if opening["rel"] == "Next" else -1)
        year = int(opening["y"])
        return year if 1800 <= year <= anchor.year + 50 else None
    before = sentence_before(m, 150)
    years = {
        int(y[1])
        for y in _YEAR_IN_TEXT.finditer(before)
        if not _MATURITY_BEFORE.search(before[max(0, y.start() - 30) : y.start()])
        and not _LABEL_AFTER.match(before, y.end())
    }  # not "notes due 2026 ... on Nov. 15": a maturity dates nothing the sentence tells
    if len(years) != 1:
        return None
    year = next(iter(years))
    if anchor.year < year <= anchor.year + 2:
        # not "to close at the end of 2026 in a restructuring announced in February": told as
        # done, the month is not the later year's
        return year if tense != cal.PAST else None
    # An earlier year counts only as the time of an event its clause is about ("the 2016
    # campaign"), not as a date of something else ("a program approved in 1987 ... Sept. 29").
    clause = re.split(r";|:\s", before)[-1]
    if tense != cal.PAST or not re.search(rf"\bthe {year} [a-z]", clause):
        return None
    return year if anchor.year - 30 < year < anchor.year else None


class Resolver(RelativeRules):
    """Gives each matched expression of one article its value; remembers what it gave."""

    # --- entry point --------------------------------------------------------------------------
    def resolve(self, rule: str, m: re.Match[str], tense: str) -> Value | None:
        """The value of one matched expression, or None when it names no calendar point."""
        if _FREQUENCY_BEFORE.search(word_before(m)) or _FREQUENCY_LIST_BEFORE.search(
            word_before(m, 80)
        ):
            return None  # "every Monday", "each March, June and September": a frequency
        if rule in ("ago", "year_ago_adj") and _HEDGE_BEFORE.search(word_before(m, 30)):
            return None  # "nearly three years ago", "barely a month ago": no point, a rough span
        if rule in _YEARLESS and not m.groupdict().get("y") and _is_recurring(m):
            return None  # "on May 10 each year", "observed annually on Nov. 11": any year's
        self.done = tense == cal.DONE
        self.scheduled = tense == cal.SCHEDULED
        tense = cal.PAST if self.done else cal.PRESENT if self.scheduled else tense
        self.coming_year = _sentence_year(m, self.anchor, tense)
        handler = getattr(self, f"_r_{rule}")
        try:
            result = handler(m, tense)
        except (OverflowError, ValueError):
            # Arithmetic past year 1 or 9999 ("yesterday" on 0001-01-01): no calendar point.
            result = None
        if result is not None:
            self.said.append(result)
        return result

    def _year(self, month: int, day: int | None, tense: str) -> int:
        """The year a yearless month (and day) means, from the anchor and the clause's tense."""
        assert self.anchor is not None
        return cal.pick_year(self.anchor, month, day, tense, self.done, self.scheduled)

    # --- absolute dates -----------------------------------------------------------------------
    def _day(self, year: int | None, month: int, day: int, tense: str) -> Value | None:
        if year is None:
            if self.anchor is None:
                return None
            year = self.coming_year or self._year(month, day, tense)
        d = cal.safe_date(year, month, day)
        return (cal.day_value(d), "day") if d else None

    def _r_iso(self, m: re.Match[str], tense: str) -> Value | None:
        return self._day(int(m["y"]), int(m["m"]), int(m["d"]), tense)

    def _r_numeric(self, m: re.Match[str], tense: str) -> Value | None:
        year = int(m["y"])
        if year < 100:  # "9/14/20": this century unless that is over 10 years ahead
            near = self.anchor.year if self.anchor else 2000
            year = 2000 + year if 2000 + year <= near + 10 else 1900 + year
        return self._day(year, int(m["m"]), int(m["d"]), tense)

    def _r_numeric_dmy(self, m: re.Match[str], tense: str) -> Value | None:
        return self._day(int(m["y"]), int(m["m"]), int(m["d"]), tense)

    def _r_month_day(self, m: re.Match[str], tense: str) -> Value | None:
        day, month = day_number(m["d"]), month_number(m["mon"])
        rel = (m.groupdict().get("rel") or "").lower()
        tense = {"last": cal.PAST, "next": cal.FUTURE}.get(rel, tense)  # "last Oct. 23"
        year_text = m["y"]
        if not year_text and (pair := _PAIR_YEAR_AFTER.match(m.string, m.end())):
            year_text = pair["y"]  # "Dec. 30-31, 1999": the year closes the pair
        if not year_text and self.anchor and (after := _REL_YEAR_AFTER.match(m.string, m.end())):
            # "on Nov. 3 last year"
            year_text = str(self.anchor.year + _REL_SHIFT[after["rel"].lower()])
        if not year_text and (named := named_day(month, day, m.string[m.end() :], self.anchor)):
            return cal.day_value(named), "day"  # "the Jan. 6 attack": the one famous Jan. 6
        if year_text or not m.groupdict().get("wd") or self.anchor is None:
            return self._day(int(year_text) if year_text else None, month, day, tense)
        # "Saturday, April 25": the weekday says which year, when one of the near ones fits.
        guess = self._year(month, day, tense)
        for year in (guess, guess - 1, guess + 1):
            d = cal.safe_date(year, month, day)
            if d is not None and d.weekday() == weekday_number(m["wd"]):
                return cal.day_value(d), "day"
        return self._day(guess, month, day, tense)

    _r_day_month = _r_month_day

    def _r_second_day(self, m: re.Match[str], tense: str) -> Value | None:
        first = _FIRST_DAY_BEFORE.search(word_before(m, 30))
        if first is None:
            return None
        month = month_number(first["mon"])
        if m["y"]:
            return self._day(int(m["y"]), month, day_number(m["d"]), tense)
        year = None
        if self.said and self.said[-1][1] == "day" and int(self.said[-1][0][5:7]) == month:
            year = int(self.said[-1][0][:4])  # the year the first day of the pair was given
        return self._day(year, month, day_number(m["d"]), tense)

    def _r_nine_eleven(self, m: re.Match[str], tense: str) -> Value | None:
        day = nine_eleven(self.anchor)
        return (cal.day_value(day), "day") if day else None

    def _r_week_of(self, m: re.Match[str], tense: str) -> Value | None:
        day = self._r_month_day(m, tense)
        return (cal.week_value(date.fromisoformat(day[0])), "week") if day else None

    def _r_nth_weekday_of(self, m: re.Match[str], tense: str) -> Value | None:
        if not m["mon"] or m["n2"]:
            return None  # "the last Friday of the month", "the second and fourth Monday": any
        day = self._nth_of_month(m, weekday_number(m["wd"]), tense)
        return (cal.day_value(day), "day") if day else None

    def _r_nth_week_of(self, m: re.Match[str], tense: str) -> Value | None:
        # an ISO week belongs to the month that holds its Thursday
        thursday = self._nth_of_month(m, 3, tense)
        return (cal.week_value(thursday), "week") if thursday else None

    def _nth_of_month(self, m: re.Match[str], weekday: int, tense: str) -> date | None:
        month = month_number(m["mon"])
        if m["y"]:
            year = int(m["y"])
        elif self.anchor is None:
            return None
        else:
            year = self.coming_year or self._year(month, None, tense)
        return cal.nth_weekday(year, month, weekday, m["n"].lower())

    def _r_month_year(self, m: re.Match[str], tense: str) -> Value | None:
        return cal.month_value(int(m["y"]), month_number(m["mon"])), "month"

    def _r_month_rel_year(self, m: re.Match[str], tense: str) -> Value | None:
        if self.anchor is None:
            return None
        shift = {"this": 0, "last": -1, "next": 1}[m["rel"].lower()]
        return cal.month_value(self.anchor.year + shift, month_number(m["mon"])), "month"

    def _r_month(self, m: re.Match[str], tense: str) -> Value | None:
        month = month_number(m["mon"])
        rel = " ".join((m["rel"] or "").lower().split())
        if m.group(0) == m["mon"] and not _MONTH_CUES.search(word_before(m)):
            if month == 5:
                return None  # "May" alone is more often the verb than the month
            if month in (4, 6, 8) and _NAME_AFTER.match(m.string, m.end()):
                return None  # "April Ryan", "August Wilson": a first name
        if self.anchor is None:
            return None
        a = self.anchor
        if rel in ("last", "this past"):
            year = a.year if month < a.month else a.year - 1
        elif rel in ("next", "this coming"):
            year = a.year if month > a.month else a.year + 1
        elif rel == "this":
            year = a.year
        elif rel == "that" and (ref_year := self._ref_year()) is not None:
            year = ref_year  # "In March 2014 ... a lawsuit, filed that June": the year told of
        elif rel in ("the following", "the previous"):  # "elected in November 2016 and sworn
            ref = self._ref_month()  # in the following January": from the story's last date
            if ref is None:
                return None
            if rel == "the following":
                year = ref[0] if month > ref[1] else ref[0] + 1
            else:
                year = ref[0] if month < ref[1] else ref[0] - 1
        elif _DATA_MONTH_AFTER.match(m.string, m.end()):
            year = a.year if month < a.month else a.year - 1  # a month's figures come after it
        else:
            year = self.coming_year or self._year(month, None, tense)
        return cal.month_value(year, month), "month"

    def _r_months_quarter(self, m: re.Match[str], tense: str) -> Value | None:
        first, last = month_number(m["m1"]), month_number(m["m2"])
        if last % 3 or (last - first) % 12 != 2:
            return None  # "the June-August quarter" is no calendar quarter
        if m["y"]:
            year = int(m["y"])
        elif self.anchor is None:
            return None
        elif 1 <= (self.anchor.month - last) % 12 <= 3:
            # the quarter just over, whose figures are out or to come: "data for the
            # July-September quarter, due on November 29"
            year = self.anchor.year if last < self.anchor.month else self.anchor.year - 1
        else:
            year = self._year(last, None, tense)
        return cal.quarter_value(year, last // 3), "quarter"

    def _r_year(self, m: re.Match[str], tense: str) -> Value | None:
        year = int(m["y"])
        if m.group(0) == m["y"] and year < 1900 and not _YEAR_CUES.search(word_before(m)):
            return None
        if self.anchor is not None and year > self.anchor.year + 50:
            return None
        if (m["fiscal"] or "").lower() == "fiscal" or _FISCAL_BEFORE.search(word_before(m, 20)):
            return None  # "fiscal 2024", "fiscal year 2024": a fiscal year's label (GUIDELINES)
        if _MATURITY_BEFORE.search(word_before(m, 30)) or _LABEL_AFTER.match(m.string, m.end()):
            return None  # "notes due 2030", "the 2020 budget": a maturity or a budget's label
        if (split := _SPLIT_YEAR_AFTER.match(m.string, m.end())) and int(split[1]) == (
            year + 1
        ) % 100:
            return (
                None  # "the 2023-24 season", "2019/20 budget": a season's or a fiscal year's label
            )
        if _CITATION_BEFORE.search(word_before(m, 60)) and re.match(
            r"\s*[;)]", m.string[m.end() :]
        ):
            return None  # a book's imprint, not a dated event
        if _COPYRIGHT_BEFORE.search(word_before(m, 30)):
            return None  # "© 2019 The Daily Ledger": page furniture
        return cal.year_value(year), "year"

    def _r_decade(self, m: re.Match[str], tense: str) -> Value | None:
        if m["c"] and m["d"] == "0" and m["c"] != "20":
            return None  # "the 1800s": a century, which the timeline leaves out
        if m["c"]:
            return f"{m['c']}{m['d']}", "decade"
        digit = int(m["d2"])
        century = "19"
        if self.anchor is not None and self.anchor.year >= 2000 + digit * 10:
            century = "20"
        return f"{century}{digit}", "decade"

    def _r_decade_word(self, m: re.Match[str], tense: str) -> Value | None:
        return f"19{DECADE_WORD[m['w'].lower()]}", "decade"

    def _r_holiday(self, m: re.Match[str], tense: str) -> Value | None:
        key = holiday_key(m["h"])
        rel = " ".join((m["rel"] or "").lower().split())
        year = int(m["y"]) if m["y"] else None
        if year is None and self.anchor and (after := _REL_YEAR_AFTER.match(m.string, m.end())):
            year = self.anchor.year + _REL_SHIFT[after["rel"].lower()]  # "Thanksgiving last year"
        if key in NEEDS_CUE and not (year or rel or _HOLIDAY_CUES.search(word_before(m))):
            return None  # "Christmas shopping", "Easter eggs": the season or the food, not the day
        if year is None:
            if self.anchor is None:
                return None
            this_year = holiday_in(key, self.anchor.year)
            if this_year is None:
                return None
            if rel in ("last", "this past"):
                year = self.anchor.year - (this_year >= self.anchor)
            elif rel in ("next", "this coming"):
                year = self.anchor.year + (this_year <= self.anchor)
            elif rel == "this":
                year = self.anchor.year
            elif tense == cal.PAST:  # a holiday has its day: a past one is not still to come
                year = self.anchor.year - (this_year > self.anchor + timedelta(days=1))
            else:
                year = self._year(this_year.month, this_year.day, tense)
        day = holiday_in(key, year)
        return (cal.day_value(day), "day") if day else None

    def _r_spoken_year(self, m: re.Match[str], tense: str) -> Value | None:
        if m["t"]:
            hundreds = 1900 if m["h"].lower() == "nineteen" else 1800
            year = (
                hundreds
                + SPOKEN_NUMBER[m["t"].lower()]
                + SPOKEN_NUMBER.get((m["u"] or "").lower(), 0)
            )
        else:
            year = 2000 + SPOKEN_NUMBER.get((m["u2"] or "").lower(), 0)
        return cal.year_value(year), "year"
