"""Quality of cleaning, entities and timelines against public data, each beside its baselines.

    python bench/quality.py ../shared/eval [--seed ../shared/seed] [--only html,text,timex,entities]

Takes the data folders as arguments so that anyone can point it at the full public datasets:
`EVAL/extraction/{html,dumps,ground-truth.json}`, `EVAL/timex/*.tml`, `EVAL/news-dev/gold.json` and
`EVAL/ner/conll2003-valid.txt` (see ../shared/eval/README.md). news-dev and CoNLL are reported in a
tune and a check half split by a fixed rule (see `bench/quality_news.py`, `bench/quality_conll.py`).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

PARTS = ("html", "text", "timex", "entities", "news", "conll")


def table(title: str, rows: list[tuple[str, float, float, float]]) -> None:
    print(f"\n{title}")
    print(f"  {'system':<38} {'P':>6} {'R':>6} {'F1':>6}")
    for name, p, r, f1 in rows:
        print(f"  {name:<38} {p:6.3f} {r:6.3f} {f1:6.3f}")


def split_table(title: str, rows: list[tuple[str, dict[str, tuple[float, float, float]]]]) -> None:
    """A table of all pages' P/R/F1 with the F1 of the tune and check halves (bench/scoring.py)."""
    print(f"\n{title}")
    print(f"  {'system':<38} {'P':>6} {'R':>6} {'F1':>6} {'tune':>6} {'check':>6}")
    for name, halves in rows:
        p, r, f1 = halves["all"]
        print(
            f"  {name:<38} {p:6.3f} {r:6.3f} {f1:6.3f} {halves['tune'][2]:6.3f} {halves['check'][2]:6.3f}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("eval_dir", type=Path, help="the eval folder (extraction/ and timex/)")
    parser.add_argument("--seed", type=Path, default=None, help="the seed folder (article + gold)")
    parser.add_argument("--only", default=",".join(PARTS), help="comma-separated parts to run")
    args = parser.parse_args()
    seed = args.seed or args.eval_dir.parent / "seed"
    parts = set(args.only.split(","))
    extraction = args.eval_dir / "extraction"

    if "html" in parts:
        from bench.quality_html import score_html

        t = time.perf_counter()
        rows = score_html(extraction / "html", extraction / "ground-truth.json")
        split_table(f"HTML body extraction ({time.perf_counter() - t:.0f} s)", rows)
    if "text" in parts:
        from bench.quality_text import score_dumps, score_seed

        t = time.perf_counter()
        rows = score_dumps(extraction / "dumps", extraction / "ground-truth.json")
        split_table(f"Plain-text page dumps ({time.perf_counter() - t:.0f} s)", rows)
        if seed.exists():
            print("\nSeed cleaning checks")
            for key, value in score_seed(seed).items():
                print(f"  {key:<38} {value}")
    if "timex" in parts:
        from bench.quality_timex import score_timex

        t = time.perf_counter()
        rows = score_timex(args.eval_dir / "timex")
        table(f"Timeline (TimeML, overlap + value) ({time.perf_counter() - t:.0f} s)", rows)
    if "news" in parts and (args.eval_dir / "news-dev").exists():
        from bench.quality_news import report, run

        t = time.perf_counter()
        result = run(args.eval_dir)
        print(f"\nNews-dev entity panel and timeline ({time.perf_counter() - t:.0f} s)")
        print(report(result))
    if "conll" in parts and (args.eval_dir / "ner").exists():
        from bench.quality_conll import report as conll_report
        from bench.quality_conll import run as conll_run

        t = time.perf_counter()
        counts = conll_run(args.eval_dir)
        print(f"\nCoNLL-2003 validation, document level ({time.perf_counter() - t:.0f} s)")
        print(conll_report(counts))
    if "entities" in parts and seed.exists():
        from bench.quality_entities import score_entities

        gold = next(seed.glob("*.gold.json"))
        result = score_entities(gold)
        print(f"\nEntities on {gold.name}")
        for key, value in result.items():
            print(f"  {key:<38} {value}")


if __name__ == "__main__":
    main()
