"""Ingest throughput: `newstui add` of N HTML pages and of N text dumps, beside the tools' own floor.

    python bench/ingest.py [--count 500] [--eval ../shared/eval]

The inputs are made from ../shared/eval/extraction: the 64 HTML pages and the 4x64 text dumps, repeated
until there are N of each, every copy changed a little (an HTML comment, trailing blank lines) so each
has its own id (a copy of a page already stored is the same story: it updates the stored article, and
is counted as stored). Each figure is wall-clock time of a fresh process, start-up and model loading included:
- `newstui add --db NEW FOLDER`: read, clean, analyze (entities, timeline) and store every input;
- the floor, in the same run: trafilatura alone (`trafilatura.extract` on each page) plus spaCy alone
  (`nlp.pipe` over the extracted texts), one process, no storing. For the text dumps, spaCy alone over
  the bodies newstui keeps (our cleaner's own time is not in the floor).
Goal: newstui's articles per second >= 0.8x the floor's.

On a shared machine the wall-clock ratio moves with what else runs, so each line also gives the CPU
seconds (user + system, every process of the command) per input: newstui's work beside the floor's.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
GOAL = 0.8


def make_inputs(eval_dir: Path, out: Path, count: int) -> tuple[Path, Path]:
    """N HTML pages and N text dumps under `out`, each copy slightly changed so its id differs."""
    pages = sorted((eval_dir / "extraction" / "html").glob("*.html"))
    dumps = []
    for tool in sorted((eval_dir / "extraction" / "dumps").glob("*.json")):
        dumps += list(json.loads(tool.read_text(encoding="utf-8")).values())
    html_dir, text_dir = out / "html", out / "text"
    html_dir.mkdir(parents=True)
    text_dir.mkdir(parents=True)
    for k in range(count):
        page = pages[k % len(pages)].read_bytes()
        (html_dir / f"page{k:04}.html").write_bytes(page + f"\n<!-- bench copy {k} -->\n".encode())
        dump = dumps[k % len(dumps)]
        copy = k // len(dumps)
        (text_dir / f"dump{k:04}.txt").write_text(dump + "\n" * (copy + 1), encoding="utf-8")
    return html_dir, text_dir


def _children_cpu() -> float:
    """CPU seconds (user + system) of every finished child process, grandchildren included."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(argv: list[str], ok: tuple[int, ...] = (0, 1)) -> tuple[float, str, float]:
    """Wall-clock seconds of a command, its standard output and its CPU seconds; fails loudly on
    an exit status outside `ok` (1 by default: some inputs were refused, which is reported)."""
    cpu = _children_cpu()
    start = time.perf_counter()
    proc = subprocess.run(argv, capture_output=True, text=True, cwd=REPO)
    seconds = time.perf_counter() - start
    if proc.returncode not in ok:
        raise SystemExit(f"{argv} failed ({proc.returncode}):\n{proc.stderr[-3000:]}")
    return seconds, proc.stdout, _children_cpu() - cpu


def floor(kind: str, folder: Path) -> None:
    """In a child process: trafilatura alone (HTML) then spaCy alone, printing texts and timings."""
    start, start_cpu = time.perf_counter(), time.process_time()
    untimed = untimed_cpu = 0.0
    files = sorted(folder.iterdir())
    if kind == "html":
        import trafilatura

        texts = [
            trafilatura.extract(f.read_text(encoding="utf-8", errors="replace")) or ""
            for f in files
        ]
    else:
        from tui.ingest import ingest_bytes  # the bodies newstui keeps; not timed

        texts = []
        for f in files:
            articles = ingest_bytes(f.read_bytes(), origin=str(f))
            texts.append("\n".join(articles[0].paragraphs) if articles else "")
        untimed = time.perf_counter() - start
        untimed_cpu = time.process_time() - start_cpu
        start = time.perf_counter()
    cleaned = time.perf_counter() - start
    from tui.nlp.pipeline import load_model

    nlp = load_model()
    paragraphs = [p for t in texts for p in t.split("\n") if p.strip()]
    for _ in nlp.pipe(paragraphs, batch_size=64):
        pass
    total = time.perf_counter() - start
    parts = {
        "clean": cleaned,
        "nlp": total - cleaned,
        "untimed": untimed,
        "untimed_cpu": untimed_cpu,
    }
    print(json.dumps(parts))


def measure(kind: str, folder: Path, count: int, work: Path) -> dict:
    db = work / f"{kind}.json"
    add_s, out, add_cpu = timed([str(BIN / "newstui"), "add", "--db", str(db), str(folder)])
    stored = sum(1 for line in out.splitlines() if line.strip())
    floor_s, out, floor_cpu = timed([sys.executable, __file__, "--floor", kind, str(folder)])
    parts = json.loads(out.strip().splitlines()[-1])
    # Wall-clock like `newstui add` (Python start and imports included), less the untimed cleaning.
    total = floor_s - parts["untimed"]
    return {
        "kind": kind,
        "count": count,
        "stored": stored,
        "add": add_s,
        "add_cpu": add_cpu,
        **parts,
        "total": total,
        "floor_cpu": floor_cpu - parts["untimed_cpu"],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=500)
    parser.add_argument("--eval", type=Path, default=REPO.parent / "shared" / "eval")
    parser.add_argument("--floor", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.floor:
        floor(args.floor[0], Path(args.floor[1]))
        return
    if not (args.eval / "extraction" / "html").is_dir():
        print(f"ingest: skipped, {args.eval}/extraction is not present")
        return
    from tui.library.adding import worker_count

    print(f"Ingest throughput ({args.count} inputs each; {worker_count()} cores for newstui)")
    with tempfile.TemporaryDirectory(prefix="newstui-ingest-") as tmp:
        work = Path(tmp)
        html_dir, text_dir = make_inputs(args.eval, work / "in", args.count)
        for kind, folder in (("html", html_dir), ("text", text_dir)):
            r = measure(kind, folder, args.count, work)
            ours = r["stored"] / r["add"]
            base = r["count"] / r["total"]
            what = "trafilatura + spaCy" if kind == "html" else "spaCy on the kept bodies"
            verdict = "ok" if ours >= GOAL * base else "MISSED"
            cpu_ours, cpu_base = r["add_cpu"] / r["count"], r["floor_cpu"] / r["count"]
            print(
                f"  {kind:<5} newstui add: {r['stored']} stored in {r['add']:.1f} s = {ours:5.1f}/s"
                f" | floor ({what}): {r['total']:.1f} s (clean {r['clean']:.1f} + nlp "
                f"{r['nlp']:.1f}) = {base:5.1f}/s | x{ours / base:.2f} of floor, goal >= {GOAL} {verdict}"
                f" | CPU per input {cpu_ours * 1000:.0f} ms vs floor {cpu_base * 1000:.0f} ms"
                f" (x{cpu_ours / cpu_base:.2f})",
                flush=True,
            )


if __name__ == "__main__":
    main()
