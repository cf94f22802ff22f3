"""Pilot tests for the reading basics a newsboat user reaches for: `N` marks unread (and read), `u`
undoes a "mark all read", Space pages the open article from the list, `e`/`t` bring back a hidden
side panel, the list follows another process's writes (and `ctrl+r` reloads), `D` sets the
publication date, `l` lists the body's links, and tags show on the list row and in the reader."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import TabbedContent

from tests.ui.articles import ferry_article, library_article
from tests.ui.helpers import shown_text
from tui.app.app import build_app
from tui.app.screens.article_links import ArticleLinksScreen
from tui.app.screens.store_actions import StoreActions
from tui.app.widgets.article_list import ArticleList
from tui.app.widgets.article_view import ArticleView
from tui.app.widgets.prompt import PromptScreen
from tui.model import Link
from tui.settings import Settings
from tui.store import Store

pytestmark = pytest.mark.anyio
SIZE = (120, 40)


def app_for(store: Store, tmp_path: Path, **kwargs):
    return build_app(store, settings_path=tmp_path / "settings.toml", **kwargs)


def notes(app) -> list[str]:
    return [note.message for note in app._notifications]


def read_marks(store: Store) -> dict[str, bool]:
    return {s.id: s.read for s in Store(store.path).summaries()}  # as another process sees it


async def test_N_marks_the_highlighted_article_unread_and_read_again(
    store: Store, tmp_path: Path
) -> None:
    app = app_for(store, tmp_path, open_id="ferry0000001")
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        assert read_marks(store)["ferry0000001"]
        app.screen.query_one(ArticleList).focus()
        await pilot.press("N")
        assert not read_marks(store)["ferry0000001"]
        assert app.screen.article.read is False
        assert app.screen.sub_title == "3 articles · 2 unread"  # the orchard one was read
        await pilot.press("N")
        assert read_marks(store)["ferry0000001"]
        assert app.screen.sub_title == "3 articles · 1 unread"
        await pilot.press("r")  # newsboat's key for this refreshes the article's feed now
        assert read_marks(store)["ferry0000001"]
        assert notes(app)[-1] == "This article is not from a feed; R refreshes every feed."


async def test_u_undoes_mark_all_read_for_only_the_articles_it_changed(
    store: Store, tmp_path: Path
) -> None:
    app = app_for(store, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("A")
        assert all(read_marks(store).values())
        assert any("Press u to undo" in n for n in notes(app))
        app.screen.query_one(ArticleList).focus()
        await pilot.press("u")
        assert read_marks(store) == {
            "ferry0000001": False,
            "orchard00002": True,  # read before: "mark all read" did not change it
            "library00003": False,
        }
        assert app.screen.sub_title == "3 articles · 2 unread"
        assert any("Marked 2 articles unread again" in n for n in notes(app))
        await pilot.press("A", "d", "u", "u")  # undo the delete first, then the mark
        assert "ferry0000001" in store
        assert sum(not r for r in read_marks(store).values()) == 2


async def test_space_in_the_list_opens_pages_and_moves_on(
    empty_store: Store, tmp_path: Path
) -> None:
    long = ferry_article()
    long.paragraphs = [f"Paragraph {i} of a long report on the ferry works." for i in range(120)]
    long.kinds = ["p"] * 120
    long.entities, long.timeline, long.captions = [], [], []
    empty_store.add(long)
    empty_store.add(library_article())
    app = app_for(empty_store, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        articles = app.screen.query_one(ArticleList)
        view = app.screen.query_one(ArticleView)
        articles.highlight_id("ferry0000001")
        articles.focus()
        await pilot.press("space")
        await pilot.pause()
        assert view.article is not None and view.article.id == "ferry0000001"
        assert view.scroll_y == 0
        await pilot.press("space")
        await pilot.pause()
        assert view.scroll_y > 20
        assert app.focused is articles  # the list keeps the keys
        for _ in range(10):
            await pilot.press("space")
            await pilot.pause()
        assert view.article.id == "library00003"  # past the end: the next unread


async def test_e_and_t_show_the_side_panel_when_it_is_hidden(store: Store, tmp_path: Path) -> None:
    settings = Settings(side_panel=False)
    app = build_app(store, settings=settings, open_id="ferry0000001")
    async with app.run_test(size=SIZE) as pilot:
        side = app.screen.query_one(TabbedContent)
        assert not side.display
        await pilot.press("t")
        await pilot.pause()
        assert side.display and side.active == "timeline"
        await pilot.press("b")
        assert not side.display
        await pilot.press("e")
        await pilot.pause()
        assert side.display and side.active == "entities"


async def test_the_list_follows_another_process_and_ctrl_r_reloads(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(StoreActions, "STORE_CHECK_S", 0.1)
    app = app_for(store, tmp_path, open_id="orchard00002")
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        articles = app.screen.query_one(ArticleList)
        other = Store(store.path)  # a CLI in another terminal
        other.remove(["library00003"])
        other.set_starred("ferry0000001", True)
        await pilot.pause(0.4)
        assert [s.id for s in articles.listed] == ["ferry0000001", "orchard00002"]
        assert articles.highlighted_id == "orchard00002"  # the highlight stays
        assert next(s for s in articles.summaries if s.id == "ferry0000001").starred
        assert any("Store reloaded: 2 articles (-1)" in n for n in notes(app))
        other.remove(["orchard00002"])
        await pilot.pause(0.4)
        assert app.screen.query_one(ArticleView).article is None  # the open one went away
        assert any("deleted by another newstui" in n for n in notes(app))
        monkeypatch.setattr(Store, "changed_elsewhere", lambda self: False)  # no timer now
        other.add(library_article())
        await pilot.press("ctrl+r")
        assert len(articles.summaries) == 2
        assert any("Store reloaded: 2 articles (+1)" in n for n in notes(app))


async def test_own_writes_do_not_reload_the_list(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(StoreActions, "STORE_CHECK_S", 0.1)
    app = app_for(store, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        reloads: list[bool] = []
        monkeypatch.setattr(screen, "reload_from_store", lambda quiet: reloads.append(quiet))
        app.screen.query_one(ArticleList).focus()
        await pilot.press("s", "N", "A")
        await pilot.pause(0.4)
        assert reloads == []


async def test_D_sets_the_date_and_resolves_the_timeline_again(
    store: Store, tmp_path: Path
) -> None:
    app = app_for(store, tmp_path, open_id="ferry0000001")
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.press("D")
        assert isinstance(app.screen, PromptScreen)
        box = app.screen.query_one("#prompt-input")
        box.value = "2025-06-18"  # a Wednesday: "on Tuesday" is the day before
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        stored = Store(store.path).get("ferry0000001")
        assert stored.published.value == "2025-06-18" and stored.published.origin == "user"
        tuesday = next(e for e in stored.timeline if e.text == "Tuesday")
        assert tuesday.value == "2025-06-17"
        assert app.screen.article.published.value == "2025-06-18"
        row = next(s for s in app.screen.query_one(ArticleList).summaries if s.id == stored.id)
        assert row.published == "2025-06-18"
        assert any(n.startswith("Dated 2025-06-18:") for n in notes(app))
        await pilot.press("D")
        app.screen.query_one("#prompt-input").value = "18 June"
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert any("not a YYYY-MM-DD date" in n for n in notes(app))
        assert Store(store.path).get("ferry0000001").published.value == "2025-06-18"


async def test_l_lists_the_links_and_a_digit_opens_one(
    empty_store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[str] = []
    monkeypatch.setattr("webbrowser.open", lambda url: opened.append(url) or True)
    article = ferry_article()
    text = article.paragraphs[1]
    start = text.index("Ingrid Salo")
    article.links = [
        Link(1, start, start + len("Ingrid Salo"), "Ingrid Salo", "https://example.org/salo"),
        Link(6, 4, 29, "Northern Shipping Company", "https://example.org/nsc"),
    ]
    empty_store.add(article)
    app = app_for(empty_store, tmp_path, open_id=article.id)
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        view = app.screen.query_one(ArticleView)
        assert "2 links (l)" in shown_text(view)
        await pilot.press("l")
        assert isinstance(app.screen, ArticleLinksScreen)
        await pilot.press("2")
        await app.workers.wait_for_complete()
        assert opened == ["https://example.org/nsc"]
        await pilot.press("l", "c")
        assert app.clipboard == "https://example.org/salo"
        await pilot.press("l", "j", "c")  # j/k move in the list
        assert app.clipboard == "https://example.org/nsc"
        await pilot.press("l", "q")
        assert not isinstance(app.screen, ArticleLinksScreen)


async def test_tags_show_on_the_list_row_and_under_the_byline(store: Store, tmp_path: Path) -> None:
    store.set_tags("ferry0000001", ["harbour", "local"])
    app = app_for(store, tmp_path, open_id="ferry0000001")
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        articles = app.screen.query_one(ArticleList)
        row = "\n".join(articles.render_line(y).text for y in range(5))
        assert "#harbour #local" in row
        view = app.screen.query_one(ArticleView)
        top = shown_text(view).splitlines()[:8]
        assert "#harbour #local" in top, top


async def test_the_first_add_to_an_empty_store_opens_it_with_the_list_focused(
    empty_store: Store, tmp_path: Path
) -> None:
    from tests.conftest import SAMPLES

    app = app_for(empty_store, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        assert app.focused is app.screen.query_one(ArticleView)  # nothing to list yet
        await pilot.press("a")
        app.screen.query_one("#prompt-input").value = str(SAMPLES / "council-budget.txt")
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        articles = app.screen.query_one(ArticleList)
        assert app.focused is articles
        view = app.screen.query_one(ArticleView)
        assert view.article is not None and view.article.id == articles.highlighted_id


async def test_keys_typed_fast_after_a_key_that_opens_a_prompt_reach_the_prompt(
    store: Store, tmp_path: Path
) -> None:
    from textual import events

    app = app_for(store, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        app.screen.query_one(ArticleList).focus()
        await pilot.pause()
        typed = "a/tmp/dx"  # `a` opens the add prompt; "/" and "d" are keys of the list below
        for char in typed:
            key = {"/": "slash"}.get(char, char)
            app.post_message(events.Key(key, char))  # all at once, as a fast typist or a paste
        for _ in range(60):  # under load the keys take a while; they must all arrive in order
            await pilot.pause(0.05)
            screen = app.screen
            if (
                isinstance(screen, PromptScreen)
                and screen.query_one("#prompt-input").value == "/tmp/dx"
            ):
                break
        assert isinstance(app.screen, PromptScreen)
        assert app.screen.query_one("#prompt-input").value == "/tmp/dx"
        await pilot.press("escape")
        assert len(store) == 3  # "d" did not delete an article
        assert not app.screen.query_one("#filter").display


async def test_the_palette_reloads_the_store(store: Store, tmp_path: Path) -> None:
    app = app_for(store, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        Store(store.path).remove(["library00003"])  # another process; the timer is 2 s away
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Reload the store")
        await app.workers.wait_for_complete()  # the palette searches in a worker
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert len(app.screen.query_one(ArticleList).summaries) == 2
        assert any("Store reloaded: 2 articles (-1)" in n for n in notes(app))


@pytest.mark.parametrize(
    "url",
    ["file:///etc/passwd", "javascript:alert(1)", "data:text/html,hi", "--kiosk", "https://a b"],
)
async def test_o_opens_only_web_addresses(
    empty_store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, url: str
) -> None:
    opened: list[str] = []
    monkeypatch.setattr("webbrowser.open", lambda u: opened.append(u) or True)
    article = ferry_article()
    article.url = url
    empty_store.add(article)
    app = app_for(empty_store, tmp_path, open_id=article.id)
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.press("o")
        await app.workers.wait_for_complete()
        assert opened == []
        assert any(n.startswith("Not opened:") and "not a web" in n for n in notes(app))


def test_browser_url_lets_only_http_and_https_through() -> None:
    from tui.sanitize import browser_url

    assert browser_url("https://example.org/a?b=1") == "https://example.org/a?b=1"
    assert browser_url("HTTP://example.org") == "HTTP://example.org"
    for bad in ("mailto:a@b.c", "ftp://x.org", "https://", "https://x.org/\x1b[2J", None, ""):
        assert browser_url(bad) is None
