"""The reader: headline, byline, captions and the body, entity mentions tinted by type.

Drawn line by line (Textual's line API): the page is a list of wrapped lines (`reader_layout`), so
opening an article builds that list and repaints one widget, instead of mounting a widget per
paragraph and laying the screen out again (that took ~80 ms of every opening).

The screen can mark one entity's mentions (`highlighted_entity`, then `jump_mention` with n/N), find
words (`find`), and bring a paragraph into view (`locate`); the view reports which paragraphs are on
screen as it scrolls. Text can be selected with the mouse and copied.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.selection import Selection
from textual.strip import Strip

from tui.app.reader_layout import LineLook, PageLine, draw_line, layout_page, selected_text
from tui.app.reader_page import CURRENT, MENTION, PLACEHOLDER, Marks, PageStyles, page_blocks
from tui.app.rendering import LINK, Block, find_spans, foreground
from tui.model import Article, Entity, Mention

# Entity types that get a tint; each has a component class `article-view--<type>` in app.tcss.
TINTED_TYPES = ("PERSON", "ORGANIZATION", "PLACE", "GROUP", "EVENT")
# Block kinds with a style of their own (`article-view--<kind>` in app.tcss).
STYLED_KINDS = ("placeholder", "headline", "byline", "caption", "credit", "lead", "h", "quote")
# How long a located paragraph stays marked, in seconds.
LOCATE_FLASH_S = 2.0
# The measure: lines of at most this many cells, centred in wider panes.
MEASURE = 90


class ArticleView(ScrollView, can_focus=True):
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
        self._blocks: list[Block] = []  # the page's blocks, marks included
        self._lines: list[PageLine] = []  # `_blocks` wrapped to `_laid_width`
        self._laid_width = 0
        self._strips: dict[int, Strip] = {}  # drawn lines by line number
        self._styles_seen: PageStyles | None = None
        self._shown: frozenset[int] = frozenset()  # nothing shown: nothing to report yet
        self._located: int | None = None  # the block flashed by `locate`
        self._pending_locate: int | None = None
        self._painted_callbacks: list[Callable[[], None]] = []
        self.matches: list[tuple[int, int, int]] = []
        """Where the last `find` matched: (block, start, end)."""
        self.match_at = 0
        """Which match is the current one."""

    def when_painted(self, callback: Callable[[], None]) -> None:
        """Call `callback` once the article just set is drawn (say, to start work that would hold
        the GIL only after the reader shows the text)."""
        if self._laid_width:  # laid out already (setting `article` does it at once when sized)
            self.call_after_refresh(callback)  # so the next refresh draws it
        else:
            self._painted_callbacks.append(callback)  # `_after_layout` hands it on

    # -- styles -------------------------------------------------------------------------------

    def entity_styles(self) -> dict[str, Style]:
        """The tint for each entity type, read from app.tcss."""
        get = self.get_component_rich_style
        return {t: foreground(get(f"article-view--{t.lower()}")) for t in TINTED_TYPES}

    def _span_styles(self) -> dict[str, Style]:
        """Type tints plus the marks for the highlighted entity (these keep their background)."""
        get = self.get_component_rich_style
        return {
            **self.entity_styles(),
            LINK: foreground(get("article-view--link")),
            MENTION: get("article-view--mention"),
            CURRENT: get("article-view--current-mention"),
        }

    def page_styles(self) -> PageStyles:
        """Every style of the page, read from app.tcss."""
        get = self.get_component_rich_style
        return PageStyles(
            kinds={kind: foreground(get(f"article-view--{kind}")) for kind in STYLED_KINDS},
            spans=self._span_styles(),
            match=get("article-view--match"),
            current_match=get("article-view--current-match"),
        )

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

    def _rebuild(self) -> None:
        """Build the page's blocks again (new article or new marks) and lay them out."""
        self._blocks = self._page_blocks()
        self._laid_width = 0
        self._lay_out()

    def _lay_out(self) -> None:
        """Wrap the blocks to the current width, keeping the top line's words on top."""
        width = self.scrollable_content_region.width
        if width <= 0:
            return  # not laid out yet: `on_resize` comes
        measure = min(MEASURE, width)
        if measure != self._laid_width:
            anchor = self._top_position()
            self._lines = layout_page(self._blocks, measure, self.app.console)
            self._laid_width = measure
            self.virtual_size = Size(width, len(self._lines))
            if anchor is not None:
                self.scroll_to(y=self._line_of(*anchor), animate=False, immediate=True)
        self._redraw()
        self._after_layout()

    def _top_position(self) -> tuple[int, int] | None:
        """The block and character at the top of the view, to keep there across a re-wrap."""
        top = round(self.scroll_y)
        if not self._lines or top <= 0 or top >= len(self._lines):
            return None
        line = self._lines[top]
        return (line.block, line.start) if line.block >= 0 else None

    def _line_of(self, block: int, offset: int) -> int:
        """The line showing character `offset` of block number `block` (its first line if none)."""
        first = None
        for number, line in enumerate(self._lines):
            if line.block != block:
                continue
            if first is None:
                first = number
            if line.text.plain and line.start <= offset < line.end:
                return number
        return first or 0

    def on_resize(self) -> None:
        self._lay_out()

    def watch_article(self, old: Article | None, new: Article | None) -> None:
        same = old is not None and new is not None and old.id == new.id
        if not same:  # a re-analysis of the open article keeps the reader where it was
            self.scroll_to(y=0, animate=False, immediate=True)
        self.set_reactive(ArticleView.highlighted_entity, None)
        self.set_reactive(ArticleView.mention_index, -1)
        self.matches, self.match_at, self._located = [], 0, None
        self._rebuild()

    def _after_layout(self) -> None:
        """Once the lines exist: go where asked, and say what is on screen."""
        if self._pending_locate is not None:
            paragraph, self._pending_locate = self._pending_locate, None
            self.locate(paragraph)
        self._report_shown()
        if self._painted_callbacks:
            callbacks, self._painted_callbacks = self._painted_callbacks, []
            self.call_after_refresh(lambda: [callback() for callback in callbacks])

    # -- drawing ------------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        number = round(self.scroll_y) + y
        if number >= len(self._lines) or width <= 0:
            return Strip.blank(width, self.rich_style)
        strip = self._strips.get(number)
        if strip is None or strip.cell_length != width:
            strip = self._strips[number] = self._draw(number, width)
        return strip

    def _draw(self, number: int, width: int) -> Strip:
        """One line of the page, centred, with its marks and the selection."""
        line = self._lines[number]
        base = self.rich_style
        get = self.get_component_rich_style
        located = line.block >= 0 and line.block == self._located
        kind = self._blocks[line.block].kind if line.block >= 0 else ""
        selection = self.text_selection
        span = selection.get_span(number) if selection is not None else None
        return draw_line(
            line,
            number,
            LineLook(
                base=base,
                fill=base + get("article-view--located") if located else base,
                bar=foreground(get(f"article-view--{kind}-bar", default=Style())),
                selected=self.screen.get_component_rich_style("screen--selection"),
            ),
            margin=max((width - self._laid_width) // 2, 0),
            measure=self._laid_width,
            width=width,
            selected=span,
            console=self.app.console,
        )

    def _redraw(self) -> None:
        """Draw every line again (the lines are the same; their marks or the selection are not)."""
        self._strips.clear()
        self.refresh()

    def selection_updated(self, selection: Selection | None) -> None:
        self._redraw()

    def get_selection(self, selection: Selection) -> tuple[str, str] | None:
        """The selected words, each paragraph whole again (lines joined as they were wrapped)."""
        text = selected_text(self._lines, self._blocks, selection.get_span)
        return (text, "\n") if text else None

    def plain_lines(self) -> list[str]:
        """Every line of the page as plain text (bars and bullets too), for tests and tools."""
        return [line.plain for line in self._lines]

    @property
    def page_lines(self) -> list[PageLine]:
        """The lines of the page as laid out for the current width."""
        return list(self._lines)

    @property
    def blocks(self) -> list[Block]:
        """The blocks of the page as drawn (headline, byline, captions, body), marks included."""
        return list(self._blocks)

    def block_lines(self, kind: str) -> list[list[str]]:
        """The drawn lines of each block of a kind, as plain text (bars and bullets included)."""
        shown: dict[int, list[str]] = {}
        for line in self._lines:
            if line.block >= 0 and self._blocks[line.block].kind == kind:
                shown.setdefault(line.block, []).append(line.plain)
        return list(shown.values())

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

    def _center_on(self, line: int) -> None:
        target = line - self.scrollable_content_region.height // 2
        self.scroll_to(y=max(target, 0), animate=False, immediate=True)

    # -- find in the article ------------------------------------------------------------------

    def find(self, query: str) -> int:
        """Mark every match of `query` (case-insensitive) and bring the first into view."""
        self.matches = [
            (number, start, end)
            for number, block in enumerate(self._blocks)
            if block.kind != "placeholder"
            for start, end in find_spans(block.text.plain, query)
        ]
        self.match_at = 0
        self._show_match()
        return len(self.matches)

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

    def line_showing(self, paragraph: int, offset: int) -> int | None:
        """The line of the page that shows character `offset` of an article paragraph."""
        block = self._block_of(paragraph)
        return self._line_of(block, offset) if block is not None else None

    def _block_of(self, paragraph: int) -> int | None:
        return next((n for n, b in enumerate(self._blocks) if b.paragraph == paragraph), None)

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
        if round(old_value) != round(new_value):
            self._report_shown()
