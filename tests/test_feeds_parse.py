"""Feed documents -> items (tui.feeds.parse, jsonfeed, dates, discover, items.is_stub), on the
feed files in tests/feeds/ (written for these tests)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.feeds.dates import publisher_day
from tui.feeds.discover import feed_links
from tui.feeds.errors import FeedError
from tui.feeds.items import is_stub
from tui.feeds.parse import FeedItem, parse_feed, plain_text

FEEDS = Path(__file__).parent / "feeds"


def parsed(name: str, content_type: str | None = None):
    return parse_feed((FEEDS / name).read_bytes(), f"http://feeds.test/{name}", content_type)


def test_rss2_takes_content_encoded_over_the_description_and_keeps_raw_html() -> None:
    feed = parsed("rss2.xml")
    assert (feed.kind, feed.title, feed.site_url) == (
        "rss20",
        "Lakeport Courier",
        "http://lakeport.test/",
    )
    first = feed.items[0]
    assert first.guid == "courier-1001"
    assert first.link == "http://lakeport.test/2024/09/ferry-strike-ends"
    assert first.author == "Niamh Okafor"
    assert "Tomasz Brennan" in (first.content or "")
    # feedparser's sanitizer is off: the content is as the feed gave it (trafilatura cleans it).
    assert "<script>" in (first.content or "")
    assert first.summary == "Ferry workers voted to end their strike."


def test_rss1_rdf_items_with_escaped_html_descriptions() -> None:
    feed = parsed("rdf.xml")
    assert feed.kind == "rss10"
    [item] = feed.items
    assert item.title == "Late frost damages valley orchards"
    assert "Ilse Marwick" in plain_text(item.content or item.summary)
    assert item.published == "2024-05-06"  # 22:45 at -07:00; in UTC it is the 7th


def test_atom_html_and_xhtml_content_and_html_titles() -> None:
    feed = parsed("atom.xml")
    assert feed.kind == "atom10"
    assert feed.title == "Northern & Coastal Review"
    comet, rail = feed.items
    assert comet.title == "Observatory spots new comet"  # type="html": tags dropped
    assert comet.published == "2024-03-11"  # 07:30 at +09:00 is the 10th in UTC
    assert "<p>" in (comet.content or "") and "Haruki Lindqvist" in (comet.content or "")
    assert rail.link == "http://feeds.test/rail-reopens"  # relative: against the feed's URL
    assert "<p>" in (rail.content or "") and "Odile Ferrant" in (rail.content or "")
    assert rail.published == "2024-03-10"  # from <updated> when there is no <published>


def test_json_feed_1_1_html_and_text_items() -> None:
    feed = parsed("feed.json")
    assert (feed.kind, feed.title, feed.site_url) == (
        "json11",
        "Hillside Weekly",
        "http://hillside.test/",
    )
    library, marathon = feed.items
    assert library.guid == "hw-77" and library.author == "Marta Quinlan"
    assert library.published == "2024-01-15"  # 21:00 at -05:00 is the 16th in UTC
    assert marathon.content is not None and marathon.content.count("<p>") == 4


def test_a_legacy_encoding_declared_in_the_prolog_is_decoded() -> None:
    # Served as application/rss+xml without a charset: the prolog's windows-1252 is believed.
    feed = parsed("legacy-1252.xml", "application/rss+xml")
    assert feed.title == "Le Café du Marché"
    [item] = feed.items
    assert item.title == "Café owners’ “fête” draws crowds"
    assert "René Duchâtel" in (item.summary or item.content or "")
    assert item.published == "2024-09-07"  # 22:00 at -03:00


@pytest.mark.parametrize(
    ("name", "words"),
    [("broken.xml", "is a broken feed"), ("page.html", "is not an RSS, Atom or JSON feed")],
)
def test_a_broken_feed_or_a_page_is_one_sentence_naming_it(name: str, words: str) -> None:
    with pytest.raises(FeedError) as caught:
        parsed(name)
    message = str(caught.value)
    assert words in message and f"http://feeds.test/{name}" in message
    assert message.count(". ") == 0 and message.endswith(".")


@pytest.mark.parametrize(
    "data",
    [b'{"version": "https://jsonfeed.org/version/1.1", "items": [', b'{"title": "no version"}'],
    ids=["truncated", "not-json-feed"],
)
def test_broken_json_feeds_are_feed_errors(data: bytes) -> None:
    with pytest.raises(FeedError, match=r"http://feeds\.test/x\.json"):
        parse_feed(data, "http://feeds.test/x.json")


def test_bytes_are_never_taken_for_a_file_name(tmp_path: Path) -> None:
    """feedparser opens a bytes argument as a path first; parse_feed gives it a stream."""
    secret = tmp_path / "secret.xml"
    secret.write_bytes((FEEDS / "rss2.xml").read_bytes())
    with pytest.raises(FeedError):
        parse_feed(str(secret).encode(), "http://feeds.test/x")


@pytest.mark.parametrize(
    ("raw", "day"),
    [
        ("Mon, 02 Sep 2024 23:30:00 -0400", "2024-09-02"),
        ("Mon, 02 Sep 2024 23:30:00 EDT", "2024-09-02"),
        ("Tue, 03 Sep 2024 01:30:00 +0200", "2024-09-03"),
        ("2024-09-02T23:30:00-04:00", "2024-09-02"),
        ("2024-09-03T00:30:00+14:00", "2024-09-03"),
        ("Tues, 03 Sep 2024 10:00 CEST", "2024-09-03"),
        ("lun., 02 sept. 2024 23:30:00 -0400", "2024-09-02"),
        ("not a date", None),
        ("", None),
    ],
)
def test_the_publication_day_is_the_publishers_own(raw: str, day: str | None) -> None:
    assert publisher_day(raw) == day


def test_feed_links_of_a_page_in_page_order_resolved_against_it() -> None:
    page = (FEEDS / "page.html").read_text()
    assert feed_links(page, "http://lakeport.test/home") == [
        "http://lakeport.test/rss2.xml",
        "http://lakeport.test/comments.atom",
    ]


def test_feed_links_honour_base_and_skip_other_links() -> None:
    page = (
        '<html><head><base href="http://cdn.test/site/">'
        '<link rel="alternate" type="text/html" href="/fr/">'
        '<link rel="alternate" type="application/feed+json" href="feed.json">'
        '<link rel="alternate" type="application/rss+xml" href="javascript:alert(1)">'
        "</head></html>"
    )
    assert feed_links(page, "http://site.test/") == ["http://cdn.test/site/feed.json"]


@pytest.mark.parametrize(
    ("item", "stub"),
    [
        (FeedItem(title="T", link="http://x/a", summary="<p>Bridge to close. Read more</p>"), True),
        (FeedItem(title="T", link="http://x/a", summary="Two schools opened on Monday […]"), True),
        (FeedItem(title="T", link="http://x/a"), True),
        (FeedItem(title="T", link="http://x/a", summary="A short summary of the story."), True),
        (FeedItem(title="T", link="http://x/a", content="<p>" + "word " * 120 + "</p>"), False),
        (FeedItem(title="T", summary="A short summary."), False),  # no link: nothing to fetch
        (FeedItem(link="http://x/a", content="<p>A microblog post without a title.</p>"), False),
    ],
    ids=["read-more", "ellipsis", "empty", "short-summary", "full", "no-link", "microblog"],
)
def test_stubs_are_summaries_teasers_and_nothing(item: FeedItem, stub: bool) -> None:
    assert is_stub(item) is stub
