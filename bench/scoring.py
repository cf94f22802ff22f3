"""The article-extraction benchmark's metric: word 4-gram shingle multisets, P/R averaged over pages."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

_WORD = re.compile(r"\w+")


def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    """The multiset of word n-grams of a text (case kept, as the benchmark does)."""
    words = _WORD.findall(text)
    if len(words) < n:
        return Counter([tuple(words)]) if words else Counter()
    return Counter(tuple(words[i : i + n]) for i in range(len(words) - n + 1))


def page_pr(pred: str, gold: str) -> tuple[float, float]:
    """Precision and recall of one page; a page where both sides are empty scores 1."""
    p, g = shingles(pred), shingles(gold)
    if not p and not g:
        return 1.0, 1.0
    common = sum((p & g).values())
    precision = common / sum(p.values()) if p else 0.0
    recall = common / sum(g.values()) if g else 0.0
    return precision, recall


def corpus_prf(pairs: Iterable[tuple[str, str]]) -> tuple[float, float, float]:
    """P and R averaged over (pred, gold) pages, F1 from those averages."""
    scores = [page_pr(pred, gold) for pred, gold in pairs]
    if not scores:
        return 0.0, 0.0, 0.0
    p = sum(s[0] for s in scores) / len(scores)
    r = sum(s[1] for s in scores) / len(scores)
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f1


def newstui_body(text: str, kind: str, clean: bool = True) -> str:
    """The body newstui stores for one input, through the whole ingest path ("" when refused)."""
    from tui.ingest import IngestError, ingest_bytes

    try:
        (article,) = ingest_bytes(text.encode("utf-8"), origin="bench", kind=kind, clean=clean)
    except IngestError:
        return ""
    return "" if isinstance(article, IngestError) else "\n".join(article.paragraphs)


HALVES = ("tune", "check", "all")


def half_of(page_id: str) -> str:
    """The fixed split of the extraction pages (hex ids, as bench/quality_news.py splits its own):
    an even first hex digit is the **tune** half, odd the **check** half."""
    return "tune" if int(page_id[0], 16) % 2 == 0 else "check"


def split_prf(pairs: dict[str, tuple[str, str]]) -> dict[str, tuple[float, float, float]]:
    """corpus_prf of each half and of all pages; `pairs` maps a page id to its (pred, gold)."""
    return {
        half: corpus_prf(pair for i, pair in pairs.items() if half in ("all", half_of(i)))
        for half in HALVES
    }


def _covered(text: str, other: Counter[tuple[str, ...]], other_words: str) -> float:
    """The share of a paragraph's shingles found in the other side's multiset; a paragraph of
    under four words counts as covered when its words occur in that order on the other side."""
    words = _WORD.findall(text)
    if len(words) < 4:
        return 1.0 if f" {' '.join(words)} " in other_words else 0.0
    own = shingles(text)
    return sum((own & other).values()) / sum(own.values())


def paragraph_errors(pred: str, gold: str, below: float = 0.5) -> tuple[list[str], list[str]]:
    """(kept, lost): predicted paragraphs mostly not in the gold, gold paragraphs mostly missed."""
    pred_sh, gold_sh = shingles(pred), shingles(gold)
    pred_words = f" {' '.join(_WORD.findall(pred))} "
    gold_words = f" {' '.join(_WORD.findall(gold))} "
    kept = [p for p in pred.split("\n") if p.strip() and _covered(p, gold_sh, gold_words) < below]
    lost = [g for g in gold.split("\n") if g.strip() and _covered(g, pred_sh, pred_words) < below]
    return kept, lost


def print_errors(page_id: str, url: str, pred: str, gold: str, width: int = 160) -> None:
    """One tune page's score and its wrongly kept (+) and lost (-) paragraphs, each cut to `width`."""
    p, r = page_pr(pred, gold)
    kept, lost = paragraph_errors(pred, gold)
    if not kept and not lost:
        return
    print(f"## {page_id[:8]} P={p:.3f} R={r:.3f} {url}")
    for sign, paragraphs in (("+", kept), ("-", lost)):
        for text in paragraphs:
            cut = text if len(text) <= width else text[: width - 1] + "…"
            print(f"  {sign} {cut}")
