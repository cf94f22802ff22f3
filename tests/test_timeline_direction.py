"""Which way a yearless date points: quarters to come and quarters reported, what is foreseen,
what is said to begin, what lasts "until at least", and years that date nothing.

Every sentence here is written for these tests.
"""

from __future__ import annotations

import pytest

from tui.model import PublishedDate
from tui.nlp.timeline import extract_timeline


def items(nlp, paragraphs: list[str], published: str) -> list[tuple[str, str]]:
    docs = list(nlp.pipe(paragraphs))
    return [(e.text, e.value) for e in extract_timeline(docs, PublishedDate(published))]


@pytest.mark.parametrize(
    ("sentence", "published", "expected"),
    [
        # a quarter three back, said of what is to come, is next year's
        (
            '"We expect the slowdown to last into the first quarter," the chief executive said.',
            "2024-10-24",
            [("the first quarter", "2025-Q1")],
        ),
        # ... but the quarter just over is still this year's: its figures are to come
        (
            "The lender will report a loss for the third quarter, it said on Monday.",
            "2024-10-24",
            [("the third quarter", "2024-Q3"), ("Monday", "2024-10-21")],
        ),
        # a quarter's results come out after it ends
        (
            "The carmaker said it would report fourth-quarter sales on Tuesday.",
            "2024-02-07",
            [("fourth-quarter", "2023-Q4"), ("Tuesday", "2024-02-13")],
        ),
        # a bond's maturity lends its year to no other date of the sentence
        (
            "The company redeemed notes due 2026 and will pay a dividend on Nov. 15.",
            "2024-10-24",
            [("Nov. 15", "2024-11-15")],
        ),
        # a later year in the sentence is not the year of a month told as done
        (
            "The mill is to close at the end of 2026 under a plan announced in February.",
            "2025-06-12",
            [("the end of 2026", "2026"), ("February", "2025-02")],
        ),
        # "until at least" looks ahead even after a past verb
        (
            "The ferry company warned of more cancellations until at least Christmas Eve.",
            "2025-12-22",
            [("Christmas Eve", "2025-12-24")],
        ),
        # planned in the present: "holds", "go on sale"
        (
            "The country holds a general election in October.",
            "2025-02-11",
            [("October", "2025-10")],
        ),
        (
            "Kick-off is at 3 p.m., and tickets for the cup game go on sale to members on Monday.",
            "2025-08-15",
            [("Monday", "2025-08-18")],
        ),
        # what the story's sources said they expected is still to come
        (
            "Airlines said they expected delays and cancellations Tuesday and Wednesday.",
            "2024-12-30",
            [("Tuesday", "2024-12-31"), ("Wednesday", "2025-01-01")],
        ),
        # ... but not an expectation the story recalls from an earlier day
        (
            "Queues had grown since Thursday, when the airport said it expected record crowds "
            "on Saturday.",
            "2025-05-26",
            [("Thursday", "2025-05-22"), ("Saturday", "2025-05-24")],
        ),
        # "beginning in August" after "would": the move is to come
        (
            "Under the plan, pupils would move to two other schools beginning in August.",
            "2025-01-03",
            [("August", "2025-08")],
        ),
        # the months-named quarter just over is this year's, even in a sentence about the future
        (
            "Investors will watch GDP data for the July-September quarter, due on Nov. 29.",
            "2019-11-19",
            [("the July-September quarter", "2019-Q3"), ("Nov. 29", "2019-11-29")],
        ),
        # "starting in June" after a plan told in the present
        (
            "The tour opens in Perth in February, with European dates starting in June.",
            "2019-11-19",
            [("February", "2020-02"), ("June", "2020-06")],
        ),
        # a month's figures come out after the month
        (
            "Attention turns to next week, when the December jobs report is due on Jan. 9.",
            "2026-01-02",
            [("next week", "2026-W02"), ("December", "2025-12"), ("Jan. 9", "2026-01-09")],
        ),
        # a headline's clause without a verb of its own: the appeal is still to come
        (
            "Harriers' Mbeki suspended two games for helmet hit; appeal set for Wednesday",
            "2019-11-18",
            [("Wednesday", "2019-11-20")],
        ),
        # ... but a plan the sentence tells as undone is gone
        (
            "A rally planned for Saturday was cancelled after the storm.",
            "2019-11-18",
            [("Saturday", "2019-11-16")],
        ),
        # a designation that starts with a year is a name
        (
            "The object, designated 2019 WK4, was first spotted on Nov. 16 by a survey.",
            "2019-11-19",
            [("Nov. 16", "2019-11-16")],
        ),
        # an event's year does not reach past a colon into another clause
        (
            "A chapter on the 2012 drought reads like an essay, which it was: an excerpt "
            "appeared in October in a magazine.",
            "2025-11-08",
            [("2012", "2012"), ("October", "2025-10")],
        ),
    ],
)
def test_direction(nlp, sentence: str, published: str, expected: list[tuple[str, str]]) -> None:
    assert items(nlp, [sentence], published) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Today, the harbour is a quieter place than it was.",
        "Today, she worries that young players have nowhere to learn.",
        "Its second record won album of the year and she was named artist of the year.",
        "Democrats today like to think the politics run the other way.",
        "The key positive of the Q2 results season was firmer margins.",
        "The screen has a resolution of 2560 by 1920 pixels.",
    ],
)
def test_no_day_is_named(nlp, sentence: str) -> None:
    assert items(nlp, [sentence], "2025-05-24") == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # "Today," of a thing done on the day is still the day
        ("Today, the council votes on the harbour plan.", [("Today", "2025-05-24")]),
        # a ranking or a deed of the year still dates this year
        ("It is the best album of the year so far.", [("the year", "2025")]),
        ("She scored her first goal of the year.", [("the year", "2025")]),
    ],
)
def test_the_day_or_the_year_is_named(nlp, sentence: str, expected: list) -> None:
    assert items(nlp, [sentence], "2025-05-24") == expected
