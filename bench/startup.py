"""Start-up: launch to the first painted article list, beside a minimal Textual app in the same run.

    python bench/startup.py [--sizes 0,10000] [--rounds 5] [--baseline OTHER/.venv/bin/newstui]

Each program is started on a real 120x40 pseudo-terminal (`bench/terminal.py`) and timed from launch
until a known text appears in what it writes to the terminal: for newstui, the title of the newest
article in the list (or "No articles yet" for an empty store); for the baseline, `bench/minimal_app.py`
(a Header, a three-item OptionList and a Footer), its first item. So the figure includes Python start,
imports, opening the store and the first paint, as a user sees it. Rounds alternate the programs so
the machine's noise falls on all of them alike; medians are printed. With `--baseline`, another
newstui (another checkout's) is launched on the same stores in the same rounds: a before/after.

Every program runs with its bytecode cached, as an installed program has it: the first round (not
counted) writes the cache to a temporary folder (PYTHONPYCACHEPREFIX), even where the environment
sets PYTHONDONTWRITEBYTECODE; otherwise newstui, run from the source tree, recompiled its own ~30
modules on every launch while the baseline's Textual came precompiled. In that round each program
is also left running for WARM_S seconds after its first paint, as after a first use, so newstui
writes its own caches (its parsed CSS, `tui/app/css_cache.py`) in a temporary NEWSTUI_CACHE, one
for each executable (the baseline's its own).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from terminal import Session, run_until

BIN = Path(sys.executable).parent
GOAL_RATIO = 1.3
WARM_S = 3.0
"""How long the uncounted first round leaves each program running after its first paint."""


def newstui_argv(db: Path) -> list[str]:
    return [str(BIN / "newstui"), "--db", str(db)]


def marker_for(db: Path) -> str:
    """The first words of the newest title as the list paints them (or the empty-store hint)."""
    from tui.store import Store

    summaries = Store(db).summaries()
    return summaries[0].title[:12] if summaries else "No articles yet"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="0,10000", help="store sizes, comma-separated")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--baseline", type=Path, help="another newstui executable to time too")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",") if s]
    from synth import write_store

    with tempfile.TemporaryDirectory(prefix="newstui-startup-") as work:
        programs: dict[str, tuple[list[str], str]] = {
            "minimal Textual app": (
                [sys.executable, str(Path(__file__).with_name("minimal_app.py"))],
                "minimal ready",
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
            programs[f"newstui, {size} articles"] = (newstui_argv(db), marker_for(db))
            if args.baseline:
                argv = [str(args.baseline), "--db", str(db)]
                programs[f"baseline, {size} articles"] = (argv, marker_for(db))
        times: dict[str, list[float]] = {name: [] for name in programs}
        executables = sorted({argv[0] for argv, _ in programs.values()})
        for round_ in range(args.rounds + 1):
            for name, (argv, marker) in programs.items():
                # An empty value drops the variable (see `run_until`). Each install its own cache
                # folder, as each user has: two newstuis sharing one overwrote each other's CSS
                # cache (its key names the Textual install), so one of them parsed on every round.
                env = {
                    "PYTHONPYCACHEPREFIX": str(Path(work) / "pycache"),
                    "PYTHONDONTWRITEBYTECODE": "",
                    "NEWSTUI_CACHE": str(Path(work) / f"cache{executables.index(argv[0])}"),
                }
                times[name].append(run_until(argv, [marker], env=env, timeout=60).seconds[marker])
                if not round_:  # left running a while, as a first use is: it writes its caches
                    with Session(argv, env=env) as session:
                        session.wait_for(marker, timeout=60)
                        session.settle(quiet_s=WARM_S, limit_s=WARM_S)
    print(f"\nStart-up to first painted list ({args.rounds} rounds; first round discarded)")
    counted = {name: values[1:] for name, values in times.items()}
    base = statistics.median(counted["minimal Textual app"])
    best_base = min(counted["minimal Textual app"])
    for name, values in counted.items():
        median, best = statistics.median(values), min(values)
        print(
            f"  {name:<28} median {median:5.2f} s x{median / base:4.2f}   "
            f"best {best:5.2f} s x{best / best_base:4.2f}   (max {max(values):.2f} s)"
        )
    largest = f"newstui, {max(sizes)} articles"
    if max(sizes, default=0) and largest in counted:
        ratio = statistics.median(counted[largest]) / base
        best_ratio = min(counted[largest]) / best_base
        verdict = "ok" if best_ratio <= GOAL_RATIO else "MISSED"
        print(
            f"  goal: {largest} <= {GOAL_RATIO}x the minimal app, best of the same run (the "
            f"issue's bar): x{best_ratio:.2f} {verdict} (median x{ratio:.2f})"
        )


if __name__ == "__main__":
    main()
