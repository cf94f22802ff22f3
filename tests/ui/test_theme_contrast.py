"""Every text on every shipped theme is readable: each screen state, under each theme the command
palette offers (Textual's built-in themes: 21 in Textual 8.2), rendered by the real app, every cell's
contrast computed.

The rule (WCAG 2.x AA, as issue 13 asks):
- every cell that shows a glyph is measured in its own colours, foreground against background, as
  the terminal gets them from the compositor: alpha colours blended as Textual blends them (over
  what is under them), `dim` and `reverse` applied. Spaces show no glyph and are not measured;
- text needs 4.5:1 (success criterion 1.4.3): letters, digits, punctuation, the footer's keys, an
  input's placeholder;
- decorations need 3:1 (1.4.11, graphical objects): box drawing and block elements (pane borders,
  rules and dividers, the bars of captions, quotes and the timeline, scrollbars, the tab
  underline), geometric shapes, symbols and arrows (the unread dot, the star, the header's icon,
  bullets): see `contrast.is_decoration`;
- not measured: the screen under a modal, dimmed on purpose (WCAG exempts inactive components),
  and emoji pictures (the palette's 🔎), which terminals draw in their own colours;
- the ANSI themes take their colours from the terminal's palette: they are measured in the
  palettes Textual assumes for them (`App.ansi_theme`: Monokai dark, Alabaster light).

A palette pick must repaint at once: each state is reached under the default theme, then every
theme is set while the app runs, as the palette sets it. A second test starts the app in each
theme (from the settings), as a restart does; a third opens the command palette in each theme.

A failure lists each (theme, screen, colour pair) below its ratio: the ratio, the colours, how
many cells, and the text of the first runs with their rows.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest

from tests.ui.articles import sample_articles
from tests.ui.contrast import Cell, hex_of, screen_cells
from tests.ui.helpers import wait_until
from tui.app.app import build_app
from tui.settings import Settings
from tui.store import Store

pytestmark = pytest.mark.anyio
SIZE = (120, 40)
NARROW = (80, 24)
FERRY = "ferry0000001"

State = Callable[..., Awaitable[None]]


def themes() -> list[str]:
    """The themes the command palette offers (Textual's `ThemeProvider` lists these)."""
    app = build_app(Store(Path("/nonexistent/never-opened.json")), settings=Settings(path=None))
    return sorted(app.available_themes)


async def settle(pilot) -> None:
    """Let the messages and refreshes a change started run out (a theme change takes two turns:
    the CSS refresh, then the signal the widgets rebuild their own styles on)."""
    await pilot.pause()
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


# -- the screen states --------------------------------------------------------------------------


async def list_rows(pilot) -> None:
    """The list: the cursor on an unread row, a read and starred row, an unread row."""
    await pilot.press("j", "s", "k")


async def reader_and_entities(pilot) -> None:
    """An article open, the Entities panel focused: its headings, its cursor row, the reader's
    entity tints and the chosen entity's mentions (n makes one the current one)."""
    panel = pilot.app.screen.query_one("#entity-panel")
    panel.focus()
    await settle(pilot)
    await pilot.press("n")


async def reader_focused(pilot) -> None:
    """The reader focused (its border lit, the panel's cursor row unfocused)."""
    pilot.app.screen.query_one("#reader").focus()


async def timeline(pilot) -> None:
    """The Timeline tab focused, its on-screen bars and its cursor row."""
    await pilot.press("t")
    await settle(pilot)
    pilot.app.screen.query_one("#timeline-panel").focus()


async def find(pilot) -> None:
    """Find in the article: every match and the current one marked."""
    await pilot.press("ctrl+f", *"harbour", "enter")


async def help_screen(pilot) -> None:
    await pilot.press("question_mark")


async def merged(pilot) -> None:
    await pilot.press("m")
    await settle(pilot)


async def toasts(pilot) -> None:
    """One notification of each severity."""
    app = pilot.app
    app.notify("The article was saved.", title="Saved")
    app.notify("The theme was not saved.", severity="warning")
    app.notify("Could not add the folder.", title="Cannot add", severity="error")


async def filter_placeholder(pilot) -> None:
    await pilot.press("slash")


async def filter_no_match(pilot) -> None:
    """Filter words that match nothing: the typed text and the list's hint."""
    await pilot.press("slash", *"zzz")


async def add_prompt(pilot) -> None:
    await pilot.press("a")


async def entity_articles(pilot) -> None:
    """The articles naming an entity (Enter in the Entities panel)."""
    pilot.app.screen.query_one("#entity-panel").focus()
    await settle(pilot)
    await pilot.press("enter")


async def feeds_view(pilot) -> None:
    """The feeds view: a feed fetched, one whose last refresh failed (its error line), one never
    fetched, and a refresh's last outcome under the list."""
    from tui.feeds.registry import Feed, Registry

    broken = "http://valley.test/broken.xml"
    with Registry(pilot.app.store.path).editing() as feeds:
        feeds[:] = [
            Feed("aaaa0001", "http://lakeport.test/rss", "Lakeport Gazette", status="ok",
                 last_fetched="2024-09-04T12:00:00+00:00"),
            Feed("bbbb0002", broken, status="error", last_fetched="2024-09-04T12:00:00+00:00",
                 error=f"{broken} is a broken feed (not well-formed); try again later."),
            Feed("cccc0003", "http://orchard.test/feed.json"),
        ]  # fmt: skip
    pilot.app.screen.refresh_status = "No new articles from 3 feeds; 1 failed."
    await pilot.press("f")
    await settle(pilot)


async def nothing(pilot) -> None:
    """The screen as it opens."""


# (name, state, article opened at start, empty store, terminal size)
STATES: list[tuple[str, State, str | None, bool, tuple[int, int]]] = [
    ("list", list_rows, None, False, SIZE),
    ("reader+entities", reader_and_entities, FERRY, False, SIZE),
    ("reader", reader_focused, FERRY, False, SIZE),
    ("timeline", timeline, FERRY, False, SIZE),
    ("narrow+timeline", timeline, FERRY, False, NARROW),
    ("find", find, FERRY, False, SIZE),
    ("help", help_screen, None, False, SIZE),
    ("merged-timeline", merged, None, False, SIZE),
    ("toasts", toasts, None, False, SIZE),
    ("filter", filter_placeholder, None, False, SIZE),
    ("filter-no-match", filter_no_match, None, False, SIZE),
    ("add-prompt", add_prompt, None, False, SIZE),
    ("entity-articles", entity_articles, FERRY, False, SIZE),
    ("feeds", feeds_view, None, False, SIZE),
    ("empty-store", nothing, None, True, SIZE),
]


# -- measuring ----------------------------------------------------------------------------------


MEASURED_AT_LEAST = 100
"""Glyph cells every screen shows (fewer means nothing was rendered: a broken measurement)."""


def failures(app, theme: str, screen: str) -> list[str]:
    """One line per colour pair below its ratio on this screen: ratio, cell count, the text."""
    groups: dict[tuple[tuple[int, int, int], tuple[int, int, int], float], list[Cell]] = {}
    measured = 0
    for cell in screen_cells(app):
        measured += 1
        if cell.ratio < cell.required:
            groups.setdefault((cell.fg, cell.bg, cell.required), []).append(cell)
    assert measured >= MEASURED_AT_LEAST, f"{theme} {screen}: only {measured} cells drawn"
    lines = []
    for (fg, bg, required), cells in groups.items():
        lines.append(
            f"{theme:<20} {screen:<16} {cells[0].ratio:5.2f}:1 < {required}:1  "
            f"{hex_of(fg)} on {hex_of(bg)}  {len(cells):4} cells  "
            f"{runs(cells)}"
        )
    return lines


def runs(cells: list[Cell], most: int = 3) -> str:
    """The text of the first few runs of cells (each cut short), with the row of each."""
    pieces: list[tuple[int, int, str]] = []  # (row, next column, text)
    for cell in cells:
        if pieces and pieces[-1][0] == cell.y and cell.x - pieces[-1][1] <= 1:
            row, _, text = pieces[-1]
            gap = " " if cell.x > pieces[-1][1] else ""
            pieces[-1] = (row, cell.x + 1, text + gap + cell.char)
        else:
            pieces.append((cell.y, cell.x + 1, cell.char))
    shown = [f"row {row}: {text[:30]!r}" for row, _, text in pieces[:most]]
    more = f" (+{len(pieces) - most} more)" if len(pieces) > most else ""
    return ", ".join(shown) + more


def report(lines: list[str]) -> str:
    themes_failing = sorted({line.split()[0] for line in lines})
    return (
        f"{len(lines)} colour pairs below the bar on {len(themes_failing)} themes "
        f"({', '.join(themes_failing)}):\n" + "\n".join(lines)
    )


def make_store(tmp_path: Path, empty: bool) -> Store:
    store = Store(tmp_path / "store.json")
    if not empty:
        store.add_many(sample_articles())
    return store


# -- the tests ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "state", "open_id", "empty", "size"), STATES, ids=[s[0] for s in STATES]
)
async def test_every_theme_picked_while_running_is_readable(
    tmp_path: Path, name: str, state: State, open_id: str | None, empty: bool, size
) -> None:
    app = build_app(make_store(tmp_path, empty), open_id=open_id, settings=Settings(path=None))
    bad: list[str] = []
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await state(pilot)
        await settle(pilot)
        for theme in themes():
            app.theme = theme  # what a pick in the command palette does
            await settle(pilot)
            bad.extend(failures(app, theme, name))
    if bad:
        pytest.fail(report(bad), pytrace=False)


@pytest.mark.parametrize("theme", themes())
async def test_every_theme_is_readable_from_start_up(tmp_path: Path, theme: str) -> None:
    """The list, the reader and the Entities panel, the app started in `theme` (the settings')."""
    store = make_store(tmp_path, empty=False)
    settings = Settings(path=None)
    settings.theme = theme
    app = build_app(store, open_id=FERRY, settings=settings)
    bad: list[str] = []
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.theme == theme
        await wait_until(pilot, lambda: app.screen.query("#entity-panel"))
        await reader_and_entities(pilot)
        await settle(pilot)
        bad.extend(failures(app, theme, "start-up"))
    if bad:
        pytest.fail(report(bad), pytrace=False)


async def test_the_command_palette_is_readable_on_every_theme(store: Store) -> None:
    """The palette searching (its matches, their help, the highlighted one), opened in each theme
    (an open palette is not restyled by Textual; a pick closes it)."""
    app = build_app(store, settings=Settings(path=None))
    bad: list[str] = []
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for theme in themes():
            app.theme = theme
            await settle(pilot)
            await pilot.press("ctrl+p")
            await settle(pilot)
            await pilot.press(*"the")
            await settle(pilot)
            bad.extend(failures(app, theme, "command-palette"))
            await pilot.press("escape")
            await settle(pilot)
    if bad:
        pytest.fail(report(bad), pytrace=False)
