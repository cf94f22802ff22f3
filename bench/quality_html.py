"""HTML extraction quality: newstui's extract_html vs trafilatura's modes, same pages and metric.

Usage: python -m bench.quality_html [HTML_DIR GOLD_JSON]   (default: ../shared/eval/extraction)
"""

from __future__ import annotations

import json
import sys
from multiprocessing import Pool
from pathlib import Path

from bench.scoring import corpus_prf, newstui_body

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"
# trafilatura modes compared with newstui (plain-text output, comments and tables off, as newstui).
TRAFILATURA_MODES: dict[str, dict[str, bool]] = {
    "trafilatura default": {},
    "trafilatura favor_precision": {"favor_precision": True},
    "trafilatura favor_recall": {"favor_recall": True},
    "trafilatura fast": {"fast": True},
    "trafilatura fast+favor_precision": {"fast": True, "favor_precision": True},
    "trafilatura fast+favor_recall": {"fast": True, "favor_recall": True},
}
NEWSTUI = "newstui (whole ingest path)"


def extract_page(path: Path) -> dict[str, str]:
    """Every system's text for one page (runs in a worker process)."""
    import trafilatura

    from tui.ingest.detect import decode

    html, _ = decode(path.read_bytes(), str(path))
    out: dict[str, str] = {NEWSTUI: newstui_body(html, "html")}
    for name, options in TRAFILATURA_MODES.items():
        text = trafilatura.extract(html, include_comments=False, include_tables=False, **options)
        out[name] = text or ""
    return out


def score_html(html_dir: Path, gold_json: Path) -> list[tuple[str, float, float, float]]:
    """(system, P, R, F1) for newstui and each trafilatura mode over the pages that have gold."""
    gold = json.loads(gold_json.read_text(encoding="utf-8"))
    ids = sorted(i for i in gold if (html_dir / f"{i}.html").exists())
    with Pool(2) as pool:
        outputs = pool.map(extract_page, [html_dir / f"{i}.html" for i in ids], chunksize=2)
    systems = [NEWSTUI, *TRAFILATURA_MODES]
    rows = []
    for system in systems:
        pairs = ((out[system], gold[i]["articleBody"]) for i, out in zip(ids, outputs, strict=True))
        rows.append((system, *corpus_prf(pairs)))
    return rows


def main(argv: list[str]) -> None:
    """Print the P/R/F1 table."""
    base = SHARED / "eval" / "extraction"
    html_dir = Path(argv[0]) if argv else base / "html"
    gold_json = Path(argv[1]) if len(argv) > 1 else base / "ground-truth.json"
    rows = score_html(html_dir, gold_json)
    print(f"{'system':34} {'P':>6} {'R':>6} {'F1':>6}")
    for name, p, r, f1 in rows:
        print(f"{name:34} {p:6.4f} {r:6.4f} {f1:6.4f}")


if __name__ == "__main__":
    main(sys.argv[1:])
