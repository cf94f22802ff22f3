"""The reader: headline, byline, captions and the body, entity mentions tinted by type.

A `PageView`: the article's blocks (`reader_page`) are wrapped and drawn line by line.

The screen can mark one entity's mentions (`highlighted_entity`, then `jump_mention` with n/N), find
words (`find`), and bring a paragraph into view (`locate`); the view reports which paragraphs are on
screen as it scrolls, and comes back to where each article was left. Text can be selected with the
mouse and copied.
"""

from __future__ import annotations

from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.reactive import reactive

from tui.app.reader_layout import (
    LineLook,
    PageLine,
)
from tui.app.reader_page import (
    PLACEHOLDER,
    STYLED_KINDS,
    TINTED_TYPES,
    Marks,
    PageStyles,
    entity_styles,
    page_blocks,
    page_matches,
    page_styles,
    span_styles,
)
from tui.app.rendering import Block, foreground
from tui.app.widgets.page_view import PageView
from tui.model import Article, Entity, Mention
from tui.sanitize import clean_terminal_text

# How long a located paragraph stays marked, in seconds.
LOCATE_FLASH_S = 2.0


class ArticleView(PageView):
    """Shows one article; the screen sets `article` and the view lays the page out again."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "scroll_down", "Scroll down", show=False),
        Binding("k", "scroll_up", "Scroll up", show=False),
        Binding("space", "page_down", "Page down", show=False),
        Binding("n", "jump_mention(1)", "Next mention"),
        Binding("N", "jump_mention(-1)", "Previous mention", key_display="N"),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        *(f"article-view--{t.lower()}" for t in TINTED_TYPES),
        *(f"article-view--{kind}" for kind in STYLED_KINDS),
        "article-view--caption-bar",
        "article-view--quote-bar",
        "article-view--mention",
        "article-view--current-mention",
        "article-view--located",
        "article-view--match",
        "article-view--current-match",
        "article-view--link",
    }

    article: reactive[Article | None] = reactive(None, always_update=True)
    """The article shown, or None for the "nothing open" hint."""

    placeholder: reactive[str] = reactive(PLACEHOLDER, init=False)
    """The hint when no article is open (the screen sets how to add one, for an empty store)."""

    highlighted_entity: reactive[Entity | None] = reactive(None, init=False)
    """The entity whose mentions are marked in the text (set by the screen)."""

    mention_index: reactive[int] = reactive(-1, init=False)
    """Which of the highlighted entity's mentions `n`/`N` last reached (-1: none yet)."""

    class ParagraphsShown(Message):
        """The paragraphs (article indices) at least partly on screen changed."""

        def __init__(self, paragraphs: frozenset[int]) -> None:
            super().__init__()
            self.paragraphs = paragraphs

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._styles_seen: PageStyles | None = None
        self._shown: frozenset[int] = frozenset()  # nothing shown: nothing to report yet
        self._located: int | None = None  # the block flashed by `locate`
        self._pending_locate: int | None = None
        self.matches: list[tuple[int, int, int]] = []
        """Where the last `find` matched: (block, start, end)."""
        self.match_at = 0
        """Which match is the current one."""
        self._positions: dict[str, float] = {}
        """Each article's scroll position, to come back to where it was left."""
        self._remembered: Article | None = None
        """The article whose scroll position is recorded (not yet the one just set)."""

    # -- styles -------------------------------------------------------------------------------

    def entity_styles(self) -> dict[str, Style]:
        """The tint for each entity type, read from app.tcss."""
        return entity_styles(self.get_component_rich_style)

    def _span_styles(self) -> dict[str, Style]:
        """Type tints plus the marks for the highlighted entity (these keep their background)."""
        return span_styles(self.get_component_rich_style)

    def page_styles(self) -> PageStyles:
        """Every style of the page, read from app.tcss."""
        return page_styles(self.get_component_rich_style)

    def on_mount(self) -> None:
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self._restyle_if_changed())

    def notify_style_update(self) -> None:
        super().notify_style_update()
        if self.is_mounted and self._styles_seen is not None:
            self.call_later(self._restyle_if_changed)  # a focus change may restyle the page

    def _restyle_if_changed(self) -> None:
        """Build the page again when its styles changed (another theme: the tints are baked in)."""
        if self._styles_seen is not None and self.page_styles() != self._styles_seen:
            self._rebuild()

    # -- the page -----------------------------------------------------------------------------

    def _page_blocks(self) -> list[Block]:
        """The article as blocks: headline, byline, captions, then the body with every mark."""
        self._styles_seen = styles = self.page_styles()
        marks = Marks(self._mentions(), self.mention_index, self.matches, self.match_at)
        return page_blocks(self.article, styles, marks, self.placeholder)

    def watch_placeholder(self) -> None:
        if self.article is None:
            self._rebuild()

    def watch_article(self, old: Article | None, new: Article | None) -> None:
        same = old is not None and new is not None and old.id == new.id
        if not same:  # a re-analysis of the open article keeps the reader where it was
            self.scroll_to(y=0, animate=False, immediate=True)
        self.set_reactive(ArticleView.highlighted_entity, None)
        self.set_reactive(ArticleView.mention_index, -1)
        self.matches, self.match_at, self._located = [], 0, None
        self._rebuild()
        # Also when the same article comes back analyzed: the reader stays where it was.
        self._remembered = new
        self.border_subtitle = ""
        y = self._positions.get(new.id, 0.0) if new is not None else 0.0
        if new is not None and y:
            self.call_after_refresh(self._restore_scroll, new, y)

    # -- the scroll position of each article --------------------------------------------------

    def _restore_scroll(self, article: Article, y: float, tries: int = 10) -> None:
        if self.article is not article:
            return  # another article was opened meanwhile
        if self.max_scroll_y < y and tries > 0:
            # The reader has no size yet (it lays the page out on its first resize): try again.
            self.call_after_refresh(self._restore_scroll, article, y, tries - 1)
            return
        self.scroll_to(y=y, animate=False, immediate=True)
        self._positions[article.id] = self.scroll_y

    def _after_layout(self) -> None:
        """Once the lines exist: go where asked, and say what is on screen."""
        if self._pending_locate is not None:
            paragraph, self._pending_locate = self._pending_locate, None
            self.locate(paragraph)
        self._report_shown()
        super()._after_layout()

    def line_look(self, line: PageLine) -> LineLook:
        """A line's styles: a located paragraph's fill, and its block's bar (captions, quotes)."""
        base = self.rich_style
        get = self.get_component_rich_style
        located = line.block >= 0 and line.block == self._located
        kind = self._blocks[line.block].kind if line.block >= 0 else ""
        return LineLook(
            base=base,
            fill=base + get("article-view--located") if located else base,
            bar=foreground(get(f"article-view--{kind}-bar", default=Style())),
            selected=self.screen.get_component_rich_style("screen--selection"),
        )

    # -- the highlighted entity ---------------------------------------------------------------

    def _mentions(self) -> list[Mention]:
        """The highlighted entity's mentions in reading order."""
        entity = self.highlighted_entity
        if entity is None:
            return []
        return sorted(entity.mentions, key=lambda m: (m.paragraph, m.start))

    def paragraph_text(self, paragraph: int) -> Text | None:
        """The text drawn for an article paragraph (marks included), if it is on the page."""
        block = self._block_of(paragraph)
        return self._blocks[block].text if block is not None else None

    def watch_highlighted_entity(self) -> None:
        self.set_reactive(ArticleView.mention_index, -1)
        self._rebuild()

    def watch_mention_index(self) -> None:
        self._rebuild()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """n/N only act with an entity chosen; otherwise the key goes on to the screen."""
        if action == "jump_mention":
            return bool(self._mentions())
        return True

    def action_jump_mention(self, step: int) -> None:
        """Scroll to the next (or previous) mention of the highlighted entity and mark it."""
        self.jump_mention(step)

    def jump_mention(self, step: int) -> Mention | None:
        """Move the current mention by `step` (wrapping around) and bring it into view."""
        mentions = self._mentions()
        if not mentions:
            return None
        if self.mention_index < 0:
            index = 0 if step > 0 else len(mentions) - 1
        else:
            index = (self.mention_index + step) % len(mentions)
        self.mention_index = index
        mention = mentions[index]
        block = self._block_of(mention.paragraph)
        if block is not None:
            self._center_on(self._line_of(block, mention.start))
        return mention

    # -- find in the article ------------------------------------------------------------------

    def find(self, query: str) -> int:
        """Mark every match of `query` (case-insensitive) and bring the first into view."""
        self.matches = page_matches(self._blocks, query)
        self.match_at = 0
        self._show_match()
        return len(self.matches)

    def show_find_status(self, query: str) -> None:
        """The query and the current match in the bottom border (nothing without matches)."""
        if not self.matches:
            self.border_subtitle = ""
            return
        shown = clean_terminal_text(query)
        self.border_subtitle = f"“{shown}” {self.match_at + 1}/{len(self.matches)} · ctrl+g next"

    def next_match(self) -> None:
        """Make the next match (wrapping around) the current one."""
        if self.matches:
            self.match_at = (self.match_at + 1) % len(self.matches)
            self._show_match()

    def _show_match(self) -> None:
        self._rebuild()
        if self.matches:
            block, start, _ = self.matches[self.match_at]
            self._center_on(self._line_of(block, start))

    # -- locating paragraphs and reporting what is on screen ----------------------------------

    @property
    def located_paragraph(self) -> int | None:
        """The paragraph `locate` marked, while it stays marked."""
        return self._blocks[self._located].paragraph if self._located is not None else None

    def locate(self, paragraph: int, *, when_ready: bool = False) -> None:
        """Scroll a paragraph into view and flash it; `when_ready` waits for the next article."""
        if when_ready:
            self._pending_locate = paragraph
            return
        block = self._block_of(paragraph)
        if block is None:
            return
        self._located = block
        self.scroll_to(y=self._line_of(block, 0), animate=False, immediate=True)
        self._redraw()
        self.set_timer(LOCATE_FLASH_S, lambda: self._end_flash(block))

    def _end_flash(self, block: int) -> None:
        if self._located == block:
            self._located = None
            self._redraw()

    def paragraphs_on_screen(self) -> frozenset[int]:
        """Article indices of the body paragraphs at least partly inside the visible window."""
        top = round(self.scroll_y)
        window = self._lines[top : top + self.scrollable_content_region.height]
        shown = {self._blocks[line.block].paragraph for line in window if line.block >= 0}
        return frozenset(p for p in shown if p is not None)

    def _report_shown(self) -> None:
        shown = self.paragraphs_on_screen()
        if shown != self._shown:
            self._shown = shown
            self.post_message(self.ParagraphsShown(shown))

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        # The view resets its scroll when its article changes: only record for the one shown.
        if self.article is not None and self.article is self._remembered:
            self._positions[self.article.id] = new_value
        if round(old_value) != round(new_value):
            self._report_shown()
