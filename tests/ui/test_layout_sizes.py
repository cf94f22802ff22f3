"""Layout at every size (issue 17): the reader keeps its floor however wide the side panel is asked
to be, the side panel makes room on short screens, long titles take two list lines at most, and a
source in wide characters keeps the list row within its width."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.cells import cell_len
from textual.widgets import TabbedContent

from tests.ui.articles import ferry_article
from tui.app.app import build_app
from tui.app.screens.reader_actions import READER_FLOOR
from tui.app.widgets.article_list import ArticleList
from tui.app.widgets.article_view import ArticleView
from tui.app.widgets.list_prompt import ListPrompt, ellipsized
from tui.model import ArticleSummary
from tui.settings import Settings
from tui.store import Store

pytestmark = pytest.mark.anyio
SIZES = [(40, 12), (80, 24), (120, 40), (250, 70)]


def reader_floor(columns: int) -> int:
    """The reader's floor: 60 columns, or most of a narrow screen."""
    return READER_FLOOR if columns >= 120 else int(columns * 0.6)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_plus_never_squeezes_the_reader_under_its_floor(
    store: Store, tmp_path: Path, size: tuple[int, int]
) -> None:
    settings = Settings(path=tmp_path / "settings.toml", side_width=5000)
    app = build_app(store, settings=settings, open_id="ferry0000001")
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        for _ in range(20):
            await pilot.press("plus")
        await pilot.pause()
        view = app.screen.query_one(ArticleView)
        assert view.outer_size.width >= reader_floor(size[0]), (view.outer_size, size)
        assert view.size.height >= min(8, size[1] - 6), (view.size, size)


async def test_the_side_panel_gives_way_on_a_tiny_screen(store: Store, tmp_path: Path) -> None:
    app = build_app(store, settings=Settings(path=tmp_path / "s.toml"), open_id="ferry0000001")
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.pause()
        assert not app.screen.query_one(TabbedContent).display
        await pilot.press("t")
        assert any("needs a terminal 16 rows" in n.message for n in app._notifications)
    app = build_app(store, settings=Settings(path=tmp_path / "s.toml"), open_id="ferry0000001")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        side = app.screen.query_one(TabbedContent)
        assert side.display and side.outer_size.height == 7
        assert app.screen.query_one(ArticleView).size.height >= 12


@pytest.mark.parametrize("width", [20, 30, 60])
def test_a_long_title_takes_two_lines_and_an_ellipsis(width: int) -> None:
    summary = ArticleSummary("x", "Harbour " * 40 + "end", source="Lakeport Gazette")
    prompt = ListPrompt(summary, {}, width)
    assert len(prompt.title_lines) == 2
    assert prompt.title_lines[-1].endswith("…")
    assert all(cell_len(line) <= width - 2 for line in prompt.title_lines)


@pytest.mark.parametrize("width", [20, 30, 45])
def test_a_source_in_wide_characters_stays_within_the_row(width: int) -> None:
    summary = ArticleSummary(
        "x", "港湾の投票", source="東京新聞デジタル編集局ニュース", published="2025-06-12"
    )
    prompt = ListPrompt(summary, {}, width)
    for line in prompt.content.plain.split("\n"):
        assert cell_len(line) <= width, (line, cell_len(line))
    assert "12 Jun 2025" in prompt.details  # the date stays whole; the source gives way
    assert ellipsized("東京新聞", 5) == "東京…"


async def test_wide_list_rows_at_every_size(empty_store: Store, tmp_path: Path) -> None:
    article = ferry_article()
    article.source = "東京新聞デジタル編集局ニュース"
    article.title = "Lakeport " * 50
    empty_store.add(article)
    for size in SIZES:
        app = build_app(empty_store, settings=Settings(path=tmp_path / "s.toml"))
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            articles = app.screen.query_one(ArticleList)
            rows = [articles.render_line(y).text for y in range(articles.size.height)]
            assert all(cell_len(r) <= articles.size.width for r in rows)
            assert sum("Lakeport" in r for r in rows) <= 2, (size, rows)
