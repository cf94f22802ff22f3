"""The reader: headline, byline, captions and the body, entity mentions tinted by type.

The screen can mark one entity's mentions (`highlighted_entity`, then `jump_mention` with n/N) and
bring a paragraph into view (`locate`); the view reports which paragraphs are on screen as it scrolls.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from rich.console import RenderableType
from rich.style import Style
from rich.table import Table
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.geometry import Region
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Static

from tui.app.rendering import article_blocks, byline, foreground, safe_text, tinted_paragraph
from tui.model import Article, Entity, Mention
from tui.sanitize import clean_terminal_text

# Entity types that get a tint; each has a component class `article-view--<type>` in app.tcss.
TINTED_TYPES = ("PERSON", "ORGANIZATION", "PLACE", "GROUP", "EVENT")
# Span kinds for the highlighted entity's mentions, styled on top of the type tint.
MENTION, CURRENT = "·mention", "·current"
# How long a located paragraph stays marked, in seconds.
LOCATE_FLASH_S = 2.0


class BodyBlock(Static):
    """One body paragraph of the reader, knowing which paragraph of the article it shows."""

    def __init__(self, paragraph: int, kind: str, text: Text) -> None:
        super().__init__(self.renderable_for(kind, text), classes=f"block -{kind}")
        self.paragraph = paragraph
        self.kind = kind
        self.text = text
        """The paragraph's styled text (a list item shows it beside a bullet)."""

    class LaidOut(Message):
        """The block got its size: the screen's layout now knows where it is."""

    def on_resize(self) -> None:
        self.post_message(self.LaidOut())

    def line_of(self, offset: int) -> int:
        """Which wrapped line of the block (from its top) shows character `offset`."""
        if self.kind == "li":
            return 0  # list items are short; their bullet column changes the wrapping
        width = self.content_region.width
        if width <= 0:
            return 0
        consumed = 0
        for number, line in enumerate(Content.from_rich_text(self.text).wrap(width)):
            consumed += len(line.plain) + 1  # the space (or newline) the wrap swallowed
            if offset < consumed:
                return number
        return 0

    def show(self, text: Text) -> None:
        """Redraw with new marks."""
        self.text = text
        self.update(self.renderable_for(self.kind, text))

    @staticmethod
    def renderable_for(kind: str, text: Text) -> RenderableType:
        """A list item gets a hanging bullet; every other block is its text."""
        if kind != "li":
            return text
        bullet = Table.grid(padding=(0, 1))
        bullet.add_column(width=1, no_wrap=True)
        bullet.add_column(ratio=1)
        bullet.add_row("•", text)
        return bullet


class ArticleView(VerticalScroll):
    """Shows one article; the screen sets `article` and the view recomposes."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "scroll_down", "Scroll down", show=False),
        Binding("k", "scroll_up", "Scroll up", show=False),
        Binding("space", "page_down", "Page down", show=False),
        Binding("n", "jump_mention(1)", "Next mention"),
        Binding("N", "jump_mention(-1)", "Previous mention", key_display="N"),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        *(f"article-view--{t.lower()}" for t in TINTED_TYPES),
        "article-view--mention",
        "article-view--current-mention",
    }

    article: reactive[Article | None] = reactive(None, recompose=True)
    """The article shown, or None for the "nothing open" hint."""

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
        self._shown: frozenset[int] = frozenset()  # nothing shown: nothing to report yet
        self._pending_locate: int | None = None
        self._keep_scroll: float | None = None
        self._settling = False
        self._painted_callbacks: list[Callable[[], None]] = []

    def when_painted(self, callback: Callable[[], None]) -> None:
        """Call `callback` once the article just set is laid out and drawn (say, to start work
        that would hold the GIL only after the reader shows the text)."""
        self._painted_callbacks.append(callback)

    def entity_styles(self) -> dict[str, Style]:
        """The tint for each entity type, read from app.tcss."""
        get = self.get_component_rich_style
        return {t: foreground(get(f"article-view--{t.lower()}")) for t in TINTED_TYPES}

    def _span_styles(self) -> dict[str, Style]:
        """Type tints plus the marks for the highlighted entity (these keep their background)."""
        get = self.get_component_rich_style
        return {
            **self.entity_styles(),
            MENTION: get("article-view--mention"),
            CURRENT: get("article-view--current-mention"),
        }

    # -- composing ----------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        article = self.article
        if article is None:
            yield Static(
                "Choose an article in the list (↑/↓ or j/k) and press Enter to read it.",
                classes="placeholder",
                markup=False,
            )
            return
        yield Static(safe_text(article.title), classes="headline")
        line = byline(article)
        if line.plain:
            yield Static(line, classes="byline")
        for caption in article.captions:
            yield Static(safe_text(caption.text), classes="caption")
            if caption.credit:
                yield Static(safe_text(caption.credit), classes="credit")
        blocks = article_blocks(article, self.entity_styles())
        # article_blocks skips paragraphs that are blank once cleaned; the rest map one to one.
        indices = [i for i, p in enumerate(article.paragraphs) if clean_terminal_text(p).strip()]
        for position, (index, block) in enumerate(zip(indices, blocks, strict=False)):
            widget = BodyBlock(index, block.kind, self._paragraph_text(index))
            after = blocks[position + 1] if position + 1 < len(blocks) else None
            if block.kind == "li" and (after is None or after.kind != "li"):
                widget.add_class("-last")  # space after a list, none between its items
            yield widget

    def watch_article(self, old: Article | None, new: Article | None) -> None:
        same = old is not None and new is not None and old.id == new.id
        # A re-analysis of the open article keeps the reader where it was.
        self._keep_scroll = self.scroll_y if same else None
        self.set_reactive(ArticleView.highlighted_entity, None)
        self.set_reactive(ArticleView.mention_index, -1)
        if not same:
            self.scroll_home(animate=False)

    async def recompose(self) -> None:
        await super().recompose()
        if not self.query(BodyBlock):
            self._after_layout()
        # Otherwise wait for the blocks' first layout (BodyBlock.LaidOut): scrolling needs it.

    @on(BodyBlock.LaidOut)
    def _block_laid_out(self, message: BodyBlock.LaidOut) -> None:
        message.stop()
        if not self._settling:
            self._settling = True
            self.call_later(self._after_layout)

    def _after_layout(self) -> None:
        """Once the blocks have their places: go where asked, and say what is on screen."""
        self._settling = False
        if self._pending_locate is not None:
            paragraph, self._pending_locate = self._pending_locate, None
            self.locate(paragraph)
        elif self._keep_scroll is not None:
            self.scroll_to(y=self._keep_scroll, animate=False, immediate=True)
        self._keep_scroll = None
        self._report_shown()
        if self._painted_callbacks:
            callbacks, self._painted_callbacks = self._painted_callbacks, []
            self.call_after_refresh(lambda: [callback() for callback in callbacks])

    # -- the highlighted entity ---------------------------------------------------------------

    def _mentions(self) -> list[Mention]:
        """The highlighted entity's mentions in reading order."""
        entity = self.highlighted_entity
        if entity is None:
            return []
        return sorted(entity.mentions, key=lambda m: (m.paragraph, m.start))

    def _paragraph_text(self, index: int) -> Text:
        """One paragraph, tinted by entity type, the highlighted entity's mentions marked."""
        assert self.article is not None
        spans = [
            (m.start, m.end, entity.type)
            for entity in self.article.entities
            for m in entity.mentions
            if m.paragraph == index
        ]
        for number, mention in enumerate(self._mentions()):
            if mention.paragraph == index:
                kind = CURRENT if number == self.mention_index else MENTION
                spans.append((mention.start, mention.end, kind))
        return tinted_paragraph(self.article.paragraphs[index], spans, self._span_styles())

    def _restyle(self) -> None:
        """Redraw every body paragraph with the current marks."""
        if self.article is None:
            return
        for block in self.query(BodyBlock):
            block.show(self._paragraph_text(block.paragraph))

    def watch_highlighted_entity(self) -> None:
        self.set_reactive(ArticleView.mention_index, -1)
        self._restyle()

    def watch_mention_index(self) -> None:
        self._restyle()

    def block_for(self, paragraph: int) -> BodyBlock | None:
        """The widget showing an article paragraph, if it is shown."""
        return next((b for b in self.query(BodyBlock) if b.paragraph == paragraph), None)

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
        block = self.block_for(mention.paragraph)
        if block is not None:
            line = block.line_of(mention.start)
            region = block.virtual_region
            target = region.y + line - self.scrollable_content_region.height // 2
            self.scroll_to(y=max(target, 0), animate=False, immediate=True)
        return mention

    # -- locating paragraphs and reporting what is on screen ----------------------------------

    def locate(self, paragraph: int, *, when_ready: bool = False) -> None:
        """Scroll a paragraph into view and flash it; `when_ready` waits for the next compose."""
        if when_ready:
            self._pending_locate = paragraph
            return
        block = self.block_for(paragraph)
        if block is None:
            return
        for other in self.query(".-located"):
            other.remove_class("-located")
        block.add_class("-located")
        self.scroll_to_widget(block, animate=False, top=True, immediate=True)
        self.set_timer(LOCATE_FLASH_S, lambda: block.remove_class("-located"))

    def paragraphs_on_screen(self) -> frozenset[int]:
        """Article indices of the body paragraphs at least partly inside the visible window."""
        window = Region(0, round(self.scroll_y), 10_000, self.scrollable_content_region.height)
        shown = set()
        for block in self.query(BodyBlock):
            region = block.virtual_region
            if region.height and window.y < region.bottom and region.y < window.bottom:
                shown.add(block.paragraph)
        return frozenset(shown)

    def _report_shown(self) -> None:
        shown = self.paragraphs_on_screen()
        if shown != self._shown:
            self._shown = shown
            self.post_message(self.ParagraphsShown(shown))

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        if round(old_value) != round(new_value):
            self._report_shown()

    def on_resize(self) -> None:
        self.call_later(self._report_shown)
