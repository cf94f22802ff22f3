"""Pilot tests for the article list's keys: sort, star, tags, delete and undo, next/previous
unread, mark all read, the filter's field words, full-text search, and adding from inside."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import TabbedContent

from tests.conftest import SAMPLES
from tests.ui.helpers import plain
from tui.app.app import build_app
from tui.app.list_query import asked_entities, matches_query
from tui.app.widgets.article_list import ArticleList
from tui.app.widgets.article_view import ArticleView
from tui.app.widgets.prompt import PromptScreen
from tui.library.reading import parse_tags
from tui.model import ArticleSummary
from tui.store import Store
from tui.store.orders import sort_summaries

pytestmark = pytest.mark.anyio
SIZE = (120, 40)


def app_for(store: Store, tmp_path: Path, **kwargs):
    return build_app(store, settings_path=tmp_path / "settings.toml", **kwargs)


async def shown_notes(pilot, app) -> list[str]:
    """The messages of the live notifications (their toasts may not be drawn yet)."""
    await pilot.pause()
    return [note.message for note in app._notifications]


def ids(app) -> list[str]:
    return [s.id for s in app.screen.query_one(ArticleList).listed]


def test_sort_orders() -> None:
    a = ArticleSummary("a", "Zebra", source="B", published="2025-01-01", added="2025-03")
    b = ArticleSummary("b", "apple", source="A", published=None, added="2025-02")
    c = ArticleSummary("c", "Mango", source=None, published="2025-06-01", added="2025-01")
    assert [s.id for s in sort_summaries([b, c, a], "added")] == ["a", "b", "c"]
    assert [s.id for s in sort_summaries([a, b, c], "published")] == ["c", "a", "b"]
    assert [s.id for s in sort_summaries([a, b, c], "title")] == ["b", "c", "a"]
    assert [s.id for s in sort_summaries([a, b, c], "source")] == ["b", "a", "c"]


def test_filter_field_words() -> None:
    s = ArticleSummary("a", "Harbour vote", source="Lakeport Gazette", tags=["local"], read=False)
    assert matches_query(s, "tag:loc harbour")
    assert not matches_query(s, "tag:politics")
    assert matches_query(s, "source:gazette is:unread")
    assert not matches_query(s, "is:starred")
    assert not matches_query(s, "is:read")
    assert parse_tags("Local, city  hall,, local") == ["city-hall", "local"]
    assert asked_entities("harbour entity:Ingrid_Salo") == ["ingrid salo"]
    assert matches_query(s, "entity:ingrid_salo", {"ingrid salo": frozenset({"a"})})
    assert not matches_query(s, "entity:ingrid_salo", {"ingrid salo": frozenset({"b"})})


async def test_O_cycles_the_sort_and_shows_it_in_the_header(store: Store, tmp_path: Path) -> None:
    app = app_for(store, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        pane = app.screen.query_one("#list-pane")
        assert pane.border_title == "Articles · by added"
        await pilot.press("O")
        assert pane.border_title == "Articles · by date"
        assert ids(app) == ["ferry0000001", "orchard00002", "library00003"]
        await pilot.press("O")
        assert pane.border_title == "Articles · by title"
        assert ids(app)[0] == "ferry0000001" and ids(app)[1] == "library00003"
        await pilot.press("O")
        assert pane.border_title == "Articles · by source"
    assert 'sort = "source"' in (tmp_path / "settings.toml").read_text()
    again = app_for(Store(tmp_path / "store.json"), tmp_path)
    async with again.run_test(size=SIZE):
        assert again.screen.query_one("#list-pane").border_title == "Articles · by source"


async def test_s_stars_and_unstars(store: Store, tmp_path: Path) -> None:
    app = app_for(store, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        articles = app.screen.query_one(ArticleList)
        await pilot.press("s")
        assert store.get("ferry0000001").starred
        assert plain(articles.get_option_at_index(0).prompt).startswith("★ Lakeport")
        await pilot.press("s")
        assert not store.get("ferry0000001").starred
        assert plain(articles.get_option_at_index(0).prompt).startswith("● Lakeport")


async def test_the_filter_narrows_to_articles_naming_an_entity(
    store: Store, tmp_path: Path
) -> None:
    app = app_for(store, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *"entity:ingrid_salo")
        await pilot.pause()
        assert ids(app) == ["ferry0000001"]
        await pilot.press("escape")
        assert len(ids(app)) == 3
        await pilot.press("slash", *"entity:nobody")
        await pilot.pause()
        assert ids(app) == []


@pytest.mark.parametrize(
    "query",
    [
        "entity:Salo",
        "entity:salo",
        'entity:"Ingrid Salo"',
        "entity:ingrid salo",
        "entity:INGRID_SALO",
    ],
)
async def test_entity_filter_takes_names_as_people_write_them(
    store: Store, tmp_path: Path, query: str
) -> None:
    app = app_for(store, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *query)
        await pilot.pause()
        assert ids(app) == ["ferry0000001"]


async def test_an_entity_no_article_names_is_said_so_with_the_closest_names(
    store: Store, tmp_path: Path
) -> None:
    from textual.widgets import Static

    app = app_for(store, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *"entity:Ingrid Sala")
        await pilot.pause()
        assert ids(app) == []
        hint = plain(app.screen.query_one("#list-hint", Static).content)
        assert "No article names “ingrid sala”" in hint
        assert "Closest names: Ingrid Salo" in hint


async def test_T_edits_tags_and_the_filter_finds_them(store: Store, tmp_path: Path) -> None:
    app = app_for(store, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("j", "T")
        assert isinstance(app.screen, PromptScreen)
        await pilot.press(*"fruit, farms", "enter")
        assert store.get("orchard00002").tags == ["farms", "fruit"]
        await pilot.press("slash", *"tag:fruit")
        assert ids(app) == ["orchard00002"]
        await pilot.press("escape")
        await pilot.press("T", "escape")  # Escape cancels without a change
        assert store.get("ferry0000001").tags == []


async def test_d_deletes_and_u_brings_it_back(store: Store, tmp_path: Path) -> None:
    app = app_for(store, tmp_path, open_id="ferry0000001")
    async with app.run_test(size=SIZE) as pilot:
        app.screen.query_one(ArticleList).focus()
        await pilot.press("d")
        assert "ferry0000001" not in store
        assert ids(app) == ["orchard00002", "library00003"]
        assert app.screen.query_one(ArticleView).article is None  # it was open
        notes = await shown_notes(pilot, app)
        assert any("Press u" in n for n in notes)
        await pilot.press("u")
        assert "ferry0000001" in store
        assert store.get("ferry0000001").read  # opening it had marked it read
        assert ids(app) == ["ferry0000001", "orchard00002", "library00003"]
        await pilot.press("u")
        assert any("Nothing to undo" in n for n in await shown_notes(pilot, app))


async def test_n_p_and_brackets_open_the_next_and_previous_unread(
    store: Store, tmp_path: Path
) -> None:
    app = app_for(store, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        articles = app.screen.query_one(ArticleList)
        await pilot.press("n")  # from ferry (unread itself) to the next unread: library
        assert app.screen.article.id == "library00003"
        assert articles.highlighted_id == "library00003"
        articles.focus()
        await pilot.press("p")
        assert app.screen.article.id == "ferry0000001"
        await pilot.press("p")
        assert any("No unread article above" in n for n in await shown_notes(pilot, app))
        store.set_read("library00003", False)
        app.screen.reload_list()
        await pilot.press("right_square_bracket")
        assert app.screen.article.id == "library00003"
        await pilot.press("left_square_bracket")
        assert any("No unread article above" in n for n in await shown_notes(pilot, app))


async def test_A_marks_everything_read(store: Store, tmp_path: Path) -> None:
    app = app_for(store, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("A")
        await app.workers.wait_for_complete()
        assert app.screen.sub_title == "3 articles · 0 unread"
        assert all(s.read for s in store.summaries())


async def test_F_searches_bodies_and_escape_clears(store: Store, tmp_path: Path) -> None:
    app = app_for(store, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("F")
        await pilot.press(*"covered waiting hall", "enter")  # words only in the ferry body
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert ids(app) == ["ferry0000001"]
        pane = app.screen.query_one("#list-pane")
        assert pane.border_title == "1 found · “covered waiting hall”"
        await pilot.press("escape")
        assert len(ids(app)) == 3
        assert pane.border_title == "Articles · by added"
        await pilot.press("F", *"zzzunfound", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert ids(app) == []
        assert any("No article contains" in n for n in await shown_notes(pilot, app))


async def test_a_adds_a_file_in_a_worker(empty_store: Store, tmp_path: Path) -> None:
    app = app_for(empty_store, tmp_path)
    sample = SAMPLES / "council-budget.txt"
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a")
        assert isinstance(app.screen, PromptScreen)
        app.screen.query_one("#prompt-input").value = str(sample)
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert len(empty_store) == 1
        assert len(ids(app)) == 1
        assert any("Added 1 article" in n for n in await shown_notes(pilot, app))
        assert empty_store.get(ids(app)[0]).analyzed


async def test_a_reports_a_missing_file(empty_store: Store, tmp_path: Path) -> None:
    app = app_for(empty_store, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a", *str(tmp_path / "nope.html"), "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert len(empty_store) == 0
        shown = await shown_notes(pilot, app)
        assert any("nope.html" in n for n in shown), shown


async def test_a_counts_the_failures_past_the_first_three(
    empty_store: Store, tmp_path: Path
) -> None:
    folder = tmp_path / "bad"
    folder.mkdir()
    for i in range(5):
        (folder / f"empty{i}.txt").write_bytes(b"")
    app = app_for(empty_store, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a", *str(folder), "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert len(empty_store) == 0
        shown = await shown_notes(pilot, app)
        assert sum("empty" in n and ".txt" in n for n in shown) == 3, shown
        assert any("2 more inputs could not be added" in n for n in shown), shown


async def test_the_mouse_opens_articles_and_switches_tabs(store: Store, tmp_path: Path) -> None:
    app = app_for(store, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        # At 120 columns the ferry title takes rows 0–3, a divider row 4, the orchard rows 5–7.
        await pilot.click(ArticleList, offset=(6, 6))
        await pilot.pause()
        assert app.screen.article is not None and app.screen.article.id == "orchard00002"
        await pilot.click("#side Tab#--content-tab-timeline")
        await pilot.pause()
        assert app.screen.query_one(TabbedContent).active == "timeline"


async def test_titles_rewrap_when_the_scrollbar_appears(tmp_path: Path) -> None:
    from tests.ui.articles import orchard_article

    store = Store(tmp_path / "many.json")
    articles = []
    for n in range(12):
        article = orchard_article()
        article.id = f"orchard{n:05d}"
        article.title = f"Orchards expect record apple harvest number {n}"
        articles.append(article)
    store.add_many(articles)
    app = app_for(store, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        listed = app.screen.query_one(ArticleList)
        for _ in range(5):
            await pilot.pause()
        assert listed.show_vertical_scrollbar
        width = listed.scrollable_content_region.width
        for index in range(listed.option_count):
            lines = plain(listed.get_option_at_index(index).prompt).split("\n")
            assert all(len(line) <= width for line in lines), lines
            assert lines[-1].endswith("12 Sep 2025")
