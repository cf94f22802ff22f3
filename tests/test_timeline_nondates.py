"""What looks like a date but is not one on the timeline: names, counts, labels, game periods, stamps.

Every sentence here is written for these tests. Each case says what the guidelines leave out, with a
near neighbour that must stay in, so that a rule that drops everything fails.
"""

from __future__ import annotations

import pytest

from tui.model import PublishedDate
from tui.nlp.timeline import extract_timeline


def items(nlp, paragraphs: list[str], published: str = "2020-09-16") -> list[tuple[str, str]]:
    """(text, value) of each timeline item; 2020-09-16 is a Wednesday."""
    docs = list(nlp.pipe(paragraphs))
    return [(e.text, e.value) for e in extract_timeline(docs, PublishedDate(published))]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a time of day alone places nothing; with its weekday the weekday counts
        ("The polls close at 8 p.m. and results come at midnight.", []),
        ("The polls closed at 8 p.m. Tuesday.", [("8 p.m. Tuesday", "2020-09-15")]),
        # a weekday with a name of its own is no latest such weekday
        ("Super Tuesday decides the race, and Giving Tuesday follows.", []),
        ("The march on Bloody Sunday ended in violence on Tuesday.", [("Tuesday", "2020-09-15")]),
        # the time since a first or a most is no day to come; a latest thing's day is
        ("The fee will rise on Friday, its second increase in a year.", [("Friday", "2020-09-18")]),
        ("The band will release its latest album in two weeks.", [("two weeks", "2020-W40")]),
        # "Today" inside a name
        ("Marsh told Harbour Today that the plan was dead.", []),
        ("Today, the council votes on the plan.", [("Today", "2020-09-16")]),
        # years that end a title or a product's name
        ("Fans bought Kart Racer 2020 and Farm Builder 2019 in the sale.", []),
        ("The film “1917” won, and the album 1989 sold well.", []),
        ("She drove a 2018 Halvorsen Strider to the 1998 Nagano Olympics.", [("1998", "1998")]),
        # numbers that are not years
        ("He lives at 4411 Birch Rd. with his sister.", []),
        ("The tablet has a 2560 x 1440 screen and 1800 pixels across.", []),
        ("She had a score of 1290 on the entrance test.", []),
        ("Prices fell in 2018 by 1200 points.", [("2018", "2018")]),
        # bond maturities, budget years and sports seasons label things, they date no event
        ("The city sold notes due 2030 to fund the 2021 budget.", []),
        ("He was the top scorer of the 2019 season.", []),
        ("The bridge opened in 2021.", [("2021", "2021")]),
        # copyright lines
        ("© 2019 Harbour Ledger Media. All rights reserved.", []),
        # "that night" and "that day" name a moment of the story, not a day of the calendar
        (
            "He met her on Aug. 3. That night they ate pizza; that day was hot.",
            [("Aug. 3", "2020-08-03")],
        ),
        # dates that come back every year
        ("The fair is held on May 10 each year.", []),
        ("The fair was held on May 10.", [("May 10", "2020-05-10")]),
        # a day's name used as a kind of thing
        ("The dairy stopped Sunday deliveries to the valley.", []),
        ("The paper printed it in its Friday edition.", [("Friday", "2020-09-11")]),
        ("Stores began their Black Friday sales early.", []),
        ("Stores open at dawn on Black Friday.", [("Black Friday", "2020-11-27")]),
        # "the nineties" as a range of numbers, beside the decade
        ("Her golf score was in the nineties again, and highs were in the eighties.", []),
        ("The mill closed in the nineties.", [("the nineties", "199")]),
        # "the 1800s" is a century
        ("The firm was founded in the late 1800s.", []),
        ("The firm grew in the 1980s.", [("the 1980s", "198")]),
        ("Christmas shopping started early this year.", [("early this year", "2020")]),
    ],
)
def test_non_dates_stay_off_the_timeline(nlp, sentence: str, expected) -> None:
    assert items(nlp, [sentence]) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Consoles that exist today cannot run it.", []),
        ("Even today, the town remembers the flood.", []),
        ("Kids today, more than ever, live online.", []),
        ("Today, more families rely on food banks than ever before.", []),
        ("The council voted today, earlier than ever.", [("today", "2020-09-16")]),
        ("The store sells only one model as of today.", [("today", "2020-09-16")]),
        ("The mayor signs the order today.", [("today", "2020-09-16")]),
    ],
)
def test_today_meaning_nowadays_is_not_a_day(nlp, sentence: str, expected) -> None:
    assert items(nlp, [sentence]) == expected


def test_a_game_quarter_is_a_period_of_play_not_of_the_calendar(nlp) -> None:
    game = [
        "The Otters led 14-7 at halftime and scored 21 points in the third quarter.",
        "Reyes fouled out in the fourth quarter after a dunk.",
    ]
    assert items(nlp, game) == []
    money = ["Revenue rose 4% in the third quarter, the company said."]
    assert items(nlp, money) == [("the third quarter", "2020-Q3")]


def test_a_time_stamp_line_is_page_furniture_but_a_post_signature_is_not(nlp) -> None:
    paragraphs = [
        "Updated 5:45 AM PST 11/19/2019 by Jane Roe",
        "Polls close soon, get out and vote!",
        "— Jane Roe (@janeroe) November 5, 2019",
    ]
    assert items(nlp, paragraphs, "2019-11-19") == [("November 5, 2019", "2019-11-05")]


def test_model_years_and_a_weekday_of_every_month_are_not_dates(nlp) -> None:
    paragraphs = [
        "Owners of a 2022 Tamarack should call a dealer; the 2023 model has a different pump.",
        "The recall covers the 2021 through 2024 model years, and 2019-20 model-year vans.",
        "The fair is held on the first Saturday of every October.",
    ]
    assert items(nlp, paragraphs, "2024-07-05") == []
