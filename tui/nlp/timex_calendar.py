"""Calendar arithmetic for TimeML values: weeks, quarters, seasons, year choice, and their wording."""

from __future__ import annotations

import re
from datetime import date, timedelta

MONTH_ABBR = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
WEEKDAY_ABBR = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
SEASON_NAMES = {"SP": "Spring", "SU": "Summer", "FA": "Autumn", "WI": "Winter"}
# The months each TimeML season covers; winter is the December-February one that a year starts in.
SEASON_OF_MONTH = {
    1: "WI",
    2: "WI",
    3: "SP",
    4: "SP",
    5: "SP",
    6: "SU",
    7: "SU",
    8: "SU",
    9: "FA",
    10: "FA",
    11: "FA",
    12: "WI",
}
SEASON_ORDER = ("WI", "SP", "SU", "FA")

# Tense of the clause a date sits in: it decides which "Friday" or "March" is meant.
PAST, PRESENT, FUTURE, UNKNOWN = "past", "present", "future", "unknown"
# The present of a planned thing ("early voting begins Oct. 20"): PRESENT, leaning ahead for a year.
SCHEDULED = "scheduled"
# Past, and the date is when the past verb itself happened ("In December, the firm bid"): a past
# event cannot be later than the story, so a yearless month not yet begun is last year's.
DONE = "done"


def year_value(year: int) -> str:
    """A year as TimeML writes it, always four digits ("0999"); out of range raises ValueError."""
    if not 1 <= year <= 9999:
        raise ValueError(f"year {year} is outside the calendar")
    return f"{year:04d}"


def day_value(d: date) -> str:
    return d.isoformat()


def month_value(year: int, month: int) -> str:
    """A month as TimeML writes it ("2020-09"); out of range raises ValueError, like year_value."""
    if not 1 <= month <= 12:
        raise ValueError(f"month {month} is outside the calendar")
    return f"{year_value(year)}-{month:02d}"


def week_value(d: date) -> str:
    """The ISO week a day falls in, as TimeML writes it (`2020-W37`)."""
    iso = d.isocalendar()
    return f"{iso[0]:04d}-W{iso[1]:02d}"


def quarter_of(d: date) -> tuple[int, int]:
    return d.year, (d.month - 1) // 3 + 1


def quarter_value(year: int, quarter: int) -> str:
    return f"{year:04d}-Q{quarter}"


def shift_quarter(year: int, quarter: int, by: int) -> tuple[int, int]:
    index = year * 4 + (quarter - 1) + by
    return index // 4, index % 4 + 1


def shift_month(year: int, month: int, by: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + by
    return index // 12, index % 12 + 1


def safe_date(year: int, month: int, day: int) -> date | None:
    """The date, or None when the day does not exist in that month (31 June, 29 Feb 2019)."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


def pick_year(
    anchor: date,
    month: int,
    day: int | None,
    tense: str,
    done: bool = False,
    scheduled: bool = False,
) -> int:
    """The year a yearless month (and day) most likely means, seen from `anchor` in `tense`.

    News leaves the year out when it is the current one (AP style), so the anchor's year wins unless
    the tense contradicts it by more than a month (a past "Dec. 20" in January is last year's, a
    future "March" in November next year's) or, tense unknown, another year's date is nearer.
    `done`: the date is when a past verb happened, so it cannot be after `anchor` at all.
    `scheduled`: a present verb of a planned thing ("begins", "takes effect"): ahead up to nine
    months, behind only two.
    """
    this = safe_date(anchor.year, month, day or 15) or date(anchor.year, month, 28)
    diff = (this - anchor).days
    if tense == PAST:  # a whole month counts from its first day, a day with some slack
        ahead = (date(anchor.year, month, 1) - anchor).days if day is None else diff - 14
        return anchor.year if ahead <= (0 if done else 31) else anchor.year - 1
    if tense == FUTURE:
        behind = diff + 16 if day is None else diff
        return anchor.year if behind >= -31 else anchor.year + 1
    if scheduled:  # "early voting begins Oct. 20": what is scheduled is told in the present
        return anchor.year - 1 if diff > 275 else anchor.year + 1 if diff < -61 else anchor.year
    if diff > 183:
        return anchor.year - 1
    if diff < -183:
        return anchor.year + 1
    return anchor.year


def nth_weekday(year: int, month: int, weekday: int, nth: str) -> date | None:
    """The first ... fifth, or the "last"/"final", `weekday` of a month; None past its end."""
    if nth in ("last", "final"):
        last = date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)
        return last - timedelta(days=(last.weekday() - weekday) % 7)
    first = date(year, month, 1)
    day = first + timedelta(days=(weekday - first.weekday()) % 7)
    day += timedelta(weeks=("first", "second", "third", "fourth", "fifth").index(nth))
    return day if day.month == month else None


def weekday_date(anchor: date, weekday: int, direction: str) -> date:
    """The `weekday` (0 = Monday) around `anchor`.

    `direction`: "past" = latest on or before, "future" = next on or after,
    "last" = latest strictly before, "next" = next strictly after,
    "next week" = that day of the ISO week after `anchor`'s.
    """
    if direction == "next week":
        return anchor + timedelta(days=7 - anchor.weekday() + weekday)
    delta = (anchor.weekday() - weekday) % 7
    if direction == "past":
        return anchor - timedelta(days=delta)
    if direction == "last":
        return anchor - timedelta(days=delta or 7)
    ahead = (weekday - anchor.weekday()) % 7
    if direction == "future":
        return anchor + timedelta(days=ahead)
    return anchor + timedelta(days=ahead or 7)


def weekend_saturday(anchor: date, relation: str) -> date:
    """The Saturday of the weekend meant by "last/this/next weekend" (relation "last", "", "next").

    "last weekend" is the latest one over before `anchor` (on a weekend day, the one before it);
    "this weekend" the one of `anchor`'s ISO week; "next weekend" the one of the week after.
    """
    saturday = anchor + timedelta(days=5 - anchor.weekday())  # this ISO week's Saturday
    if relation == "last":
        return saturday - timedelta(weeks=1)
    if relation == "next":
        return saturday + timedelta(weeks=1)
    return saturday


def season_year(anchor: date, season: str, relation: str) -> int:
    """The year of the `season` meant by "this/last/next <season>" (relation "", "last", "next").

    "coming": the season now going on, or else the next one ("will reopen in the spring").
    """
    current = SEASON_OF_MONTH[anchor.month]
    cur_i, s_i = SEASON_ORDER.index(current), SEASON_ORDER.index(season)
    # December belongs to the winter that is mostly in the next year.
    base = anchor.year + 1 if anchor.month == 12 else anchor.year
    if relation == "last":
        return base if s_i < cur_i else base - 1
    if relation == "next":
        return base if s_i > cur_i else base + 1
    if relation == "coming":
        return base if s_i >= cur_i else base + 1
    return base


_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_SEASON = re.compile(r"^(\d{4})-(SP|SU|FA|WI)$")


def human_date(value: str) -> str:
    """A TimeML calendar value as a reader would say it: "Sun 13 Sep 2020", "Q3 2020", "the 1990s"."""
    if m := _DAY.match(value):
        d = safe_date(int(m[1]), int(m[2]), int(m[3]))
        if d is not None:
            return f"{WEEKDAY_ABBR[d.weekday()]} {d.day} {MONTH_ABBR[d.month - 1]} {d.year}"
    elif m := _MONTH.match(value):
        if 1 <= int(m[2]) <= 12:
            return f"{MONTH_ABBR[int(m[2]) - 1]} {m[1]}"
    elif m := _WEEK.match(value):
        return f"Week {int(m[2])} of {m[1]}"
    elif m := _QUARTER.match(value):
        return f"Q{m[2]} {m[1]}"
    elif m := _SEASON.match(value):
        return f"{SEASON_NAMES[m[2]]} {m[1]}"
    elif re.fullmatch(r"\d{4}", value):
        return value
    elif re.fullmatch(r"\d{3}", value):
        return f"the {value}0s"
    return value


def sort_key(value: str) -> str:
    """A string that orders calendar values of any granularity roughly by their start."""
    try:
        if re.fullmatch(r"\d{3}", value):
            return value + "0"
        if m := _WEEK.match(value):
            monday = date.fromisocalendar(int(m[1]), int(m[2]), 1)
            return monday.isoformat()
        if m := _QUARTER.match(value):
            return month_value(int(m[1]), (int(m[2]) - 1) * 3 + 1)
        if m := _SEASON.match(value):
            first = {"WI": 1, "SP": 3, "SU": 6, "FA": 9}[m[2]]
            return month_value(int(m[1]), first)
    except ValueError:  # a value outside the calendar (a hand-edited store) sorts as written
        pass
    return value
