"""The store's files: its error, atomic writes and appended log lines.

Every write goes to a temporary file in the same folder that is then renamed over the old one, so a
crash leaves either the old or the new file, never half of one.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


class StoreError(Exception):
    """The store cannot be read or written; the message names the file and what to do."""


def append_lines(path: Path, lines: str) -> int:
    """Append whole lines to a log file, fsynced; returns the file's new size.

    A crash mid-append leaves half a line at the end: it is ended first, so readers (which skip a
    line that does not parse) lose only that line, never the one written now.
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
        return fh.tell()


def atomic_write_text(path: Path, text: str) -> None:
    """Write `text` to `path` through a temporary file in the same folder and a rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
