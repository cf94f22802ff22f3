"""Entity quality against hand-made gold files in the seed's format: P/R/F1 per type, must_not_be.

Gold (`entities` key): `{TYPE: [{"name", "also_acceptable"?}], "must_not_be": [{"name", "type"}]}`.
A predicted entity matches a gold one of the same type when its name is the gold name or one of its
`also_acceptable` names (case and apostrophes folded). Each gold entity is matched once; a second
prediction for it counts against precision. Only the types a gold file lists are scored: gold files
that do not annotate groups or events say nothing about them.

    python -m bench.quality_entities GOLD.json [GOLD.json ...]
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from tui.model import Entity

# Gold files may use these names for newstui's types.
TYPE_ALIASES = {"NATIONALITY_OR_GROUP": "GROUP", "ORG": "ORGANIZATION", "LOCATION": "PLACE"}


def _fold(name: str) -> str:
    return " ".join(name.casefold().replace("’", "'").split())


def _gold_type(name: str) -> str:
    return TYPE_ALIASES.get(name, name)


def predict(paragraphs: list[str]) -> list[Entity]:
    """newstui's entities for one article's paragraphs, through the real model."""
    from tui.nlp.entities import resolve_entities
    from tui.nlp.pipeline import load_model

    return resolve_entities(list(load_model().pipe(paragraphs)))


def _prf(tp: int, fp: int, fn: int) -> dict[str, float | int]:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"tp": tp, "fp": fp, "fn": fn, "precision": precision, "recall": recall, "f1": f1}


def score_predicted(gold: dict[str, Any], predicted: list[Entity]) -> dict[str, Any]:
    """Score predicted entities against one gold `entities` object."""
    counts: dict[str, Counter[str]] = {}
    missing: dict[str, list[str]] = {}
    spurious: dict[str, list[str]] = {}
    for raw_type, items in gold.items():
        if raw_type == "must_not_be":
            continue
        kind = _gold_type(raw_type)
        names = [{_fold(g["name"]), *map(_fold, g.get("also_acceptable", []))} for g in items]
        matched = [False] * len(items)
        tally = counts.setdefault(kind, Counter())
        for entity in (e for e in predicted if e.type == kind):
            hit = next((i for i, n in enumerate(names) if _fold(entity.name) in n), None)
            if hit is None or matched[hit]:
                tally["fp"] += 1
                spurious.setdefault(kind, []).append(entity.name)
            else:
                matched[hit] = True
                tally["tp"] += 1
        tally["fn"] += matched.count(False)
        missing[kind] = [g["name"] for g, m in zip(items, matched, strict=True) if not m]
    violations = [
        {"name": e.name, "type": e.type}
        for rule in gold.get("must_not_be", [])
        for e in predicted
        if _fold(e.name) == _fold(rule["name"]) and e.type == _gold_type(rule["type"])
    ]
    return _report(counts, missing, spurious, violations)


def _report(
    counts: dict[str, Counter[str]],
    missing: dict[str, list[str]],
    spurious: dict[str, list[str]],
    violations: list[dict[str, str]],
) -> dict[str, Any]:
    total: Counter[str] = Counter()
    for tally in counts.values():
        total.update(tally)
    return {
        "per_type": {k: _prf(t["tp"], t["fp"], t["fn"]) for k, t in counts.items()},
        "overall": _prf(total["tp"], total["fp"], total["fn"]),
        "missing": missing,
        "spurious": spurious,
        "must_not_be": violations,
    }


def score_entities(gold_json: Path, paragraphs: list[str] | None = None) -> dict[str, Any]:
    """Score newstui on one gold file; its `paragraphs` are the input unless others are given."""
    gold = json.loads(Path(gold_json).read_text(encoding="utf-8"))
    return score_predicted(gold["entities"], predict(paragraphs or gold["paragraphs"]))


def combine(reports: list[dict[str, Any]]) -> dict[str, Any]:
    """Micro-averaged scores over several gold files."""
    counts: dict[str, Counter[str]] = {}
    missing: dict[str, list[str]] = {}
    spurious: dict[str, list[str]] = {}
    violations: list[dict[str, str]] = []
    for report in reports:
        for kind, prf in report["per_type"].items():
            counts.setdefault(kind, Counter()).update({k: prf[k] for k in ("tp", "fp", "fn")})
        for kind, names in report["missing"].items():
            missing.setdefault(kind, []).extend(names)
        for kind, names in report["spurious"].items():
            spurious.setdefault(kind, []).extend(names)
        violations.extend(report["must_not_be"])
    return _report(counts, missing, spurious, violations)


def format_report(report: dict[str, Any]) -> str:
    """A plain table of one report."""
    lines = [f"{'type':<14}{'tp':>4}{'fp':>4}{'fn':>4}{'P':>7}{'R':>7}{'F1':>7}"]
    rows = [*report["per_type"].items(), ("overall", report["overall"])]
    for kind, s in rows:
        lines.append(
            f"{kind:<14}{s['tp']:>4}{s['fp']:>4}{s['fn']:>4}"
            f"{s['precision']:>7.3f}{s['recall']:>7.3f}{s['f1']:>7.3f}"
        )
    for kind, names in report["missing"].items():
        if names:
            lines.append(f"missing {kind}: {', '.join(names)}")
    for kind, names in report["spurious"].items():
        lines.append(f"spurious {kind}: {', '.join(names)}")
    violations = ", ".join(f"{v['name']} ({v['type']})" for v in report["must_not_be"]) or "none"
    lines.append(f"must_not_be violations: {violations}")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    """Print the score table of each gold file, then the combined one."""
    if not argv:
        print("usage: python -m bench.quality_entities GOLD.json [GOLD.json ...]", file=sys.stderr)
        return 2
    reports = []
    for path in argv:
        report = score_entities(Path(path))
        reports.append(report)
        print(f"== {path}\n{format_report(report)}\n")
    if len(reports) > 1:
        print(f"== all {len(reports)} files\n{format_report(combine(reports))}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
