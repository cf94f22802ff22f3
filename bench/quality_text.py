"""Quality of the plain-text dump cleaner: P/R/F1 per dump style against the raw dump; seed checks.

Usage: python -m bench.quality_text [DUMPS_DIR GOLD_JSON [SEED_DIR]] [--errors] [--style S]
Defaults: ../shared/eval/extraction/dumps, ../shared/eval/extraction/ground-truth.json and
../shared/seed (relative to the repository root).

Pages are split by a fixed rule (bench/scoring.py `half_of`): tune (even first hex digit of the
page id) and check (odd). Tune on one, report both; `--errors` lists the wrongly kept (+) and
lost (-) paragraphs of the tune half only, so the check half stays unseen.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

from bench.scoring import half_of, newstui_body, print_errors, split_prf
from tui.ingest.text import clean_dump

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"
STYLES = ("html-text", "beautifulsoup", "inscriptis", "html2text")
SEED_NAME = "globe-belarus-2020-09-14"


def lynx_dumps(html_dir: Path) -> dict[str, str]:
    """`lynx -dump` of every page in `html_dir` (by file stem); {} when lynx is not installed.

    The eval has no lynx dumps, and lynx's `[n]` link marks and "References" list are a style of
    their own, so they are made here from the same pages.
    """
    lynx = shutil.which("lynx")
    if not lynx:
        return {}
    dumps: dict[str, str] = {}
    for page in sorted(html_dir.glob("*.html")):
        cmd = [lynx, "-dump", "-force_html", "-assume_charset=utf-8", "-display_charset=utf-8"]
        done = subprocess.run([*cmd, str(page)], capture_output=True, timeout=60, check=False)
        dumps[page.stem] = done.stdout.decode("utf-8", "replace")
    return dumps


Row = tuple[str, dict[str, tuple[float, float, float]]]


def _style_dumps(style: str, dumps_dir: Path, gold_json: Path) -> dict[str, str]:
    """A style's dumps by page id ({} when the style is missing)."""
    if style == "lynx":
        return lynx_dumps(gold_json.parent / "html")
    path = dumps_dir / f"{style}.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def score_dumps(dumps_dir: Path, gold_json: Path, errors: str | None = None) -> list[Row]:
    """Rows (name, {half: (P, R, F1)}): per style newstui then the raw dump; last, clean stories
    as input. `errors` names a style ("all" for every style) whose tune pages' errors are printed."""
    gold = json.loads(gold_json.read_text(encoding="utf-8"))
    rows: list[Row] = []
    for style in (*STYLES, "lynx"):
        dumps = _style_dumps(style, dumps_dir, gold_json)
        ids = [k for k in dumps if k in gold]
        if not ids:
            continue
        cleaned = {k: (newstui_body(dumps[k], "text"), gold[k]["articleBody"]) for k in ids}
        raw = {k: (dumps[k], gold[k]["articleBody"]) for k in ids}
        rows.append((f"{style} newstui", split_prf(cleaned)))
        rows.append((f"{style} raw", split_prf(raw)))
        if errors in (style, "all"):
            print(f"# {style}: tune pages' errors")
            for k in sorted(i for i in ids if half_of(i) == "tune"):
                print_errors(k, gold[k]["url"], *cleaned[k])
    clean = {k: (newstui_body(g["articleBody"], "text"), g["articleBody"]) for k, g in gold.items()}
    rows.append(("gold bodies as input newstui", split_prf(clean)))
    return rows


def print_rows(rows: list[Row]) -> None:
    """The table: P, R and F1 over all pages, then F1 of the tune and the check half."""
    print(f"{'style':<30}{'P':>7}{'R':>7}{'F1':>7}{'tune F1':>9}{'check F1':>10}")
    for name, halves in rows:
        p, r, f = halves["all"]
        print(
            f"{name:<30}{p:7.3f}{r:7.3f}{f:7.3f}{halves['tune'][2]:9.3f}{halves['check'][2]:10.3f}"
        )


def score_seed(seed_dir: Path) -> dict[str, Any]:
    """The seed article's checks: exact paragraphs, caption and credit, date and origin, source."""
    text = (seed_dir / f"{SEED_NAME}.txt").read_text(encoding="utf-8")
    gold = json.loads((seed_dir / f"{SEED_NAME}.gold.json").read_text(encoding="utf-8"))
    ex = clean_dump(text)
    caption = ex.captions[0] if ex.captions else None
    return {
        "paragraphs_exact": ex.paragraphs == gold["paragraphs"],
        "paragraphs": f"{len(ex.paragraphs)}/{len(gold['paragraphs'])}",
        "caption": caption is not None and caption.text == gold["caption"],
        "credit": caption is not None and caption.credit == gold["credit"],
        "published": ex.published is not None
        and ex.published.value == gold["publication_date"]
        and ex.published.origin == "caption",
        "source": ex.source == gold["source"],
        "title": ex.title,
        "title_origin": ex.title_origin,
    }


def main(argv: list[str]) -> int:
    """Print the per-style table and the seed checks."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    base = SHARED / "eval" / "extraction"
    parser.add_argument("dumps_dir", type=Path, nargs="?", default=base / "dumps")
    parser.add_argument("gold_json", type=Path, nargs="?", default=base / "ground-truth.json")
    parser.add_argument("seed_dir", type=Path, nargs="?", default=SHARED / "seed")
    parser.add_argument("--errors", action="store_true", help="list the tune half's errors")
    parser.add_argument("--style", default="all", help="the style whose errors --errors lists")
    args = parser.parse_args(argv)
    rows = score_dumps(args.dumps_dir, args.gold_json, args.style if args.errors else None)
    print("Plain-text dumps (tune = even first hex digit of the page id, check = odd)")
    print_rows(rows)
    if (args.seed_dir / f"{SEED_NAME}.txt").exists():
        print()
        for key, value in score_seed(args.seed_dir).items():
            print(f"seed {key:<18} {value}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
