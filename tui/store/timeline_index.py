"""The store's timeline index: each article's dated events, so the timeline merged across the store
is read from one file instead of from every article's.

Layout, in the folder `<store>.timeline/` beside the index (derived data, rebuilt from the article
files whenever it is missing or does not read):
- `current`: the generation number `g` of the files below;
- `base-g.txt` and `log-g.txt`: one line per article, `id<TAB>keys<TAB>{"t": title, "e": events}`
  with each event as `[value, granularity, paragraph, start, end, text, sentence]` and `keys` the
  events' `[[value, sentence number], ...]` in the same order (what the merged view sorts and
  groups by, read without the texts), or `id<TAB>-` for an article removed; in the log, written
  since the base, the last line for an id wins. A line without keys (written before them) reads
  as well, from its events.

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
from operator import attrgetter, itemgetter
from pathlib import Path
from types import MappingProxyType
from typing import Any, NamedTuple

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
    keys = json.dumps(_keys_of(events), ensure_ascii=False)
    return f"{keys}\t{json.dumps({'t': title, 'e': events}, ensure_ascii=False)}"


def _keys_of(events: list[list[Any]]) -> list[list[Any]]:
    """Each event's value and the number of its sentence in the article (events in text order:
    those of one sentence are neighbours)."""
    keys, last, number = [], None, -1
    for v, _g, p, _s, _e, _text, sentence in events:
        if (p, sentence) != last:
            last, number = (p, sentence), number + 1
        keys.append([v, number])
    return keys


def _split(payload: str) -> tuple[str | None, str]:
    """A line's keys (None on a line written before them) and its events' JSON."""
    if payload.startswith("["):
        keys, _tab, data = payload.partition("\t")
        return keys, data
    return None, payload


class EventKey(NamedTuple):
    """Where one event sits in the merged timeline, without its texts: enough to sort the store's
    events and gather them by sentence; the texts are read when the row is drawn (a tuple: tens
    of thousands are made at once)."""

    order: str
    article_id: str
    position: int
    """Its place among its article's events (text order)."""
    sentence: int
    """The number of its sentence in its article."""
    value: str


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
    data: dict[str, Any] = json.loads(_split(payload)[1])
    title = data["t"]
    events = []
    for v, g, p, s, e, text, sentence in data["e"]:
        order = orders.get(v)
        if order is None:
            order = orders[v] = event_order(v)
        event = TimelineEvent(v, granularity(g), text, p, s, e, sentence)
        events.append(MergedEvent(event, article_id, title, order))
    return events


def _event_rows(data: str) -> list[list[Any]]:
    rows: list[list[Any]] = json.loads(data)["e"]
    return rows


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

    def _line(self, article_id: str) -> str | None:
        """One article's current line, without merging the whole base and log (`_lines`)."""
        gen = self._gen()
        log = self._log.get(self.folder / f"log-{gen}.txt") or _NO_LINES
        if article_id in log:
            return log[article_id]
        base = self._base.get(self.folder / f"base-{gen}.txt") or _NO_LINES
        return base.get(article_id)

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

    def keys(self, ids: Iterable[str]) -> list[EventKey]:
        """The keys of the events of those of `ids` that the index holds, in the order `events`
        gives (calendar, then article, then place in it), without reading their texts."""
        lines = self._lines()
        found: list[EventKey] = []
        orders: dict[str, str] = {}
        try:
            with gc_paused():
                held, texts = [], []
                for article_id in sorted(ids):
                    payload = lines.get(article_id)
                    if payload is not None and payload != _REMOVED:
                        keys, data = _split(payload)
                        held.append(article_id)
                        texts.append(
                            keys if keys is not None else json.dumps(_keys_of(_event_rows(data)))
                        )
                # one parse of every article's keys: a call per article would cost more than the parse
                for article_id, rows in zip(held, json.loads(f"[{','.join(texts)}]"), strict=True):
                    for index, (v, number) in enumerate(rows):
                        order = orders.get(v)
                        if order is None:
                            order = orders[v] = event_order(v)
                        found.append(EventKey(order, article_id, index, number, v))
                found.sort(key=itemgetter(0))
        except _DAMAGE as exc:
            raise self._damaged(exc) from exc
        return found

    def article_events(self, article_id: str) -> list[MergedEvent]:
        """One article's events in text order (what `EventKey.position` counts), or none."""
        payload = self._line(article_id)
        if payload is None or payload == _REMOVED:
            return []
        try:
            return _events(article_id, payload, {})
        except _DAMAGE as exc:
            raise self._damaged(exc) from exc

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
