"""The subscriptions: `<store stem>.feeds.json` beside the store, one entry per feed.

Each entry keeps what a polite refresh needs (the last ETag and Last-Modified), what the feeds view
shows (status, error, last fetch) and what keeps an item from being stored twice (hashed keys of the
guids and links seen, and the items stored partial, to be fetched again). The file is written
atomically (`tui.atomic_files.atomic_write`) under its own cross-process lock; a file that does
not parse is reported and never overwritten.
"""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Literal, cast, get_args

from tui.atomic_files import atomic_write
from tui.feeds.errors import FeedError

FeedStatus = Literal["ok", "not_modified", "error", "never"]
REGISTRY_VERSION = 1
LOCK_TIMEOUT_S = 30.0
SEEN_KEEP = 400  # keys kept per feed beyond those of its latest document


@dataclass(slots=True)
class Partial:
    """An item stored with only what its feed gave, because its page could not be fetched."""

    link: str
    article: str  # the stored article's id
    tries: int = 1
    next_try: str = ""  # ISO time before which it is not fetched again


@dataclass(slots=True)
class Feed:
    """One subscription and what its last refresh found."""

    id: str
    url: str
    title: str = ""
    site_url: str | None = None
    tags: list[str] = field(default_factory=list)
    etag: str | None = None
    last_modified: str | None = None
    last_fetched: str | None = None  # ISO time of the last fetch, whatever its outcome
    status: FeedStatus = "never"
    error: str | None = None
    added: str = ""
    seen: list[str] = field(default_factory=list)  # hashed item keys, oldest first
    partial: dict[str, Partial] = field(default_factory=dict)  # item key -> what to retry

    @property
    def name(self) -> str:
        """What the feed is called: its title, else its URL."""
        return self.title or self.url

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Feed:
        status = d.get("status", "never")
        return cls(
            id=str(d["id"]),
            url=str(d["url"]),
            title=str(d.get("title") or ""),
            site_url=d.get("site_url"),
            tags=[str(t) for t in d.get("tags", [])],
            etag=d.get("etag"),
            last_modified=d.get("last_modified"),
            last_fetched=d.get("last_fetched"),
            status=cast(FeedStatus, status if status in get_args(FeedStatus) else "never"),
            error=d.get("error"),
            added=str(d.get("added") or ""),
            seen=[str(k) for k in d.get("seen", [])],
            partial={str(k): Partial(**v) for k, v in (d.get("partial") or {}).items()},
        )


def feed_id(url: str) -> str:
    """A feed's id: 8 hex digits of its URL's SHA-256 (stable, short enough to type)."""
    import hashlib

    return hashlib.sha256(url.encode("utf-8", "surrogatepass")).hexdigest()[:8]


def registry_path(store_path: str | os.PathLike[str]) -> Path:
    """Where a store's subscriptions live: `<store stem>.feeds.json` beside it."""
    path = Path(store_path)
    return path.with_name(path.stem + ".feeds.json")


def remember_seen(feed: Feed, current: list[str], stored: list[str]) -> None:
    """Add item keys to a feed's seen list: every key of its latest document stays, and up to
    `SEEN_KEEP` older ones (an item that left the feed long ago does not come back; if it does,
    the store still knows its URL)."""
    keep = set(current)
    merged = list(dict.fromkeys([*feed.seen, *stored, *current]))
    older = [k for k in merged if k not in keep][-SEEN_KEEP:]
    feed.seen = [*older, *(k for k in merged if k in keep)]


class Registry:
    """A store's subscriptions file: read on each call, written atomically under a lock."""

    def __init__(self, store_path: str | os.PathLike[str]) -> None:
        self.path = registry_path(store_path)
        self._thread_lock = threading.RLock()

    def feeds(self) -> list[Feed]:
        """Every subscription, in the order they were added."""
        return self._read()

    def find(self, ref: str, feeds: list[Feed] | None = None) -> Feed:
        """The feed with this id, id prefix (4+ characters) or URL; KeyError with a sentence."""
        feeds = self.feeds() if feeds is None else feeds
        wanted = ref.strip()
        for feed in feeds:
            if wanted in (feed.id, feed.url):
                return feed
        prefix = wanted.lower()
        matches = [f for f in feeds if len(prefix) >= 4 and f.id.startswith(prefix)]
        if len(matches) == 1:
            return matches[0]
        if len(matches) > 1:
            raise KeyError(f"The feed id {ref!r} matches {len(matches)} feeds; give more of it.")
        raise KeyError(f"No feed has the id or URL {ref!r}; see `newstui feeds list`.")

    @contextmanager
    def editing(self) -> Iterator[list[Feed]]:
        """The feeds as on disk, under the lock; the list as left by the block is written back."""
        from filelock import FileLock, Timeout

        self.path.parent.mkdir(parents=True, exist_ok=True)
        lock = FileLock(str(self.path) + ".lock", timeout=LOCK_TIMEOUT_S)
        with self._thread_lock:
            try:
                with lock:
                    feeds = self._read()
                    yield feeds
                    self._write(feeds)
            except Timeout as exc:
                raise FeedError(
                    f"The subscriptions file {self.path} stayed locked by another newstui for "
                    f"{LOCK_TIMEOUT_S:.0f} s; try again when it has finished."
                ) from exc

    def _read(self) -> list[Feed]:
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return []
        except (OSError, UnicodeDecodeError) as exc:
            raise self._damaged(exc) from exc
        if not text.strip():
            return []
        try:
            data = json.loads(text)
            if not isinstance(data, dict) or not isinstance(data.get("feeds"), list):
                raise ValueError("not a newstui subscriptions file")
            if int(data.get("version", 1)) > REGISTRY_VERSION:
                raise FeedError(
                    f"The subscriptions file {self.path} was written by a newer newstui; "
                    "upgrade newstui to use it."
                )
            return [Feed.from_dict(d) for d in data["feeds"]]
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise self._damaged(exc) from exc

    def _write(self, feeds: list[Feed]) -> None:
        doc = {"version": REGISTRY_VERSION, "feeds": [f.to_dict() for f in feeds]}
        atomic_write(self.path, json.dumps(doc, ensure_ascii=False, indent=1) + "\n")

    def _damaged(self, exc: Exception) -> FeedError:
        return FeedError(
            f"The subscriptions file {self.path} is damaged ({exc}); fix it or move it away. "
            "It has not been changed."
        )
