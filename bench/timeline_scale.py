"""The merged timeline at scale: read from the timeline index, beside reading every article (before).

    python bench/timeline_scale.py [--sizes 1000,10000,50000] [--before-max 10000]

For each size a synthetic store is written straight to disk (`bench/synth.py`) with 4 to 9 events an
article (the real store of issue 18 had 6.5), then measured in fresh Python processes:
- before: what `merged_timeline` did before the index, `store.get` of every article then a sort;
- build: the first merged timeline of a store that has no index yet (it is built from the article
  files once; stores written by this newstui keep it from their first merged timeline on);
- after: `merged_timeline(store)` with the index in place (what `m` and `newstui timeline` do);
- cli: `newstui timeline --json > /dev/null`, the whole command, best of three;
- `m`: in the app (headless, 120x40), from the key to the merged timeline painted with its rows.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

# issue 18, with 10,000 articles: `newstui timeline --json` <= 2 s, `m` painted <= 1 s
GOALS = {"cli": 2.0, "m": 1.0}


def measure_m(db: Path) -> dict:
    """Seconds from pressing `m` in the reader to the merged timeline painted with its rows."""
    import asyncio

    from tui.app.app import build_app
    from tui.app.widgets.merged_timeline_list import MergedTimelineList
    from tui.store import Store

    result: dict = {}

    async def run() -> None:
        app = build_app(Store(db))
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            t = time.perf_counter()
            await pilot.press("m")
            await app.workers.wait_for_complete()
            await pilot.pause()
            panel = app.screen.query_one(MergedTimelineList)
            result["seconds"] = time.perf_counter() - t
            result["rows"] = len(panel.rows())

    asyncio.run(run())
    return result


def measure(db: Path, how: str) -> dict:
    """One measurement in this process: seconds, and how many events were merged."""
    from tui.library.merged_timeline import MergedEvent, merged_timeline
    from tui.store import Store
    from tui.store.timeline_index import event_order

    if how == "m":
        return measure_m(db)
    t = time.perf_counter()
    store = Store(db)
    if how == "before":
        ids = [s.id for s in store.summaries()]
        events = sorted(
            (
                MergedEvent(e, a.id, a.title, event_order(e.value))
                for a in map(store.get, ids)
                for e in a.timeline
            ),
            key=lambda m: (m.order, m.article_id, m.event.paragraph, m.event.start),
        )
    else:
        events = merged_timeline(store)
    return {"seconds": time.perf_counter() - t, "events": len(events)}


def _child(db: Path, how: str) -> dict:
    out = subprocess.run(
        [sys.executable, __file__, "--measure", json.dumps([str(db), how])],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(out.stdout)


def _cli(db: Path) -> float:
    newstui = str(Path(sys.executable).parent / "newstui")
    best = float("inf")
    for _ in range(3):
        t = time.perf_counter()
        subprocess.run(
            [newstui, "--db", str(db), "timeline", "--json"],
            stdout=subprocess.DEVNULL,
            check=True,
        )
        best = min(best, time.perf_counter() - t)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,50000", help="store sizes, comma-separated")
    parser.add_argument("--before-max", type=int, default=10_000, help="largest store read whole")
    parser.add_argument("--measure", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        db, how = json.loads(args.measure)
        print(json.dumps(measure(Path(db), how)))
        return
    from synth import write_store

    print("Merged timeline at scale (synthetic stores, each figure from a fresh process)")
    print(
        f"{'articles':>9} {'events':>8} {'before s':>9} {'build s':>8} {'after s':>8}"
        f" {'cli s':>7} {'m s':>6}"
    )
    with tempfile.TemporaryDirectory(prefix="newstui-bench-") as work:
        for size in (int(s) for s in args.sizes.split(",") if s):
            db = Path(work) / f"s{size}" / "store.json"
            db.parent.mkdir()
            write_store(db, size, events=(4, 9))
            before = _child(db, "before")["seconds"] if size <= args.before_max else None
            build = _child(db, "after")["seconds"]
            after = _child(db, "after")
            cli = _cli(db)
            m = _child(db, "m")["seconds"]
            shown = f"{before:9.2f}" if before is not None else f"{'-':>9}"
            print(
                f"{size:>9} {after['events']:>8} {shown} {build:8.2f} {after['seconds']:8.2f}"
                f" {cli:7.2f} {m:6.2f}",
                flush=True,
            )
            if size == 10_000:
                for name, took in (("`newstui timeline --json`", cli), ("`m` painted", m)):
                    goal = GOALS["cli" if name.startswith("`newstui") else "m"]
                    verdict = "meets" if took <= goal else "misses"
                    print(f"{'':>9} {name} {verdict} the goal of {goal} s")


if __name__ == "__main__":
    main()
