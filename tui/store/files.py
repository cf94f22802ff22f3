"""The store's files: its error, appended log lines, and the one cache of what was parsed from a file
(`FileCache`); the one atomic write is `tui.atomic_files` (below every layer: the settings and the
knowledge cache use it too), re-exported here.

Every write of a whole file goes to a temporary file in the same folder that is then renamed over the
old one, so a crash leaves either the old or the new file, never half of one; the file and then its
folder are fsynced, so a write that has returned survives a power cut.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Generic, TypeVar

from tui.atomic_files import atomic_write, fsync_folder

__all__ = [
    "DamagedIndex",
    "FileCache",
    "NewerStoreError",
    "StoreError",
    "append_lines",
    "atomic_write",
    "file_stamp",
    "fsync_folder",
    "unwritable",
]

T = TypeVar("T")
Stamp = tuple[int, int, int, int]


class StoreError(Exception):
    """The store cannot be read or written; the message names the file and what to do."""


class DamagedIndex(StoreError):
    """An index folder's files do not parse: derived data, rebuilt from the article files."""


class NewerStoreError(StoreError):
    """The store was written by a newer newstui: nothing here may change it, doctor included."""


def unwritable(path: Path, exc: OSError) -> StoreError:
    """The sentence for a store the system would not let newstui write."""
    import errno

    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        hint = "the disk is full; free some space and try again"
    elif exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        hint = "it is read-only; check the folder's permissions or mount, or choose another --db"
    else:
        hint = f"{exc.strerror or exc}; check the folder and try again"
    return StoreError(f"The store {path} could not be written: {hint}. Nothing stored was lost.")


def append_lines(path: Path, lines: str) -> int:
    """Append whole lines to a log file, fsynced; returns the file's new size.

    A crash mid-append leaves half a line at the end: it is ended first, so readers (which skip a
    line that does not parse) lose only that line, never the one written now. A log this call
    creates has its folder fsynced too, so its name survives a power cut.
    """
    with open(path, "a+b") as fh:
        size = fh.seek(0, os.SEEK_END)
        if size:
            fh.seek(size - 1)
            torn = fh.read(1) != b"\n"
            fh.seek(0, os.SEEK_END)
            if torn:
                fh.write(b"\n")
        fh.write(lines.encode("utf-8"))
        fh.flush()
        os.fsync(fh.fileno())
        end = fh.tell()
    if not size:
        fsync_folder(path.parent)
    return end


def file_stamp(path: Path) -> Stamp | None:
    """What tells a file's versions apart without reading it: its inode (a rename over it changes
    it), size and modification and change times; None when there is no such file."""
    try:
        st = path.stat()
    except FileNotFoundError:
        return None
    return st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns


class FileCache(Generic[T]):
    """What was parsed from a file, parsed again only when the file has changed: a `stat` a call
    instead of a read. Holds one file at a time (the path may change: a log of each generation)."""

    def __init__(self, parse: Callable[[Path], T]) -> None:
        self._parse = parse
        self._held: tuple[Path, Stamp, T] | None = None

    def get(self, path: Path) -> T | None:
        """The file parsed (read-only for callers), from the cache while its stamp is the same;
        None when it is missing. What `parse` raises passes through, and nothing is kept."""
        stamp = file_stamp(path)
        if stamp is None:
            self._held = None
            return None
        held = self._held
        if held is not None and held[1] == stamp and held[0] == path:
            return held[2]
        try:
            value = self._parse(path)
        except FileNotFoundError:  # removed between the stat and the read
            self._held = None
            return None
        self._held = (path, stamp, value)
        return value

    def unchanged(self, path: Path) -> T | None:
        """What is held for `path` if the file has not changed since (without parsing it), else None."""
        held = self._held
        if held is None or held[0] != path or held[1] != file_stamp(path):
            return None
        return held[2]

    def put(self, path: Path, value: T) -> None:
        """After writing the file oneself: hold what was written, as of the file's stamp now."""
        stamp = file_stamp(path)
        self._held = None if stamp is None else (path, stamp, value)

    def clear(self) -> None:
        """Forget what is held: the next `get` parses the file."""
        self._held = None
