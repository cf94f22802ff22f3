"""The spans of one paragraph that may name something: spaCy's entities, mended and completed.

The small model cuts names short ("Adolf Hitler" tagged as "Hitler"), swallows parentheses and
misses datelines ("VIENNA —"), names after a courtesy title, places before "province" and
well-known platforms; these helpers find them with generic rules.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from tui.nlp.doc_text import text_of
from tui.nlp.entity_causes import with_cause
from tui.nlp.entity_known import affiliation_state_spans, known_name_spans, table_row_spans
from tui.nlp.entity_lexicon import (
    HONORIFICS,
    LABEL_TYPES,
    NOT_NAMES,
    ORG_LAST_WORDS,
    PLACE_AFTER_NOUNS,
    PLACE_LAST_WORDS,
    PLATFORMS,
    TITLE_WORDS,
)
from tui.nlp.entity_pairs import split_pair
from tui.nlp.entity_person_words import FIRST_NAMES
from tui.nlp.entity_repairs import (
    joined_names,
    party_span,
    place_after_demonym,
    place_span,
    split_roster,
    split_run_together,
    trimmed_name,
    with_joined_first_word,
    with_jurisdiction,
)
from tui.nlp.entity_untagged import honorific_persons, untagged_places
from tui.nlp.entity_whole_names import federal_body_spans, nicknamed_people
from tui.nlp.knowledge.companies import is_known_org
from tui.nlp.knowledge.outlets import MASTHEAD_WORDS
from tui.nlp.knowledge.people import is_famous_surname
from tui.nlp.knowledge.places import place_kind

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# "ST. JOSEPH, Mich. (AP) —", "VIENNA —": the capitalised place a wire story starts with.
_DATELINE = re.compile(r"^((?:[A-Z][A-Z.'’-]+)(?: [A-Z][A-Z.'’-]+){0,3})(?=,| \(| —| –| -- )")
# Plural place nouns closing a list: "Barry, Cass and Van Buren counties".
_LIST_NOUNS = frozenset({"counties", "provinces", "regions", "districts", "oblasts", "states"})


def split_parenthesised(span: Span) -> list[Span]:
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


def _is_untagged_name_word(token: Token) -> bool:
    """A capitalised proper noun outside any entity, not a title: a likely first name."""
    return (
        token.pos_ == "PROPN"
        and token.ent_type_ == ""
        and token.is_alpha
        and token.text[:1].isupper()
        and token.lower_ not in TITLE_WORDS
        and token.lower_ not in HONORIFICS
    )


def widen_person(span: Span) -> Span:
    """A lone surname with the untagged first name before it ("Adolf" + "Hitler")."""
    if len(span) != 1 or span.start == 0:
        return span
    before = span.doc[span.start - 1]
    if before.is_sent_start or not _is_untagged_name_word(before):
        return span
    return span.doc[span.start - 1 : span.end]


def given_name_cut(span: Span, everyday: frozenset[str]) -> Span | None:
    """ "Gregory" tagged alone, "Lassiter" untagged after it: the person's whole name, or None."""
    doc = span.doc
    if len(span) != 1 or span.end >= len(doc) or span[0].lower_ not in FIRST_NAMES:
        return None
    after = doc[span.end]
    if (
        not _is_untagged_name_word(after)
        or after.lower_ in everyday
        or after.lower_ in ORG_LAST_WORDS
        or after.lower_ in PLACE_LAST_WORDS
    ):
        return None
    return doc[span.start : span.end + 1]


# Names that end in their number ("Highway 8", "Route 66").
NUMBERED_NAMES = frozenset(
    {"highway", "route", "interstate", "road", "exit", "terminal", "pier", "local"}
)


def _with_route_number(span: Span) -> Span:
    """ "Highway" tagged without its number: the number is part of the road's name."""
    end = span.end
    if span[-1].lower_ in NUMBERED_NAMES and end < len(span.doc) and span.doc[end].like_num:
        return span.doc[span.start : end + 1]
    return span


def _of_continues(doc: Doc, i: int) -> bool:
    """ "of" then an untagged capitalised proper noun, after a name's word: the name goes on."""
    return (
        i + 1 < len(doc)
        and doc[i].text == "of"
        and doc[i + 1].pos_ == "PROPN"
        and doc[i + 1].ent_type_ == ""
        and doc[i + 1].text[:1].isupper()
    )


def untagged_names(doc: Doc) -> list[Span]:
    """Untagged runs of proper nouns ("Postmates", "IDC"): typeless, kept if a cue types them."""
    spans = []
    i = 0
    while i < len(doc):
        token = doc[i]
        if not (
            token.pos_ == "PROPN"
            and token.ent_type_ == ""
            and token.text[:1].isupper()
            and token.is_alpha
            and token.lower_ not in NOT_NAMES
            and token.lower_ not in TITLE_WORDS
            and token.lower_ not in HONORIFICS
        ):
            i += 1
            continue
        end = i + 1
        while end < len(doc):
            if (
                doc[end].pos_ == "PROPN"
                and doc[end].ent_type_ == ""
                and doc[end].text[:1].isupper()
            ):
                end += 1
            elif _of_continues(doc, end):
                end += 2  # "Virginia House of Delegates", "Bank of Montreal": one name
            else:
                break
        if not (i == 0 or doc[i].is_sent_start) or end - i > 1:
            spans.append(doc[i:end])
        i = end
    return spans


def listed_place_tokens(doc: Doc) -> set[int]:
    """Tokens of the names listed before "counties" or "provinces": each one is a place."""
    listed: set[int] = set()
    for token in doc[1:]:
        if token.lower_ not in _LIST_NOUNS:
            continue
        i = token.i - 1
        while i >= 0 and (doc[i].pos_ == "PROPN" or doc[i].lower_ in {",", "and", "or"}):
            if doc[i].pos_ == "PROPN":
                listed.add(i)
            i -= 1
    return listed


def _listed_untagged(doc: Doc, listed: set[int]) -> list[Span]:
    """The untagged runs of listed place names ("Berrien" when spaCy missed it)."""
    spans = []
    i = 0
    while i < len(doc):
        if i in listed and doc[i].ent_type_ == "":
            end = i
            while end in listed and doc[end].ent_type_ == "":
                end += 1
            spans.append(doc[i:end])
            i = end
        else:
            i += 1
    return spans


_NAME_RUN_POS = frozenset({"PROPN", "NOUN", "VERB", "ADJ"})


def _firm_names(doc: Doc) -> list[Span]:
    """Missed runs ending in a firm's or a paper's word ("Gannetwing Air", "the Kansas City Star")."""
    spans = []
    for token in doc[1:]:
        closing = token.lower_ in ORG_LAST_WORDS or token.lower_ in MASTHEAD_WORDS
        if not closing or not token.text[:1].isupper():
            continue
        start = token.i
        while (
            start > 0
            and doc[start - 1].is_alpha
            and doc[start - 1].text[:1].isupper()
            and doc[start - 1].pos_ in _NAME_RUN_POS
            and doc[start - 1].lower_ not in NOT_NAMES
            and doc[start - 1].lower_ not in TITLE_WORDS
        ):
            start -= 1
        if start < token.i and any(t.ent_type_ == "" for t in doc[start : token.i]):
            spans.append(doc[start : token.i + 1])
    return spans


def _known(name: str) -> bool:
    return is_known_org(name) or is_famous_surname(name)


# Words before a name that promise several: "including", "such as", "both", "between".
_LIST_OPENERS = (("including",), ("such", "as"), ("both",), ("between",), ("like",))


def _opens_a_list(span: Span) -> bool:
    before = tuple(t.lower_ for t in span.doc[max(0, span.start - 2) : span.start])
    return any(before[-len(opener) :] == opener for opener in _LIST_OPENERS)


# What "&" or "and" brings into a firm's own name: "JPMorgan Chase & Co", "Smith & Sons".
_PARTNER_WORDS = frozenset({"co", "company", "sons", "son", "partners", "associates", "cie"})


def split_coordinated(span: Span) -> list[Span]:
    """Names the model ran together, apart: "Tolvane Holdings and Brisk Ferries" (at "and" after a
    firm's word), "Best Buy and Walmart" and "Mueller, Stormy" (at "and" or a comma beside a
    known name), "insurers including Allstate and State Farm" (at "and" after words that open a
    list of several)."""
    listed = _opens_a_list(span)
    for token in span[1:-1]:
        before, after = span.doc[token.i - 1], span.doc[token.i + 1]
        left, right = span.doc[span.start : token.i].text, span.doc[token.i + 1 : span.end].text
        known = _known(left) or _known(right)
        firms = (
            before.lower_ in ORG_LAST_WORDS
            and token.i - span.start >= 2  # "Securities and Exchange Commission" is one body
            and not (span[0].lower_ == "the" and token.i - span.start == 2)
        ) or known
        joins = token.lower_ in ("and", "&") and token.lower_ == token.text and firms
        joins = joins or (token.text == "and" and listed)  # "&" joins inside: "Ernst & Young"
        if right.lower().rstrip(".") in _PARTNER_WORDS:
            continue  # "JPMorgan Chase & Co", "Smith & Sons": the firm's own name goes on
        if (joins or (token.text == "," and (known or listed))) and after.text[:1].isupper():
            return [
                span.doc[span.start : token.i],
                *split_coordinated(span.doc[token.i + 1 : span.end]),
            ]
    return [span]


def dateline_end(doc: Doc) -> int | None:
    """Where the capitalised place a wire story starts with ends ("VIENNA —"), if there is one."""
    match = _DATELINE.match(text_of(doc))
    if match is None or sum(c.isalpha() for c in match.group(1)) < 3:
        return None
    return match.end(1)


def _dateline(doc: Doc) -> list[Span]:
    """The dateline place as a span, for the first paragraph."""
    end = dateline_end(doc)
    span = doc.char_span(0, end, alignment_mode="contract") if end else None
    return [span] if span is not None else []


# A dateline or a lead-in ahead of a paragraph's first sentence: "BRUSSELS (Reuters) - ".
_LEAD_IN = re.compile(r"^[^.!?]{2,80}?\s[—–-]{1,2}\s*$")


def article_before(doc: Doc, start: int) -> str | None:
    """The article written before a name at character `start`: "The" inside a sentence (part of
    the name, "The Hill"), "the" (not part of it), "The?" at a sentence's start (either), or None."""
    word = text_of(doc)[max(0, start - 4) : start]
    if word.lower() != "the ":
        return None
    if word[0] == "t":
        return "the"
    if _LEAD_IN.match(text_of(doc)[: start - 4]):
        return "The?"  # "BRUSSELS (Reuters) - The European Commission": the story's first word
    span = doc.char_span(start - 4, start - 1)
    if span is None:
        return None
    token = span[0]
    sentence = token.sent if doc.has_annotation("SENT_START") else doc[:]
    first_word = next((t for t in sentence if not t.is_punct), None)
    return "The?" if first_word is None or first_word.i == token.i else "The"


def _personal_name_shape(span: Span) -> bool:
    """Two or three plain capitalised words: "Lars Hemming" may be a person the model called a
    product; "PlayStation Network", "Xbox One" and "Galaxy S10" are not shaped so."""
    words = [t.text for t in span]
    return (
        2 <= len(words) <= 3
        and all(w.isalpha() and w[:1].isupper() and w[1:].islower() for w in words)
        and words[-1].lower() not in ORG_LAST_WORDS
    )


def candidate_spans(
    doc: Doc, paragraph: int, sports: bool = False, everyday: frozenset[str] = frozenset()
) -> list[tuple[Span, str]]:
    """Every span worth a look in one paragraph, with the type spaCy (or a rule) gives it."""
    spans: list[tuple[Span, str]] = []
    if paragraph == 0:
        spans.extend((span, "PLACE") for span in _dateline(doc))
    for ent in joined_names(doc):
        spacy_type = LABEL_TYPES.get(ent.label_)
        if ent.label_ == "PRODUCT" and (
            _personal_name_shape(ent) or place_kind(ent.text) == "body"
        ):
            spans.append((ent, ""))  # "Lars Hemming", "Saturn" called products: context decides
            continue
        if ent.label_ == "NORP" and (place := place_after_demonym(ent)) is not None:
            spans.append((place, "PLACE"))  # "French Guiana", read as "French" and a person
        if len(ent) == 2 and ent[0].lower_ in NUMBERED_NAMES and ent[1].like_num:
            spacy_type = "PLACE"  # "Highway 17", which the model may call a law
        if spacy_type is None:
            continue
        if (split := split_pair(ent, spacy_type)) is not None:
            spans.extend(split)  # "Tyrone Banks of Pittsburgh", "Alphabet's Google"
            continue
        if spacy_type != "PERSON" and (whole := given_name_cut(ent, everyday)) is not None:
            ent, spacy_type = whole, "PERSON"
        ent, spacy_type = party_span(ent, spacy_type)
        ent = trimmed_name(ent, spacy_type)
        if spacy_type == "OTHER" and sum(t.text[:1].isupper() for t in ent) < 2:
            continue
        if len(ent) > 1 and ent[-1].lower_ in PLACE_AFTER_NOUNS and ent[-1].text.islower():
            ent, spacy_type = ent[:-1], "PLACE"  # "Logar province" names Logar
        if spacy_type == "PERSON":
            ent = widen_person(ent)
        ent = _with_route_number(ent)
        if spacy_type == "PLACE":
            ent, spacy_type = place_span(ent)
        if spacy_type == "ORGANIZATION":
            ent = with_cause(with_joined_first_word(with_jurisdiction(ent)))
        spans.extend(
            (player, kind)
            for part in split_parenthesised(ent)
            for piece in split_coordinated(part)
            for whole, whole_kind in split_run_together(piece, spacy_type)
            for player, kind in split_roster(whole, whole_kind)
        )
    spans.extend((span, "ORGANIZATION") for span in federal_body_spans(doc))
    spans.extend((span, "PLACE") for span in affiliation_state_spans(doc))
    spans.extend(known_name_spans(doc, sports, everyday))
    spans.extend(table_row_spans(doc, sports))
    spans.extend((span, "PERSON") for span in honorific_persons(doc))
    spans.extend((span, "") for span in untagged_names(doc))
    spans.extend((span, "ORGANIZATION") for span in _firm_names(doc))
    spans.extend((span, "PLACE") for span in untagged_places(doc))
    spans.extend((span, "PLACE") for span in _listed_untagged(doc, listed_place_tokens(doc)))
    spans.extend(
        (doc[t.i : t.i + 1], "ORGANIZATION")
        for t in doc
        if t.lower_ in PLATFORMS and t.ent_type_ == "" and t.text[:1].isupper()
    )
    nicknamed = nicknamed_people(doc)  # 'Jorge "Flaco" Medina' outweighs its pieces
    kept = [
        (s, t) for s, t in spans if not any(n.start < s.end and s.start < n.end for n in nicknamed)
    ]
    return kept + [(span, "PERSON") for span in nicknamed]
