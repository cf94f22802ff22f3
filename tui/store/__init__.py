"""The article store: `from tui.store import Store`, the rest of the package is its inside.

Modules (each does one job; see the layout in `tui.store.store`):
- `store`: the `Store` class, the only code that changes a store;
- `files`: the store's error, atomic writes and appended log lines;
- `search`: one inverted index folder (terms -> articles), used three times by a store;
- `keys`: the story keys that tell two inputs of the same story apart from two stories;
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
    from tui.store.files import StoreError, atomic_write_text
    from tui.store.keys import canonical_url, identity_terms
    from tui.store.store import SCHEMA_VERSION, Added, Store, resolve_db_path

__all__ = [
    "SCHEMA_VERSION",
    "Added",
    "DoctorReport",
    "Store",
    "StoreError",
    "atomic_write_text",
    "canonical_url",
    "examine",
    "identity_terms",
    "resolve_db_path",
]

_HOME = {
    "SCHEMA_VERSION": "store",
    "Added": "store",
    "Store": "store",
    "resolve_db_path": "store",
    "StoreError": "files",
    "atomic_write_text": "files",
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
