"""BASELINE ONLY: the store as it was before issue 8, loaded from git history, measured beside the new one.

Not used by newstui. `bench/store_scale.py` opens stores written in the old layout with this module's
`Store`, so every run shows the old figures next to the new ones on the same machine at the same time.
The code is taken from the commit below rather than copied into the tree.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from types import ModuleType

BEFORE_COMMIT = (
    "3d5fa5e"  # "Store: full-text search (naive), doctor": the last store before issue 8
)
REPO = Path(__file__).resolve().parents[1]


def _load() -> ModuleType:
    try:
        source = subprocess.run(
            ["git", "show", f"{BEFORE_COMMIT}:tui/store.py"],
            cwd=REPO,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    except (OSError, subprocess.CalledProcessError) as exc:
        raise SystemExit(
            f"bench: the baseline store needs the git history (commit {BEFORE_COMMIT}); "
            "run from a git clone of newstui, or pass --before-max 0."
        ) from exc
    module = ModuleType("store_before")
    module.__file__ = f"{REPO}/tui/store.py@{BEFORE_COMMIT}"
    sys.modules["store_before"] = module
    exec(compile(source, module.__file__, "exec"), module.__dict__)
    return module


Store = _load().Store
