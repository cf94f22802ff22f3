"""The analysis worker (real spaCy model) and the promise that start-up never loads spaCy."""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

import pytest

from tests.ui.articles import sample_articles, unanalyzed_article
from tests.ui.helpers import notifications, shown_text
from tui.app.app import build_app
from tui.app.widgets.article_view import ArticleView
from tui.app.widgets.entity_panel import EntityPanel
from tui.app.widgets.timeline_panel import TimelinePanel
from tui.nlp import pipeline
from tui.store import Store

REPO = Path(__file__).resolve().parents[2]
HEAVY = ("spacy", "trafilatura", "dateparser", "thinc", "tui.nlp.pipeline")
SIZE = (120, 40)


@pytest.fixture
def bridge_store(tmp_path: Path) -> Store:
    """A store with the analyzed samples plus one article that has never been analyzed."""
    store = Store(tmp_path / "store.json")
    store.add_many([*sample_articles(), unanalyzed_article()])
    return store


@pytest.fixture
def gate(monkeypatch: pytest.MonkeyPatch) -> threading.Event:
    """Hold the worker before the real analysis until the test sets the event (no sleeps)."""
    event = threading.Event()
    real = pipeline.analyze_articles

    def gated(articles, nlp=None):
        assert event.wait(timeout=60), "the test never released the analysis"
        real(articles, nlp)

    monkeypatch.setattr(pipeline, "analyze_articles", gated)
    return event


@pytest.mark.anyio
async def test_unanalyzed_article_is_analyzed_in_a_worker(
    bridge_store: Store, gate: threading.Event
) -> None:
    app = build_app(bridge_store, open_id="bridge000004")
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert "Analyzing…" in shown_text(screen.query_one(EntityPanel))
        assert "Analyzing…" in shown_text(screen.query_one(TimelinePanel))
        assert "Cracks found in Old Town Bridge" in shown_text(screen.query_one(ArticleView))
        gate.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        entities = shown_text(screen.query_one(EntityPanel))
        assert "Analyzing…" not in entities
        found = {"Paula Ortega", "Ministry of Transport", "Riverton", "Old Town Bridge"}
        assert sum(name in entities for name in found) >= 2, entities
        await pilot.press("t")
        assert "Wed 15 Oct 2025" in shown_text(screen.query_one(TimelinePanel))
        lead = screen.query_one(ArticleView).paragraph_text(0)
        assert lead is not None and lead.spans, (
            "entity mentions are tinted once the analysis arrives"
        )
    stored = bridge_store.get("bridge000004")
    assert stored.analyzed and stored.entities and stored.timeline
    assert stored.read  # opening marked it read, and saving the analysis kept that


@pytest.mark.anyio
async def test_moving_on_while_analyzing_keeps_the_new_article(
    bridge_store: Store, gate: threading.Event
) -> None:
    app = build_app(bridge_store, open_id="bridge000004")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("j", "enter")  # the list starts on the bridge article; open the next
        reader = app.screen.query_one(ArticleView)
        assert "Lakeport approves new ferry terminal" in shown_text(reader)
        gate.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "Lakeport approves new ferry terminal" in shown_text(reader)
        assert "Ingrid Salo" in shown_text(app.screen.query_one(EntityPanel))
    assert bridge_store.get("bridge000004").analyzed


@pytest.mark.anyio
async def test_a_second_unanalyzed_article_gets_its_own_analysis(
    bridge_store: Store, gate: threading.Event
) -> None:
    second = unanalyzed_article()
    second.id, second.title = "bridge000005", "Ortega promises bridge repairs"
    second.added = "2025-11-20T09:00:00.000000+00:00"  # newest: first in the list
    bridge_store.add(second)
    app = build_app(bridge_store, open_id="bridge000004")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("k", "enter")  # from the bridge article up to the newer one
        assert "Ortega promises bridge repairs" in shown_text(app.screen.query_one(ArticleView))
        assert "Analyzing…" in shown_text(app.screen.query_one(EntityPanel))
        gate.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "Ortega promises bridge repairs" in shown_text(app.screen.query_one(ArticleView))
        assert "Paula Ortega" in shown_text(app.screen.query_one(EntityPanel))
    assert bridge_store.get("bridge000005").analyzed


@pytest.mark.anyio
async def test_analysis_failure_is_a_notification(
    bridge_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEWSTUI_MODEL", "no_such_spacy_model_xyz")
    app = build_app(bridge_store, open_id="bridge000004")
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert any("no_such_spacy_model_xyz" in n for n in notifications(app))
        assert "Not analyzed yet." in shown_text(app.screen.query_one(EntityPanel))
        assert app.is_running
    assert not bridge_store.get("bridge000004").analyzed


def _loaded_after(code: str) -> list[str]:
    """Which heavy modules a fresh interpreter has loaded after running `code`."""
    probe = f"{code}\nimport sys\nprint(','.join(m for m in {HEAVY!r} if m in sys.modules))"
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=REPO
    )
    return [m for m in out.stdout.strip().split(",") if m]


def test_importing_the_app_loads_no_heavy_module() -> None:
    assert _loaded_after("import tui.app.app") == []


def test_reading_an_analyzed_article_loads_no_heavy_module(tmp_path: Path) -> None:
    code = f"""
import asyncio
from tests.ui.articles import sample_articles
from tui.store import Store
from tui.app.app import build_app

store = Store({str(tmp_path / "store.json")!r})
store.add_many(sample_articles())

async def main():
    app = build_app(store, open_id="ferry0000001")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("t", "j", "enter", "e")
        await app.workers.wait_for_complete()
        headline = app.screen.query_one("ArticleView").blocks[0]
        assert headline.kind == "headline" and "Orchards" in headline.text.plain

asyncio.run(main())
"""
    assert _loaded_after(code) == []
