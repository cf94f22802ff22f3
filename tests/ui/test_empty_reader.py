"""With an empty store the reader says how to add articles, not to choose one."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.ui.articles import sample_articles
from tests.ui.helpers import flat, shown_text
from tui.app.app import build_app
from tui.app.widgets.article_view import ArticleView
from tui.store import Store

pytestmark = pytest.mark.anyio


async def test_the_empty_store_reader_says_how_to_add(empty_store: Store, tmp_path: Path) -> None:
    app = build_app(empty_store, settings_path=tmp_path / "settings.toml")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        reader = flat(shown_text(app.screen.query_one(ArticleView)))
        assert "press a to add a file, folder or URL" in reader
        assert "Choose an article" not in reader
        empty_store.add_many(sample_articles())
        app.screen.reload_list()
        await pilot.pause()
        view = app.screen.query_one(ArticleView)
        if view.article is None:  # nothing opened: the usual hint comes back
            assert "Choose an article" in shown_text(view)
