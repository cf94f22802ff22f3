"""Which day a relative date means: tense and "next", the story's own dates, posts, weekends, holidays.

Every sentence here is written for these tests.
"""

from __future__ import annotations

from datetime import date

import pytest

from tui.model import PublishedDate
from tui.nlp.timeline import extract_timeline, normalize
from tui.nlp.timex_holidays import easter, holiday_in


def items(nlp, paragraphs: list[str], published: str = "2020-09-16") -> list[tuple[str, str]]:
    """(text, value) of each timeline item; 2020-09-16 is a Wednesday (ISO week 38)."""
    docs = list(nlp.pipe(paragraphs))
    return [(e.text, e.value) for e in extract_timeline(docs, PublishedDate(published))]


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        # the future, however it is said
        ("A hearing for the tenants is scheduled for Friday.", "2020-09-18"),
        ("The ferry's last run is Friday.", "2020-09-18"),
        ("Up next: at Denver on Friday.", "2020-09-18"),
        ("The council will vote on Friday.", "2020-09-18"),
        # "until" after the verb looks ahead even in the past perfect
        ("The airline said it had pulled the jet from its schedule until Feb. 8.", "2021-02-08"),
        # a day-first date, when the day says so; the final quarter; a past holiday
        ("The hearing is on 24/09/2020 in Leeds.", "2020-09-24"),
        ("Sales rose in the final quarter of last year.", "2019-Q4"),
        # what is expected by a day is still to come
        ("Snow fell, with 18 inches expected in parts of Iowa by Friday morning.", "2020-09-18"),
        # "year's end" is this year's
        ("A ruling is expected by year's end.", "2020"),
        # what one is held until is still to come
        ("He was ordered held until a detention hearing on Friday.", "2020-09-18"),
        # a second verb shares the first one's "would": "would sell ... and close ... by March"
        (
            "The mill said it would shut two sheds, in Leeds and York, and cut 90 jobs by the end of"
            " March.",
            "2021-03",
        ),
        ("Tickets sold out ahead of Sunday's final.", "2020-09-20"),
        # and the past; what went on "until" a day ended on it, where a delay "until" it looks ahead
        ("Crews worked until Tuesday to restore power.", "2020-09-15"),
        ("The outage lasted until Saturday.", "2020-09-12"),
        ("The board postponed the vote until Friday.", "2020-09-18"),
        # what a "since" hangs on is past, whatever the tense of the verb above it
        (
            "The bank said it would buy a rival, the latest deal since the collapse of a lender in"
            " March.",
            "2020-03",
        ),
        ("The shop will stay open since the owner returns in March.", "2021-03"),
        ("The council voted on Friday.", "2020-09-11"),
        ("The council had voted on Friday.", "2020-09-11"),
        # "next Friday" is the Friday of next week, even said on a Thursday
        ("They meet again next Friday.", "2020-09-25"),
    ],
)
def test_tense_and_next_decide_the_weekday(nlp, sentence: str, value: str) -> None:
    assert [v for _, v in items(nlp, [sentence])] == [value]


def test_next_friday_said_on_a_thursday_is_eight_days_on() -> None:
    assert normalize("next Friday", date(2020, 9, 17), "They meet then.") == ("2020-09-25", "day")


def test_a_weekday_already_placed_keeps_its_day_in_a_present_sentence(nlp) -> None:
    paragraphs = [
        "The minister toured the flooded valley on Saturday.",
        "Here is what is known about the minister's tour on Saturday.",
    ]
    assert items(nlp, paragraphs) == [("Saturday", "2020-09-12"), ("Saturday", "2020-09-12")]


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        # a past verb that happened in a month not yet begun: last year's
        ("In December, the owners sold the mill.", "2019-12"),
        # "as of" a day: a state measured on a day gone by
        ("The fund owns a third of the shares as of March 20.", "2020-03-20"),
        # a deadline is not when the past verb happened
        ("The offer was extended to Oct. 30.", "2020-10-30"),
        # a later year named earlier in the sentence
        ("The band's 2021 tour opens in Denver on June 9.", "2021-06-09"),  # after "2021" itself
        # "the September quarter": the quarter that ends in September
        ("Profits rose in the September quarter.", "2020-Q3"),
        # an earlier year that dates the event the sentence is about
        ("She was booed in the 2016 race, after she spoke at a July 4 parade.", "2016-07-04"),
        # but not a year that dates something else in the sentence
        (
            "Under a plan adopted in 2016, the firm bought back stock through Sept. 29.",
            "2020-09-29",
        ),
        (
            "The sale closed in June 2016; the family still owns a share as of March 20.",
            "2020-03-20",
        ),
    ],
)
def test_a_date_without_a_year_takes_the_year_its_sentence_means(
    nlp, sentence: str, value: str
) -> None:
    assert [v for _, v in items(nlp, [sentence], "2020-11-19")][-1:] == [value]


def test_relative_dates_in_an_embedded_post_count_from_the_post(nlp) -> None:
    paragraphs = [
        "The governor had urged supporters to turn out.",
        "Polls are open until 8 tonight, go vote today!",
        "— Dana Whitlock (@danawhitlock) November 5, 2019",
        "Results came in today.",
    ]
    assert items(nlp, paragraphs, "2019-11-19") == [
        ("tonight", "2019-11-05"),
        ("today", "2019-11-05"),
        ("November 5, 2019", "2019-11-05"),
        ("today", "2019-11-19"),
    ]


def test_a_post_newer_than_the_page_date_dates_the_story_itself(nlp) -> None:
    # The page says Wednesday 16 September; the post it quotes was signed on Thursday the 17th, so
    # the story was last written on Thursday: its past "Thursday" is that day, not a week before.
    paragraphs = [
        "The mayor answered critics in a video posted on Thursday.",
        "We hear you and we will fix the bridge.",
        "— Mayor Ines Calder (@inescalder) September 17, 2020",
        "A post more than a week newer changes nothing:",
        "— Ines Calder (@inescalder) October 30, 2020",
    ]
    found = items(nlp, paragraphs)
    assert found[0] == ("Thursday", "2020-09-17")
    assert items(nlp, [paragraphs[0], *paragraphs[3:]])[0] == ("Thursday", "2020-09-10")


def test_relative_dates_in_a_dated_quotation_count_from_when_it_was_said(nlp) -> None:
    paragraphs = [
        "“We will vote tomorrow,” the mayor said Monday.",
        "On Monday, her deputy said: “The count ends today.”",
        "“We vote tomorrow,” she says.",
    ]
    assert items(nlp, paragraphs) == [
        ("tomorrow", "2020-09-15"),
        ("Monday", "2020-09-14"),
        ("Monday", "2020-09-14"),
        ("today", "2020-09-14"),
        ("tomorrow", "2020-09-17"),
    ]


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("The fire spread over the weekend.", "2020-W37"),
        ("Crews expect rain this weekend.", "2020-W38"),
        ("The fair returns next weekend.", "2020-W39"),
        ("Last weekend was quiet.", "2020-W37"),
        ("The parade is planned for the weekend of Oct. 3.", "2020-W40"),
    ],
)
def test_weekends_are_iso_weeks(nlp, sentence: str, value: str) -> None:
    assert [v for _, v in items(nlp, [sentence])] == [value]


def test_on_a_saturday_this_weekend_is_the_one_going_on() -> None:
    assert normalize("this weekend", date(2020, 9, 19), "They play then.") == ("2020-W38", "week")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("It was the town's first snowfall of the year.", [("the year", "2020")]),
        ("Sales slow at this time of the year.", []),
        ("He won Player of the Year.", []),
        ("Talks resume later in the year.", [("the year", "2020")]),
        ("The teams meet again in three days.", [("three days", "2020-09-19")]),
        ("The shed was built in three days.", []),
        ("Output fell in Q3 and rose in Q1 2021.", [("Q3", "2020-Q3"), ("Q1 2021", "2021-Q1")]),
        (
            "Costs rose in the fourth quarter of last year.",
            [("the fourth quarter of last year", "2019-Q4")],
        ),
        ("Prices doubled this decade.", [("this decade", "202")]),
        ("Talks stalled earlier in the week.", [("earlier in the week", "2020-W38")]),
        ("The rule changed in the last week.", []),
    ],
)
def test_the_year_coming_days_quarters_and_decades(nlp, sentence: str, expected) -> None:
    assert items(nlp, [sentence]) == expected


@pytest.mark.parametrize(
    ("sentence", "published", "value"),
    [
        ("Families gathered on Thanksgiving.", "2020-12-02", "2020-11-26"),
        ("The shops close on Easter Sunday.", "2021-03-01", "2021-04-04"),
        ("Markets shut for Good Friday.", "2019-04-25", "2019-04-19"),
        ("Crowds filled the streets on Lunar New Year.", "2020-02-10", "2020-01-25"),
        ("Travel peaks before Eid al-Fitr.", "2020-05-01", "2020-05-24"),
        ("The city lit lamps for Diwali.", "2019-11-01", "2019-10-27"),
        ("Candles were lit on the first night of Hanukkah.", "2020-12-20", "2020-12-11"),
        ("Pools open on Memorial Day.", "2021-05-01", "2021-05-31"),
        ("The strike began on Labor Day.", "2019-09-20", "2019-09-02"),
        ("Schools close on Martin Luther King Jr. Day.", "2021-01-05", "2021-01-18"),
        ("Offices were shut on Remembrance Day.", "2020-11-20", "2020-11-11"),
        ("The march was held on the Fourth of July.", "2020-08-01", "2020-07-04"),
        ("Fireworks are planned for New Year's Eve.", "2020-12-01", "2020-12-31"),
        ("He proposed on Christmas Eve 2015.", "2020-09-16", "2015-12-24"),
        ("They will meet again next Christmas.", "2020-12-26", "2021-12-25"),
    ],
)
def test_holidays_name_their_day(nlp, sentence: str, published: str, value: str) -> None:
    assert [v for _, v in items(nlp, [sentence], published)] == [value]


def test_easter_and_the_holiday_table() -> None:
    assert [easter(y) for y in (2000, 2019, 2024, 2038)] == [
        date(2000, 4, 23),
        date(2019, 4, 21),
        date(2024, 3, 31),
        date(2038, 4, 25),
    ]
    assert holiday_in("thanksgiving", 2023) == date(2023, 11, 23)
    assert holiday_in("mardi gras", 2020) == date(2020, 2, 25)
    assert holiday_in("yom_kippur", 2023) == date(2023, 9, 25)
    assert holiday_in("eid", 2033) == date(2033, 1, 2)  # the first of two that year
    assert holiday_in("holi", 1990) is None  # outside the table: no value rather than a guess


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a lower-case "fall" with a year is the season after a preposition, not a verb
        ("The ferry entered service in fall 2018.", [("fall 2018", "2018-FA")]),
        ("Shares fall 2000 points as the market reopens.", []),
        # "noon" is a word of its own, not the end of "afternoon"
        ("The rally went on through the afternoon Tuesday.", [("Tuesday", "2020-09-15")]),
    ],
)
def test_seasons_after_a_preposition_and_noon(
    nlp, sentence: str, expected: list[tuple[str, str]]
) -> None:
    assert items(nlp, [sentence]) == expected


def test_last_quarter_is_a_calendar_quarter_in_business_news_not_in_a_game(nlp) -> None:
    business = items(nlp, ["Revenue rose 5 percent last quarter, the company said."])
    assert business == [("last quarter", "2020-Q2")]
    game = items(
        nlp,
        ["The Celtics outscored the Lakers 30-12 last quarter and won 101-99 on 14 rebounds."],
    )
    assert ("last quarter", "2020-Q2") not in game


def test_what_is_due_is_still_to_come_and_what_was_due_is_past(nlp) -> None:
    published = "2024-02-20"
    ahead = items(nlp, ["The band's next album is due in October on a new label."], published)
    assert ahead == [("October", "2024-10")]
    gone = items(nlp, ["The report was due in October but came out in January."], published)
    assert gone[0] == ("October", "2023-10")


def test_the_following_month_counts_from_the_story_s_last_date(nlp) -> None:
    found = items(nlp, ["He won the seat in October 2014 and took it up the following March."])
    assert found == [("October 2014", "2014-10"), ("the following March", "2015-03")]


def test_a_quarter_named_by_its_months(nlp) -> None:
    found = items(
        nlp,
        [
            "Growth slowed in the April-June quarter, and profit rose in the July-September"
            " quarter of 2018."
        ],
    )
    assert found == [
        ("the April-June quarter", "2020-Q2"),
        ("the July-September quarter of 2018", "2018-Q3"),
    ]


def test_a_past_holiday_is_not_one_still_to_come(nlp) -> None:
    said_on = "2019-11-20"  # a Wednesday, eight days before Thanksgiving
    assert items(nlp, ["The family gathered on Thanksgiving."], said_on) == [
        ("Thanksgiving", "2018-11-22")
    ]
    assert items(nlp, ["The family will gather on Thanksgiving."], said_on) == [
        ("Thanksgiving", "2019-11-28")
    ]


def test_that_month_and_that_season_belong_to_the_year_last_told_of(nlp) -> None:
    found = items(
        nlp,
        [
            "In March 2014 the board approved the plan.",
            "A lawsuit, filed that June, halted it.",
            "In 2011 the crops failed after a drought that summer.",
        ],
    )
    assert ("that June", "2014-06") in found
    assert ("that summer", "2011-SU") in found


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        # news tells what is scheduled in the present: a day months ahead is this year's
        ("Early voting begins Oct. 20.", "2025-10-20"),
        # and one gone by more than two months is next year's
        ("The new law takes effect Jan. 1.", "2026-01-01"),
        # a day just gone by is still this year's
        ("The festival closes March 1.", "2025-03-01"),
        # a past verb keeps the past
        ("The law took effect Jan. 1.", "2025-01-01"),
        # a caption's present tells what a photo shows, not a plan: the nearest day
        ("A man walks past a closed shop on Jan. 3.", "2025-01-03"),
    ],
)
def test_a_yearless_day_in_a_present_sentence_leans_ahead(nlp, sentence: str, value: str) -> None:
    assert [v for _, v in items(nlp, [sentence], "2025-03-12")] == [value]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # an infinitive after "expect" with its own subject still looks ahead
        (
            "Forecasters expect the storm to make landfall late Thursday.",
            [("late Thursday", "2025-09-11")],
        ),
        # a sentence that opens with its year sets the year of its yearless dates
        (
            "Last year, Hurricane Idalia hit the same stretch of coast in August.",
            [("Last year", "2024"), ("August", "2024-08")],
        ),
        (
            "In 2019, the storm made landfall on Sept. 1.",
            [("2019", "2019"), ("Sept. 1", "2019-09-01")],
        ),
        # a year named later in another clause does not
        (
            "Sales rose last year, and in March the company cut jobs.",
            [("last year", "2024"), ("March", "2025-03")],
        ),
    ],
)
def test_forecasts_ahead_and_a_sentence_s_opening_year(nlp, sentence: str, expected) -> None:
    assert items(nlp, [sentence], "2025-09-10") == expected


def test_a_clock_before_a_weekday_and_a_day_first_date_is_one_item(nlp) -> None:
    assert items(nlp, ["The sale ends at midnight on Sunday 16 March."], "2025-03-12") == [
        ("midnight on Sunday 16 March", "2025-03-16")
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the new date of what is moved lies ahead, whatever the verb's tense
        ("The vote was pushed back to November.", [("November", "2020-11")]),
        ("The concert was moved to December.", [("December", "2020-12")]),
        ("The board postponed the vote until after the Nov. 3 poll.", [("Nov. 3", "2020-11-03")]),
        # a deadline after "could"; a present condition or time clause waits for what is to come
        ("Forecasters said the storm could strengthen by Friday.", [("Friday", "2020-09-18")]),
        ("The club may leave if a deal is not reached by March 31.", [("March 31", "2021-03-31")]),
        # a day joined to a "next" day follows it
        (
            "The board meets next Tuesday and Wednesday.",
            [("next Tuesday", "2020-09-22"), ("Wednesday", "2020-09-23")],
        ),
        # ... but two days written out of order are each placed by the tense
        (
            "The statements were made Friday and Thursday.",
            [("Friday", "2020-09-11"), ("Thursday", "2020-09-10")],
        ),
        # a lower-case season alone after a preposition, in a clause that says when
        ("Officials expect the bridge to open by spring.", [("spring", "2021-SP")]),
        ("Prices rose in spring.", [("spring", "2020-SP")]),
        # not a generic season, nor a compound
        ("In winter, the roads freeze.", []),
        ("The team opens spring training in Florida.", []),
    ],
)
def test_moved_dates_conditions_joined_days_and_bare_seasons(nlp, sentence, expected) -> None:
    assert items(nlp, [sentence]) == expected


def test_a_planned_day_looks_ahead_even_after_the_same_weekday_was_placed_in_the_past(nlp) -> None:
    # 2020-09-17 is a Thursday; the first "Saturday" is told in the past, the others are planned
    paragraphs = [
        "Crowds filled the square on Saturday.",
        "The Gulls close their home season at Tillerman Field on Saturday at 7 p.m.",
        "Forty artists in the Mill District open their studios to visitors on Saturday.",
    ]
    assert items(nlp, paragraphs, "2020-09-17") == [
        ("Saturday", "2020-09-12"),
        ("Saturday", "2020-09-19"),
        ("Saturday", "2020-09-19"),
    ]


def test_a_fixture_or_a_session_told_in_the_present_looks_ahead_past_an_earlier_same_day(
    nlp,
) -> None:
    paragraphs = [
        "The council met on Monday.",
        "The school board meets Monday to vote on the plan.",
    ]
    assert items(nlp, paragraphs) == [("Monday", "2020-09-14"), ("Monday", "2020-09-21")]


def test_a_headline_infinitive_or_a_stop_through_a_day_looks_ahead(nlp) -> None:
    # 2020-09-16 is a Wednesday: the Friday ahead is the 18th, the one gone by the 11th
    assert items(nlp, ["Man to be arraigned Friday in Eastfield stabbing"]) == [
        ("Friday", "2020-09-18")
    ]
    assert items(nlp, ["Rail service halted through Friday after bridge fire"]) == [
        ("Friday", "2020-09-18")
    ]
    assert items(nlp, ["Man arrested Friday in Eastfield stabbing"]) == [("Friday", "2020-09-11")]


def test_what_did_not_happen_until_a_day_happened_then(nlp) -> None:
    paragraphs = ["The growers waited for the harvest, which did not begin until Tuesday."]
    assert items(nlp, paragraphs) == [("Tuesday", "2020-09-15")]
    assert items(nlp, ["The road will stay shut until Tuesday."]) == [("Tuesday", "2020-09-22")]
