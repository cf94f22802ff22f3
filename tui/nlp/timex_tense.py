"""The tense of the clause a dated expression sits in: it decides which "Friday" or "March" is meant.

From the parse when there is one ("will meet Friday" is future, "met Friday" past, "they meet Monday"
present, which news uses for scheduled things), else from the sentence's words alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from tui.nlp import timex_calendar as cal
from tui.nlp.doc_text import text_of

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

_FUTURE_AUX = {"will", "'ll", "shall", "wo", "ll", "would"}
# Modals that look ahead: "he may testify Tuesday", "they must win Sunday" (not "could", which
# as often tells of the past: "could not reach him Friday").
_MODAL_AHEAD = {"may", "might", "should", "must", "can"}
# "as soon as Tuesday", "until Friday": deadlines and hopes look ahead whatever the verb's tense.
_FUTURE_BEFORE = re.compile(
    r"(?i:\b(?:as\s+soon\s+as|as\s+early\s+as|(?:until|till)(?:\s+at\s+least)?|starting|"
    r"beginning|effective|ahead\s+of|in\s+advance\s+of)\s+)$"
)
# "Rail service halted through Friday": in a headline, what is stopped "through" a day lasts
# until then.
_THROUGH_BEFORE = re.compile(r"(?i:\b(?:through|until|till)\s+(?:at\s+least\s+)?)$")
_FINITE_TAGS = {"VBD", "VBZ", "VBP", "MD"}
# "held until a detention hearing on Friday": what one waits until is still to come.
_UNTIL_EVENT_BEFORE = re.compile(
    r"(?i:\buntil\s+(?:a|an|the|his|her|their|its)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:hearing|trial|sentencing|meeting|vote|election|game|match|review|inspection)\s+on\s+)$"
)
# "lasted until Saturday", "worked until Tuesday": a simple past of going on ends at a day gone by
# (where "postponed the vote until Friday" still looks ahead).
_UNTIL_BEFORE = re.compile(r"(?i:\b(?:until|till)\s+)$")
_LASTING = {
    "last",
    "continue",
    "remain",
    "stay",
    "work",
    "wait",
    "persist",
    "linger",
    "serve",
    "live",
}
_PAST_BEFORE = re.compile(r"(?i:\bas\s+(?:of|at)\s+)$")
# "the vote was pushed back to November", "the deadline, extended until Oct. 15": the new date of
# what is moved lies ahead of the moving, whatever the tense of the verb.
_RESCHEDULE = {
    "postpone",
    "delay",
    "move",
    "push",
    "reschedule",
    "defer",
    "shift",
    "bump",
    "extend",
}
_NEW_DATE_BEFORE = re.compile(
    r"(?i:\b(?:back\s+)?(?:to|until|till|for)\s+(?:(?:after|before)\s+)?(?:the\s+)?)$"
)
# "if a deal is not reached by March 31", "once the plant opens in May": a present condition
# or a time clause waits for what is to come.
_AHEAD_MARKS = {"if", "unless", "once", "when", "until", "before"}
# "could strengthen by Friday": a deadline after "could" is still to come.
_BY_BEFORE = re.compile(r"(?i:\bby\s+)$")
# "officials said Tuesday the bridge will reopen": a day right after a past verb of saying is when
# it was said, whatever the tense of what was said (the parser often hangs it from the latter).
_SAID_BEFORE = re.compile(
    r"(?i:\b(?:said|announced|reported|confirmed|testified|tweeted|wrote|posted|added|"
    r"told\s+(?:(?!(?:to|that|he|she|it|they|we|I)\b)[\w.'’]+\s+){0,3}?)\s*(?:on\s+)?)$"
)
_REPORTING = {"say", "tell", "report", "announce", "claim", "add", "note", "state", "be", "have"}
_FUTURE_GOVERNORS = {
    "go",
    "plan",
    "expect",
    "schedule",
    "intend",
    "due",
    "prepare",
    "set",
    "aim",
    "slate",
    "forecast",
    "predict",
    "project",
    "likely",
    "poise",
    "hope",
    "promise",
    "vow",
    "pledge",
    "threaten",
}
# Verbs of what is foreseen: what a source said it expected is still to come.
_FORESEEING = {"expect", "forecast", "predict", "anticipate", "project"}
# Present verbs of what is planned, never of what a photo shows ("a man walks past on Aug. 3"):
# their yearless day lies ahead ("early voting begins Oct. 20", "the law takes effect Jan. 1").
_PLANNED = {
    "begin",
    "start",
    "open",
    "reopen",
    "close",
    "end",
    "expire",
    "resume",
    "kick",
    "launch",
    "debut",
    "premiere",
    "take",
    "run",
    # a fixture or a session: "Rockport travel to Eastport on Saturday", "the board meets Monday"
    "host",
    "hold",  # "Argentina holds midterm elections in October"
    "go",  # "tickets go on sale Monday"
    "visit",
    "travel",
    "face",
    "meet",
    "convene",
}
# What was put on the calendar for a day: told in the past, it is still what is planned.
_SCHEDULING = {"schedule", "plan", "slate", "set", "book", "pencil"}
_FOR_BEFORE = re.compile(r"(?i:\bfor\s+(?:(?:early|late|mid)[\s-]+)?(?:the\s+)?)$")
_FUTURE_TEXT = re.compile(
    r"(?i)\b(?:will|shall|won't|going\s+to|scheduled\s+to|plans?\s+to|expects?\s+to|"
    r"(?:is|are)\s+(?:due|set)\s+to)\b|'ll\b"
)
_PAST_TEXT = re.compile(r"(?i)\b(?:said|was|were|had|did|ago|\w{3,}ed)\b")


def tense_of_text(context: str) -> str:
    """The tense a sentence is told in, from its words alone (for `normalize` without a parse)."""
    if _FUTURE_TEXT.search(context):
        return cal.FUTURE
    if _PAST_TEXT.search(context):
        return cal.PAST
    return cal.UNKNOWN


def sentence_of(span: Span) -> str:
    """The sentence around an expression; both sentences when the parser split inside it."""
    if not (span.doc.has_annotation("SENT_START") or span.doc.has_annotation("DEP")):
        return text_of(span.doc).strip()  # no sentence boundaries known: the paragraph
    start, end = span[0].sent.start_char, span[-1].sent.end_char
    return text_of(span.doc)[start:end].strip()


def _verb_above(token: Token) -> Token | None:
    """The verb a word hangs from in the parse (the word itself when it is one), if any."""
    seen = 0
    while token.pos_ not in ("VERB", "AUX") and token.head.i != token.i and seen < 20:
        token = token.head
        seen += 1
    return token if token.pos_ in ("VERB", "AUX") else None


def _governing_verb(span: Span) -> Token | None:
    """The verb a date hangs from in the parse, if any."""
    return _verb_above(span.root)


def _path_to(span: Span, verb: Token) -> Iterator[Token]:
    """The words from a date's head up to (not including) the verb it hangs from."""
    token, seen = span.root, 0
    while token.i != verb.i and token.head.i != token.i and seen < 20:
        yield token
        token = token.head
        seen += 1


def _since_on_path(span: Span, verb: Token) -> bool:
    """ "mergers since the collapse of the bank in March": what a "since" hangs on is past."""
    return any(t.lower_ == "since" and t.dep_ == "prep" for t in _path_to(span, verb))


def _told_in_past(token: Token) -> bool:
    """The clause a noun sits in is told in the past tense ("the rally ... was cancelled")."""
    verb = _verb_above(token) or token.sent.root
    tags = [verb.tag_, *(c.tag_ for c in verb.children if c.dep_ in ("aux", "auxpass"))]
    return "VBD" in tags


def _marked_on_path(span: Span, verb: Token) -> bool:
    """A time clause ("before ...", "once ...") the parser hung below the verb as a noun."""
    return any(
        t.tag_ in ("NN", "NNS", "VBP", "VBZ")
        and any(c.dep_ == "mark" and c.lower_ in _AHEAD_MARKS for c in t.children)
        for t in _path_to(span, verb)
    )


def _is_complement(root: Token, verb: Token) -> bool:
    """The date is what the verb says of its subject: "is Tuesday", "is on Tuesday"."""
    if root.head.i == verb.i:
        return root.dep_ in ("attr", "npadvmod", "acomp")
    return root.head.dep_ == "prep" and root.head.head.i == verb.i and root.dep_ == "pobj"


def _is_adjunct(root: Token, verb: Token) -> bool:
    """The date says when the verb happened ("met Friday", "in May, they met"), not a deadline."""
    if root.head.i == verb.i:
        return root.dep_ == "npadvmod"
    head = root.head
    return (
        root.dep_ == "pobj"
        and head.dep_ == "prep"
        and head.lower_ in ("in", "on", "during")
        and head.head.i == verb.i
    )


def _fragment(noun: Token) -> bool:
    """Whether a noun stands on its own as a headline's clause: "...; appeal set for Wednesday"."""
    return noun.pos_ in ("NOUN", "PROPN") and noun.dep_ in ("ROOT", "conj")


def _ahead(verb: Token) -> bool:
    """Whether a verb tells of what is to come: with "will" or "would", or in the present of a
    plan ("kicks off her tour in February, with dates starting in June", "staff hope to")."""
    if any(c.dep_ == "aux" and c.lower_ in _FUTURE_AUX for c in verb.children):
        return True
    return verb.tag_ in ("VBZ", "VBP") and verb.lemma_ in _PLANNED | _FUTURE_GOVERNORS


def tense_of_span(span: Span) -> str:
    """The tense of the clause a date sits in, from the parse: "will meet Friday" is future."""
    if not span.doc.has_annotation("DEP"):
        return tense_of_text(sentence_of(span))  # a pipeline without a parser
    verb = _governing_verb(span)
    if verb is None:
        tense = tense_of_text(span.sent.text)
        if tense == cal.UNKNOWN and not any(t.pos_ in ("VERB", "AUX") for t in span.sent):
            return cal.PRESENT  # a line without a verb: "Up next: at Denver on Friday"
        return tense
    if verb.tag_ == "VBG" and verb.lemma_ in ("begin", "start"):
        above = _verb_above(verb.head)
        if above is not None and _ahead(above):
            return cal.FUTURE  # "would move to new campuses beginning in August"
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    # "will be closed Monday": the parser may hang the "will" from the "be"
    auxes += [c for a in auxes for c in a.children if c.dep_ == "aux"]
    if verb.dep_ == "xcomp":
        auxes += [c for c in verb.head.children if c.dep_ in ("aux", "auxpass")]
    if (
        verb.dep_ == "conj"
        and not auxes
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    ):  # "would close two centres and cut jobs by March": the second verb shares the "would"
        auxes += [c for c in verb.head.children if c.dep_ == "aux" and c.lower_ in _FUTURE_AUX]
    before = text_of(span.doc)[max(0, span.start_char - 40) : span.start_char]
    if _since_on_path(span, verb):
        return cal.PAST
    headline = not any(t.tag_ in _FINITE_TAGS for t in span.sent)  # "Man to be tried Friday"
    if headline and (any(a.lower_ == "to" for a in auxes) or _THROUGH_BEFORE.search(before)):
        return cal.FUTURE
    negated = any(c.dep_ == "neg" for c in verb.children)
    told_past = "VBD" in {verb.tag_, *(a.tag_ for a in auxes)}
    if negated and told_past and _UNTIL_BEFORE.search(before[-20:]):
        return cal.PAST  # "the harvest did not begin until Tuesday": it began then
    if verb.lemma_ in _RESCHEDULE and span.start > verb.i and _NEW_DATE_BEFORE.search(before):
        return cal.FUTURE
    if any(a.lower_ == "could" for a in auxes) and _BY_BEFORE.search(before):
        return cal.FUTURE
    marked = any(c.dep_ == "mark" and c.lower_ in _AHEAD_MARKS for c in verb.children)
    if marked and any(t.tag_ in ("VBZ", "VBP") for t in [verb, *auxes]):
        return cal.FUTURE
    if _marked_on_path(span, verb):
        return cal.FUTURE  # "before pupils return on Monday", with "return" misread as a noun
    lasted = verb.tag_ == "VBD" and not auxes and verb.lemma_ in _LASTING
    if lasted and _UNTIL_BEFORE.search(before[-20:]):
        return cal.PAST
    if span.start > verb.i and _FUTURE_BEFORE.search(before[-20:]):
        return cal.FUTURE  # "had taken the jet off its schedule until Feb. 8": a time to come
    if any(a.lower_ == "had" for a in auxes):
        return cal.PAST  # "until Thursday, they had not called him"
    if any(t.lower_ == "had" for t in span.doc[max(verb.sent.start, verb.i - 5) : verb.i]):
        return cal.PAST  # "had been due to expire Friday": the "had" hangs from another verb
    before = text_of(span.doc)[max(0, span.start_char - 40) : span.start_char]
    if _SAID_BEFORE.search(before):
        return cal.PAST
    if _UNTIL_EVENT_BEFORE.search(before):
        return cal.FUTURE
    before = before[-20:]
    if _FUTURE_BEFORE.search(before):
        return cal.FUTURE
    if ({a.lower_ for a in auxes} | {verb.lower_}) & (_FUTURE_AUX | _MODAL_AHEAD):
        return cal.FUTURE
    if verb.dep_ == "xcomp" and verb.head.lemma_ in _FUTURE_GOVERNORS:
        return cal.FUTURE  # "planned to leave Thursday", "is scheduled to close Monday"
    # the story's own report ("officials said they expected"), not one it recalls ("since
    # Thursday, when they said they expected crowds on Friday")
    reported = verb.dep_ == "ccomp" and verb.head.lemma_ in _REPORTING and verb.head.dep_ == "ROOT"
    if verb.tag_ == "VBD" and verb.lemma_ in _FORESEEING and reported and not auxes:
        return cal.FUTURE  # "said they expected delays Tuesday": what is foreseen is to come
    infinitive = verb.tag_ == "VB" and any(c.lower_ == "to" for c in verb.children)
    if infinitive and verb.dep_ == "ccomp" and verb.head.lemma_ in _FUTURE_GOVERNORS:
        return cal.FUTURE  # "forecasters expect the storm to make landfall Thursday"
    if _PAST_BEFORE.search(before):
        return cal.PAST  # "holds 24% as of March 20": a state measured at a day gone by
    due = any(c.lower_ == "due" and c.dep_ == "acomp" for c in verb.children)
    if due and verb.lemma_ == "be" and verb.tag_ in ("VBZ", "VBP"):
        return cal.FUTURE  # "the album is due in October": what is due is still to come
    present = [a for a in auxes if a.tag_ in ("VBZ", "VBP")]
    if verb.tag_ == "VBN" and verb.lemma_ in _FUTURE_GOVERNORS and present:
        return cal.FUTURE  # "is scheduled for Friday", "are expected on Monday"
    planned = verb.tag_ == "VBN" and verb.lemma_ in _SCHEDULING and _FOR_BEFORE.search(before)
    if planned and (
        any(a.lower_ in ("was", "were") for a in auxes)
        or (verb.dep_ == "acl" and (_fragment(verb.head) or not _told_in_past(verb.head)))
    ):  # not "a rally planned for Saturday was cancelled": the day is gone
        return cal.SCHEDULED  # "a scan was planned for Tuesday", "a show, scheduled for May"
    if verb.tag_ == "VBD" and not auxes and _is_adjunct(span.root, verb):
        return cal.DONE  # "In December, the firm bid": the date is when it happened
    if told_past:
        return cal.PAST
    if verb.tag_ == "VBN" and any(a.lower_ in ("has", "have", "'s", "'ve") for a in auxes):
        return cal.PAST
    if verb.tag_ == "VBN" and verb.dep_ == "acl" and not auxes:
        if verb.lemma_ in ("expect", "forecast", "predict", "project"):
            return cal.FUTURE  # "18 inches expected by Wednesday": what is foreseen is to come
        return cal.PAST  # "the record set on Aug. 6", "the ruling announced Wednesday"
    bare = verb.tag_ == "VB" and not auxes and any(c.dep_ == "nsubj" for c in verb.children)
    if bare and verb.dep_ in ("ROOT", "conj") and verb.lemma_ in _PLANNED:
        return cal.SCHEDULED  # "artists open their studios Saturday", tagged as a bare verb
    if verb.tag_ in ("VBZ", "VBP") and verb.lemma_ in _PLANNED:
        return cal.SCHEDULED  # "early voting begins Oct. 20", "the law takes effect Jan. 1"
    if verb.tag_ in ("VBZ", "VBP") and verb.lemma_ not in _REPORTING:
        return cal.PRESENT  # "they meet Monday": news tells scheduled things in the present
    if verb.tag_ in ("VBZ", "VBP") and verb.lemma_ == "be" and _is_complement(span.root, verb):
        return cal.PRESENT  # "the launch is Tuesday", "the vote is on Friday"
    if verb.tag_ == "VBG" and any(a.tag_ in ("VBZ", "VBP") for a in auxes):
        return cal.PRESENT  # "is meeting Monday"
    return cal.UNKNOWN
