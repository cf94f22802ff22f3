"""Pilot tests for Textual's built-in `ctrl+c` ("Copy selected text"), which the help screen lists:
it copies the text selected in the reader, and with nothing selected it leaves the clipboard alone."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.geometry import Offset
from textual.selection import Selection
from textual.widgets import Static

from tests.ui.helpers import plain
from tui.app.app import build_app
from tui.app.screens.help import HelpScreen
from tui.app.widgets.article_view import ArticleView
from tui.store import Store

pytestmark = pytest.mark.anyio
SIZE = (120, 40)


def app_for(store: Store, tmp_path: Path):
    return build_app(store, settings_path=tmp_path / "settings.toml", open_id="ferry0000001")


def lead_of(app) -> Static:
    """The reader's lead paragraph (a Static of the open article)."""
    return app.screen.query_one(ArticleView).query_one(".-lead", Static)


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
        lead = lead_of(app)
        paragraph = plain(lead.content).strip()
        assert paragraph.startswith("The Lakeport harbour council voted on Tuesday")
        lead.text_select_all()
        await pilot.press("ctrl+c")
        assert app.clipboard == paragraph
        assert app.is_running  # copying, not the app's "press ctrl+q to quit"


async def test_ctrl_c_copies_part_of_a_paragraph(store: Store, tmp_path: Path) -> None:
    app = app_for(store, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        lead = lead_of(app)
        text = plain(lead.content)
        start = text.index("harbour council")
        end = start + len("harbour council")
        app.screen.selections = {lead: Selection.from_offsets(Offset(start, 0), Offset(end, 0))}
        await pilot.press("ctrl+c")
        assert app.clipboard == "harbour council"


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
