"""Analyzing stored articles from the reader's workers: one spaCy run at a time (`ANALYSIS_LOCK`,
held by every worker that analyzes: opening, adding, redating, refreshing feeds), then the
analysis saved."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass

from tui.model import Article
from tui.store import Store, StoreError

ANALYSIS_LOCK = threading.Lock()
"""Serializes analyses across workers: a spaCy pipeline is not safe to share, and an old worker
may still run when a new one starts."""


@dataclass(slots=True)
class Analyzed:
    """An article analyzed; `save_error` says why the analysis could not be stored (if so)."""

    article: Article
    save_error: str | None = None


def analyze_and_save(
    store: Store, article: Article, cancelled: Callable[[], bool] = lambda: False
) -> Analyzed | None:
    """Find the article's entities and dates (spaCy loads here, late), then store them.

    None when `cancelled()` says, once the lock is taken, that no one wants it any more. A failed
    analysis raises (nothing is saved); a failed save is kept in `save_error`.
    """
    from tui.nlp.pipeline import analyze_articles

    with ANALYSIS_LOCK:
        if cancelled():
            return None
        analyze_articles([article])
    try:
        store.save_analysis(article)
    except (KeyError, StoreError, OSError) as exc:
        return Analyzed(article, str(exc))
    return Analyzed(article)
