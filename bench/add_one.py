"""One `newstui add` into a large store, beside its floor, in the same run.

    python bench/add_one.py [--size 10000] [--rounds 5] [--page sample_articles/harbour-strike.html]
                            [--baseline OTHER/.venv/bin/newstui]

Each round runs, in fresh processes and in turn (so the machine's noise falls on all alike):
- `newstui add PAGE` into a copy of a synthetic store of `--size` articles (`bench/synth.py`);
- `newstui add PAGE` into an empty store;
- the floor: `newstui analyze PAGE --json`, which pays what any add pays without the store (Python,
  the spaCy model's load, trafilatura's import, cleaning and analyzing the one page).
With `--baseline`, another newstui (another checkout's) adds into the large store too, in the same
rounds: a before/after on the same machine load. Every round adds a different copy of the page (a comment with the round's number), so each add
stores a new article. Medians are printed; the goal is add into the large store <= floor + 0.3 s.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
GOAL_S = 0.3


def timed(argv: list[str], env: dict[str, str]) -> float:
    """Seconds a command takes, start to exit; it must succeed."""
    start = time.perf_counter()
    subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, env=env)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=10000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--page", type=Path, default=REPO / "sample_articles/harbour-strike.html")
    parser.add_argument("--baseline", type=Path, help="another newstui executable to time too")
    args = parser.parse_args()
    import os

    from synth import write_store

    with tempfile.TemporaryDirectory(prefix="newstui-add-one-") as work_dir:
        work = Path(work_dir)
        large = work / "large" / "store.json"
        write_store(large, args.size)
        # Bytecode cached as an installed program has it (see bench/startup.py).
        env = {
            **os.environ,
            "PYTHONPYCACHEPREFIX": str(work / "pycache"),
            "NEWSTUI_CACHE": str(work / "cache"),
            "NEWSTUI_CONFIG": str(work / "settings.toml"),
        }
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        newstui = str(BIN / "newstui")
        times: dict[str, list[float]] = {"large": [], "empty": [], "floor": []}
        if args.baseline:
            times["baseline"] = []
        page = args.page.read_bytes()
        for n in range(args.rounds + 1):  # the first round warms the caches: not counted
            copy = work / f"page-{n}{args.page.suffix}"
            copy.write_bytes(page + f"\n<!-- round {n} -->\n".encode())
            db = work / f"r{n}" / "store.json"
            shutil.copytree(large.parent, db.parent)
            empty = work / f"e{n}" / "store.json"
            took = {
                "large": timed([newstui, "--db", str(db), "add", str(copy)], env),
                "empty": timed([newstui, "--db", str(empty), "add", str(copy)], env),
                "floor": timed([newstui, "analyze", str(copy), "--json"], env),
            }
            shutil.rmtree(db.parent)
            if args.baseline:
                shutil.copytree(large.parent, db.parent)
                took["baseline"] = timed(
                    [str(args.baseline), "--db", str(db), "add", str(copy)], env
                )
                shutil.rmtree(db.parent)
            if n:
                for name, seconds in took.items():
                    times[name].append(seconds)
    median = {name: statistics.median(values) for name, values in times.items()}
    print(f"One add (median of {args.rounds}; first round discarded)")
    print(f"  floor: newstui analyze PAGE --json   {median['floor']:5.2f} s")
    print(f"  add into an empty store              {median['empty']:5.2f} s")
    over = median["large"] - median["floor"]
    print(
        f"  add into {args.size:,} articles        {median['large']:5.2f} s  (floor +{over:.2f} s)"
    )
    if args.baseline:
        before = median["baseline"] - median["floor"]
        print(f"  baseline {args.baseline}: {median['baseline']:5.2f} s  (floor +{before:.2f} s)")
    verdict = "ok" if over <= GOAL_S else "MISSED"
    print(f"  goal: <= floor + {GOAL_S} s: {verdict}")


if __name__ == "__main__":
    main()
