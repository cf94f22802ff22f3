"""The article as the reader's blocks: headline, byline, captions and body, with every mark.

Pure functions, no widgets: the reader passes in the styles it reads from app.tcss, and lays the
blocks out with `reader_layout`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from rich.style import Style
from rich.text import Text

from tui.app.rendering import (
    LINK,
    Block,
    article_blocks,
    byline,
    find_spans,
    foreground,
    safe_text,
    tag_words,
)
from tui.model import Article, Mention

PLACEHOLDER = "Choose an article in the list (↑/↓ or j/k) and press Enter to read it."
EMPTY_STORE_PLACEHOLDER = (
    "Nothing to read yet: press a to add a file, folder or URL, "
    "or run `newstui add PATH|URL` in a shell."
)
# Span kinds for the highlighted entity's mentions, styled on top of the type tint.
MENTION, CURRENT = "·mention", "·current"
# Entity types that get a tint; each has a component class `article-view--<type>` in app.tcss.
TINTED_TYPES = ("PERSON", "ORGANIZATION", "PLACE", "GROUP", "EVENT")
# Block kinds with a style of their own (`article-view--<kind>` in app.tcss).
STYLED_KINDS = ("placeholder", "headline", "byline", "caption", "credit", "lead", "h", "quote")


@dataclass(frozen=True)
class PageStyles:
    """The reader's styles, read from app.tcss by the widget."""

    kinds: Mapping[str, Style] = field(default_factory=dict)
    """Each block kind's style ("headline", "lead", "quote"…)."""
    spans: Mapping[str, Style] = field(default_factory=dict)
    """Entity type tints, plus MENTION and CURRENT for the highlighted entity."""
    match: Style = field(default_factory=Style)
    current_match: Style = field(default_factory=Style)

    def kind(self, name: str) -> Style:
        """A block kind's style (none for a kind app.tcss does not style)."""
        return self.kinds.get(name, Style())


@dataclass(frozen=True)
class Marks:
    """What is marked on the page besides the entity tints."""

    mentions: Sequence[Mention] = ()
    """The highlighted entity's mentions, in reading order."""
    current_mention: int = -1
    matches: Sequence[tuple[int, int, int]] = ()
    """Find matches: (block number, start, end)."""
    current_match: int = 0


def mention_marks(marks: Marks) -> dict[int, list[tuple[int, int, str]]]:
    """The highlighted entity's mentions as spans by paragraph, the current one apart."""
    spans: dict[int, list[tuple[int, int, str]]] = {}
    for number, mention in enumerate(marks.mentions):
        kind = CURRENT if number == marks.current_mention else MENTION
        spans.setdefault(mention.paragraph, []).append((mention.start, mention.end, kind))
    return spans


def page_blocks(
    article: Article | None,
    styles: PageStyles,
    marks: Marks = Marks(),
    placeholder: str = PLACEHOLDER,
) -> list[Block]:
    """The article as blocks, or the `placeholder` hint when there is none."""
    if article is None:
        return [Block("placeholder", Text(placeholder, style=styles.kind("placeholder")))]
    blocks = [Block("headline", safe_text(article.title, styles.kind("headline")))]
    line = byline(article)
    if line.plain:
        line.style = styles.kind("byline")
        blocks.append(Block("byline", line))
    if article.tags:
        blocks.append(Block("byline", safe_text(tag_words(article.tags), styles.kind("byline"))))
    for caption in article.captions:
        blocks.append(Block("caption", safe_text(caption.text, styles.kind("caption"))))
        if caption.credit:
            blocks.append(Block("credit", safe_text(caption.credit, styles.kind("credit"))))
    for block in article_blocks(article, styles.spans, mention_marks(marks)):
        block.text.style = styles.kind(block.kind)
        blocks.append(block)
    return with_matches(blocks, styles, marks)


def with_matches(blocks: list[Block], styles: PageStyles, marks: Marks) -> list[Block]:
    """Mark the matches of a find, the current one brighter."""
    for number, (index, start, end) in enumerate(marks.matches):
        text = blocks[index].text.copy()
        style = styles.current_match if number == marks.current_match else styles.match
        text.stylize(style, start, end)
        blocks[index] = Block(blocks[index].kind, text, blocks[index].paragraph)
    return blocks


def entity_styles(get: Callable[[str], Style]) -> dict[str, Style]:
    """The tint for each entity type; `get` reads a component class of the reader (app.tcss)."""
    return {t: foreground(get(f"article-view--{t.lower()}")) for t in TINTED_TYPES}


def span_styles(get: Callable[[str], Style]) -> dict[str, Style]:
    """Type tints plus the marks for the highlighted entity (these keep their background)."""
    return {
        **entity_styles(get),
        LINK: foreground(get("article-view--link")),
        MENTION: get("article-view--mention"),
        CURRENT: get("article-view--current-mention"),
    }


def page_styles(get: Callable[[str], Style]) -> PageStyles:
    """Every style of the page, each read with `get` from a component class of the reader."""
    return PageStyles(
        kinds={kind: foreground(get(f"article-view--{kind}")) for kind in STYLED_KINDS},
        spans=span_styles(get),
        match=get("article-view--match"),
        current_match=get("article-view--current-match"),
    )


def page_matches(blocks: Sequence[Block], query: str) -> list[tuple[int, int, int]]:
    """Where `query` occurs (case-insensitive) in the page: (block, start, end), placeholder aside."""
    return [
        (number, start, end)
        for number, block in enumerate(blocks)
        if block.kind != "placeholder"
        for start, end in find_spans(block.text.plain, query)
    ]
