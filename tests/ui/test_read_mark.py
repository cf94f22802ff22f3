"""Pilot tests for the read mark set on open: shown at once, saved to the store in a thread, and a
failed save reported as a notification (never a traceback)."""

from __future__ import annotations

import pytest

from tests.ui.helpers import plain
from tui.app.app import build_app
from tui.app.widgets.article_list import ArticleList
from tui.store import Store, StoreError

pytestmark = pytest.mark.anyio
SIZE = (120, 40)


def notes(app) -> list[str]:
    return [note.message for note in app._notifications]


async def test_open_saves_the_read_mark_in_a_worker(store: Store) -> None:
    app = build_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        assert app.screen.sub_title == "3 articles · 1 unread"  # shown before the store is written
        await app.workers.wait_for_complete()
        assert store.get("ferry0000001").read is True
        assert not any("read mark" in n for n in notes(app))


async def test_a_failed_read_mark_save_is_a_notification(store: Store, monkeypatch) -> None:
    def refuse(article_id: str, read: bool = True) -> None:
        raise StoreError("the disk is full")

    monkeypatch.setattr(store, "set_read", refuse)
    app = build_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "Could not save the read mark: the disk is full" in notes(app)
        first = plain(app.screen.query_one(ArticleList).get_option_at_index(0).prompt)
        assert not first.startswith("●")  # the reader still shows it read for this session
        assert app.is_running
