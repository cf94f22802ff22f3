"""OPML in and out (tui.feeds.opml): nested folders become tags, export round-trips, DTDs refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.feeds.errors import FeedError
from tui.feeds.opml import OpmlFeed, read_opml, write_opml

FEEDS = Path(__file__).parent / "feeds"


def test_nested_outlines_become_tags_outermost_first() -> None:
    feeds = read_opml((FEEDS / "nested.opml").read_bytes(), "nested.opml")
    got = [(f.url, f.title, f.tags) for f in feeds]
    assert got == [
        ("http://lakeport.test/rss2.xml", "Lakeport Courier", ["News", "Local"]),
        ("http://valley.test/rss", "Valley Gazette", ["News", "Local"]),
        ("http://review.test/atom.xml", "Northern Review", ["News"]),
        ("http://review.test/atom.xml", "Northern Review", ["Science"]),
        ("http://hillside.test/feed.json", "Hillside Weekly", []),
        ("file:///etc/passwd", "Not fetchable", []),
    ]
    assert feeds[0].site_url == "http://lakeport.test/"


def test_export_then_import_gives_the_same_feeds_titles_and_tags() -> None:
    feeds = [
        OpmlFeed("http://a.test/feed", "A & B <news>", "http://a.test/", ["News", "Local"]),
        OpmlFeed("http://b.test/feed", "B", None, ["News"]),
        OpmlFeed("http://c.test/feed", "C “quoted”", None, []),
        OpmlFeed("http://d.test/feed", "D", None, ["Science", "Space"]),
    ]
    text = write_opml(feeds)
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<opml version="2.0">')
    assert read_opml(text.encode("utf-8"), "export.opml") == feeds


@pytest.mark.parametrize(
    "data",
    [
        b'<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY a "aaaa">]><opml><body/></opml>',
        b'<?xml version="1.0"?><!DOCTYPE opml SYSTEM "file:///etc/passwd"><opml><body/></opml>',
        '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE x [<!ENTITY a "b">]><opml/>'.encode(
            "utf-16"
        ),
    ],
    ids=["entity", "external-dtd", "utf-16"],
)
def test_dtds_and_entities_are_refused_before_parsing(data: bytes) -> None:
    with pytest.raises(FeedError, match="declares a DTD or entities"):
        read_opml(data, "evil.opml")


@pytest.mark.parametrize(
    ("data", "words"),
    [(b"<opml><body>", "not well-formed"), (b"<html><body/></html>", "not an OPML file")],
)
def test_bad_opml_is_one_sentence_naming_the_file(data: bytes, words: str) -> None:
    with pytest.raises(FeedError, match=words) as caught:
        read_opml(data, "mine.opml")
    assert "mine.opml" in str(caught.value)
