"""Pilot tests for the reader's keys and layout: open (`o`) and copy (`c`) the URL, find in the
article, the scroll position kept per article, the reading time, the readable measure, and
showing (`b`, F2) and resizing (`+`, `-`) the side panel."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import TabbedContent

from tests.ui.articles import ferry_article, orchard_article
from tui.app.app import build_app
from tui.app.rendering import byline, find_spans, reading_time
from tui.app.widgets.article_list import ArticleList
from tui.app.widgets.article_view import ArticleView
from tui.settings import Settings
from tui.store import Store

pytestmark = pytest.mark.anyio
SIZE = (120, 40)
URL = "https://example.org/orchards"


def notes(app) -> list[str]:
    return [note.message for note in app._notifications]


@pytest.fixture
def url_store(store: Store) -> Store:
    """The sample store, with the orchard article's web address set."""
    store.remove(["orchard00002"])
    article = orchard_article()
    article.url = URL
    store.add(article)
    return store


def app_for(store: Store, tmp_path: Path, **kwargs):
    return build_app(store, settings_path=tmp_path / "settings.toml", **kwargs)


def test_reading_time_and_find_spans() -> None:
    assert reading_time(0) == ""
    assert reading_time(50) == "1 min read"
    assert reading_time(1150) == "5 min read"
    assert byline(ferry_article()).plain.endswith("· 1 min read")
    assert find_spans("Salo said. SALO!", "salo") == [(0, 4), (11, 15)]
    assert find_spans("abc", "") == []


async def test_o_opens_the_url_in_the_browser(
    url_store: Store, tmp_path: Path, monkeypatch
) -> None:
    opened: list[str] = []
    monkeypatch.setattr("webbrowser.open", lambda url: opened.append(url) or True)
    app = app_for(url_store, tmp_path, open_id="orchard00002")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("o")
        await app.workers.wait_for_complete()
        assert opened == [URL]
        app.screen.open_article("ferry0000001")  # no URL
        await pilot.press("o")
        await pilot.pause()
        assert opened == [URL]
        assert "This article has no web address to open." in notes(app)


async def test_c_copies_the_url(url_store: Store, tmp_path: Path) -> None:
    app = app_for(url_store, tmp_path, open_id="orchard00002")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c")
        assert app.clipboard == URL
        app.screen.open_article("ferry0000001")
        await pilot.press("c")
        assert app.clipboard == URL  # unchanged: nothing to copy
        assert any(n.startswith("Nothing to copy") for n in notes(app))


async def test_ctrl_f_finds_and_ctrl_g_jumps(store: Store, tmp_path: Path) -> None:
    app = app_for(store, tmp_path, open_id="ferry0000001")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+f", *"salo", "enter")
        await pilot.pause()
        view = app.screen.query_one(ArticleView)
        assert view.border_subtitle.startswith("“salo” 1/2")
        assert [view.blocks[block].text.plain[s:e] for block, s, e in view.matches] == ["Salo"] * 2
        current = view.get_component_rich_style("article-view--current-match")
        block, start, end = view.matches[0]
        assert any(
            (span.start, span.end, span.style) == (start, end, current)
            for span in view.blocks[block].text.spans
        )
        await pilot.press("ctrl+g")
        assert view.border_subtitle.startswith("“salo” 2/2")
        await pilot.press("ctrl+g")
        assert view.border_subtitle.startswith("“salo” 1/2")  # wraps around
        await pilot.press("ctrl+f", "ctrl+a", *"zebra", "enter")  # ctrl+a: start of the line
        await pilot.pause()
        assert view.border_subtitle == ""
        assert any("is not in this article" in n for n in notes(app))


async def test_scroll_position_is_kept_per_article(store: Store, tmp_path: Path) -> None:
    app = app_for(store, tmp_path, open_id="ferry0000001")
    async with app.run_test(size=(100, 14)) as pilot:
        view = app.screen.query_one(ArticleView)
        await pilot.pause()
        assert view.max_scroll_y > 3
        view.scroll_to(y=3, animate=False, immediate=True)
        await pilot.pause()
        app.screen.open_article("orchard00002")
        await pilot.pause()
        assert view.scroll_y == 0
        app.screen.open_article("ferry0000001")
        for _ in range(10):  # the body is recomposed over a few refreshes, then scrolled
            await pilot.pause()
            if view.scroll_y == 3:
                break
        assert view.scroll_y == 3


async def test_the_reader_keeps_a_readable_measure(store: Store, tmp_path: Path) -> None:
    app = app_for(store, tmp_path, open_id="ferry0000001")
    async with app.run_test(size=(220, 50)) as pilot:
        await pilot.pause()
        view = app.screen.query_one(ArticleView)
        width = view.scrollable_content_region.width
        assert width > 100
        drawn = [view.render_line(y).text for y in range(view.scrollable_content_region.height)]
        words = [line for line in drawn if line.strip()]
        assert words and all(len(line.strip()) <= 90 for line in words)
        left = min(len(line) - len(line.lstrip()) for line in words)
        assert left == (width - 90) // 2  # the 90-column measure, centred
        assert max(len(line.rstrip()) for line in words) <= left + 90


async def test_b_and_f2_hide_and_show_the_side_panel(store: Store, tmp_path: Path) -> None:
    app = app_for(store, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        side = app.screen.query_one(TabbedContent)
        reader = app.screen.query_one(ArticleView)
        wide = reader.size.width
        await pilot.press("b")
        await pilot.pause()
        assert not side.display
        assert reader.size.width > wide
        await pilot.press("f2")
        await pilot.pause()
        assert side.display and reader.size.width == wide
        await pilot.press("b")
    assert Settings.load(tmp_path / "settings.toml").side_panel is False
    again = app_for(Store(tmp_path / "store.json"), tmp_path)
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()  # the side panel is mounted just after the first paint
        assert not again.screen.query_one(TabbedContent).display


async def test_b_in_a_narrow_terminal_gives_the_reader_the_panel_rows(
    store: Store, tmp_path: Path
) -> None:
    app = app_for(store, tmp_path, open_id="ferry0000001")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        reader = app.screen.query_one(ArticleView)
        tall = reader.size.height
        await pilot.press("b")
        await pilot.pause()
        assert reader.size.height > tall
        assert app.screen.query_one(ArticleList).size.height > 0


async def test_plus_and_minus_resize_the_side_panel(store: Store, tmp_path: Path) -> None:
    app = app_for(store, tmp_path)
    async with app.run_test(size=(160, 40)) as pilot:  # room for the reader's 60 columns
        await pilot.pause()
        side = app.screen.query_one(TabbedContent)
        start = side.outer_size.width
        await pilot.press("plus")
        await pilot.pause()
        assert side.outer_size.width == start + 4
        await pilot.press("minus", "minus")
        await pilot.pause()
        assert side.outer_size.width == start - 4
    assert Settings.load(tmp_path / "settings.toml").side_width == 38


async def test_counts_landing_after_the_side_tabs_are_gone_are_dropped(
    store: Store, tmp_path: Path
) -> None:
    """A worker's "in N other articles" or the reader's scroll may reach the side panel while the
    app closes and its tabs are already removed: nothing to update, and no crash."""
    from tui.app.widgets.entity_panel import EntityPanel
    from tui.app.widgets.side_panel import SidePanel
    from tui.app.widgets.timeline_panel import TimelinePanel

    app = app_for(store, tmp_path, open_id="ferry0000001")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        side = app.screen.query_one(SidePanel)
        await side.query_one(EntityPanel).remove()
        await side.query_one(TimelinePanel).remove()
        side.elsewhere = {"Lakeport": 2}
        side.on_screen = frozenset({1})
        side.show(None, analyzing=True)
        assert not side.query(EntityPanel)
