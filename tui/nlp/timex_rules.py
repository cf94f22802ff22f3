"""Turn matched date expressions into TimeML calendar values, relative to the publication date.

A `Resolver` walks one article's expressions in order: it knows the anchor (publication date) and the
values it has already given, so "the same day", "that year" and "a year earlier" take the date just
mentioned, as TimeML annotators (and readers) do.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from tui.nlp import timex_calendar as cal
from tui.nlp.timex_fiscal import FiscalRules, Value
from tui.nlp.timex_patterns import (
    DAY,
    DECADE_WORD,
    MONTH,
    SPOKEN_NUMBER,
    YEAR,
    count_number,
    day_number,
    month_number,
    season_code,
    weekday_number,
)

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
_FREQUENCY_BEFORE = re.compile(r"(?i:\b(?:every|each|per)\s+)$")
_NOWADAYS_AFTER = re.compile(
    r"(?:'s|’s)\s+(?:\w+\s+)?(?i:world|society|youth|young|generation|economy|markets?|culture|"
    r"standards|children|kids|teenagers|students|consumers|computers|technology|politics|"
    r"environment|climate|families|women|men|people|americans|europe|america)\b"
)
_FIRST_DAY_BEFORE = re.compile(rf"(?P<mon>{MONTH})\s+{DAY},?\s*(?:and|or|to|through|-|–)\s*$")
_PAIR_YEAR_AFTER = re.compile(rf"\s*(?:and|or|to|through|-|–)\s*{DAY},?\s+(?P<y>{YEAR})")
_SET_AFTER = re.compile(
    r"(?:s|(?:\s+(?:and|or|&)\s+[A-Z][a-z]+day)?\s+(?i:mornings|afternoons|evenings|nights))\b"
)
_NOT_SEASON_AFTER = re.compile(r"\s*(?i:of|in|and|to|from|for|by)\b")


def _word_before(m: re.Match[str], width: int = 20) -> str:
    return m.string[max(0, m.start() - width) : m.start()]


class Resolver(FiscalRules):
    """Gives each matched expression of one article its value; remembers what it gave."""

    # --- entry point --------------------------------------------------------------------------
    def resolve(self, rule: str, m: re.Match[str], tense: str) -> Value | None:
        """The value of one matched expression, or None when it names no calendar point."""
        if _FREQUENCY_BEFORE.search(_word_before(m)):
            return None  # "every Monday" is a frequency, not a date
        handler = getattr(self, f"_r_{rule}")
        try:
            result = handler(m, tense)
        except (OverflowError, ValueError):
            # Arithmetic past year 1 or 9999 ("yesterday" on 0001-01-01): no calendar point.
            result = None
        if result is not None:
            self.said.append(result)
        return result

    # --- absolute dates -----------------------------------------------------------------------
    def _day(self, year: int | None, month: int, day: int, tense: str) -> Value | None:
        if year is None:
            if self.anchor is None:
                return None
            year = cal.pick_year(self.anchor, month, day, tense)
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

    def _r_month_day(self, m: re.Match[str], tense: str) -> Value | None:
        day, month = day_number(m["d"]), month_number(m["mon"])
        rel = (m.groupdict().get("rel") or "").lower()
        tense = {"last": cal.PAST, "next": cal.FUTURE}.get(rel, tense)  # "last Oct. 23"
        year_text = m["y"]
        if not year_text and (pair := _PAIR_YEAR_AFTER.match(m.string, m.end())):
            year_text = pair["y"]  # "Dec. 30-31, 1999": the year closes the pair
        if year_text or not m.groupdict().get("wd") or self.anchor is None:
            return self._day(int(year_text) if year_text else None, month, day, tense)
        # "Saturday, April 25": the weekday says which year, when one of the near ones fits.
        guess = cal.pick_year(self.anchor, month, day, tense)
        for year in (guess, guess - 1, guess + 1):
            d = cal.safe_date(year, month, day)
            if d is not None and d.weekday() == weekday_number(m["wd"]):
                return cal.day_value(d), "day"
        return self._day(guess, month, day, tense)

    _r_day_month = _r_month_day

    def _r_second_day(self, m: re.Match[str], tense: str) -> Value | None:
        first = _FIRST_DAY_BEFORE.search(_word_before(m, 30))
        if first is None:
            return None
        month = month_number(first["mon"])
        if m["y"]:
            return self._day(int(m["y"]), month, day_number(m["d"]), tense)
        year = None
        if self.said and self.said[-1][1] == "day" and int(self.said[-1][0][5:7]) == month:
            year = int(self.said[-1][0][:4])  # the year the first day of the pair was given
        return self._day(year, month, day_number(m["d"]), tense)

    def _r_week_of(self, m: re.Match[str], tense: str) -> Value | None:
        day = self._r_month_day(m, tense)
        return (cal.week_value(date.fromisoformat(day[0])), "week") if day else None

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
        if m.group(0) == m["mon"] and not _MONTH_CUES.search(_word_before(m)):
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
        else:
            year = cal.pick_year(a, month, None, tense)
        return cal.month_value(year, month), "month"

    def _r_year(self, m: re.Match[str], tense: str) -> Value | None:
        year = int(m["y"])
        if m.group(0) == m["y"] and year < 1900 and not _YEAR_CUES.search(_word_before(m)):
            return None
        if self.anchor is not None and year > self.anchor.year + 50:
            return None
        return cal.year_value(year), "year"

    def _r_decade(self, m: re.Match[str], tense: str) -> Value | None:
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
        name = " ".join(m["h"].lower().split())
        fixed = {
            "christmas": (12, 25),
            "christmas day": (12, 25),
            "christmas eve": (12, 24),
            "new year's day": (1, 1),
            "new year's eve": (12, 31),
            "independence day": (7, 4),
            "valentine's day": (2, 14),
            "halloween": (10, 31),
        }
        year = int(m["y"]) if m["y"] else None
        if name in ("christmas", "halloween") and not (year or _MONTH_CUES.search(_word_before(m))):
            return None  # "Christmas shopping", "a Halloween costume": not the day itself
        if name in fixed:
            return self._day(year, *fixed[name], tense)
        if year is None:
            if self.anchor is None:
                return None
            this_year = cal.november_holiday(name, self.anchor.year)
            year = cal.pick_year(self.anchor, 11, this_year.day, tense)
        return cal.day_value(cal.november_holiday(name, year)), "day"

    # --- relative to the publication date ------------------------------------------------------
    def _r_weekday(self, m: re.Match[str], tense: str) -> Value | None:
        if self.anchor is None or _SET_AFTER.match(m.string, m.end()):
            return None  # "flights leave on Monday and Tuesday nights": a frequency
        rel = " ".join((m["rel"] or "").lower().split())
        if rel in ("last", "the previous", "this past"):
            direction = "last"
        elif rel in ("next", "this coming", "coming", "the following"):
            direction = "next"
        elif rel == "this":
            direction = "past" if tense == cal.PAST else "future"
        else:
            # "they meet Monday" looks ahead; "Monday's ruling" names something already done
            possessive = m.string[m.end() : m.end() + 2] in ("'s", "’s")
            ahead = tense == cal.FUTURE or (tense == cal.PRESENT and not possessive)
            direction = "future" if ahead else "past"
        d = cal.weekday_date(self.anchor, weekday_number(m["wd"]), direction)
        return cal.day_value(d), "day"

    def _r_relative_day(self, m: re.Match[str], tense: str) -> Value | None:
        if self.anchor is None:
            return None
        word = " ".join(m["w"].lower().split())
        if word == "today" and _NOWADAYS_AFTER.match(m.string, m.end()):
            return None  # "today's youth", "in today's world": nowadays, not a day
        shift = {
            "yesterday": -1,
            "last night": -1,
            "tomorrow": 1,
            "the day before yesterday": -2,
            "the day after tomorrow": 2,
        }.get(word, 0)
        return cal.day_value(self.anchor + timedelta(days=shift)), "day"

    def _r_clock(self, m: re.Match[str], tense: str) -> Value | None:
        day = self._ref_day() or self.anchor  # "He was shot on Oct. 23 ... at 10 p.m."
        return (cal.day_value(day), "day") if day else None

    def _r_relative_unit(self, m: re.Match[str], tense: str) -> Value | None:
        if self.anchor is None:
            return None
        rel = " ".join(m["rel"].lower().split())
        shift = {"this": 0, "last": -1, "this past": -1, "next": 1}[rel]
        unit = m["unit"].lower()
        if m["unit"][0].isupper():
            return None  # "This Week", "Next Year": a title (a column, a show), not a date
        a = self.anchor
        if unit == "week":
            return cal.week_value(a + timedelta(weeks=shift)), "week"
        if unit == "month":
            return cal.month_value(*cal.shift_month(a.year, a.month, shift)), "month"
        return cal.year_value(a.year + shift), "year"

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

    def _r_this_year(self, m: re.Match[str], tense: str) -> Value | None:
        return (cal.year_value(self.anchor.year), "year") if self.anchor else None

    _r_for_the_year = _r_this_year

    def _r_season(self, m: re.Match[str], tense: str) -> Value | None:
        season = season_code(m["s"])
        rel = " ".join((m["rel"] or "").lower().split())
        if m["y"] and not rel and m["s"] == "fall":
            return None  # "shares fall 2000 points"; "Fall 2019" and "the fall of 2019" still count
        if m["y"]:
            return f"{m['y']}-{season}", "season"
        if not rel or self.anchor is None:
            return None
        if rel in ("the", "early", "late"):
            if season == "FA" and _NOT_SEASON_AFTER.match(m.string, m.end()):
                return None  # "the fall of the Wall", "the fall in prices"
            relation = "last" if tense == cal.PAST else ""
        else:
            relation = {"this": "", "last": "last", "this past": "last"}.get(rel, "next")
        return (
            f"{cal.year_value(cal.season_year(self.anchor, season, relation))}-{season}",
            "season",
        )

    def _r_ago(self, m: re.Match[str], tense: str) -> Value | None:
        n = count_number(m["n"])
        unit = m["unit"].lower().rstrip("s")
        base = self.anchor
        if base is None:
            return None
        if unit == "day":
            return cal.day_value(base - timedelta(days=n)), "day"
        if unit == "week":
            return cal.week_value(base - timedelta(weeks=n)), "week"
        if unit == "month":
            return cal.month_value(*cal.shift_month(base.year, base.month, -n)), "month"
        if unit == "year":
            return cal.year_value(base.year - n), "year"
        return f"{(base.year - 10 * n) // 10:03d}", "decade"

    def _r_anaphor(self, m: re.Match[str], tense: str) -> Value | None:
        word = " ".join(m["w"].lower().split())
        if word.endswith(("day", "night", "morning", "evening", "day before")):
            ref = self._ref_day()
            if ref is None and " in the day" in word:
                ref = self.anchor
            if ref is None:
                return None
            shift = 1 if ("next" in word or "following" in word) else 0
            shift = -1 if ("before" in word or "previous" in word) else shift
            return cal.day_value(ref + timedelta(days=shift)), "day"
        if word.endswith("month"):
            ref_month = self._ref_month()
            if ref_month is None:
                return None
            shift = 1 if "following" in word else -1 if "previous" in word else 0
            return cal.month_value(*cal.shift_month(*ref_month, shift)), "month"
        ref_year = self._ref_year()
        if ref_year is None:
            return None
        shift = 1 if "following" in word else -1 if ("previous" in word or "before" in word) else 0
        return cal.year_value(ref_year + shift), "year"
