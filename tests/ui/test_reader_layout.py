"""The reader drawn as lines: the page layout (pure) and the view that draws it (Pilot)."""

from __future__ import annotations

import io

import pytest
from rich.console import Console
from rich.text import Text

from tests.ui.articles import FERRY_PARAGRAPHS
from tui.app.app import build_app
from tui.app.reader_layout import GAP, char_index, layout_page, wrap_block
from tui.app.rendering import Block
from tui.app.widgets.article_view import ArticleView
from tui.store import Store

SIZE = (120, 40)
CONSOLE = Console(file=io.StringIO(), width=200)


def drawn(lines) -> list[str]:
    return [(line.lead + line.text.plain).rstrip() for line in lines]


def test_wrapped_lines_know_where_they_start_in_the_text() -> None:
    text = Text("Ferries cross the bay twice a day, weather permitting, since 1998.")
    wrapped = wrap_block(text, 20, CONSOLE)
    assert [line.plain for line, _ in wrapped] == [
        "Ferries cross the",
        "bay twice a day,",
        "weather permitting,",
        "since 1998.",
    ]
    for line, start in wrapped:  # each line is the text at its offset, wrap spaces dropped
        assert text.plain[start : start + len(line.plain)] == line.plain


def test_a_word_longer_than_the_line_is_folded_and_offsets_still_hold() -> None:
    text = Text("See https://example.org/a/very/long/path/that/cannot/wrap today")
    wrapped = wrap_block(text, 16, CONSOLE)
    assert all(len(line.plain) <= 16 for line, _ in wrapped)
    assert "".join(line.plain for line, _ in wrapped).replace(" ", "") == text.plain.replace(
        " ", ""
    )
    for line, start in wrapped:
        assert text.plain[start : start + len(line.plain)] == line.plain


def test_blocks_get_their_margins_bars_and_bullets() -> None:
    blocks = [
        Block("headline", Text("Harbour vote")),
        Block("byline", Text("Lakeport Gazette")),
        Block("caption", Text("The pier.")),
        Block("credit", Text("Photo: Gazette")),
        Block("lead", Text("The council voted."), 0),
        Block("h", Text("The plan"), 1),
        Block("li", Text("A hall"), 2),
        Block("li", Text("Chargers"), 3),
        Block("quote", Text("“Forward,” she said."), 4),
    ]
    lines = layout_page(blocks, 40, CONSOLE)
    assert drawn(lines) == [
        "",  # the headline's space above
        "Harbour vote",
        "Lakeport Gazette",
        "",  # the byline's space below
        "▌ The pier.",
        "  Photo: Gazette",
        "",
        "The council voted.",
        "",  # one blank line between the lead and the heading: margins collapse
        "The plan",
        "",
        " • A hall",  # no space between the items of a list...
        " • Chargers",
        "",  # ...and one after it
        "▌ “Forward,” she said.",
        "",
    ]
    assert lines[3].block == 1 and lines[6] is GAP  # padding belongs to a block, margins do not


def test_a_hanging_indent_and_the_quote_bar_follow_every_wrapped_line() -> None:
    blocks = [
        Block("li", Text("A covered waiting hall for four hundred passengers"), 0),
        Block("quote", Text("This is the day the harbour finally looks forward"), 1),
    ]
    lines = drawn(layout_page(blocks, 24, CONSOLE))
    item, quote = lines[: lines.index("")], lines[lines.index("") + 1 : -1]
    assert item[0].startswith(" • ") and all(line.startswith("   ") for line in item[1:])
    assert len(quote) > 1 and all(line.startswith("▌ ") for line in quote)
    assert all(len(line) <= 24 - 2 for line in quote)  # the quote keeps two cells free at the right


def test_char_index_counts_wide_characters_as_two_cells() -> None:
    assert char_index("abc", 2) == 2
    assert char_index("東京 city", 4) == 2
    assert char_index("東京 city", 100) == len("東京 city")


@pytest.mark.anyio
async def test_opening_articles_mounts_no_widgets(store: Store) -> None:
    app = build_app(store)
    async with app.run_test(size=SIZE) as pilot:
        view = app.screen.query_one(ArticleView)
        for article_id in ("ferry0000001", "orchard00002", "ferry0000001"):
            app.screen.open_article(article_id)
            await pilot.pause()
            assert not view.children  # the page is lines, not a widget per paragraph
            assert view.virtual_size.height == len(view.plain_lines()) > 10
        assert any(FERRY_PARAGRAPHS[0][:30] in line for line in view.plain_lines())


@pytest.mark.anyio
async def test_a_narrower_reader_rewraps_and_keeps_the_words_on_top(store: Store) -> None:
    app = build_app(store, open_id="ferry0000001")
    async with app.run_test(size=(200, 12)) as pilot:
        view = app.screen.query_one(ArticleView)
        await pilot.pause()
        wide = len(view.plain_lines())
        top = view.line_showing(2, 0)  # the quote
        view.scroll_to(y=top, animate=False, immediate=True)
        assert round(view.scroll_y) == top
        await pilot.resize_terminal(120, 12)
        await pilot.pause()
        assert len(view.plain_lines()) > wide  # narrower: more lines
        assert round(view.scroll_y) == view.line_showing(2, 0)  # the same paragraph on top
        assert max(len(line) for line in view.plain_lines()) <= view.size.width


@pytest.mark.anyio
async def test_a_located_paragraph_is_drawn_with_its_mark(store: Store) -> None:
    app = build_app(store, open_id="ferry0000001")
    async with app.run_test(size=SIZE) as pilot:
        view = app.screen.query_one(ArticleView)
        await pilot.pause()
        mark = view.get_component_rich_style("article-view--located").bgcolor
        view.locate(1)
        await pilot.pause()
        line = view.line_showing(1, 0) - round(view.scroll_y)
        assert 0 <= line < view.size.height  # scrolled into view
        backgrounds = {seg.style.bgcolor for seg in view.render_line(line) if seg.text.strip()}
        assert backgrounds == {mark}
        assert view.located_paragraph == 1
        other = view.line_showing(0, 0) - round(view.scroll_y)
        if other >= 0:
            assert mark not in {seg.style.bgcolor for seg in view.render_line(other)}


@pytest.mark.anyio
async def test_a_theme_change_retints_the_mentions(store: Store) -> None:
    app = build_app(store, open_id="ferry0000001")
    async with app.run_test(size=SIZE) as pilot:
        view = app.screen.query_one(ArticleView)
        await pilot.pause()
        lead_style = view.blocks[4].text.style
        app.theme = "textual-light" if app.theme != "textual-light" else "textual-dark"
        await pilot.pause()
        await pilot.pause()
        assert view.blocks[4].kind == "lead"
        assert view.blocks[4].text.style != lead_style  # the lead's colour follows the theme


@pytest.mark.anyio
async def test_each_kind_of_block_is_drawn_in_its_style(store: Store) -> None:
    app = build_app(store, open_id="ferry0000001")
    async with app.run_test(size=SIZE) as pilot:
        view = app.screen.query_one(ArticleView)
        await pilot.pause()
        get = view.get_component_rich_style

        def words_style(line: int):
            """The style of the first non-blank cells drawn on a page line."""
            strip = view.render_line(line - round(view.scroll_y))
            return next(seg.style for seg in strip if seg.text.strip() not in ("", "▌"))

        kinds = [block.kind for block in view.blocks]
        for kind in ("headline", "byline", "caption", "lead", "h", "quote"):
            block = kinds.index(kind)
            line = next(
                n for n, ln in enumerate(view.page_lines) if ln.block == block and ln.text.plain
            )
            drawn, wanted = words_style(line), get(f"article-view--{kind}")
            assert drawn.color == wanted.color, kind
            assert (drawn.bold, drawn.italic, drawn.underline) == (
                wanted.bold,
                wanted.italic,
                wanted.underline,
            ), kind
        quote = kinds.index("quote")
        bar_line = next(n for n, ln in enumerate(view.page_lines) if ln.block == quote)
        strip = view.render_line(bar_line - round(view.scroll_y))
        bar = next(seg for seg in strip if seg.text == "▌")
        assert bar.style.color == get("article-view--quote-bar").color


@pytest.mark.anyio
async def test_work_waiting_for_the_article_to_be_drawn_starts_after_the_next_refresh(
    store: Store,
) -> None:
    # The read mark, the analysis and the "in N other articles" counts wait for this; a callback
    # asked for just after the article was set must not wait for the next article instead.
    app = build_app(store, open_id="ferry0000001")
    async with app.run_test(size=SIZE) as pilot:
        view = app.screen.query_one(ArticleView)
        await pilot.pause()
        called: list[str] = []
        view.article = store.get("orchard00002")
        view.when_painted(lambda: called.append("drawn"))
        assert not called  # not before the refresh that draws it
        await pilot.pause()
        assert called == ["drawn"]
