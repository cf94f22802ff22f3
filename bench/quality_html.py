"""HTML extraction quality: newstui's extract_html vs trafilatura's modes, same pages and metric.

Usage: python -m bench.quality_html [HTML_DIR GOLD_JSON] [--errors] [--newstui-only]
(default: ../shared/eval/extraction)

Pages are split by a fixed rule (bench/scoring.py `half_of`): tune (even first hex digit of the
page id) and check (odd). Tune on one, report both; `--errors` lists newstui's wrongly kept (+)
and lost (-) paragraphs of the tune half only, so the check half stays unseen.
"""

from __future__ import annotations

import argparse
import json
import sys
from multiprocessing import Pool
from pathlib import Path

from bench.scoring import half_of, newstui_body, print_errors, split_prf

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"
# trafilatura modes compared with newstui (plain-text output, comments off, tables on, as newstui).
TRAFILATURA_MODES: dict[str, dict[str, bool]] = {
    "trafilatura default": {},
    "trafilatura favor_precision": {"favor_precision": True},
    "trafilatura favor_recall": {"favor_recall": True},
    "trafilatura fast": {"fast": True},
    "trafilatura fast+favor_precision": {"fast": True, "favor_precision": True},
    "trafilatura fast+favor_recall": {"fast": True, "favor_recall": True},
}
NEWSTUI = "newstui (whole ingest path)"


Row = tuple[str, dict[str, tuple[float, float, float]]]


def extract_page(path: Path, newstui_only: bool = False) -> dict[str, str]:
    """Every system's text for one page (runs in a worker process)."""
    import trafilatura

    from tui.ingest.detect import decode

    html, _ = decode(path.read_bytes(), str(path))
    out: dict[str, str] = {NEWSTUI: newstui_body(html, "html")}
    for name, options in {} if newstui_only else TRAFILATURA_MODES.items():
        text = trafilatura.extract(html, include_comments=False, include_tables=True, **options)
        out[name] = text or ""
    return out


def _newstui_only(path: Path) -> dict[str, str]:
    return extract_page(path, newstui_only=True)


def score_html(
    html_dir: Path, gold_json: Path, *, errors: bool = False, newstui_only: bool = False
) -> list[Row]:
    """(system, {half: (P, R, F1)}) for newstui and each trafilatura mode over the pages that
    have gold; `errors` prints newstui's errors on the tune pages."""
    gold = json.loads(gold_json.read_text(encoding="utf-8"))
    ids = sorted(i for i in gold if (html_dir / f"{i}.html").exists())
    work = _newstui_only if newstui_only else extract_page
    with Pool(2) as pool:
        outputs = pool.map(work, [html_dir / f"{i}.html" for i in ids], chunksize=2)
    systems = [NEWSTUI] if newstui_only else [NEWSTUI, *TRAFILATURA_MODES]
    if errors:
        print("# newstui: tune pages' errors")
        for i, out in zip(ids, outputs, strict=True):
            if half_of(i) == "tune":
                print_errors(i, gold[i]["url"], out[NEWSTUI], gold[i]["articleBody"])
    rows = []
    for system in systems:
        pairs = {
            i: (out[system], gold[i]["articleBody"]) for i, out in zip(ids, outputs, strict=True)
        }
        rows.append((system, split_prf(pairs)))
    return rows


def main(argv: list[str]) -> None:
    """Print the P/R/F1 table (all pages) with the F1 of each half."""
    base = SHARED / "eval" / "extraction"
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("html_dir", type=Path, nargs="?", default=base / "html")
    parser.add_argument("gold_json", type=Path, nargs="?", default=base / "ground-truth.json")
    parser.add_argument("--errors", action="store_true", help="list the tune half's errors")
    parser.add_argument("--newstui-only", action="store_true", help="skip trafilatura's modes")
    args = parser.parse_args(argv)
    rows = score_html(
        args.html_dir, args.gold_json, errors=args.errors, newstui_only=args.newstui_only
    )
    print("HTML pages (tune = even first hex digit of the page id, check = odd)")
    print(f"{'system':34} {'P':>6} {'R':>6} {'F1':>6} {'tune F1':>8} {'check F1':>9}")
    for name, halves in rows:
        p, r, f1 = halves["all"]
        tune, check = halves["tune"][2], halves["check"][2]
        print(f"{name:34} {p:6.4f} {r:6.4f} {f1:6.4f} {tune:8.4f} {check:9.4f}")


if __name__ == "__main__":
    main(sys.argv[1:])
