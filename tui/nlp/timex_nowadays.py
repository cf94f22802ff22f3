"""A "today" that means these days, not the day of the story: "consoles that exist today",
"Today, the town is a quieter place"; and a "tomorrow" that means the future.

The check needs the parse (the verb "today" hangs from, its tense), so it lives apart from the
grammar, as the other non-dates of timex_nondates do.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from tui.nlp.doc_text import text_of

if TYPE_CHECKING:
    from spacy.tokens import Span


def is_nowadays(span: Span) -> bool:
    """A "today" that means these days ("consoles that exist today", "even today", "than today"),
    or a "tomorrow" that means the future ("the people of tomorrow")."""
    doc, token = span.doc, span[-1]
    before = text_of(doc)[max(0, span.start_char - 40) : span.start_char]
    after = text_of(doc)[span.end_char : span.end_char + 40]
    if token.lower_ in ("tomorrow", "yesterday"):
        # "the people of tomorrow", "the heroes of yesterday": the future, the past, no day
        return bool(_PEOPLE_OF.search(before)) and not after.startswith(("'", "’"))
    if token.lower_ != "today":
        return False
    if _NOWADAYS_BEFORE.search(before) or _NOWADAYS_AFTER.match(after):
        return True
    verb = token.head
    if token.dep_ != "npadvmod" or verb.tag_ not in ("VBZ", "VBP"):
        return False
    if any(c.dep_ == "aux" for c in verb.children):
        return False
    # "Today, more families rely on food banks than ever": a comparison with all time, not a day
    if verb.lemma_ in _STATIVE or _THAN_EVER.search(token.sent.text):
        return True
    # "Today, the town is a quieter place", after its past: a sentence opened by "Today," about
    # how things are, not what is done or planned on the day
    opens = token.i == token.sent.start and token.i + 1 < len(doc) and doc[token.i + 1].text == ","
    return opens and verb.lemma_ not in _DONE_TODAY


_NOWADAYS_BEFORE = re.compile(
    r"(?i:\b(?:even|still|than|(?<!as\s)of|as\s+(?:it|they|we|he|she)\s+(?:is|are|know\s+it)|"
    r"(?:world|society|country|people|youth|kids|children|teenagers|consumers|families|women|"
    r"men|americans|america|europe|britain|china|india|russia)\s*,?)\s+)$"
)
_NOWADAYS_AFTER = re.compile(r"(?i:,?\s+more\s+than\s+ever)\b")
_THAN_EVER = re.compile(r"(?i)\bthan\s+(?:ever|at\s+any\s+(?:other\s+)?time)\b")
_PEOPLE_OF = re.compile(r"(?i:\bthe\s+(?:\w+\s+){0,2}?\w+\s+of\s+)$")
# Verbs of a state, not an event: "they exist today" is true these days, not on one day.
_STATIVE = {
    *["exist", "own", "live", "use", "need", "face", "lack", "belong", "resemble"],
    # what people think or like these days: "Democrats today like to think ..."
    *["like", "prefer", "tend"],
}
# Verbs of what is said or done on the day itself: "Today, the council votes on the budget".
_DONE_TODAY = {
    "say",
    "tell",
    "announce",
    "report",
    "vote",
    "meet",
    "open",
    "close",
    "begin",
    "start",
    "end",
    "mark",
    "launch",
    "release",
    "publish",
    "unveil",
    "celebrate",
    "hold",
    "host",
    "take",
    "go",
    "come",
    "return",
    "arrive",
    "leave",
    "decide",
    "rule",
    "sign",
}
