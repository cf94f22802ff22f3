"""Entities on CoNLL-2003 validation documents, scored at document level as a reader sees a panel.

Each document's sentences (tokens joined by spaces, one sentence a paragraph) go through
`newstui analyze --format text --no-clean`; gold is the set of (mention text, type) pairs of the
document for PER, LOC and ORG (MISC ignored); the prediction is the set of (mention text, type) of
every mention of every PERSON/PLACE/ORGANIZATION entity. Micro P, R, F1 over documents, for all of
them and for a fixed split by document number (even: tune, odd: check).

    .venv/bin/python -m bench.quality_conll ../shared/eval [--errors]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import Counter
from pathlib import Path

from bench.quality_news import analyze

TYPE_OF = {"PERSON": "PER", "PLACE": "LOC", "ORGANIZATION": "ORG"}
Pair = tuple[str, str]


def read_conll(path: Path) -> list[tuple[list[list[str]], set[Pair]]]:
    """(sentences as token lists, gold (mention, type) pairs) per document."""
    docs: list[tuple[list[list[str]], set[Pair]]] = []
    sentence: list[str] = []
    tags: list[str] = []

    def close_sentence() -> None:
        if not sentence or not docs:
            sentence.clear()
            tags.clear()
            return
        docs[-1][0].append(list(sentence))
        mention: list[str] = []
        kind = ""
        for token, tag in [*zip(sentence, tags, strict=True), ("", "O")]:
            if tag.startswith("I-") and mention and tag[2:] == kind:
                mention.append(token)
                continue
            if mention and kind in ("PER", "LOC", "ORG"):
                docs[-1][1].add((" ".join(mention), kind))
            mention, kind = ([token], tag[2:]) if tag != "O" else ([], "")
        sentence.clear()
        tags.clear()

    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("-DOCSTART-"):
            close_sentence()
            docs.append(([], set()))
        elif not line.strip():
            close_sentence()
        else:
            parts = line.split()
            sentence.append(parts[0])
            tags.append(parts[-1])
    close_sentence()
    return docs


def predicted_pairs(row: dict) -> set[Pair]:
    return {
        (m["text"], TYPE_OF[e["type"]])
        for e in row.get("entities", [])
        if e["type"] in TYPE_OF
        for m in e.get("mentions", [])
    }


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def run(eval_dir: Path, show_errors: bool = False) -> dict[str, Counter[str]]:
    docs = read_conll(eval_dir / "ner" / "conll2003-valid.txt")
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for i, (sentences, _) in enumerate(docs):
            path = Path(tmp) / f"doc{i:03d}.txt"
            path.write_text("\n\n".join(" ".join(s) for s in sentences) + "\n", encoding="utf-8")
            paths.append(path)
        rows = analyze(paths, "--format", "text", "--no-clean")
    counts: dict[str, Counter[str]] = {k: Counter() for k in ("all", "tune", "check")}
    for i, ((_, gold), row) in enumerate(zip(docs, rows, strict=True)):
        pred = predicted_pairs(row)
        half = "tune" if i % 2 == 0 else "check"
        for part in ("all", half):
            c = counts[part]
            c["tp"] += len(pred & gold)
            c["fp"] += len(pred - gold)
            c["fn"] += len(gold - pred)
            for kind in ("PER", "LOC", "ORG"):
                g = {x for x in gold if x[1] == kind}
                p = {x for x in pred if x[1] == kind}
                c[f"{kind}_tp"] += len(p & g)
                c[f"{kind}_fp"] += len(p - g)
                c[f"{kind}_fn"] += len(g - p)
        if show_errors and half == "tune":
            print(f"## doc {i}: {' '.join(docs[i][0][0])[:70]}")
            print("  FP:", "; ".join(f"{t}/{k}" for t, k in sorted(pred - gold)) or "-")
            print("  FN:", "; ".join(f"{t}/{k}" for t, k in sorted(gold - pred)) or "-")
    return counts


def report(counts: dict[str, Counter[str]]) -> str:
    lines = [f"  {'part':<7}{'P':>7}{'R':>7}{'F1':>7}   {'PER F1':>7}{'LOC F1':>7}{'ORG F1':>7}"]
    for part, c in counts.items():
        p, r, f = prf(c["tp"], c["fp"], c["fn"])
        per_type = [prf(c[f"{k}_tp"], c[f"{k}_fp"], c[f"{k}_fn"])[2] for k in ("PER", "LOC", "ORG")]
        lines.append(
            f"  {part:<7}{p:7.3f}{r:7.3f}{f:7.3f}   " + "".join(f"{x:7.3f}" for x in per_type)
        )
    return "\n".join(lines)


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("eval_dir", type=Path, nargs="?", default=Path("../shared/eval"))
    parser.add_argument("--errors", action="store_true", help="list the tune half's errors")
    args = parser.parse_args(argv)
    counts = run(args.eval_dir, show_errors=args.errors)
    print("CoNLL-2003 validation, document level (tune = even documents, check = odd)")
    print(report(counts))


if __name__ == "__main__":
    main(sys.argv[1:])
