"""The article as the reader's blocks: headline, byline, captions and body, with every mark.

Pure functions, no widgets: the reader passes in the styles it reads from app.tcss, and lays the
blocks out with `reader_layout`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from rich.style import Style
from rich.text import Text

from tui.app.rendering import Block, article_blocks, byline, safe_text, tinted_paragraph
from tui.model import Article, Mention

PLACEHOLDER = "Choose an article in the list (↑/↓ or j/k) and press Enter to read it."
# Span kinds for the highlighted entity's mentions, styled on top of the type tint.
MENTION, CURRENT = "·mention", "·current"


@dataclass(frozen=True)
class PageStyles:
    """The reader's styles, read from app.tcss by the widget."""

    kinds: Mapping[str, Style] = field(default_factory=dict)
    """Each block kind's style ("headline", "lead", "quote"…)."""
    spans: Mapping[str, Style] = field(default_factory=dict)
    """Entity type tints, plus MENTION and CURRENT for the highlighted entity."""
    match: Style = field(default_factory=Style)
    current_match: Style = field(default_factory=Style)


@dataclass(frozen=True)
class Marks:
    """What is marked on the page besides the entity tints."""

    mentions: Sequence[Mention] = ()
    """The highlighted entity's mentions, in reading order."""
    current_mention: int = -1
    matches: Sequence[tuple[int, int, int]] = ()
    """Find matches: (block number, start, end)."""
    current_match: int = 0


def _marked_paragraph(article: Article, index: int, styles: PageStyles, marks: Marks) -> Text:
    """One paragraph tinted by entity type, with the highlighted entity's mentions marked."""
    spans = [
        (m.start, m.end, entity.type)
        for entity in article.entities
        for m in entity.mentions
        if m.paragraph == index
    ]
    for number, mention in enumerate(marks.mentions):
        if mention.paragraph == index:
            spans.append(
                (
                    mention.start,
                    mention.end,
                    CURRENT if number == marks.current_mention else MENTION,
                )
            )
    return tinted_paragraph(article.paragraphs[index], spans, styles.spans)


def page_blocks(article: Article | None, styles: PageStyles, marks: Marks = Marks()) -> list[Block]:
    """The article as blocks, or the "choose an article" hint when there is none."""
    kinds = styles.kinds
    if article is None:
        return [Block("placeholder", Text(PLACEHOLDER, style=kinds.get("placeholder", Style())))]
    blocks = [Block("headline", safe_text(article.title, kinds.get("headline", Style())))]
    line = byline(article)
    if line.plain:
        line.style = kinds.get("byline", Style())
        blocks.append(Block("byline", line))
    for caption in article.captions:
        blocks.append(Block("caption", safe_text(caption.text, kinds.get("caption", Style()))))
        if caption.credit:
            blocks.append(Block("credit", safe_text(caption.credit, kinds.get("credit", Style()))))
    marked = {m.paragraph for m in marks.mentions}
    for block in article_blocks(article, styles.spans):
        assert block.paragraph is not None  # body blocks know their paragraph
        text = block.text
        if block.paragraph in marked:
            text = _marked_paragraph(article, block.paragraph, styles, marks)
        text.style = kinds.get(block.kind, Style())
        blocks.append(Block(block.kind, text, block.paragraph))
    return with_matches(blocks, styles, marks)


def with_matches(blocks: list[Block], styles: PageStyles, marks: Marks) -> list[Block]:
    """Mark the matches of a find, the current one brighter."""
    for number, (index, start, end) in enumerate(marks.matches):
        text = blocks[index].text.copy()
        style = styles.current_match if number == marks.current_match else styles.match
        text.stylize(style, start, end)
        blocks[index] = Block(blocks[index].kind, text, blocks[index].paragraph)
    return blocks
