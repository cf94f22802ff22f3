"""An article in a language without a model: the body, and one line instead of entities and
timeline."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_language import TEXTS
from tests.ui.helpers import flat, shown_text
from tui.app.app import build_app
from tui.app.widgets.article_view import ArticleView
from tui.app.widgets.entity_panel import EntityPanel
from tui.app.widgets.timeline_panel import TimelinePanel
from tui.model import Article
from tui.store import Store

pytestmark = pytest.mark.anyio


async def test_the_panels_say_why_they_are_empty(tmp_path: Path) -> None:
    store = Store(tmp_path / "store.json")
    paragraphs = TEXTS["pt"].split(". ")
    story = Article(
        id="pt0000000001", title="Orçamento do porto", paragraphs=paragraphs, language="pt"
    )
    story.analyzed = True
    store.add_many([story])
    app = build_app(store, settings_path=tmp_path / "settings.toml", open_id=story.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert paragraphs[0][:40] in flat(shown_text(screen.query_one(ArticleView)))
        note = "This article is in Portuguese: entities and the timeline are found in English"
        assert note in flat(shown_text(screen.query_one(EntityPanel)))
        await pilot.press("t")
        await pilot.pause()
        assert note in flat(shown_text(screen.query_one(TimelinePanel)))
