"""The plain-text dump cleaner: the seed article, an invented page dump, clean text, Markdown."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.stories import MENU, STORY
from tui.ingest.text import clean_dump, split_paragraphs

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"
SEED = SHARED / "seed" / "globe-belarus-2020-09-14"


DUMP = "\n".join(
    [
        "Skip to main content",
        "Lakeview Daily",
        "Home",
        "News",
        "Sports",
        "Opinion",
        "Sign In",
        "Subscribe",
        "Lakeview Daily",
        "Get unlimited digital access",
        "Just $1 per week for the first 12 weeks",
        'var cfg={root:".js-nav",open:!0};function init(o){document.querySelector(o)'
        '.addEventListener("click",toggle);window.scrollTo(0,0);}init(".js-nav");',
        "",
        "Council votes to close the harbour bridge for a year",
        "By Jane Doe",
        "Published March 3, 2025",
        "",
        "Commuters cross the harbour bridge in Lakeview on March 2, 2025.",
        "",
        "JOHN SMITH/REUTERS",
        "",
        STORY[0],
        "",
        STORY[1],
        "",
        "Story continues below advertisement",
        "",
        STORY[2],
        "",
        "Advertisement",
        "",
        STORY[3],
        "",
        STORY[4],
        "",
        "Sign up for our morning newsletter and never miss a story. Sign up today.",
        "Share this article on Facebook",
        "Share on Twitter",
        "Related stories",
        "Mayor Ruiz Unveils New Plan For Downtown Parking",
        "Harbour Festival Returns After Three Years",
        "Comments",
        "Please keep your comments respectful and on topic, or they will be removed.",
        "I have been saying for years that this bridge was falling apart, and nobody listened.",
        "© 2025 Lakeview Daily. All rights reserved.",
        "Privacy Policy",
        "Terms of Use",
    ]
)


def test_invented_dump_is_cleaned_to_the_story() -> None:
    ex = clean_dump(DUMP)
    assert ex.paragraphs == STORY
    assert ex.kinds == ["p"] * len(STORY)
    assert len(ex.captions) == 1
    assert ex.captions[0].text == "Commuters cross the harbour bridge in Lakeview on March 2, 2025."
    assert ex.captions[0].credit == "JOHN SMITH/REUTERS"
    assert ex.title == "Council votes to close the harbour bridge for a year"
    assert ex.title_origin == "headline"
    assert ex.author == "Jane Doe"
    assert ex.source == "Lakeview Daily"
    assert ex.published is not None
    assert (ex.published.value, ex.published.origin) == ("2025-03-03", "dateline")


def test_caption_date_is_used_when_there_is_no_byline_date() -> None:
    dump = DUMP.replace("Published March 3, 2025\n", "")
    ex = clean_dump(dump)
    assert ex.published is not None
    assert (ex.published.value, ex.published.origin) == ("2025-03-02", "caption")


def test_copyright_footer_gives_the_source() -> None:
    dump = DUMP.replace("Lakeview Daily\n", "", 2)
    assert clean_dump(dump).source == "Lakeview Daily"


def test_clean_story_loses_nothing() -> None:
    text = "\n\n".join(STORY)
    ex = clean_dump(text)
    assert ex.paragraphs == STORY
    assert ex.title_origin == "lead"
    assert ex.title is not None and STORY[0].startswith(ex.title.rstrip("…"))


def test_short_paragraphs_in_a_clean_story_are_kept() -> None:
    story = [STORY[0], "He declined to comment.", STORY[1], "The vote was 7 to 2.", STORY[4]]
    assert clean_dump("\n\n".join(story)).paragraphs == story


def test_markdown_is_kept_whole_and_its_syntax_stripped() -> None:
    md = "\n".join(
        [
            "# Council closes the harbour bridge",
            "",
            "The council of **Lakeview** voted on Tuesday to [close the bridge]"
            "(https://example.org/bridge) for repairs that will last most of next year.",
            "",
            "![A photo of the bridge](https://example.org/bridge.jpg)",
            "",
            "## What changes for commuters",
            "",
            "> We did not take this lightly, but safety has to come first, the mayor said.",
            "",
            "- A ferry will run every twenty minutes during the works.",
            "- Buses will take the northern ring road instead of the bridge.",
        ]
    )
    ex = clean_dump(md)
    assert ex.paragraphs == [
        "Council closes the harbour bridge",
        "The council of Lakeview voted on Tuesday to close the bridge for repairs that will "
        "last most of next year.",
        "What changes for commuters",
        "We did not take this lightly, but safety has to come first, the mayor said.",
        "A ferry will run every twenty minutes during the works.",
        "Buses will take the northern ring road instead of the bridge.",
    ]
    assert ex.kinds == ["h", "p", "h", "quote", "li", "li"]
    assert ex.title == "Council closes the harbour bridge"
    assert ex.title_origin == "headline"


def test_hard_wrapped_dump_is_unwrapped() -> None:
    wrapped = []
    for para in STORY:
        line, lines = "", []
        for word in para.split():
            if len(line) + len(word) + 1 > 78:
                lines.append(line)
                line = word
            else:
                line = f"{line} {word}".strip()
        lines.append(line)
        wrapped.append("\n".join(lines))
    assert clean_dump("\n\n".join(wrapped)).paragraphs == STORY


def _lynx_wrap(text: str) -> list[str]:
    """`text` filled as lynx fills it: a three-space margin, lines up to 79 columns."""
    line, lines = "", []
    for word in text.split():
        if len(line) + len(word) + 4 > 79:
            lines.append("   " + line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return [*lines, "   " + line]


def test_a_lynx_line_that_had_room_for_the_next_word_ends_its_paragraph() -> None:
    # lynx puts no blank line between blocks that are not paragraphs: a picture's caption and
    # its credit run straight into the story's next paragraph
    caption = "The old harbour bridge at dawn, seen from the pier"
    dump = [*_lynx_wrap(STORY[0]), "", *_lynx_wrap(caption), *_lynx_wrap(STORY[1])]
    for para in STORY[2:]:
        dump += ["", *_lynx_wrap(para)]
    paragraphs = clean_dump("\n".join(dump)).paragraphs
    assert STORY[1] in paragraphs  # not "... seen from the pier Engineers told the council ..."
    assert not any(caption in p and p != caption for p in paragraphs)


def test_a_lynx_heading_at_the_margin_after_a_shop_link_leads_into_its_section() -> None:
    heading = "Ferry Passes For Commuters Cut To $49 A Month At The Harbour Office"
    menu = [f"     * [{i + 2}]{w}" for i, w in enumerate(["News", "Sports", "Weather", "Video"])]
    dump = [*menu, ""]
    for i, para in enumerate(STORY):
        if i == 2:
            dump += ["     * [1]Buy a ferry pass online for $49", "", heading, ""]
        dump += [*_lynx_wrap(para), ""]
    dump += [*menu, "", "References", "", "   1. https://lakeview.example/shop"]
    dump += [f"   {i + 2}. https://lakeview.example/{i}" for i in range(4)]
    ex = clean_dump("\n".join(dump))
    assert heading in ex.paragraphs
    assert ex.kinds[ex.paragraphs.index(heading)] == "h"
    assert ex.paragraphs[-1] == STORY[-1]


def test_a_lynx_paragraph_whose_names_are_links_is_still_story() -> None:
    linked = (
        "The [1]Harbour City Gulls spent [2]Monday trying to distance themselves from the fight "
        "that led to suspensions for [3]Rockport Mariners defender [4]Jalen Brooks and Gulls "
        "keeper [5]Sam Ng. Midfielder [6]Omar Haddad also received a one-game ban for shoving "
        "[7]Luis Ferreira to the ground, and [8]both clubs were fined."
    )
    menu = [f"     * [{i + 9}]{w}" for i, w in enumerate(["News", "Sports", "Weather", "Video"])]
    dump = [*menu, "", *_lynx_wrap(linked), ""]
    for para in STORY:
        dump += [*_lynx_wrap(para), ""]
    dump += [*menu, "", "References", ""]
    dump += [f"   {i + 1}. https://sports.example/{i}" for i in range(12)]
    ex = clean_dump("\n".join(dump))
    assert ex.paragraphs[0].startswith("The Harbour City Gulls spent Monday")
    assert ex.paragraphs[-1] == STORY[-1]


def test_split_paragraphs_removes_nothing() -> None:
    text = "  First line of the piece  \nstill the first block\n\n\n  Second block.  \n\n \n"
    ex = split_paragraphs(text)
    assert ex.paragraphs == ["First line of the piece  \nstill the first block", "Second block."]
    assert ex.kinds == ["p", "p"]
    assert ex.title == "First line of the piece"


def test_split_paragraphs_keeps_boilerplate() -> None:
    assert split_paragraphs("Advertisement\n\nStory.").paragraphs == ["Advertisement", "Story."]


def test_empty_input_gives_no_paragraphs() -> None:
    assert clean_dump("").paragraphs == []
    assert split_paragraphs("  \n\n").paragraphs == []


@pytest.fixture
def seed() -> tuple[str, dict]:
    if not SEED.with_suffix(".txt").exists():
        pytest.skip("../shared/seed is not present")
    text = SEED.with_suffix(".txt").read_text(encoding="utf-8")
    gold = json.loads(SEED.with_suffix(".gold.json").read_text(encoding="utf-8"))
    return text, gold


def test_seed_paragraphs_are_exactly_the_gold(seed: tuple[str, dict]) -> None:
    text, gold = seed
    assert clean_dump(text).paragraphs == gold["paragraphs"]


def test_seed_caption_date_and_source(seed: tuple[str, dict]) -> None:
    text, gold = seed
    ex = clean_dump(text)
    assert [(c.text, c.credit) for c in ex.captions] == [(gold["caption"], gold["credit"])]
    assert ex.published is not None
    assert (ex.published.value, ex.published.origin) == (gold["publication_date"], "caption")
    assert ex.source == gold["source"]
    assert ex.title and ex.title_origin == "lead"


def test_flattened_page_on_one_line_keeps_the_story_sentences() -> None:
    teasers = (
        "Most Popular 1 Mayor Ruiz Unveils New Plan For Downtown Parking 2 Harbour Festival "
        "Returns After Three Years 3 Lakeview Schools Close Early For Snow"
    )
    footer = "© 2025 Lakeview Daily. All rights reserved. Privacy Policy Terms of Use"
    header = "Lakeview Daily Skip to main content Sign In Subscribe Menu"
    page = " ".join([header, *([MENU] * 5), *STORY, teasers, footer])
    assert "\n" not in page and len(page) > 2500
    body = " ".join(clean_dump(page).paragraphs)
    # The first sentence is glued to the menu (no full stop between them) and goes with it.
    assert body.endswith(" ".join(STORY[1:]))
    for furniture in ("Subscribe", "Videos", "Most Popular", "Privacy", "rights reserved"):
        assert furniture not in body


def test_caption_with_an_inline_credit_leaves_the_body() -> None:
    caption = "Mayor Ana Ruiz speaks to reporters at city hall on Tuesday. (AP Photo/Jane Smith)"
    ex = clean_dump("\n\n".join([STORY[0], caption, *STORY[1:]]))
    assert ex.paragraphs == STORY
    assert [(c.text, c.credit) for c in ex.captions] == [
        ("Mayor Ana Ruiz speaks to reporters at city hall on Tuesday.", "AP Photo/Jane Smith")
    ]


def test_comment_section_with_prose_comments_is_dropped() -> None:
    comments = [
        "12 Comments",
        "Jim K. 2 hours ago",
        "This bridge has been a disaster for years and the council knew it all along, "
        "so I am not surprised that they waited until it was nearly too late.",
        "Reply 4 Likes",
        "Sarah P. 3 hours ago",
        "The ferry will never cope with the number of people who cross every morning, "
        "and nobody at the council seems to have thought about the parking either.",
    ]
    dump = "\n".join(["Home", "News", "Sign In", "", *STORY, "", *comments, "", "Privacy Policy"])
    assert clean_dump(dump).paragraphs == STORY


def test_subheading_inside_the_story_is_kept_as_a_heading() -> None:
    dump = DUMP.replace(STORY[3], "What happens next\n\n" + STORY[3])
    ex = clean_dump(dump)
    assert ex.paragraphs == [*STORY[:3], "What happens next", *STORY[3:]]
    assert ex.kinds == ["p", "p", "p", "h", "p", "p"]


def test_clean_story_with_a_title_line_keeps_it_and_names_it() -> None:
    title = "Council votes to close the harbour bridge for a year"
    ex = clean_dump("\n\n".join([title, *STORY]))
    assert ex.paragraphs == [title, *STORY]
    assert ex.kinds == ["h"] + ["p"] * len(STORY)
    assert (ex.title, ex.title_origin) == (title, "headline")


def test_page_title_line_gives_the_headline_and_the_source() -> None:
    headline = "Council votes to close the harbour bridge for a year"
    dump = "\n".join(
        [
            f"{headline} | Lakeview Daily",
            "Home",
            "News",
            "Sign In",
            "Share on Facebook",
            headline,
            "Updated 10:01 pm PST, Tuesday, November 19, 2019",
            *STORY,
            "Privacy Policy",
        ]
    )
    ex = clean_dump(dump)
    assert ex.paragraphs == STORY
    assert (ex.title, ex.title_origin) == (headline, "headline")
    assert ex.source == "Lakeview Daily"
    assert ex.published is not None
    assert (ex.published.value, ex.published.origin) == ("2019-11-19", "dateline")


def test_the_nearest_sure_lines_are_found_in_one_pass_each_way() -> None:
    """`_sure_neighbours` gives, for every line, the verdict of the nearest good or bad line
    before and after it; checked against a scan from each line on many random runs."""
    import random

    from tui.ingest.text import _sure_neighbours
    from tui.ingest.text_lines import Line
    from tui.ingest.text_score import Scored

    def scan(scored, i, step, lo, hi):
        j = i + step
        while lo <= j < hi:
            if scored[j].verdict in ("good", "bad"):
                return scored[j].verdict
            j += step
        return "edge"

    rng = random.Random(7)
    for _ in range(300):
        verdicts = rng.choices(["good", "bad", "short", "nav"], k=rng.randint(0, 30))
        scored = [Scored(Line("x"), 1, v, 0.0) for v in verdicts]
        lo = rng.randint(0, len(scored))
        hi = rng.randint(lo, len(scored))
        before, after = _sure_neighbours(scored, lo, hi)
        assert before == [scan(scored, i, -1, lo, hi) for i in range(lo, hi)]
        assert after == [scan(scored, i, 1, lo, hi) for i in range(lo, hi)]
