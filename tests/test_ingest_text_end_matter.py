"""Dump cleaning of a story's end matter and the furniture inside it: a press release's "About"
blurb and legal notice, credit and developing-story lines, an end mark, an ad inside a list,
and menus a converter glued together. Every page here is invented for the test."""

from __future__ import annotations

from tests.stories import STORY
from tui.ingest.text import clean_dump

BLURB = (
    "Halvern Robotics, Inc. designs and manufactures autonomous mobile robots that move materials"
    " in warehouses and hospitals. Founded in 2014, Halvern has deployed more than 6,000 robots."
)
LEGAL = (
    "This press release contains forward-looking statements within the meaning of the Private"
    " Securities Litigation Reform Act of 1995, which are subject to risks and uncertainties."
)


def test_a_press_releases_about_blurb_and_legal_notice_are_not_story() -> None:
    dump = "\n\n".join(
        [*STORY, "About Halvern Robotics", BLURB, "Forward-Looking Statements", LEGAL]
    )
    assert clean_dump(dump).paragraphs == STORY


def test_a_subhead_that_starts_with_about_stays_when_the_story_goes_on() -> None:
    paragraphs = [*STORY[:3], "About the new ferry", *STORY[3:]]
    assert clean_dump("\n\n".join(paragraphs)).paragraphs == paragraphs


def test_credit_and_developing_story_lines_are_furniture() -> None:
    dump = "\n\n".join(
        [
            "This is a developing story. Check back for updates.",
            *STORY,
            "Reporter Dana Oyelowo contributed to this report.",
        ]
    )
    assert clean_dump(dump).paragraphs == STORY


def test_a_last_sentence_ending_in_an_end_mark_stays() -> None:
    last = '"See," she says, to no one in particular. "It knows us." ■'
    menu = ["Home", "News", "Features", "Opinion", "Podcasts", "Subscribe"]
    footer = ["About the author", "Share", "Save", "Print", "Privacy Policy", "Terms of Use"]
    kept = clean_dump("\n\n".join([*menu, *STORY, last, *footer])).paragraphs
    assert kept == [*STORY, last]


def test_a_list_broken_by_an_ad_marker_keeps_its_items() -> None:
    items = [
        "What goes in the green cart",
        "Fruit and vegetable scraps, including peels and cores",
        "Coffee grounds, paper filters and loose tea",
        "Bread, pasta, rice and other grains",
    ]
    menu = ["Home", "News", "Sports", "Weather", "Obituaries", "Contact"]
    lines = [*menu, *STORY[:3], *items, "Advertisement", *STORY[3:], *menu]
    kept = clean_dump("\n\n".join(lines)).paragraphs
    assert all(item in kept for item in items)
    assert "Advertisement" not in kept


def test_glued_menus_make_a_short_dump_unclean() -> None:
    dump = "\n".join(
        [
            "PitchsideFootballScores & FixturesTablesTransfersCricketRugbyTennisGolf",
            "Report Live Line-ups Match Stats Table",
            *STORY,
            "More footballHalford go top with winDunmore striker hits hat-trickBrampton sack boss",
            "About PitchsideContactPrivacyCookiesTerms",
        ]
    )
    assert clean_dump(dump).paragraphs == STORY
