"""The UI's pure helpers: date wording and order, quote detection, safe tinted text."""

from __future__ import annotations

import pytest
from rich.style import Style

from tests.ui.articles import ferry_article
from tui.app.dates import human_value, short_date, sort_key
from tui.app.rendering import (
    article_blocks,
    is_mainly_quote,
    tinted_paragraph,
)

STYLES = {"PERSON": Style(color="yellow"), "PLACE": Style(color="green")}


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("2020-09-13", "Sun 13 Sep 2020"),
        ("2020-09", "Sep 2020"),
        ("2020", "2020"),
        ("202", "the 2020s"),
        ("2020-W37", "Week 37 of 2020"),
        ("2020-Q3", "Q3 2020"),
        ("2020-SU", "Summer 2020"),
        ("2020-13", "2020-13"),  # not a month: shown as it is
        ("PRESENT_REF", "PRESENT_REF"),
    ],
)
def test_human_value(value: str, words: str) -> None:
    assert human_value(value) == words


def test_short_date_for_the_list() -> None:
    assert short_date("2025-11-18") == "18 Nov 2025"
    assert short_date("2025-11-18T09:00:00+00:00") == "18 Nov 2025"
    assert short_date(None) == "" and short_date("") == ""


def test_sort_key_orders_mixed_granularities_by_start() -> None:
    values = ["2021", "2020-SU", "2020-W37", "2020-09-01", "2020-Q1", "202", "2020-09", "junk"]
    assert sorted(values, key=sort_key) == [
        "202",
        "2020-Q1",
        "2020-SU",
        "2020-09",
        "2020-09-01",
        "2020-W37",
        "2021",
        "junk",
    ]


@pytest.mark.parametrize(
    ("paragraph", "quote"),
    [
        ("“This is the day the harbour looks forward,” Salo said.", True),
        ('"We will not stop," she said, "until it is built."', True),
        ("Salo said: “yes”, and the council then voted on the long plan.", False),
        (
            "“Yes,” said the mayor, before a long speech about ferries and harbours and tides.",
            False,
        ),
        ("", False),
    ],
)
def test_is_mainly_quote(paragraph: str, quote: bool) -> None:
    assert is_mainly_quote(paragraph) is quote


def test_tinted_paragraph_keeps_tints_on_the_right_words_after_cleaning() -> None:
    paragraph = "\x1b[31mMayor\x1b[0m Ingrid Salo visited \x07Lakeport."
    start = paragraph.index("Ingrid")
    place = paragraph.index("Lakeport")
    spans = [(start, start + 11, "PERSON"), (place, place + 8, "PLACE"), (0, 999, "PERSON")]
    text = tinted_paragraph(paragraph, spans, STYLES)
    assert text.plain == "Mayor Ingrid Salo visited Lakeport."
    tinted = {text.plain[s.start : s.end]: s.style for s in text.spans}
    assert tinted == {"Ingrid Salo": STYLES["PERSON"], "Lakeport": STYLES["PLACE"]}


def test_article_blocks_lead_then_kinds() -> None:
    kinds = [block.kind for block in article_blocks(ferry_article(), STYLES)]
    assert kinds == ["lead", "p", "quote", "h", "li", "li", "p", "p"]
