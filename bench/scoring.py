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
