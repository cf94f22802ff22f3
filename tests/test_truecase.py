"""Shouted text re-cased before the model reads it, letter for letter, and read back as written."""

from __future__ import annotations

import pytest

from tui.model import Article
from tui.nlp.pipeline import analyze_articles, everyday_words
from tui.nlp.truecase import recase_paragraphs


@pytest.fixture(scope="module")
def words(nlp):
    return everyday_words(nlp)


def test_a_shouted_headline_takes_the_story_s_own_forms(words) -> None:
    paragraphs = [
        "ROWING - HALVERSTOKE TAKE THE LEAD AFTER WINDY REGATTA .",
        "Halverstoke took the lead on Sunday as the wind rose over the lake.",
    ]
    out = recase_paragraphs(paragraphs, words)
    assert out[0] == "Rowing - Halverstoke take the lead after windy regatta ."
    assert out[1] is paragraphs[1]
    assert len(out[0]) == len(paragraphs[0])  # offsets stay valid


def test_datelines_places_acronyms_and_calendar_words(words) -> None:
    out = recase_paragraphs(
        [
            "WARSAW 1996-08-30",
            "NBP LEAVES RATES ON HOLD UNTIL MONDAY",
            "The NBP said it would meet again in August.",
        ],
        words,
    )
    assert out[0] == "Warsaw 1996-08-30"  # a known city
    assert out[1] == "NBP leaves rates on hold until Monday"  # acronym kept, weekday capitalised


def test_shouting_inside_ordinary_text(words) -> None:
    (out,) = recase_paragraphs(["Go out and VOTE for your GREAT mayor, said NASA's chief."], words)
    assert out == "Go out and vote for your great mayor, said NASA's chief."


def test_a_title_cased_heading_lowers_the_capitals_that_only_mark_the_heading(words) -> None:
    paragraphs = [
        "Larkfield Tablet With Folding Keyboard Expected in Spring",
        "The Larkfield tablet will ship with a folding keyboard, Orvane said on Monday.",
        "What Does Orvane Offer Buyers?",
    ]
    out = recase_paragraphs(paragraphs, words)
    # "Larkfield" is a name the story writes with a capital; "keyboard" it writes in lower case;
    # "expected" and "offer" are verbs; "Tablet" is a noun the story only writes lower case too.
    assert out[0] == "Larkfield tablet with folding keyboard expected in spring"
    assert out[2] == "What does Orvane offer Buyers?"
    assert out[1] is paragraphs[1]


def test_a_line_of_names_is_no_heading(words) -> None:
    paragraphs = ["Mark Tolland, Ken Green, Rose Vantrell and Will Barton", "They all played."]
    assert recase_paragraphs(paragraphs, words) is paragraphs
    # and a name inside a heading keeps its capitals
    (out, _) = recase_paragraphs(["Ken Green Wins With Rose Vantrell", "They won."], words)
    assert out == "Ken Green wins with Rose Vantrell"


def test_text_without_capitals_is_returned_as_is(words) -> None:
    paragraphs = ["Nothing shouted here.", "Nor here, in Lisbon."]
    assert recase_paragraphs(paragraphs, words) is paragraphs


def test_analysis_reads_the_recased_text_but_reports_the_text_as_written(nlp) -> None:
    article = Article(
        id="t1",
        title="t",
        paragraphs=[
            "LISBON 2021-03-04",
            "PORTUGUESE FERRY OPERATOR ORLANDA MARITIMA CUTS ROUTES",
            "Orlanda Maritima said on Thursday it would cut two routes from Lisbon.",
        ],
    )
    analyze_articles([article], nlp=nlp)
    lisbon = next(e for e in article.entities if e.name == "Lisbon")
    assert lisbon.type == "PLACE"
    for entity in article.entities:
        for m in entity.mentions:
            assert article.paragraphs[m.paragraph][m.start : m.end] == m.text
    assert any(m.text == "LISBON" for m in lisbon.mentions)
    for event in article.timeline:
        assert article.paragraphs[event.paragraph][event.start : event.end] == event.text


def test_a_title_cased_subhead_gives_no_name_made_of_its_words(nlp) -> None:
    article = Article(
        id="subhead",
        title="Game streaming arrives",
        paragraphs=[
            "What Does Stadia Offer Gamers?",
            "Stadia, from Google, streams games to phones and televisions.",
        ],
    )
    analyze_articles([article], nlp)
    names = {e.name for e in article.entities}
    assert {"Stadia", "Google"} <= names
    assert not any("Offer" in n for n in names)
    assert article.paragraphs[0] == "What Does Stadia Offer Gamers?"  # shown as written
