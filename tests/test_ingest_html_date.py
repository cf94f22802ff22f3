"""The publication day of an HTML page is the publisher's local day, not the UTC one.

Every page here is invented. Each is a US evening story whose UTC timestamp falls on the next
day; each test has the neighbour that must keep its date.
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.stories import STORY
from tui.ingest.html import extract_html
from tui.ingest.html_date import parse_stamp, publication_day
from tui.ingest.html_page import parse_page


def page(head: str = "", byline: str = "", sidebar: str = "") -> str:
    """A small story page with the given head tags, byline block and sidebar."""
    body = "".join(f"<p>{p}</p>" for p in STORY)
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Lakeview council votes to close harbour bridge</title>{head}</head><body>
<main><article><h1>Lakeview council votes to close harbour bridge</h1>
<div class="byline">By Maria Lopez {byline}</div>
<div class="story-body">{body}</div></article>
<aside class="latest"><h3>Latest</h3>{sidebar}</aside></main></body></html>"""


def published(html: str, url: str | None = None) -> str | None:
    found = extract_html(html, url).published
    return found.value if found else None


UTC_EVENING = '<meta itemprop="datePublished" content="2019-11-19 02:24:00">'


def test_the_date_shown_beside_a_utc_timestamp_is_the_publishers_day() -> None:
    shown = '<time datetime="2019-11-19 02:24:00 UTC">Nov 18, 2019 at 9:24 pm ET</time>'
    assert published(page(UTC_EVENING, shown)) == "2019-11-18"
    # the same page without the shown date keeps the timestamp's day: nothing says otherwise
    assert published(page(UTC_EVENING)) == "2019-11-19"


def test_a_timestamp_with_its_offset_wins_over_a_utc_one() -> None:
    head = (
        '<meta property="og:updated_time" content="2019-11-19T02:30:00Z">'
        '<meta property="article:published_time" content="2019-11-18T21:24:00-05:00">'
        '<script type="application/ld+json">{"datePublished": "2019-11-19T02:24:00Z"}</script>'
    )
    assert published(page(head)) == "2019-11-18"


def test_the_day_in_the_url_path_corrects_a_utc_timestamp() -> None:
    head = '<meta property="article:published_time" content="2019-11-19T02:24:00Z">'
    assert published(page(head), "https://lakeview.example/2019/11/18/bridge/") == "2019-11-18"
    assert published(page(head), "https://lakeview.example/news/bridge/") == "2019-11-19"


def test_a_published_line_shown_to_readers_corrects_a_utc_timestamp() -> None:
    head = '<meta property="article:published_time" content="2019-11-20T04:11:00Z">'
    line = '<span class="stamp">Published 11:11 PM EST Nov 19, 2019</span>'
    assert published(page(head, line)) == "2019-11-19"
    updated = '<span class="stamp">Updated 11:11 PM EST Nov 19, 2019</span>'
    assert published(page(head, updated)) == "2019-11-20"


def test_a_date_further_away_than_a_time_zone_is_another_date() -> None:
    # an old story's URL reused, an offset stamp of an update: more than a day apart is no zone
    head = '<meta property="article:published_time" content="2019-11-23T10:00:00-05:00">'
    tree = parse_page(page(head))
    old_url = "https://lakeview.example/2017/05/01/bridge/"
    assert publication_day(tree, "2019-11-19", old_url) == "2019-11-19"
    assert publication_day(tree, None, old_url) == "2019-11-23"  # nothing else: the best there is


def test_times_of_other_stories_and_update_stamps_are_not_the_publication() -> None:
    sidebar = "".join(
        f'<time datetime="2019-11-{d}T10:00:00-05:00">Nov {d}, 2019</time>' for d in (20, 21)
    )
    updated = '<time class="published-updated" datetime="x">Updated Nov 20, 2019 at 1:00 am</time>'
    assert published(page(UTC_EVENING, updated, sidebar)) == "2019-11-19"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2019-11-18T21:24:00-05:00", (date(2019, 11, 18), "offset")),
        ("2019-11-20 3:15:00 -0800", (date(2019, 11, 20), "offset")),
        ("2019-11-19T02:24:00Z", (date(2019, 11, 19), "utc")),
        ("2019-11-19 02:24:00 UTC", (date(2019, 11, 19), "utc")),
        ("2019-11-19 02:24:00", (date(2019, 11, 19), "")),
        ("2019-11-19", (date(2019, 11, 19), "")),
        ("November 19, 2019, 07:47 PM EST", (date(2019, 11, 19), "offset")),
        ("01:38:07 PM IST Nov 20, 2019", (date(2019, 11, 20), "offset")),
        ("Wed, 20 Nov 2019 13:38:07 +0530", (date(2019, 11, 20), "offset")),
        ("Nov 18, 2019 10:30 AM", (date(2019, 11, 18), "")),
        ("2019-02-30T10:00:00Z", None),
        ("soon", None),
    ],
)
def test_parse_stamp_reads_the_day_and_its_zone(text: str, expected) -> None:
    stamp = parse_stamp(text)
    assert (stamp[:2] if stamp else None) == expected
