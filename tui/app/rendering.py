"""Turn untrusted article data into safe `rich.text.Text`: no markup parsing, no control characters.

Pure functions, no widgets: the widgets pass in the styles they read from app.tcss, so colours live
in CSS and these functions stay testable.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from rich.style import Style
from rich.text import Text

from tui.app.dates import short_date
from tui.model import ENTITY_TYPES, Article, Entity
from tui.sanitize import clean_terminal_text

# Opening and closing quotation marks; a paragraph is "mainly a quotation" when quoted text is
# at least this share of it.
_QUOTED = re.compile(r"[“\"«„](.+?)[”\"»“]", re.DOTALL)
QUOTE_SHARE = 0.6
# The span kind of a link's text in the body, styled over the entity tints.
LINK = "·link"


def foreground(style: Style) -> Style:
    """A CSS component style without its background, so it can tint text on any background."""
    return Style(
        color=style.color,
        bold=style.bold,
        dim=style.dim,
        italic=style.italic,
        underline=style.underline,
        strike=style.strike,
        reverse=style.reverse,
    )


def safe_text(value: str | None, style: str | Style = "") -> Text:
    """Untrusted text as a plain `Text`: control characters stripped, markup never parsed."""
    return Text(clean_terminal_text(value or ""), style=style)


def is_mainly_quote(paragraph: str) -> bool:
    """True when a paragraph opens with a quotation mark and is mostly quoted speech."""
    stripped = paragraph.strip()
    if not stripped or stripped[0] not in '“"«„':
        return False
    quoted = sum(len(m.group(0)) for m in _QUOTED.finditer(stripped))
    return quoted / len(stripped) >= QUOTE_SHARE


@dataclass(frozen=True, slots=True)
class Block:
    """One block ready to show: its kind ("lead", "p", "h", "quote", "li" in the body; "headline",
    "byline", "caption", "credit" around it) and its text; body blocks know their paragraph."""

    kind: str
    text: Text
    paragraph: int | None = None


def _spans_for(article: Article) -> dict[int, list[tuple[int, int, str]]]:
    """Entity mention spans per paragraph: (start, end, entity type)."""
    spans: dict[int, list[tuple[int, int, str]]] = {}
    for entity in article.entities:
        for mention in entity.mentions:
            spans.setdefault(mention.paragraph, []).append(
                (mention.start, mention.end, entity.type)
            )
    return spans


def _kept_offsets(original: str, cleaned: str) -> list[int]:
    """For each offset of `original` (and its end), the matching offset in `cleaned`.

    Cleaning only deletes characters, so `cleaned` is a subsequence of `original`; a greedy walk
    pairs them up. Used only for the rare paragraph that had control characters in it.
    """
    offsets = []
    j = 0
    for char in original:
        offsets.append(j)
        if j < len(cleaned) and char == cleaned[j]:
            j += 1
    offsets.append(j)
    return offsets


def tinted_paragraph(
    paragraph: str, spans: Iterable[tuple[int, int, str]], styles: Mapping[str, Style]
) -> Text:
    """A paragraph, cleaned for the terminal, with its entity mentions styled by type."""
    cleaned = clean_terminal_text(paragraph)
    text = Text(cleaned)
    offsets = None if cleaned == paragraph else _kept_offsets(paragraph, cleaned)
    for start, end, kind in spans:
        if not (0 <= start < end <= len(paragraph)) or kind not in styles:
            continue
        if offsets is not None:
            start, end = offsets[start], offsets[end]
        if start < end:
            text.stylize(styles[kind], start, end)
    return text


def article_blocks(
    article: Article,
    styles: Mapping[str, Style],
    marks: Mapping[int, Iterable[tuple[int, int, str]]] | None = None,
) -> list[Block]:
    """The body as display blocks: the first paragraph is the lead; quotes found by shape too.

    `marks` adds spans (by paragraph) drawn over the entity tints, with their own keys in `styles`.
    """
    spans = _spans_for(article)
    for link in article.links:
        spans.setdefault(link.paragraph, []).append((link.start, link.end, LINK))
    for index, extra in (marks or {}).items():
        spans.setdefault(index, []).extend(extra)
    blocks: list[Block] = []
    lead_done = False
    for index, (paragraph, block_kind) in enumerate(
        zip(article.paragraphs, article.kinds, strict=False)
    ):
        kind: str = block_kind  # a display kind: "lead" as well as the block kinds
        text = tinted_paragraph(paragraph, spans.get(index, ()), styles)
        if not text.plain.strip():
            continue
        if kind == "p" and is_mainly_quote(paragraph):
            kind = "quote"
        if kind == "p" and not lead_done:
            kind = "lead"
        if kind in ("p", "lead", "quote"):
            lead_done = True
        kind = kind if kind in ("lead", "p", "h", "quote", "li") else "p"
        blocks.append(Block(kind, text, index))
    return blocks


def find_spans(text: str, query: str) -> list[tuple[int, int]]:
    """Where `query` occurs in `text`, case-insensitively, without overlaps."""
    needle = query.casefold()
    haystack = text.casefold()
    spans = []
    if not needle or len(haystack) != len(text):
        # casefold changed the length (ß -> ss): fall back to a plain lower() search
        needle, haystack = query.lower(), text.lower()
    start = haystack.find(needle) if needle else -1
    while start >= 0:
        spans.append((start, start + len(needle)))
        start = haystack.find(needle, start + len(needle))
    return spans


WORDS_PER_MINUTE = 230  # an adult's silent reading speed for news prose


def reading_time(words: int) -> str:
    """The estimated reading time, like "3 min read" (never under one minute)."""
    return f"{max(1, round(words / WORDS_PER_MINUTE))} min read" if words > 0 else ""


def byline(article: Article) -> Text:
    """The "source · author · date · N min read · N links" line."""
    when = short_date(article.published.value) if article.published else ""
    links = len(article.links)
    count = f"{links} link{'s' if links != 1 else ''} (l)" if links else ""
    parts = (article.source, article.author, when, reading_time(article.word_count), count)
    return safe_text(" · ".join(p for p in parts if p))


def tag_words(tags: Iterable[str]) -> str:
    """Tags as the list and the reader show them: "#harbour #transport"."""
    return " ".join(f"#{clean_terminal_text(t)}" for t in tags)


def entity_groups(article: Article) -> list[tuple[str, list[Entity]]]:
    """Entities grouped by type (in the model's type order), most mentioned first within a group."""
    groups: dict[str, list[Entity]] = {}
    for entity in article.entities:
        groups.setdefault(entity.type if entity.type in ENTITY_TYPES else "OTHER", []).append(
            entity
        )
    return [
        (
            kind,
            sorted(groups[kind], key=lambda e: (-max(e.count, len(e.mentions)), e.name.casefold())),
        )
        for kind in ENTITY_TYPES
        if kind in groups
    ]


def entity_count(entity: Entity) -> int:
    """How often an entity is named (its count, or its mentions when the count is missing)."""
    return max(entity.count, len(entity.mentions))
