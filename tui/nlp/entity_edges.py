"""A mention's bounds without the words at its edges that are not part of the name.

The model's spans often take in a sentence-initial gerund ("Hosting Cook"), a number ("4 Acme"),
an article, punctuation or a trailing possessive; the name is what is left ("9th Street" keeps its
number, "Big 12" its digits).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui.nlp.doc_text import text_of
from tui.nlp.entity_lexicon import ARTICLES, NUMBERED_BODY, PLACE_LAST_WORDS
from tui.nlp.entity_names import (
    LEADING_ARTICLE,
    ORDINAL,
    POSSESSIVE,
    QUOTES_AND_PUNCT,
)
from tui.nlp.entity_spans import NUMBERED_NAMES
from tui.nlp.knowledge.companies import is_known_org

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

_EDGE_POS = frozenset(
    {"ADP", "ADV", "PRON", "DET", "SCONJ", "CCONJ", "INTJ", "NUM", "PART", "PUNCT", "SYM"}
)


def _verb_stem(word: str, everyday: frozenset[str]) -> bool:
    """Whether an "-ing" word is made from an everyday verb ("hosting", "making", "running")."""
    stem = word[:-3]
    forms = {word, stem, stem + "e"} | ({stem[:-1]} if stem[-1:] == stem[-2:-1] else set())
    return bool(forms & everyday)


def _is_edge_word(token: Token, everyday: frozenset[str] = frozenset()) -> bool:
    """A word at a span's edge that is not part of the name: "Hosting", "4", "Off", "the"."""
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    if ORDINAL.match(token.text) and following is not None and following.lower_ in PLACE_LAST_WORDS:
        return False  # "9th Street", "25th Avenue": the number is the street's name
    if ORDINAL.match(token.text) and NUMBERED_BODY.match(token.doc[token.i + 1 :].text):
        return False  # "9th Congressional District", "the 2nd U.S. Circuit Court of Appeals"
    if token.pos_ == "PRON" and token.text[:1].isupper() and not token.is_sent_start:
        return False  # "He Jianxiong": a capitalised "He" inside a sentence is a surname
    if token.pos_ in _EDGE_POS or token.like_num or token.lower_ in ARTICLES:
        return True
    # "Hosting Cook at Dreamforce...": a sentence-initial gerund the model took for a first name.
    # ("Erling Haaland": a name no dictionary holds is no gerund.)
    gerund = token.pos_ == "VERB" or (
        token.is_sent_start
        and len(token) >= 6
        and (not everyday or _verb_stem(token.lower_, everyday))
    )
    if gerund and token.lower_.endswith("ing"):
        return True
    # "“Make Trump just go away”": a verb opening a sentence or a quotation.
    opens = token.is_sent_start or (token.i > 0 and token.doc[token.i - 1].is_quote)
    verb = token.pos_ in ("VERB", "AUX") and token.tag_ in ("VB", "VBP", "VBZ", "VBD")
    return bool(verb and opens)


def trimmed_bounds(span: Span, everyday: frozenset[str] = frozenset()) -> tuple[int, int]:
    """Character bounds of a span without edge words and punctuation or a trailing possessive."""
    text = text_of(span.doc)
    first, last = span.start, span.end
    while first < last - 1 and _is_edge_word(span.doc[first], everyday):
        first += 1
    while (
        last > first + 1
        and span.doc[last - 1].pos_ in _EDGE_POS
        and not (span.doc[last - 1].like_num and span.doc[last - 2].lower_ in NUMBERED_NAMES)
    ):
        last -= 1
    if (
        last > first + 1
        and span.doc[last - 1].like_num
        and span.doc[last - 2].pos_ == "PROPN"
        and span.doc[last - 2].lower_ not in NUMBERED_NAMES
        and not is_known_org(span.doc[first:last].text)  # "Big Ten", "Big 12", "Formula 1"
    ):
        last -= 1
    start, end = span.doc[first].idx, span.doc[last - 1].idx + len(span.doc[last - 1])
    while True:
        before = (start, end)
        while start < end and (text[start].isspace() or text[start] in QUOTES_AND_PUNCT):
            start += 1
        while end > start and (text[end - 1].isspace() or text[end - 1] in QUOTES_AND_PUNCT):
            end -= 1
        article = LEADING_ARTICLE.match(text[start:end])
        if article and end - start > article.end():
            start += article.end()
        if m := POSSESSIVE.search(text[start:end]):
            end -= len(m.group(0))
        if (start, end) == before:
            return start, end
