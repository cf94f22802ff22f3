"""Pilot tests: drive every key of the main screen over a real store file; check what shows."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual import events
from textual.widgets import TabbedContent

from tests.ui.articles import orchard_article
from tests.ui.helpers import flat, notifications, plain, shown_text
from tui.app.app import build_app
from tui.app.screens.help import HelpScreen
from tui.app.widgets.article_list import ArticleList
from tui.app.widgets.article_view import ArticleView
from tui.app.widgets.entity_panel import EntityPanel
from tui.app.widgets.filter_input import FilterInput
from tui.app.widgets.timeline_panel import TimelinePanel
from tui.store import Store

pytestmark = pytest.mark.anyio
SIZE = (120, 40)


def list_ids(app) -> list[str]:
    return [s.id for s in app.screen.query_one(ArticleList).listed]


async def test_list_shows_articles_newest_first_with_unread_marks(store: Store) -> None:
    app = build_app(store)
    async with app.run_test(size=SIZE):
        articles = app.screen.query_one(ArticleList)
        assert list_ids(app) == ["ferry0000001", "orchard00002", "library00003"]
        first = plain(articles.get_option_at_index(0).prompt)
        assert first.startswith("●") and "Lakeport approves new ferry" in first
        assert first.endswith("Lakeport Gaze… · 18 Nov 2025")  # the source gives way to the date
        assert not plain(articles.get_option_at_index(1).prompt).startswith("●")  # already read
        assert app.screen.sub_title == "3 articles · 2 unread"
        assert app.focused is articles


async def test_j_and_k_move_the_list_cursor(store: Store) -> None:
    app = build_app(store)
    async with app.run_test(size=SIZE) as pilot:
        articles = app.screen.query_one(ArticleList)
        assert articles.highlighted == 0
        await pilot.press("j")
        assert articles.highlighted_id == "orchard00002"
        await pilot.press("j")
        assert articles.highlighted_id == "library00003"
        await pilot.press("k")
        assert articles.highlighted_id == "orchard00002"
        await pilot.press("up")
        assert articles.highlighted_id == "ferry0000001"
        await pilot.press("down")
        assert articles.highlighted_id == "orchard00002"
        await pilot.press("j", "j")  # like OptionList's arrows, j wraps past the last article
        assert articles.highlighted_id == "ferry0000001"


async def test_enter_opens_the_article_and_marks_it_read(store: Store) -> None:
    app = build_app(store)
    async with app.run_test(size=SIZE) as pilot:
        reader = app.screen.query_one(ArticleView)
        assert "press Enter to read it" in flat(shown_text(reader))
        await pilot.press("enter")
        await pilot.pause()
        text = flat(shown_text(reader))
        assert "Lakeport approves new ferry terminal after decade of dispute" in text
        assert "Lakeport Gazette · Tomas Berg · 18 Nov 2025" in text
        assert "The Lakeport harbour council voted on Tuesday" in text
        await app.workers.wait_for_complete()  # the read mark is saved in a thread
        assert store.get("ferry0000001").read is True
        first = plain(app.screen.query_one(ArticleList).get_option_at_index(0).prompt)
        assert not first.startswith("●")
        assert app.screen.sub_title == "3 articles · 1 unread"


async def test_reader_styles_each_block_kind(store: Store) -> None:
    app = build_app(store, open_id="ferry0000001")
    async with app.run_test(size=SIZE):
        reader = app.screen.query_one(ArticleView)
        kinds = [block.kind for block in reader.blocks]
        assert kinds == [
            *("headline", "byline", "caption", "credit", "lead", "p", "quote", "h", "li", "li"),
            *("p", "p"),
        ]
        (lead,) = reader.block_lines("lead")
        assert lead[0].startswith("The Lakeport harbour council")
        assert reader.blocks[kinds.index("lead")].text.style.bold  # the lead stands out
        assert "What the plan includes" in reader.block_lines("h")[0][0]
        (quote,) = reader.block_lines("quote")  # a "p" block that is mainly a quotation
        assert "harbour finally looks forward" in " ".join(line[2:] for line in quote)
        assert all(line.startswith("▌ ") for line in quote)  # a bar beside every line
        bullets = reader.block_lines("li")
        assert len(bullets) == 2 and bullets[0][0].lstrip().startswith("• A covered")
        assert reader.block_lines("caption") == [["▌ The old ferry pier at dawn."]]
        assert reader.block_lines("credit") == [["  Photo: Lakeport Gazette"]]


async def test_entity_mentions_are_tinted_by_type(store: Store) -> None:
    app = build_app(store, open_id="ferry0000001")
    async with app.run_test(size=SIZE):
        reader = app.screen.query_one(ArticleView)
        styles = reader.entity_styles()
        assert len({str(styles[t].color) for t in styles}) == 5  # five distinct tints
        second = next(block.text for block in reader.blocks if block.kind == "p")
        person = [s for s in second.spans if second.plain[s.start : s.end] == "Ingrid Salo"]
        assert person and person[0].style == styles["PERSON"]


async def test_entities_panel_groups_by_type_with_counts(store: Store) -> None:
    app = build_app(store, open_id="ferry0000001")
    async with app.run_test(size=SIZE):
        text = shown_text(app.screen.query_one(EntityPanel))
        order = [text.index(g) for g in ("People", "Organizations", "Places", "Groups", "Events")]
        assert order == sorted(order)
        assert "Ingrid Salo" in text and "Northern Shipping Company" in text
        salo_line = next(line for line in text.splitlines() if "Ingrid Salo" in line)
        assert salo_line.split()[-1] == "2"  # "Ingrid Salo" and "Salo" (twice, once quoted)


async def test_e_and_t_switch_the_panel_tab(store: Store) -> None:
    """The timeline's content is covered in test_timeline_links.py; here only the tab keys."""
    app = build_app(store, open_id="ferry0000001")
    async with app.run_test(size=SIZE) as pilot:
        tabs = app.screen.query_one(TabbedContent)
        assert tabs.active == "entities"
        await pilot.press("t")
        assert tabs.active == "timeline"
        assert "Tue 18 Nov 2025" in shown_text(app.screen.query_one(TimelinePanel))
        await pilot.press("e")
        assert tabs.active == "entities"


async def test_slash_filters_titles_and_escape_closes(store: Store) -> None:
    app = build_app(store)
    async with app.run_test(size=SIZE) as pilot:
        box = app.screen.query_one(FilterInput)
        assert not box.display
        await pilot.press("slash")
        assert box.display and app.focused is box
        await pilot.press(*"apple harv")
        assert list_ids(app) == ["orchard00002"]
        await pilot.press("enter")  # back to the filtered list, filter kept
        assert app.focused is app.screen.query_one(ArticleList)
        await pilot.press("enter")
        assert "Orchards expect record apple harvest" in shown_text(
            app.screen.query_one(ArticleView)
        )
        await pilot.press("slash", "escape")
        assert not box.display and box.value == ""
        assert len(list_ids(app)) == 3
        assert app.focused is app.screen.query_one(ArticleList)


async def test_keys_typed_right_after_slash_go_into_the_filter(store: Store) -> None:
    """In a real terminal "/apple" typed fast arrives as one burst: the letters are queued before
    "/" has been handled. They must land in the box, not in the list's bindings ("t" = Timeline)."""
    app = build_app(store)
    async with app.run_test(size=SIZE) as pilot:
        for key, character in [("slash", "/"), *((c, c) for c in "apple"), ("t", "t")]:
            app.post_message(events.Key(key, character))  # all queued before any is handled
        await pilot.pause()
        box = app.screen.query_one(FilterInput)
        assert box.value == "applet" and app.focused is box
        assert app.screen.query_one(TabbedContent).active == "entities"
        await pilot.press("backspace", "slash", "7")  # a "/" typed in the box is text
        assert box.value == "apple/7" and app.focused is box


async def test_filter_that_matches_nothing_says_so(store: Store) -> None:
    app = build_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *"zebra")
        assert list_ids(app) == []
        assert "No titles match “zebra”" in shown_text(app.screen.query_one("#list-hint"))
        assert app.screen.query_one("#list-hint").display


async def test_tab_cycles_the_three_panes(store: Store) -> None:
    app = build_app(store, open_id="ferry0000001")
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert app.focused is screen.query_one(ArticleList)
        await pilot.press("tab")
        assert app.focused is screen.query_one(ArticleView)
        await pilot.press("tab")
        assert app.focused is screen.query_one(EntityPanel)
        await pilot.press("tab")
        assert app.focused is screen.query_one(ArticleList)
        await pilot.press("shift+tab")
        assert app.focused is screen.query_one(EntityPanel)
        await pilot.press("t", "shift+tab", "shift+tab")
        assert app.focused is screen.query_one(ArticleView)
        await pilot.press("shift+tab")
        assert app.focused is screen.query_one(ArticleList)
        await pilot.press("shift+tab")
        assert app.focused is screen.query_one(TimelinePanel)


async def test_question_mark_shows_help_built_from_live_bindings(store: Store) -> None:
    app = build_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        text = shown_text(app.screen)
        for heading, row in [
            ("Article list", "j"),
            ("Article list", "Open"),
            ("Main screen", "Filter"),
            ("Main screen", "Next pane"),
            ("Anywhere", "Quit"),
        ]:
            assert heading in text and row in text
        assert "Scroll Left" not in text  # the list cannot scroll sideways
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)
        # With the filter box focused, the help lists the filter's own keys.
        await pilot.press("slash")
        app.screen.action_help()
        await pilot.pause()
        assert "Close filter" in shown_text(app.screen)


async def test_q_quits(store: Store) -> None:
    app = build_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("q")
        await pilot.pause()
        assert app._exit_renderables == [] and not app.is_running
    assert app.return_code == 0


async def test_q_in_the_filter_box_types_a_letter(store: Store) -> None:
    app = build_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", "q")
        assert app.is_running
        assert app.screen.query_one(FilterInput).value == "q"


async def test_command_palette_opens_an_article(store: Store) -> None:
    app = build_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Open: Orchards")
        await app.workers.wait_for_complete()  # the palette searches in a worker
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert "Orchards expect record apple harvest" in shown_text(
            app.screen.query_one(ArticleView)
        )


async def test_open_id_opens_that_article_at_start(store: Store) -> None:
    app = build_app(store, open_id="orchard00002")
    async with app.run_test(size=SIZE):
        assert "Apple growers in the Verdant Valley" in shown_text(
            app.screen.query_one(ArticleView)
        )
        assert app.screen.query_one(ArticleList).highlighted_id == "orchard00002"
        assert "Verdant Valley" in shown_text(app.screen.query_one(EntityPanel))


async def test_empty_store_explains_how_to_add_articles(empty_store: Store) -> None:
    app = build_app(empty_store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()  # the side panel is mounted just after the first paint
        hint = shown_text(app.screen.query_one("#list-hint"))
        assert "newstui add PATH|URL" in hint
        assert "cat page.html | newstui" in hint
        assert not app.screen.query_one(ArticleList).display
        assert "No article open." in shown_text(app.screen.query_one(EntityPanel))
        assert app.focused is app.screen.query_one(ArticleView)  # not the hidden filter box


async def test_missing_article_is_a_notification_not_a_traceback(store: Store) -> None:
    app = build_app(store, open_id="nosuchid0000")
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        assert any("nosuchid0000" in n for n in notifications(app))
        assert app.is_running


async def test_damaged_article_file_is_a_notification(store: Store, tmp_path: Path) -> None:
    (store.bodies / "orchard00002.json").write_text("{not json", encoding="utf-8")
    app = build_app(store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("j", "enter")
        await pilot.pause()
        assert any("damaged" in n for n in notifications(app))
        assert "press Enter to read it" in flat(shown_text(app.screen.query_one(ArticleView)))


async def test_untrusted_text_is_shown_literally_and_without_escapes(tmp_path: Path) -> None:
    store = Store(tmp_path / "store.json")
    evil = orchard_article()
    evil.id, evil.read = "evil00000001", False
    evil.title = "[bold red]Not markup[/] \x1b[31mred\x1b[0m \x1b]8;;http://x\x07link"
    evil.paragraphs = ["Body [link=http://x]click[/link] \x1b[2Jclear", evil.paragraphs[1]]
    store.add(evil)
    app = build_app(store, open_id="evil00000001")
    async with app.run_test(size=SIZE):
        text = flat(shown_text(app.screen.query_one(ArticleView)))
        assert "[bold red]Not markup[/] red link" in text
        assert "Body [link=http://x]click[/link] clear" in text
        assert "\x1b" not in text
        listed = plain(app.screen.query_one(ArticleList).get_option_at_index(0).prompt)
        assert "[bold red]Not markup[/]" in listed and "\x1b" not in listed


async def test_narrow_terminal_puts_the_panel_under_the_reader(store: Store) -> None:
    app = build_app(store, open_id="ferry0000001")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert screen.has_class("-narrow")
        reader = screen.query_one(ArticleView).region
        side = screen.query_one(TabbedContent).region
        assert side.y >= reader.bottom and side.x == reader.x
        assert screen.query_one("#list-pane").region.right <= reader.x
        assert side.right <= 80 and reader.width >= 40


def _article_ids(store: Store) -> list[str]:
    return [s.id for s in store.summaries()]


async def test_opening_marks_read_only_once(store: Store) -> None:
    app = build_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "j", "enter", "k", "enter")
        await app.workers.wait_for_complete()  # the read marks are saved in threads
        assert [store.get(i).read for i in _article_ids(store)] == [True, True, False]


async def test_tab_skips_the_list_when_the_store_is_empty(empty_store: Store) -> None:
    app = build_app(empty_store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()  # the side panel is mounted just after the first paint
        reader, panel = app.screen.query_one(ArticleView), app.screen.query_one(EntityPanel)
        assert app.focused is reader
        await pilot.press("tab")
        assert app.focused is panel
        await pilot.press("tab")
        assert app.focused is reader
        await pilot.press("shift+tab")
        assert app.focused is panel
