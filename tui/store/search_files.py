"""A term index's files: the base generations and the log (the layout `tui.store.search`
describes), parsed and written.

A base is the ids, the sorted vocabulary and int32 offset and posting arrays; the log holds one line
per write since the base: `id<TAB> term term … ` or `id<TAB>-` for a removal.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

from tui.store.files import atomic_write

DEAD_FRACTION = 4  # renumber the doc numbers when more than 1 / DEAD_FRACTION are dead


@dataclass(slots=True)
class Entry:
    """One article's words as written to the log: ` word word … ` (None: removed)."""

    terms: str | None


def log_line(article_id: str, entry: Entry) -> str:
    return f"{article_id}\t{'-' if entry.terms is None else entry.terms}\n"


def entry_of(terms: Iterable[str]) -> Entry:
    """A log entry for these terms (none may hold a space, tab or newline)."""
    return Entry(" " + " ".join(sorted(terms)) + " ")


def read_log(path: Path) -> dict[str, Entry]:
    return parse_log(path.read_text(encoding="utf-8"))


def parse_log(text: str) -> dict[str, Entry]:
    """The log's entries, the last one per id; a torn last line (a crash mid-append) is skipped."""
    entries: dict[str, Entry] = {}
    for line in text.split("\n")[:-1]:  # the part after the last newline is incomplete or empty
        parts = line.split("\t")
        if len(parts) == 2:
            entries.pop(parts[0], None)
            entries[parts[0]] = Entry(None if parts[1] == "-" else parts[1])
    return entries


NO_ENTRIES: Mapping[str, Entry] = MappingProxyType({})  # the log of a base without one


@dataclass(slots=True)
class Base:
    """One generation's base files, loaded (posting lists are read on demand)."""

    gen: int
    folder: Path
    ids: list[str]
    vocab: list[str]
    offsets: array

    def postings(self, term_indexes: Iterable[int]) -> set[int]:
        """The union of the doc numbers of these terms, read straight from the postings file."""
        docs: set[int] = set()
        with open(self.folder / f"base-{self.gen}.postings", "rb") as fh:
            for i in term_indexes:
                start, end = self.offsets[i], self.offsets[i + 1]
                if end > start:
                    fh.seek(start * 4)
                    chunk = array("i")
                    chunk.frombytes(fh.read((end - start) * 4))
                    docs.update(chunk)
        return docs

    def word_indexes(self, token: str) -> list[int]:
        """The terms that contain `token`."""
        return [i for i, t in enumerate(self.vocab) if token in t]

    def exact_indexes(self, terms: Iterable[str]) -> list[int]:
        """The positions of these terms in the (sorted) vocabulary, for those it has."""
        found = []
        for term in terms:
            i = bisect_left(self.vocab, term)
            if i < len(self.vocab) and self.vocab[i] == term:
                found.append(i)
        return found


def write_base(
    folder: Path, gen: int, entries: Mapping[str, Entry], base: Base | None = None
) -> None:
    """Write generation `gen` = `base` (if any) with `entries` folded in, then point `current` at it."""
    folder.mkdir(parents=True, exist_ok=True)
    ids: list[str] = list(base.ids) if base else []
    if base:  # an article superseded (re-analyzed) or removed: its old doc number dies
        position = {i: d for d, i in enumerate(ids) if i}
        for article_id in entries:
            d = position.get(article_id)
            if d is not None:
                ids[d] = ""
    lists: dict[str, array] = {}
    if base and base.vocab:
        with open(folder / f"base-{base.gen}.postings", "rb") as fh:
            everything = array("i")
            everything.frombytes(fh.read())
        for i, term in enumerate(base.vocab):
            lists[term] = everything[base.offsets[i] : base.offsets[i + 1]]
    for article_id, entry in entries.items():
        if entry.terms is None:
            continue
        d = len(ids)
        ids.append(article_id)
        for term in entry.terms.split(" "):
            if term:
                lists.setdefault(term, array("i")).append(d)
    dead = sum(1 for i in ids if not i)
    if dead * DEAD_FRACTION > len(ids):
        ids, lists = _renumber(ids, lists)
    vocab = sorted(lists)
    offsets = array("i", [0])
    postings = array("i")
    for term in vocab:
        postings.extend(lists[term])
        offsets.append(len(postings))
    atomic_write(folder / f"base-{gen}.postings", postings.tobytes())
    atomic_write(folder / f"base-{gen}.offsets", offsets.tobytes())
    atomic_write(folder / f"base-{gen}.vocab", "".join(t + "\n" for t in vocab))
    atomic_write(folder / f"base-{gen}.ids", "".join(i + "\n" for i in ids))
    (folder / f"log-{gen}.txt").unlink(missing_ok=True)
    atomic_write(folder / "current", str(gen))


def _renumber(ids: list[str], lists: dict[str, array]) -> tuple[list[str], dict[str, array]]:
    """Drop dead doc numbers: live articles get consecutive numbers again."""
    remap = array("i", [-1]) * len(ids)
    live: list[str] = []
    for d, article_id in enumerate(ids):
        if article_id:
            remap[d] = len(live)
            live.append(article_id)
    renumbered = {}
    for term, docs in lists.items():
        kept = array("i", (remap[d] for d in docs if remap[d] >= 0))
        if kept:
            renumbered[term] = kept
    return live, renumbered
