"""The side panels drawn line by line (`CursorPanel`): rows are data, not widgets; the cursor, clicks,
re-wrapping, the on-screen marks and the "in N other articles" notes work on those lines."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.ui.articles import _entity, _event, sample_articles
from tests.ui.helpers import wait_until
from tests.ui.test_entity_links import river_article
from tui.app.app import build_app
from tui.app.screens.entity_articles import EntityArticlesScreen
from tui.app.widgets.article_view import ArticleView
from tui.app.widgets.cursor_panel import CursorPanel
from tui.app.widgets.entity_panel import EntityPanel, EntityRow
from tui.app.widgets.timeline_panel import TimelinePanel
from tui.model import Article, PublishedDate
from tui.store import Store

pytestmark = pytest.mark.anyio
SIZE = (120, 40)
COUNT = 40  # people in the crowded article: more rows than the panel has lines


def crowded_article() -> Article:
    """An analyzed article naming COUNT people and a firm, each on a dated day of May 2020."""
    paragraphs = [
        f"Resident N{n:02d} met Harbour Works in Lakeport on {n} May 2020." for n in range(COUNT)
    ]
    entities = [_entity(paragraphs, f"Resident N{n:02d}", "PERSON") for n in range(COUNT)]
    entities.append(_entity(paragraphs, "Harbour Works", "ORGANIZATION"))
    timeline = [
        _event(paragraphs, f"2020-05-{n:02d}", "day", f"{n} May 2020") for n in range(1, 29)
    ]
    return Article(
        id="crowd0000010",
        title="Everyone met the harbour works",
        paragraphs=paragraphs,
        kinds=["p"] * len(paragraphs),
        source="Lakeport Gazette",
        published=PublishedDate("2020-05-31", "day", "metadata"),
        entities=entities,
        timeline=timeline,
        analyzed=True,
        read=True,
        origin="tests",
        added="2025-11-22T09:00:00.000000+00:00",
    )


@pytest.fixture
def crowd_store(tmp_path: Path) -> Store:
    store = Store(tmp_path / "crowd.json")
    store.add_many([*sample_articles(), river_article(), crowded_article()])
    return store


def line_of(panel: CursorPanel, text: str) -> int:
    """The panel line (from the top of all its lines) that shows `text`."""
    return next(n for n, line in enumerate(panel.plain_lines()) if text in line)


def background_at(panel: CursorPanel, line: int) -> object:
    """The background of the first cell of a line on screen (counted from the panel's top)."""
    strip = panel.render_line(line - round(panel.scroll_y))
    return next(iter(strip)).style.bgcolor


async def test_rows_are_data_and_a_new_article_mounts_nothing(crowd_store: Store) -> None:
    app = build_app(crowd_store, open_id="ferry0000001")
    async with app.run_test(size=SIZE) as pilot:
        panel = app.screen.query_one(EntityPanel)
        assert not panel.children
        assert [row.entity.name for row in panel.rows()][:2] == [
            "Ingrid Salo",
            "Northern Shipping Company",
        ]
        app.screen.open_article("crowd0000010")
        await pilot.pause()
        assert not panel.children and not app.screen.query_one(TimelinePanel).children
        assert len(panel.rows()) == COUNT + 1
        # Every line, also those scrolled out of view: more than the panel shows.
        lines = panel.plain_lines()
        assert len(lines) > panel.scrollable_content_region.height
        assert lines[:2] == ["", f"People  {COUNT}"]
        width = panel.scrollable_content_region.width
        assert lines[2].startswith("Resident N00 ") and lines[2].endswith(" 1")
        assert len(lines[2]) == width  # the count at the right edge, beside the scrollbar
        assert panel.show_vertical_scrollbar


async def test_state_messages_are_drawn_with_a_blank_line_around(crowd_store: Store) -> None:
    app = build_app(crowd_store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        panel = app.screen.query_one(EntityPanel)
        assert panel.plain_lines() == ["", "No article open.", ""]
        assert panel.highlighted_entity is None and not panel.rows()
        panel.article = crowd_store.get("ferry0000001")
        panel.analyzing = True
        assert panel.plain_lines() == ["", "Analyzing…", ""]
        library = crowd_store.get("library00003")  # analyzed, but no dated event
        timeline = app.screen.query_one(TimelinePanel)
        timeline.article = library
        assert timeline.plain_lines()[:3] == ["", "No dated events found.", ""]


async def test_cursor_keys_move_the_highlight_and_scroll_it_into_view(crowd_store: Store) -> None:
    app = build_app(crowd_store, open_id="crowd0000010")
    async with app.run_test(size=SIZE) as pilot:
        panel = app.screen.query_one(EntityPanel)
        height = panel.scrollable_content_region.height
        normal = background_at(panel, line_of(panel, "Resident N01"))
        unfocused = background_at(panel, line_of(panel, "Resident N00"))
        assert unfocused != normal  # the cursor row is highlighted even without focus
        await pilot.press("tab", "tab")
        assert app.focused is panel
        focused = background_at(panel, line_of(panel, "Resident N00"))
        assert focused not in (normal, unfocused)  # stronger when the panel has focus

        await pilot.press("j", "j")
        assert panel.highlighted_entity.name == "Resident N02"
        assert background_at(panel, line_of(panel, "Resident N02")) == focused
        assert background_at(panel, line_of(panel, "Resident N00")) == normal

        await pilot.press("end")  # the last row, far below: scrolled into view
        assert panel.highlighted_entity.name == "Harbour Works"
        last = line_of(panel, "Harbour Works")
        assert panel.scroll_y > 0 and panel.scroll_y <= last < panel.scroll_y + height
        await pilot.press("k")  # up onto the last person (the heading between is skipped)
        assert panel.highlighted_entity.name == f"Resident N{COUNT - 1:02d}"
        await pilot.press("home")
        assert panel.highlighted_entity.name == "Resident N00"
        assert panel.scroll_y <= line_of(panel, "Resident N00")


async def test_a_click_on_an_entity_chooses_it_and_a_heading_does_nothing(
    crowd_store: Store,
) -> None:
    app = build_app(crowd_store, open_id="ferry0000001")
    async with app.run_test(size=SIZE) as pilot:
        panel = app.screen.query_one(EntityPanel)
        heading = line_of(panel, "Organizations")
        assert await pilot.click(EntityPanel, offset=(3, heading))
        assert app.screen.query_one(EntityPanel) is panel  # no screen opened
        assert panel.highlighted_entity.name == "Ingrid Salo"

        row = line_of(panel, "Northern Shipping Company")
        assert await pilot.click(EntityPanel, offset=(3, row))
        await pilot.pause()
        assert panel.highlighted_entity.name == "Northern Shipping Company"
        assert isinstance(app.screen, EntityArticlesScreen)
        assert "Northern Shipping Company" in app.screen.entity.name


async def test_a_click_on_an_event_scrolls_the_reader_to_it(crowd_store: Store) -> None:
    app = build_app(crowd_store, open_id="river0000005")
    async with app.run_test(size=(120, 16)) as pilot:
        await pilot.press("t")
        panel = app.screen.query_one(TimelinePanel)
        view = app.screen.query_one(ArticleView)
        monday = next(row for row in panel.rows() if row.event.text == "Monday")
        assert monday.event.paragraph not in view.paragraphs_on_screen()
        line = line_of(panel, "Salo said on Monday")
        panel.scroll_to(y=line, animate=False, immediate=True)
        await pilot.pause()
        assert await pilot.click(TimelinePanel, offset=(5, line - round(panel.scroll_y)))
        await pilot.pause()
        assert panel.highlighted_event is monday.event
        assert monday.event.paragraph in view.paragraphs_on_screen()


async def test_rows_rewrap_when_the_panel_is_resized(crowd_store: Store) -> None:
    app = build_app(crowd_store, open_id="ferry0000001")
    async with app.run_test(size=(140, 40)) as pilot:  # the panel at its full 42 columns
        await pilot.press("t")
        panel = app.screen.query_one(TimelinePanel)
        mayor = next(row for row in panel.rows() if row.event.text == "spring 2027")
        wide = panel.row_lines(mayor)
        width = panel.scrollable_content_region.width
        assert len(wide) == 3 and all(len(line) <= width for line in wide)

        await pilot.resize_terminal(90, 40)  # narrow: the panel goes under the reader, wider
        await pilot.pause()
        wider = panel.scrollable_content_region.width
        assert wider > width
        lines = panel.row_lines(mayor)
        assert len(lines) < len(wide) and all(len(line) <= wider for line in lines)
        assert " ".join(line[2:] for line in lines) == " ".join(line[2:] for line in wide)

        await pilot.resize_terminal(140, 40)
        await pilot.pause()
        assert panel.row_lines(mayor) == wide


async def test_on_screen_marks_follow_the_reader_in_place(crowd_store: Store) -> None:
    app = build_app(crowd_store, open_id="river0000005")
    async with app.run_test(size=(120, 16)) as pilot:
        await pilot.press("t")
        panel = app.screen.query_one(TimelinePanel)
        rows = panel.rows()

        def barred() -> list[str]:
            return [r.event.text for r in rows if panel.row_lines(r)[0].startswith("▌ ")]

        assert barred() == ["1999"]  # the second paragraph is on screen
        bar = next(iter(panel.render_line(line_of(panel, "The quay was first flooded"))))
        assert bar.text == "▌"
        assert bar.style.color == panel.get_component_rich_style("timeline-panel--on-screen").color
        await pilot.press("tab", "end")  # the reader scrolls to the end
        await pilot.pause()
        assert barred() == ["Monday"]
        assert all(a is b for a, b in zip(panel.rows(), rows, strict=True))
        others = [panel.row_lines(r)[0] for r in rows if r.event.text != "Monday"]
        assert all(line.startswith("  ") for line in others)  # unmarked: indented by two


async def test_other_article_counts_update_the_rows_in_place(crowd_store: Store) -> None:
    app = build_app(crowd_store, open_id="ferry0000001")
    async with app.run_test(size=SIZE) as pilot:
        panel = app.screen.query_one(EntityPanel)
        await wait_until(pilot, lambda: bool(panel.elsewhere))  # the real counts came
        await pilot.press("tab", "tab", "j")  # the cursor on Northern Shipping Company
        rows = panel.rows()
        panel.elsewhere = {}
        before = panel.plain_lines()
        assert not any("other article" in line for line in before)
        panel.elsewhere = {"Northern Shipping Company": 3, "Lakeport": 1}
        after = panel.plain_lines()
        assert all(a is b for a, b in zip(panel.rows(), rows, strict=True))
        assert panel.highlighted_entity.name == "Northern Shipping Company"
        assert not panel.children
        shipping = next(r for r in rows if r.entity.name == "Northern Shipping Company")
        assert isinstance(shipping, EntityRow)
        assert panel.row_lines(shipping)[1] == "  in 3 other articles"
        lakeport = next(r for r in rows if r.entity.name == "Lakeport")
        assert panel.row_lines(lakeport)[1] == "  in 1 other article"
        assert len(after) == len(before) + 2  # one note line each
        panel.elsewhere = {}
        assert panel.plain_lines() == before


async def test_the_count_stays_at_the_right_edge_and_long_names_are_cut(tmp_path: Path) -> None:
    article = crowded_article()
    article.entities[0].name = "Resident " + "Verylongname " * 5  # the only count of 1 left
    store = Store(tmp_path / "long.json")
    store.add_many([article])
    app = build_app(store, open_id=article.id)
    async with app.run_test(size=SIZE):
        panel = app.screen.query_one(EntityPanel)
        width = panel.scrollable_content_region.width
        long_row = next(r for r in panel.rows() if r.entity.name.startswith("Resident Very"))
        (line,) = panel.row_lines(long_row)
        assert len(line) == width and line.endswith("… 1")
        assert all(len(text) <= width for text in panel.plain_lines())


async def test_a_cursor_moved_in_a_hidden_tab_is_scrolled_to_when_it_shows(
    crowd_store: Store,
) -> None:
    app = build_app(crowd_store, open_id="crowd0000010")
    async with app.run_test(size=SIZE) as pilot:
        panel = app.screen.query_one(EntityPanel)
        await pilot.press("t")  # the Entities tab is hidden now
        panel.place_cursor(COUNT)  # the last entity, far below
        assert panel.scroll_y == 0
        await pilot.press("e")
        await pilot.pause()
        last = line_of(panel, "Harbour Works")
        height = panel.scrollable_content_region.height
        assert panel.scroll_y <= last < panel.scroll_y + height
