"""Bulk ingest as the store grows: `newstui add` of one JSON Lines batch into an empty store and into
a large one, with index writes grouped by store size (now) and a write every 16 articles (before).

    python bench/bulk_scale.py [--count 600] [--size 40000] [--now-only]

A synthetic store of `--size` articles is written straight to disk (`bench/synth.py`); the same
`--count` synthetic articles (text only, as JSON Lines) are then added, with the whole pipeline
(read, clean, analyze, store), into a copy of it and into an empty store. Each run is a fresh
process; "before" runs the same code with `store_batch` pinned to 16 articles a write (what every
add did before issue 18). The goal: the rate into the large store is >= 0.8x the rate into the
empty one.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

GOAL = 0.8
_CHILD = """
import sys
import tui.library.adding as adding
if sys.argv[1] == "before":
    adding.STORE_BATCH_PER_ARTICLE_STORED = 10**12
from tui.cli.launch import main
sys.argv = ["newstui", "--db", sys.argv[2], "add", sys.argv[3]]
main()
"""


def write_inputs(path: Path, count: int) -> None:
    """`count` synthetic articles as JSON Lines (title, text, date), unlike the store's."""
    from datetime import UTC, datetime, timedelta

    from synth import Corpus

    corpus = Corpus(seed=77)
    start = datetime(2026, 1, 1, tzinfo=UTC)
    with path.open("w", encoding="utf-8") as out:
        for n in range(count):
            a = corpus.article(900_000 + n, start + timedelta(minutes=n))
            row = {
                "title": a.title,
                "text": "\n\n".join(a.paragraphs),
                "published": a.published.value if a.published else None,
                "url": f"https://bulk.example/{n}",
            }
            out.write(json.dumps(row) + "\n")


def timed_add(how: str, db: Path, inputs: Path) -> float:
    # A batch of 10,000 articles is over the default input limit (20 MiB): raise it for the batch.
    env = {**os.environ, "NEWSTUI_MAX_BYTES": str(inputs.stat().st_size + 1)}
    t = time.perf_counter()
    subprocess.run(
        [sys.executable, "-c", _CHILD, how, str(db), str(inputs)],
        check=True,
        stdout=subprocess.DEVNULL,
        env=env,
    )
    return time.perf_counter() - t


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=600, help="articles added in each run")
    parser.add_argument("--size", type=int, default=40_000, help="articles in the large store")
    parser.add_argument(
        "--now-only", action="store_true", help="skip the 'before' runs (half the time)"
    )
    args = parser.parse_args()
    from synth import write_store

    with tempfile.TemporaryDirectory(prefix="newstui-bench-") as work:
        root = Path(work)
        large = root / "large" / "store.json"
        large.parent.mkdir()
        t = time.perf_counter()
        write_store(large, args.size)
        print(f"(wrote a synthetic {args.size}-article store in {time.perf_counter() - t:.0f} s)")
        inputs = root / "inputs.jsonl"
        write_inputs(inputs, args.count)
        print(f"Adding {args.count} articles (fresh process each; articles a second)")
        print(f"  {'':<8}{'into empty':>12}{f'into {args.size}':>14}{'ratio':>8}")
        for how in ("now",) if args.now_only else ("before", "now"):
            rates = []
            for name in ("empty", "large"):
                folder = root / f"{how}-{name}"
                if name == "large":
                    shutil.copytree(large.parent, folder)
                else:
                    folder.mkdir()
                rates.append(args.count / timed_add(how, folder / "store.json", inputs))
                shutil.rmtree(folder)
            ratio = rates[1] / rates[0]
            print(f"  {how:<8}{rates[0]:>12.1f}{rates[1]:>14.1f}{ratio:>8.2f}", flush=True)
        verdict = "meets" if ratio >= GOAL else "misses"
        print(f"  now {verdict} the goal of >= {GOAL}x")


if __name__ == "__main__":
    main()
