"""Cards of other stories in a dump's story run: a headline and its summary, told by their shape.

Inside the run a card shows its headline twice (its picture's link and its title) before its
summary; at the run's end cards follow one another, each a headline line and a summary line.
"""

from __future__ import annotations

import re

from tui.ingest.text_lines import WORD
from tui.ingest.text_score import Scored

# Teaser cards that close a run are cut when they hold at most this share of its story words.
_CARDS_SHARE = 0.35
_HEADED_CARDS_SHARE = 0.6  # ... or this share under a header of the site's ("More from ...")
# A card inside the run: its headline at most this many words, its summary at most this many.
_CARD_HEAD_WORDS = 16
_CARD_SUMMARY_WORDS = 50
_WORDS = re.compile(r"\w+")


def norm_words(text: str) -> str:
    return " ".join(_WORDS.findall(text.casefold()))


def card_summaries(scored: list[Scored], start: int, end: int) -> set[int]:
    """The summaries of other stories' cards inside the run: a short line of prose right after a
    headline written twice in a row (a card links its picture and its title), maybe with a
    section label between."""
    found: set[int] = set()
    for i in range(start + 1, end):
        if scored[i].verdict != "good" or scored[i].words > _CARD_SUMMARY_WORDS:
            continue
        j = i - 1
        while j > start and scored[j].words <= 2 and i - j <= 2:
            j -= 1  # "Business"
        head = scored[j]
        if not head.repeat or head.words > _CARD_HEAD_WORDS:
            continue
        key = norm_words(head.line.text)
        if any(norm_words(scored[k].line.text) == key for k in range(max(start, j - 3), j)):
            found.add(i)
    return found


def before_teaser_cards(scored: list[Scored], start: int, end: int) -> int:
    """The run's end moved up to the cards of other stories it closes on (a headline and its
    summary, two or more times) when they are a small share of the run: a list story's own
    headed sections make most of it."""
    cut = start + trailing_cards([s.line.text for s in scored[start:end]])
    if cut >= end:
        return end
    total = sum(s.words for s in scored[start:end] if s.verdict == "good")
    tail = sum(s.words for s in scored[cut:end] if s.verdict == "good")
    headed = scored[cut].verdict in ("bad", "nav")  # "More from the Ledger" above the cards
    return cut if tail <= (_HEADED_CARDS_SHARE if headed else _CARDS_SHARE) * total else end


# A card of another story, as a dump writes it: a headline line, then a one- or two-sentence summary.
_CARD_HEAD_RANGE = (3, 16)
_CARD_SUMMARY_RANGE = (8, 60)
_CARD_GAP_WORDS = 4  # a time or "Read more" between two cards
_CARD_HEADER_WORDS = 6  # "More from the Ledger" above them
_NUMBERED = re.compile(r"^\W*\d{1,2}\s*[.):]")
_INTERVIEW = re.compile(r"^\W*[QA]\s*[:.]")  # "Q: ...", "A: ...": an interview's turns
_SENTENCE_END = re.compile(r"[.!?…\"”’)]\s*$")


def _is_card_head(text: str) -> bool:
    n = len(WORD.findall(text))
    return (
        _CARD_HEAD_RANGE[0] <= n <= _CARD_HEAD_RANGE[1]
        and text[:1].isupper()
        and not _NUMBERED.match(text)  # "2. Stores are shrinking": a list story's own heading
        and not _INTERVIEW.match(text)
        and not text.rstrip().endswith((".", ",", ";", ":", "?"))  # "What are your hobbies?"
    )


def _is_card_summary(text: str) -> bool:
    n = len(WORD.findall(text))
    if _INTERVIEW.match(text):
        return False
    return _CARD_SUMMARY_RANGE[0] <= n <= _CARD_SUMMARY_RANGE[1] and bool(
        _SENTENCE_END.search(text)
    )


def trailing_cards(texts: list[str], least: int = 2) -> int:
    """Where a closing run of at least `least` teaser cards (headline, then summary) starts in
    `texts`, with the short header above them; len(texts) when the lines do not end so."""
    i, cards, start = len(texts), 0, len(texts)
    while i > 0:
        while i > 0 and len(WORD.findall(texts[i - 1])) <= _CARD_GAP_WORDS:
            i -= 1  # "2h ago", "Read more"
        if i >= 2 and _is_card_summary(texts[i - 1]) and _is_card_head(texts[i - 2]):
            i -= 2
            cards += 1
            start = i
        else:
            break
    if cards < least:
        return len(texts)
    header = start > 0 and len(WORD.findall(texts[start - 1])) <= _CARD_HEADER_WORDS
    if header and not _SENTENCE_END.search(texts[start - 1]):
        start -= 1  # "More from the Ledger"
    return start


# A card written on one line, its headline and summary joined by a space: "The 4 Best Vegan Spots
# In Detroit Hoodline crunched the numbers ...": many capitalised words, then a sentence.
_SPACED_HEAD_CAPS = 6
_SPACED_MAX_WORDS = 60
_SPACED_TAIL_WORDS = 8
_SPACED_TAIL_CAPS = 0.4
_SPACED_RUN, _SPACED_WINDOW = 4, 7  # this many cards within this many lines
_SMALL = frozenset({"a", "an", "the", "of", "in", "on", "to", "for", "and", "at", "with", "by"})


def _is_spaced_card(text: str) -> bool:
    tokens = WORD.findall(text)
    if len(tokens) > _SPACED_MAX_WORDS:
        return False
    caps = 0
    for n, token in enumerate(tokens):
        if token[:1].isupper() or token[:1].isdigit():
            caps += 1
        elif token not in _SMALL:
            tail = tokens[n:]
            capped = sum(t[:1].isupper() for t in tail) / len(tail)
            return (
                caps >= _SPACED_HEAD_CAPS
                and len(tail) >= _SPACED_TAIL_WORDS
                and capped <= _SPACED_TAIL_CAPS
            )
    return False


def spaced_cards(texts: list[str]) -> set[int]:
    """Lines that are cards written on one line, where several come close together (one such
    line alone may be a sentence opening on a long name: "United Auto Workers President ...")."""
    marked = [i for i, text in enumerate(texts) if _is_spaced_card(text)]
    found: set[int] = set()
    for k, i in enumerate(marked):
        near = [j for j in marked[k : k + _SPACED_RUN] if j - i < _SPACED_WINDOW]
        if len(near) >= _SPACED_RUN:
            found.update(near)
    return found
