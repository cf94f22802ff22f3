"""The article list's orders, over summaries and over index documents (for the first-screen file).

Both must agree exactly: the first-screen file (`tui.store.first_screen`) holds the first rows of
each order, and the reader shows them before it has parsed the whole index.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Iterable, Sequence
from itertools import repeat
from operator import attrgetter, itemgetter
from typing import Any

from tui.model import ArticleSummary

SORT_ORDERS = ("added", "published", "title", "source")
"""The orders `O` cycles through, in turn."""


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


_ADDED = itemgetter("added", "id")
_PUBLISHED = itemgetter("published", "added", "id")


def _added(doc: dict[str, Any]) -> tuple[str, str]:
    return doc.get("added", ""), doc["id"]


def _published(doc: dict[str, Any]) -> tuple[str, str, str]:
    return doc["published"], doc.get("added", ""), doc["id"]


def _title_keys(docs: Sequence[dict[str, Any]]) -> list[str]:
    return list(map(str.casefold, map(itemgetter("title"), docs)))  # C loops: ~1 ms at 10,000


def _source_keys(docs: Sequence[dict[str, Any]]) -> list[str]:
    return [(s or "~").casefold() for s in map(dict.get, docs, repeat("source"))]


def _best_by(
    docs: Sequence[dict[str, Any]],
    keys_of: Callable[[Sequence[dict[str, Any]]], list[str]],
    rows: int,
) -> list[dict[str, Any]]:
    """The documents among the first `rows` of an order by `key` (ascending, ties newest added
    first): those whose key is below the `rows`-th smallest, and of those equal to it (many
    articles share a source) the newest added."""
    if len(docs) <= rows:
        return list(docs)
    keys = keys_of(docs)
    bound = heapq.nsmallest(rows, keys)[-1]
    below = [d for d, k in zip(docs, keys, strict=True) if k < bound]
    tied = [d for d, k in zip(docs, keys, strict=True) if k == bound]
    return below + _largest(rows - len(below), tied, _ADDED, _added)


def first_docs(docs: Sequence[dict[str, Any]], order: str, rows: int) -> list[dict[str, Any]]:
    """Index documents that hold the first `rows` of an order (a superset, in no set order):
    `sort_summaries` of their summaries starts as it would over every document. About 2 ms an
    order at 10,000 articles, instead of sorting them all."""
    if len(docs) <= rows:
        return list(docs)
    if order == "title":
        return _best_by(docs, _title_keys, rows)
    if order == "source":
        return _best_by(docs, _source_keys, rows)
    if order == "published":
        dated = [d for d in docs if d.get("published")]
        best = _largest(rows, dated, _PUBLISHED, _published)
        if len(best) < rows:
            undated = [d for d in docs if not d.get("published")]
            best += _largest(rows - len(best), undated, _ADDED, _added)
        return best
    return _largest(rows, docs, _ADDED, _added)


def _largest(
    rows: int, docs: list[dict[str, Any]] | Sequence[dict[str, Any]], fast: Any, key: Any
) -> list[dict[str, Any]]:
    """The first `rows` by a C key (every document this newstui writes has "added"), else by the
    key that reads a missing "added" as "" (a document of an older store), as `newest_first`.
    A whole sort, not `heapq.nlargest`: documents come mostly in the order they were added, which
    timsort takes in one pass (~1 ms at 10,000) and a heap of the largest pays for at every step."""
    try:
        return sorted(docs, key=fast, reverse=True)[:rows]
    except KeyError:
        return sorted(docs, key=key, reverse=True)[:rows]
