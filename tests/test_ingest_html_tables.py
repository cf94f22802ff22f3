"""HTML extraction keeps a story's tables (results, schedules, statistics): a row a block."""

from __future__ import annotations

from tests.stories import STORY
from tui.ingest.html import extract_html

ROWS = [
    ("Crossing", "Before", "During the works"),
    ("Old town to the harbour", "6 minutes", "21 minutes"),
    ("North shore to the station", "9 minutes", "34 minutes"),
    ("Ferry terminal to city hall", "4 minutes", "12 minutes"),
]


def page() -> str:
    """An article whose body holds a table of travel times between two paragraphs."""
    body = "".join(f"<p>{p}</p>" for p in STORY[:3])
    rest = "".join(f"<p>{p}</p>" for p in STORY[3:])
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
        assert " ".join(row) in paragraphs
    assert paragraphs.index(" ".join(ROWS[0])) > paragraphs.index(STORY[2])
    assert STORY[4] in paragraphs
