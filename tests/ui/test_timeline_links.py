"""The Timeline panel linked to the reader, and the merged timeline across articles (issue 5, TUI)."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import TabbedContent

from tests.ui.articles import FERRY_PARAGRAPHS, sample_articles
from tests.ui.helpers import shown_text
from tests.ui.test_entity_links import RIVER_PARAGRAPHS, SIZE, SMALL, linked_store, river_article
from tui.app.app import build_app
from tui.app.screens.merged_timeline import MergedTimelineScreen
from tui.app.screens.reader import ReaderScreen
from tui.app.widgets import article_view
from tui.app.widgets.article_view import ArticleView
from tui.app.widgets.merged_timeline_list import MergedTimelineList
from tui.app.widgets.timeline_panel import TimelinePanel
from tui.store import Store

pytestmark = pytest.mark.anyio
WIDE = (140, 40)
__all__ = ["linked_store", "river_article"]  # the fixture is shared with the entity tests


async def focus_timeline(pilot, app) -> TimelinePanel:
    """Show the Timeline tab and tab to it (list → reader → panel)."""
    await pilot.press("t", "tab", "tab")
    panel = app.screen.query_one(TimelinePanel)
    assert app.focused is panel
    return panel


async def test_timeline_groups_events_by_date_with_the_publication_marked(
    linked_store: Store,
) -> None:
    app = build_app(linked_store, open_id="ferry0000001")
    async with app.run_test(size=WIDE) as pilot:  # a 42-column panel beside a 60-column reader
        await pilot.press("t")
        panel = app.screen.query_one(TimelinePanel)
        titles = [
            line
            for line in shown_text(panel).splitlines()
            if line.strip() and not line.startswith((" ", "▌"))
        ]
        assert titles == [
            "Tue 18 Nov 2025  ◆ published",
            "Mon 2 Mar 2026",
            "Jun 2026",
            "Spring 2027",
        ]
        # Each event's lines (indented, or after the bar of an event on screen), joined again.
        events = [" ".join(line[2:] for line in panel.row_lines(row)) for row in panel.rows()]
        assert events[0].startswith("…harbour council voted on Tuesday to build a new ferry")
        assert events[0].endswith("…") and len(events[0]) < len(FERRY_PARAGRAPHS[0])
        assert events[1:] == [
            "Work begins on 2 March 2026, in time for the Harbour Festival in June.",
            "Work begins on 2 March 2026, in time for the Harbour Festival in June.",
            "Mayor Ingrid Salo said the terminal would open in spring 2027 and serve three routes.",
        ]
        # The expression is marked inside its sentence.
        june = next(row for row in panel.rows() if row.event.text == "June")
        text = june.content
        marked = [text.plain[s.start : s.end] for s in text.spans]
        assert marked == ["June"]


async def test_decades_and_years_read_as_people_write_them(linked_store: Store) -> None:
    app = build_app(linked_store, open_id="river0000005")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("t")
        text = shown_text(app.screen.query_one(TimelinePanel))
        order = [
            text.index(d) for d in ("the 1990s", "1999\n", "Mon 17 Nov 2025", "Thu 20 Nov 2025")
        ]
        assert order == sorted(order)


async def test_enter_on_an_event_scrolls_the_reader_to_its_paragraph(
    linked_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The flash lasts 2 s; on a loaded machine the checks below may take longer than that.
    monkeypatch.setattr(article_view, "LOCATE_FLASH_S", 120.0)
    app = build_app(linked_store, open_id="river0000005")
    async with app.run_test(size=SMALL) as pilot:
        view = app.screen.query_one(ArticleView)
        panel = await focus_timeline(pilot, app)
        monday = len(RIVER_PARAGRAPHS) - 2
        assert monday not in view.paragraphs_on_screen()
        await pilot.press("down", "down")  # the 1990s, 1999, then Monday
        assert panel.highlighted_event is not None and panel.highlighted_event.text == "Monday"
        await pilot.press("enter")
        await pilot.pause()
        assert monday in view.paragraphs_on_screen()
        assert view.located_paragraph == monday  # flashed
        assert app.focused is panel  # the reader follows; the cursor stays in the timeline


async def test_scrolling_the_reader_marks_the_events_on_screen(linked_store: Store) -> None:
    app = build_app(linked_store, open_id="river0000005")
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("t", "tab")
        view = app.screen.query_one(ArticleView)
        panel = app.screen.query_one(TimelinePanel)

        def marked() -> set[str]:
            drawn = {row.event.text: panel.row_lines(row) for row in panel.rows()}
            return {text for text, lines in drawn.items() if all(li[0] == "▌" for li in lines)}

        await pilot.pause()
        assert marked() == {"1999"}  # the second paragraph is on screen at the top
        await pilot.press("end")
        await pilot.pause()
        assert marked() == {"Monday"}
        assert len(RIVER_PARAGRAPHS) - 2 in view.paragraphs_on_screen()


async def test_m_opens_the_merged_timeline_of_every_article(linked_store: Store) -> None:
    app = build_app(linked_store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("m")
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MergedTimelineScreen)
        values = [e.event.value for e in screen.events]
        assert values == [
            "199",
            "1999",
            "2019",
            "2025-09-12",
            "2025-11-17",
            "2025-11-18",
            "2026-03-02",
            "2026-06",
            "2027-SP",
        ]
        lines = screen.query_one(MergedTimelineList).plain_lines()
        assert lines[:3] == [
            "the 1990s",
            "  Locals remember the floods of the 1990s as the worst in living memory.",
            "  — Flooded quay to reopen before winter, Salo says",
        ]
        # one row per sentence: the harvest sentence sits at 2019 and names its Friday below
        harvest = lines.index("2019")
        assert lines[harvest + 2] == "  also Fri 12 Sep 2025 — Orchards expect record apple harvest"
        assert "Fri 12 Sep 2025" not in lines  # no heading of its own: the sentence shows once
        assert [len(s.events) for s in screen.sentences] == [1, 1, 2, 1, 1, 2, 1]
        assert "Timeline of all stored articles" in shown_text(screen)
        await pilot.press("escape")
        assert isinstance(app.screen, ReaderScreen)


async def test_enter_in_the_merged_timeline_opens_the_article_at_the_sentence(
    linked_store: Store,
) -> None:
    app = build_app(linked_store, open_id="ferry0000001")
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("m")
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        await pilot.press("down", "down", "down")  # the 1990s, 1999, 2019 (and Fri), Mon 17 Nov
        assert screen.highlighted_event.event.text == "Monday"
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        view = app.screen.query_one(ArticleView)
        assert view.article.id == "river0000005"
        monday = len(RIVER_PARAGRAPHS) - 2
        assert monday in view.paragraphs_on_screen() and 0 not in view.paragraphs_on_screen()
        assert view.located_paragraph == monday
        assert app.screen.query_one(TabbedContent).active == "timeline"
        assert app.focused is view  # the keys go on to the article opened, not the list


def test_merged_timeline_snapshot(snap_compare, tmp_path: Path) -> None:
    store = Store(tmp_path / "snap.json")
    store.add_many([*sample_articles(), river_article()])
    app = build_app(store)

    async def open_it(pilot) -> None:
        await pilot.press("m")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()

    assert snap_compare(app, terminal_size=(120, 40), run_before=open_it)


async def test_cursor_keys_in_the_timeline_and_merged_views(linked_store: Store) -> None:
    app = build_app(linked_store, open_id="river0000005")
    async with app.run_test(size=SIZE) as pilot:
        panel = await focus_timeline(pilot, app)
        await pilot.press("end")
        assert panel.highlighted_event.text == "Monday"
        await pilot.press("k")
        assert panel.highlighted_event.text == "1999"
        await pilot.press("home", "j")
        assert panel.highlighted_event.text == "1999"
        await pilot.press("m")  # the panel has no "m": the screen's merged timeline opens
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MergedTimelineScreen)
        assert screen.highlighted_event.event.value == "199"
        await pilot.press("j", "j")
        assert screen.highlighted_event.event.value == "2019"
        await pilot.press("k")
        assert screen.highlighted_event.event.value == "1999"


async def test_page_keys_move_the_merged_timeline_by_a_screenful(linked_store: Store) -> None:
    app = build_app(linked_store)
    async with app.run_test(size=(80, 14)) as pilot:
        await pilot.press("m")
        await app.workers.wait_for_complete()
        await pilot.pause()
        timeline = app.screen.query_one(MergedTimelineList)
        assert timeline.cursor == 0
        await pilot.press("pagedown")
        step = timeline.cursor
        assert step is not None and step > 1  # more than one sentence a page
        await pilot.press("pageup")
        assert timeline.cursor == 0
        await pilot.press("end")
        assert timeline.highlighted is app.screen.sentences[-1]
