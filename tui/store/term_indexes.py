"""A store's derived indexes: three term indexes (each one `tui.store.search.SearchIndex` folder),
an article's terms in each, and the timeline index (`tui.store.timeline_index`):

- `<name>.search/`: the words of titles and bodies, for full-text search;
- `<name>.entities/`: entity names and aliases, for "articles naming X";
- `<name>.keys/`: each article's story keys (`tui.store.keys`), so adding finds the stored article
  telling the same story without reading any article file;
- `<name>.timeline/`: each article's title and dated events, for the timeline merged across the
  store without reading every article.

All are derived from the article files: the first two are rebuilt when missing, the keys index is
built by the first add to a store that lacks it (a store written by an older newstui), the timeline
index by the first merged timeline.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from contextlib import AbstractContextManager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tui.model import Article

if TYPE_CHECKING:
    from tui.store.documents import ArticleFiles
    from tui.store.search import SearchIndex
    from tui.store.timeline_index import TimelineIndex

# The keys index's log lines are short (~50 bytes an article): merge it sooner than the word index's,
# so that a look-up never scans more than a few thousand of them.
KEYS_LOG_MIN_BYTES = 256_000
_NAME_WORD = re.compile(r"\w+")


def story_terms(article: Article) -> list[str]:
    """An article's story keys (`tui.store.keys`, imported here: hashing and URL parsing are ~4 ms
    of the reader's start-up, which never adds)."""
    from tui.store.keys import identity_terms

    return identity_terms(article)


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


class TermIndexes:
    """One store's word, entity and story-key indexes; writers hold the store's lock.

    Each index object is made when first used: the reader's start-up uses none of them, and their
    modules (`search`, `search_files`, `timeline_index`) load only then (~5 ms of start-up)."""

    def __init__(self, path: Path) -> None:
        self._path = path
        self._words: SearchIndex | None = None
        self._entities: SearchIndex | None = None
        self._keys: SearchIndex | None = None
        self._timeline: TimelineIndex | None = None

    def _folder(self, suffix: str) -> Path:
        return self._path.with_name(self._path.stem + suffix)

    @property
    def words(self) -> SearchIndex:
        if self._words is None:
            from tui.store.search import SearchIndex

            self._words = SearchIndex(self._folder(".search"))
        return self._words

    @property
    def entities(self) -> SearchIndex:
        if self._entities is None:
            from tui.store.search import SearchIndex

            self._entities = SearchIndex(self._folder(".entities"), terms_of=entity_terms)
        return self._entities

    @property
    def keys(self) -> SearchIndex:
        if self._keys is None:
            from tui.store.search import SearchIndex

            self._keys = SearchIndex(
                self._folder(".keys"), terms_of=story_terms, log_min_bytes=KEYS_LOG_MIN_BYTES
            )
        return self._keys

    @property
    def timeline(self) -> TimelineIndex:
        if self._timeline is None:
            from tui.store.timeline_index import TimelineIndex

            self._timeline = TimelineIndex(self._folder(".timeline"))
        return self._timeline

    def complete(self) -> bool:
        """Whether the word and entity indexes both exist."""
        return self.words.exists() and self.entities.exists()

    def ensure(self, listed: int, bodies: Callable[[], Iterable[Article]]) -> None:
        """Build a missing word or entity index from `bodies()` (every listed article) when the store
        lists any (`listed` of them)."""
        for index in (self.words, self.entities):
            if not index.exists() and listed:
                index.rebuild(bodies())

    def ensure_keys(self, listed: Iterable[str], files: ArticleFiles) -> SearchIndex:
        """The story-key index, built from the listed article files if missing (reading only their
        `.json`: the keys need the URL, title and body)."""
        if not self.keys.exists():
            from tui.store.keys import identity_terms_of

            terms: dict[str, Iterable[str]] = {}
            for article_id in list(listed):
                try:
                    data = files.fields(article_id)
                    terms[article_id] = identity_terms_of(
                        data.get("url"), data.get("title") or "", data.get("paragraphs") or []
                    )
                except (OSError, ValueError, TypeError, AttributeError):
                    continue  # `newstui doctor` reports damaged files; they have no keys
            self.keys.rebuild_from(terms)
        return self.keys

    def ensure_timeline(self, listed: Iterable[str], files: ArticleFiles) -> TimelineIndex:
        """The timeline index, built from the listed article files if missing (reading only their
        `.json`: the events and the title)."""
        if not self.timeline.exists():
            self.timeline.rebuild(self._timeline_rows(listed, files))
        return self.timeline

    @staticmethod
    def _timeline_rows(
        ids: Iterable[str], files: ArticleFiles
    ) -> Iterable[tuple[str, str, list[list[Any]]]]:
        from tui.store.timeline_index import rows_of_fields

        for article_id in list(ids):
            try:
                data = files.fields(article_id)
                yield article_id, str(data.get("title") or ""), rows_of_fields(data["timeline"])
            except (OSError, ValueError, TypeError, KeyError, AttributeError):
                continue  # `newstui doctor` reports damaged files; they have no events

    def timeline_for(
        self,
        wanted: list[str],
        listed: Iterable[str],
        files: ArticleFiles,
        locked: Callable[[], AbstractContextManager[None]],
    ) -> TimelineIndex:
        """The timeline index holding every one of `wanted`: built from the listed article files
        the first time, topped up with articles stored by an older newstui after it was built."""
        if not self.timeline.exists():
            with locked():
                self.ensure_timeline(listed, files)
        lacking = set(wanted) - self.timeline.held()
        if lacking:
            with locked():
                self.add_to_timeline(sorted(lacking), files)
        return self.timeline

    def add_to_timeline(self, ids: Iterable[str], files: ArticleFiles) -> None:
        """Log the events of listed articles the timeline index lacks (stored by an older newstui
        after the index was built)."""
        rows = list(self._timeline_rows(ids, files))
        if rows:
            self.timeline.record_rows(rows)

    def damaged(self) -> list[str]:
        """What is wrong with each index that does not read (empty when all are sound)."""
        return [found for index in self.all() if (found := index.check()) is not None]

    def all(self) -> tuple[SearchIndex | TimelineIndex, ...]:
        return self.words, self.entities, self.keys, self.timeline

    def drop_damaged(self) -> int:
        """Remove every index that does not read (derived data: the next use rebuilds it from the
        article files); how many were removed."""
        import shutil

        dropped = 0
        for index in self.all():
            if index.check() is not None:
                shutil.rmtree(index.folder, ignore_errors=True)
                dropped += 1
        return dropped

    def record(self, articles: Iterable[Article] = (), removed: Iterable[str] = ()) -> None:
        """Log added, re-analyzed or removed articles in the word and entity indexes (`ensure`d
        first), and in the key and timeline indexes when they exist (when one does not, its build
        reads what is stored)."""
        articles, removed = list(articles), list(removed)
        for index in (self.words, self.entities):
            index.record(articles, removed)
        if self.keys.exists():
            self.keys.record(articles, removed)
        if self.timeline.exists():
            self.timeline.record(articles, removed)

    def naming_each(self, name_groups: list[list[str]]) -> list[set[str]]:
        """For each group of entity names, the ids of the articles naming any of them (listed or
        not: the store filters); one read of the entity index for all the groups."""
        groups = [{entity_term(n) for n in names} - {""} for names in name_groups]
        return self.entities.having_each(groups)

    def names_like(self, name: str) -> list[str]:
        """The indexed entity names and aliases a user's name stands for: the same name in any case,
        or every name holding its words as whole words ("okafor" -> "niamh okafor", "ms. okafor")."""
        wanted = entity_key(name.strip().strip("\"'“”‘’"))
        words = set(_NAME_WORD.findall(wanted))
        terms = set(self.entities.terms_with_words(words))
        if entity_term(wanted) in self.entities.vocabulary():
            terms.add(entity_term(wanted))
        return sorted(t.replace("\x1f", " ") for t in terms)

    def closest_names(self, name: str, count: int = 3) -> list[str]:
        """The indexed entity names nearest a name that matched none, for "did you mean"."""
        import difflib

        known = {t.replace("\x1f", " ") for t in self.entities.vocabulary()}
        close = difflib.get_close_matches(entity_key(name), sorted(known), n=count, cutoff=0.6)
        return [c.title() for c in close]  # the index keeps names casefolded
