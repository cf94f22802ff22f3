"""Pilot tests for the paging keys the help screen lists (Textual's own list and scroll bindings)."""

from __future__ import annotations

import pytest

from tests.ui.articles import sample_articles
from tui.app.app import build_app
from tui.app.widgets.article_list import ArticleList
from tui.app.widgets.article_view import ArticleView
from tui.model import Article
from tui.store import Store

pytestmark = pytest.mark.anyio


def long_article() -> Article:
    """A long analyzed article, so the reader has pages to move through."""
    base = sample_articles()[0]
    base.id = "longread0001"
    base.paragraphs = [f"Paragraph {n} of a long story about the harbour." for n in range(120)]
    base.kinds = ["p"] * len(base.paragraphs)
    base.entities, base.timeline = [], []
    return base


async def test_pgdn_pgup_home_end_move_the_list_cursor(store: Store) -> None:
    app = build_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        articles = app.screen.query_one(ArticleList)
        assert app.focused is articles and articles.highlighted == 0
        await pilot.press("pagedown")
        assert articles.highlighted == articles.option_count - 1  # three short rows: one page
        await pilot.press("pageup")
        assert articles.highlighted == 0
        await pilot.press("end")
        assert articles.highlighted == articles.option_count - 1
        await pilot.press("home")
        assert articles.highlighted == 0


async def test_space_pgdn_pgup_scroll_the_reader(tmp_path) -> None:
    store = Store(tmp_path / "store.json")
    store.add(long_article())
    app = build_app(store, open_id="longread0001")
    async with app.run_test(size=(120, 40)) as pilot:
        reader = app.screen.query_one(ArticleView)
        reader.focus()
        await pilot.pause()
        assert reader.scroll_y == 0
        await pilot.press("space")
        await pilot.pause()
        first_page = reader.scroll_y
        assert first_page > 10
        await pilot.press("pagedown")
        await pilot.pause()
        assert reader.scroll_y > first_page
        await pilot.press("pageup")
        await pilot.pause()
        assert reader.scroll_y == pytest.approx(first_page, abs=1)
        await pilot.press("end")
        await pilot.pause()
        assert reader.scroll_y == reader.max_scroll_y
        await pilot.press("home")
        await pilot.pause()
        assert reader.scroll_y == 0
