"""A store's write lock: one writer at a time across processes (a file lock beside the index) and
threads, and what tells a write made by another process from this process's own."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tui.store.files import Stamp, StoreError, file_stamp

LOCK_TIMEOUT_S = 30.0

Stamps = tuple[Stamp | None, ...]


class WriteLock:
    """`<index>.lock`, and the stamps of the files (`watched`) a write by another process changes."""

    def __init__(self, path: Path, watched: tuple[Path, ...]) -> None:
        self.path = path
        self._watched = watched
        self._thread_lock = threading.RLock()
        self._seen: Stamps | None = None  # the watched files as last seen
        self._outside = False  # another process wrote in between (seen when taking the lock)

    @contextmanager
    def held(self) -> Iterator[None]:
        """Hold the cross-process write lock (and this process's thread lock)."""
        from filelock import FileLock, Timeout

        self.path.parent.mkdir(parents=True, exist_ok=True)
        lock = FileLock(str(self.path) + ".lock", timeout=LOCK_TIMEOUT_S)
        with self._thread_lock:
            try:
                with lock, self._stamping():
                    yield
            except Timeout as exc:
                raise StoreError(
                    f"The store {self.path} stayed locked by another newstui process for "
                    f"{LOCK_TIMEOUT_S:.0f} s; try again when it has finished."
                ) from exc

    def _stamp(self) -> Stamps:
        """What identifies the watched files as they are on disk now."""
        return tuple(file_stamp(path) for path in self._watched)

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

    def look(self) -> None:
        """Remember the files as they are now (the store has just read them)."""
        self._seen = self._stamp()

    def changed_elsewhere(self) -> bool:
        """Whether another process has written the files since this one last asked or wrote
        (a few `stat` calls: cheap enough for a timer)."""
        stamp = self._stamp()
        changed = self._outside or stamp != self._seen
        self._seen, self._outside = stamp, False
        return changed
