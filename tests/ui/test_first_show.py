"""The main screen's first show skips Textual's restyle of the whole screen (`first_show_restyles`):
at that moment every widget is already styled as the restyle would style it, and a theme set from
the settings as the app mounts keeps Textual's pass."""

from __future__ import annotations

from typing import Any

import pytest
from textual import events
from textual.screen import Screen

from tui.app.app import build_app
from tui.app.screens.reader import ReaderScreen
from tui.settings import Settings
from tui.store import Store

pytestmark = pytest.mark.anyio


def styles_of(screen: Screen[Any]) -> dict[int, tuple[str, tuple[str, ...], tuple[str, ...]]]:
    """Every node's applied CSS, pseudo-classes and component-class CSS."""
    return {
        id(node): (
            node.styles.css,
            tuple(sorted(node.pseudo_classes)),
            tuple(f"{name}: {s.css}" for name, s in sorted(node._component_styles.items())),
        )
        for node in screen.walk_children(with_self=True)
    }


@pytest.mark.parametrize(("size", "theme"), [((120, 40), ""), ((80, 24), ""), ((120, 40), "nord")])
async def test_the_skipped_restyle_would_change_no_style(
    store: Store, monkeypatch: pytest.MonkeyPatch, size: tuple[int, int], theme: str
) -> None:
    shown: list[tuple[bool, dict[int, Any], dict[int, Any]]] = []
    resume = Screen._on_screen_resume

    def checked(screen: Screen[Any], event: events.ScreenResume) -> None:
        resume(screen, event)
        if isinstance(screen, ReaderScreen) and not shown:
            before = styles_of(screen)
            screen.update_node_styles(animate=False)
            shown.append((event.refresh_styles, before, styles_of(screen)))

    monkeypatch.setattr(Screen, "_on_screen_resume", checked)
    settings = Settings(path=None)
    settings.theme = theme
    app = build_app(store, settings=settings)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
    [(restyled, before, after)] = shown
    assert restyled == bool(theme)  # skipped, unless a saved theme changed the CSS meanwhile
    assert len(before) > 10 and before == after
