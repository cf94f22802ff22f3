"""The article store: returns model objects, never raw documents.

Layout (chosen so listing, adding and searching stay cheap however many and large the articles are):
- `<name>.json`: the index, one compact document per article and the schema version
  (`tui.store.index`, `tui.store.documents`, `tui.store.migrations`);
- `<name>.articles/<id>.json`: each article in full (body and analysis), and `<id>.raw` beside it, the
  input it came from, so opening an article does not decode its page (`tui.store.documents`);
- `<name>.state`: reading-state changes (read, starred, tags) since the index was last written, one
  JSON object a line: marking an article read appends a line instead of rewriting the whole index;
  the next write of the index folds them in and empties it (`tui.store.state_log`);
- `<name>.search/`: the inverted index of words, `<name>.entities/`: of entity names and aliases, and
  `<name>.keys/`: of each article's story keys, so adding finds the stored article telling the same
  story (`tui.store.duplicates`) without reading any article file (`tui.store.term_indexes`);
  appended to on every write and derived from the article files (rebuilt when missing);
- `<name>.timeline/`: each article's dated events, for the merged timeline (`tui.store.timeline_index`).

Every write goes to a temporary file that is then renamed over the old one, so a crash leaves either the
old or the new file, never half of one; writers in different processes are serialized by a file lock
(`tui.store.lock`). A file that cannot be parsed is reported and never overwritten.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from tui.model import Article, ArticleSummary
from tui.store.documents import ArticleFiles, restored_doc, summary_doc
from tui.store.duplicates import Added, Placing
from tui.store.files import DamagedIndex, NewerStoreError, StoreError, unwritable
from tui.store.first_screen import FirstScreen
from tui.store.index import Index
from tui.store.index_file import refuse_emptied_index
from tui.store.lock import WriteLock
from tui.store.migrations import SCHEMA_VERSION, migrate, schema_of
from tui.store.term_indexes import TermIndexes

if TYPE_CHECKING:
    from tui.store.timeline_index import EventKey, MergedEvent, TimelineIndex

T = TypeVar("T")


class Store:
    """Articles in a TinyDB index plus one JSON file each; safe across threads and processes."""

    def __init__(self, path: str | os.PathLike[str], *, migrate: bool = True) -> None:
        """Open (not yet read) a store; `migrate=False` leaves a store of an older schema as it is
        (for `newstui doctor --check`, which must change nothing): it can be read, not written."""
        self.path = Path(path)
        self._files = ArticleFiles(self.path.with_name(self.path.stem + ".articles"))
        self.bodies = self._files.folder
        if self.path.exists() and self.path.is_dir():
            raise StoreError(f"The store path {self.path} is a folder; give a file name with --db.")
        refuse_emptied_index(self.path, self._files)
        self._index = Index(self.path)
        self._terms = TermIndexes(self.path)
        self._lock = WriteLock(self.path, (self.path, self._index.state.path))
        if not self._index.open_first_screen(SCHEMA_VERSION):  # it vouches for the schema
            self._check_schema(migrate)
        self._lock.look()

    @contextmanager
    def _locked(self) -> Iterator[None]:
        """Hold the write lock; a writer always starts from what is on disk. A write the system
        refuses (a read-only folder or mount, a full disk) is a StoreError with a sentence: every
        file is written whole through a rename, so what was stored is still there."""
        try:
            with self._lock.held():
                self._index.revalidate()
                yield
        except OSError as exc:
            raise unwritable(self.path, exc) from exc

    def changed_elsewhere(self) -> bool:
        """Whether another process has written the store since this one last asked or wrote
        (a few `stat` calls: cheap enough for a timer)."""
        return self._lock.changed_elsewhere()

    def _check_schema(self, migrate_older: bool = True) -> None:
        """Refuse a store from a newer newstui; bring an older one up to this schema."""
        version = schema_of(self._index)
        if version > SCHEMA_VERSION:
            raise NewerStoreError(
                f"The store {self.path} was written by a newer newstui (schema {version}); "
                "upgrade newstui to open it."
            )
        if version < SCHEMA_VERSION and migrate_older:
            with self._locked():
                migrate(self._index, self._terms, version)

    # -- reading ------------------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self._index)

    def __contains__(self, article_id: object) -> bool:
        return article_id in self._index

    def pending_state(self) -> dict[str, dict[str, Any]]:
        """The reading-state changes logged since the index was last written, by article id."""
        return {i: dict(change) for i, change in self._index.state.changes().items()}

    def summaries(self) -> list[ArticleSummary]:
        """Every article's summary, newest added first."""
        return self._index.summaries()

    def first_screen(self, order: str, rows: int) -> FirstScreen | None:
        """The first `rows` of a list order and the counts, without parsing the index (`Index`)."""
        return self._index.first_screen(order, rows)

    def newest_first_ids(self, ids: Iterable[str]) -> list[str]:
        """These ids (those still listed, each once), newest added first."""
        return self._index.newest_first_ids(ids)

    def resolve(self, id_prefix: str) -> str:
        """The full id for a unique prefix (at least 4 characters) of a stored article's id."""
        return self._index.resolve(id_prefix)

    def get(self, article_id: str) -> Article:
        """The full article; KeyError when it is not stored."""
        article_id = self.resolve(article_id)
        body = self._files.path(article_id)
        try:
            data = self._files.load(article_id)
        except FileNotFoundError as exc:
            raise KeyError(
                f"The article {article_id} is listed but its file {body} is missing."
            ) from exc
        except (UnicodeDecodeError, json.JSONDecodeError, StoreError) as exc:
            raise StoreError(
                f"The article file {body} is damaged; run `newstui doctor`. It has not been changed."
            ) from exc
        try:
            article = Article.from_dict(data)
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise StoreError(
                f"The article file {body} is damaged (not an article); run `newstui doctor`. "
                "It has not been changed."
            ) from exc
        self._index.give_reading_state(article)
        return article

    def _indexes(self) -> TermIndexes:
        """The term indexes for reading, the word and entity ones built from the article files if
        missing."""
        if not self._terms.complete() and len(self):
            with self._locked():
                self._ensure_indexes()
        return self._terms

    def _reading(self, read: Callable[[TermIndexes], T]) -> T:
        """`read` on the term indexes; an index found damaged is rebuilt from the article files
        (it is derived data) and read again."""
        try:
            return read(self._indexes())
        except DamagedIndex:
            self.rebuild_damaged_indexes()
            return read(self._indexes())

    def rebuild_damaged_indexes(self) -> int:
        """Drop and rebuild every term index that does not read; how many there were."""
        with self._locked():
            dropped = self._terms.drop_damaged()
            self._ensure_indexes()
        return dropped

    def damaged_indexes(self) -> list[str]:
        """A sentence for each term index that does not read (for `newstui doctor`)."""
        return self._terms.damaged()

    def _ensure_indexes(self) -> None:
        """Under the lock: build a listed store's missing word or entity index."""
        self._terms.ensure(len(self), self._listed_bodies)

    def _record(self, articles: Iterable[Article] = (), removed: Iterable[str] = ()) -> None:
        """Under the lock: log added, re-analyzed or removed articles in the term indexes."""
        self._ensure_indexes()
        try:
            self._terms.record(articles, removed)
        except DamagedIndex:  # rebuilt from the files (this write's included), then logged again
            self._terms.drop_damaged()
            self._ensure_indexes()
            self._terms.record(articles, removed)

    def _listed_bodies(self) -> Iterator[Article]:
        """The listed articles read from their files (unreadable ones are left to the doctor)."""
        for article_id in list(self._index.doc_ids()):
            try:
                yield self._files.read(article_id)
            except StoreError:
                continue  # `newstui doctor` reports and moves damaged files; the index skips them

    def timeline_events(self, ids: Iterable[str] | None = None) -> list[MergedEvent]:
        """The dated events of the listed articles of `ids` (all when None) in calendar order, from
        the timeline index (built from the article files the first time, or if found damaged)."""
        return self._timeline(ids, lambda index, wanted: index.events(wanted))

    def timeline_keys(self, ids: Iterable[str] | None = None) -> list[EventKey]:
        """`timeline_events` as keys without texts (`timeline_article` reads those when drawn)."""
        return self._timeline(ids, lambda index, wanted: index.keys(wanted))

    def timeline_article(self, article_id: str) -> list[MergedEvent]:
        """One article's events from the timeline index, in text order (`EventKey.position`)."""
        return self._terms.timeline.article_events(article_id)

    def _timeline(
        self, ids: Iterable[str] | None, read: Callable[[TimelineIndex, list[str]], T]
    ) -> T:
        listed = self._index.doc_ids()
        wanted = list(listed) if ids is None else [i for i in ids if i in listed]
        terms = self._terms
        try:
            return read(terms.timeline_for(wanted, listed, self._files, self._locked), wanted)
        except DamagedIndex:
            with self._locked():
                shutil.rmtree(terms.timeline.folder, ignore_errors=True)
            return read(terms.timeline_for(wanted, listed, self._files, self._locked), wanted)

    def ids_mentioning(self, name: str) -> list[str]:
        """Ids of stored articles that mention an entity by this name or one of its aliases,
        newest added first."""
        return self.newest_first_ids(self.ids_mentioning_each([[name]])[0])

    def ids_mentioning_each(self, name_groups: list[list[str]]) -> list[set[str]]:
        """For each group of names (an entity's name and aliases), the ids of the listed articles
        naming any of them; one read of the entity index for all the groups."""
        found = self._reading(lambda terms: terms.naming_each(name_groups))
        listed = self._index.doc_ids()
        return [{i for i in ids if i in listed} for ids in found]

    def entity_names_like(self, name: str) -> list[str]:
        """The stored entity names and aliases a user's name stands for: the same name in any case,
        or every name holding its words as whole words ("okafor" -> "niamh okafor", "ms. okafor")."""
        return self._reading(lambda terms: terms.names_like(name))

    def ids_naming(self, name: str) -> list[str]:
        """Ids of stored articles naming an entity as a user writes it (see `entity_names_like`),
        newest added first."""
        names = self.entity_names_like(name)
        if not names:
            return []
        return self.newest_first_ids(self.ids_mentioning_each([names])[0])

    def closest_entity_names(self, name: str, count: int = 3) -> list[str]:
        """The stored entity names nearest a name that matched none, for "did you mean"."""
        return self._reading(lambda terms: terms.closest_names(name, count))

    def search(self, query: str) -> list[str]:
        """Ids of articles whose title or body has every word of `query` inside a word (newest first).

        Served by the inverted index: only the vocabulary and the matching posting lists are read.
        """
        found = self._reading(lambda terms: terms.words.search(query))
        if found is None:
            return [s.id for s in self.summaries()]
        return self.newest_first_ids(found)

    # -- writing ------------------------------------------------------------------------------

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
        with self._locked():
            if not self._index.meta.all():
                self._index.meta.insert({"schema": SCHEMA_VERSION})
            self._ensure_indexes()
            keys = self._terms.ensure_keys(self._index.doc_ids(), self._files)
            placing = Placing(self._index, keys, self._files, self._stored_version)
            results = [placing.place(article) for article in articles]
            written, listed = placing.written, placing.listed
            if written:  # search postings before the index: whatever is listed is searchable
                self._record(written.values())
                updated = {i: a for i, a in written.items() if i in listed}
                new_docs = [summary_doc(a) for i, a in written.items() if i not in listed]
                with self._index.writing():
                    if updated:
                        self._index.refresh(updated)
                    if new_docs:
                        self._index.insert(new_docs, listed)
        return results

    def _stored_version(self, article_id: str) -> Article | None:
        """A stored article with its raw input and reading state; None when its file is damaged."""
        try:
            article = self._files.read(article_id)
        except StoreError:
            return None  # `newstui doctor` moves it aside; it is not overwritten
        self._index.give_reading_state(article)
        return article

    def save_analysis(self, article: Article) -> None:
        """Replace a stored article's entities, timeline and publication date (after NLP), keeping
        its reading state."""
        with self._locked():
            if article.id not in self._index:
                raise KeyError(f"The article {article.id} is no longer stored.")
            self._files.write(article, with_raw=False)
            self._record([article])
            fields = {"analyzed": article.analyzed, "title": article.title}
            fields["words"] = article.word_count
            fields["published"] = article.published.value if article.published else None
            with self._index.writing():
                self._index.update(article.id, fields)

    def _set(self, article_id: str, **fields: Any) -> None:
        """Change reading state: one line appended to the state log (O(1), not O(store))."""
        with self._locked():
            if article_id not in self._index:
                raise KeyError(f"No stored article has the id {article_id!r}.")
            self._index.state.append([{"id": article_id, **fields}])

    def set_read(self, article_id: str, read: bool = True) -> None:
        self._set(article_id, read=read)

    def set_read_many(self, ids: Iterable[str], read: bool = True) -> int:
        """Mark many articles read (or unread) in one append; returns how many were stored."""
        with self._locked():
            listed = self._index.doc_ids()
            wanted = [i for i in dict.fromkeys(ids) if i in listed]
            self._index.state.append({"id": i, "read": read} for i in wanted)
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
                self._files.remove(article_id)
        return removed

    def _unlist(self, wanted: set[str]) -> int:
        """Under the lock: drop these ids from the index and the term indexes; how many were listed."""
        removed = self._index.remove(wanted)
        self._record(removed=wanted)
        return removed

    def body_ids(self) -> list[str]:
        """Ids of the article files on disk (the source of truth the index is derived from)."""
        return self._files.ids()

    def read_body(self, article_id: str) -> Article:
        """An article straight from its file, without the index; StoreError when damaged."""
        return self._files.read(article_id)

    def index_ids(self) -> list[str]:
        return list(self._index.doc_ids())

    def reindex(
        self, articles: Iterable[Article], state: dict[str, dict[str, Any]] | None = None
    ) -> int:
        """Add index entries for articles whose files exist but are not listed; returns how many.

        Their reading state is `state`'s (what the doctor recovered), with the state log's changes on
        top: the log is emptied by this write, so what it holds must reach the new entries."""
        with self._locked():
            known = set(self.index_ids())
            fresh = [a for a in articles if a.id not in known]
            logged = self._index.state.changes()
            docs = [
                restored_doc(a, (state or {}).get(a.id, {}), logged.get(a.id, {})) for a in fresh
            ]
            if docs:
                self._record(fresh)
                with self._index.writing():
                    self._index.insert(docs)
        return len(docs)

    def drop_from_index(self, ids: Iterable[str]) -> int:
        """Remove index entries (not files); for entries whose article file is gone."""
        with self._locked():
            return self._unlist(set(ids))

    def close(self) -> None:
        self._index.close()
