"""Teaser cards of other stories and image labels in a dump, told by their shape, not their words."""

from __future__ import annotations

import re

from tui.ingest.text_lines import WORD

# A teaser card flattened without a space between its headline and its summary:
# "Ferry Fares Rise Again For CommutersThe harbour ferry will cost ...".
_GLUE = re.compile(r"(?<=[a-z]{2})[?!.’'\"]?(?=[A-Z][a-z]*\s)")
_GLUED_HEADLINE_WORDS = 4
_GLUED_SUMMARY_WORDS = 6
_GLUED_HEAD_CAPS = 0.8
_GLUED_MAX_WORDS = 50
_GLUED_HEAD_CHARS = 200
_GLUED_SUMMARY_CAPS = 0.4


def is_glued_teaser(text: str) -> bool:
    """Whether a line is a Title Case headline run straight into its summary (a teaser card):
    the words before the join nearly all capitalised, those after it a sentence's."""
    if len(WORD.findall(text)) > _GLUED_MAX_WORDS:
        return False  # a card's summary is a sentence or two, not a story's paragraph
    for m in _GLUE.finditer(text, 0, _GLUED_HEAD_CHARS):  # a headline is short: stay linear
        head = WORD.findall(text[: m.start()])
        if len(head) < _GLUED_HEADLINE_WORDS:
            continue
        tail = WORD.findall(text[m.end() :])
        return (
            _capped_share(head) >= _GLUED_HEAD_CAPS
            and len(tail) >= _GLUED_SUMMARY_WORDS
            and _capped_share(tail) < _GLUED_SUMMARY_CAPS
        )
    return False


def _capped_share(tokens: list[str]) -> float:
    return sum(1 for t in tokens if t[:1].isupper() or t[:1].isdigit()) / max(1, len(tokens))


# An image's alt text and its title or caption, run into one line: "A B C D A B C D", maybe with
# the photo's number between ("... 3 ..."): words of at least this many, at most this many, and
# the two copies at least two thirds of the line.
_DOUBLED_MIN = 4
_DOUBLED_MAX = 60


def is_doubled(text: str, whole: bool = True) -> bool:
    """Whether a line opens with the same words twice over (an image's alt text and its title).

    `whole`: the two copies must make most of the line (a label, maybe its credit; not a
    table's header twice before its rows); a stretch of a flattened page need only open so (a
    teaser card's headline, linked twice, before its summary)."""
    tokens = text.split()
    for n in range(_DOUBLED_MIN, min(_DOUBLED_MAX, len(tokens) // 2) + 1):
        if whole and 3 * n < len(tokens):
            continue
        if tokens[n : 2 * n] == tokens[:n] or tokens[n + 1 : 2 * n + 1] == tokens[:n]:
            return True
    return False
