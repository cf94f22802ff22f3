"""The shape STYLE.md asks for: the core never imports the UI, and heavy imports load late."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO

CORE = ["tui/model.py", "tui/store.py", "tui/sanitize.py", "tui/adding.py", "tui/output.py"]
CORE_DIRS = ["tui/ingest", "tui/nlp"]
UI_MODULES = ("textual", "typer", "tui.app", "tui.cli")


def core_files() -> list[Path]:
    files = [REPO / f for f in CORE]
    for folder in CORE_DIRS:
        files += sorted((REPO / folder).glob("*.py"))
    return files


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


@pytest.mark.parametrize("path", core_files(), ids=lambda p: str(p.relative_to(REPO)))
def test_core_module_imports_no_ui(path: Path) -> None:
    bad = {m for m in imported_modules(path) if m.startswith(UI_MODULES)}
    assert not bad, f"{path.name} imports UI modules {sorted(bad)}"


def test_tui_start_up_path_loads_no_heavy_library() -> None:
    code = (
        "import sys, tui.cli, tui.app.app\n"
        "heavy = [m for m in ('spacy', 'trafilatura', 'dateparser', 'thinc', 'tui.nlp.pipeline')"
        " if m in sys.modules]\n"
        "print(','.join(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
