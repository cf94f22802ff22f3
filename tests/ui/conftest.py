"""Fixtures for the UI tests: a real store file under tmp_path, filled with invented articles."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.ui.articles import sample_articles
from tui.store import Store


@pytest.fixture
def store(tmp_path: Path) -> Store:
    """A store holding the three analyzed sample articles (ferry, orchard, library)."""
    store = Store(tmp_path / "store.json")
    store.add_many(sample_articles())
    return store


@pytest.fixture
def empty_store(tmp_path: Path) -> Store:
    """A store with nothing in it."""
    return Store(tmp_path / "empty.json")


@pytest.fixture
def anyio_backend() -> str:
    """Run the async Pilot tests on asyncio (Textual's loop) through anyio's pytest plugin."""
    return "asyncio"
