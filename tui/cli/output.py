"""Articles as text for the CLI: plain text for pipes, Rich renderables for terminals, JSON Lines
(the Markdown and TimelineJS exports, which the reader writes too, are `tui.library.export`).

Every string that came from an article goes through `clean_terminal_text` and into `rich.text.Text`
(never markup), so article text cannot act on the terminal.
"""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING, Any

from tui.library.export import byline, when
from tui.model import Article, ArticleSummary
from tui.nlp.language import language_note
from tui.sanitize import clean_terminal_text as safe
from tui.sanitize import one_line

if TYPE_CHECKING:
    from rich.console import RenderableType

# What json.dumps(ensure_ascii=False) leaves raw but a terminal may act on: DEL, C1, bidi controls.
_JSON_UNSAFE = re.compile("[\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")


def summary_row(s: ArticleSummary) -> dict[str, Any]:
    """One line of `newstui list --json`."""
    return {
        "id": s.id,
        "title": safe(s.title),
        "source": safe(s.source) if s.source else None,
        "published": s.published,
        "added": s.added,
        "read": s.read,
        "starred": s.starred,
        "tags": [safe(t) for t in s.tags],
        "words": s.words,
        "feed": s.feed,
    }


def tag_line(article: Article) -> str:
    """ "Tags: ferry, harbour" when the article has tags, else ""."""
    return "Tags: " + ", ".join(safe(t) for t in article.tags) if article.tags else ""


def link_lines(article: Article) -> list[str]:
    """The body's links numbered as the reader numbers them: "[1] ferry contract <https://…>"."""
    return [f"[{n}] {safe(k.text)} <{safe(k.url)}>" for n, k in enumerate(article.links, start=1)]


def stored_json(article: Article) -> dict[str, Any]:
    """`newstui show --json`: the analyze object (CONTRACT.md) and the article's reading state."""
    state = {"read": article.read, "starred": article.starred, "tags": list(article.tags)}
    return {**article.to_contract(), **state, "added": article.added}


def summary_line(s: ArticleSummary) -> str:
    """One tab-separated line of `newstui list` for pipes: id, date, source, title."""
    fields = (s.id, s.published or "-", s.source or "-", s.title)
    return "\t".join(one_line(f) for f in fields)  # a tab or newline inside would forge a column


def article_plain(article: Article) -> str:
    """The article as plain text: title, byline, captions, paragraphs, entities, timeline."""
    lines = [safe(article.title)]
    if meta := byline(article):
        lines.append(meta)
    if tags := tag_line(article):
        lines.append(tags)
    lines.append("")
    for caption in article.captions:
        credit = f" ({safe(caption.credit)})" if caption.credit else ""
        lines += [f"[Photo] {safe(caption.text)}{credit}", ""]
    for kind, para in zip(article.kinds, article.paragraphs, strict=False):
        text = safe(para)
        lines += [f"## {text}" if kind == "h" else f"> {text}" if kind == "quote" else text, ""]
    if note := language_note(article):
        lines += [note, ""]
    if article.entities:
        lines.append("Entities:")
        lines += [f"  {safe(e.type):<12} {safe(e.name)} ({e.count})" for e in article.entities]
        lines.append("")
    if article.timeline:
        lines.append("Timeline:")
        lines += [
            f"  {when(t.value):<15}  {safe(t.text)}: {safe(t.sentence)}" for t in article.timeline
        ]
        lines.append("")
    if article.links:
        lines.append("Links:")
        lines += [f"  {line}" for line in link_lines(article)]
    return "\n".join(lines).rstrip() + "\n"


def article_rich(article: Article) -> RenderableType:
    """The article for a terminal: styled title, byline, body, entity and timeline tables."""
    from rich.console import Group
    from rich.style import Style
    from rich.table import Table
    from rich.text import Text

    parts: list[RenderableType] = [Text(safe(article.title), style="bold")]
    if meta := byline(article):
        parts.append(Text(meta, style="dim"))
    if tags := tag_line(article):
        parts.append(Text(tags, style="dim"))
    parts.append(Text(""))
    for caption in article.captions:
        line = Text(safe(caption.text), style="italic")
        if caption.credit:
            line.append(f"  {safe(caption.credit)}", style="dim")
        parts += [line, Text("")]
    for i, (kind, para) in enumerate(zip(article.kinds, article.paragraphs, strict=False)):
        style = {"h": "bold underline", "quote": "italic"}.get(kind, "bold" if i == 0 else "")
        prefix = "• " if kind == "li" else "│ " if kind == "quote" else ""
        line = Text(prefix + safe(para), style=style)
        for link in (k for k in article.links if k.paragraph == i):
            at = len(prefix) + link.start
            if line.plain[at : at + len(link.text)] == link.text:
                line.stylize(Style(underline=True, link=safe(link.url)), at, at + len(link.text))
        parts += [line, Text("")]
    if note := language_note(article):
        parts += [Text(note, style="dim italic"), Text("")]
    if article.entities:
        table = Table(title="Entities", show_edge=False)
        for column in ("type", "name", "mentions"):
            table.add_column(column)
        for e in article.entities:
            table.add_row(Text(safe(e.type)), Text(safe(e.name)), Text(str(e.count)))
        parts.append(table)
    if article.timeline:
        table = Table(title="Timeline", show_edge=False)
        table.add_column("date")
        table.add_column("when")
        table.add_column("sentence")
        for t in article.timeline:
            table.add_row(Text(when(t.value)), Text(safe(t.text)), Text(safe(t.sentence)))
        parts.append(table)
    if article.links:
        parts += [Text(""), Text("Links", style="bold")]
        parts += [Text(line) for line in link_lines(article)]
    return Group(*parts)


def to_json_line(obj: Any) -> str:
    """One JSON line, Unicode kept as is except what a terminal could act on.

    json.dumps escapes C0 controls itself; C1 and bidi controls it would print raw, so they are
    written as \\u escapes too: the decoded values are unchanged, the line is safe to print.
    """
    text = json.dumps(obj, ensure_ascii=False)
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def print_paged(renderable: RenderableType, console: Any = None) -> bool:
    """Print to the terminal, through the user's pager ($PAGER, else `less -R`) when it is longer
    than the screen; True when it was paged. Only for a terminal: pipes get the text as it is."""
    from rich.console import Console

    console = console or Console(highlight=False)
    with console.capture() as captured:
        console.print(renderable)
    text = captured.get()
    if text.count("\n") < console.size.height - 1:  # fits: no pager to quit
        console.file.write(text)
        console.file.flush()
        return False
    import click  # Click pages as `git` does: $PAGER, else less with colours (LESS=-R)

    click.echo_via_pager(text, color=True)
    return True
