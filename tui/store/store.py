"""The article store: the only module that touches TinyDB. Returns model objects, never raw documents.

Layout (chosen so listing, adding and searching stay cheap however many and large the articles are):
- `<name>.json`: a TinyDB file with one compact index document per article (the `ArticleSummary`
  fields that differ from their defaults) and a `meta` table with the schema version; TinyDB parses
  it on opening and rewrites it on every write, so it holds nothing else;
- `<name>.articles/<id>.json`: each article in full (body and analysis), and `<id>.raw` beside it, the
  input it came from, so opening an article does not decode its page;
- `<name>.state`: reading-state changes (read, starred, tags) since the index was last written, one
  JSON object a line: marking an article read appends a line instead of rewriting the whole index;
  the next write of the index folds them in and empties it;
- `<name>.search/`: the inverted index of words, and `<name>.entities/`: of entity names and aliases
  (`tui.store.search`); appended to on every write and derived from the article files (rebuilt when
  missing);
- `<name>.keys/`: the same layout over each article's story keys (`tui.store.keys`: its canonical URL
  and its body), so adding finds the stored article telling the same story without reading any article
  file; derived too, and built from the article files by the first add to a store that lacks it (a
  store written by an older newstui).

Every write goes to a temporary file that is then renamed over the old one, so a crash leaves either the
old or the new file, never half of one; writers in different processes are serialized by a file lock.
A file that cannot be parsed is reported and never overwritten.
"""

from __future__ import annotations

import json
import os
import re
import threading
from collections.abc import Collection, Iterable, Iterator, MutableMapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from operator import itemgetter
from pathlib import Path
from typing import Any

from tinydb import Query, TinyDB

from tui.model import Article, ArticleSummary
from tui.store.files import AtomicJSONStorage, StoreError, append_lines, atomic_write_text
from tui.store.search import SearchIndex

__all__ = ["SCHEMA_VERSION", "Added", "Store", "resolve_db_path"]

SCHEMA_VERSION = 2
LOCK_TIMEOUT_S = 30.0
# The keys index's log lines are short (~50 bytes an article): merge it sooner than the word index's,
# so that a look-up never scans more than a few thousand of them.
KEYS_LOG_MIN_BYTES = 256_000
READING_STATE = ("read", "starred", "tags")


class Added(StrEnum):
    """What adding one input did."""

    NEW = "new"
    UPDATED = "updated"  # the same story was stored: it now has this input's text and analysis
    KNOWN = "already stored"  # this very input was stored: nothing changed


def resolve_db_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    """`--db`, else `$NEWSTUI_DB`, else `store.json` in the platform's user data folder."""
    if explicit:
        return Path(explicit).expanduser()
    env = os.environ.get("NEWSTUI_DB")
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_path

    return user_data_path("newstui", appauthor=False) / "store.json"


_ALWAYS = ("id", "title", "added")


def story_terms(article: Article) -> list[str]:
    """An article's story keys (`tui.store.keys`, imported here: hashing and URL parsing are ~4 ms
    of the reader's start-up, which never adds)."""
    from tui.store.keys import identity_terms

    return identity_terms(article)


def summary_doc(article: Article) -> dict[str, Any]:
    """The index document: the summary fields that differ from their defaults."""
    doc = ArticleSummary.of(article).to_dict()
    doc["analyzed"] = article.analyzed
    return {k: v for k, v in doc.items() if v or k in _ALWAYS}


_NAME_WORD = re.compile(r"\w+")


def entity_key(name: str) -> str:
    """How an entity name is matched: casefolded, whitespace runs made single spaces."""
    return " ".join(name.casefold().split())


def entity_term(name: str) -> str:
    """An entity name as a term of the entity index (inner spaces as \\x1f: terms hold no spaces)."""
    return entity_key(name).replace(" ", "\x1f")


def entity_terms(article: Article) -> set[str]:
    """Every entity name and alias of an article, as entity-index terms."""
    terms = {entity_term(n) for e in article.entities for n in (e.name, *e.aliases)}
    terms.discard("")
    return terms


def _summaries(docs: Iterable[dict[str, Any]]) -> list[ArticleSummary]:
    """Index documents as summaries, field by field and in one comprehension: the list is built for
    every article at start-up (~5 ms at 10,000, a function call a document more)."""
    summary = ArticleSummary
    return [
        summary(
            d["id"],
            d["title"],
            d.get("source"),
            d.get("published"),
            d.get("added", ""),
            d.get("read", False),
            d.get("starred", False),
            list(d.get("tags", ())),
            d.get("words", 0),
        )
        for d in docs
    ]


_ADDED_THEN_ID = itemgetter("added", "id")


def _added_then_id(doc: dict[str, Any]) -> tuple[str, str]:
    return doc.get("added", ""), doc["id"]


# The index fields an update of the same story replaces; the id, `added` and reading state stay.
_CONTENT = ("title", "source", "published", "words", "analyzed")


def _refresh_doc(articles: dict[str, Article], doc: MutableMapping[str, Any]) -> None:
    """Give an index document the content fields of its updated article (for `Table.update`)."""
    fresh = summary_doc(articles[doc["id"]])
    for key in _CONTENT:
        if key in fresh:
            doc[key] = fresh[key]
        else:
            doc.pop(key, None)


def _take_over(article: Article, stored: Article) -> None:
    """Make a new input of a stored story its update: the stored id, `added` time and reading state;
    a publication date the user gave is kept, and an analysis still valid is carried over."""
    article.id, article.added = stored.id, stored.added
    article.read, article.starred, article.tags = stored.read, stored.starred, list(stored.tags)
    given = stored.published if stored.published and stored.published.origin == "user" else None
    if given and not (article.published and article.published.origin == "user"):
        if article.published != given:
            article.analyzed = False  # its timeline was resolved against another day: redo it
        article.published = given
    elif (
        not article.analyzed
        and stored.analyzed
        and (article.paragraphs, article.published) == (stored.paragraphs, stored.published)
    ):  # only the page around the story changed (piped input is stored before analysis)
        article.entities, article.timeline, article.analyzed = (
            stored.entities,
            stored.timeline,
            True,
        )


@dataclass
class _Batch:
    """The articles one `add_each` call has written so far: by id, and by story key."""

    written: dict[str, Article] = field(default_factory=dict)
    by_key: dict[str, str] = field(default_factory=dict)

    def add(self, article: Article, terms: Iterable[str]) -> None:
        self.written[article.id] = article
        self.by_key.update((t, article.id) for t in terms)


def body_doc(article: Article) -> dict[str, Any]:
    """The article file's contents: everything but the raw input and the reading state."""
    doc = article.to_dict()
    for key in ("raw", "read", "starred", "tags"):
        doc.pop(key)
    return doc


def _load_body(path: Path) -> dict[str, Any]:
    """An article file's JSON with its raw input (from `<id>.raw`, or inline in older stores)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    if "raw" not in data:
        try:
            data["raw"] = path.with_suffix(".raw").read_text(encoding="utf-8")
        except FileNotFoundError:
            data["raw"] = ""
    return data


def state_log_path(path: Path) -> Path:
    """Where a store's reading-state log is: `<name>.state` beside the index."""
    return path.with_name(path.stem + ".state")


def read_state_log(path: Path) -> dict[str, dict[str, Any]]:
    """A state log's changes by article id (the last wins); a line that does not parse (a crash
    mid-append, damage) is skipped. FileNotFoundError when there is none."""
    state: dict[str, dict[str, Any]] = {}
    for line in path.read_text(encoding="utf-8", errors="replace").split("\n"):
        try:
            change = json.loads(line)
            state.setdefault(change.pop("id"), {}).update(change)
        except (ValueError, KeyError, TypeError, AttributeError):
            continue
    return state


class Store:
    """Articles in a TinyDB index plus one JSON file each; safe across threads and processes."""

    def __init__(self, path: str | os.PathLike[str], *, migrate: bool = True) -> None:
        """Open (not yet read) a store; `migrate=False` leaves a store of an older schema as it is
        (for `newstui doctor --check`, which must change nothing): it can be read, not written."""
        self.path = Path(path)
        self.bodies = self.path.with_name(self.path.stem + ".articles")
        if self.path.exists() and self.path.is_dir():
            raise StoreError(f"The store path {self.path} is a folder; give a file name with --db.")
        self._refuse_emptied_index()
        self._thread_lock = threading.RLock()
        self._db = TinyDB(str(self.path), storage=AtomicJSONStorage)
        self._index = self._db.table("articles", cache_size=0)
        self._meta = self._db.table("meta", cache_size=0)
        self._search = SearchIndex(self.path.with_name(self.path.stem + ".search"))
        self._entities = SearchIndex(
            self.path.with_name(self.path.stem + ".entities"), terms_of=entity_terms
        )
        self._keys = SearchIndex(
            self.path.with_name(self.path.stem + ".keys"),
            terms_of=story_terms,
            log_min_bytes=KEYS_LOG_MIN_BYTES,
        )
        self._ids_of: dict[str, Any] | None = None
        self._state_path = state_log_path(self.path)
        self._state_cache: tuple[tuple[int, int, int], dict[str, dict[str, Any]]] | None = None
        self._ids: dict[str, int] = {}
        self._seen: tuple[tuple[int, int, int] | None, ...] | None = None  # files as last seen
        self._outside = False  # another process wrote in between (seen when taking the lock)
        self._check_schema(migrate)
        self._seen = self._stamp()

    def _refuse_emptied_index(self) -> None:
        """An index file emptied (truncated to nothing) while article files exist is damage, not a
        new store: writing to it would hide every stored article."""
        try:
            if self.path.stat().st_size > 64 or self.path.read_text(errors="replace").strip():
                return
        except FileNotFoundError:
            return
        if self.bodies.is_dir() and any(self.bodies.glob("*.json")):
            raise StoreError(
                f"The store file {self.path} is empty but {self.bodies} holds articles; "
                "run `newstui doctor` to rebuild the index. Nothing has been changed."
            )

    # -- locking ------------------------------------------------------------------------------

    @contextmanager
    def _locked(self) -> Iterator[None]:
        """Hold the cross-process write lock (and this process's thread lock)."""
        from filelock import FileLock, Timeout

        self.path.parent.mkdir(parents=True, exist_ok=True)
        lock = FileLock(str(self.path) + ".lock", timeout=LOCK_TIMEOUT_S)
        with self._thread_lock:
            try:
                with lock, self._stamping():
                    # A writer always starts from what is on disk (re-read unless provably the same).
                    self._db.storage.revalidate()  # type: ignore[attr-defined]
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

    def _stamp(self) -> tuple[tuple[int, int, int] | None, ...]:
        """What identifies the index and state log as they are on disk now."""
        stamps: list[tuple[int, int, int] | None] = []
        for path in (self.path, self._state_path):
            try:
                st = path.stat()
            except FileNotFoundError:
                stamps.append(None)
            else:
                stamps.append((st.st_ino, st.st_size, st.st_mtime_ns))
        return tuple(stamps)

    @contextmanager
    def _stamping(self) -> Iterator[None]:
        """Around a write under the lock: note a change made elsewhere since this process last
        looked, then remember the files as this write leaves them."""
        if self._seen is not None and self._stamp() != self._seen:
            self._outside = True
        try:
            yield
        finally:
            self._seen = self._stamp()

    def changed_elsewhere(self) -> bool:
        """Whether another process has written the store since this one last asked or wrote
        (a few `stat` calls: cheap enough for a timer)."""
        stamp = self._stamp()
        changed = self._outside or stamp != self._seen
        self._seen, self._outside = stamp, False
        return changed

    def _check_schema(self, migrate: bool = True) -> None:
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
        if version < SCHEMA_VERSION and migrate:
            with self._locked():
                for step in range(version, SCHEMA_VERSION):
                    MIGRATIONS[step](self)
                self._meta.truncate()
                self._meta.insert({"schema": SCHEMA_VERSION})

    # -- reading ------------------------------------------------------------------------------

    def _docs(self) -> dict[str, dict[str, Any]]:
        """The index documents by TinyDB document id, straight from the storage's cache (read-only)."""
        data = self._db.storage.read() or {}
        return data.get("articles", {})

    def _doc_ids(self) -> dict[str, int]:
        """Article id -> TinyDB document id, rebuilt only when the index file has changed."""
        docs = self._docs()
        if docs is not self._ids_of:
            self._ids = {d["id"]: int(k) for k, d in docs.items()}
            self._ids_of = docs
        return self._ids

    def __len__(self) -> int:
        return len(self._docs())

    def __contains__(self, article_id: object) -> bool:
        return isinstance(article_id, str) and article_id in self._doc_ids()

    def _newest_first(self, docs: Collection[dict[str, Any]]) -> list[dict[str, Any]]:
        """Index documents sorted by when they were added (then id), newest first."""
        try:  # every document this newstui writes has "added": the C key is ~1.5x faster
            return sorted(docs, key=_ADDED_THEN_ID, reverse=True)
        except KeyError:  # a document of an older store may lack it: it sorts as ""
            return sorted(docs, key=_added_then_id, reverse=True)

    def _state(self) -> dict[str, dict[str, Any]]:
        """Reading-state changes not yet folded into the index, by article id (the last wins),
        parsed again only when the file has changed; a line that does not parse (a crash
        mid-append) is skipped."""
        try:
            st = self._state_path.stat()
        except FileNotFoundError:
            return {}
        stamp = (st.st_ino, st.st_size, st.st_mtime_ns)
        if self._state_cache is not None and self._state_cache[0] == stamp:
            return self._state_cache[1]
        try:
            state = read_state_log(self._state_path)
        except FileNotFoundError:
            return {}
        self._state_cache = (stamp, state)
        return state

    def pending_state(self) -> dict[str, dict[str, Any]]:
        """The reading-state changes logged since the index was last written, by article id."""
        return {i: dict(change) for i, change in self._state().items()}

    def summaries(self) -> list[ArticleSummary]:
        """Every article's summary, newest added first."""
        state = self._state()
        docs = self._newest_first(self._docs().values())
        if state:
            docs = [{**d, **state[d["id"]]} if d["id"] in state else d for d in docs]
        return _summaries(docs)

    def newest_first_ids(self, ids: Iterable[str]) -> list[str]:
        """These ids (those still listed, each once), newest added first."""
        docs = self._docs()
        where = self._doc_ids()
        listed = [docs[str(where[i])] for i in set(ids) if i in where]
        return [d["id"] for d in self._newest_first(listed)]

    def resolve(self, id_prefix: str) -> str:
        """The full id for a unique prefix (at least 4 characters) of a stored article's id."""
        prefix = id_prefix.strip().lower()
        if prefix in self:
            return prefix
        if len(prefix) < 4:
            raise KeyError(f"Article id {id_prefix!r} is too short; give at least 4 characters.")
        matches = [i for i in self._doc_ids() if i.startswith(prefix)]
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
            data = _load_body(body)
        except FileNotFoundError as exc:
            raise KeyError(
                f"The article {article_id} is listed but its file {body} is missing."
            ) from exc
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise StoreError(
                f"The article file {body} is damaged; run `newstui doctor`. It has not been changed."
            ) from exc
        article = Article.from_dict(data)
        self._give_reading_state(article)
        return article

    def _give_reading_state(self, article: Article) -> None:
        """Set an article's reading state (and `added`) from its index document and the state log."""
        doc_id = self._doc_ids().get(article.id)
        summary = self._docs().get(str(doc_id)) if doc_id is not None else None
        if isinstance(summary, dict):  # reading state lives in the index and the state log
            summary = {**summary, **self._state().get(article.id, {})}
            article.read = bool(summary.get("read", False))
            article.starred = bool(summary.get("starred", False))
            article.tags = list(summary.get("tags", []))
            article.added = summary.get("added", article.added)

    def _indexes(self) -> tuple[SearchIndex, SearchIndex]:
        """The word and entity indexes for reading, built from the article files if missing."""
        if not (self._search.exists() and self._entities.exists()) and len(self):
            with self._locked():
                self._ensure_indexes()
        return self._search, self._entities

    def _ensure_indexes(self) -> tuple[SearchIndex, SearchIndex]:
        """The word and entity indexes for writing (under the lock); a listed store's missing index
        is first built from the article files."""
        for index in (self._search, self._entities):
            if not index.exists() and len(self):
                index.rebuild(self._listed_bodies())
        return self._search, self._entities

    def _ensure_keys(self) -> SearchIndex:
        """The story-key index for writing (under the lock), built from the listed article files if
        missing (reading only their `.json`: the keys need the URL, title and body)."""
        if not self._keys.exists():
            from tui.store.keys import identity_terms_of

            terms: dict[str, Iterable[str]] = {}
            for article_id in list(self._doc_ids()):
                try:
                    data = json.loads((self.bodies / f"{article_id}.json").read_text("utf-8"))
                    terms[article_id] = identity_terms_of(
                        data.get("url"), data.get("title") or "", data.get("paragraphs") or []
                    )
                except (OSError, ValueError, TypeError, AttributeError):
                    continue  # `newstui doctor` reports damaged files; they have no keys
            self._keys.rebuild_from(terms)
        return self._keys

    def _record(self, articles: Iterable[Article] = (), removed: Iterable[str] = ()) -> None:
        """Under the lock: log added, re-analyzed or removed articles in the word and entity indexes,
        and in the key index when it exists (when it does not, its build reads what is stored)."""
        articles, removed = list(articles), list(removed)
        for index in self._ensure_indexes():
            index.record(articles, removed)
        if self._keys.exists():
            self._keys.record(articles, removed)

    def _listed_bodies(self) -> Iterator[Article]:
        """The listed articles read from their files (unreadable ones are left to the doctor)."""
        for article_id in list(self._doc_ids()):
            try:
                yield self.read_body(article_id)
            except StoreError:
                continue  # `newstui doctor` reports and moves damaged files; the index skips them

    def ids_mentioning(self, name: str) -> list[str]:
        """Ids of stored articles that mention an entity by this name or one of its aliases,
        newest added first."""
        return self.newest_first_ids(self.ids_mentioning_each([[name]])[0])

    def ids_mentioning_each(self, name_groups: list[list[str]]) -> list[set[str]]:
        """For each group of names (an entity's name and aliases), the ids of the listed articles
        naming any of them; one read of the entity index for all the groups."""
        groups = [{entity_term(n) for n in names} - {""} for names in name_groups]
        found = self._indexes()[1].having_each(groups)
        listed = self._doc_ids()
        return [{i for i in ids if i in listed} for ids in found]

    def entity_names_like(self, name: str) -> list[str]:
        """The stored entity names and aliases a user's name stands for: the same name in any case,
        or every name holding its words as whole words ("okafor" -> "niamh okafor", "ms. okafor")."""
        wanted = entity_key(name.strip().strip("\"'“”‘’"))
        words = set(_NAME_WORD.findall(wanted))
        index = self._indexes()[1]
        terms = set(index.terms_with_words(words))
        if entity_term(wanted) in index.vocabulary():
            terms.add(entity_term(wanted))
        return sorted(t.replace("\x1f", " ") for t in terms)

    def ids_naming(self, name: str) -> list[str]:
        """Ids of stored articles naming an entity as a user writes it (see `entity_names_like`),
        newest added first."""
        names = self.entity_names_like(name)
        if not names:
            return []
        return self.newest_first_ids(self.ids_mentioning_each([names])[0])

    def closest_entity_names(self, name: str, count: int = 3) -> list[str]:
        """The stored entity names nearest a name that matched none, for "did you mean"."""
        import difflib

        known = {t.replace("\x1f", " ") for t in self._indexes()[1].vocabulary()}
        close = difflib.get_close_matches(entity_key(name), sorted(known), n=count, cutoff=0.6)
        return [c.title() for c in close]  # the index keeps names casefolded

    def search(self, query: str) -> list[str]:
        """Ids of articles whose title or body has every word of `query` inside a word (newest first).

        Served by the inverted index: only the vocabulary and the matching posting lists are read.
        """
        found = self._indexes()[0].search(query)
        if found is None:
            return [s.id for s in self.summaries()]
        return self.newest_first_ids(found)

    # -- writing ------------------------------------------------------------------------------

    def _write_body(self, article: Article, *, with_raw: bool = True) -> None:
        """The raw input, then the article file (so a listed article always has its raw input)."""
        if with_raw:
            atomic_write_text(self.bodies / f"{article.id}.raw", article.raw)
        atomic_write_text(
            self.bodies / f"{article.id}.json",
            json.dumps(body_doc(article), ensure_ascii=False, separators=(",", ":")),
        )

    def add(self, article: Article) -> bool:
        """Store an article; False when it was not new (see `add_each`)."""
        return self.add_many([article])[0]

    def add_many(self, articles: Iterable[Article]) -> list[bool]:
        """Store several articles under one lock; for each, whether it was new (see `add_each`)."""
        return [added is Added.NEW for added in self.add_each(articles)]

    def add_each(self, articles: Iterable[Article]) -> list[Added]:
        """Store several articles under one lock; for each, what became of it.

        An input telling a story already stored (the same canonical URL or body, `tui.store.keys`)
        updates that article: it keeps its id, `added` time and reading state and takes the rest from
        the input, the raw input too (so it can be re-processed). Each article is changed in place to
        what was stored: an update or an input already stored gets the stored article's id.
        """
        results: list[Added] = []
        with self._locked():
            if not self._meta.all():
                self._meta.insert({"schema": SCHEMA_VERSION})
            listed = self._doc_ids()  # replaced, never changed, by the writes below
            self._ensure_indexes()
            self._ensure_keys()
            batch = _Batch()
            for article in articles:
                results.append(self._place(article, listed, batch))
            if batch.written:  # search postings before the index: whatever is listed is searchable
                self._record(batch.written.values())
                updated = {i: a for i, a in batch.written.items() if i in listed}
                new_docs = [summary_doc(a) for i, a in batch.written.items() if i not in listed]
                with self._writing_index():
                    if updated:
                        doc_ids = [listed[i] for i in updated]
                        self._index.update(lambda doc: _refresh_doc(updated, doc), doc_ids=doc_ids)
                    if new_docs:
                        doc_ids = self._index.insert_multiple(new_docs)
                        self._remember_ids(listed, [d["id"] for d in new_docs], doc_ids)
        return results

    def _remember_ids(self, before: dict[str, int], ids: list[str], doc_ids: list[int]) -> None:
        """After this process inserted documents: the id map of the index it wrote, from the map
        before and the new ids, not rebuilt from every document (~3 ms an add at 10,000)."""
        docs = self._docs()
        if len(docs) == len(before) + len(ids):
            self._ids = {**before, **dict(zip(ids, doc_ids, strict=True))}
            self._ids_of = docs

    def _place(self, article: Article, listed: dict[str, int], batch: _Batch) -> Added:
        """Under the lock: write one article's files as new or as an update (indexes come after)."""
        if article.id in listed or article.id in batch.written:
            return Added.KNOWN
        terms = story_terms(article)
        same = self._same_story(terms, listed, batch)
        stored = None
        if same is not None:
            stored = batch.written.get(same) or self._stored_version(same)
        if stored is None:  # a new story (or the same as an article whose file is damaged)
            if not article.added:
                article.added = datetime.now(UTC).isoformat(timespec="microseconds")
            self._write_body(article)  # body first: a crash here leaves an orphan, not a hole
            batch.add(article, terms)
            return Added.NEW
        if stored.raw == article.raw:  # the very input stored as the update of another one
            article.id = stored.id
            return Added.KNOWN
        _take_over(article, stored)
        self._write_body(article)
        batch.add(article, terms)
        return Added.UPDATED

    def _same_story(self, terms: list[str], listed: dict[str, int], batch: _Batch) -> str | None:
        """The stored (or just written) article with one of these keys, URL key first; of several
        (stored twice by an older newstui), the first added."""
        if not terms:
            return None
        docs = self._docs()
        for term, ids in zip(terms, self._keys.having_each([{t} for t in terms]), strict=True):
            if term in batch.by_key:
                return batch.by_key[term]
            found = [(docs[str(listed[i])].get("added", ""), i) for i in ids if i in listed]
            if found:
                return min(found)[1]
        return None

    def _stored_version(self, article_id: str) -> Article | None:
        """A stored article with its raw input and reading state; None when its file is damaged."""
        try:
            article = self.read_body(article_id)
        except StoreError:
            return None  # `newstui doctor` moves it aside; it is not overwritten
        self._give_reading_state(article)
        return article

    def save_analysis(self, article: Article) -> None:
        """Replace a stored article's entities, timeline and publication date (after NLP), keeping
        its reading state."""
        with self._locked():
            doc_id = self._doc_ids().get(article.id)
            if doc_id is None:
                raise KeyError(f"The article {article.id} is no longer stored.")
            self._write_body(article, with_raw=False)
            self._record([article])
            fields = {"analyzed": article.analyzed, "title": article.title}
            fields["words"] = article.word_count
            fields["published"] = article.published.value if article.published else None
            with self._writing_index():
                self._index.update(fields, doc_ids=[doc_id])

    def _set(self, article_id: str, **fields: Any) -> None:
        """Change reading state: one line appended to the state log (O(1), not O(store))."""
        with self._locked():
            if article_id not in self._doc_ids():
                raise KeyError(f"No stored article has the id {article_id!r}.")
            line = json.dumps({"id": article_id, **fields}, ensure_ascii=False) + "\n"
            append_lines(self._state_path, line)

    def _fold_state(self) -> None:
        """Under the lock, before the index is written: copy the logged reading state into the
        index documents (the write then carries it); `_drop_state` empties the log after."""
        state = self._state()
        if not state:
            return
        docs = self._docs()
        for doc in docs.values():
            change = state.get(doc["id"])
            if change:
                doc.update(change)
                for key in [k for k, v in doc.items() if not v and k not in _ALWAYS]:
                    del doc[key]  # defaults are left out of the index, as `summary_doc` does

    def _drop_state(self) -> None:
        """After the index was written with the folded state: the log is no longer needed (a crash
        before this only means the same changes are applied again)."""
        if self._state():
            self._state_path.unlink(missing_ok=True)
            self._state_cache = None

    @contextmanager
    def _writing_index(self) -> Iterator[None]:
        """Around a write of the index (under the lock): fold the state log in, empty it after."""
        self._fold_state()
        yield
        self._drop_state()

    def set_read(self, article_id: str, read: bool = True) -> None:
        self._set(article_id, read=read)

    def set_read_many(self, ids: Iterable[str], read: bool = True) -> int:
        """Mark many articles read (or unread) in one append; returns how many were stored."""
        with self._locked():
            listed = self._doc_ids()
            wanted = [i for i in dict.fromkeys(ids) if i in listed]
            lines = "".join(
                json.dumps({"id": i, "read": read}, ensure_ascii=False) + "\n" for i in wanted
            )
            if lines:
                append_lines(self._state_path, lines)
            return len(wanted)

    def set_starred(self, article_id: str, starred: bool) -> None:
        self._set(article_id, starred=starred)

    def set_tags(self, article_id: str, tags: list[str]) -> None:
        self._set(article_id, tags=sorted(set(tags)))

    def remove(self, ids: Iterable[str]) -> int:
        """Delete articles (index entry, then body); returns how many were removed."""
        wanted = set(ids)
        with self._locked():
            removed = self._unlist(wanted)
            for article_id in wanted:
                (self.bodies / f"{article_id}.json").unlink(missing_ok=True)
                (self.bodies / f"{article_id}.raw").unlink(missing_ok=True)
        return removed

    def _unlist(self, wanted: set[str]) -> int:
        """Under the lock: drop these ids from the index and both term indexes; how many were listed."""
        where = self._doc_ids()
        doc_ids = [where[i] for i in wanted if i in where]
        removed: list[int] = []
        if doc_ids:
            with self._writing_index():
                removed = self._index.remove(doc_ids=doc_ids)
        self._record(removed=wanted)
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
            return Article.from_dict(_load_body(path))
        except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError) as exc:
            raise StoreError(f"The article file {path} is damaged ({exc}).") from exc

    def index_ids(self) -> list[str]:
        return list(self._doc_ids())

    def reindex(
        self, articles: Iterable[Article], state: dict[str, dict[str, Any]] | None = None
    ) -> int:
        """Add index entries for articles whose files exist but are not listed; returns how many.

        Their reading state is `state`'s (what the doctor recovered), with the state log's changes on
        top: the log is emptied by this write, so what it holds must reach the new entries."""
        with self._locked():
            known = set(self.index_ids())
            fresh = [a for a in articles if a.id not in known]
            logged = self._state()
            docs = []
            for article in fresh:
                doc = summary_doc(article)
                doc.update((state or {}).get(article.id, {}))
                doc.update(logged.get(article.id, {}))
                for key in READING_STATE:
                    if not doc.get(key):
                        doc.pop(key, None)  # defaults are left out of the index
                docs.append(doc)
            if docs:
                self._record(fresh)
                with self._writing_index():
                    self._index.insert_multiple(docs)
        return len(docs)

    def drop_from_index(self, ids: Iterable[str]) -> int:
        """Remove index entries (not files); for entries whose article file is gone."""
        with self._locked():
            return self._unlist(set(ids))

    def close(self) -> None:
        self._db.close()


def _migrate_0_to_1(store: Store) -> None:
    """Schema 0 (no meta table, no entity keys in the index) -> 1."""
    for doc in store._index.all():
        if "entity_keys" not in doc:
            store._index.update({"entity_keys": [], "analyzed": False}, Query().id == doc["id"])


def _migrate_1_to_2(store: Store) -> None:
    """Schema 1 (entity keys inside the index file) -> 2 (in the entity index): the index file
    shrinks to a third and parses ~5x faster; the keys are moved, no article file is read."""
    terms: dict[str, Iterable[str]] = {}
    for doc in store._index.all():
        keys = doc.get("entity_keys") or ""
        keys = keys.split("\n") if isinstance(keys, str) else list(keys)
        terms[doc["id"]] = [t for t in (entity_term(k) for k in keys) if t]
    store._entities.rebuild_from(terms)
    docs = store._docs()
    for summary in docs.values():
        summary.pop("entity_keys", None)
    store._db.storage.write({**(store._db.storage.read() or {}), "articles": docs})


# MIGRATIONS[n] brings a store from schema n to n + 1; run under the store's lock.
MIGRATIONS = {0: _migrate_0_to_1, 1: _migrate_1_to_2}
