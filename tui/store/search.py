"""The store's inverted indexes: terms -> articles, updated in O(article) per write.

Two folders use this layout: `<store>.search/`, whose terms are the words of titles and bodies (for
full-text search: a query word matches inside any term), and `<store>.entities/`, whose terms are the
entity names and aliases (for "articles naming X": exact look-ups). A term never holds a space, tab or
newline; entity names keep their inner spaces as `\x1f`.

Layout, in the folder `<store>.search/` beside the index (all derived data: it can be rebuilt from the
article files at any time, see `SearchIndex.rebuild`):
- `current`: the generation number `g` of the files below;
- `base-g.ids`: the article ids, one a line (a line's number is the article's doc number; an empty
  line is a doc number whose article was removed or re-analyzed since);
- `base-g.vocab`: every term, sorted, one a line;
- `base-g.offsets` / `base-g.postings`: int32 arrays; the doc numbers of term `i` are
  `postings[offsets[i]:offsets[i + 1]]`;
- `log-g.txt`: one line per write since the base was built: `id<TAB> term term … ` or `id<TAB>-` for
  a removal; the last line for an id wins.

Adding an article appends one line to the log; when the log outgrows a fraction of the base it is
merged into a new base generation (written aside, then switched to by renaming `current`). A search
reads only the vocabulary, the posting lists of the matching terms and the log.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import TypeVar

from tui.model import Article
from tui.store.files import DamagedIndex, FileCache, append_lines
from tui.store.search_files import (
    NO_ENTRIES,
    Base,
    Entry,
    entry_of,
    log_line,
    read_log,
    write_base,
)

_WORD = re.compile(r"\w+")
LOG_MIN_BYTES = 4_000_000  # a log this small is always cheap to scan
LOG_FRACTION = 4  # merge when the log is larger than postings / LOG_FRACTION


def words_of(article: Article) -> set[str]:
    """The distinct casefolded words of an article's title and body."""
    return set(_WORD.findall((article.title + "\n" + "\n".join(article.paragraphs)).casefold()))


def entry_for(article: Article) -> Entry:
    """The word index's entry for an article."""
    return entry_of(words_of(article))


def query_tokens(query: str) -> list[str]:
    """The word pieces of a query; each must occur inside some word of a matching article."""
    return sorted(set(_WORD.findall(query.casefold())), key=len, reverse=True)


WordMap = dict[str, set[str]]  # word -> the terms holding it as a whole word


T = TypeVar("T")


_DAMAGE = (ValueError, IndexError, UnicodeDecodeError, OverflowError)
"""What reading a garbled index file raises (a missing file is not damage: a merge may move it)."""


class SearchIndex:
    """Reads and writes one index folder; writers must hold the store's lock.

    `terms_of` gives an article's terms (by default the words of its title and body); the log is
    merged when it outgrows `log_min_bytes` (default `LOG_MIN_BYTES`) and a fraction of the postings.
    """

    def __init__(
        self,
        folder: Path,
        terms_of: Callable[[Article], Iterable[str]] = words_of,
        log_min_bytes: int | None = None,
    ) -> None:
        self.folder = folder
        self.terms_of = terms_of
        self.log_min_bytes = log_min_bytes
        self._base = FileCache(self._read_base)  # of `current`: a merge switches it
        self._log_file = FileCache(read_log)
        # The vocabulary of a base and log (the very objects the caches above hold).
        self._vocab_cache: tuple[Base, Mapping[str, Entry], frozenset[str], WordMap] | None = None

    # -- reading ------------------------------------------------------------------------------

    def exists(self) -> bool:
        return (self.folder / "current").exists()

    def _gen(self) -> int:
        return int((self.folder / "current").read_text(encoding="ascii").strip())

    def _read_base(self, current: Path) -> Base:
        gen = int(current.read_text(encoding="ascii").strip())
        read = (self.folder / f"base-{gen}.ids").read_text(encoding="utf-8")
        vocab = (self.folder / f"base-{gen}.vocab").read_text(encoding="utf-8")
        offsets = array("i")
        offsets.frombytes((self.folder / f"base-{gen}.offsets").read_bytes())
        return Base(gen, self.folder, read.split("\n")[:-1], vocab.split("\n")[:-1], offsets)

    def _load_base(self) -> Base:
        """The current base generation, read again only when `current` changes; FileNotFoundError
        when it is missing (or a merge removed its files meanwhile)."""
        base = self._base.get(self.folder / "current")
        if base is None:
            raise FileNotFoundError(self.folder / "current")
        return base

    def _log(self, gen: int) -> Mapping[str, Entry]:
        """The log's entries, parsed again only when the file has changed (read-only)."""
        entries = self._log_file.get(self.folder / f"log-{gen}.txt")
        return NO_ENTRIES if entries is None else entries

    def _snapshot(self) -> tuple[Base, Mapping[str, Entry]]:
        """The base and its log; retried once if a merge switched generations meanwhile."""
        for attempt in range(2):
            try:
                base = self._load_base()
                return base, self._log(base.gen)
            except FileNotFoundError:
                if attempt:
                    raise
                self._base.clear()
            except _DAMAGE as exc:
                raise self._damaged(exc) from exc
        raise AssertionError("unreachable")

    def _read(self, read: Callable[[], T]) -> T:
        """`read` of the base and log, again once if a merge by another process removed this
        generation meanwhile; garbled files are a DamagedIndex."""
        try:
            return read()
        except FileNotFoundError:
            self._base.clear()
            return read()
        except _DAMAGE as exc:
            raise self._damaged(exc) from exc

    def _damaged(self, exc: BaseException) -> DamagedIndex:
        return DamagedIndex(f"The index {self.folder} is damaged ({exc.__class__.__name__}).")

    def check(self) -> str | None:
        """None when every file of the index reads, else what is wrong (for `newstui doctor`)."""
        if not self.exists():
            return None
        try:
            base, _log = self._snapshot()
            base.postings(range(len(base.vocab)))
            if len(base.offsets) != len(base.vocab) + 1:
                raise ValueError("offsets and vocabulary differ")
        except (DamagedIndex, FileNotFoundError, *_DAMAGE) as exc:
            return str(exc) if isinstance(exc, DamagedIndex) else str(self._damaged(exc))
        return None

    def search(self, query: str) -> set[str] | None:
        """Ids of articles containing every word piece of `query`; None for an empty query."""
        tokens = query_tokens(query)
        if not tokens:
            return None
        if not self.exists():
            return set()
        return self._read(lambda: self._search(tokens))

    def _search(self, tokens: list[str]) -> set[str]:
        base, log = self._snapshot()
        found: set[str] | None = None
        for token in tokens:
            docs = base.postings(base.word_indexes(token))
            ids = {base.ids[d] for d in docs} - log.keys() - {""}
            ids.update(i for i, e in log.items() if e.terms is not None and token in e.terms)
            found = ids if found is None else found & ids
            if not found:
                return set()
        return found or set()

    def having_each(self, term_groups: list[set[str]]) -> list[set[str]]:
        """For each group of exact terms, the ids of the articles having any of them (one read)."""
        if not self.exists():
            return [set() for _ in term_groups]
        return self._read(lambda: self._having_each(term_groups))

    def _having_each(self, term_groups: list[set[str]]) -> list[set[str]]:
        base, log = self._snapshot()
        results = []
        for terms in term_groups:
            docs = base.postings(base.exact_indexes(terms))
            ids = {base.ids[d] for d in docs} - log.keys() - {""}
            padded = [f" {t} " for t in terms]
            ids.update(
                i
                for i, e in log.items()
                if e.terms is not None and any(p in e.terms for p in padded)
            )
            results.append(ids)
        return results

    def vocabulary(self) -> set[str]:
        """Every term of the index (the base's and those of articles written since)."""
        return set(self._vocabulary()[0])

    def terms_with_words(self, words: set[str]) -> list[str]:
        """The terms holding every one of `words` as a whole word (a term's words are its runs of
        letters and digits), from a word map kept while the index is unchanged."""
        by_word = self._vocabulary()[1]
        if not words:
            return []
        found: set[str] | None = None
        for word in words:
            having = by_word.get(word, set())
            found = set(having) if found is None else found & having
            if not found:
                return []
        return sorted(found or ())

    def _vocabulary(self) -> tuple[frozenset[str], WordMap]:
        if not self.exists():
            return frozenset(), {}
        base, log = self._read(self._snapshot)
        cached = self._vocab_cache
        if cached is not None and cached[0] is base and cached[1] is log:
            return cached[2], cached[3]
        terms = set(base.vocab)
        for entry in log.values():
            if entry.terms is not None:
                terms.update(entry.terms.split(" "))  # not split(): terms may hold \x1f
        terms.discard("")
        by_word: WordMap = {}
        for term in terms:
            for word in _WORD.findall(term):
                by_word.setdefault(word, set()).add(term)
        frozen = frozenset(terms)
        self._vocab_cache = (base, log, frozen, by_word)
        return frozen, by_word

    # -- writing (under the store's lock) -----------------------------------------------------

    def record(self, articles: Iterable[Article] = (), removed: Iterable[str] = ()) -> None:
        """Append added or re-analyzed articles and removals to the log; merge when it is large."""
        lines = [log_line(a.id, entry_of(self.terms_of(a))) for a in articles]
        lines += [log_line(i, Entry(None)) for i in removed]
        if not lines:
            return
        if not self.exists():
            write_base(self.folder, 1, {})
        try:
            gen = self._gen()
        except _DAMAGE as exc:
            raise self._damaged(exc) from exc
        size = append_lines(self.folder / f"log-{gen}.txt", "".join(lines))
        postings = (self.folder / f"base-{gen}.postings").stat().st_size
        least = LOG_MIN_BYTES if self.log_min_bytes is None else self.log_min_bytes
        if size > max(least, postings // LOG_FRACTION):
            self.merge()

    def merge(self) -> None:
        """Fold the log into a new base generation and switch to it."""
        base, log = self._snapshot()
        write_base(self.folder, base.gen + 1, log, base)
        self._base.clear()
        for old in (f"base-{base.gen}.{x}" for x in ("ids", "vocab", "offsets", "postings")):
            (self.folder / old).unlink(missing_ok=True)
        (self.folder / f"log-{base.gen}.txt").unlink(missing_ok=True)

    def rebuild(self, articles: Iterable[Article]) -> None:
        """Write a fresh base from these articles (all of the store's), dropping the old files."""
        self.rebuild_from({a.id: self.terms_of(a) for a in articles})

    def rebuild_from(self, terms_by_id: dict[str, Iterable[str]]) -> None:
        """Write a fresh base from each article's terms, dropping the old files."""
        entries = {i: entry_of(terms) for i, terms in terms_by_id.items()}
        gen = self._gen() + 1 if self.exists() else 1
        old = list(self.folder.glob("base-*")) + list(self.folder.glob("log-*"))
        write_base(self.folder, gen, entries)
        self._base.clear()
        for path in old:
            path.unlink(missing_ok=True)
