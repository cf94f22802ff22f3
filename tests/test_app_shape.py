"""The main screen's panes post messages and never import a screen (issue 14): a widget that
imported its screen would tie the two together again."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import REPO
from tests.test_architecture import imported_modules

WIDGETS = sorted((REPO / "tui" / "app" / "widgets").glob("*.py"))


@pytest.mark.parametrize("path", WIDGETS, ids=lambda p: p.name)
def test_a_widget_imports_no_screen(path: Path) -> None:
    screens = {m for m in imported_modules(path) if m.startswith("tui.app.screens")}
    assert not screens, f"{path.name} imports {sorted(screens)}"
