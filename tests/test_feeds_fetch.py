"""Fetching feeds (tui.feeds.fetch over tui.ingest.sources.fetch_url): conditional requests, 304,
gzip under the size cap, and what a hostile feed can and cannot do."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.feeds.server import Served, served
from tui.feeds.fetch import get
from tui.feeds.registry import Registry
from tui.feeds.subscriptions import subscribe
from tui.ingest.errors import IngestError

FEEDS = Path(__file__).parent / "feeds"


@pytest.fixture(scope="module")
def server() -> Iterator[Served]:
    with served() as running:
        yield running


def test_validators_come_back_and_make_the_next_get_a_304(server: Served) -> None:
    first = get(server.url("atom.xml"))
    assert (first.status, first.data) == (200, (FEEDS / "atom.xml").read_bytes())
    assert first.etag and first.last_modified == "Tue, 03 Sep 2024 12:00:00 GMT"
    again = get(server.url("atom.xml"), etag=first.etag)
    assert (again.status, again.data, again.not_modified) == (304, b"", True)
    assert again.etag == first.etag
    by_date = get(server.url("atom.xml"), last_modified=first.last_modified)
    assert by_date.not_modified and by_date.last_modified == first.last_modified
    sent = server.hits("atom.xml")[-1].headers
    assert "gzip" in sent.get("accept-encoding", "") and "atom+xml" in sent.get("accept", "")


def test_a_gzip_body_is_decompressed(server: Served) -> None:
    answer = get(server.url("gzip/rdf.xml"))
    assert answer.data == (FEEDS / "rdf.xml").read_bytes()


def test_a_gzip_body_over_the_size_cap_is_refused(
    server: Served, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEWSTUI_MAX_BYTES", "50000")
    with pytest.raises(IngestError, match="over the 50,000-byte limit"):
        get(server.url("bomb.xml"))


def test_a_damaged_gzip_body_and_an_unasked_304_are_one_sentence_each(server: Served) -> None:
    with pytest.raises(IngestError, match="sent a damaged compressed body"):
        get(server.url("bad-gzip.xml"))
    with pytest.raises(IngestError, match="answered HTTP 304"):
        get(server.url("not-modified"))


def test_a_feed_title_cannot_reach_the_terminal_with_escapes(db_path: Path, server: Served) -> None:
    [result] = subscribe(Registry(db_path), [server.url("escapes.xml")])
    assert result.feed is not None
    assert "\x1b" not in result.feed.title and "\x07" not in result.feed.title
    assert "Valley" in result.feed.title and "Gazette" in result.feed.title


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://127.0.0.1/feed.xml"])
def test_only_http_and_https_are_fetched(url: str) -> None:
    with pytest.raises(IngestError, match="only http and https"):
        get(url)
