"""q in a sub-view goes back, as Escape does and as it does in help: it never quits the app."""

from __future__ import annotations

import pytest

from tests.ui.test_entity_links import SIZE, focus_entities, linked_store
from tui.app.app import build_app
from tui.app.screens.entity_articles import EntityArticlesScreen
from tui.app.screens.merged_timeline import MergedTimelineScreen
from tui.app.screens.reader import ReaderScreen
from tui.store import Store

pytestmark = pytest.mark.anyio
__all__ = ["linked_store"]


async def test_q_in_the_merged_timeline_goes_back(linked_store: Store) -> None:
    app = build_app(linked_store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("m")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, MergedTimelineScreen)
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        assert app.is_running


async def test_q_in_an_entity_s_timeline_and_its_articles_goes_back(linked_store: Store) -> None:
    app = build_app(linked_store, open_id="ferry0000001")
    async with app.run_test(size=SIZE) as pilot:
        await focus_entities(pilot, app)
        await pilot.press("m")  # the timeline of the articles naming the entity
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, MergedTimelineScreen)
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        await pilot.press("enter")  # the articles naming it
        await pilot.pause()
        assert isinstance(app.screen, EntityArticlesScreen)
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        assert app.is_running
