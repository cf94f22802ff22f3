"""Entity panel and timeline on hand-annotated real news (news-dev), in a tuning and a check half.

The metric is the one `news-dev/score.py` uses (and that measures newstui on unseen news): a
predicted PERSON/PLACE/ORGANIZATION entry is right when its lower-cased name is a gold name or alias
of the same type; timeline items are aligned in order with gold ones by overlapping text and are
right when their values agree. The articles are split by a fixed rule, the first hex digit of the
id: even ids are the **tune** half, odd ids the **check** half. Tune on one, report both; a rule
that helps the tune half and hurts the check half is overfitting.

    .venv/bin/python -m bench.quality_news ../shared/eval [--errors] [--json FILE]

`--errors` lists every error of the tune half only (the check half stays unseen).
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

TYPES = ("PERSON", "PLACE", "ORGANIZATION")
HALVES = ("tune", "check")


def half_of(article_id: str) -> str:
    """The fixed split: even first hex digit -> tune, odd -> check."""
    return "tune" if int(article_id[0], 16) % 2 == 0 else "check"


def newstui_bin() -> str:
    """The `newstui` console script beside the running interpreter (the venv's)."""
    return str(Path(sys.executable).parent / "newstui")


def analyze(paths: list[Path], *extra: str) -> list[dict[str, Any]]:
    """`newstui analyze --json` on the paths, one object per path, as an outside scorer runs it."""
    out = subprocess.run(
        [newstui_bin(), "analyze", *map(str, paths), "--json", *extra],
        capture_output=True,
        text=True,
        check=False,
    )
    rows = [json.loads(line) for line in out.stdout.splitlines() if line.strip()]
    if len(rows) != len(paths):
        sys.exit(f"analyze gave {len(rows)} objects for {len(paths)} inputs: {out.stderr[-500:]}")
    return rows


def norm_value(value: str | None) -> str:
    value = (value or "").strip()
    if re.match(r"^\d{4}-\d\d-\d\dT", value):
        value = value[:10]
    if re.match(r"^\d{3}X$", value):
        value = value[:3]
    return value


def aligned(gold: list[dict], preds: list[dict]) -> list[tuple[dict, dict]]:
    """Greedy in-order alignment by overlapping text (either contains the other)."""
    pairs, j = [], 0
    for g in gold:
        gt = g["text"].lower()
        for k in range(j, len(preds)):
            pt = preds[k]["text"].lower()
            if gt in pt or pt in gt:
                pairs.append((g, preds[k]))
                j = k + 1
                break
    return pairs


def score_article(gold: dict, predicted: dict) -> dict[str, Any]:
    """Counts and categorised errors of one article."""
    names = {
        n.lower(): (e["name"], e["type"])
        for e in gold["entities"]
        for n in [e["name"], *e.get("aliases", [])]
    }
    pset: set[tuple[str, ...]] = set()
    errors: dict[str, list[str]] = {k: [] for k in ("wrong_type", "not_gold", "missed")}
    errors |= {k: [] for k in ("extra", "wrong_value", "missed_date")}
    for e in predicted.get("entities", []):
        if e["type"] not in TYPES:
            continue
        key = names.get(e["name"].lower())
        if key and key[1] == e["type"]:
            pset.add(key)
        else:
            pset.add((e["name"], e["type"], "x"))
            kind = "wrong_type" if key else "not_gold"
            gold_type = f" (gold {key[1]})" if key else ""
            errors[kind].append(f"{e['name']}/{e['type']}{gold_type}")
    gset = {(e["name"], e["type"]) for e in gold["entities"]}
    predicted_names = {e["name"].lower() for e in predicted.get("entities", [])}
    for name, kind in sorted(gset - pset):
        aliases = {
            n.lower()
            for e in gold["entities"]
            if e["name"] == name
            for n in [e["name"], *e.get("aliases", [])]
        }
        if not aliases & predicted_names:
            errors["missed"].append(f"{name}/{kind}")
    gl, pl = gold["timeline"], predicted.get("timeline", [])
    pairs = aligned(gl, pl)
    right = [(g, p) for g, p in pairs if norm_value(p["value"]) == norm_value(g["value"])]
    matched = {id(p) for _, p in pairs}
    good = {id(p) for _, p in right}
    for g, p in pairs:
        if id(p) not in good:
            errors["wrong_value"].append(f"{p['text']}={p['value']} (gold {g['value']})")
    errors["extra"] = [f"{p['text']}={p['value']}" for p in pl if id(p) not in matched]
    aligned_gold = {id(g) for g, _ in pairs}
    errors["missed_date"] = [f"{g['text']}={g['value']}" for g in gl if id(g) not in aligned_gold]
    return {
        "entities": (len(pset & gset), len(pset), len(gset)),
        "timeline": (len(right), len(pl), len(gl)),
        "errors": errors,
    }


def f1(tp: int, pred: int, gold: int) -> float:
    return 2 * tp / (pred + gold) if pred + gold else 0.0


def run(eval_dir: Path, show_errors: bool = False) -> dict[str, Any]:
    """Scores of both halves and of all articles, with per-category error counts."""
    news = eval_dir / "news-dev"
    gold = json.loads((news / "gold.json").read_text(encoding="utf-8"))["articles"]
    ids = sorted(gold)
    rows = analyze([eval_dir / "extraction" / "html" / f"{i}.html" for i in ids])
    result: dict[str, Any] = {}
    for part in (*HALVES, "all"):
        result[part] = {
            "articles": 0,
            "entities": [0, 0, 0],
            "timeline": [0, 0, 0],
            "errors": Counter(),
        }
    for article_id, predicted in zip(ids, rows, strict=True):
        scored = score_article(gold[article_id], predicted)
        half = half_of(article_id)
        for part in (half, "all"):
            bucket = result[part]
            bucket["articles"] += 1
            for key in ("entities", "timeline"):
                bucket[key] = [a + b for a, b in zip(bucket[key], scored[key], strict=True)]
            bucket["errors"].update({k: len(v) for k, v in scored["errors"].items()})
        if show_errors and half == "tune":
            print(f"## {article_id[:8]} {gold[article_id]['url']}")
            for kind, items in scored["errors"].items():
                if items:
                    print(f"  {kind}: " + "; ".join(items))
    return result


def report(result: dict[str, Any]) -> str:
    lines = [
        f"  {'half':<7}{'articles':>9}{'entities F1':>13}{'(tp/pred/gold)':>17}"
        f"{'timeline F1':>13}{'(tp/pred/gold)':>17}"
    ]
    for part, r in result.items():
        e, t = r["entities"], r["timeline"]
        lines.append(
            f"  {part:<7}{r['articles']:>9}{f1(*e):>13.3f}{'/'.join(map(str, e)):>17}"
            f"{f1(*t):>13.3f}{'/'.join(map(str, t)):>17}"
        )
    lines.append("  errors by category (tune / check):")
    kinds = ("wrong_type", "not_gold", "missed", "extra", "wrong_value", "missed_date")
    for kind in kinds:
        lines.append(
            f"    {kind:<12} {result['tune']['errors'][kind]:>4} / {result['check']['errors'][kind]:>4}"
        )
    return "\n".join(lines)


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("eval_dir", type=Path, nargs="?", default=Path("../shared/eval"))
    parser.add_argument("--errors", action="store_true", help="list the tune half's errors")
    parser.add_argument("--json", type=Path, help="also write the scores to this file")
    args = parser.parse_args(argv)
    result = run(args.eval_dir, show_errors=args.errors)
    print("News-dev entities and timeline (tune = even first hex digit, check = odd)")
    print(report(result))
    if args.json:
        args.json.write_text(json.dumps(result, indent=1, default=dict) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1:])
