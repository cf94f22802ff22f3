"""Quality of the plain-text dump cleaner: P/R/F1 per dump style against the raw dump; seed checks.

Usage: python -m bench.quality_text [DUMPS_DIR GOLD_JSON [SEED_DIR]]
Defaults: ../shared/eval/extraction/dumps, ../shared/eval/extraction/ground-truth.json and
../shared/seed (relative to the repository root).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

from bench.scoring import corpus_prf, newstui_body
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


def score_dumps(dumps_dir: Path, gold_json: Path) -> list[tuple[str, float, float, float]]:
    """Rows (name, P, R, F1): per style newstui then the raw dump; last, clean stories as input."""
    gold = json.loads(gold_json.read_text(encoding="utf-8"))
    rows: list[tuple[str, float, float, float]] = []
    for style in (*STYLES, "lynx"):
        path = dumps_dir / f"{style}.json"
        if style == "lynx":
            dumps = lynx_dumps(gold_json.parent / "html")
        elif path.exists():
            dumps = json.loads(path.read_text(encoding="utf-8"))
        else:
            continue
        ids = [k for k in dumps if k in gold]
        cleaned = [(newstui_body(dumps[k], "text"), gold[k]["articleBody"]) for k in ids]
        raw = [(dumps[k], gold[k]["articleBody"]) for k in ids]
        if not ids:
            continue
        rows.append((f"{style} newstui", *corpus_prf(cleaned)))
        rows.append((f"{style} raw", *corpus_prf(raw)))
    clean = [(newstui_body(g["articleBody"], "text"), g["articleBody"]) for g in gold.values()]
    rows.append(("gold bodies as input newstui", *corpus_prf(clean)))
    return rows


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
    dumps_dir = Path(argv[0]) if argv else SHARED / "eval" / "extraction" / "dumps"
    gold_json = (
        Path(argv[1]) if len(argv) > 1 else SHARED / "eval" / "extraction" / "ground-truth.json"
    )
    seed_dir = Path(argv[2]) if len(argv) > 2 else SHARED / "seed"
    print(f"{'style':<26}{'P':>8}{'R':>8}{'F1':>8}")
    for name, p, r, f in score_dumps(dumps_dir, gold_json):
        print(f"{name:<26}{p:8.3f}{r:8.3f}{f:8.3f}")
    if (seed_dir / f"{SEED_NAME}.txt").exists():
        print()
        for key, value in score_seed(seed_dir).items():
            print(f"seed {key:<18} {value}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
