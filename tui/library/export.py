"""An article exported: as Markdown (`newstui export --format markdown`, and the reader's export)
and its timeline as TimelineJS JSON; the byline and timeline dates as the reader says them.

Every string that came from an article goes through `clean_terminal_text`, so an export printed to
a terminal cannot act on it.
"""

from __future__ import annotations

from typing import Any

from tui.model import Article, Link
from tui.sanitize import clean_terminal_text as safe


def byline(article: Article) -> str:
    """ "Source · Author · 2020-09-14": the parts that are known."""
    parts = [article.source, article.author, article.published.value if article.published else None]
    return " · ".join(safe(p) for p in parts if p)


def when(value: str) -> str:
    """A timeline value as the reader says it ("the 1990s", "Week 39 of 2024", "Wed 2 Oct 2024");
    JSON keeps the TimeML value."""
    from tui.nlp.timex_calendar import human_date

    return safe(human_date(value))


def article_markdown(article: Article) -> str:
    """The article as Markdown, for `export --format markdown`."""
    out = [f"# {safe(article.title)}", ""]
    if meta := byline(article):
        out += [f"*{meta}*", ""]
    for caption in article.captions:
        credit = f" — {safe(caption.credit)}" if caption.credit else ""
        out += [f"> *{safe(caption.text)}{credit}*", ""]
    for i, (kind, para) in enumerate(zip(article.kinds, article.paragraphs, strict=False)):
        text = _with_markdown_links(para, [k for k in article.links if k.paragraph == i])
        out += [{"h": f"## {text}", "quote": f"> {text}", "li": f"- {text}"}.get(kind, text), ""]
    if article.timeline:
        out += ["## Timeline", ""]
        out += [f"- **{when(t.value)}** — {safe(t.sentence)}" for t in article.timeline]
    return "\n".join(out).rstrip() + "\n"


def _with_markdown_links(paragraph: str, links: list[Link]) -> str:
    """A paragraph with its links written as Markdown (`[text](<url>)`), from its last link back."""
    text = paragraph
    for link in sorted(links, key=lambda k: k.start, reverse=True):
        if text[link.start : link.end] != link.text:
            continue
        label = link.text.replace("[", "\\[").replace("]", "\\]")
        text = f"{text[: link.start]}[{label}](<{link.url}>){text[link.end :]}"
    return safe(text)


def timelinejs(article: Article) -> dict[str, Any]:
    """The article's timeline as a TimelineJS3 JSON document."""
    events = []
    for t in article.timeline:
        start: dict[str, Any] = {}
        value = t.value
        if len(value) >= 4 and value[:4].isdigit():
            start["year"] = value[:4]
            if len(value) >= 7 and value[5:7].isdigit():
                start["month"] = value[5:7]
            if len(value) == 10:
                start["day"] = value[8:10]
        elif len(value) == 3 and value.isdigit():
            start["year"] = value + "0"
        else:
            continue
        events.append(
            {
                "start_date": start,
                "text": {"headline": safe(t.text), "text": safe(t.sentence)},
                "group": safe(article.title),
            }
        )
    return {
        "title": {"text": {"headline": safe(article.title), "text": byline(article)}},
        "events": events,
    }
