"""The `?` help lists every key of the app, grouped by where it works, each action once."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.ui.helpers import plain
from tui.app.app import build_app
from tui.app.screens.feeds import FeedsScreen
from tui.app.screens.help import HelpScreen
from tui.store import Store

pytestmark = pytest.mark.anyio
SIZE = (120, 40)


def help_groups_shown(screen: HelpScreen) -> dict[str, list[str]]:
    """Heading -> the help's rows under it, as the terminal shows them."""
    groups: dict[str, list[str]] = {}
    heading = ""
    for widget in screen.query(".help-group, .help-table"):
        text = plain(widget.content)
        if widget.has_class("help-group"):
            heading = text
            groups[heading] = []
        else:
            groups[heading] = [line.rstrip() for line in text.splitlines() if line.strip()]
    return groups


def app_for(store: Store, tmp_path: Path):
    return build_app(store, settings_path=tmp_path / "settings.toml", open_id="ferry0000001")


async def test_help_from_the_list_shows_the_keys_of_every_pane(store: Store, tmp_path) -> None:
    app = app_for(store, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        groups = help_groups_shown(app.screen)
        headings = [h.split(" · ")[0] for h in groups]
        for heading in (
            "Anywhere",
            "Main screen",
            "Article list",
            "Reader",
            "Entities panel",
            "Timeline panel",
            "Filter box",
            "Feeds (f)",
            "Merged timeline (m)",
            "Links in the article (l)",
        ):
            assert heading in headings, headings
        text = "\n".join(line for rows in groups.values() for line in rows)
        for description in ("Next mention", "Its timeline", "Go to sentence", "Close filter"):
            assert description in text  # keys of panes that are not focused
        for description in ("Refresh this feed", "Open at this sentence", "Copy address"):
            assert description in text  # keys of the screens the main screen opens
        focused = [h for h in groups if h.endswith("· focused")]
        assert focused == ["Article list · focused"] == list(groups)[:1]  # where it was opened


async def test_every_bound_key_is_in_the_help(store: Store, tmp_path) -> None:
    app = app_for(store, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        main = app.screen
        await pilot.press("question_mark")
        groups = help_groups_shown(app.screen)
        shown = {
            key for rows in groups.values() for line in rows for key in line.split("  ")[0].split()
        }
        missing = []
        for node in [app, main, *main.walk_children()]:
            if node not in (app, main) and not node.can_focus:
                continue
            for _, binding in node._bindings:
                if not binding.description or binding.system:
                    continue
                if binding.action in {"scroll_left", "scroll_right", "page_left", "page_right"}:
                    continue  # only where the widget scrolls sideways
                if type(node).__name__ == "FilterInput" and binding.action not in (
                    "close",
                    "done",
                ):
                    continue  # the editing keys of any text box
                if app.get_key_display(binding) not in shown:
                    missing.append((type(node).__name__, binding.key, binding.description))
        assert not missing, missing


async def test_a_key_textual_and_the_app_both_bind_is_one_row(store: Store, tmp_path) -> None:
    app = app_for(store, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        groups = help_groups_shown(app.screen)
        reader = next(rows for heading, rows in groups.items() if heading.startswith("Reader"))
        scroll_up = [line for line in reader if "scroll up" in line.lower()]
        assert len(scroll_up) == 1 and scroll_up[0].split()[:2] == ["↑", "k"], reader
        assert not any("Scroll Up" in line for line in reader)
        anywhere = groups["Anywhere"]
        assert [line for line in anywhere if "Quit" in line] == [
            next(line for line in anywhere if "Quit" in line)
        ]
        main = next(rows for heading, rows in groups.items() if heading.startswith("Main screen"))
        assert not any(line.split()[0] == "?" for line in main)  # listed once, under Anywhere


async def test_question_mark_opens_the_help_from_the_feeds_screen(store: Store, tmp_path) -> None:
    app = app_for(store, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("f")
        await pilot.pause()
        assert isinstance(app.screen, FeedsScreen)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert next(iter(help_groups_shown(app.screen))) == "Feeds (f) · here"
        await pilot.press("escape")
        assert isinstance(app.screen, FeedsScreen)
