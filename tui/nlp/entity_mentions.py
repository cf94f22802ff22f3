"""One paragraph's spaCy Doc -> candidate mentions: trimmed spans, type votes, titles, junk out.

A candidate keeps its exact character offsets into the paragraph; its `name` is the span without
leading articles, possessives and honorifics, which is what mentions of one entity share.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from tui.nlp.doc_text import text_of
from tui.nlp.entity_categories import (
    apposition_votes,
    category_votes,
    employer_votes,
    kind_before_votes,
)
from tui.nlp.entity_credits import credit_ranges, in_ranges
from tui.nlp.entity_cues import (
    Votes,
    cue_votes,
    is_region_abbreviation,
    is_titled_name,
    name_shape_votes,
)
from tui.nlp.entity_edges import trimmed_bounds
from tui.nlp.entity_knowledge import ArticleContext, knowledge_votes, team_use_votes
from tui.nlp.entity_lexicon import (
    DISEASE_NOUNS,
    EVENT_HEADS,
    EVENT_NOUNS,
    HONORIFICS,
    ORG_AFTER_NOUNS,
    ORG_NOUNS,
    PLACE_AFTER_NOUNS,
    PLACE_NOUNS,
    PLATFORMS,
    POST_NOMINALS,
    SPORTS_TERMS,
    TITLE_WORDS,
    VENUE_AFTER_NOUNS,
)
from tui.nlp.entity_names import (
    clean_name,
    is_junk,
    name_key,
)
from tui.nlp.entity_pairs import SAINT_POSSESSIVE, with_name_possessive
from tui.nlp.entity_person_cues import person_use_votes
from tui.nlp.entity_products import product_votes
from tui.nlp.entity_spans import (
    article_before,
    candidate_spans,
    dateline_end,
    listed_place_tokens,
)
from tui.nlp.entity_titles import is_honorific, royal_title_before, title_before
from tui.nlp.knowledge.companies import is_known_name
from tui.nlp.knowledge.people import surname_rank
from tui.nlp.knowledge.places import place_kind

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_DEMONYM_ENDINGS = ("ian", "ean", "ese", "ish")
# After a surname, these nouns make it a leader's: "the Obama administration", "the Bush era".
_LEADER_NOUNS = frozenset({"administration", "presidency", "campaign", "era", "doctrine"})
_SPEECH_LEMMAS = frozenset({"say", "tell", "add", "write", "explain", "argue", "insist", "recall"})

_THING_NOUNS = ORG_AFTER_NOUNS | PLACE_AFTER_NOUNS | VENUE_AFTER_NOUNS
# Weights of the evidence for a type: spaCy's label, a context cue, a telling cue ("Mr.",
# "the capital of X", "X province").
LABEL_WEIGHT = 1.0
CUE_WEIGHT = 2.0
STRONG_WEIGHT = 3.0


@dataclass(slots=True)
class Candidate:
    """A mention before merging: where it is, the name it carries and the evidence for its type."""

    paragraph: int
    start: int
    end: int
    text: str
    name: str
    votes: Votes = field(default_factory=Votes)
    titles: list[str] = field(default_factory=list)
    place_cue: bool = False
    article: str | None = None  # the article written before it (`entity_spans.article_before`)
    label: str = ""  # the type the model (or a span rule) gave the span
    product_cue: bool = False  # its words show a product, platform or work (`entity_products`)

    @property
    def position(self) -> tuple[int, int]:
        return (self.paragraph, self.start)

    def evidence(self, kind: str) -> float:
        """The votes for a type beyond the model's own label."""
        return self.votes[kind] - (LABEL_WEIGHT if self.label == kind else 0.0)


def _numbered_word(doc: Doc, index: int, end: int, name: str, article: ArticleContext) -> bool:
    """True for an everyday word after a number ("a BMW 3 Series", "the 7 Train"): a model's or
    a line's name, never a person or a place."""
    return (
        index > 0
        and not article.sports  # "Leeds 2 United 1": a score, then a club
        and doc[index - 1].is_digit
        and " " not in name
        and name.lower() in article.everyday
        and doc[index].idx + len(doc[index]) >= end
    )


def _next_words(doc: Doc, index: int, n: int = 3) -> list[Token]:
    """Up to `n` tokens after `index`, skipping quotes and adjectives, for context cues."""
    found: list[Token] = []
    for token in doc[index:]:
        if token.is_punct and token.text in "\"“”'’»":
            continue
        if token.pos_ == "ADJ" and not found:
            continue
        found.append(token)
        if len(found) == n:
            break
    return found


def _context_votes(span: Span, doc: Doc, start_token: int, spacy_type: str) -> Votes:
    """Votes from the words around a span: "capital of X", "X province" are places."""
    votes = Votes()
    before = doc[max(0, start_token - 2) : start_token]
    if before and before[-1].lower_ in ORG_NOUNS and before[-1].text.islower():
        votes["ORGANIZATION"] += CUE_WEIGHT
    if len(before) == 2 and before[1].lower_ == "of" and before[0].lower_ in PLACE_NOUNS:
        votes["PLACE"] += STRONG_WEIGHT
    after = _next_words(doc, span.end, 1)
    if after and after[0].text in ("'s", "’s"):
        owned = _next_words(doc, after[0].i + 1, 1)  # "Gannett's shareholders"
        if owned and owned[0].lower_ in ORG_AFTER_NOUNS and owned[0].text.islower():
            votes["ORGANIZATION"] += CUE_WEIGHT
    if after and after[0].lower_ in VENUE_AFTER_NOUNS and after[0].text.islower():
        votes["PLACE"] += CUE_WEIGHT
    if after and after[0].lower_ in EVENT_NOUNS and after[0].text.islower():
        votes["EVENT"] += CUE_WEIGHT
    if after and after[0].lower_ in PLACE_AFTER_NOUNS and after[0].text.islower():
        votes["PLACE"] += STRONG_WEIGHT
    demonym = (
        len(span) == 1
        and (
            span[0].lower_.endswith(_DEMONYM_ENDINGS)
            or (span[0].pos_ == "ADJ" and span[0].lower_.endswith(("an", "i", "ic")))
        )
        and span.end < len(doc)
        and doc[span.end].pos_ == "NOUN"
        and doc[span.end].text.islower()
    )
    if demonym:
        votes["GROUP"] += CUE_WEIGHT  # "Ukrainian officials": the people of a nation
    elif (
        after
        and after[0].lower_ in ORG_AFTER_NOUNS
        and after[0].text.islower()
        and spacy_type != "GROUP"
    ):
        votes["ORGANIZATION"] += CUE_WEIGHT
    if after and after[0].lower_ in _LEADER_NOUNS and after[0].text.islower() and len(span) <= 2:
        votes["PERSON"] += CUE_WEIGHT  # "the Obama administration", "the Trump campaign"
    words = [t.lower_ for t in span]
    head = words[words.index("of", 1) - 1] if "of" in words[1:] else words[-1]
    if head in EVENT_HEADS and len(span) > 1:
        votes["EVENT"] += STRONG_WEIGHT  # "the Riverton Boat Show", "the Davis Cup"
    elif (
        words[-1] in ("fire", "flood", "storm")
        and len(span) > 1
        and start_token > 0
        and doc[start_token - 1].lower_ == "the"
    ):
        votes["EVENT"] += STRONG_WEIGHT  # "the Kincade Fire": a disaster, not its agency
    root = span.root
    if (
        spacy_type != "PERSON"
        and len(span) == 1
        and root.dep_ == "nsubj"
        and root.head.lemma_ in _SPEECH_LEMMAS
    ):
        surname = surname_rank(span.text) is not None and not is_known_name(span.text)
        votes["PERSON"] += CUE_WEIGHT if surname else LABEL_WEIGHT / 2  # "Vogel said"
    return votes


def _is_disease_context(doc: Doc, span: Span) -> bool:
    """True when the word after a span shows it names a disease ("the COVID-19 pandemic")."""
    after = _next_words(doc, span.end, 1)
    return bool(after) and after[0].lower_ in DISEASE_NOUNS


def _is_capitalised_word(span: Span) -> bool:
    """A sentence's first word, capitalised only for being first ("Televised debates are..."),
    or the service of "a funeral Mass", which is not "Mass." for Massachusetts after a town."""
    token = span[0]
    if len(span) == 1 and token.text == "Mass" and not (token.i > 0 and token.nbor(-1).text == ","):
        return True
    return bool(
        len(span) == 1
        and token.is_sent_start
        and token.pos_ in ("VERB", "ADJ", "ADV")
        and token.lower_.endswith(("ed", "ing", "ly"))
    )


def _candidate(
    doc: Doc, span: Span, paragraph: int, spacy_type: str, article: ArticleContext
) -> Candidate | None:
    """One candidate from one span, or None when the span is junk."""
    text = text_of(doc)
    start, end = trimmed_bounds(span, article.everyday)
    if start >= end or _is_disease_context(doc, span) or _is_capitalised_word(span):
        return None
    if span.text in POST_NOMINALS and span.start > 0 and doc[span.start - 1].pos_ == "PROPN":
        return None  # "Rosalind Threlkeld KC": the honour read as a name of its own
    first = doc.char_span(start, end, alignment_mode="expand")
    start_token = first.start if first is not None else span.start
    votes = Votes({spacy_type: LABEL_WEIGHT} if spacy_type else {})
    titles: list[str] = []
    # A position written before a player's name ("DL Myles Garrett") is not part of it.
    if spacy_type == "PERSON" and span.end - start_token >= 3:
        token = doc[start_token]
        if token.is_upper and len(token) <= 3 and token.is_alpha:
            start_token += 1
            start = doc[start_token].idx
    # An honour or degree after a person's name ("Oliver Crane KC") is not part of it either.
    if (
        spacy_type == "PERSON"
        and span.end - start_token >= 3
        and doc[span.end - 1].text in POST_NOMINALS
    ):
        last = doc[span.end - 2]
        end = min(end, last.idx + len(last))
    # Titles spaCy put inside a person span ("President Trump") move out of the name, unless the
    # name is shaped like a place's or a firm's ("Queen Street", "King Air").
    names_a_person = not name_shape_votes([t.text for t in span]).keys() & {"PLACE", "ORGANIZATION"}
    strip_titles = spacy_type == "PERSON" or is_titled_name(span)
    while strip_titles and names_a_person and start_token < span.end - 1:
        token = doc[start_token]
        if token.lower_ not in TITLE_WORDS or token.lower_ in HONORIFICS:
            break
        start_token += 1
        start = doc[start_token].idx
    if royal_title_before(doc, start_token, end):
        start_token -= 1  # "Prince Andrew", "Queen Elizabeth II": a royal is named with the title
        start = doc[start_token].idx
    if start_token > 0 and is_honorific(doc[start_token - 1]):
        start_token -= 1
        start = doc[start_token].idx
    if is_honorific(doc[start_token]):
        votes["PERSON"] += STRONG_WEIGHT
    if (title := title_before(doc, start_token)) is not None and not title.isupper():
        titles.append(title)
        if spacy_type in ("PERSON", "ORGANIZATION") or (
            spacy_type == "PLACE" and place_kind(text[start:end]) is None
        ):  # "Host Kemi Adeyemi", which the model read as a place no atlas knows
            votes["PERSON"] += CUE_WEIGHT
    context = _context_votes(span, doc, start_token, spacy_type)
    votes.add(context)
    votes.add(category_votes(doc, start_token))
    votes.add(employer_votes(doc, start_token, first.end if first is not None else span.end))
    end = with_name_possessive(text, start, end)
    if is_region_abbreviation(text[start:end]) and "." in text[start : end + 1]:
        votes["PLACE"] += CUE_WEIGHT  # "Wyo.", "Calif.", "N.Y.": a state as news writes it
        if text[end : end + 1] == ".":
            end += 1  # "R-Wyo.": the abbreviation keeps its dot
    firm_possessive = text[end : end + 2] in ("'s", "’s") and is_known_name(text[start : end + 2])
    if firm_possessive:
        end += 2  # "Lowe's", "McDonald's": the "'s" is the firm's
    cues, place_context = cue_votes(doc, start, end, spacy_type)
    votes.add(cues)
    name = clean_name(text[start:end])
    if SAINT_POSSESSIVE.match(text[start:end]) or firm_possessive:
        name = re.sub(r"\s+", " ", text[start:end])
    if not name or is_junk(name) or _numbered_word(doc, start_token, end, name, article):
        return None
    if article.sports and name_key(name) in SPORTS_TERMS:
        return None  # "2 TD, 1 INT", "a torn ACL"
    following = _next_words(doc, span.end, 1)
    names_a_thing = (bool(following) and following[0].lower_ in _THING_NOUNS) or (
        start >= 4 and text[start - 4 : start] == "the "  # "the Sierra Nevada": no person
    )
    the_written = start >= 4 and text[start - 4 : start] == "The "
    votes.add(knowledge_votes(name, article, not names_a_thing, the_written, spacy_type))
    product = Votes()
    if (trimmed := doc.char_span(start, end, alignment_mode="expand")) is not None:
        votes.add(team_use_votes(doc, trimmed.start, trimmed.end, article, spacy_type))
        votes.add(person_use_votes(doc, trimmed.start, trimmed.end, article))
        votes.add(apposition_votes(doc, trimmed.end))
        votes.add(kind_before_votes(doc, trimmed.start, trimmed.end))
        product = product_votes(doc, trimmed.start, trimmed.end, name, article)
        votes.add(product)
    if name_key(name) in PLATFORMS and not product:
        votes["ORGANIZATION"] += STRONG_WEIGHT
    return Candidate(
        paragraph=paragraph,
        start=start,
        end=end,
        text=text[start:end],
        name=name,
        votes=votes,
        titles=titles,
        place_cue=context["PLACE"] > 0 or place_context,
        article=article_before(doc, start),
        label=spacy_type,
        product_cue=bool(product),
    )


def paragraph_candidates(
    doc: Doc, paragraph: int, context: ArticleContext | None = None
) -> list[Candidate]:
    """Every candidate mention in one paragraph, in text order, overlaps removed."""
    listed = listed_place_tokens(doc)
    dateline = dateline_end(doc) if paragraph == 0 else None
    credits = credit_ranges(text_of(doc), paragraph)
    found: list[Candidate] = []
    context = context or ArticleContext()
    for span, spacy_type in candidate_spans(doc, paragraph, context.sports, context.everyday):
        candidate = _candidate(doc, span, paragraph, spacy_type, context)
        if candidate is None or in_ranges(candidate.start, candidate.end, credits):
            continue
        if candidate.start == 0 and candidate.end == dateline and candidate.name.isupper():
            candidate.name = candidate.name.title()  # "VIENNA —" names Vienna
            candidate.place_cue = True  # and a place, never "Bayport" short for "Bayport Courier"
            candidate.votes["PLACE"] += CUE_WEIGHT
        if any(t.i in listed for t in span):
            candidate.votes["PLACE"] += STRONG_WEIGHT
            candidate.place_cue = True
        found.append(candidate)
    found.sort(key=lambda c: (c.start, -c.end))
    kept: list[Candidate] = []
    for candidate in found:
        if kept and candidate.start < kept[-1].end:
            continue
        kept.append(candidate)
    return kept
