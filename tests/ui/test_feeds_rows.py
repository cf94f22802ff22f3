"""The feeds' pieces that need no app: the feed's name on a list row, `feed:` in the filter, the
refresh's closing sentence and progress, the feeds view's rows, and the auto-refresh setting."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.cells import cell_len
from rich.style import Style

from tests.ui.helpers import plain
from tui.app.list_query import asked_feeds, feed_word, filter_words, matches_query
from tui.app.screens.feed_actions import progress_text, refresh_sentence
from tui.app.screens.feeds import feed_prompt, fetched_when
from tui.app.widgets.list_prompt import ListPrompt
from tui.feeds.overview import FeedOverview
from tui.feeds.refresh import FeedResult, RefreshProgress
from tui.model import ArticleSummary
from tui.settings import Settings

NAMES = {"aaaa0001": "Lakeport Wire", "bbbb0002": "Valley Notes", "cccc0003": "Wire Weekly"}


def summary(feed: str | None, source: str = "The Harbour Gazette", **fields) -> ArticleSummary:
    values = {
        "id": f"id-{feed}",
        "title": "Lighthouse keepers return",
        "source": source,
        "published": "2024-09-04",
        "added": "2024-09-05T10:00:00",
        "feed": feed,
    }
    return ArticleSummary(**(values | fields))


def details(s: ArticleSummary, feed: str, width: int) -> str:
    return ListPrompt(s, {"details": Style()}, width, feed).details


def test_the_feed_name_goes_before_a_different_source_on_the_row() -> None:
    s = summary("aaaa0001")
    assert details(s, "Lakeport Wire", 60) == "Lakeport Wire › The Harbour Gazette · 4 Sep 2024"
    assert details(s, "", 60) == "The Harbour Gazette · 4 Sep 2024"  # no feed: the source alone
    # The same publisher, in any case or with "The": the name once.
    assert details(summary("aaaa0001", "Lakeport Wire"), "Lakeport Wire", 60) == (
        "Lakeport Wire · 4 Sep 2024"
    )
    riverside = summary("aaaa0001", "The Riverside Post")
    assert details(riverside, "riverside post", 60) == "The Riverside Post · 4 Sep 2024"
    # No source: the feed's name stands for it.
    assert details(summary("aaaa0001", ""), "Lakeport Wire", 60) == "Lakeport Wire · 4 Sep 2024"


@pytest.mark.parametrize("width", [26, 32, 40, 44])
def test_feed_and_source_are_shortened_by_cells_and_the_date_stays_whole(width: int) -> None:
    for feed, source in [
        ("Lakeport Wire", "The Harbour Gazette"),
        ("東京新聞ニュース", "港の新聞社"),
    ]:
        line = details(summary("aaaa0001", source), feed, width)
        assert cell_len(line) <= width - 2, line
        assert line.endswith(" · 4 Sep 2024") and " › " in line, line
        shown_feed, shown_source = line.removesuffix(" · 4 Sep 2024").split(" › ")
        assert feed.startswith(shown_feed.rstrip("…")) and source.startswith(
            shown_source.rstrip("…")
        ), line


def test_a_narrow_row_keeps_the_date_and_the_feed_and_a_short_feed_stays_whole() -> None:
    narrow = details(summary("aaaa0001"), "Lakeport Wire", 20)
    assert narrow == "Lake… · 4 Sep 2024"
    line = details(summary("aaaa0001", "The Harbour Gazette of Lakeport"), "AP", 34)
    assert line == "AP › The Harbour G… · 4 Sep 2024"


def test_feed_filter_words_match_the_feeds_name_by_substring_in_any_case() -> None:
    wire, valley, none = summary("aaaa0001"), summary("bbbb0002"), summary(None)
    weekly = summary("cccc0003")
    assert [
        s.feed for s in (wire, valley, none, weekly) if matches_query(s, "feed:wire", {}, NAMES)
    ] == [
        "aaaa0001",
        "cccc0003",
    ]
    assert matches_query(valley, 'feed:"valley notes"', {}, NAMES)
    assert not matches_query(wire, 'feed:"valley notes"', {}, NAMES)
    assert not matches_query(wire, "feed:nowhere", {}, NAMES)
    assert not matches_query(none, "feed:lakeport", {}, NAMES)  # an article from no feed
    assert not matches_query(wire, "feed:lakeport", {}, {})  # names not read yet: nothing
    assert matches_query(wire, "feed:lakeport lighthouse is:unread", {}, NAMES)
    assert not matches_query(wire, "feed:lakeport ferry", {}, NAMES)  # a title word as well
    assert asked_feeds('feed:"Valley Notes" tag:x feed:wire') == ["valley notes", "wire"]


@pytest.mark.parametrize(
    "name", ["Lakeport Wire", 'The "Best" News', "Bob's Blog", 'It\'s the "real" news  today']
)
def test_feed_word_quotes_a_name_so_the_filter_reads_it_back(name: str) -> None:
    [word] = filter_words(feed_word(name))
    assert word.field == "feed" and word.quoted
    assert word.value.casefold() in " ".join(name.split()).casefold()
    assert len(word.value) >= 6


def test_the_closing_sentence_names_at_most_three_failed_feeds() -> None:
    ok = [FeedResult(f"ok{i}", f"http://x/{i}", "ok", new=2) for i in range(3)]
    failed = [
        FeedResult(f"f{i}", f"http://x/f{i}", "error", error=f"http://x/f{i} did not answer.")
        for i in range(5)
    ]
    names = {"f0": "Feed Zero"}
    text, bad = refresh_sentence(ok + failed, names, None)
    assert bad
    assert text.split("\n") == [
        "6 new articles from 8 feeds; 5 failed:",
        "Feed Zero: http://x/f0 did not answer.",
        "http://x/f1 did not answer.",
        "http://x/f2 did not answer.",
        "and 2 more failed.",
    ]
    assert refresh_sentence(ok[:1], {"ok0": "Wire"}, ["ok0"]) == (
        "2 new articles from Wire.",
        False,
    )
    quiet = [FeedResult("a", "http://a", "not_modified"), FeedResult("b", "http://b", "ok")]
    assert refresh_sentence(quiet, {}, None) == ("No new articles from 2 feeds.", False)
    assert refresh_sentence([], {}, None)[0].startswith("No feeds yet")
    assert refresh_sentence([], {}, ["gone0001"])[0].startswith("That feed is no longer")
    one = FeedResult("a", "http://a", "error", error="http://a \x1b[2Jis gone.")
    assert (
        refresh_sentence([one], {"a": "A"}, ["a"])[0]
        == "A could not be refreshed:\nhttp://a is gone."
    )


def test_progress_fits_the_lists_border() -> None:
    assert progress_text(RefreshProgress("fetching", 12, 40)) == "Fetching feeds 12/40…"
    assert progress_text(RefreshProgress("fetching", 40, 40)) == "Fetched 40/40, storing…"
    assert progress_text(RefreshProgress("storing", 3, 250)) == "Storing 3/250 new…"
    assert cell_len(progress_text(RefreshProgress("fetching", 999, 1000))) <= 26


def test_a_feeds_row_shows_counts_status_fetch_time_and_error() -> None:
    feed = FeedOverview(
        "aaaa0001", "http://x/feed", "Lakeport\x1b[31m Wire", None, [], None, "error",
        "http://x/feed did not\nanswer.", 4, 1,
    )  # fmt: skip
    assert plain(feed_prompt(feed)) == (
        "Lakeport Wire\n1 unread of 4 · error\nhttp://x/feed did not answer."
    )
    feed.status, feed.error, feed.unread = "not_modified", None, 0
    assert plain(feed_prompt(feed)) == "Lakeport Wire\n0 unread of 4 · not modified"


def test_fetch_times_are_local_and_short() -> None:
    from datetime import datetime

    now = datetime(2024, 9, 4, 18, 0).astimezone()
    today = now.replace(hour=14, minute=5)
    assert fetched_when(today.isoformat(), now) == "fetched 14:05"
    assert fetched_when(today.replace(day=1).isoformat(), now) == "fetched 1 Sep 14:05"
    assert fetched_when(today.replace(year=2023).isoformat(), now) == "fetched 4 Sep 2023 14:05"
    assert fetched_when(None) == fetched_when("yesterday") == ""


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("", 0),
        ("refresh_minutes = 0", 0),
        ("refresh_minutes = 30", 30),
        ("refresh_minutes = 1", 5),
        ("refresh_minutes = 5", 5),
        ("refresh_minutes = 100000", 1440),
        ("refresh_minutes = -3", 0),
        ("refresh_minutes = true", 0),
        ('refresh_minutes = "10"', 0),
    ],
)
def test_the_auto_refresh_setting_is_read_and_clamped(
    tmp_path: Path, written: str, read: int
) -> None:
    path = tmp_path / "settings.toml"
    path.write_text(f"[feeds]\n{written}\n", encoding="utf-8")
    settings = Settings.load(path)
    assert settings.refresh_minutes == read
    settings.save()
    saved = path.read_text(encoding="utf-8")
    assert "[feeds]\n# Refresh every feed this" in saved and "0 is off, else 5 to 1440." in saved
    assert Settings.load(path).refresh_minutes == read


def test_the_auto_refresh_setting_is_off_by_default(tmp_path: Path) -> None:
    assert Settings.load(tmp_path / "none.toml").refresh_minutes == 0
    (tmp_path / "odd.toml").write_text("feeds = 3\n", encoding="utf-8")
    assert Settings.load(tmp_path / "odd.toml").refresh_minutes == 0
