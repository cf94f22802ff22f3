"""Everyday news sentences: what the timeline makes of politics, crime, business, sports, science.

Every sentence here is written for these tests. The story is published on Thursday 2023-11-16 (ISO
week 46). Each rule's case comes with a near neighbour that must keep its item, so a rule that
drops or moves everything fails.
"""

from __future__ import annotations

import pytest

from tui.model import PublishedDate
from tui.nlp.timeline import extract_timeline

THURSDAY = "2023-11-16"


def items(nlp, paragraphs: list[str], published: str = THURSDAY) -> list[tuple[str, str]]:
    """(text, value) of each timeline item of the paragraphs."""
    docs = list(nlp.pipe(paragraphs))
    return [(e.text, e.value) for e in extract_timeline(docs, PublishedDate(published))]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a day right after a past verb of saying is when it was said
        (
            "Officials said Tuesday the bridge will reopen Friday.",
            [("Tuesday", "2023-11-14"), ("Friday", "2023-11-17")],
        ),
        (
            "The mayor told reporters Monday that the vote will be close.",
            [("Monday", "2023-11-13")],
        ),
        ("The council will vote Monday.", [("Monday", "2023-11-20")]),
        # forecasts and pledges look ahead, like plans
        ("The storm is forecast to hit the coast late Friday.", [("late Friday", "2023-11-17")]),
        ("The union vowed to strike on Monday.", [("Monday", "2023-11-20")]),
        ("The storm hit the coast late Friday.", [("late Friday", "2023-11-10")]),
        # a weekday range ends after it starts
        (
            "Schools are closed Monday through Friday.",
            [("Monday", "2023-11-13"), ("Friday", "2023-11-17")],
        ),
        # a timetable's days are no dates
        ("The office is open Monday-Friday.", []),
        ("The bakery is open Tuesday through Sunday from 7 a.m.", []),
        ("Hours are Monday to Friday, 9 a.m. to 5 p.m.", []),
        ("Shows run Tuesday through Sunday, with matinees on Saturdays and Sundays.", []),
        # a time clause the parser reads as a noun still looks ahead
        (
            "Schools were asked to send letters home before pupils return on Monday.",
            [("Monday", "2023-11-20")],
        ),
        # a "will" the parser hangs from the "be" still looks ahead
        ("The bridge will be closed Monday for repairs.", [("Monday", "2023-11-20")]),
        # the nth week of a month is the ISO week of its nth Thursday
        (
            "The festival returns in the first week of December.",
            [("the first week of December", "2023-W49")],
        ),
        ("Sales slowed in the last week of October.", [("the last week of October", "2023-W43")]),
        # the nth weekday of a month is one day; of any month, none
        (
            "The new council is sworn in on the first Monday of December.",
            [("the first Monday of December", "2023-12-04")],
        ),
        ("Rent is due on the last Friday of the month.", []),
        ("The board meets on the second and fourth Monday of each month.", []),
        # a frequency covers the whole list after "every"
        ("The dividend is paid every March, June, September and December.", []),
        # "a Friday night" is any Friday; "a Friday deadline" is this one
        ("The bar gets crowded on a Friday night.", []),
        ("The company faces a Friday deadline to repay the loan.", [("Friday", "2023-11-17")]),
        # "the following Friday" counts from the day just told
        (
            "The final is on Sunday, Nov. 26, and a dinner is planned for the following Friday.",
            [("Sunday, Nov. 26", "2023-11-26"), ("the following Friday", "2023-12-01")],
        ),
        # what was planned for a day is still ahead, unless the clause says it is over
        ("A second scan was planned for Tuesday.", [("Tuesday", "2023-11-21")]),
        ("A rally planned for Saturday was canceled.", [("Saturday", "2023-11-11")]),
        # a clock time, "on", a weekday and a date are one moment
        (
            "The quake struck at 3:45 a.m. on Sunday, Nov. 12.",
            [("3:45 a.m. on Sunday, Nov. 12", "2023-11-12")],
        ),
    ],
)
def test_the_day_a_weekday_means(nlp, sentence: str, expected) -> None:
    assert items(nlp, [sentence]) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a season without a year: the coming one when the clause looks ahead, else the last
        ("The show returns for a new season in the spring.", [("the spring", "2024-SP")]),
        ("The show returned in the spring.", [("the spring", "2023-SP")]),
        ("The winter of 2021-22 was mild.", []),
        # "last year" after a day or a holiday gives it its year
        (
            "The law was signed on Nov. 3 last year.",
            [("Nov. 3", "2022-11-03"), ("last year", "2022")],
        ),
        (
            "Families gathered for Thanksgiving last year.",
            [("Thanksgiving", "2022-11-24"), ("last year", "2022")],
        ),
        ("The law was signed on Nov. 3.", [("Nov. 3", "2023-11-03")]),
        # the end of the year keeps its modifier
        ("The deal expires at the end of the year.", [("the end of the year", "2023")]),
    ],
)
def test_the_year_of_a_season_a_day_and_the_end_of_the_year(nlp, sentence: str, expected) -> None:
    assert items(nlp, [sentence]) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Security was tightened after 9/11.", [("9/11", "2001-09-11")]),
        ("The post-9/11 wars cost trillions.", [("9/11", "2001-09-11")]),
        ("The Jan. 6 committee released its report.", [("Jan. 6", "2021-01-06")]),
        ("He was charged over the Jan. 6 Capitol riot.", [("Jan. 6", "2021-01-06")]),
        # an ordinary Jan. 6, and numbers that only look like 9/11
        ("The hearing is set for Jan. 6.", [("Jan. 6", "2024-01-06")]),
        ("He went 9/11 from the field.", []),
    ],
)
def test_days_that_news_names_by_their_date(nlp, sentence: str, expected) -> None:
    assert items(nlp, [sentence]) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # hedged counts back are no calendar point
        ("About a month ago, the company changed its plans.", []),
        ("Nearly three years ago, the mill closed.", []),
        ("The plant opened more than two years ago.", []),
        ("A month ago, the plant closed.", [("A month ago", "2023-10")]),
        ("She moved to Paris two years ago.", [("two years ago", "2021")]),
        # split years label a season, a school or a fiscal year; a range of years stays
        ("The team won its 2022-23 title.", []),
        ("He served as mayor from 2015 to 2018.", [("2015", "2015"), ("2018", "2018")]),
        # a model year, even after "the"; a year before an event's name still dates it
        ("The 2024 Camry gets a hybrid engine.", []),
        ("Toyota recalled the 2021 Corolla.", []),
        ("Demand for its 2024 Ranger pickup stayed strong.", []),
        ("Pickup sales fell in 2019.", [("2019", "2019")]),
        ("The 2008 Beijing Olympics cost billions.", [("2008", "2008")]),
        ("The 2018 Camp Fire destroyed the town.", [("2018", "2018")]),
        # a book's imprint and year
        ('Her book "Cold Harbour" (Lantern Press, 2018) is out now.', []),
        ('Her book "Cold Harbour" came out in 2018.', [("2018", "2018")]),
        # the bounds of any fiscal year
        ("The city's fiscal year runs from Jan. 1 to Dec. 31.", []),
        ("The city's budget passed on July 1.", [("July 1", "2023-07-01")]),
        # "of tomorrow" is the future, not a day
        ("We are training the engineers of tomorrow.", []),
        ("The vote is tomorrow.", [("tomorrow", "2023-11-17")]),
        # "today's" before a generic plural is these days; a day's name in a title is a name
        ("Today's smartphones are faster than old laptops.", []),
        ("Today's vote was close.", [("Today", "2023-11-16")]),
        ("The Sunday Times reported the leak.", []),
        ("The leak was reported on Sunday.", [("Sunday", "2023-11-12")]),
        # vague spans stay out, calendar ones stay in
        ("The agency will issue rules in the coming weeks.", []),
        ("The plan will cost $2 billion over the next five years.", []),
        ("Prices climbed over the past week.", []),
        ("Prices climbed last week.", [("last week", "2023-W45")]),
    ],
)
def test_what_is_not_a_point_on_the_calendar(nlp, sentence: str, expected) -> None:
    assert items(nlp, [sentence]) == expected


def test_a_quotation_said_to_reporters_on_a_day_counts_from_that_day(nlp) -> None:
    sentence = "“Yesterday was a disaster,” she told reporters on Tuesday."
    assert items(nlp, [sentence]) == [("Yesterday", "2023-11-13"), ("Tuesday", "2023-11-14")]


def test_a_local_story_in_full(nlp) -> None:
    paragraphs = [
        "RIVERTON, Ohio — The city council approved a $48 million budget early Thursday, capping "
        "a process that began in August.",
        "The budget takes effect Jan. 1. A public hearing on the new fees is scheduled for Dec. 5.",
        "“We started this in the summer and we finish it tonight,” Mayor Tom Hale said Wednesday.",
        "Last year, the council passed its budget on Dec. 20. In 2021, the city had a deficit.",
        "The council's next regular meeting is Monday at 6 p.m.",
    ]
    assert items(nlp, paragraphs) == [
        ("early Thursday", "2023-11-16"),
        ("August", "2023-08"),
        ("Jan. 1", "2024-01-01"),
        ("Dec. 5", "2023-12-05"),
        ("the summer", "2023-SU"),
        ("tonight", "2023-11-15"),
        ("Wednesday", "2023-11-15"),
        ("Last year", "2022"),
        ("Dec. 20", "2022-12-20"),
        ("2021", "2021"),
        ("Monday", "2023-11-20"),
    ]


def test_modals_look_ahead_and_fiscal_labels_are_no_items(nlp) -> None:
    assert items(nlp, ["She may testify Tuesday, her lawyer said."]) == [("Tuesday", "2023-11-21")]
    assert items(nlp, ["She testified Tuesday, her lawyer said."]) == [("Tuesday", "2023-11-14")]
    assert items(nlp, ["Sales fell in fiscal 2024, the company said."]) == []
    assert items(nlp, ["Sales fell in 2022, the company said."]) == [("2022", "2022")]
