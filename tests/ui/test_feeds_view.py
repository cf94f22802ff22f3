"""Feeds in the reader (issue 15, item 6), against feeds an http.server serves on 127.0.0.1 into a
real store under tmp_path, with the real model: the feeds view (counts, status, errors; Enter
filters the list to a feed), `R` and the list's `r` refreshing in the background with their
progress and one closing notification, the feed's name on each row, and the auto-refresh timer."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.ui.feed_files import (
    BROKEN,
    FERRY_ITEM,
    GAZETTE_PAGE,
    MARKET_ITEM,
    ORCHARD_ITEM,
    Item,
    Served,
    rss,
    serving,
    subscribe,
)
from tests.ui.helpers import plain, wait_until
from tui.app.app import build_app
from tui.app.screens import feed_actions
from tui.app.screens.feeds import FeedsScreen
from tui.app.widgets.article_list import ArticleList
from tui.app.widgets.filter_input import FilterInput
from tui.feeds.refresh import refresh
from tui.model import Article
from tui.settings import Settings
from tui.store import Store

pytestmark = pytest.mark.anyio
SIZE = (120, 40)


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Served]:
    folder = tmp_path / "served"
    folder.mkdir()
    with serving(folder) as served:
        yield served


async def meanwhile(pilot, condition, timeout_s: float = 20.0) -> None:
    """Let the app run until `condition()` holds, without waiting for the workers to end (as
    `wait_until` does): for what shows while a refresh is still running."""
    import time

    deadline = time.monotonic() + timeout_s
    while not condition():
        assert time.monotonic() < deadline, f"still not true after {timeout_s} s"
        await pilot.pause()


def notes(app) -> list[str]:
    return [note.message for note in app._notifications]


def row_texts(articles: ArticleList) -> dict[str, str]:
    """Each listed article's row as drawn (title, then "feed › source · date")."""
    return {
        articles.get_option_at_index(i).id or "": plain(articles.get_option_at_index(i).prompt)
        for i in range(articles.option_count)
    }


def app_for(store: Store, tmp_path: Path, **settings: object):
    return build_app(store, settings=Settings(path=tmp_path / "settings.toml", **settings))  # type: ignore[arg-type]


async def open_feeds_view(pilot) -> FeedsScreen:
    await pilot.press("f")
    view = pilot.app.screen
    assert isinstance(view, FeedsScreen)
    await wait_until(pilot, lambda: view.loaded)
    return view


def feed_rows(view: FeedsScreen) -> list[str]:
    options = view.query_one("#feeds-list")
    return [plain(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


async def test_the_feeds_view_lists_each_feed_with_counts_status_and_error(
    server: Served, tmp_path: Path
) -> None:
    server.write("wire.xml", rss("Lakeport Wire", [FERRY_ITEM, MARKET_ITEM]))
    server.write("broken.xml", BROKEN)
    server.write("valley.xml", rss("Valley Notes", [ORCHARD_ITEM]))
    store = Store(tmp_path / "store.json")
    wire, broken, _ = subscribe(
        store.path, server.url("wire.xml"), server.url("broken.xml"), server.url("valley.xml")
    )
    refresh(store, [wire, broken])  # the valley feed is never fetched
    store.set_read(next(s.id for s in store.summaries() if s.title.startswith("Market")))
    app = app_for(store, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        view = await open_feeds_view(pilot)
        rows = feed_rows(view)
        assert rows[0].startswith("Lakeport Wire\n1 unread of 2 · ok · fetched ")
        assert rows[1].startswith(f"{server.url('broken.xml')}\nno articles yet · error · fetched")
        assert f"{server.url('broken.xml')} is a broken feed" in rows[1]
        assert rows[2] == f"{server.url('valley.xml')}\nno articles yet · never fetched"
        title = plain(view.query_one("#feeds-title").content)
        assert title == "Feeds  · 3 feeds · 1 unread"
        await pilot.press("escape", "f")
        await wait_until(pilot, lambda: isinstance(app.screen, FeedsScreen) and app.screen.loaded)
        await pilot.press("q")  # q goes back too, it does not quit
        assert not isinstance(app.screen, FeedsScreen) and app.is_running


async def test_enter_on_a_feed_filters_the_list_to_its_articles(
    server: Served, tmp_path: Path
) -> None:
    server.write("wire.xml", rss("Lakeport Wire", [FERRY_ITEM, MARKET_ITEM]))
    server.write("valley.xml", rss("Valley Notes", [ORCHARD_ITEM]))
    store = Store(tmp_path / "store.json")
    _, valley = subscribe(store.path, server.url("wire.xml"), server.url("valley.xml"))
    refresh(store)
    app = app_for(store, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        articles = app.screen.query_one(ArticleList)
        await wait_until(pilot, lambda: bool(articles.feed_names))
        await open_feeds_view(pilot)
        await pilot.press("j", "enter")
        await pilot.pause()
        assert not isinstance(app.screen, FeedsScreen)
        assert app.screen.query_one(FilterInput).value == 'feed:"Valley Notes"'
        assert [s.title for s in articles.listed] == ["Best apple harvest in a decade"]
        assert all(s.feed == valley for s in articles.listed)
        assert app.focused is articles
        await pilot.press("slash", "escape")  # Escape in the filter lists every article again
        assert len(articles.listed) == 3


async def test_R_refreshes_in_the_background_and_new_items_show_with_the_feed_name(
    server: Served, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    server.write("wire.xml", rss("Lakeport Wire", [FERRY_ITEM]))
    server.write("slow.xml", rss("Valley Notes", [ORCHARD_ITEM]))
    store = Store(tmp_path / "store.json")
    subscribe(store.path, server.url("wire.xml"), server.url("slow.xml"))
    refresh(store)
    lighthouse = Item(
        "Lighthouse keepers return to Gull Point",
        "lighthouse",
        "Wed, 04 Sep 2024 12:00:00 +0000",
        link=server.url("gazette.html"),
    )
    server.write("gazette.html", GAZETTE_PAGE)
    server.write("wire.xml", rss("Lakeport Wire", [lighthouse, MARKET_ITEM, FERRY_ITEM]))
    server.hold_path = "/slow.xml"
    shown: list[str] = []
    app = app_for(store, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        articles = screen.query_one(ArticleList)
        show_status = screen._show_status

        def recording(text: str) -> None:
            shown.append(text)
            show_status(text)

        monkeypatch.setattr(screen, "_show_status", recording)
        await pilot.press("R")
        await meanwhile(pilot, lambda: server.asked_for("slow.xml") == 2)
        assert screen.refreshing
        await pilot.press("R")  # the slow feed is still being fetched: one refresh at a time
        assert any(n.startswith("A refresh is running already (") for n in notes(app))
        assert len(articles.summaries) == 2  # nothing new yet
        server.release.set()
        await wait_until(pilot, lambda: not screen.refreshing, 60)
        assert shown[0] == "Refreshing feeds…"
        assert any(t.startswith("Fetching feeds ") for t in shown)
        assert any(t.startswith("Storing ") for t in shown)
        assert screen.query_one("#list-pane").border_subtitle == ""  # gone when it ends
        assert notes(app)[-1] == "2 new articles from 2 feeds."
        assert len(articles.summaries) == 4
        rows = {row.split("\n")[0]: row for row in row_texts(articles).values()}
        # The page names its site: the feed's name goes before it, both shortened to fit the
        # list's 32 columns (tests/ui/test_feeds_rows.py has them whole in wider lists).
        assert rows["● Lighthouse keepers return to"].endswith("\n  Lakep… › The H… · 4 Sep 2024")
        assert rows["● Market moves to the rope"].endswith("\n  Lakeport Wire · 4 Sep 2024")


async def test_r_in_the_list_refreshes_only_the_highlighted_articles_feed(
    server: Served, tmp_path: Path
) -> None:
    server.write("wire.xml", rss("Lakeport Wire", [FERRY_ITEM]))
    server.write("valley.xml", rss("Valley Notes", [ORCHARD_ITEM]))
    store = Store(tmp_path / "store.json")
    subscribe(store.path, server.url("wire.xml"), server.url("valley.xml"))
    refresh(store)
    store.add(Article("byhand000001", "A story added by hand", ["Nothing from a feed."]))
    server.write("wire.xml", rss("Lakeport Wire", [MARKET_ITEM, FERRY_ITEM]))
    server.write("valley.xml", rss("Valley Notes", [ORCHARD_ITEM, FERRY_ITEM]))
    app = app_for(store, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        articles = screen.query_one(ArticleList)
        articles.focus()
        assert articles.listed[0].title == "A story added by hand"
        await pilot.press("r")
        assert notes(app)[-1] == "This article is not from a feed; R refreshes every feed."
        assert not screen.refreshing
        ferries = next(s.id for s in articles.listed if s.title.startswith("New ferries"))
        articles.highlight_id(ferries)
        await pilot.press("r")
        await wait_until(pilot, lambda: not screen.refreshing, 60)
        assert notes(app)[-1] == "1 new article from Lakeport Wire."
        assert (server.asked_for("wire.xml"), server.asked_for("valley.xml")) == (2, 1)
        assert "Market moves to the rope works" in {s.title for s in articles.summaries}


async def test_a_broken_feed_and_a_damaged_subscriptions_file_are_told_without_a_traceback(
    server: Served, tmp_path: Path
) -> None:
    server.write("broken.xml", BROKEN)
    store = Store(tmp_path / "store.json")
    subscribe(store.path, server.url("broken.xml"))
    app = app_for(store, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("R")
        await wait_until(pilot, lambda: not app.screen.refreshing, 60)
        note = notes(app)[-1]
        assert note.startswith(f"{server.url('broken.xml')} could not be refreshed:\n")
        assert note.endswith(
            "is a broken feed (not well-formed (invalid token) at line 3); "
            "try again later, or tell its publisher."
        )
        view = await open_feeds_view(pilot)
        assert "error" in feed_rows(view)[0] and "is a broken feed" in feed_rows(view)[0]
        assert view.progress == f"{server.url('broken.xml')} could not be refreshed."
    registry = tmp_path / "store.feeds.json"
    registry.write_text("{not json", encoding="utf-8")
    app = app_for(store, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_until(pilot, lambda: any("is damaged" in n for n in notes(app)))
        await pilot.press("R")
        await wait_until(pilot, lambda: not app.screen.refreshing, 60)
        assert "is damaged" in notes(app)[-1]
        view = await open_feeds_view(pilot)
        assert "is damaged" in feed_rows(view)[0]
    assert registry.read_text(encoding="utf-8") == "{not json"  # never overwritten


async def test_the_auto_refresh_setting_refreshes_every_feed_on_its_timer(
    server: Served, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    server.write("wire.xml", rss("Lakeport Wire", [FERRY_ITEM]))
    store = Store(tmp_path / "store.json")
    subscribe(store.path, server.url("wire.xml"))
    monkeypatch.setattr(feed_actions, "MINUTE_S", 0.02)  # 5 "minutes" are 0.1 s here
    app = app_for(store, tmp_path, refresh_minutes=5)
    async with app.run_test(size=SIZE) as pilot:
        articles = app.screen.query_one(ArticleList)
        await wait_until(pilot, lambda: len(articles.summaries) == 1, 60)
        assert articles.listed[0].title == "New ferries to sail before winter"
        assert notes(app) == ["1 new article from Lakeport Wire."]
        await wait_until(pilot, lambda: server.asked_for("wire.xml") >= 3, 30)
        assert notes(app) == ["1 new article from Lakeport Wire."]  # nothing new: nothing said


async def test_no_auto_refresh_by_default(server: Served, tmp_path: Path, monkeypatch) -> None:
    server.write("wire.xml", rss("Lakeport Wire", [FERRY_ITEM]))
    store = Store(tmp_path / "store.json")
    subscribe(store.path, server.url("wire.xml"))
    monkeypatch.setattr(feed_actions, "MINUTE_S", 0.0001)
    app = app_for(store, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_until(pilot, lambda: app.screen.query_one(ArticleList).feed_names != {})
        await pilot.pause(0.2)
        assert server.asked == [] and not app.screen.refreshing
