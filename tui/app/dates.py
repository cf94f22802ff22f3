"""Dates as the reader shows them: TimeML values in words, compact dates for the article list.

The wording and the ordering come from `tui.nlp.timex_calendar`, the calendar module the timeline is
built with (plain Python, no spaCy, so the list can use it at start-up). Every string returned here is
safe to print: a value read from a hand-edited store may hold anything.
"""

from __future__ import annotations

from datetime import date

from tui.nlp.timex_calendar import human_date as _in_words
from tui.nlp.timex_calendar import sort_key
from tui.sanitize import clean_terminal_text

__all__ = ["human_date", "human_value", "short_date", "sort_key"]


def human_date(value: str) -> str:
    """A TimeML value in words ("Sun 13 Sep 2020", "Week 37 of 2020", "the 2020s"), else as is."""
    return clean_terminal_text(_in_words(value))


human_value = human_date


def short_date(value: str | None) -> str:
    """A compact date for the article list: "13 Sep 2020", "Sep 2020", "2020"; "" when unknown."""
    if not value:
        return ""
    try:
        day = date.fromisoformat(value[:10])
    except ValueError:
        return human_date(value)
    return f"{day.day} {day:%b %Y}"
