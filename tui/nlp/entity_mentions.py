"""One paragraph's spaCy Doc -> clean candidate mentions: trimmed spans, a type vote, titles, junk out.

A candidate keeps its exact character offsets into the paragraph; its `name` is the span without
leading articles, possessives and honorifics, which is what mentions of one entity share.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from tui.nlp.entity_lexicon import (
    ARTICLES,
    DISEASE_NOUNS,
    DISEASES,
    EVENT_HEADS,
    EVENT_NOUNS,
    HONORIFICS,
    LABEL_TYPES,
    NOT_NAMES,
    PLACE_NOUNS,
    ROLE_ONLY,
    TITLE_HEADS,
    TITLE_WORDS,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_APOSTROPHES = "'’`"
_QUOTES_AND_PUNCT = "\"“”‘’'`«»()[]{},;:!?–—-•*|/\\"
_POSSESSIVE = re.compile(r"(?:['’`]s|(?<=s)['’`])$", re.IGNORECASE)
_LEADING_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
_JUNK_CHARS = re.compile(r"[@#<>=_\n\r\t]|https?:|www\.|\.com\b", re.IGNORECASE)
_LOWER_PREFIX = re.compile(r"^(?:pro|anti|ex|non|neo|post|pre|un)-", re.IGNORECASE)
_ACRONYM_IN_PARENS = re.compile(r"\(\s*([A-Z][A-Za-z.&]{1,9})\s*\)")
_TITLE_ENTITY_TYPES = frozenset({"", "NORP", "GPE", "ORG"})
_CONNECTORS = frozenset({"of", "the", "for", "and"})
_SPEECH_LEMMAS = frozenset({"say", "tell", "add", "write", "explain", "argue", "insist", "recall"})

# Weights of the evidence for a type: spaCy's label, a context cue, a courtesy title.
LABEL_WEIGHT = 1.0
CUE_WEIGHT = 2.0
HONORIFIC_WEIGHT = 3.0


@dataclass(slots=True)
class Candidate:
    """A mention before merging: where it is, the name it carries and the evidence for its type."""

    paragraph: int
    start: int
    end: int
    text: str
    name: str
    votes: Counter[str] = field(default_factory=Counter)
    titles: list[str] = field(default_factory=list)
    honorific: bool = False
    spacy_type: str = ""

    @property
    def position(self) -> tuple[int, int]:
        return (self.paragraph, self.start)


def name_key(name: str) -> str:
    """The form two names must share to be the same name: case, apostrophes and dots folded."""
    folded = name.casefold().replace("’", "'").replace("`", "'")
    if re.fullmatch(r"(?:[a-z]\.){2,}[a-z]?\.?", folded):
        folded = folded.replace(".", "")
    return re.sub(r"\s+", " ", folded).strip()


def clean_name(text: str) -> str:
    """A span's text without a leading article, honorific, possessive or wrapping punctuation."""
    name = re.sub(r"\s+", " ", text).strip().strip(_QUOTES_AND_PUNCT).strip()
    while True:
        before = name
        name = _LEADING_ARTICLE.sub("", name)
        first, _, rest = name.partition(" ")
        if rest and first.lower() in HONORIFICS:
            name = rest
        name = _POSSESSIVE.sub("", name).strip().strip(_QUOTES_AND_PUNCT).strip()
        if name == before:
            return name


def is_junk(name: str) -> bool:
    """True for what is never an entity name: numbers, dates, fragments, lowercase words, diseases."""
    letters = sum(c.isalpha() for c in name)
    digits = sum(c.isdigit() for c in name)
    key = name_key(name)
    words = key.split()
    if letters < 2 or digits > letters + 1 or len(name) > 70 or len(words) > 8:
        return True
    if not any(c.isupper() for c in name) or _JUNK_CHARS.search(name):
        return True
    if name[0].islower() and _LOWER_PREFIX.match(name):
        return True
    if key in NOT_NAMES or key in DISEASES or key in ROLE_ONLY or key in HONORIFICS:
        return True
    return any(w in DISEASES for w in words) and len(words) <= 2


def _trimmed_bounds(span: Span) -> tuple[int, int]:
    """Character bounds of a span without leading articles and punctuation or a trailing possessive."""
    text = span.doc.text
    start, end = span.start_char, span.end_char
    while True:
        before = (start, end)
        while start < end and (text[start].isspace() or text[start] in _QUOTES_AND_PUNCT):
            start += 1
        while end > start and (text[end - 1].isspace() or text[end - 1] in _QUOTES_AND_PUNCT):
            end -= 1
        if m := re.match(r"(?:the|a|an)\s+", text[start:end], re.IGNORECASE):
            if end - start > m.end():
                start += m.end()
        if m := _POSSESSIVE.search(text[start:end]):
            end -= len(m.group(0))
        if (start, end) == before:
            return start, end


def _is_title_token(token: Token) -> bool:
    """A word that can belong to a title before a name: a role word or a capitalised qualifier."""
    if token.lower_ in TITLE_WORDS:
        return True
    if token.ent_type_ not in _TITLE_ENTITY_TYPES or token.is_stop or not token.text[:1].isupper():
        return False
    return token.is_alpha or bool(re.fullmatch(r"(?:[A-Z]\.)+", token.text))


def _title_before(doc: Doc, index: int) -> str | None:
    """The title written just before token `index` ("Russian President"), if there is one."""
    if index == 0 or doc[index - 1].lower_ in _CONNECTORS:
        return None
    i = index - 1
    while i >= 0 and index - i <= 7 and _is_title_token(doc[i]):
        i -= 1
    words = list(doc[i + 1 : index])
    while words and words[0].lower_ in _CONNECTORS:
        words.pop(0)
    if not words or not any(w.lower_ in TITLE_HEADS for w in words):
        return None
    return doc[words[0].i : index].text


def _next_words(doc: Doc, index: int, n: int = 3) -> list[Token]:
    """Up to `n` tokens after `index`, skipping quotes and adjectives, for context cues."""
    found = []
    for token in doc[index:]:
        if token.is_punct and token.text in "\"“”'’»":
            continue
        if token.pos_ == "ADJ" and not found:
            continue
        found.append(token)
        if len(found) == n:
            break
    return found


def _context_votes(span: Span, doc: Doc, start_token: int, spacy_type: str) -> Counter[str]:
    """Extra votes from the words around a span: "capital of X" is a place, "X exercises" an event."""
    votes: Counter[str] = Counter()
    before = doc[max(0, start_token - 2) : start_token]
    if len(before) == 2 and before[1].lower_ == "of" and before[0].lower_ in PLACE_NOUNS:
        votes["PLACE"] += CUE_WEIGHT
    after = _next_words(doc, span.end, 1)
    if after and after[0].lower_ in EVENT_NOUNS and after[0].text.islower():
        votes["EVENT"] += CUE_WEIGHT
    if span[-1].lower_ in EVENT_HEADS and len(span) > 1:
        votes["EVENT"] += CUE_WEIGHT
    root = span.root
    if (
        spacy_type != "PERSON"
        and len(span) == 1
        and root.dep_ == "nsubj"
        and root.head.lemma_ in _SPEECH_LEMMAS
    ):
        votes["PERSON"] += LABEL_WEIGHT / 2
    return votes


def _is_disease_context(doc: Doc, span: Span) -> bool:
    """True when the word after a span shows it names a disease ("the COVID-19 pandemic")."""
    after = _next_words(doc, span.end, 1)
    return bool(after) and after[0].lower_ in DISEASE_NOUNS


def _candidate(doc: Doc, span: Span, paragraph: int, spacy_type: str) -> Candidate | None:
    """One candidate from one span, or None when the span is junk."""
    text = doc.text
    start, end = _trimmed_bounds(span)
    if start >= end or _is_disease_context(doc, span):
        return None
    first = doc.char_span(start, end, alignment_mode="expand")
    start_token = first.start if first is not None else span.start
    votes: Counter[str] = Counter({spacy_type: LABEL_WEIGHT})
    titles: list[str] = []
    honorific = False
    # Titles spaCy put inside a person span ("President Trump") move out of the name.
    while spacy_type == "PERSON" and start_token < span.end - 1:
        token = doc[start_token]
        if token.lower_ not in TITLE_WORDS or token.lower_ in HONORIFICS:
            break
        start_token += 1
        start = doc[start_token].idx
    if start_token > 0 and doc[start_token - 1].lower_ in HONORIFICS:
        start_token -= 1
        start = doc[start_token].idx
    if doc[start_token].lower_ in HONORIFICS:
        honorific = True
        votes["PERSON"] += HONORIFIC_WEIGHT
    if (title := _title_before(doc, start_token)) is not None and not title.isupper():
        titles.append(title)
        if spacy_type in ("PERSON", "ORGANIZATION"):
            votes["PERSON"] += CUE_WEIGHT
    votes.update(_context_votes(span, doc, start_token, spacy_type))
    name = clean_name(text[start:end])
    if not name or is_junk(name):
        return None
    return Candidate(
        paragraph=paragraph,
        start=start,
        end=end,
        text=text[start:end],
        name=name,
        votes=votes,
        titles=titles,
        honorific=honorific,
        spacy_type=spacy_type,
    )


def _split_parenthesised(span: Span) -> list[Span]:
    """A span that swallowed a parenthesis ("World Health Organization (WHO") as its two parts."""
    parts: list[Span] = []
    begin = span.start
    for token in span:
        if token.text in "()":
            if token.i > begin:
                parts.append(span.doc[begin : token.i])
            begin = token.i + 1
    if begin < span.end:
        parts.append(span.doc[begin : span.end])
    return parts


def _honorific_persons(doc: Doc) -> list[Span]:
    """Names after a courtesy title that spaCy did not tag at all ("Ms. Okafor")."""
    from spacy.tokens import Span

    spans = []
    for token in doc[:-1]:
        if token.lower_ not in HONORIFICS or not token.text[:1].isupper():
            continue
        end = token.i + 1
        while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].ent_type_ == "":
            end += 1
        if end > token.i + 1 and doc[token.i + 1].text[:1].isupper():
            spans.append(Span(doc, token.i + 1, end, label="PERSON"))
    return spans


def acronym_pairs(doc: Doc) -> list[tuple[str, str]]:
    """(expansion, acronym) pairs written as "European Union (EU)" in one paragraph."""
    pairs = []
    for ent in doc.ents:
        for part in _split_parenthesised(ent)[:1]:
            tail = doc.text[part.end_char : part.end_char + 14]
            if m := _ACRONYM_IN_PARENS.match(tail.lstrip()):
                pairs.append((clean_name(part.text), m.group(1)))
    return pairs


def paragraph_candidates(doc: Doc, paragraph: int) -> list[Candidate]:
    """Every candidate mention in one paragraph, in text order, overlaps removed."""
    spans: list[tuple[Span, str]] = []
    for ent in doc.ents:
        spacy_type = LABEL_TYPES.get(ent.label_)
        if spacy_type is None:
            continue
        if spacy_type == "OTHER" and sum(t.text[:1].isupper() for t in ent) < 2:
            continue
        spans.extend((part, spacy_type) for part in _split_parenthesised(ent))
    spans.extend((span, "PERSON") for span in _honorific_persons(doc))
    found: list[Candidate] = []
    for span, spacy_type in spans:
        candidate = _candidate(doc, span, paragraph, spacy_type)
        if candidate is not None:
            found.append(candidate)
    found.sort(key=lambda c: (c.start, -c.end))
    kept: list[Candidate] = []
    for candidate in found:
        if kept and candidate.start < kept[-1].end:
            continue
        kept.append(candidate)
    return kept
