"""The store's timeline index: each article's dated events, so the timeline merged across the store
is read from one file instead of from every article's.

Layout, in the folder `<store>.timeline/` beside the index (derived data, rebuilt from the article
files whenever it is missing or does not read):
- `current`: the generation number `g` of the files below;
- `base-g.txt` and `log-g.txt`: one line per article, `id<TAB>{"t": title, "e": events}` with each
  event as `[value, granularity, paragraph, start, end, text, sentence]`, or `id<TAB>-` for an
  article removed; in the log, written since the base, the last line for an id wins.

Adding or re-analysing an article appends its line to the log (O(article)); when the log outgrows a
fraction of the base it is folded into a new base generation. A reader parses only the lines of the
articles it wants, and only once per change of the files.
"""

from __future__ import annotations

import gc
import json
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from operator import attrgetter
from pathlib import Path
from types import MappingProxyType
from typing import Any

from tui.model import Article, TimelineEvent, granularity
from tui.nlp.timex_calendar import human_date, sort_key
from tui.sanitize import clean_terminal_text as safe
from tui.store.files import DamagedIndex, FileCache, append_lines, atomic_write

LOG_MIN_BYTES = 2_000_000  # a log this small is always cheap to read
LOG_FRACTION = 4  # fold the log in when it is larger than the base / LOG_FRACTION
_REMOVED = "-"
_DAMAGE = (ValueError, UnicodeDecodeError, IndexError, KeyError, TypeError)


@dataclass(frozen=True, slots=True)
class MergedEvent:
    """One dated event of a stored article, with the article it comes from."""

    event: TimelineEvent
    article_id: str
    article_title: str
    order: str
    """Where it sorts: the day its value starts, then the value (`event_order`)."""

    @property
    def date(self) -> str:
        """The event's date in words ("Sun 13 Sep 2020", "the 1990s")."""
        return human_date(self.event.value)

    def to_dict(self) -> dict[str, Any]:
        """One line of `newstui timeline --json`."""
        e = self.event
        return {
            "value": e.value,
            "date": self.date,
            "granularity": e.granularity,
            "text": safe(e.text),
            "sentence": safe(e.sentence),
            "paragraph": e.paragraph,
            "start": e.start,
            "end": e.end,
            "article_id": self.article_id,
            "article_title": safe(self.article_title),
        }


def event_order(value: str) -> str:
    """The sort key of a calendar value of any granularity: the day it starts, then itself."""
    return f"{sort_key(value)}\x1f{value}"


def _payload(title: str, events: list[list[Any]]) -> str:
    events.sort(key=lambda row: (row[2], row[3]))  # text order: the merge relies on it
    return json.dumps({"t": title, "e": events}, ensure_ascii=False)


def _rows(article: Article) -> list[list[Any]]:
    return [
        [e.value, e.granularity, e.paragraph, e.start, e.end, e.text, e.sentence]
        for e in article.timeline
    ]


def rows_of_fields(timeline: list[dict[str, Any]]) -> list[list[Any]]:
    """An article file's `timeline` field as index rows (for a build from the files)."""
    keys = ("value", "granularity", "paragraph", "start", "end", "text", "sentence")
    return [[event[k] for k in keys] for event in timeline]


def _parse(path: Path) -> Mapping[str, str]:
    """The lines of a base or log file by article id (the last line wins), payloads unparsed."""
    lines: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").split("\n"):
        article_id, tab, payload = line.partition("\t")
        if tab and article_id:
            lines[article_id] = payload
    return MappingProxyType(lines)


def _events(article_id: str, payload: str, orders: dict[str, str]) -> list[MergedEvent]:
    """One line's events, their fields taken as the index wrote them (the JSON types are ours; a
    garbled line fails to parse, to unpack or to name a granularity: a DamagedIndex). `orders`
    holds each value's sort key, worked out once for all the lines read."""
    data: dict[str, Any] = json.loads(payload)
    title = data["t"]
    events = []
    for v, g, p, s, e, text, sentence in data["e"]:
        order = orders.get(v)
        if order is None:
            order = orders[v] = event_order(v)
        event = TimelineEvent(v, granularity(g), text, p, s, e, sentence)
        events.append(MergedEvent(event, article_id, title, order))
    return events


@contextmanager
def gc_paused() -> Iterator[None]:
    """No garbage collection while tens of thousands of small objects are made (it would run
    every few hundred of them, over all of them, for nothing: they are all kept)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


_NO_LINES: Mapping[str, str] = MappingProxyType({})


class TimelineIndex:
    """Reads and writes one timeline index folder; writers must hold the store's lock."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._base = FileCache(_parse)
        self._log = FileCache(_parse)

    def exists(self) -> bool:
        return (self.folder / "current").exists()

    def _gen(self) -> int:
        try:
            return int((self.folder / "current").read_text(encoding="ascii").strip())
        except _DAMAGE as exc:
            raise self._damaged(exc) from exc

    def _damaged(self, exc: BaseException) -> DamagedIndex:
        return DamagedIndex(f"The index {self.folder} is damaged ({exc.__class__.__name__}).")

    def _lines(self) -> dict[str, str]:
        """Every article's current line (removals included), base and log read as one."""
        for attempt in range(2):
            gen = self._gen()
            base = self._base.get(self.folder / f"base-{gen}.txt")
            if base is None:  # a fold by another process switched generations meanwhile
                if attempt:
                    raise self._damaged(FileNotFoundError(f"base-{gen}.txt"))
                continue
            log = self._log.get(self.folder / f"log-{gen}.txt") or _NO_LINES
            return {**base, **log}
        raise AssertionError("unreachable")

    def events(self, ids: Iterable[str]) -> list[MergedEvent]:
        """The events of those of `ids` that the index holds, in calendar order (then article,
        then place in it)."""
        lines = self._lines()
        found: list[MergedEvent] = []
        orders: dict[str, str] = {}
        try:
            with gc_paused():
                for article_id in sorted(ids):
                    payload = lines.get(article_id)
                    if payload is not None and payload != _REMOVED:
                        found.extend(_events(article_id, payload, orders))
                found.sort(key=attrgetter("order"))  # stable: by article, then text order
        except _DAMAGE as exc:
            raise self._damaged(exc) from exc
        return found

    def check(self) -> str | None:
        """None when the index reads, else what is wrong (for `newstui doctor`)."""
        if not self.exists():
            return None
        try:
            lines = self._lines()
            self.events(lines)
        except (DamagedIndex, OSError, *_DAMAGE) as exc:
            return str(exc) if isinstance(exc, DamagedIndex) else str(self._damaged(exc))
        return None

    def record(self, articles: Iterable[Article] = (), removed: Iterable[str] = ()) -> None:
        """Append added or re-analysed articles and removals to the log; fold it in when large."""
        text = "".join(f"{a.id}\t{_payload(a.title, _rows(a))}\n" for a in articles)
        self._append(text + "".join(f"{i}\t{_REMOVED}\n" for i in removed))

    def record_rows(self, rows: Iterable[tuple[str, str, list[list[Any]]]]) -> None:
        """Append (id, title, event rows) lines to the log, as `record` does for articles."""
        self._append("".join(f"{i}\t{_payload(title, events)}\n" for i, title, events in rows))

    def _append(self, text: str) -> None:
        if not text:
            return
        gen = self._gen()
        size = append_lines(self.folder / f"log-{gen}.txt", text)
        base = (self.folder / f"base-{gen}.txt").stat().st_size
        if size > max(LOG_MIN_BYTES, base // LOG_FRACTION):
            self._write(gen + 1, self._lines())

    def rebuild(self, rows: Iterable[tuple[str, str, list[list[Any]]]]) -> None:
        """Write a fresh base from (id, title, event rows) of every listed article, dropping the
        old files."""
        lines = {article_id: _payload(title, events) for article_id, title, events in rows}
        gen = self._gen() + 1 if self.exists() else 1
        self._write(gen, lines)

    def held(self) -> set[str]:
        """The ids the index holds a line for (removed ones left out)."""
        return {i for i, payload in self._lines().items() if payload != _REMOVED}

    def _write(self, gen: int, lines: Mapping[str, str]) -> None:
        """Write generation `gen` holding `lines` (removals left out), switch to it, drop the rest."""
        self.folder.mkdir(parents=True, exist_ok=True)
        old = [p for p in self.folder.iterdir() if p.name.startswith(("base-", "log-"))]
        kept = "".join(f"{i}\t{p}\n" for i, p in lines.items() if p != _REMOVED)
        atomic_write(self.folder / f"base-{gen}.txt", kept)
        atomic_write(self.folder / f"log-{gen}.txt", "")
        atomic_write(self.folder / "current", f"{gen}\n")
        self._base.clear()
        self._log.clear()
        for path in old:
            if path.name not in (f"base-{gen}.txt", f"log-{gen}.txt"):
                path.unlink(missing_ok=True)
