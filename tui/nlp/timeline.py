"""An article's timeline: its dated expressions, each with a TimeML calendar value and its sentence.

Expressions are found by our own grammar (`timex_patterns`), which catches what the small spaCy model
misses ("Monday", "Aug. 9", "1999"); spaCy gives the sentence, the tense of the clause (which decides
whether a bare "Friday" is last week's or next week's) and tells a year from a count ("1999 troops").
`timex_nondates` holds what looks like a date but is not ("Football Manager 2020", a game's "third
quarter", a time stamp); embedded posts and dated quotations count their "today" from their own day.
"""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING

from tui.calendar_words import month_number
from tui.model import PublishedDate, TimelineEvent, granularity
from tui.nlp.doc_text import text_of
from tui.nlp.timex_calendar import human_date, safe_date, sort_key
from tui.nlp.timex_nondates import ArticleCues, is_count, is_modifier, is_stamp
from tui.nlp.timex_nowadays import is_nowadays
from tui.nlp.timex_patterns import MONTH, YEAR, Found, find_all, find_nested
from tui.nlp.timex_quotes import RELATIVE_RULES, quote_days
from tui.nlp.timex_rules import Resolver, Value
from tui.nlp.timex_tense import sentence_of, tense_of_span, tense_of_text

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["extract_timeline", "human_date", "normalize", "parse_anchor", "sort_key"]


def parse_anchor(published: PublishedDate | str | date | None) -> date | None:
    """The publication day as a date, when the value says at least a day."""
    if published is None:
        return None
    if isinstance(published, date):
        return published
    value = published if isinstance(published, str) else published.value
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def extract_timeline(docs: list[Doc], published: PublishedDate | None) -> list[TimelineEvent]:
    """The dated expressions of an article (one Doc per paragraph), in text order, with values."""
    posted = _post_dates([text_of(doc) for doc in docs])
    anchor = _written_on(parse_anchor(published), posted)
    resolver = Resolver(anchor)
    cues = ArticleCues([text_of(doc) for doc in docs])
    events: list[TimelineEvent] = []
    for index, doc in enumerate(docs):
        text = text_of(doc)
        if is_stamp(text):
            continue  # "5:45 AM PST 11/19/2019 by Jane Doe": the page's time stamp, not the story's
        # An embedded post's "today" is the day it was posted, not the day of the article.
        now = posted.get(index, anchor)
        quoted = quote_days(text, now)
        for outer, inner in find_nested(text):
            for found in (outer, *inner):
                if found is not outer and outer[2] in _WHOLE and found[2] != "year":
                    continue  # "May 10 each year" refused is not "May"; "Black Friday" not "Friday"
                resolver.anchor = _said_on(found, quoted, now)
                event = _event(doc, index, found, resolver, cues)
                if event is not None:
                    events.append(event)
                    if found is outer:
                        break
    return events


_UPDATE_DAYS_MAX = 7


def _written_on(anchor: date | None, posted: dict[int, date]) -> date | None:
    """The day the story was last written: a post it quotes cannot be newer than the story.

    A page dated Monday that embeds a post signed Tuesday was updated on Tuesday, so its "Tuesday"
    is that day, not the week before. A post more than a week newer is more likely a mis-dated page.
    """
    if anchor is None:
        return None
    newer = [day for day in posted.values() if 0 < (day - anchor).days <= _UPDATE_DAYS_MAX]
    return max(newer, default=anchor)


def _said_on(found: Found, quoted: list[tuple[int, int, date]], now: date | None) -> date | None:
    """The "now" a relative expression counts from: the day its quotation was said, if dated."""
    if found[2] in RELATIVE_RULES:
        for start, end, day in quoted:
            if start <= found[0] < end:
                return day
    return now


# Expressions refused as a whole: only a year inside them may still count on its own.
_WHOLE = {
    "month_day",
    "day_month",
    "holiday",
    "weekday",
    "weekend",
    "week_of",
    "nth_week_of",
    "nth_weekday_of",
}
_SIGNATURE = re.compile(
    rf"\(@\w{{1,30}}\)\s*(?:(?i:on)\s+)?(?P<mon>{MONTH})\s+(?P<d>\d{{1,2}}),?\s+(?P<y>{YEAR})"
)


def _post_dates(texts: list[str]) -> dict[int, date]:
    """The paragraphs of embedded posts, each with the date its signature line gives.

    A post comes as its text, then "— Name (@handle) November 15, 2019"; both take that date.
    """
    dates: dict[int, date] = {}
    for index, text in enumerate(texts):
        m = _SIGNATURE.search(text) if len(text) < 200 else None
        day = m and safe_date(int(m["y"]), month_number(m["mon"]), int(m["d"]))
        if day:
            dates[index] = day
            if index > 0 and index - 1 not in dates:
                dates[index - 1] = day
    return dates


# Words that make "the nineties" a range of numbers rather than a decade.
_NUMBER_TALK = re.compile(
    r"(?i)\b(?:scor(?:e|es|ed|ing)|temperatures?|highs?|lows?)\b(?:\s+[\w']+){0,3}\s+(?:in|into)\s+$"
)


def _event(
    doc: Doc, index: int, found: Found, resolver: Resolver, cues: ArticleCues
) -> TimelineEvent | None:
    """The timeline item for one matched expression, or None when it names no calendar point."""
    start, end, rule, match = found
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    sentence = sentence_of(span)
    if rule == "year" and match.group(0) == match["y"] and is_count(doc, span):
        return None
    if rule == "rel_quarter" and cues.is_game_period(sentence):
        return None  # "scored in the last quarter" of a game
    if (
        rule == "quarter"
        and not any(match.group("y1", "y2", "yrel"))
        and cues.is_game_period(sentence)
    ):
        return None
    if rule == "decade_word" and _NUMBER_TALK.search(text_of(doc)[max(0, start - 40) : start]):
        return None  # "a score in the nineties", "temperatures in the eighties": numbers
    if rule == "relative_day" and is_nowadays(span):
        return None
    if rule == "weekday" and match.group(0) == match["wd"] and is_modifier(span):
        return None  # "Saturday publication", "Sunday editions": which day of any week
    if rule == "holiday" and not match["y"] and is_modifier(span):
        return None  # "Black Friday deals", "Christmas shopping": the season, not the day
    result = resolver.resolve(rule, match, tense_of_span(span))
    if result is None:
        return None
    return TimelineEvent(
        value=result[0],
        granularity=granularity(result[1]),
        text=text_of(doc)[start:end],
        paragraph=index,
        start=start,
        end=end,
        sentence=sentence,
    )


def normalize(expression: str, anchor: date | None, context: str = "") -> Value | None:
    """The (value, granularity) of one expression seen from `anchor`; None if it is no date.

    `context` is the sentence around it, whose tense picks between last and next "Friday".
    """
    found = find_all(expression)
    if not found:
        return None
    _, _, rule, match = max(found, key=lambda f: f[1] - f[0])
    return Resolver(anchor).resolve(rule, match, tense_of_text(context or expression))
