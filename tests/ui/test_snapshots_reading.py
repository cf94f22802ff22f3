"""SVG snapshots of each screen and state of a reading session, at 80×24, 120×40 and 200×60.

Refresh after a deliberate change with
`pytest tests/ui/test_snapshots_reading.py --snapshot-update`, and look at the SVGs in
`__snapshots__/` before keeping them: nothing may overlap or be cut off.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.ui.articles import sample_articles
from tui.app.app import build_app
from tui.settings import Settings
from tui.store import Store

NARROW = (80, 24)
MEDIUM = (120, 40)
WIDE = (200, 60)


def _app(tmp_path: Path, open_id: str | None = None, *, empty: bool = False):
    store = Store(tmp_path / "store.json")
    if not empty:
        store.add_many(sample_articles())
    return build_app(store, open_id=open_id, settings=Settings(path=None))


async def _search(pilot) -> None:
    """Search the bodies for words only the ferry article has, and wait for the worker."""
    await pilot.press("F", *"waiting hall", "enter")
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def test_list_no_article_open(snap_compare, tmp_path: Path) -> None:
    assert snap_compare(_app(tmp_path), terminal_size=MEDIUM)


@pytest.mark.parametrize("size", [NARROW, WIDE], ids=["80x24", "200x60"])
def test_reader_with_entities(snap_compare, tmp_path: Path, size: tuple[int, int]) -> None:
    assert snap_compare(_app(tmp_path, "ferry0000001"), terminal_size=size)


@pytest.mark.parametrize("size", [MEDIUM, WIDE], ids=["120x40", "200x60"])
def test_reader_with_timeline(snap_compare, tmp_path: Path, size: tuple[int, int]) -> None:
    assert snap_compare(_app(tmp_path, "ferry0000001"), terminal_size=size, press=["t"])


def test_help_narrow(snap_compare, tmp_path: Path) -> None:
    assert snap_compare(_app(tmp_path), terminal_size=NARROW, press=["question_mark"])


@pytest.mark.parametrize("size", [NARROW, MEDIUM], ids=["80x24", "120x40"])
def test_search_results(snap_compare, tmp_path: Path, size: tuple[int, int]) -> None:
    assert snap_compare(_app(tmp_path), terminal_size=size, run_before=_search)


@pytest.mark.parametrize("size", [NARROW, MEDIUM], ids=["80x24", "120x40"])
def test_empty_store(snap_compare, tmp_path: Path, size: tuple[int, int]) -> None:
    assert snap_compare(_app(tmp_path, empty=True), terminal_size=size)


def test_side_panel_hidden_and_starred(snap_compare, tmp_path: Path) -> None:
    assert snap_compare(_app(tmp_path, "ferry0000001"), terminal_size=MEDIUM, press=["s", "b"])


async def _find(pilot) -> None:
    await pilot.press("ctrl+f", *"harbour", "enter")
    await pilot.pause()


def test_find_in_article(snap_compare, tmp_path: Path) -> None:
    assert snap_compare(_app(tmp_path, "ferry0000001"), terminal_size=MEDIUM, run_before=_find)


def test_prompt_add(snap_compare, tmp_path: Path) -> None:
    assert snap_compare(_app(tmp_path), terminal_size=NARROW, press=["a"])
