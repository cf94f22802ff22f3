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


GROUP_MODULES = ["store_actions", "list_actions", "reader_actions", "links", "feed_actions"]


def key_groups() -> list[type]:
    """The main screen's key groups: `ReaderScreen`'s direct bases."""
    from tui.app.screens.reader import ReaderScreen

    return list(ReaderScreen.__bases__)


def test_the_main_screen_is_its_key_groups_side_by_side() -> None:
    """Each group stands on `MainScreenBase` alone, never on another group (issue 14)."""
    from tui.app.screens.main_screen import MainScreenBase

    groups = key_groups()
    assert sorted(g.__module__.rsplit(".", 1)[1] for g in groups) == sorted(GROUP_MODULES)
    for group in groups:
        assert group.__bases__ == (MainScreenBase,), group.__name__


def test_no_two_key_groups_define_the_same_name() -> None:
    """A name two groups both defined would be settled silently by the order of the bases."""
    from tui.app.screens.main_screen import MainScreenBase

    textual_adds = set(type("Probe", (MainScreenBase,), {}).__dict__) | {"BINDINGS"}
    seen: dict[str, str] = {}
    for group in key_groups():
        names = {n for n in group.__dict__ if not n.startswith("__")} - textual_adds
        for name in names:
            assert name not in seen, f"{name} is in both {seen[name]} and {group.__name__}"
            seen[name] = group.__name__


@pytest.mark.parametrize("module", GROUP_MODULES)
def test_a_key_group_imports_no_other_group(module: str) -> None:
    path = REPO / "tui" / "app" / "screens" / f"{module}.py"
    others = {f"tui.app.screens.{m}" for m in GROUP_MODULES if m != module}
    imported = imported_modules(path) & (others | {"tui.app.screens.reader"})
    assert not imported, f"{module}.py imports {sorted(imported)}"
