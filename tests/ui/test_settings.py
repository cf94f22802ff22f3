"""The settings file (TOML): saved and read back, key remaps, the theme remembered, a broken file
reported; and the command palette's actions and the help listing the new keys."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.ui.helpers import plain
from tui.app.app import build_app
from tui.app.commands import export_markdown
from tui.app.screens.help import HelpScreen
from tui.app.widgets.article_view import ArticleView
from tui.settings import REMAPPABLE, Settings, SettingsError, default_settings_path
from tui.store import Store

pytestmark = pytest.mark.anyio
SIZE = (120, 40)


def test_settings_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "conf" / "settings.toml"
    settings = Settings(path=path, theme="nord", model="en_core_web_lg", side_panel=False)
    settings.side_width = 50
    settings.keys = {"list.star": "x", 'odd"key': "ctrl+\\"}
    settings.save()
    loaded = Settings.load(path)
    assert (loaded.theme, loaded.model, loaded.side_panel, loaded.side_width) == (
        "nord",
        "en_core_web_lg",
        False,
        50,
    )
    assert loaded.keys == {"list.star": "x", 'odd"key': "ctrl+\\"}
    assert "layout.toggle_side" in path.read_text(encoding="utf-8")  # the ids are listed


def test_missing_file_gives_defaults_and_a_broken_one_is_an_error(tmp_path: Path) -> None:
    assert Settings.load(tmp_path / "none.toml").side_panel is True
    bad = tmp_path / "bad.toml"
    bad.write_text("[layout\nside_width = ", encoding="utf-8")
    with pytest.raises(SettingsError, match=r"bad\.toml"):
        Settings.load(bad)
    big = tmp_path / "big.toml"
    big.write_text("[layout]\nside_width = 500\n", encoding="utf-8")
    assert Settings.load(big).side_width == 80  # clamped


def test_default_path_honours_the_environment(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setenv("NEWSTUI_CONFIG", str(tmp_path / "x.toml"))
    assert default_settings_path() == tmp_path / "x.toml"
    monkeypatch.delenv("NEWSTUI_CONFIG")
    assert default_settings_path().name == "settings.toml"
    assert "newstui" in str(default_settings_path())


async def test_a_broken_settings_file_is_a_notification(
    store: Store, tmp_path: Path, monkeypatch
) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("theme = = 1", encoding="utf-8")
    monkeypatch.setenv("NEWSTUI_CONFIG", str(bad))
    app = build_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert any("cannot be read" in n.message for n in app._notifications)
    assert bad.read_text() == "theme = = 1"  # never overwritten


def test_every_remappable_id_is_a_live_binding() -> None:
    from tui.app.screens.reader import ReaderScreen
    from tui.app.widgets.article_list import ArticleList

    ids = {
        b.id
        for node in (ReaderScreen, ArticleList)
        for bindings in node._merged_bindings.key_to_bindings.values()
        for b in bindings
        if b.id
    }
    assert set(REMAPPABLE) <= ids


async def test_key_remaps_from_the_settings(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text('[keys]\n"list.star" = "x"\n', encoding="utf-8")
    app = build_app(store, settings_path=path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("x")
        assert store.get("ferry0000001").starred
        await pilot.press("s")  # the old key no longer stars
        assert store.get("ferry0000001").starred


async def test_the_theme_is_remembered(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    app = build_app(store, settings_path=path)
    async with app.run_test(size=SIZE) as pilot:
        app.theme = "nord"
        await pilot.pause()
    assert Settings.load(path).theme == "nord"
    again = build_app(Store(tmp_path / "store.json"), settings_path=path)
    async with again.run_test(size=SIZE):
        assert again.theme == "nord"


async def test_palette_runs_screen_actions(store: Store, tmp_path: Path) -> None:
    app = build_app(store, settings_path=tmp_path / "settings.toml")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p")
        await pilot.press(*"Mark all read")
        await pilot.pause(0.3)  # the palette searches in a task of its own
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.screen.sub_title == "3 articles · 0 unread"


async def test_palette_go_to_entity_highlights_its_mentions(store: Store, tmp_path: Path) -> None:
    app = build_app(store, settings_path=tmp_path / "settings.toml", open_id="ferry0000001")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p")
        await pilot.press(*"entity: ingrid")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        subtitle = app.screen.query_one(ArticleView).border_subtitle
        assert subtitle.startswith("“Ingrid Salo” 1/")


async def test_export_writes_markdown(store: Store, tmp_path: Path) -> None:
    app = build_app(store, settings_path=tmp_path / "settings.toml", open_id="ferry0000001")
    async with app.run_test(size=SIZE):
        path = export_markdown(app.screen, tmp_path)
        assert path is not None
        assert "Lakeport approves new ferry terminal" in path.read_text(encoding="utf-8")


async def test_help_lists_the_list_reader_and_panel_keys(store: Store, tmp_path: Path) -> None:
    app = build_app(store, settings_path=tmp_path / "settings.toml")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        text = "\n".join(plain(s.content) for s in app.screen.query(".help-table"))
        for keys, what in [
            ("s", "Star / unstar"),
            ("d", "Delete (u undoes)"),
            ("u", "Undo delete"),
            ("T", "Tags"),
            ("n", "Next unread"),
            ("p", "Previous unread"),
            ("O", "Sort order"),
            ("]", "Next unread"),
            ("[", "Previous unread"),
            ("F", "Search bodies"),
            ("A", "Mark all read"),
            ("a", "Add a file or URL"),
            ("o", "Open in browser"),
            ("c", "Copy URL or selection"),
            ("^f", "Find in article"),
            ("^g", "Next match"),
            ("b f2", "Side panel"),
            ("N", "Mark read / unread"),
            ("r", "Refresh the article's feed"),
            ("R", "Refresh all feeds"),
            ("f", "Feeds"),
            ("+", "Wider panel"),
            ("-", "Narrower panel"),
        ]:
            assert any(
                line.split()[: len(keys.split())] == keys.split() and what in line
                for line in text.splitlines()
            ), (keys, what, text)


async def test_the_palette_shows_the_live_keys_even_after_a_remap(
    store: Store, tmp_path: Path
) -> None:
    from tui.app.commands import ActionCommands

    path = tmp_path / "settings.toml"
    path.write_text('[keys]\n"screen.mark_all_read" = "M"\n', encoding="utf-8")
    app = build_app(store, settings_path=path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        helps = {name: help_text for name, help_text, _ in ActionCommands(app.screen)._commands()}
        assert helps["Mark all read"] == "every listed article (M)"
        assert helps["Search article bodies"].endswith("(F)")
        assert helps["Reload the store"].endswith("(^r)")
