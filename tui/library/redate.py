"""Set or correct an article's publication date: every relative date of its timeline ("Monday",
"Aug. 9", "last year") is resolved again against the new date, and the store keeps the date the
user gave even when the same story is added again."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui.ingest import parse_user_date
from tui.library.analysis import ANALYSIS_LOCK
from tui.model import Article

if TYPE_CHECKING:
    from spacy.language import Language

    from tui.store import Store


def moved_events(before: Article, after: Article) -> int:
    """How many dated events of `before` resolve to another date (or none) in `after`."""
    now = {(e.paragraph, e.start): e.value for e in after.timeline}
    return sum(now.get((e.paragraph, e.start)) != e.value for e in before.timeline)


def set_publication_date(
    store: Store, article_id: str, value: str, nlp: Language | None = None
) -> Article:
    """Give a stored article the date `value` (YYYY-MM-DD), re-analyze it and save it.

    Raises IngestError for a malformed date, KeyError for an unknown id, StoreError when the store
    cannot be written; the stored article is unchanged in every case.
    """
    from tui.nlp.pipeline import analyze_articles

    published = parse_user_date(value)
    article = store.get(article_id)
    article.published = published
    analyze_articles([article], nlp)
    store.save_analysis(article)
    return article


def redate(store: Store, article_id: str, value: str) -> tuple[Article, int]:
    """`set_publication_date` under the analysis lock (the reader's workers share spaCy): the
    article as saved, and how many of its dated events moved. Raises as that does."""
    before = store.get(article_id)
    with ANALYSIS_LOCK:
        after = set_publication_date(store, article_id, value)
    return after, moved_events(before, after)
