"""The index file `<name>.json` as TinyDB reads and writes it: atomically, and parsed again only when
the file has changed (TinyDB would parse it on every query).
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tinydb.storages import Storage

from tui.store.files import FileCache, StoreError, atomic_write
from tui.store.first_screen import remove_first_screen, write_first_screen

if TYPE_CHECKING:
    from tui.store.documents import ArticleFiles

# A top-level key that is not a table: a token unique to each write, last in the file, so a writer can
# tell cheaply whether the file is still the one it read (see `revalidate`).
WRITE_MARK = "_written"
_TAIL_TOKEN = re.compile(rb'"_written":"([0-9a-f]{16})"\}\s*$')


Contents = dict[str, dict[str, Any]]


class AtomicJSONStorage(Storage):
    """TinyDB storage that writes atomically and re-reads the file only when it has changed."""

    def __init__(self, path: str) -> None:
        self.path = Path(path)
        # The tables and the write token they were read or written with.
        self._file: FileCache[tuple[Contents | None, str | None]] = FileCache(self._parse)

    def invalidate(self) -> None:
        """Forget the cached contents: the next read goes to the disk."""
        self._file.clear()

    def tail_token(self) -> str | None:
        """The write token the file ends with (None without one): which write it is."""
        try:
            with open(self.path, "rb") as fh:
                fh.seek(max(fh.seek(0, os.SEEK_END) - 64, 0))
                match = _TAIL_TOKEN.search(fh.read())
        except FileNotFoundError:
            return None
        return match.group(1).decode() if match else None

    def revalidate(self) -> None:
        """Keep the cache only if the file is provably the one it came from: the same stat and the
        same write token. (Another process may write within the file clock's resolution with the
        same size, so the stat alone is not enough; re-parsing a large index on every write is.)"""
        held = self._file.unchanged(self.path)
        if held is None or held[0] is None or held[1] is None or self.tail_token() != held[1]:
            self.invalidate()

    def _parse(self, path: Path) -> tuple[Contents | None, str | None]:
        try:
            text = path.read_text(encoding="utf-8")
            data = json.loads(text) if text.strip() else None
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise StoreError(
                f"The store file {path} is damaged ({exc.__class__.__name__}); "
                "run `newstui doctor` or move the file away. It has not been changed."
            ) from exc
        if data is not None and not isinstance(data, dict):
            raise StoreError(
                f"The store file {path} is not a newstui store; "
                "choose another file with --db. It has not been changed."
            )
        token = data.pop(WRITE_MARK, None) if data is not None else None
        if data is not None:
            _check_shape(path, data)
        return data, token if isinstance(token, str) else None

    def read(self) -> Contents | None:
        held = self._file.get(self.path)
        return None if held is None else held[0]

    def write(self, data: Contents) -> None:
        token = os.urandom(8).hex()
        try:
            # ASCII output: with mostly-ASCII text the C encoder is twice as fast this way.
            text = json.dumps({**data, WRITE_MARK: token}, separators=(",", ":"))
            atomic_write(self.path, text)
        except BaseException:
            self.invalidate()
            raise
        self._file.put(self.path, (data, token))
        try:
            write_first_screen(self.path, data, token, _schema(data))
        except Exception:  # derived data: the index is written, so the write has succeeded
            # (whatever failed: a full disk, a document of a shape the orders cannot sort). A
            # first-screen file left from before names the old token and is never read.
            remove_first_screen(self.path)

    def close(self) -> None:
        self._file.clear()


def _schema(data: Contents) -> int | None:
    """The schema noted in the `meta` table (None when there is none yet)."""
    for doc in data.get("meta", {}).values():
        version = doc.get("schema")
        return version if isinstance(version, int) else None
    return None


# The fields of an index document the summaries read, with the types they must have.
_TEXT_FIELDS = ("source", "published", "added", "feed")


def _check_shape(path: Path, data: dict[str, Any]) -> None:
    """Refuse valid JSON of the wrong shape (a table that is not a mapping of documents, an article
    entry without an id and title, a field of the wrong type): one sentence, never a traceback
    later in whatever reads it. About a millisecond for 10,000 articles."""

    def damaged(what: str) -> StoreError:
        return StoreError(
            f"The store file {path} is damaged ({what}); run `newstui doctor` to rebuild it from "
            "the article files. It has not been changed."
        )

    for name, table in data.items():
        if not isinstance(table, dict):
            raise damaged(f"its {name!r} table is not a table")
        for doc in table.values():
            if not isinstance(doc, dict):
                raise damaged(f"an entry of its {name!r} table is not a document")
    # One loop without a generator a document: this runs on every parse of the index (each add).
    source, published, added, feed = _TEXT_FIELDS
    for doc in data.get("articles", {}).values():
        get = doc.get
        if not (isinstance(get("id"), str) and isinstance(get("title"), str)):
            raise damaged("an article entry has no id or title")
        for text in (get(source), get(published), get(added), get(feed)):
            if text is not None and not isinstance(text, str):
                raise damaged(f"the entry of {doc['id']!r} has a field of the wrong type")
        tags = get("tags")
        if tags is not None and not (
            isinstance(tags, list) and all(isinstance(t, str) for t in tags)
        ):
            raise damaged(f"the tags of {doc['id']!r} are not a list of words")
        if not isinstance(get("words", 0), int):
            raise damaged(f"the word count of {doc['id']!r} is not a number")


EMPTIED_INDEX_MAX = 4096
"""An index file this small is parsed at opening to tell an emptied index from a real one."""


def refuse_emptied_index(path: Path, files: ArticleFiles) -> None:
    """An index file emptied (truncated to nothing, `null` or `{}`) while article files exist is
    damage, not a new store: writing to it would hide every stored article."""
    try:
        if path.stat().st_size > EMPTIED_INDEX_MAX:
            return
        text = path.read_text(errors="replace")
    except FileNotFoundError:
        return
    try:
        data = json.loads(text) if text.strip() else None
    except ValueError:
        return  # damaged, not emptied: reading it says so
    if data is not None and (not isinstance(data, dict) or "meta" in data or "articles" in data):
        return  # a store (maybe one whose first add was cut short), or not a store at all
    if files.any():
        raise StoreError(
            f"The store file {path} lists no article but {files.folder} holds articles; "
            "run `newstui doctor` to rebuild the index. Nothing has been changed."
        )
