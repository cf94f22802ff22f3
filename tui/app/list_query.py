"""The article list's orders and its `/` filter: pure functions over summaries, no widgets.

The filter words are `tag:x`, `source:x`, `is:unread`, `is:read`, `is:starred`, `entity:Name_Here`;
any other word must appear in the title.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from operator import attrgetter

from tui.model import ArticleSummary

SORT_ORDERS = ("added", "published", "title", "source")
"""The orders `O` cycles through, in turn."""
SORT_LABELS = {  # short: they share the list's top border with "Articles"
    "added": "by added",
    "published": "by date",
    "title": "by title",
    "source": "by source",
}


def sort_summaries(summaries: Iterable[ArticleSummary], order: str) -> list[ArticleSummary]:
    """Summaries in a list order; ties (and missing dates) fall back to newest added first."""
    by_added = sorted(summaries, key=attrgetter("added", "id"), reverse=True)
    if order == "published":
        dated = [s for s in by_added if s.published]
        undated = [s for s in by_added if not s.published]
        return sorted(dated, key=attrgetter("published"), reverse=True) + undated
    if order == "title":
        return sorted(by_added, key=lambda s: s.title.casefold())
    if order == "source":
        return sorted(by_added, key=lambda s: (s.source or "~").casefold())
    return by_added


def entity_names(query: str) -> list[str]:
    """The entity names an `entity:Ingrid_Salo` word of the filter asks for (underscores: spaces)."""
    names = []
    for word in query.split():
        field, _, value = word.partition(":")
        if field.casefold() == "entity" and value:
            names.append(" ".join(value.split("_")).casefold())
    return names


def matches_query(
    summary: ArticleSummary,
    query: str,
    entity_ids: Mapping[str, frozenset[str]] | None = None,
) -> bool:
    """The `/` filter: `tag:x`, `source:x`, `is:unread`, `is:starred`, `entity:Name_Here` (with
    the ids of the articles naming each entity in `entity_ids`); other words are title words."""
    test = query_test(query, entity_ids)
    return test is None or test(summary)


def query_test(
    query: str, entity_ids: Mapping[str, frozenset[str]] | None = None
) -> Callable[[ArticleSummary], bool] | None:
    """`matches_query` for one query, parsed once: a test for each summary, or None when the
    query keeps every article (the list filters 10,000 summaries on each key typed)."""
    checks: list[Callable[[ArticleSummary], bool]] = []
    title_words: list[str] = []
    for word in query.split():
        field, _, value = word.partition(":")
        field, value = field.casefold(), value.casefold()
        if field == "entity" and value:
            ids = (entity_ids or {}).get(" ".join(value.split("_")), frozenset())
            checks.append(lambda s, ids=ids: s.id in ids)
        elif field == "tag" and value:
            checks.append(lambda s, v=value: any(v in tag.casefold() for tag in s.tags))
        elif field == "source" and value:
            checks.append(lambda s, v=value: v in (s.source or "").casefold())
        elif field == "is" and value == "unread":
            checks.append(lambda s: not s.read)
        elif field == "is" and value == "read":
            checks.append(lambda s: s.read)
        elif field == "is" and value == "starred":
            checks.append(lambda s: s.starred)
        else:
            title_words.append(word.casefold())
    if title_words:  # as `matches_filter`: every word is in the title, case-insensitively
        checks.append(lambda s: all(w in s.title.casefold() for w in title_words))
    if not checks:
        return None
    if len(checks) == 1:
        return checks[0]
    return lambda s: all(check(s) for check in checks)
