"""Dates counted from "now" (the publication day, or the day a quoted post was written).

"Friday", "yesterday", "last week", "this weekend", "in three days", "two years ago", "that year":
`RelativeRules` values each from the anchor and the tense of its clause, and the anaphoric ones
("the next day") from what the story has already said.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from tui.nlp import timex_calendar as cal
from tui.nlp.timex_fiscal import FiscalRules, Value, sentence_before, word_before
from tui.nlp.timex_patterns import count_number, season_code, weekday_number

_NOWADAYS_AFTER = re.compile(
    r"(?:'s|’s)\s+(?:\w+\s+)?(?i:world|society|youth|young|generation|economy|markets?|culture|"
    r"standards|children|kids|teenagers|students|consumers|computers|technology|politics|"
    r"environment|climate|families|women|men|people|americans|europe|america|smartphones|phones|"
    r"devices|cars|athletes|workers|voters|politicians|media|schools|parents|jobs|artists|films|"
    r"movies|music|fans|startups|companies)\b"
)
_SET_AFTER = re.compile(
    r"(?:s|(?:\s+(?:and|or|&)\s+[A-Z][a-z]+day)?\s+(?i:mornings|afternoons|evenings|nights))\b"
)
_TITLE_AFTER = re.compile(
    r"\s+(?:Times|Telegraph|Mirror|Express|Herald|Post|Tribune|Star|Independent|Mail|Magazine|"
    r"Review|Edition|(?:Night|Morning)\s+[A-Z])\b"
)
# "Super Tuesday", "Bloody Sunday", "Giving Tuesday": a day with a name, not the latest such weekday.
_NAME_BEFORE = re.compile(r"\b(?:Super|Bloody|Giving|Manic|Mad|Blue|Fat|Spy|Throwback)\s+$")
_INDEFINITE_BEFORE = re.compile(r"\b(?i:a|an|any|one|some)\s+$")
_CLAUSE_GOES_ON = re.compile(r"\s*(?:$|[,.;:!?)]|(?:in|or|and|when|at|after|before|of)\b)")
_AWAITED = re.compile(r"(?i:\b(?:for|before)\s+)$")
# "closed Monday through Friday", "meets next Tuesday and Wednesday": the second day follows the first.
_RANGE_BEFORE = re.compile(
    r"\b(?P<wd>(?:Mon|Tues?|Wed(?:nes)?|Thur?s?|Fri|Satur|Sun)(?:day)?)\.?"
    r"(?:\s+(?i:morning|afternoon|evening|night))?\s+"
    r"(?i:through|thru|to|until|till|(?P<and>and|or))\s+$"
)
_DAY_SPAN = re.compile(r"[-–](?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\b")
_DAY_SPAN_BEFORE = re.compile(r"\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?[-–]$")
# "open Tuesday through Sunday", "Monday to Friday, 9 a.m. to 5 p.m.": a timetable's days.
_WD = r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?"
_THROUGH = r"\s+(?:through|thru|to)\s+"
_CLOCK = r"\d{1,2}(?::\d\d)?\s*(?i:a\.?m\.?|p\.?m\.?)"
_HOURS_AFTER = re.compile(rf"{_THROUGH}{_WD},?\s+(?:(?i:from|between)\s+)?{_CLOCK}")
_OPEN = r"\b(?i:open|opens|hours(?:\s+are)?)\s+(?:(?i:from)\s+)?"
_HOURS_BEFORE = re.compile(rf"{_OPEN}$")
_HOURS_SECOND_BEFORE = re.compile(rf"{_OPEN}{_WD}{_THROUGH}$")
_THROUGH_AFTER = re.compile(_THROUGH)
_RANGE_OPENED = re.compile(rf"\b{_WD}{_THROUGH}$")
_PLURAL_DAYS = re.compile(r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)days\b")
_CLOCK_AFTER = re.compile(rf",?\s+(?:(?i:from|between)\s+)?{_CLOCK}")
# Text before a word that is not the start of a sentence, a quotation or a heading.
_IN_SENTENCE = re.compile(r"[\w,;]\s*$")
_RECURRING_OF = re.compile(
    r"(?i:\b(?:times?|days?|nights?|weeks?|months?|seasons?|periods?|part)\s+of\s+)$"
)
# An award's name in lower case: "won album of the year", "was named coach of the year" (not
# "the best album of the year" or "her first song of the year", which date a ranking or a deed).
_AWARD_OF = re.compile(
    r"(?i:(?<!\bthe)(?<!\ba)(?<!\bhis)(?<!\bher)(?<!\bits)(?<!\btheir)(?<!\bfirst)(?<!\bbest)"
    r"(?<!est)(?<!\bmost)\s+(?:album|song|record|player|coach|rookie|person|artist|entertainer|"
    r"athlete|manager|driver|newcomer|breakthrough|comeback|teacher|employee|volunteer|"
    r"(?:wo)?man|car|book|team)\s+of\s+)$"
)
_OF_NUMBER_AFTER = re.compile(r"\s+(?i:of)\s+'?\d")
_NOT_SEASON_AFTER = re.compile(r"\s*(?i:of|in|and|to|from|for|by)\b")
# A preposition that makes a lower-case "fall 2019" the season: "in fall 2019", "by fall 2020".
_SEASON_PREPOSITION = re.compile(r"(?i:\b(?:in|by|until|since|during|for|from|through)\s+)$")


# What may follow a season said with no article: the clause goes on, not a compound noun.
_BARE_SEASON_END = re.compile(
    r"\s*(?:$|[,.;:!?)\"”’]|(?:and|or|when|as|after|before|if|the|this|next|with|because|while|"
    r"amid|despite|at|to)\b)"
)


# "its second increase in a year", "the first such vote in a decade": a count of the time since.
_RANKED_BEFORE = re.compile(
    r"(?i:\b(?:first|second|third|fourth|fifth|only|(?!latest|newest)\w{3,}est|most|least)\s+(?:[\w-]+\s+){0,3}in\s+)$"
)


class RelativeRules(FiscalRules):
    """The rules for expressions whose value counts from the anchor or from the story so far."""

    def _r_weekday(self, m: re.Match[str], tense: str) -> Value | None:
        if self.anchor is None or _SET_AFTER.match(m.string, m.end()):
            return None  # "flights leave on Monday and Tuesday nights": a frequency
        if _DAY_SPAN.match(m.string, m.end()) or _DAY_SPAN_BEFORE.search(word_before(m, 12)):
            return None  # "open Monday-Friday": the days of a timetable
        if self._in_timetable(m):
            return None  # "open Tuesday through Sunday from 5 p.m."
        if _TITLE_AFTER.match(m.string, m.end()) or _NAME_BEFORE.search(word_before(m, 12)):
            return None  # "The Sunday Times", "Monday Night Football", "Super Tuesday": a name
        if (
            not m["rel"]
            and _INDEFINITE_BEFORE.search(word_before(m, 8))
            and _CLAUSE_GOES_ON.match(m.string, m.end())  # not "faces a Friday deadline"
        ):
            return None  # "crowded on a Friday night", "one Tuesday in May": no one day
        rel = " ".join((m["rel"] or "").lower().split())
        weekday = weekday_number(m["wd"])
        if rel == "the following" and self.said and self.said[-1][1] == "day":
            # "the final is June 28, and a dinner the following Friday": counted from that day
            told = date.fromisoformat(self.said[-1][0])
            return cal.day_value(cal.weekday_date(told, weekday, "next")), "day"
        if not rel and (start := self._range_start(m)) is not None:
            # "closed Monday through Friday": the range ends on the first such day after it starts
            return cal.day_value(start + timedelta(days=(weekday - start.weekday()) % 7)), "day"
        if rel in ("last", "the previous", "this past"):
            direction = "last"
        elif rel == "next":
            direction = "next week"  # "next Friday" said on a Thursday is eight days on
        elif rel in ("this coming", "coming", "the following"):
            direction = "next"
        elif rel == "this":
            direction = "past" if tense == cal.PAST else "future"
        elif (
            tense in (cal.PRESENT, cal.UNKNOWN)
            and not self.scheduled  # "the season closes Saturday" looks ahead, whatever came before
            and (self.anchor, weekday) in self.weekdays
        ):
            return self.weekdays[self.anchor, weekday], "day"  # the "Saturday" already placed
        else:
            # "they meet Monday" looks ahead; "Monday's ruling" names something already done
            possessive = m.string[m.end() : m.end() + 2] in ("'s", "’s")
            # "tickets for Saturday's game are sold out": what a present clause waits for
            awaited = possessive and tense == cal.PRESENT and _AWAITED.search(word_before(m, 12))
            ahead = tense == cal.FUTURE or (tense == cal.PRESENT and not possessive) or awaited
            direction = "future" if ahead else "past"
        d = cal.weekday_date(self.anchor, weekday, direction)
        if not rel:
            self.weekdays[self.anchor, weekday] = cal.day_value(d)
        return cal.day_value(d), "day"

    @staticmethod
    def _in_timetable(m: re.Match[str]) -> bool:
        """A weekday range said with opening hours or a clock time: the days of any week."""
        before = word_before(m, 40)
        opens = bool(_THROUGH_AFTER.match(m.string, m.end()))  # "Tuesday [through Sunday]"
        closes = bool(_RANGE_OPENED.search(before))  # "[Tuesday through] Sunday"
        sentence = sentence_before(m, 200) + m.string[m.start() : m.end() + 150].split(". ")[0]
        if (opens or closes) and _PLURAL_DAYS.search(sentence):
            return True  # "run Tuesday through Sunday, with matinees on Saturdays"
        if _HOURS_AFTER.match(m.string, m.end()) or (opens and _HOURS_BEFORE.search(before)):
            return True
        return closes and bool(
            _HOURS_SECOND_BEFORE.search(before) or _CLOCK_AFTER.match(m.string, m.end())
        )

    def _range_start(self, m: re.Match[str]) -> date | None:
        """The day given to the weekday that opens a range ending in this one, if any."""
        before = _RANGE_BEFORE.search(word_before(m, 30))
        if before is None or not self.said or self.said[-1][1] != "day":
            return None
        start = date.fromisoformat(self.said[-1][0])
        if before["and"] and weekday_number(m["wd"]) <= start.weekday():
            return None  # "statements made Friday and Thursday": two days, each by the tense
        return start if start.weekday() == weekday_number(before["wd"]) else None

    def _r_relative_day(self, m: re.Match[str], tense: str) -> Value | None:
        if self.anchor is None:
            return None
        word = " ".join(m["w"].lower().split())
        if word == "today" and _NOWADAYS_AFTER.match(m.string, m.end()):
            return None  # "today's youth", "in today's world": nowadays, not a day
        if (
            m["w"][0].isupper()
            and m.start() == m.start("w")
            and _IN_SENTENCE.search(sentence_before(m))
        ):
            return None  # "USA Today", "the Today show": a capital inside a sentence makes a name
        shift = {
            "yesterday": -1,
            "last night": -1,
            "tomorrow": 1,
            "the day before yesterday": -2,
            "the day after tomorrow": 2,
        }.get(word, 0)
        return cal.day_value(self.anchor + timedelta(days=shift)), "day"

    def _r_clock(self, m: re.Match[str], tense: str) -> Value | None:
        return None  # "at 10 p.m." alone places no day of its own (matched so it is not misread)

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
        if unit == "decade":
            return f"{a.year // 10 + shift:03d}", "decade"
        return cal.year_value(a.year + shift), "year"

    def _r_in_the_unit(self, m: re.Match[str], tense: str) -> Value | None:
        if self.anchor is None:
            return None
        if m["unit"].lower() == "week":
            return cal.week_value(self.anchor), "week"
        return cal.month_value(self.anchor.year, self.anchor.month), "month"

    def _r_weekend(self, m: re.Match[str], tense: str) -> Value | None:
        if self.anchor is None:
            return None
        rel = " ".join(m["rel"].lower().split())
        a = self.anchor
        if rel in ("last", "this past", "the past"):
            relation = "last"
        elif rel in ("next",):
            relation = "next"
        elif rel in ("this coming", "the coming"):
            relation = "" if a.weekday() < 5 else "next"
        elif tense == cal.PAST:
            # the weekend just over; on a Saturday or a Sunday the one going on
            relation = "last" if a.weekday() < 5 else ""
        elif rel == "the" and tense != cal.FUTURE and tense != cal.PRESENT:
            relation = "last" if a.weekday() < 5 else ""
        else:
            relation = ""
        return cal.week_value(cal.weekend_saturday(a, relation)), "week"

    def _r_this_year(self, m: re.Match[str], tense: str) -> Value | None:
        return (cal.year_value(self.anchor.year), "year") if self.anchor else None

    _r_for_the_year = _r_edge_of_year = _r_this_year

    def _r_of_the_year(self, m: re.Match[str], tense: str) -> Value | None:
        if _RECURRING_OF.search(word_before(m, 30)):
            return None  # "this time of the year", "the shortest day of the year": any year
        if _AWARD_OF.search(word_before(m, 40)):
            return None
        return self._r_this_year(m, tense)

    def _r_season(self, m: re.Match[str], tense: str) -> Value | None:
        season = season_code(m["s"])
        rel = " ".join((m["rel"] or "").lower().split())
        if (
            m["y"]
            and not rel
            and m["s"] == "fall"
            and not _SEASON_PREPOSITION.search(word_before(m, 8))
        ):
            return None  # "shares fall 2000 points"; "Fall 2019", "in fall 2019" still count
        if m["y"]:
            return f"{m['y']}-{season}", "season"
        if not rel and tense in (cal.FUTURE, cal.PAST, cal.DONE) and self._bare_season(m):
            rel = "the"  # "open by spring", "rose in summer" (not "in winter, roads freeze")
        if not rel or self.anchor is None:
            return None
        if rel == "that":  # "a drought that summer": the summer of the year just told of
            ref_year = self._ref_year()
            return (f"{cal.year_value(ref_year)}-{season}", "season") if ref_year else None
        if rel in ("the", "early", "late"):
            if season == "FA" and _NOT_SEASON_AFTER.match(m.string, m.end()):
                return None  # "the fall of the Wall", "the fall in prices"
            if _OF_NUMBER_AFTER.match(m.string, m.end()):
                return None  # "the winter of 2021-22": a year the pattern could not read
            ahead = tense in (cal.FUTURE, cal.PRESENT)
            relation = "last" if tense == cal.PAST else "coming" if ahead else ""
        else:
            relation = {"this": "", "last": "last", "this past": "last"}.get(rel, "next")
        return (
            f"{cal.year_value(cal.season_year(self.anchor, season, relation))}-{season}",
            "season",
        )

    @staticmethod
    def _bare_season(m: re.Match[str]) -> bool:
        """A lower-case season alone after a preposition ("open by spring"), not a compound
        ("in spring training", "a fall in sales")."""
        if not m["s"].islower() or not _SEASON_PREPOSITION.search(word_before(m, 8)):
            return False
        return bool(_BARE_SEASON_END.match(m.string, m.end()))

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

    def _r_in_count(self, m: re.Match[str], tense: str) -> Value | None:
        if tense not in (cal.FUTURE, cal.PRESENT):
            return None  # "built in three days": how long it took
        if _RANKED_BEFORE.search(word_before(m, 60)):
            return None  # "the second increase in a year": the time since, no day to come
        n = count_number(m["n"])
        unit = m["unit"].lower().rstrip("s")
        if self.anchor is None or (n == 1) != (unit == m["unit"].lower()):
            return None  # "in two day" is no count of days
        if unit == "day":
            return cal.day_value(self.anchor + timedelta(days=n)), "day"
        if unit == "week":
            return cal.week_value(self.anchor + timedelta(weeks=n)), "week"
        if unit == "month":
            return cal.month_value(
                *cal.shift_month(self.anchor.year, self.anchor.month, n)
            ), "month"
        return cal.year_value(self.anchor.year + n), "year"

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
