"""Refreshing feeds served by a server these tests start on 127.0.0.1 (tests/feeds/server.py),
into a real store under tmp_path, with the real model: what is stored, what is not, and how
failures are told."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tests.feeds.server import Served, served
from tui.feeds.overview import overview
from tui.feeds.refresh import RefreshProgress, refresh
from tui.feeds.registry import Registry
from tui.feeds.subscriptions import subscribe
from tui.store import Store


@pytest.fixture(scope="module")
def server() -> Iterator[Served]:
    with served() as running:
        yield running


def subscribed(db_path: Path, server: Served, *names: str) -> tuple[Store, dict[str, str]]:
    """A store subscribed to these feeds: (store, name -> feed id)."""
    store = Store(db_path)
    results = subscribe(Registry(db_path), [server.url(n) for n in names])
    assert all(r.feed for r in results), [r.error for r in results]
    return store, {n: r.feed.id for n, r in zip(names, results, strict=True) if r.feed}


def stored(store: Store) -> dict[str, object]:
    return {a.title: a for a in (store.get(s.id) for s in store.summaries())}


def test_items_become_whole_analyzed_articles_with_the_feeds_facts(
    db_path: Path, server: Served
) -> None:
    store, ids = subscribed(db_path, server, "rss2.xml", "atom.xml")
    results = refresh(store)
    assert [(r.status, r.new, r.error) for r in results] == [("ok", 2, None), ("ok", 2, None)]
    articles = stored(store)
    ferry = articles["Ferry workers end two-week strike"]
    assert ferry.url == "http://lakeport.test/2024/09/ferry-strike-ends"
    assert ferry.source == "Lakeport Courier"
    assert ferry.feed == ids["rss2.xml"]
    assert ferry.author == "Niamh Okafor"
    # The publisher's day: 23:30 at -04:00 is 2024-09-03 in UTC.
    assert ferry.published is not None and ferry.published.value == "2024-09-02"
    assert ferry.paragraphs[0].startswith("Workers at the Lakeport ferry terminal")
    assert not any("trackReader" in p for p in ferry.paragraphs)  # the script is cleaned away
    # Analyzed as `newstui add` analyzes: entities, and the timeline against the feed's day.
    assert ferry.analyzed and "Tomasz Brennan" in {e.name for e in ferry.entities}
    assert "2024-09-03" in {t.value for t in ferry.timeline}  # "at dawn on Tuesday"
    comet = articles["Observatory spots new comet"]
    assert comet.published.value == "2024-03-11" and comet.source == "Northern & Coastal Review"
    assert {s.feed for s in store.summaries()} == set(ids.values())


def test_an_item_listed_twice_and_seen_again_is_stored_once(db_path: Path, server: Served) -> None:
    store, _ = subscribed(db_path, server, "rss2.xml")
    assert [r.new for r in refresh(store)] == [2]  # three items, one of them twice
    ferry = stored(store)["Ferry workers end two-week strike"]
    assert "listed twice" not in " ".join(ferry.paragraphs)  # the first of the two is kept
    registry = Registry(db_path)
    with registry.editing() as feeds:  # forget the validators: the feed answers 200 again
        feeds[0].etag = feeds[0].last_modified = None
    assert [(r.status, r.new) for r in refresh(store)] == [("ok", 0)]
    assert len(store) == 2


def test_a_second_refresh_is_conditional_and_a_304_stores_nothing(
    db_path: Path, server: Served
) -> None:
    store, ids = subscribed(db_path, server, "rdf.xml", "feed.json")
    refresh(store)
    before = (len(store), db_path.stat().st_mtime_ns)
    again = refresh(store)
    assert [(r.status, r.new) for r in again] == [("not_modified", 0), ("not_modified", 0)]
    assert (len(store), db_path.stat().st_mtime_ns) == before
    last = server.hits("rdf.xml")[-1]
    assert last.status == 304
    assert last.headers.get("if-none-match", "").startswith('"')
    assert last.headers.get("if-modified-since") == "Tue, 03 Sep 2024 12:00:00 GMT"
    rows = {o.id: o for o in overview(store)}
    assert rows[ids["rdf.xml"]].status == "not_modified" and rows[ids["rdf.xml"]].articles == 1


def test_summary_items_are_fetched_whole_and_a_failed_page_is_kept_partial_then_retried(
    db_path: Path, server: Served
) -> None:
    server.set(flaky=1)
    store, ids = subscribed(db_path, server, "summary.xml")
    [result] = refresh(store)
    assert (result.status, result.new) == ("ok", 3)
    articles = stored(store)
    bridge = articles["Bridge repairs to close Main Street for a month"]
    assert "Gideon Farrow" in " ".join(bridge.paragraphs)  # from the page, not the feed
    assert not any("newsletter" in p for p in bridge.paragraphs)
    assert bridge.source == "The Riverside Post"  # the page names its site better
    assert bridge.published.value == "2024-09-03"  # the item's day, not the page's
    assert bridge.url == server.url("pages/bridge.html")
    museum = articles["Museum reopens its river gallery"]
    assert museum.paragraphs == [
        "The river gallery of the town museum reopened after a year of repairs."
    ]
    [feed] = Registry(db_path).feeds()
    assert [p.article for p in feed.partial.values()] == [museum.id]
    server.set(flaky=0)
    assert refresh(store)[0].new == 0  # not due yet: the page is not asked for again
    assert len(server.hits("pages/flaky.html")) == 1
    later = datetime.now(UTC) + timedelta(hours=1)
    [retried] = refresh(store, now=later)
    assert (retried.status, retried.new) == ("not_modified", 0)
    whole = store.get(museum.id)  # the same article, now whole; its reading state kept
    assert "Anselm Whitcombe" in " ".join(whole.paragraphs)
    assert whole.title == museum.title and whole.feed == ids["summary.xml"]
    assert len(store) == 3 and not Registry(db_path).feeds()[0].partial


def test_a_slow_and_a_broken_feed_are_reported_and_the_others_still_stored(
    db_path: Path, server: Served
) -> None:
    store, _ = subscribed(db_path, server, "rdf.xml")
    with Registry(db_path).editing() as feeds:  # added by hand: `feeds add` would refuse them
        from tui.feeds.registry import Feed, feed_id

        for name in ("slow.xml", "broken.xml", "missing.xml"):
            feeds.append(Feed(feed_id(server.url(name)), server.url(name)))
    server.set(slow=3)
    started = datetime.now(UTC)
    results = {r.url.rsplit("/", 1)[1]: r for r in refresh(store, timeout=0.5)}
    assert (datetime.now(UTC) - started).total_seconds() < 3
    assert (results["rdf.xml"].status, results["rdf.xml"].new) == ("ok", 1)
    slow, broken, missing = results["slow.xml"], results["broken.xml"], results["missing.xml"]
    assert slow.status == "error" and "did not answer within 0.5 seconds" in (slow.error or "")
    assert broken.status == "error" and "is a broken feed" in (broken.error or "")
    assert missing.status == "error" and "answered HTTP 404" in (missing.error or "")
    for result in (slow, broken, missing):
        assert result.url in (result.error or "") and "Traceback" not in (result.error or "")
    rows = {o.url.rsplit("/", 1)[1]: o for o in overview(store)}
    assert rows["broken.xml"].status == "error" and rows["broken.xml"].error == broken.error
    assert rows["broken.xml"].last_fetched is not None
    assert len(store) == 1


def test_redirects_gzip_and_a_legacy_encoding(db_path: Path, server: Served) -> None:
    store, _ = subscribed(db_path, server, "moved.xml", "gzip/rdf.xml", "legacy-1252.xml")
    results = refresh(store)
    assert [(r.status, r.new) for r in results] == [("ok", 2), ("ok", 1), ("ok", 1)]
    articles = stored(store)
    assert "Late frost damages valley orchards" in articles  # through gzip
    cafe = articles["Café owners’ “fête” draws crowds"]
    assert "René Duchâtel" in " ".join(cafe.paragraphs)
    assert cafe.source == "Le Café du Marché" and cafe.published.value == "2024-09-07"


def test_a_feed_moved_for_good_is_asked_for_at_its_new_address(
    db_path: Path, server: Served
) -> None:
    store, ids = subscribed(db_path, server, "moved.xml", "found.xml")
    assert [(r.status, r.new) for r in refresh(store)] == [("ok", 2), ("ok", 1)]
    urls = {f.id: f.url for f in Registry(db_path).feeds()}
    assert urls[ids["moved.xml"]] == server.url("atom.xml")  # 301: moved for good
    assert urls[ids["found.xml"]] == server.url("found.xml")  # 302: only for now
    before = len(server.hits("moved.xml"))
    assert [r.status for r in refresh(store)] == ["not_modified", "not_modified"]
    assert len(server.hits("moved.xml")) == before  # the old address is not asked again


def test_two_feeds_of_one_site_store_a_shared_item_once(db_path: Path, server: Served) -> None:
    store, _ = subscribed(db_path, server, "rdf.xml", "gzip/rdf.xml")  # the same items
    assert sorted(r.new for r in refresh(store)) == [0, 1]
    assert len(store) == 1


def test_refresh_of_chosen_feeds_with_progress(db_path: Path, server: Served) -> None:
    store, ids = subscribed(db_path, server, "rdf.xml", "feed.json")
    steps: list[RefreshProgress] = []
    [result] = refresh(store, [ids["feed.json"]], progress=steps.append)
    assert (result.id, result.new) == (ids["feed.json"], 2)
    assert {s.stage for s in steps} == {"fetching", "storing"}
    assert steps[-1] == RefreshProgress("storing", 2, 2)
    assert [o.status for o in overview(store)] == ["never", "ok"]


def test_items_sharing_one_link_are_each_stored(db_path: Path, server: Served) -> None:
    """A show whose every episode links to the show's page: the guids tell them apart."""
    store, _ = subscribed(db_path, server, "shared-link.xml")
    assert [r.new for r in refresh(store)] == [2]
    articles = stored(store)
    assert set(articles) == {"Episode 12: the lighthouse keepers", "Episode 11: the net menders"}
    assert {a.url for a in articles.values()} == {None}  # the link names neither episode
    assert [r.new for r in refresh(store)] == [0]
