"""Timeline events as safe `rich.text.Text`: the sentence around the date, the date expression marked.

Pure functions shared by the Timeline tab and the merged-timeline screen; styles come from app.tcss.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from rich.style import Style
from rich.text import Text

from tui.app.dates import human_date, sort_key
from tui.model import Article, TimelineEvent
from tui.sanitize import clean_terminal_text

# About three lines of a side panel: longer sentences are cut around the date expression.
SNIPPET_CHARS = 110


def sentence_snippet(
    event: TimelineEvent, mark: Style | str = "bold", limit: int = SNIPPET_CHARS
) -> Text:
    """The event's sentence (cut to about `limit` characters around the expression), expression marked."""
    sentence = clean_terminal_text(" ".join(event.sentence.split()))
    expression = clean_terminal_text(" ".join(event.text.split()))
    at = sentence.find(expression) if expression else -1
    if at < 0:
        head = Text(expression, style=mark)
        return head.append(" " + sentence[:limit]) if sentence else head
    before, after = sentence[:at], sentence[at + len(expression) :]
    room = max(limit - len(expression), 0)
    # Keep up to a third of the room before the expression, the rest after it.
    if len(before) + len(after) > room:
        keep_before = min(len(before), max(room // 3, room - len(after)))
        if keep_before < len(before):
            cut = before[len(before) - keep_before :]
            before = "…" + (cut.split(" ", 1)[1] if " " in cut else cut)
        keep_after = max(room - len(before), 0)
        if keep_after < len(after):
            cut = after[:keep_after]
            after = (cut.rsplit(" ", 1)[0] if " " in cut.strip() else cut).rstrip(",;:") + "…"
    return Text.assemble(before, (expression, mark), after)


@dataclass(slots=True)
class DateGroup:
    """Events that share one calendar value, and whether it is the publication date."""

    value: str
    date: str
    events: list[TimelineEvent] = field(default_factory=list)
    published: bool = False


def published_value(article: Article) -> str | None:
    """The article's publication date as a calendar value (the day of a timestamp)."""
    if article.published is None:
        return None
    value = article.published.value
    return value[:10] if "T" in value else value


def date_groups(article: Article, events: Iterable[TimelineEvent] | None = None) -> list[DateGroup]:
    """Events grouped by calendar value in date order (any granularity), the publication marked."""
    groups: dict[str, DateGroup] = {}
    for event in sorted(
        article.timeline if events is None else events,
        key=lambda e: (sort_key(e.value), e.paragraph, e.start),
    ):
        group = groups.setdefault(event.value, DateGroup(event.value, human_date(event.value)))
        group.events.append(event)
    published = published_value(article)
    if published:
        group = groups.setdefault(published, DateGroup(published, human_date(published)))
        group.published = True
    return sorted(groups.values(), key=lambda g: sort_key(g.value))
