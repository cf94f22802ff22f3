"""Show TimeML calendar values ("2020-09-13", "2020-W37", "2020-SU") as people write dates.

Kept in the UI package and free of heavy imports so the article list can show dates at start-up.
"""

from __future__ import annotations

import re
from datetime import date

_SEASONS = {"SP": "Spring", "SU": "Summer", "FA": "Autumn", "AU": "Autumn", "WI": "Winter"}
_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_WEEK = re.compile(r"^(\d{4})-W(\d{1,2})$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_SEASON = re.compile(r"^(\d{4})-(SP|SU|FA|AU|WI)$")
_YEAR = re.compile(r"^(\d{4})$")
_DECADE = re.compile(r"^(\d{3})X?$")


def _parse_day(value: str) -> date | None:
    """The calendar day a value starts with, or None when it is not a valid day."""
    match = _DAY.match(value)
    if not match:
        return None
    try:
        return date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


def short_date(value: str | None) -> str:
    """A compact date for the article list: "13 Sep 2020", "Sep 2020", "2020"; "" when unknown."""
    if not value:
        return ""
    day = _parse_day(value)
    if day:
        return f"{day.day} {day:%b %Y}"
    return human_value(value)


def human_value(value: str) -> str:
    """A TimeML value in words ("Sun 13 Sep 2020", "Week 37 of 2020", "the 2020s"), else as is."""
    day = _parse_day(value)
    if day:
        return f"{day:%a} {day.day} {day:%b %Y}"
    if match := _MONTH.match(value):
        month = int(match[2])
        if 1 <= month <= 12:
            return f"{date(2000, month, 1):%b} {match[1]}"
    if match := _WEEK.match(value):
        return f"Week {int(match[2])} of {match[1]}"
    if match := _QUARTER.match(value):
        return f"Q{match[2]} {match[1]}"
    if match := _SEASON.match(value):
        return f"{_SEASONS[match[2]]} {match[1]}"
    if _YEAR.match(value):
        return value
    if match := _DECADE.match(value):
        return f"the {match[1]}0s"
    return value


def human_date(value: str) -> str:
    """A date value in words: `tui.nlp.timeline.human_date` when it exists, else `human_value`.

    The NLP module is imported here, late, never at start-up; if it is missing or fails we fall back
    to `human_value`, which reads the same values.
    """
    try:
        from tui.nlp.timeline import human_date as nlp_human_date
    except ImportError:
        return human_value(value)
    try:
        return nlp_human_date(value)
    except (ValueError, TypeError):
        return human_value(value)


_SEASON_MONTH = {"SP": 3, "SU": 6, "FA": 9, "AU": 9, "WI": 12}


def sort_key(value: str) -> tuple[int, int, int, str]:
    """A key that orders TimeML values by the day they start on (unknown values last)."""
    day = _parse_day(value)
    if day:
        return (day.year, day.month, day.day, value)
    if match := _MONTH.match(value):
        return (int(match[1]), int(match[2]), 1, value)
    if match := _WEEK.match(value):
        try:
            start = date.fromisocalendar(int(match[1]), int(match[2]), 1)
        except ValueError:
            return (int(match[1]), 1, 1, value)
        return (start.year, start.month, start.day, value)
    if match := _QUARTER.match(value):
        return (int(match[1]), 3 * (int(match[2]) - 1) + 1, 1, value)
    if match := _SEASON.match(value):
        return (int(match[1]), _SEASON_MONTH[match[2]], 1, value)
    if _YEAR.match(value):
        return (int(value), 1, 1, value)
    if match := _DECADE.match(value):
        return (int(match[1]) * 10, 1, 1, value)
    return (9999, 12, 31, value)
