"""An article's timeline: its dated expressions, each with a TimeML calendar value and its sentence.

Expressions are found by our own grammar (`timex_patterns`), which catches what the small spaCy model
misses ("Monday", "Aug. 9", "1999"); spaCy gives the sentence, the tense of the clause (which decides
whether a bare "Friday" is last week's or next week's) and tells a year from a count ("1999 troops").
"""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING

from tui.model import PublishedDate, TimelineEvent
from tui.nlp import timex_calendar as cal
from tui.nlp.timex_calendar import human_date, sort_key
from tui.nlp.timex_patterns import Found, find_all, find_nested
from tui.nlp.timex_rules import Resolver, Value

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["extract_timeline", "human_date", "normalize", "parse_anchor", "sort_key"]

_FUTURE_AUX = {"will", "'ll", "shall", "wo", "ll", "would"}
# "as soon as Tuesday", "until Friday": deadlines and hopes look ahead whatever the verb's tense.
_FUTURE_BEFORE = re.compile(
    r"(?i:\b(?:as\s+soon\s+as|as\s+early\s+as|until|till|starting|beginning|effective)\s+)$"
)
_REPORTING = {"say", "tell", "report", "announce", "claim", "add", "note", "state", "be", "have"}
# Before a number and a plural noun, these make the number a year: "the 1992 protests".
_YEAR_DETERMINERS = {"the", "its", "their", "his", "her", "our", "this", "that", "-", "post", "pre"}
_YEAR_PREPOSITIONS = {
    "in",
    "since",
    "by",
    "until",
    "from",
    "before",
    "after",
    "during",
    "for",
    "of",
}
_FUTURE_GOVERNORS = {"go", "plan", "expect", "schedule", "intend", "due", "prepare", "set", "aim"}
_FUTURE_TEXT = re.compile(
    r"(?i)\b(?:will|shall|won't|going\s+to|scheduled\s+to|plans?\s+to|expects?\s+to|"
    r"(?:is|are)\s+(?:due|set)\s+to)\b|'ll\b"
)
_PAST_TEXT = re.compile(r"(?i)\b(?:said|was|were|had|did|ago|\w{3,}ed)\b")
# Entity labels under which a four-digit number is a count, not a year.
_NOT_YEAR_LABELS = {"MONEY", "PERCENT", "QUANTITY", "ORDINAL"}
_DATE_NOUNS = {
    "budget",
    "election",
    "elections",
    "olympics",
    "games",
    "season",
    "levels",
    "figures",
    "results",
    "earnings",
    "sales",
    "talks",
    "protests",
    "riots",
    "attacks",
}


def parse_anchor(published: PublishedDate | str | date | None) -> date | None:
    """The publication day as a date, when the value says at least a day."""
    if published is None:
        return None
    if isinstance(published, date):
        return published
    value = published if isinstance(published, str) else published.value
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def tense_of_text(context: str) -> str:
    """The tense a sentence is told in, from its words alone (for `normalize` without a parse)."""
    if _FUTURE_TEXT.search(context):
        return cal.FUTURE
    if _PAST_TEXT.search(context):
        return cal.PAST
    return cal.UNKNOWN


def _governing_verb(span: Span) -> Token | None:
    """The verb a date hangs from in the parse, if any."""
    token, seen = span.root, 0
    while token.pos_ not in ("VERB", "AUX") and token.head.i != token.i and seen < 20:
        token = token.head
        seen += 1
    return token if token.pos_ in ("VERB", "AUX") else None


def tense_of_span(span: Span) -> str:
    """The tense of the clause a date sits in, from the parse: "will meet Friday" is future."""
    if not span.doc.has_annotation("DEP"):
        return tense_of_text(_sentence_of(span))  # a pipeline without a parser
    verb = _governing_verb(span)
    if verb is None:
        return tense_of_text(span.sent.text)
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if verb.dep_ == "xcomp":
        auxes += [c for c in verb.head.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ == "had" for a in auxes):
        return cal.PAST  # "until Thursday, they had not called him"
    if any(t.lower_ == "had" for t in span.doc[max(verb.sent.start, verb.i - 5) : verb.i]):
        return cal.PAST  # "had been due to expire Friday": the "had" hangs from another verb
    before = span.doc.text[max(0, span.start_char - 20) : span.start_char]
    if _FUTURE_BEFORE.search(before):
        return cal.FUTURE
    if ({a.lower_ for a in auxes} | {verb.lower_}) & _FUTURE_AUX:
        return cal.FUTURE
    if verb.dep_ == "xcomp" and verb.head.lemma_ in _FUTURE_GOVERNORS:
        return cal.FUTURE  # "planned to leave Thursday", "is scheduled to close Monday"
    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
        return cal.PAST
    if verb.tag_ == "VBN" and any(a.lower_ in ("has", "have", "'s", "'ve") for a in auxes):
        return cal.PAST
    if verb.tag_ == "VBN" and verb.dep_ == "acl" and not auxes:
        return cal.PAST  # "the record set on Aug. 6", "the ruling announced Wednesday"
    if verb.tag_ in ("VBZ", "VBP") and verb.lemma_ not in _REPORTING:
        return cal.PRESENT  # "they meet Monday": news tells scheduled things in the present
    if verb.tag_ == "VBG" and any(a.tag_ in ("VBZ", "VBP") for a in auxes):
        return cal.PRESENT  # "is meeting Monday"
    return cal.UNKNOWN


def _is_count(doc: Doc, span: Span) -> bool:
    """A bare four-digit number that spaCy reads as a count or an amount ("2000 troops", "$1999")."""
    if len(span) != 1:
        return False
    token = span[0]
    if token.ent_type_ in _NOT_YEAR_LABELS:
        return True
    nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
    prev = doc[token.i - 1] if token.i > 0 else None
    if prev is not None and prev.lower_ in _YEAR_DETERMINERS:
        return False  # "the 1992 protests", "post-1959 politics"
    if (
        prev is not None
        and doc.has_annotation("ENT_IOB")
        and prev.is_title
        and prev.is_sent_start is False
        and prev.lower_ not in _YEAR_PREPOSITIONS
        and prev.ent_type_ != "DATE"
        and token.ent_type_ not in ("DATE", "EVENT")
    ):
        return True  # a name that ends in a number: "a venture called Orion 1980", "Windows 2000"
    return bool(
        nxt is not None
        and nxt.tag_ == "NNS"
        and nxt.lower_ not in _DATE_NOUNS
        and token.ent_type_ not in ("DATE", "EVENT")
        and token.head.i == nxt.i
    )


def _sentence_of(span: Span) -> str:
    """The sentence around an expression; both sentences when the parser split inside it."""
    if not (span.doc.has_annotation("SENT_START") or span.doc.has_annotation("DEP")):
        return span.doc.text.strip()  # no sentence boundaries known: the paragraph
    start, end = span[0].sent.start_char, span[-1].sent.end_char
    return span.doc.text[start:end].strip()


def extract_timeline(docs: list[Doc], published: PublishedDate | None) -> list[TimelineEvent]:
    """The dated expressions of an article (one Doc per paragraph), in text order, with values."""
    resolver = Resolver(parse_anchor(published))
    events: list[TimelineEvent] = []
    for index, doc in enumerate(docs):
        text = doc.text
        for outer, inner in find_nested(text):
            event = _event(doc, index, outer, resolver)
            if event is not None:
                events.append(event)
                continue
            for found in inner:
                event = _event(doc, index, found, resolver)
                if event is not None:
                    events.append(event)
    return events


def _event(doc: Doc, index: int, found: Found, resolver: Resolver) -> TimelineEvent | None:
    """The timeline item for one matched expression, or None when it names no calendar point."""
    start, end, rule, match = found
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    if rule == "year" and match.group(0) == match["y"] and _is_count(doc, span):
        return None
    result = resolver.resolve(rule, match, tense_of_span(span))
    if result is None:
        return None
    return TimelineEvent(
        value=result[0],
        granularity=result[1],
        text=doc.text[start:end],
        paragraph=index,
        start=start,
        end=end,
        sentence=_sentence_of(span),
    )


def normalize(expression: str, anchor: date | None, context: str = "") -> Value | None:
    """The (value, granularity) of one expression seen from `anchor`; None if it is no date.

    `context` is the sentence around it, whose tense picks between last and next "Friday".
    """
    found = find_all(expression)
    if not found:
        return None
    _, _, rule, match = max(found, key=lambda f: f[1] - f[0])
    return Resolver(anchor).resolve(rule, match, tense_of_text(context or expression))
