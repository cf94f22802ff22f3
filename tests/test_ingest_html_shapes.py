"""HTML extraction of stories in less usual shapes: a story's tables (results, schedules,
statistics) kept a row a block; the page's own prose after the story (a bio, a plug) dropped."""

from __future__ import annotations

from tests.stories import STORY
from tui.ingest.html import extract_html

ROWS = [
    ("Crossing", "Before", "During the works"),
    ("Old town to the harbour", "6 minutes", "21 minutes"),
    ("North shore to the station", "9 minutes", "34 minutes"),
    ("Ferry terminal to city hall", "4 minutes", "12 minutes"),
]


def page(after: str = "") -> str:
    """An article whose body holds a table of travel times between two paragraphs."""
    body = "".join(f"<p>{p}</p>" for p in STORY[:3])
    rest = "".join(f"<p>{p}</p>" for p in [*STORY[3:]]) + after
    head, *rows = ROWS
    table = "<table><thead><tr>" + "".join(f"<th>{c}</th>" for c in head) + "</tr></thead>"
    table += "<tbody>" + "".join(
        "<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows
    )
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Lakeview council votes to close harbour bridge | Lakeview Daily</title></head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></nav>
<main><article><h1>Lakeview council votes to close harbour bridge</h1>
{body}{table}</tbody></table>{rest}</article></main>
<footer><p>© 2025 Lakeview Daily. All rights reserved.</p></footer></body></html>"""


def test_a_table_in_the_story_is_kept_a_row_a_block() -> None:
    paragraphs = extract_html(page()).paragraphs
    for row in ROWS:
        assert " | ".join(row) in paragraphs
    assert paragraphs.index(" | ".join(ROWS[0])) > paragraphs.index(STORY[2])
    assert STORY[4] in paragraphs


def test_the_pages_own_prose_after_the_story_is_dropped() -> None:
    after = [
        "Maria Lopez is a senior reporter at the Lakeview Daily who has covered city hall since 2015.",
        "If you buy a ferry pass through a link on this page, we may earn a small commission. "
        "Follow Maria on Twitter for more news from the harbour.",
    ]
    paragraphs = extract_html(page("".join(f"<p>{p}</p>" for p in after))).paragraphs
    assert paragraphs[-1] == STORY[-1]


def test_a_story_ending_on_a_persons_role_keeps_it() -> None:
    last = (
        "Ana Ruiz, who was elected mayor in 2021, is a former engineer and said she would walk "
        "across the bridge one last time before it closes."
    )
    paragraphs = extract_html(page(f"<p>{last}</p>")).paragraphs
    assert paragraphs[-1] == last


def test_a_short_last_sentence_of_the_story_stays() -> None:
    paragraphs = extract_html(page("<p>The vote was 7 to 2.</p><p>Share</p>")).paragraphs
    assert paragraphs[-1] == "The vote was 7 to 2."
