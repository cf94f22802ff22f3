"""The reader's first paint from the store's first-screen file: the same rows and counts as the whole
index, the whole list just after, and no key ever acting on the first screen alone."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_store_first_screen import synthetic_index
from tui.app.app import build_app
from tui.app.screens.reader import ReaderScreen
from tui.app.widgets.article_list import ArticleList
from tui.settings import Settings
from tui.store import Store
from tui.store.first_screen import first_screen_path
from tui.store.orders import SORT_ORDERS

pytestmark = pytest.mark.anyio
SIZE = (120, 40)
COMPLETE = ReaderScreen.complete_list


def rows(app) -> list[str]:
    articles = app.screen.query_one(ArticleList)
    return [option.id for option in articles.options]


async def shown(db: Path, order: str, monkeypatch, keys: tuple[str, ...] = ()) -> dict:
    """What the reader lists over a store: on its first frame, then once settled (or after keys)."""
    settings = Settings(path=None, sort=order)
    app = build_app(Store(db), settings=settings)
    first: dict[str, object] = {"used": False}

    def spy(screen: ReaderScreen) -> None:  # the first frame was painted from the file
        articles = screen.query_one(ArticleList)
        if screen.list_pane.first_screen_counts is not None:
            first.update(
                used=True, ids=[s.id for s in articles.listed[:20]], title=screen.sub_title
            )
        COMPLETE(screen)

    monkeypatch.setattr(ReaderScreen, "complete_list", spy)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*keys)
        await pilot.pause()
        articles = app.screen.query_one(ArticleList)
        return {
            "first": first,
            "summaries": articles.summaries,
            "listed": [s.id for s in articles.listed],
            "rows": rows(app),
            "title": app.screen.sub_title,
            "highlighted": articles.highlighted_id,
            "partial": app.screen.list_pane.first_screen_counts is not None,
        }


@pytest.mark.parametrize("order", SORT_ORDERS)
async def test_the_first_frame_and_the_settled_list_are_the_whole_index_s(
    db_path: Path, order: str, monkeypatch
) -> None:
    synthetic_index(db_path, 300)
    Store(db_path).set_read(Store(db_path).summaries()[0].id, True)  # a logged change on top
    fast = await shown(db_path, order, monkeypatch)
    first_screen_path(db_path).unlink()  # the same store read the way it was before the file
    whole = await shown(db_path, order, monkeypatch)
    assert fast["first"]["used"] is True and whole["first"]["used"] is False
    assert fast["first"]["ids"] == whole["listed"][:20]  # the same first screen ...
    assert fast["first"]["title"] == whole["title"]  # ... and counts
    assert not fast["partial"]
    for key in ("summaries", "listed", "rows", "title", "highlighted"):
        assert fast[key] == whole[key], key


async def test_a_key_before_the_list_is_complete_acts_on_the_whole_list(
    db_path: Path, monkeypatch
) -> None:
    synthetic_index(db_path, 300)
    keys = ("end",)  # the last article: not on the first screen
    fast = await shown(db_path, "added", monkeypatch, keys)
    first_screen_path(db_path).unlink()
    whole = await shown(db_path, "added", monkeypatch)
    assert fast["first"]["used"] is True
    assert fast["highlighted"] == whole["listed"][-1]
