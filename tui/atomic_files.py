"""The one atomic write of whole files, and making a folder's names durable.

Every layer writes files this way (the store, the settings, the knowledge cache, the feed
subscriptions), so it lives below them all, beside `model` and `sanitize`. A write goes to a temporary
file in the same folder that is renamed over the old one, so a crash leaves either the old or the new
file, never half of one; the file and then its folder are fsynced, so a write that has returned
survives a power cut.
"""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path


def atomic_write(path: Path, data: str | bytes, *, durable: bool = True) -> None:
    """Write `data` (text as UTF-8) to `path` so that a crash leaves the old file or the new one,
    never half of one, and a power cut after the return loses neither: a temporary file in the same
    folder, fsynced, renamed over `path`, then the folder fsynced so the rename is on disk too.
    `durable=False` skips both fsyncs, for derived files whose readers check them against the
    data they come from (a power cut may then leave the old file, or an empty or torn one)."""
    folder = path.parent
    folder.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data.encode("utf-8") if isinstance(data, str) else data)
            if durable:
                fh.flush()
                os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    if durable:
        fsync_folder(folder)


# What `fsync` on a folder fails with where the file system cannot do it (it is then skipped).
_CANNOT_FSYNC_FOLDER = {errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EACCES, errno.EPERM}


def fsync_folder(folder: Path) -> None:
    """Make the names in a folder durable (a rename, a file created): fsync the folder itself.
    Skipped on Windows, which cannot open a folder, and on file systems that refuse."""
    if os.name == "nt":
        return
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError as exc:
        if exc.errno in _CANNOT_FSYNC_FOLDER:
            return
        raise
    try:
        os.fsync(fd)
    except OSError as exc:
        if exc.errno not in _CANNOT_FSYNC_FOLDER:
            raise
    finally:
        os.close(fd)
