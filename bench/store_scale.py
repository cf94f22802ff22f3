"""The store at scale: open, add, filter, search, read and memory, new layout beside the old one.

    python bench/store_scale.py [--sizes 1000,10000,50000] [--before-max 10000]

For each size a synthetic store is written straight to disk (`bench/synth.py`, not through `add`), in
the new layout (`tui/store/`) and, up to `--before-max` articles, in the layout before issue 8
(`bench/store_before.py`, the old code loaded from git history as the baseline). Each store is then measured in a
fresh Python process (so memory and caches are its own):
- open: `Store(path)` + `summaries()`, what the reader does before it can paint its list;
- add: `store.add(article)` of one new analyzed article to the open store (median and worst of 5);
- entity filter: `ids_mentioning(name)` (`newstui list --entity`); title filter: the list's own filter
  over the loaded summaries; search: `store.search(query)`, first (cold, reads the index files) and
  then the median over 4 queries (warm); get: `store.get(id)` of one article; read: `set_read(id)`,
  what opening an article saves (median of 5);
- merge: folding the search log into a new base (new layout only; happens once every many adds);
- RSS: the process's peak resident memory, and the same process before opening the store.
The old layout's search reads and parses every article file; it is run only up to 1,000 articles
(it took 165 s at 10,000 on this machine, and grows linearly).
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

GOALS = {"add": 0.3, "open": 0.5, "search": 0.1, "rss": 500}
OLD_SEARCH_MAX = 1000  # the old search takes minutes beyond this (it grows linearly)


def _rss_mb() -> float:
    """This process's peak resident memory (VmHWM: ru_maxrss would include the parent's, which
    Linux carries across fork and exec)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(db: Path, layout: str, size: int, queries: list[str], name: str) -> dict:
    """Run every measurement on one store in this process; returns seconds and megabytes."""
    from synth import Corpus

    if layout == "after":
        from tui.store import Store
    else:
        from store_before import Store  # type: ignore[no-redef]
    corpus = Corpus(seed=99)
    fresh = [corpus.article(size + 10 + k, _later(k)) for k in range(5)]
    out: dict = {"rss_before": _rss_mb()}
    t = time.perf_counter()
    store = Store(db)
    summaries = store.summaries()
    out["open"] = time.perf_counter() - t
    t = time.perf_counter()
    out["mentioning_hits"] = len(store.ids_mentioning(name))
    out["entity_filter"] = time.perf_counter() - t
    word = queries[0]
    t = time.perf_counter()
    out["title_hits"] = len([s for s in summaries if word in s.title.casefold()])
    out["title_filter"] = time.perf_counter() - t
    if layout == "after" or size <= OLD_SEARCH_MAX:  # the old search parses every article file
        t = time.perf_counter()
        out["search_hits"] = len(store.search(queries[1]))
        out["search_cold"] = time.perf_counter() - t
    warm = []
    for query in queries if layout == "after" else []:  # the old search reads every article file
        t = time.perf_counter()
        store.search(query)
        warm.append(time.perf_counter() - t)
    if warm:
        out["search_warm"] = statistics.median(warm)
    t = time.perf_counter()
    store.get(summaries[len(summaries) // 2].id)
    out["get"] = time.perf_counter() - t
    marks = []
    for summary in summaries[:5]:
        t = time.perf_counter()
        store.set_read(summary.id)
        marks.append(time.perf_counter() - t)
    out["read"] = statistics.median(marks)
    adds = []
    for article in fresh:
        t = time.perf_counter()
        store.add(article)
        adds.append(time.perf_counter() - t)
    out["add"], out["add_max"] = statistics.median(adds), max(adds)
    if layout == "after":
        t = time.perf_counter()
        with store._locked():
            store._terms.words.merge()
        out["merge"] = time.perf_counter() - t
    out["rss"] = _rss_mb()
    return out


def _later(k: int):
    from datetime import UTC, datetime, timedelta

    return datetime(2030, 1, 1, tzinfo=UTC) + timedelta(minutes=k)


def disk_mb(db: Path) -> float:
    """The index file's size (what is rewritten on each add)."""
    return db.stat().st_size / 1e6


def run(sizes: list[int], before_max: int, work: Path) -> list[dict]:
    from synth import write_store

    rows = []
    for size in sizes:
        for layout in ("after", "before"):
            if layout == "before" and size > before_max:
                continue
            db = work / f"{layout}-{size}" / "store.json"
            t = time.perf_counter()
            corpus = write_store(db, size, layout)
            made = time.perf_counter() - t
            args = [json.dumps([str(db), layout, size, corpus.queries(), corpus.common_name()])]
            proc = subprocess.run(
                [sys.executable, __file__, "--measure", *args], capture_output=True, text=True
            )
            if proc.returncode:
                raise SystemExit(f"measuring {db} failed:\n{proc.stderr}")
            row = json.loads(proc.stdout.strip().splitlines()[-1])
            row |= {"size": size, "layout": layout, "made": made, "index_mb": disk_mb(db)}
            rows.append(row)
            print_row(row)
            _remove(db.parent)
    return rows


def _remove(folder: Path) -> None:
    import shutil

    shutil.rmtree(folder, ignore_errors=True)


HEADER = (
    f"{'articles':>8} {'layout':<7} {'open':>7} {'add':>7} {'add max':>7} {'entity':>7} "
    f"{'title':>7} {'search':>7} {'warm':>7} {'get':>7} {'read':>7} {'merge':>7} {'RSS MB':>7} "
    f"{'base MB':>7} {'index MB':>8} {'made s':>7}"
)


def print_row(r: dict) -> None:
    ms = lambda k: f"{r[k] * 1000:6.0f}ms" if k in r else f"{'-':>8}"  # noqa: E731
    print(
        f"{r['size']:>8} {r['layout']:<7} {ms('open')}{ms('add')}{ms('add_max')}"
        f"{ms('entity_filter')}{ms('title_filter')}{ms('search_cold')}{ms('search_warm')}"
        f"{ms('get')}{ms('read')}{ms('merge')} {r['rss']:7.0f} {r['rss_before']:7.0f} {r['index_mb']:8.1f}"
        f" {r['made']:7.1f}",
        flush=True,
    )


def verdict(rows: list[dict]) -> None:
    """The goals at 10,000 articles (or the size nearest to it) and the growth between sizes."""
    after = [r for r in rows if r["layout"] == "after"]
    if not after:
        return
    at = min(after, key=lambda r: abs(r["size"] - 10_000))
    print(f"\nGoals at {at['size']} articles (new layout):")
    for key, label, value, unit in (
        ("add", "add one article", at["add"], "s"),
        ("open", "open (index + summaries)", at["open"], "s"),
        ("search", "search, cold", at["search_cold"], "s"),
        ("rss", "peak RSS", at["rss"], "MB"),
    ):
        ok = "ok" if value <= GOALS[key] else "MISSED"
        print(f"  {label:<26} {value:8.3f} {unit:<2} goal <= {GOALS[key]} {unit:<2} {ok}")
    before = {r["size"]: r for r in rows if r["layout"] == "before"}
    for r in after:
        b = before.get(r["size"])
        if b:
            old_search = f"{b['search_cold']:.3f}" if "search_cold" in b else "(not run)"
            print(
                f"  at {r['size']}: old layout open {b['open']:.3f} s, add {b['add']:.3f} s, "
                f"search {old_search} s -> new {r['open']:.3f} / {r['add']:.3f} / "
                f"{r['search_cold']:.3f} s"
            )
    if len(after) > 1:
        first, last = after[0], after[-1]
        factor = last["size"] / first["size"]
        print(f"\nGrowth from {first['size']} to {last['size']} articles (x{factor:g}):")
        for key in (
            "open",
            "add",
            "search_cold",
            "search_warm",
            "entity_filter",
            "get",
            "read",
            "merge",
        ):
            if first.get(key):
                print(f"  {key:<14} x{last[key] / first[key]:6.1f}")
        print(f"  {'rss':<14} x{last['rss'] / first['rss']:6.1f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,50000", help="store sizes, comma-separated")
    parser.add_argument("--before-max", type=int, default=10_000, help="largest old-layout store")
    parser.add_argument("--measure", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        db, layout, size, queries, name = json.loads(args.measure)
        print(json.dumps(measure(Path(db), layout, size, queries, name)))
        return
    sizes = [int(s) for s in args.sizes.split(",") if s]
    print("Store at scale (synthetic stores written directly, each measured in a fresh process)")
    print(HEADER, flush=True)
    with tempfile.TemporaryDirectory(prefix="newstui-bench-") as work:
        rows = run(sizes, args.before_max, Path(work))
    verdict(rows)


if __name__ == "__main__":
    main()
