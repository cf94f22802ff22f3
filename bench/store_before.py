"""BASELINE ONLY: the store as it was before issue 8 (verbatim copy), measured beside the new one.

Not used by newstui. `bench/store_scale.py` opens stores written in this layout with this class, so that
every run shows the old figures next to the new ones on the same machine at the same time.
"""

from __future__ import annotations

import json
import os
import tempfile
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from tinydb import Query, TinyDB
from tinydb.storages import Storage

from tui.model import Article, ArticleSummary

SCHEMA_VERSION = 1
LOCK_TIMEOUT_S = 30.0


class StoreError(Exception):
    """The store cannot be read or written; the message names the file and what to do."""


def resolve_db_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    """`--db`, else `$NEWSTUI_DB`, else `store.json` in the platform's user data folder."""
    if explicit:
        return Path(explicit).expanduser()
    env = os.environ.get("NEWSTUI_DB")
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_path

    return user_data_path("newstui", appauthor=False) / "store.json"


def atomic_write_text(path: Path, text: str) -> None:
    """Write `text` to `path` through a temporary file in the same folder and a rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class AtomicJSONStorage(Storage):
    """TinyDB storage that writes atomically and re-reads the file only when it has changed."""

    def __init__(self, path: str) -> None:
        self.path = Path(path)
        self._cache: dict[str, Any] | None = None
        self._stamp: tuple[int, ...] | None = None

    def _stat(self) -> tuple[int, ...] | None:
        try:
            st = self.path.stat()
        except FileNotFoundError:
            return None
        return st.st_ino, st.st_mtime_ns, st.st_ctime_ns, st.st_size

    def invalidate(self) -> None:
        """Forget the cached contents: the next read goes to the disk."""
        self._cache, self._stamp = None, None

    def read(self) -> dict[str, dict[str, Any]] | None:
        stamp = self._stat()
        if stamp is None:
            self._cache, self._stamp = None, None
            return None
        if stamp == self._stamp and self._cache is not None:
            return self._cache
        try:
            text = self.path.read_text(encoding="utf-8")
            data = json.loads(text) if text.strip() else None
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise StoreError(
                f"The store file {self.path} is damaged ({exc.__class__.__name__}); "
                "run `newstui doctor` or move the file away. It has not been changed."
            ) from exc
        if data is not None and not isinstance(data, dict):
            raise StoreError(
                f"The store file {self.path} is not a newstui store; "
                "choose another file with --db. It has not been changed."
            )
        self._cache, self._stamp = data, stamp
        return data

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        try:
            atomic_write_text(
                self.path, json.dumps(data, ensure_ascii=False, separators=(",", ":"))
            )
        except BaseException:
            self._cache, self._stamp = None, None
            raise
        self._cache, self._stamp = data, self._stat()

    def close(self) -> None:
        self._cache = None


def _summary_doc(article: Article, entity_keys: list[str]) -> dict[str, Any]:
    doc = ArticleSummary.of(article).to_dict()
    doc["analyzed"] = article.analyzed
    doc["entity_keys"] = entity_keys
    return doc


def _entity_keys(article: Article) -> list[str]:
    keys: set[str] = set()
    for entity in article.entities:
        keys.add(entity.name.casefold())
        keys.update(alias.casefold() for alias in entity.aliases)
    return sorted(keys)


class Store:
    """Articles in a TinyDB index plus one JSON file each; safe across threads and processes."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        self.bodies = self.path.with_name(self.path.stem + ".articles")
        if self.path.exists() and self.path.is_dir():
            raise StoreError(f"The store path {self.path} is a folder; give a file name with --db.")
        self._thread_lock = threading.RLock()
        self._db = TinyDB(str(self.path), storage=AtomicJSONStorage)
        self._index = self._db.table("articles", cache_size=0)
        self._meta = self._db.table("meta", cache_size=0)
        self._check_schema()

    # -- locking ------------------------------------------------------------------------------

    @contextmanager
    def _locked(self) -> Iterator[None]:
        """Hold the cross-process write lock (and this process's thread lock)."""
        from filelock import FileLock, Timeout

        self.path.parent.mkdir(parents=True, exist_ok=True)
        lock = FileLock(str(self.path) + ".lock", timeout=LOCK_TIMEOUT_S)
        with self._thread_lock:
            try:
                with lock:
                    # Another process may have written within the file clock's resolution with the
                    # same size, so a writer always starts from what is on disk.
                    self._db.storage.invalidate()  # type: ignore[attr-defined]
                    # TinyDB also remembers the next document id per table; another process may
                    # have used it, so clear it (clear_cache() alone keeps it).
                    for table in (self._index, self._meta):
                        table._next_id = None
                    yield
            except Timeout as exc:
                raise StoreError(
                    f"The store {self.path} stayed locked by another newstui process for "
                    f"{LOCK_TIMEOUT_S:.0f} s; try again when it has finished."
                ) from exc

    def _check_schema(self) -> None:
        """Refuse a store from a newer newstui; bring an older one up to this schema."""
        meta = self._meta.all()
        if meta:
            version = meta[0].get("schema", SCHEMA_VERSION)
        else:  # a store from before the meta table existed has articles but no version
            version = 0 if len(self._index) else SCHEMA_VERSION
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"The store {self.path} was written by a newer newstui (schema {version}); "
                "upgrade newstui to open it."
            )
        if version < SCHEMA_VERSION:
            with self._locked():
                for step in range(version, SCHEMA_VERSION):
                    MIGRATIONS[step](self)
                self._meta.truncate()
                self._meta.insert({"schema": SCHEMA_VERSION})

    # -- reading ------------------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self._index)

    def __contains__(self, article_id: object) -> bool:
        return isinstance(article_id, str) and self._index.contains(Query().id == article_id)

    def summaries(self) -> list[ArticleSummary]:
        """Every article's summary, newest added first."""
        docs = sorted(self._index.all(), key=lambda d: (d.get("added", ""), d["id"]), reverse=True)
        return [ArticleSummary.from_dict(d) for d in docs]

    def resolve(self, id_prefix: str) -> str:
        """The full id for a unique prefix (at least 4 characters) of a stored article's id."""
        prefix = id_prefix.strip().lower()
        if prefix in self:
            return prefix
        if len(prefix) < 4:
            raise KeyError(f"Article id {id_prefix!r} is too short; give at least 4 characters.")
        matches = [d["id"] for d in self._index.all() if d["id"].startswith(prefix)]
        if not matches:
            raise KeyError(f"No stored article has the id {id_prefix!r}; see `newstui list`.")
        if len(matches) > 1:
            raise KeyError(
                f"The id {id_prefix!r} matches {len(matches)} articles; give more of it."
            )
        return matches[0]

    def get(self, article_id: str) -> Article:
        """The full article; KeyError when it is not stored."""
        article_id = self.resolve(article_id)
        body = self.bodies / f"{article_id}.json"
        try:
            data = json.loads(body.read_text(encoding="utf-8"))
        except FileNotFoundError as exc:
            raise KeyError(
                f"The article {article_id} is listed but its file {body} is missing."
            ) from exc
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise StoreError(
                f"The article file {body} is damaged; run `newstui doctor`. It has not been changed."
            ) from exc
        article = Article.from_dict(data)
        summary = self._index.get(Query().id == article_id)
        if isinstance(summary, dict):  # reading state lives in the index
            article.read = bool(summary.get("read", False))
            article.starred = bool(summary.get("starred", False))
            article.tags = list(summary.get("tags", []))
        return article

    def ids_mentioning(self, name: str) -> list[str]:
        """Ids of stored articles that mention an entity by this name or one of its aliases."""
        key = name.casefold().strip()
        docs = self._index.search(Query().entity_keys.any([key]))
        return [d["id"] for d in sorted(docs, key=lambda d: d.get("added", ""), reverse=True)]

    def search(self, query: str) -> list[str]:
        """Ids of articles whose title or body contains every word of `query` (newest first)."""
        words = query.casefold().split()
        if not words:
            return [s.id for s in self.summaries()]
        found = []
        for summary in self.summaries():
            try:
                article = self.get(summary.id)
            except (KeyError, StoreError):
                continue
            text = (article.title + "\n" + article.body_text).casefold()
            if all(w in text for w in words):
                found.append(summary.id)
        return found

    # -- writing ------------------------------------------------------------------------------

    def _write_body(self, article: Article) -> None:
        body = article.to_dict()
        atomic_write_text(
            self.bodies / f"{article.id}.json",
            json.dumps(body, ensure_ascii=False, separators=(",", ":")),
        )

    def add(self, article: Article) -> bool:
        """Store an article; False (and nothing changed) when the same input is already stored."""
        return self.add_many([article])[0]

    def add_many(self, articles: Iterable[Article]) -> list[bool]:
        """Store several articles under one lock; for each, whether it was new."""
        results: list[bool] = []
        with self._locked():
            if not self._meta.all():
                self._meta.insert({"schema": SCHEMA_VERSION})
            known = {d["id"] for d in self._index.all()}
            new_docs = []
            for article in articles:
                if article.id in known:
                    results.append(False)
                    continue
                if not article.added:
                    article.added = datetime.now(UTC).isoformat(timespec="microseconds")
                self._write_body(article)  # body first: a crash here leaves an orphan, not a hole
                new_docs.append(_summary_doc(article, _entity_keys(article)))
                known.add(article.id)
                results.append(True)
            if new_docs:
                self._index.insert_multiple(new_docs)
        return results

    def save_analysis(self, article: Article) -> None:
        """Replace a stored article's entities and timeline (after NLP), keeping its reading state."""
        with self._locked():
            if article.id not in self:
                raise KeyError(f"The article {article.id} is no longer stored.")
            self._write_body(article)
            self._index.update(
                {
                    "analyzed": article.analyzed,
                    "entity_keys": _entity_keys(article),
                    "title": article.title,
                    "words": article.word_count,
                },
                Query().id == article.id,
            )

    def _set(self, article_id: str, **fields: Any) -> None:
        with self._locked():
            if not self._index.update(fields, Query().id == article_id):
                raise KeyError(f"No stored article has the id {article_id!r}.")

    def set_read(self, article_id: str, read: bool = True) -> None:
        self._set(article_id, read=read)

    def set_starred(self, article_id: str, starred: bool) -> None:
        self._set(article_id, starred=starred)

    def set_tags(self, article_id: str, tags: list[str]) -> None:
        self._set(article_id, tags=sorted(set(tags)))

    def remove(self, ids: Iterable[str]) -> int:
        """Delete articles (index entry, then body); returns how many were removed."""
        wanted = set(ids)
        with self._locked():
            removed = self._index.remove(Query().id.one_of(list(wanted)))
            for article_id in wanted:
                (self.bodies / f"{article_id}.json").unlink(missing_ok=True)
        return len(removed)

    def body_ids(self) -> list[str]:
        """Ids of the article files on disk (the source of truth the index is derived from)."""
        if not self.bodies.is_dir():
            return []
        return sorted(p.stem for p in self.bodies.glob("*.json") if not p.name.startswith("."))

    def read_body(self, article_id: str) -> Article:
        """An article straight from its file, without the index; StoreError when damaged."""
        path = self.bodies / f"{article_id}.json"
        try:
            return Article.from_dict(json.loads(path.read_text(encoding="utf-8")))
        except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError) as exc:
            raise StoreError(f"The article file {path} is damaged ({exc}).") from exc

    def index_ids(self) -> list[str]:
        return [d["id"] for d in self._index.all()]

    def reindex(self, articles: Iterable[Article]) -> int:
        """Add index entries for articles whose files exist but are not listed; returns how many."""
        with self._locked():
            known = set(self.index_ids())
            docs = [_summary_doc(a, _entity_keys(a)) for a in articles if a.id not in known]
            if docs:
                self._index.insert_multiple(docs)
        return len(docs)

    def drop_from_index(self, ids: Iterable[str]) -> int:
        """Remove index entries (not files); for entries whose article file is gone."""
        with self._locked():
            return len(self._index.remove(Query().id.one_of(list(ids))))

    def close(self) -> None:
        self._db.close()


def _migrate_0_to_1(store: Store) -> None:
    """Schema 0 (no meta table, no entity keys in the index) -> 1."""
    for doc in store._index.all():
        if "entity_keys" not in doc:
            store._index.update({"entity_keys": [], "analyzed": False}, Query().id == doc["id"])


# MIGRATIONS[n] brings a store from schema n to n + 1; run under the store's lock.
MIGRATIONS = {0: _migrate_0_to_1}
