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
from textual.content import Content

from tui.app.dates import human_date, short_date, sort_key
from tui.model import ENTITY_TYPES, Article, ArticleSummary, Entity
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
    for index, (paragraph, kind) in enumerate(zip(article.paragraphs, article.kinds, strict=False)):
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


def list_prompt(summary: ArticleSummary, styles: Mapping[str, Style], width: int) -> Content:
    """One article in the list: unread mark and title, then source and date, `width` cells wide.

    The title is wrapped here, not by the list, so its wrapped lines can hang under the first
    one; the result is a plain `Content` (no markup parsed), which the list measures quickly.
    """
    inner = max(width - 2, 8)
    mark = "●" if not summary.read else " "
    title_style = styles.get("title-unread" if not summary.read else "title", Style())
    title = Content.from_rich_text(safe_text(summary.title, title_style))
    lines = title.wrap(inner) or [Content("")]
    when = short_date(summary.published or summary.added[:10])
    source = clean_terminal_text(summary.source or "")
    room = inner - (len(when) + 3 if when else 0)  # the date is kept whole; the source gives way
    if source and len(source) > room:
        source = source[: max(room - 1, 1)].rstrip() + "…"
    details = " · ".join(d for d in (source, when) if d)
    parts: list[Content] = [
        Content.from_rich_text(Text(mark + " ", style=styles.get("unread", Style()))),
        lines[0],
    ]
    for line in lines[1:]:
        parts += [Content("\n  "), line]
    if details:
        shown = safe_text(details, styles.get("details", Style()))
        parts += [Content("\n  "), Content.from_rich_text(shown).truncate(inner, ellipsis=True)]
    return Content("").join(parts)


def matches_filter(summary: ArticleSummary, query: str) -> bool:
    """Case-insensitive: every word of the query appears in the title."""
    title = summary.title.casefold()
    return all(word in title for word in query.casefold().split())


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


@dataclass(frozen=True, slots=True)
class TimelineRow:
    """One line of the timeline: the date in words, a snippet, and whether it is the publication."""

    key: tuple[int, int, int, str]
    date: str
    snippet: Text
    published: bool


def event_snippet(expression: str, sentence: str, words_before: int = 2) -> Text:
    """The sentence from a few words before the date expression, the expression in bold."""
    sentence = clean_terminal_text(" ".join(sentence.split()))
    expression = clean_terminal_text(" ".join(expression.split()))
    at = sentence.find(expression) if expression else -1
    if at < 0:
        return Text.assemble((expression, "bold"), " " if sentence else "", sentence)
    before = sentence[:at].split()
    lead = " ".join(before[-words_before:])
    prefix = ("…" if len(before) > words_before else "") + lead + (" " if lead else "")
    return Text.assemble(prefix, (expression, "bold"), sentence[at + len(expression) :])


def timeline_rows(article: Article) -> list[TimelineRow]:
    """The article's dated events in calendar order, with its publication date as its own row."""
    rows = [
        TimelineRow(
            sort_key(e.value), human_date(e.value), event_snippet(e.text, e.sentence), False
        )
        for e in article.timeline
    ]
    if article.published:
        value = (
            article.published.value[:10]
            if "T" in article.published.value
            else article.published.value
        )
        rows.append(TimelineRow(sort_key(value), human_date(value), Text("published"), True))
    # Stable sort: on the same day the publication row comes after the events it dates.
    return sorted(rows, key=lambda r: r.key)
