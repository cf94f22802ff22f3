"""The shortcuts taken for large stores show and do what the plain ways did: entity rows drawn
without a rich Table, the `/` filter parsed once, and the side panel mounted after the first paint."""

from __future__ import annotations

import pytest
from rich.console import Console
from rich.measure import Measurement
from rich.style import Style
from rich.table import Table
from rich.text import Text
from textual.widgets import TabbedContent

from tests.ui.helpers import shown_text
from tui.app.app import build_app
from tui.app.list_query import matches_query, query_test
from tui.app.rendering import safe_text
from tui.app.widgets.article_list import ArticleList
from tui.app.widgets.article_view import ArticleView
from tui.app.widgets.entity_panel import EntityPanel, EntityRow
from tui.model import ArticleSummary, Entity
from tui.store import Store

SIZE = (120, 40)
NAMES = [
    "Ingrid Salo",
    "Northern Shipping Company of the Lakeport Harbour District",
    "東京都庁 大きな名前",
    "x",
    "Zoë O’Brien-Smith",
    "a" * 50,
]


def table_grid(name: str, count: int, elsewhere: int) -> Table:
    """How an entity row was drawn before: a two-column rich Table grid."""
    row = Table.grid(padding=(0, 1), expand=True)
    row.add_column(ratio=1, no_wrap=True, overflow="ellipsis")
    row.add_column(justify="right", no_wrap=True, style="dim")
    row.add_row(safe_text(name), str(count))
    if elsewhere:
        plural = "s" if elsewhere != 1 else ""
        row.add_row(Text(f"  in {elsewhere} other article{plural}", style="dim italic"), "")
    return row


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("count", [1, 12, 1234])
@pytest.mark.parametrize("elsewhere", [0, 1, 7])
def test_entity_rows_draw_the_cells_and_styles_the_table_grid_drew(
    name: str, count: int, elsewhere: int
) -> None:
    entity = Entity(name=name, type="PERSON", count=count)
    drawn = EntityRow(entity, elsewhere, Style(dim=True), Style(dim=True, italic=True)).content
    before = table_grid(name, count, elsewhere)
    console = Console(width=80, force_terminal=True, color_system="truecolor")
    for width in range(9, 60):
        options = console.options.update_width(width)
        new = [(s.text, s.style) for s in console.render(drawn, options)]
        old = [(s.text, s.style) for s in console.render(before, options)]
        assert new == old, f"width {width}"
        assert Measurement.get(console, options, drawn) == Measurement.get(console, options, before)


def test_the_filter_parsed_once_keeps_the_same_articles() -> None:
    summaries = [
        ArticleSummary("a", "Harbour vote", source="Lakeport Gazette", tags=["local"]),
        ArticleSummary("b", "Orchard harvest", source="Valley Post", read=True, starred=True),
        ArticleSummary("c", "Ferry HARBOUR news", source=None, tags=["Transport"]),
    ]
    entity_ids = {"ingrid salo": frozenset({"a", "c"})}
    queries = [
        "",
        "harbour",
        "HARBOUR news",
        "tag:loc",
        "tag:trans harbour",
        "source:gazette is:unread",
        "is:starred",
        "is:read orchard",
        "is:other",
        "entity:Ingrid_Salo ferry",
        "entity:nobody",
        "tag: source:",
    ]
    for query in queries:
        test = query_test(query, entity_ids)
        kept = [s.id for s in summaries if test is None or test(s)]
        assert kept == [s.id for s in summaries if matches_query(s, query, entity_ids)], query
    assert query_test("  ") is None  # an empty filter lists everything without testing each
    assert [s.id for s in summaries if query_test("harbour")(s)] == ["a", "c"]


@pytest.mark.anyio
async def test_keys_that_reach_the_side_panel_before_it_is_mounted_take_effect(
    store: Store,
) -> None:
    app = build_app(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        # Straight after start the panel may not be mounted yet: these wait for it.
        screen.open_article("orchard00002")
        screen.action_show_tab("timeline")
        await pilot.pause()
        assert screen.side_ready
        assert screen.query_one(ArticleView).article.id == "orchard00002"
        assert screen.query_one(EntityPanel).article.id == "orchard00002"
        assert screen.query_one(TabbedContent).active == "timeline"
        assert screen.query_one(ArticleList).highlighted_id == "orchard00002"
        assert "No article open." not in shown_text(screen.query_one(EntityPanel))


@pytest.mark.anyio
async def test_an_article_opened_at_start_has_its_panel_at_once(store: Store) -> None:
    app = build_app(store, open_id="ferry0000001")
    async with app.run_test(size=SIZE):
        assert app.screen.side_ready  # composed with the screen: nothing waits
        assert app.screen.query_one(EntityPanel).article.id == "ferry0000001"
