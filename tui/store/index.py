"""The store's index: what lists the articles, `<name>.json` with the state log `<name>.state` on top.

`<name>.json` is a TinyDB file with one index document per article (`tui.store.documents`) in the
`articles` table and the schema version in the `meta` table; TinyDB parses it on opening and rewrites
it on every write, so it holds nothing else. Reading state changed since the last write is in the
state log (`tui.store.state_log`), which every reader lays over the documents and the next write folds
in. This is the only module that opens TinyDB (`tui.store.migrations` works on its tables).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, cast

from tinydb import TinyDB

from tui.model import Article, ArticleSummary
from tui.store.documents import ALWAYS, newest_first, refresh_doc, summaries_of
from tui.store.first_screen import FirstScreen, first_rows, load_first_screen, vouches
from tui.store.index_file import AtomicJSONStorage
from tui.store.state_log import StateLog, state_log_path


class Index:
    """One store's index; methods that write it are called under the store's lock."""

    def __init__(self, path: Path) -> None:
        self.db = TinyDB(str(path), storage=AtomicJSONStorage)
        self.table = self.db.table("articles", cache_size=0)
        self.meta = self.db.table("meta", cache_size=0)
        self.state = StateLog(state_log_path(path))
        self._ids: dict[str, int] = {}
        self._ids_of: dict[str, Any] | None = None
        self._first: tuple[str, int] | None = None  # the write token and schema it vouched for
        self.path = path

    @property
    def storage(self) -> AtomicJSONStorage:
        return cast(AtomicJSONStorage, self.db.storage)

    # -- reading ------------------------------------------------------------------------------

    def docs(self) -> dict[str, dict[str, Any]]:
        """The index documents by TinyDB document id, straight from the storage's cache (read-only)."""
        data = self.storage.read() or {}
        return data.get("articles", {})

    def doc_ids(self) -> dict[str, int]:
        """Article id -> TinyDB document id, rebuilt only when the index file has changed."""
        docs = self.docs()
        if docs is not self._ids_of:
            self._ids = {d["id"]: int(k) for k, d in docs.items()}
            self._ids_of = docs
        return self._ids

    def __len__(self) -> int:
        return len(self.docs())

    def __contains__(self, article_id: object) -> bool:
        return isinstance(article_id, str) and article_id in self.doc_ids()

    def summaries(self) -> list[ArticleSummary]:
        """Every article's summary (the state log's changes on top), newest added first."""
        state = self.state.changes()
        docs = newest_first(self.docs().values())
        if state:
            docs = [{**d, **state[d["id"]]} if d["id"] in state else d for d in docs]
        return summaries_of(docs)

    def open_first_screen(self, schema: int) -> bool:
        """Whether the first-screen file (`tui.store.first_screen`) was written with the index as
        it is now, in `schema` (it then vouches for the index's schema); its first bytes only."""
        token = self.storage.tail_token()
        self._first = (token, schema) if token and vouches(self.path, token, schema) else None
        return self._first is not None

    def first_screen(self, order: str, rows: int) -> FirstScreen | None:
        """The first `rows` summaries of a list order and the article and unread counts, from the
        file `open_first_screen` found (once), with the state log on top; None when there is none,
        it is damaged, or the index has been written since."""
        vouched, self._first = self._first, None
        if vouched is None or vouched[0] != self.storage.tail_token():
            return None
        data = load_first_screen(self.path, *vouched)
        return None if data is None else first_rows(data, order, rows, self.state.changes())

    def newest_first_ids(self, ids: Iterable[str]) -> list[str]:
        """These ids (those still listed, each once), newest added first."""
        docs = self.docs()
        where = self.doc_ids()
        listed = [docs[str(where[i])] for i in set(ids) if i in where]
        return [d["id"] for d in newest_first(listed)]

    def resolve(self, id_prefix: str) -> str:
        """The full id for a unique prefix (at least 4 characters) of a stored article's id."""
        prefix = id_prefix.strip().lower()
        if prefix in self:
            return prefix
        if len(prefix) < 4:
            raise KeyError(f"Article id {id_prefix!r} is too short; give at least 4 characters.")
        matches = [i for i in self.doc_ids() if i.startswith(prefix)]
        if not matches:
            raise KeyError(f"No stored article has the id {id_prefix!r}; see `newstui list`.")
        if len(matches) > 1:
            raise KeyError(
                f"The id {id_prefix!r} matches {len(matches)} articles; give more of it."
            )
        return matches[0]

    def give_reading_state(self, article: Article) -> None:
        """Set an article's reading state (and `added`) from its document and the state log."""
        doc_id = self.doc_ids().get(article.id)
        summary = self.docs().get(str(doc_id)) if doc_id is not None else None
        if isinstance(summary, dict):  # reading state lives in the index and the state log
            summary = {**summary, **self.state.changes().get(article.id, {})}
            article.read = bool(summary.get("read", False))
            article.starred = bool(summary.get("starred", False))
            article.tags = list(summary.get("tags", []))
            article.added = summary.get("added", article.added)

    # -- writing (under the store's lock) -----------------------------------------------------

    def revalidate(self) -> None:
        """Before a write: start from what is on disk (re-read unless provably the same)."""
        self.storage.revalidate()
        # TinyDB also remembers the next document id per table; another process may have used it,
        # so clear it (clear_cache() alone keeps it).
        for table in (self.table, self.meta):
            table._next_id = None

    @contextmanager
    def writing(self) -> Iterator[None]:
        """Around writes of the index file: fold the state log in before, remove it after."""
        self._fold_state()
        yield
        self.state.drop()

    def _fold_state(self) -> None:
        """Copy the logged reading state into the index documents (the write then carries it)."""
        state = self.state.changes()
        if not state:
            return
        for doc in self.docs().values():
            change = state.get(doc["id"])
            if change:
                doc.update(change)
                for key in [k for k, v in doc.items() if not v and k not in ALWAYS]:
                    del doc[key]  # defaults are left out of the index, as `summary_doc` does

    def insert(self, docs: list[dict[str, Any]], listed: dict[str, int] | None = None) -> None:
        """Add index documents (inside `writing`). `listed`: `doc_ids()` as it was just before, to
        extend the id map rather than rebuild it from every document (~3 ms an add at 10,000)."""
        doc_ids = self.table.insert_multiple(docs)
        if listed is None:
            return
        now = self.docs()
        if len(now) == len(listed) + len(docs):
            self._ids = {**listed, **dict(zip((d["id"] for d in docs), doc_ids, strict=True))}
            self._ids_of = now

    def refresh(self, updated: dict[str, Article]) -> None:
        """Give listed articles' documents the content fields of their new versions (inside
        `writing`)."""
        where = self.doc_ids()
        doc_ids = [where[i] for i in updated]
        self.table.update(lambda doc: refresh_doc(updated, doc), doc_ids=doc_ids)

    def update(self, article_id: str, fields: dict[str, Any]) -> None:
        """Change fields of a listed article's document (inside `writing`)."""
        self.table.update(fields, doc_ids=[self.doc_ids()[article_id]])

    def remove(self, ids: Iterable[str]) -> int:
        """Drop these ids' documents; how many were listed."""
        where = self.doc_ids()
        doc_ids = [where[i] for i in ids if i in where]
        if not doc_ids:
            return 0
        with self.writing():
            return len(self.table.remove(doc_ids=doc_ids))

    def close(self) -> None:
        self.db.close()
