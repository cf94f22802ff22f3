"""SVG snapshots of the main screen (pytest-textual-snapshot); fixed data, so they are stable.

Refresh after a deliberate change with `pytest tests/ui/test_snapshots.py --snapshot-update`
and look at the SVGs in `__snapshots__/` before keeping them.
"""

from __future__ import annotations

from pathlib import Path

from tests.ui.articles import sample_articles
from tui.app.app import build_app
from tui.store import Store


def _store(tmp_path: Path) -> Store:
    store = Store(tmp_path / "store.json")
    store.add_many(sample_articles())
    return store


def test_main_screen_wide(snap_compare, tmp_path: Path) -> None:
    app = build_app(_store(tmp_path), open_id="ferry0000001")
    assert snap_compare(app, terminal_size=(120, 40))


def test_main_screen_narrow_timeline(snap_compare, tmp_path: Path) -> None:
    app = build_app(_store(tmp_path), open_id="ferry0000001")
    assert snap_compare(app, terminal_size=(80, 24), press=["t"])


def test_help_screen(snap_compare, tmp_path: Path) -> None:
    app = build_app(_store(tmp_path))
    assert snap_compare(app, terminal_size=(120, 40), press=["question_mark"])
