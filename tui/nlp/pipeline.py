"""Run the spaCy model (`spacy_model`: loaded once, late) over articles' paragraphs in batches."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from tui.model import Article
from tui.nlp.spacy_model import everyday_words, load_model

if TYPE_CHECKING:
    from spacy.language import Language


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
