"""The reader: headline, byline, captions and the body, entity mentions tinted by type."""

from __future__ import annotations

from typing import ClassVar

from rich.style import Style
from rich.table import Table
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.reactive import reactive
from textual.widgets import Static

from tui.app.rendering import Block, article_blocks, byline, foreground, safe_text
from tui.model import Article

# Entity types that get a tint; each has a component class `article-view--<type>` in app.tcss.
TINTED_TYPES = ("PERSON", "ORGANIZATION", "PLACE", "GROUP", "EVENT")


class ArticleView(VerticalScroll):
    """Shows one article; the screen sets `article` and the view recomposes."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "scroll_down", "Scroll down", show=False),
        Binding("k", "scroll_up", "Scroll up", show=False),
        Binding("space", "page_down", "Page down", show=False),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {f"article-view--{t.lower()}" for t in TINTED_TYPES}

    article: reactive[Article | None] = reactive(None, recompose=True)
    """The article shown, or None for the "nothing open" hint."""

    def entity_styles(self) -> dict[str, Style]:
        """The tint for each entity type, read from app.tcss."""
        get = self.get_component_rich_style
        return {t: foreground(get(f"article-view--{t.lower()}")) for t in TINTED_TYPES}

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
        for block, after in zip(blocks, [*blocks[1:], None], strict=True):
            widget = self._block(block)
            if block.kind == "li" and (after is None or after.kind != "li"):
                widget.add_class("-last")  # space after a list, none between its items
            yield widget

    @staticmethod
    def _block(block: Block) -> Static:
        """One body block as a Static; its class (`-lead`, `-h`, `-quote`, `-li`...) styles it."""
        if block.kind == "li":
            bullet = Table.grid(padding=(0, 1))
            bullet.add_column(width=1, no_wrap=True)
            bullet.add_column(ratio=1)
            bullet.add_row("•", block.text)
            return Static(bullet, classes="block -li")
        return Static(block.text, classes=f"block -{block.kind}")

    def watch_article(self) -> None:
        self.scroll_home(animate=False)
