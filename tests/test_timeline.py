"""The timeline: dated expressions found, valued against the publication date, with exact offsets."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.model import PublishedDate
from tui.nlp.timeline import extract_timeline, human_date, normalize, sort_key

SEED_GOLD = Path(__file__).resolve().parents[1] / ".." / "shared" / "seed"
SEED_GOLD = SEED_GOLD / "globe-belarus-2020-09-14.gold.json"

MON = date(2020, 9, 14)  # a Monday; ISO week 38 of 2020
PAST = "Officials said it happened then."
FUTURE = "Officials will meet then."


def timeline(nlp, paragraphs: list[str], published: str | None = "2020-09-14"):
    docs = list(nlp.pipe(paragraphs))
    return extract_timeline(docs, PublishedDate(published) if published else None)


# --- the seed article ---------------------------------------------------------------------------


def test_seed_article_has_exactly_the_gold_dates(nlp) -> None:
    if not SEED_GOLD.exists():
        pytest.skip("../shared/seed is not present")
    gold = json.loads(SEED_GOLD.read_text(encoding="utf-8"))
    events = timeline(nlp, gold["paragraphs"], gold["publication_date"])
    got = {(e.value, e.granularity) for e in events}
    want = {(t["date"], t["granularity"]) for t in gold["timeline"]}
    assert got == want
    texts = " | ".join(e.text for e in events)
    for phrase in gold["not_events"]:
        assert all(phrase.lower() not in e.text.lower() for e in events), (phrase, texts)


# --- normalization, rule by rule -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("expression", "anchor", "context", "expected"),
    [
        # dates with and without a year
        ("Aug. 9", MON, PAST, ("2020-08-09", "day")),
        ("Aug. 9, 1999", MON, PAST, ("1999-08-09", "day")),
        ("9 August 2019", MON, PAST, ("2019-08-09", "day")),
        ("September 30th", MON, FUTURE, ("2020-09-30", "day")),
        (
            "Dec. 20",
            date(2021, 1, 10),
            "He said on Dec. 20 that he would go.",
            ("2020-12-20", "day"),
        ),
        ("March 3", date(2020, 11, 10), "The vote will be held March 3.", ("2021-03-03", "day")),
        ("Nov. 20", date(1989, 11, 2), "The offer expires Nov. 20.", ("1989-11-20", "day")),
        ("2020-09-13", None, "", ("2020-09-13", "day")),
        ("9/13/20", MON, PAST, ("2020-09-13", "day")),
        ("12/7/41", MON, PAST, ("1941-12-07", "day")),
        ("Saturday, April 25", date(1998, 4, 24), PAST, ("1998-04-25", "day")),
        # weekdays
        ("Monday", MON, PAST, ("2020-09-14", "day")),
        ("Sunday", MON, PAST, ("2020-09-13", "day")),
        ("Friday", MON, PAST, ("2020-09-11", "day")),
        ("on Friday", MON, "Mr. Putin will meet him on Friday.", ("2020-09-18", "day")),
        ("next Monday", MON, PAST, ("2020-09-21", "day")),
        ("last Monday", MON, PAST, ("2020-09-07", "day")),
        ("this coming Thursday", MON, PAST, ("2020-09-17", "day")),
        # days around the publication date
        ("today", MON, PAST, ("2020-09-14", "day")),
        ("yesterday", MON, PAST, ("2020-09-13", "day")),
        ("tomorrow", MON, FUTURE, ("2020-09-15", "day")),
        ("last night", MON, PAST, ("2020-09-13", "day")),
        ("three days ago", MON, PAST, ("2020-09-11", "day")),
        # weeks, months, years around it
        ("the week of Sept. 21", MON, FUTURE, ("2020-W39", "week")),
        ("this week", MON, PAST, ("2020-W38", "week")),
        ("last week", MON, PAST, ("2020-W37", "week")),
        ("next week", MON, FUTURE, ("2020-W39", "week")),
        ("last month", MON, PAST, ("2020-08", "month")),
        ("earlier this month", MON, PAST, ("2020-09", "month")),
        ("this year", MON, PAST, ("2020", "year")),
        ("last year", MON, PAST, ("2019", "year")),
        ("early next year", MON, FUTURE, ("2021", "year")),
        ("two years ago", MON, PAST, ("2018", "year")),
        # months, with and without a year
        ("March 2019", MON, PAST, ("2019-03", "month")),
        ("in March", MON, PAST, ("2020-03", "month")),
        ("in November", MON, PAST, ("2019-11", "month")),
        ("in November", MON, FUTURE, ("2020-11", "month")),
        ("last December", MON, PAST, ("2019-12", "month")),
        ("next January", MON, FUTURE, ("2021-01", "month")),
        ("July last year", MON, PAST, ("2019-07", "month")),
        ("early September", MON, PAST, ("2020-09", "month")),
        # years and decades
        ("1999", MON, PAST, ("1999", "year")),
        ("in 2006", MON, PAST, ("2006", "year")),
        ("mid-1996", MON, PAST, ("1996", "year")),
        ("fiscal 1990", MON, PAST, None),  # a fiscal year's label is no item (GUIDELINES)
        ("in 1848", MON, PAST, ("1848", "year")),
        ("nineteen ninety-one", MON, PAST, ("1991", "year")),
        ("the 1990s", MON, PAST, ("199", "decade")),
        ("the mid-1980s", MON, PAST, ("198", "decade")),
        ("the '90s", MON, PAST, ("199", "decade")),
        ("the nineties", MON, PAST, ("199", "decade")),
        # quarters and seasons
        ("the third quarter", MON, PAST, ("2020-Q3", "quarter")),
        ("third-quarter", date(1989, 10, 30), PAST, ("1989-Q3", "quarter")),
        ("the fourth quarter of 2019", MON, PAST, ("2019-Q4", "quarter")),
        ("the latest quarter", date(1989, 10, 30), PAST, ("1989-Q3", "quarter")),
        ("the current quarter", date(1989, 10, 30), PAST, ("1989-Q4", "quarter")),
        ("last quarter", date(2020, 1, 20), PAST, ("2019-Q4", "quarter")),
        ("next quarter", date(2020, 11, 2), FUTURE, ("2021-Q1", "quarter")),
        ("last summer", MON, PAST, ("2020-SU", "season")),
        ("last fall", date(1999, 4, 10), PAST, ("1998-FA", "season")),
        ("this winter", date(2020, 12, 5), FUTURE, ("2021-WI", "season")),
        ("next spring", MON, FUTURE, ("2021-SP", "season")),
        ("summer 2019", None, "", ("2019-SU", "season")),
        ("the fall of 1989", None, "", ("1989-FA", "season")),
        # holidays
        ("on Christmas", MON, FUTURE, ("2020-12-25", "day")),
        ("Christmas Eve", MON, FUTURE, ("2020-12-24", "day")),
        ("in April", MON, PAST, ("2020-04", "month")),
        ("Thanksgiving Day", date(2000, 4, 3), PAST, ("1999-11-25", "day")),
        # times of day are cut to their day
        ("Monday night", MON, PAST, ("2020-09-14", "day")),
        ("3 p.m. Tuesday", MON, PAST, ("2020-09-08", "day")),
        ("Tuesday morning", MON, "The court will rule Tuesday morning.", ("2020-09-15", "day")),
        ("5 p.m. EST, Nov. 6", date(1989, 10, 30), FUTURE, ("1989-11-06", "day")),
        # dates spoken in broadcast transcripts
        ("March eighth", MON, PAST, ("2020-03-08", "day")),
        ("the twenty-first of June", MON, PAST, ("2020-06-21", "day")),
        # "the year" of figures: this year's
        ("For the year, volume was flat.", MON, PAST, ("2020", "year")),
        ("the first nine months of the year", MON, PAST, ("2020", "year")),
    ],
)
def test_normalize(expression: str, anchor: date | None, context: str, expected) -> None:
    assert normalize(expression, anchor, context) == expected


@pytest.mark.parametrize(
    "expression",
    [
        "five weeks",
        "the past two decades",
        "four-hour",
        "12-day",
        "Until recently",
        "the medium term",
        "recently",
        "now",
        "currently",
        "two years",
        "every week",
        "every Monday",
        "each Friday",
        "$1999",
        "1,999",
        "2.5%",
        "they may go",
        "a decade ago",
        "This Week",
        "Christmas shopping",
        "April Ryan asked",
        "the Baltimore Sun.",
        "FY2020",
        "shares fall 2000 points",
        "flights leave on Tuesday nights",
        "Monday and Tuesday nights",
        "Mondays",
        "at midday",
        "around 7:15 p.m.",
        "at 3 p.m.",
    ],
)
def test_durations_frequencies_and_vague_words_are_not_dates(expression: str) -> None:
    assert normalize(expression, MON, PAST) is None


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("Monday", None),
        ("Aug. 9", None),
        ("last year", None),
        ("today", None),
        ("the third quarter", None),
        ("Aug. 9, 2020", ("2020-08-09", "day")),
        ("1999", ("1999", "year")),
        ("the 1990s", ("199", "decade")),
        ("March 2019", ("2019-03", "month")),
    ],
)
def test_without_an_anchor_only_absolute_dates_have_values(expression: str, expected) -> None:
    assert normalize(expression, None, PAST) == expected


# --- whole articles ------------------------------------------------------------------------------


def test_offsets_are_exact_and_sentences_contain_the_expression(nlp) -> None:
    paragraphs = [
        "The vote was held on Aug. 9. Protests began the same day and grew on Sunday.",
        "In 1994, he took power.  Since then, elections were held in 2001, 2006 and 2010.",
        "“We will meet next week,” she said on Monday night.",
    ]
    events = timeline(nlp, paragraphs)
    assert [e.text for e in events] == [
        "Aug. 9",
        "the same day",
        "Sunday",
        "1994",
        "2001",
        "2006",
        "2010",
        "next week",
        "Monday night",
    ]
    for e in events:
        assert paragraphs[e.paragraph][e.start : e.end] == e.text
        assert e.text in e.sentence
        assert e.sentence in paragraphs[e.paragraph]
    values = [e.value for e in events]
    assert values[:3] == ["2020-08-09", "2020-08-09", "2020-09-13"]
    assert values[-2:] == ["2020-W39", "2020-09-14"]
    assert events[1].sentence == "Protests began the same day and grew on Sunday."


def test_the_next_day_takes_the_date_just_mentioned_and_that_day_is_left_out(nlp) -> None:
    events = timeline(
        nlp, ["Troops arrived on Sept. 2.", "That day, and the next day, roads closed that night."]
    )
    assert [(e.text, e.value) for e in events] == [
        ("Sept. 2", "2020-09-02"),
        ("the next day", "2020-09-03"),
    ]


def test_the_second_day_of_a_pair_takes_its_date_and_a_time_of_day_is_no_item(nlp) -> None:
    paragraphs = [
        "The summit is on April 24 and 25. Talks ran Dec. 30-31, 1999.",
        "Police said the man arrived on Aug. 9 and was shot at 10 p.m.",
    ]
    events = timeline(nlp, paragraphs)
    assert [(e.text, e.value) for e in events] == [
        ("April 24", "2020-04-24"),
        ("25", "2020-04-25"),
        ("Dec. 30", "1999-12-30"),
        ("31, 1999", "1999-12-31"),
        ("Aug. 9", "2020-08-09"),
    ]
    counted = timeline(nlp, ["Prices rose on March 3 and 4 others fell, on Nov. 2 to 10 percent."])
    assert [e.text for e in counted] == ["March 3", "Nov. 2"]


def test_an_earnings_story_compares_with_the_year_ago_quarter(nlp) -> None:
    paragraphs = [
        "Kimberly-Clark posted a 20% gain in third-quarter net income.",
        "Net rose to $108.8 million, or $1.35 a share, from $90.5 million a year ago.",
        "Interest expense was lower than a year ago, and below the corresponding period last "
        "year. This quarter's loss was small. For the year, volume was flat.",
    ]
    events = timeline(nlp, paragraphs, published="1989-11-01")
    assert [(e.text, e.value) for e in events] == [
        ("third-quarter", "1989-Q3"),
        ("a year ago", "1988-Q3"),
        ("a year ago", "1988-Q3"),
        ("the corresponding period last year", "1988-Q3"),
        ("This quarter", "1989-Q3"),
        ("the year", "1989"),
    ]


def test_counts_and_amounts_are_not_years(nlp) -> None:
    events = timeline(nlp, ["Some 2000 troops and $1999 in cash arrived, 1500 more in 2019."])
    assert [(e.text, e.value) for e in events] == [("2019", "2019")]
    events = timeline(nlp, ["Leaders of the 1992 protests and post-1959 politics spoke."])
    assert [e.value for e in events] == ["1992", "1959"]
    events = timeline(nlp, ["He ran a venture called Orion 1980, and left it in 1985."])
    assert [e.value for e in events] == ["1985"]


def test_without_publication_date_relative_dates_are_left_out(nlp) -> None:
    paragraphs = ["On Monday, a week after the Aug. 9 vote, he recalled March 3, 2019 and 1994."]
    events = timeline(nlp, paragraphs, published=None)
    assert [(e.text, e.value) for e in events] == [
        ("March 3, 2019", "2019-03-03"),
        ("1994", "1994"),
    ]


def test_durations_and_vague_references_stay_off_the_timeline(nlp) -> None:
    paragraphs = [
        "For five weeks, and over the past two decades, the 12-day talks and a four-hour meeting "
        "ran every week. Until recently, in the medium term, it is now currently calm."
    ]
    assert timeline(nlp, paragraphs) == []


def test_future_tense_moves_a_weekday_forward(nlp) -> None:
    events = timeline(nlp, ["The two leaders will meet again on Friday.", "They met on Friday."])
    assert [e.value for e in events] == ["2020-09-18", "2020-09-11"]


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("The offer had been due to expire Friday.", "2020-09-11"),
        ("The team planned to leave Nairobi on Thursday.", "2020-09-17"),
        ("The two leaders meet again on Thursday.", "2020-09-17"),
        ("Critics attacked Thursday's ruling.", "2020-09-10"),
        ("Until Thursday, the police had not named him.", "2020-09-10"),
        ("The company said the shares are payable Oct. 20.", "2020-10-20"),
        ("He said the treaty was signed on Nov. 20.", "2019-11-20"),
    ],
)
def test_the_clause_tense_picks_the_day(nlp, sentence: str, value: str) -> None:
    assert [e.value for e in timeline(nlp, [sentence])] == [value]


def test_a_published_month_only_still_resolves_absolute_dates(nlp) -> None:
    events = timeline(nlp, ["It began on Monday, in 2014."], published="2020-09")
    assert [(e.text, e.value) for e in events] == [("2014", "2014")]


# --- wording for the UI --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2020-09-13", "Sun 13 Sep 2020"),
        ("2020-09", "Sep 2020"),
        ("2020", "2020"),
        ("199", "the 1990s"),
        ("2020-Q3", "Q3 2020"),
        ("2020-SU", "Summer 2020"),
        ("2020-WI", "Winter 2020"),
        ("2020-W37", "Week 37 of 2020"),
        ("PRESENT_REF", "PRESENT_REF"),
    ],
)
def test_human_date(value: str, expected: str) -> None:
    assert human_date(value) == expected


def test_sort_key_orders_mixed_granularities() -> None:
    values = ["2020-09-13", "199", "2020-Q3", "2020-W37", "2020", "2020-08", "2020-SU"]
    assert sorted(values, key=sort_key) == [
        "199",
        "2020",
        "2020-SU",
        "2020-Q3",
        "2020-08",
        "2020-W37",
        "2020-09-13",
    ]


# --- robustness ----------------------------------------------------------------------------------

FRAGMENTS = [
    "Monday",
    "last",
    "next",
    "Aug.",
    "9",
    "31",
    "Feb.",
    "29",
    ",",
    "1999",
    "2020",
    "the",
    "1990s",
    "third",
    "quarter",
    "summer",
    "week",
    "year",
    "ago",
    "two",
    "days",
    "that",
    "day",
    "May",
    "today",
    "fiscal",
    "mid-",
    "'90s",
    "3 p.m.",
    "Christmas",
    "of",
    "early",
    "2020-02-30",
    "13/45/2020",
]
CALENDAR = re.compile(
    r"^(?:\d{4}(?:-\d\d(?:-\d\d)?)?|\d{4}-W\d\d|\d{4}-Q[1-4]|\d{4}-(?:SP|SU|FA|WI)|\d{3})$"
)


@settings(max_examples=300, deadline=None)
@given(
    words=st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=8),
    anchor=st.one_of(st.none(), st.dates(min_value=date(1800, 1, 1), max_value=date(2200, 12, 31))),
)
def test_any_mix_of_date_words_gives_a_calendar_value_or_nothing(words, anchor) -> None:
    result = normalize(" ".join(words), anchor, "They said so.")
    if result is not None:
        value, granularity = result
        assert CALENDAR.match(value), value
        assert granularity in {"day", "week", "month", "quarter", "season", "year", "decade"}
        assert human_date(value)


def test_a_pipeline_without_parser_still_gives_dates_and_paragraph_sentences() -> None:
    import spacy

    blank = spacy.blank("en")
    paragraph = "Talks will resume on Friday. They began in March 2019."
    events = extract_timeline([blank(paragraph)], PublishedDate("2020-09-14"))
    assert [(e.text, e.value) for e in events] == [
        ("Friday", "2020-09-18"),
        ("March 2019", "2019-03"),
    ]
    assert all(e.sentence == paragraph for e in events)


def test_years_are_always_four_digits_and_the_calendar_edges_give_no_value() -> None:
    assert normalize("next year", date(998, 1, 1), FUTURE) == ("0999", "year")
    assert normalize("last summer", date(998, 9, 1), PAST) == ("0998-SU", "season")
    assert normalize("yesterday", date(1, 1, 1), PAST) is None
    assert normalize("tomorrow", date(9999, 12, 31), FUTURE) is None
    assert normalize("next year", date(9999, 6, 1), FUTURE) is None
