"""Adding from inside the reader a page already stored as another fetch: the stored article is
updated (one article, its reading state kept) and the notification says so."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import SAMPLES
from tests.test_store_duplicates import NEW_SENTENCE, fetched_again
from tui.app.app import build_app
from tui.app.widgets.article_list import ArticleList
from tui.store import Store

pytestmark = pytest.mark.anyio


async def test_a_on_the_same_story_again_updates_it(empty_store: Store, tmp_path: Path) -> None:
    app = build_app(empty_store, settings_path=tmp_path / "settings.toml")
    async with app.run_test(size=(120, 40)) as pilot:

        async def add(path: Path) -> list[str]:
            await pilot.press("a", *str(path), "enter")
            await app.workers.wait_for_complete()
            await pilot.pause()
            return [note.message for note in app._notifications]

        assert "Added 1 article." in await add(SAMPLES / "harbour-strike.html")
        [article_id] = empty_store.index_ids()
        empty_store.set_starred(article_id, True)
        notes = await add(fetched_again(tmp_path))
        assert any(n.startswith("Updated 1 article already stored") for n in notes), notes
        assert [s.id for s in app.screen.query_one(ArticleList).listed] == [article_id]
        article = empty_store.get(article_id)
        assert article.starred and NEW_SENTENCE in article.body_text
