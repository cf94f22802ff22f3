"""Pilot tests for Textual's built-in `ctrl+c` ("Copy selected text"), which the help screen lists:
it copies the text selected in the reader, and with nothing selected it leaves the clipboard alone."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.geometry import Offset
from textual.selection import Selection

from tests.ui.helpers import plain
from tui.app.app import build_app
from tui.app.screens.help import HelpScreen
from tui.app.widgets.article_view import ArticleView
from tui.store import Store

pytestmark = pytest.mark.anyio
SIZE = (120, 40)


def app_for(store: Store, tmp_path: Path):
    return build_app(store, settings_path=tmp_path / "settings.toml", open_id="ferry0000001")


def lead_lines(view: ArticleView) -> tuple[int, int]:
    """The first and last line of the page that show the lead (the article's first paragraph)."""
    return view.line_showing(0, 0), view.line_showing(0, len(view.article.paragraphs[0]) - 1)


async def test_help_lists_ctrl_c_copy_selected_text(store: Store, tmp_path: Path) -> None:
    app = app_for(store, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        text = "\n".join(plain(s.content) for s in app.screen.query(".help-table"))
        assert any(
            "Copy selected text" in line and line.split()[0] in ("^c", "ctrl+c")
            for line in text.splitlines()
        ), text


async def test_ctrl_c_copies_the_whole_selected_paragraph(store: Store, tmp_path: Path) -> None:
    app = app_for(store, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        view = app.screen.query_one(ArticleView)
        paragraph = view.article.paragraphs[0]
        assert paragraph.startswith("The Lakeport harbour council voted on Tuesday")
        first, last = lead_lines(view)
        assert last > first  # wrapped over several lines: copying joins them again
        end = len(view.plain_lines()[last])
        app.screen.selections = {view: Selection.from_offsets(Offset(0, first), Offset(end, last))}
        await pilot.press("ctrl+c")
        assert app.clipboard == paragraph
        assert app.is_running  # copying, not the app's "press ctrl+q to quit"


async def test_ctrl_c_copies_part_of_a_paragraph(store: Store, tmp_path: Path) -> None:
    app = app_for(store, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        view = app.screen.query_one(ArticleView)
        first, _ = lead_lines(view)
        start = view.plain_lines()[first].index("harbour council")
        end = start + len("harbour council")
        app.screen.selections = {
            view: Selection.from_offsets(Offset(start, first), Offset(end, first))
        }
        await pilot.press("ctrl+c")
        assert app.clipboard == "harbour council"


async def test_selecting_all_copies_the_article_paragraph_by_paragraph(
    store: Store, tmp_path: Path
) -> None:
    app = app_for(store, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        view = app.screen.query_one(ArticleView)
        view.text_select_all()
        await pilot.press("ctrl+c")
        copied = app.clipboard.split("\n\n")
        assert copied[0] == view.article.title
        assert "The old ferry pier at dawn." in copied
        assert copied[-1] == view.article.paragraphs[-1]
        assert view.article.paragraphs[0] in copied  # whole, not cut where it was wrapped


async def test_the_selection_is_drawn(store: Store, tmp_path: Path) -> None:
    app = app_for(store, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        view = app.screen.query_one(ArticleView)
        first, _ = lead_lines(view)
        selected = app.screen.get_component_rich_style("screen--selection")
        app.screen.selections = {view: Selection.from_offsets(Offset(0, first), Offset(7, first))}
        await pilot.pause()
        strip = view.render_line(first - round(view.scroll_y))
        styled = "".join(
            seg.text for seg in strip if seg.style and seg.style.bgcolor == selected.bgcolor
        )
        assert styled == "The Lak"


async def test_ctrl_c_without_a_selection_copies_nothing(store: Store, tmp_path: Path) -> None:
    app = app_for(store, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.copy_to_clipboard("before")
        app.screen.clear_selection()
        await pilot.press("ctrl+c")
        await pilot.pause()
        assert app.clipboard == "before"
        assert app.is_running


async def test_a_mouse_drag_selects_words_and_whole_lines(store: Store, tmp_path: Path) -> None:
    app = app_for(store, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        view = app.screen.query_one(ArticleView)
        first, last = lead_lines(view)
        left, top = view.styles.gutter.left, view.styles.gutter.top - round(view.scroll_y)
        drawn = view.render_line(first - round(view.scroll_y)).text
        x = drawn.index("harbour")
        await pilot.mouse_down(view, offset=(left + x, top + first))
        await pilot.hover(view, offset=(left + x + 15, top + first))
        await pilot.mouse_up(view, offset=(left + x + 15, top + first))
        await pilot.pause()
        assert app.screen.get_selected_text() == "harbour council"
        # From the margin left of the lead's first line to the far right of its last line.
        await pilot.mouse_down(view, offset=(left, top + first))
        await pilot.hover(
            view, offset=(left + view.scrollable_content_region.width - 1, top + last)
        )
        await pilot.mouse_up(
            view, offset=(left + view.scrollable_content_region.width - 1, top + last)
        )
        await pilot.pause()
        assert app.screen.get_selected_text() == view.article.paragraphs[0]
