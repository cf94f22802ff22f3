"""The Entities panel linked to the reader and to other stored articles (issue 4, in the TUI)."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.style import Style
from rich.text import Text

from tests.ui.articles import _entity, _event, sample_articles
from tests.ui.helpers import shown_text, wait_until
from tui.app.app import build_app
from tui.app.screens.entity_articles import EntityArticlesScreen
from tui.app.screens.help import HelpScreen
from tui.app.screens.merged_timeline import MergedTimelineScreen
from tui.app.screens.reader import ReaderScreen
from tui.app.widgets.article_view import ArticleView
from tui.app.widgets.entity_panel import EntityPanel
from tui.model import Article, PublishedDate
from tui.store import Store

pytestmark = pytest.mark.anyio
SIZE = (120, 40)
SMALL = (120, 16)  # a short reader, so far paragraphs start off screen

FILLER = (
    "The river rose again overnight and the ferry landing stayed closed while crews cleared "
    "the debris that had piled up against the old pilings near the harbour wall."
)
RIVER_PARAGRAPHS = [
    "Ingrid Salo toured the flooded quay with engineers from the Northern Shipping Company.",
    "The quay was first flooded in 1999, when the river broke its banks.",
    *[f"{FILLER} ({n})" for n in range(2, 12)],
    "Locals remember the floods of the 1990s as the worst in living memory.",
    *[f"{FILLER} ({n})" for n in range(13, 22)],
    "Salo said on Monday that the quay would reopen before winter.",
    "The council meets again next month.",
]


def river_article() -> Article:
    """A long analyzed article naming Ingrid Salo (as "Salo" too) at its start and near its end."""
    paragraphs = RIVER_PARAGRAPHS
    return Article(
        id="river0000005",
        title="Flooded quay to reopen before winter, Salo says",
        paragraphs=list(paragraphs),
        kinds=["p"] * len(paragraphs),
        source="Lakeport Gazette",
        published=PublishedDate("2025-11-20", "day", "metadata"),
        entities=[
            _entity(paragraphs, "Ingrid Salo", "PERSON", "Salo"),
            _entity(paragraphs, "Northern Shipping Company", "ORGANIZATION"),
        ],
        timeline=[
            _event(paragraphs, "1999", "year", "1999"),
            _event(paragraphs, "199", "decade", "the 1990s"),
            _event(paragraphs, "2025-11-17", "day", "Monday"),
        ],
        analyzed=True,
        read=True,
        origin="tests",
        added="2025-11-20T09:00:00.000000+00:00",
    )


@pytest.fixture
def linked_store(tmp_path: Path) -> Store:
    """The three samples plus the river article, which shares two entities with the ferry one."""
    store = Store(tmp_path / "linked.json")
    store.add_many([*sample_articles(), river_article()])
    return store


def styled_words(text: Text, style: Style) -> list[str]:
    """The pieces of `text` that carry exactly `style` somewhere in their spans."""
    return [text.plain[s.start : s.end] for s in text.spans if s.style == style]


def mention_styles(view: ArticleView) -> tuple[Style, Style]:
    styles = view._span_styles()
    return styles["·mention"], styles["·current"]


async def focus_entities(pilot, app) -> EntityPanel:
    """Tab to the Entities panel (list → reader → panel) and return it."""
    await pilot.press("tab", "tab")
    panel = app.screen.query_one(EntityPanel)
    assert app.focused is panel
    return panel


async def test_panel_rows_group_entities_and_count_other_articles(linked_store: Store) -> None:
    app = build_app(linked_store, open_id="ferry0000001")
    async with app.run_test(size=SIZE) as pilot:
        panel = app.screen.query_one(EntityPanel)
        await wait_until(pilot, lambda: bool(panel.elsewhere))
        rows = {row.entity.name: "\n".join(panel.row_lines(row)) for row in panel.rows()}
        assert "in 1 other article" in rows["Ingrid Salo"]
        assert "in 1 other article" in rows["Northern Shipping Company"]
        assert "other article" not in rows["Harbour Festival"]
        # Group headings are rows the cursor skips: it starts on the first entity.
        assert panel.highlighted_entity is not None
        assert panel.highlighted_entity.name == "Ingrid Salo"


async def test_highlighting_an_entity_marks_all_its_mentions(linked_store: Store) -> None:
    app = build_app(linked_store, open_id="ferry0000001")
    async with app.run_test(size=SIZE) as pilot:
        view = app.screen.query_one(ArticleView)
        assert view.highlighted_entity is None  # nothing marked until the panel is used
        await focus_entities(pilot, app)
        await pilot.pause()
        mention, _ = mention_styles(view)
        assert view.highlighted_entity is not None and view.highlighted_entity.name == "Ingrid Salo"
        marked = {
            block.paragraph: styled_words(block.text, mention)
            for block in view.blocks
            if block.paragraph is not None
        }
        assert marked[1] == ["Ingrid Salo"] and marked[2] == ["Salo"]
        assert not marked[0]  # "Lakeport", another entity, keeps only its tint
        await pilot.press("j")  # next entity: Northern Shipping Company
        await pilot.pause()
        assert view.highlighted_entity.name == "Northern Shipping Company"
        marked = {
            block.paragraph: styled_words(block.text, mention)
            for block in view.blocks
            if block.paragraph is not None
        }
        assert marked[6] == ["Northern Shipping Company"] and not marked[1]


async def test_n_and_shift_n_jump_between_mentions_and_scroll_to_them(linked_store: Store) -> None:
    app = build_app(linked_store, open_id="river0000005")
    async with app.run_test(size=SMALL) as pilot:
        view = app.screen.query_one(ArticleView)
        await focus_entities(pilot, app)
        _, current = mention_styles(view)
        last_index = len(RIVER_PARAGRAPHS) - 2
        assert view.paragraph_text(last_index) is not None
        assert last_index not in view.paragraphs_on_screen()

        await pilot.press("n")  # first mention: paragraph 0
        await pilot.pause()
        assert styled_words(view.paragraph_text(0), current) == ["Ingrid Salo"]
        await pilot.press("n")  # second: "Salo" near the end, scrolled into view
        await pilot.pause()
        assert styled_words(view.paragraph_text(last_index), current) == ["Salo"]
        assert not styled_words(view.paragraph_text(0), current)
        assert last_index in view.paragraphs_on_screen()
        assert 0 not in view.paragraphs_on_screen()

        await pilot.press("N")  # back to the first, and the reader follows
        await pilot.pause()
        assert styled_words(view.paragraph_text(0), current) == ["Ingrid Salo"]
        assert 0 in view.paragraphs_on_screen()

        await pilot.press("shift+tab", "N")  # the keys work in the reader too (wrapping around)
        await pilot.pause()
        assert app.focused is view
        assert styled_words(view.paragraph_text(last_index), current) == ["Salo"]


async def test_n_does_nothing_in_the_reader_without_a_chosen_entity(linked_store: Store) -> None:
    app = build_app(linked_store, open_id="river0000005")
    async with app.run_test(size=SMALL) as pilot:
        view = app.screen.query_one(ArticleView)
        await pilot.press("tab", "n")
        await pilot.pause()
        assert app.focused is view and view.scroll_y == 0 and view.mention_index == -1


async def test_enter_lists_the_articles_naming_the_entity_and_opens_one(
    linked_store: Store,
) -> None:
    app = build_app(linked_store, open_id="ferry0000001")
    async with app.run_test(size=SIZE) as pilot:
        await focus_entities(pilot, app)
        await pilot.press("enter")  # on Ingrid Salo
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, EntityArticlesScreen)
        assert screen.listed_ids == ["river0000005", "ferry0000001"]
        text = shown_text(screen)
        assert "2 articles naming Ingrid Salo" in text and "also Salo" in text
        await pilot.press("escape")  # back, nothing changed
        assert isinstance(app.screen, ReaderScreen)
        assert app.screen.query_one(ArticleView).article.id == "ferry0000001"

        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("enter")  # the first listed: the river article
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        assert app.screen.query_one(ArticleView).article.id == "river0000005"


async def test_alias_finds_articles_that_only_use_the_short_name(tmp_path: Path) -> None:
    # The orchard article names nobody called Salo; a third article knows her only as "Salo".
    store = Store(tmp_path / "alias.json")
    short = river_article()
    short.id, short.title = "short0000006", "Salo opens the quay"
    short.entities[0].name, short.entities[0].aliases = "Salo", []
    store.add_many([*sample_articles(), short])
    app = build_app(store, open_id="ferry0000001")
    async with app.run_test(size=SIZE) as pilot:
        await focus_entities(pilot, app)
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.listed_ids == ["short0000006", "ferry0000001"]


async def test_m_on_an_entity_opens_the_timeline_of_its_articles(linked_store: Store) -> None:
    app = build_app(linked_store, open_id="ferry0000001")
    async with app.run_test(size=SIZE) as pilot:
        await focus_entities(pilot, app)
        await pilot.press("j", "j")  # Lakeport: only in the ferry article
        await pilot.press("m")
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MergedTimelineScreen)
        assert screen.entity is not None and screen.entity.name == "Lakeport"
        assert {e.article_id for e in screen.events} == {"ferry0000001"}
        assert "articles naming Lakeport" in shown_text(screen)


async def test_help_lists_the_entity_keys(linked_store: Store) -> None:
    app = build_app(linked_store, open_id="ferry0000001")
    async with app.run_test(size=SIZE) as pilot:
        await focus_entities(pilot, app)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        text = shown_text(app.screen)
        for description in (
            "Next mention",
            "Previous mention",
            "Articles naming it",
            "Its timeline",
        ):
            assert description in text
        await pilot.press("escape", "tab", "question_mark")  # from the article list
        assert "Merged timeline" in shown_text(app.screen)


def test_entity_articles_snapshot(snap_compare, tmp_path: Path) -> None:
    store = Store(tmp_path / "snap.json")
    store.add_many([*sample_articles(), river_article()])
    app = build_app(store, open_id="ferry0000001")

    async def open_it(pilot) -> None:
        def counted() -> bool:  # the "in N other articles" counts have arrived
            panels = pilot.app.screen.query(EntityPanel)
            return bool(panels) and bool(panels.first().elsewhere)

        await wait_until(pilot, counted)
        await pilot.press("tab", "tab", "enter")
        await pilot.pause()

    assert snap_compare(app, terminal_size=(120, 40), run_before=open_it)


async def test_cursor_keys_in_the_entity_articles_list(linked_store: Store) -> None:
    app = build_app(linked_store, open_id="ferry0000001")
    async with app.run_test(size=SIZE) as pilot:
        panel = await focus_entities(pilot, app)
        await pilot.press("end")
        assert panel.highlighted_entity.name == "Harbour Festival"
        await pilot.press("home", "enter")
        await pilot.pause()
        options = app.screen.query_one("#entity-articles-list")
        assert options.highlighted == 0
        await pilot.press("j")
        assert options.highlighted == 1
        await pilot.press("k")
        assert options.highlighted == 0
        await pilot.press("j", "enter")  # the open article: nothing to reload
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        assert app.screen.query_one(ArticleView).article.id == "ferry0000001"


async def test_a_mention_deep_in_a_long_paragraph_is_scrolled_into_view(tmp_path: Path) -> None:
    paragraphs = ["Ingrid Salo spoke first.", " ".join([FILLER] * 6) + " Salo agreed at last."]
    article = river_article()
    article.id, article.paragraphs, article.kinds = "long00000007", paragraphs, ["p", "p"]
    article.entities = [_entity(paragraphs, "Ingrid Salo", "PERSON", "Salo")]
    article.timeline = []
    store = Store(tmp_path / "long.json")
    store.add_many([article])
    app = build_app(store, open_id="long00000007")
    async with app.run_test(size=SMALL) as pilot:
        view = app.screen.query_one(ArticleView)
        await focus_entities(pilot, app)
        await pilot.press("n", "n")
        await pilot.pause()
        top, bottom = view.line_showing(1, 0), view.line_showing(1, len(paragraphs[1]) - 1)
        height = view.scrollable_content_region.height
        assert bottom - top + 1 > height  # taller than the reader
        line = view.line_showing(1, paragraphs[1].rindex("Salo"))
        assert view.scroll_y <= line < view.scroll_y + height
        assert line > top + height  # not merely the paragraph's top
