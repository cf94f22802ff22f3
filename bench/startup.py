"""Start-up: launch to the first painted article list, beside a minimal Textual app in the same run.

    python bench/startup.py [--sizes 0,10000] [--rounds 5] [--baseline REV]

Each program is started on a real 120x40 pseudo-terminal (`bench/terminal.py`) and timed from launch
until a known text appears in what it writes to the terminal: for newstui, the title of the newest
article in the list (or "No articles yet" for an empty store); for the baseline, `bench/minimal_app.py`
(a Header, a three-item OptionList and a Footer), its first item. So the figure includes Python start,
imports, opening the store and the first paint, as a user sees it. Rounds alternate the programs so
the machine's noise falls on all of them alike; medians are printed.

Every program runs with its bytecode cached, as an installed program has it: the first round (not
counted) writes the cache to a temporary folder (PYTHONPYCACHEPREFIX), even where the environment
sets PYTHONDONTWRITEBYTECODE; otherwise newstui, run from the source tree, recompiled its own ~30
modules on every launch while the baseline's Textual came precompiled.

`--baseline REV` also times newstui as it was at git revision REV, on each store, in the same rounds
(checked out into a temporary folder as `open_pty.py` does, started through the console-script
entry point that revision's pyproject.toml names, on the same interpreter).
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from terminal import run_until

BIN = Path(sys.executable).parent
GOAL_RATIO = 1.3


def newstui_argv(db: Path) -> list[str]:
    return [str(BIN / "newstui"), "--db", str(db)]


def baseline_argv(revision: str, tree: Path, db: Path) -> list[str]:
    """newstui at `revision` (its files in `tree`), started through its own console-script entry."""
    repo = Path(__file__).resolve().parents[1]
    pyproject = subprocess.run(
        ["git", "-C", str(repo), "show", f"{revision}:pyproject.toml"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    found = re.search(r'^newstui\s*=\s*"([\w.]+):(\w+)"', pyproject, re.MULTILINE)
    if found is None:
        raise SystemExit(f"{revision}: no newstui entry point in pyproject.toml")
    module, function = found.groups()
    code = (
        f"import sys, tui; assert tui.__file__.startswith({str(tree)!r}), tui.__file__; "
        f"from {module} import {function}; sys.exit({function}())"
    )
    return [sys.executable, "-c", code, "--db", str(db)]


def marker_for(db: Path) -> str:
    """The first words of the newest title as the list paints them (or the empty-store hint)."""
    from tui.store import Store

    summaries = Store(db).summaries()
    return summaries[0].title[:12] if summaries else "No articles yet"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="0,10000", help="store sizes, comma-separated")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--baseline", metavar="REV", help="also time newstui at this git revision")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",") if s]
    from open_pty import checkout
    from synth import write_store

    with tempfile.TemporaryDirectory(prefix="newstui-startup-") as work:
        # An empty value drops the variable (see `run_until`).
        env = {"PYTHONPYCACHEPREFIX": str(Path(work) / "pycache"), "PYTHONDONTWRITEBYTECODE": ""}
        old = checkout(args.baseline, Path(work) / "baseline") if args.baseline else None
        # The baseline imports its own `tui`: it runs from its folder (`python -c` puts the working
        # folder first on sys.path) with that folder on PYTHONPATH.
        old_env = {**env, "PYTHONPATH": f"{old}{os.pathsep}{os.environ.get('PYTHONPATH', '')}"}
        # name -> (argv, marker, env, working folder)
        programs: dict[str, tuple[list[str], str, dict[str, str], str | None]] = {
            "minimal Textual app": (
                [sys.executable, str(Path(__file__).with_name("minimal_app.py"))],
                "minimal ready",
                env,
                None,
            )
        }
        for size in sizes:
            db = Path(work) / f"s{size}" / "store.json"
            if size:
                t = time.perf_counter()
                write_store(db, size)
                print(
                    f"(wrote a synthetic {size}-article store in {time.perf_counter() - t:.0f} s)"
                )
            marker = marker_for(db)
            programs[f"newstui, {size} articles"] = (newstui_argv(db), marker, env, None)
            if old is not None:
                argv = baseline_argv(args.baseline, old, db)
                programs[f"{args.baseline}, {size} articles"] = (argv, marker, old_env, str(old))
        times: dict[str, list[float]] = {name: [] for name in programs}
        for _ in range(args.rounds + 1):
            for name, (argv, marker, program_env, cwd) in programs.items():
                run = run_until(argv, [marker], env=program_env, timeout=60, cwd=cwd)
                times[name].append(run.seconds[marker])
    print(f"\nStart-up to first painted list (median of {args.rounds}; first round discarded)")
    base = statistics.median(times["minimal Textual app"][1:])
    for name, values in times.items():
        median = statistics.median(values[1:])
        spread = f"{min(values[1:]):.2f}-{max(values[1:]):.2f}"
        print(f"  {name:<28} {median:6.2f} s  (range {spread} s)  x{median / base:4.2f} minimal")
    largest = f"newstui, {max(sizes)} articles"
    if max(sizes, default=0) and largest in times:
        ratio = statistics.median(times[largest][1:]) / base
        verdict = "ok" if ratio <= GOAL_RATIO else "MISSED"
        print(f"  goal: {largest} <= {GOAL_RATIO}x the minimal app: x{ratio:.2f} {verdict}")


if __name__ == "__main__":
    main()
