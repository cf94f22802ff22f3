"""The first-screen file `<name>.first.json`: the first rows of each list order, so the reader paints
its list before it parses the whole index (about 40 ms at 10,000 articles), and parses it just after.

Written beside the index by every index write (`AtomicJSONStorage.write`, ~8 ms at 10,000
articles): the first `FIRST_ROWS` index documents of each order (`tui.store.orders`), the article
and unread counts, the ids of the unread articles (so reading-state changes logged since can be
counted), the schema, and the write token the index was written with. It is derived data: read
only while the index still ends with that token and the file is whole and of the right shape;
anything else (missing, damaged, stale, from another version) means the whole index is read, as
before the file existed. Reading state logged since the index write (`<name>.state`) is laid over
its rows and counts exactly as over the index's.
"""

from __future__ import annotations

import contextlib
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tui.model import ArticleSummary
from tui.store.documents import summaries_of
from tui.store.files import atomic_write
from tui.store.orders import SORT_ORDERS, first_docs, sort_summaries

FORMAT = 1
FIRST_ROWS = 120
"""Rows of each order kept: each article takes two lines of the list, so a terminal up to ~240
lines tall."""


def first_screen_path(index_path: Path) -> Path:
    """Where a store's first-screen file is: `<name>.first.json` beside the index."""
    return index_path.with_name(index_path.stem + ".first.json")


def write_first_screen(
    index_path: Path, tables: dict[str, dict[str, Any]], token: str, schema: int | None
) -> None:
    """Write the first-screen file for index contents just written with `token`."""
    docs = list(tables.get("articles", {}).values())
    kept: dict[str, int] = {}
    rows: list[dict[str, Any]] = []
    orders: dict[str, list[int]] = {}
    for order in SORT_ORDERS:
        candidates = first_docs(docs, order, FIRST_ROWS)
        by_id = {d["id"]: d for d in candidates}
        first = sort_summaries(summaries_of(candidates), order)
        at = []
        for summary in first[:FIRST_ROWS]:
            if summary.id not in kept:
                kept[summary.id] = len(rows)
                rows.append(by_id[summary.id])
            at.append(kept[summary.id])
        orders[order] = at
    unread: list[str] = []
    read: list[str] = []
    for doc in docs:
        (read if doc.get("read") else unread).append(doc["id"])
    content = {
        "format": FORMAT,
        "index": token,
        "schema": schema,
        "articles": len(docs),
        "unread": "\n".join(unread),
        "read": "\n".join(read),
        "orders": orders,
        "rows": rows,
    }
    # Not fsynced: a file a power cut leaves old or torn fails the token or parse check.
    text = json.dumps(content, separators=(",", ":"))
    atomic_write(first_screen_path(index_path), text, durable=False)


def remove_first_screen(index_path: Path) -> None:
    """Remove the file (an index write that could not write it leaves no stale one behind). If even
    that fails, what is left names the index's old token, so it is never read: nothing is lost."""
    with contextlib.suppress(OSError):
        os.unlink(first_screen_path(index_path))


@dataclass(frozen=True, slots=True)
class FirstScreen:
    """The first rows of one order, and the counts, as the whole index would give them."""

    summaries: list[ArticleSummary]
    articles: int
    unread: int


def vouches(index_path: Path, token: str | None, schema: int) -> bool:
    """Whether the file begins as written with the index's current write `token` in `schema` (the
    first bytes only: the rest is read by the reader, `load_first_screen`)."""
    if token is None:
        return False
    head = f'{{"format":{FORMAT},"index":"{token}","schema":{schema},'.encode()
    try:
        with open(first_screen_path(index_path), "rb") as fh:
            return fh.read(len(head)) == head
    except OSError:
        return False


def load_first_screen(index_path: Path, token: str | None, schema: int) -> dict[str, Any] | None:
    """The first-screen file's contents if it is there, parses, and was written with the index's
    current write `token` in `schema`; else None (the index is then read as a whole)."""
    if token is None:
        return None
    try:
        data = json.loads(first_screen_path(index_path).read_bytes())
    except (OSError, ValueError):
        return None  # missing or damaged: derived data, the index is read instead
    if not isinstance(data, dict) or data.get("format") != FORMAT or data.get("index") != token:
        return None
    return data if data.get("schema") == schema else None


def first_rows(
    data: dict[str, Any], order: str, rows: int, state: dict[str, dict[str, Any]]
) -> FirstScreen | None:
    """The first `rows` of `order` (every row of it when the file holds them all) with the reading
    state of `state` (the state log) on top; None when the file cannot tell them."""
    if order not in SORT_ORDERS:
        return None
    try:
        return _first_screen(data, order, rows, state)
    except (KeyError, TypeError, ValueError, IndexError, AttributeError):
        return None  # of the wrong shape: read the index instead


def _first_screen(
    data: dict[str, Any], order: str, rows: int, state: dict[str, dict[str, Any]]
) -> FirstScreen | None:
    docs: list[dict[str, Any]] = data["rows"]
    at: list[int] = data["orders"][order]
    articles: int = data["articles"]
    unread_ids, read_ids = data["unread"], data["read"]
    if not (
        isinstance(articles, int) and isinstance(unread_ids, str) and isinstance(read_ids, str)
    ):
        return None
    if len(at) < min(rows, articles) or not all(type(i) is int and 0 <= i < len(docs) for i in at):
        return None
    # The reader starts on the newest article added, wherever the order puts it (its first list is
    # sorted newest first, then re-sorted keeping the highlight): it must be near the top.
    newest = data["orders"]["added"][:1]
    if newest and newest[0] not in at[: max(rows // 2, 1)]:
        return None
    shown = [docs[i] for i in (at if len(at) == articles else at[:rows])]
    if not all(isinstance(d, dict) and _valid_doc(d) for d in shown):
        return None
    unread_set = set(unread_ids.split("\n")) if unread_ids else set()
    read_set = set(read_ids.split("\n")) if read_ids else set()
    if len(unread_set) + len(read_set) != articles or len(unread_set & read_set):
        return None
    unread = len(unread_set)
    if state:
        for article_id, change in state.items():
            if "read" not in change:
                continue
            if article_id in unread_set and change["read"]:
                unread -= 1
            elif article_id in read_set and not change["read"]:
                unread += 1  # an id listed in neither is no longer stored: the index skips it too
    if state:
        shown = [{**d, **state[d["id"]]} if d["id"] in state else d for d in shown]
    return FirstScreen(summaries_of(shown), articles, unread)


_TEXT = ("source", "published", "added", "feed")


def _valid_doc(doc: dict[str, Any]) -> bool:
    """The shape the index's own check (`index_file._check_shape`) asks of a document."""
    if not (isinstance(doc.get("id"), str) and isinstance(doc.get("title"), str)):
        return False
    if any(doc.get(f) is not None and not isinstance(doc[f], str) for f in _TEXT):
        return False
    tags = doc.get("tags")
    if tags is not None and not (isinstance(tags, list) and all(isinstance(t, str) for t in tags)):
        return False
    return isinstance(doc.get("words", 0), int)
