"""The article store: `from tui.store import Store`, the rest of the package is its inside.

Modules (each does one job; the files on disk are described in `tui.store.store`):
- `store`: the `Store` class, which every reader and writer of a store goes through;
- `index`: the index `<name>.json` (TinyDB) with the reading-state log on top; `index_file`: how
  TinyDB reads and writes that file; `state_log`: the log `<name>.state`;
- `documents`: what is kept of each article: its index document and its article file;
- `term_indexes`: the word, entity and story-key indexes; `search`: one such index folder;
- `keys`: what makes two inputs the same story; `duplicates`: adding an input of a stored story;
- `lock`: one writer at a time; `migrations`: the schema version and the steps up to it;
- `files`: the store's error, the one atomic write, appended log lines and the changed-file cache;
- `doctor`: `newstui doctor`, checking and repairing a store.

The names below are loaded when first asked for (PEP 562), so importing one module of the package
(`tui.store.files` for `tui.settings`) does not load the others, and the reader's start-up never loads
the modules it does not use (`keys` when it adds nothing, `doctor`).
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tui.store.doctor import DoctorReport, examine
    from tui.store.duplicates import Added
    from tui.store.files import StoreError, atomic_write
    from tui.store.keys import canonical_url, identity_terms
    from tui.store.location import resolve_db_path
    from tui.store.migrations import SCHEMA_VERSION
    from tui.store.store import Store

__all__ = [
    "SCHEMA_VERSION",
    "Added",
    "DoctorReport",
    "Store",
    "StoreError",
    "atomic_write",
    "canonical_url",
    "examine",
    "identity_terms",
    "resolve_db_path",
]

_HOME = {
    "SCHEMA_VERSION": "migrations",
    "Added": "duplicates",
    "Store": "store",
    "resolve_db_path": "location",
    "StoreError": "files",
    "atomic_write": "files",
    "canonical_url": "keys",
    "identity_terms": "keys",
    "DoctorReport": "doctor",
    "examine": "doctor",
}


def __getattr__(name: str) -> Any:
    home = _HOME.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f"{__name__}.{home}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])
