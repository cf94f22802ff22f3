"""Adding an input whose story is already stored: it updates that article instead of adding another.

Two inputs tell the same story when they share a story key (`tui.store.keys`: the canonical URL, the
body). The update keeps the stored article's id, `added` time and reading state and takes the rest
from the input, the raw input too (so it can be re-processed).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from enum import StrEnum
from typing import TYPE_CHECKING

from tui.model import Article
from tui.store.documents import ArticleFiles
from tui.store.index import Index
from tui.store.term_indexes import story_terms

if TYPE_CHECKING:
    from tui.store.search import SearchIndex


class Added(StrEnum):
    """What adding one input did."""

    NEW = "new"
    UPDATED = "updated"  # the same story was stored: it now has this input's text and analysis
    KNOWN = "already stored"  # this very input was stored: nothing changed


def take_over(article: Article, stored: Article) -> None:
    """Make a new input of a stored story its update: the stored id, `added` time and reading state;
    a publication date the user gave is kept, and an analysis still valid is carried over."""
    article.id, article.added = stored.id, stored.added
    article.feed = article.feed or stored.feed  # a feed's story added by hand stays the feed's
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


class Placing:
    """One `Store.add_each` call, under the lock: each input's article file written as new or as an
    update (the index and term indexes are written after, for the whole batch)."""

    def __init__(
        self,
        index: Index,
        keys: SearchIndex,
        files: ArticleFiles,
        stored_version: Callable[[str], Article | None],
    ) -> None:
        self._index = index
        self.listed = index.doc_ids()  # replaced, never changed, by the index writes that follow
        self._keys = keys
        self._files = files
        self._stored_version = stored_version  # a stored article in full; None when damaged
        self.written: dict[str, Article] = {}  # by id
        self._by_key: dict[str, str] = {}  # story key -> id, of the articles written

    def place(self, article: Article) -> Added:
        """Write one article's files as new or as an update, or nothing when it is stored."""
        if article.id in self.listed or article.id in self.written:
            return Added.KNOWN
        terms = story_terms(article)
        same = self._same_story(terms)
        stored = None
        if same is not None:
            stored = self.written.get(same) or self._stored_version(same)
        if stored is None:  # a new story (or the same as an article whose file is damaged)
            if not article.added:
                article.added = datetime.now(UTC).isoformat(timespec="microseconds")
            self._files.write(article)  # body first: a crash here leaves an orphan, not a hole
            self._wrote(article, terms)
            return Added.NEW
        if stored.raw == article.raw:  # the very input stored as the update of another one
            article.id = stored.id
            return Added.KNOWN
        take_over(article, stored)
        self._files.write(article)
        self._wrote(article, terms)
        return Added.UPDATED

    def _wrote(self, article: Article, terms: list[str]) -> None:
        self.written[article.id] = article
        self._by_key.update((t, article.id) for t in terms)

    def _same_story(self, terms: list[str]) -> str | None:
        """The stored (or just written) article with one of these keys, URL key first; of several
        (stored twice by an older newstui), the first added."""
        if not terms:
            return None
        docs, listed = self._index.docs(), self.listed
        for term, ids in zip(terms, self._keys.having_each([{t} for t in terms]), strict=True):
            if term in self._by_key:
                return self._by_key[term]
            found = [(docs[str(listed[i])].get("added", ""), i) for i in ids if i in listed]
            if found:
                return min(found)[1]
        return None
