"""Score each line of a dump as story or boilerplate and find the main run of story lines.

Generic signals only (no per-site rules): length, stopword density, sentence shape, share of
capitalised words, link share, boilerplate vocabulary, code, repetition. The story is the run of
lines with the largest total score (story positive, boilerplate negative), boilerplate dropped.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from tui.ingest.text_furniture import is_boilerplate
from tui.ingest.text_lines import WORD, Line
from tui.ingest.text_teasers import is_doubled, is_glued_teaser


def _words(text: str) -> frozenset[str]:
    """A stopword set from a space-separated list."""
    return frozenset(text.split())


_STOPWORDS: dict[str, frozenset[str]] = {
    "en": _words(
        "a about after all also an and any are as at be because been but by can could did do "
        "does for from had has have he her his how i if in into is it its may more most my no "
        "not of on one or our out over said says she so some than that the their them then "
        "there these they this to up was we were what when where which while who will with "
        "would you your"
    ),
    "de": _words(
        "aber als am an auch auf aus bei bis das dass dem den der des die doch durch ein eine "
        "einem einen einer es für hat ich im in ist mit nach nicht noch nur oder sich sie "
        "sind so um und von vor war wie wir wird zu zum zur"
    ),
    "fr": _words(
        "au aux avec ce ces dans de des du elle en est et il ils la le les leur mais ne nous "
        "on ou par pas pour qu que qui sa se ses son sur un une était été"
    ),
    "es": _words(
        "al con de del el en es esta este fue ha la las lo los más no para pero por que se "
        "sin su sus un una y"
    ),
    "pt": _words(
        "a ao as com da das de do dos e é em foi mais mas na nas no nos não o os para pela "
        "pelo por que se sem seu sua um uma você"
    ),
    "it": _words(
        "a al alla che con da del della di e è gli ha i il in la le lo ma non per più si sono "
        "su un una"
    ),
    "id": _words(
        "ada akan atau dalam dan dari dengan di ini itu juga ke kita karena oleh pada tidak "
        "untuk yang"
    ),
    "ru": _words(
        "а в во да для до его её если же за и из или к как меня на не но о от по при с так то "
        "что это я"
    ),
}

_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_STOP = re.compile(r"[.!?。！？](?=\s|$)")
_TITLE_STOP = re.compile(r"(?<=[\w,’'])\s+([A-Z][a-z]+)\b")
# A magazine's end mark after a story's last sentence: '"It knows us." ■'.
_END_MARK = re.compile(r"[.!?\"”’]\s*[■□◼▪∎◆♦]\s*$")
_END_PUNCT = re.compile(r"[.!?…。！？:;\"”’)»]\s*$")
_CODE = re.compile(
    r"function\s*\(|\bvar\s+\w+\s*=|=>|document\.|window\.|\b\w{1,40}\.\w{1,40}\s*\(|[{};]\s*[{};]|"
    r"^\s*[.#@]?[\w-]+\s*\{[^}]*:|!important|\$\(|\bif\s*\(|\breturn\s"
)
# A schedule's entry: a clock time, a dash or a colon, then what happens ("8 p.m. — Fireworks").
_SCHEDULE_ENTRY = re.compile(
    r"^(?:\d{1,2}(?::\d\d)?\s?(?:a\.m\.|p\.m\.|am|pm)|noon|midnight)"
    r"(?:\s?(?:-|–|to)\s?\d{1,2}(?::\d\d)?\s?(?:a\.m\.|p\.m\.|am|pm))?\s*[—–:-]\s+\S",
    re.IGNORECASE,
)
# A sidebar's category or archive link with its count of posts: "Dakwah (60)", "June 2019 (12)".
_COUNTED_LABEL = re.compile(r"^[^()]{1,60}\s\(\d{1,6}\)$")
_COUNTED_WORDS = 6
_COMMENTS = re.compile(
    r"^\W*(?:\d+\s+)?(?:comments?|responses?|replies|discussion|reader comments|"
    r"leave a (?:comment|reply)|add (?:a |your )?comment|post a comment|"
    r"join the (?:discussion|conversation)|"
    r"(?:top rated|show|view|load|see) (?:all )?comments?|\d+ thoughts on|"
    r"share your thoughts|lascia un commento|deixe (?:um|seu) comentário|laisser un commentaire|"
    r"deja un comentario|kommentar (?:schreiben|verfassen)|tinggalkan (?:komentar|balasan)|"
    r"оставить комментарий|комментарии)\b",
    re.IGNORECASE,
)
# After a related-stories header, up to this many lines are teasers, until a line of prose.
_TEASER_LINES = 15
# ... a line of prose this long once a story came before: a teaser's headline reads as a sentence.
_TEASER_PROSE = 20
_STORY_WORDS = 100
# Headers of the blocks that follow a story: more stories, recommendations, promoted links.
_TAIL_HEADER = re.compile(
    r"^\W*(?:you (?:may|might) (?:also )?(?:like|enjoy|be interested)|"
    r"more (?:stories|news|articles|from)|"
    r"more (?:great|top|popular|recent|latest) (?:\w+ )?stories|"
    r"related (?:stories|articles|posts|content|coverage|news|topics)|"
    r"recommended(?: for you| stories)?"
    r"|most (?:popular|read|viewed|shared)|popular (?:articles|stories|posts|now)|trending(?: now| stories)?"
    r"|read next|up next|"
    r"what to read next|around the web|from the web|(?:sponsored|promoted|other|top) stories|"
    r"você (?:pode|também pode) gostar|vous aimerez aussi|das könnte sie auch interessieren|"
    r"potrebbe interessarti|te puede interesar)\b",
    re.IGNORECASE,
)
_COMMENTS_INSIDE = re.compile(
    r"\b(?:\d+ comments|top rated comments|leave a (?:comment|reply)|post a comment|"
    r"(?:all|show|view|load|more) comments|your comment (?:will|has|is)|"
    r"join the (?:discussion|conversation)|comments \(\d+\)|share your thoughts|"
    r"lascia un commento|deixe (?:um|seu) comentário|laisser un commentaire|deja un comentario|"
    r"kommentar (?:schreiben|verfassen)|tinggalkan (?:komentar|balasan)|cancel reply|"
    r"(?:оставить|добавить) комментарий|отменить ответ)",
    re.IGNORECASE,
)
# A commenter's byline: a relative time next to votes, replies or ratings.
_COMMENT_META = re.compile(
    r"\b\d+\s+(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?)\s+ago\b.{0,40}"
    r"\b(?:reply|replies|votes?|rating|likes?|report)\b|\b(?:reply|votes?|rating|likes?)\b.{0,40}"
    r"\b\d+\s+(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?)\s+ago\b",
    re.IGNORECASE,
)

# An author's bio after the story: "Jane Doe is a freelance writer ...", "... Jane Doe writes a
# weekly column": a name, then what the person is or writes, within the first words.
_BIO = re.compile(
    r"^(?:[\w'’-]+\s+){0,5}?[A-Z][\w.'’-]+\s+[A-Z][\w.'’-]+(?:\s+\([^()]{0,80}\))?,?\s+"
    r"(?:is|was|has been|writes|covers|reports)\b(?:\s+[^\s.]+){0,10}?\s+(?:the\s+|an?\s+)?"
    r"(?:\w+[- ])?(?:writer|reporter|correspondent|editor|journalist|columnist|contributor|"
    r"author|producer|blogger|educator|founder|analyst|photographer|intern|freelancer|"
    r"blog|column|newsletter)s?\b|"
    # "Jo Park covers courts for The Ledger", "... reports on energy for Reuters"
    r"^(?:[\w'’-]+\s+){0,5}?[A-Z][\w.'’-]+\s+[A-Z][\w.'’-]+,?\s+"
    r"(?:covers|writes\s+about|reports\s+on|has\s+(?:reported\s+on|covered|written\s+about))\s+"
    r"(?:[^\s.]+\s+){1,8}?for\s+(?:the\s+)?[A-Z]"
)
_BIO_WORDS = 80
# The stopword share that makes a line prose; lower for a long line that ends a sentence.
_PROSE_STOP_SHARE = 0.15
_PROSE_STOP_SHARE_LONG = 0.1
_LONG_WORDS = 25
# A paragraph of this many words, this share of them little words, is prose up to this link share.
_LINKED_PROSE_WORDS, _LINKED_PROSE_STOPS, _LINKED_PROSE_RATIO = 40, 0.2, 0.8


def is_bio(text: str) -> bool:
    """Whether a line is an author's bio (a short text about the writer, not the story)."""
    return len(text.split()) <= _BIO_WORDS and bool(_BIO.match(text))


@dataclass(slots=True)
class Scored:
    """One line with its verdict: good (story), short (unsure), nav (menu-like), bad (furniture)."""

    line: Line
    words: int
    verdict: str
    score: float
    repeat: bool = False  # bad only because the same line came before
    image: bool = False  # an image's label (bad), which says nothing of the lines around it


def pick_stopwords(lines: list[Line]) -> frozenset[str] | None:
    """The stopword list that fits the dump's language best, or None (no list fits, e.g. Korean)."""
    counts: Counter[str] = Counter()
    for line in lines:
        counts.update(w.lower() for w in WORD.findall(line.text))
    total = sum(counts.values()) or 1
    best, best_share = None, 0.0
    for words in _STOPWORDS.values():
        share = sum(counts[w] for w in words) / total
        if share > best_share:
            best, best_share = words, share
    return best if best_share >= 0.12 else None


def word_count(text: str) -> int:
    """Words in a line; CJK text (no spaces) counts one word per two characters."""
    return max(len(WORD.findall(text)), len(_CJK.findall(text)) // 2)


def is_code(text: str) -> bool:
    """Whether a line is inline JavaScript or CSS."""
    hits = len(_CODE.findall(text))
    symbols = sum(text.count(c) for c in "{};=()")
    return hits >= 2 or (hits >= 1 and symbols / max(1, len(text)) > 0.04)


def _linked_prose(line: Line, words: int, stopwords: frozenset[str] | None) -> bool:
    """A long paragraph whose names are links (a sports site links every player): prose."""
    if words < _LINKED_PROSE_WORDS or not stopwords or line.link_ratio > _LINKED_PROSE_RATIO:
        return False
    tokens = WORD.findall(line.text)
    stops = sum(1 for t in tokens if t.lower() in stopwords) / max(1, len(tokens))
    return stops >= _LINKED_PROSE_STOPS and len(_STOP.findall(line.text)) >= 1


def _verdict(
    line: Line, words: int, stopwords: frozenset[str] | None, seen: int, tail: bool
) -> str:
    """Good, short, nav (weak boilerplate) or bad (strong boilerplate) for one line."""
    text = line.text
    linked = line.link_ratio > 0.5 and not _linked_prose(line, words, stopwords)
    if is_code(text) or is_boilerplate(text, words) or linked or tail:
        return "bad"
    if seen > 1 and (words >= 4 or seen > 2):
        return "bad"
    if is_glued_teaser(text):
        return "nav"
    if is_doubled(text, whole=not line.sentence):
        return "bad"
    if words <= _COUNTED_WORDS and _COUNTED_LABEL.match(text):
        return "nav"
    tokens = WORD.findall(text)
    caps = sum(1 for t in tokens if t[:1].isupper()) / max(1, len(tokens))
    ends = bool(_END_PUNCT.search(text))
    stop_share = (
        sum(1 for t in tokens if t.lower() in stopwords) / max(1, len(tokens))
        if stopwords
        else None
    )
    # A long finished sentence may be mostly names, dates and places (a listing, a schedule).
    low = _PROSE_STOP_SHARE_LONG if words >= _LONG_WORDS and ends else _PROSE_STOP_SHARE
    prose = stop_share is None or stop_share >= low
    sentences = len(_STOP.findall(text)) + 1
    if words / sentences > 60:
        return "bad"
    long_sentences = words / sentences > 30
    menu_caps = caps >= 0.45 and (not ends or line.sentence or long_sentences)
    if words >= 8 and (menu_caps or (caps >= 0.6 and words < 20)):
        return "nav"
    if stopwords and _is_title_case(tokens, text, stopwords):
        return "nav"
    few_links = line.link_ratio < 0.3 or _linked_prose(line, words, stopwords)
    if words >= 12 and prose and (ends or words >= 25) and few_links:
        return "good"
    if (words < 3 and not ends) or (not ends and caps >= 0.7 and words <= 12):
        return "nav"
    return "short"


def _title_cased_stopwords(text: str, stopwords: frozenset[str]) -> int:
    """Stopwords written with a capital in mid-sentence: the mark of Title Case headlines."""
    found = 0
    for m in _TITLE_STOP.finditer(text):
        word = m.group(1)
        if word.lower() in stopwords and word[1:].islower() and len(word) > 1:
            found += 1
    return found


def _is_title_case(tokens: list[str], text: str, stopwords: frozenset[str]) -> bool:
    """Whether a line is (or opens with) a Title Case headline, as teasers for other stories do."""
    capped = _title_cased_stopwords(text, stopwords)
    opening = tokens[:5]
    return capped >= 2 or (
        capped >= 1 and len(opening) == 5 and all(t[0].isupper() for t in opening)
    )


def is_comment_header(line: Line) -> bool:
    """Whether a line opens a comment section, after which nothing is story."""
    if line.sentence and _COMMENTS_INSIDE.search(line.text):
        return True
    return len(line.text.split()) <= 8 and bool(_COMMENTS.match(line.text))


def is_tail_header(line: Line) -> bool:
    """Whether a line heads the related-stories block that follows a story."""
    short = len(line.text.split()) <= 7
    return (short or line.sentence) and bool(_TAIL_HEADER.match(line.text))


def _teaser_headline(line: Line, words: int, prose: int) -> bool:
    """Whether a line of prose after a related-stories header is still a teaser: a headline
    (short, not a sentence cut from a flattened page) once a story came before the header."""
    return prose >= _STORY_WORDS and words < _TEASER_PROSE and not line.sentence


def score_lines(lines: list[Line]) -> list[Scored]:
    """Each line with its verdict and its weight in the search for the main run."""
    stopwords = pick_stopwords(lines)
    seen: Counter[str] = Counter()
    scored: list[Scored] = []
    teasers = 0  # lines still to treat as teasers after a related-stories header
    prose = 0  # words of prose so far: after a story, only a long line of prose ends teasers
    for line in lines:
        words = word_count(line.text)
        seen[line.text.lower()] += 1
        tail = is_comment_header(line) or bool(_COMMENT_META.search(line.text))
        verdict = _verdict(line, words, stopwords, seen[line.text.lower()], tail)
        if verdict == "nav" and _SCHEDULE_ENTRY.match(line.text):
            verdict = "short"  # "8 p.m. — Headliner: The Marigold Kings, Main Stage": a listing
        ended = verdict == "short" and bool(_END_MARK.search(line.text))
        if ended and scored and scored[-1].verdict == "good":
            verdict = "good"  # the story's last sentence, closed by a magazine's end mark
        if is_tail_header(line):
            verdict, teasers = "bad", _TEASER_LINES
        elif teasers and (verdict != "good" or _teaser_headline(line, words, prose)):
            verdict, teasers = "bad", teasers - 1
        else:
            teasers = 0
        prose += words if verdict == "good" else 0
        if verdict == "good":
            score = float(min(words, 120))
        elif verdict == "bad":
            score = -min(30.0, 4.0 + words)
        elif verdict == "nav":
            score = -3.0
        else:
            score = 1.0 if _END_PUNCT.search(line.text) else -2.0
        repeat = verdict == "bad" and seen[line.text.lower()] > 1
        if repeat:
            repeat = _verdict(line, words, stopwords, 1, tail) != "bad"
        image = verdict == "bad" and is_doubled(line.text, whole=not line.sentence)
        scored.append(Scored(line, words, verdict, score, repeat, image))
    return scored


def main_run(scored: list[Scored]) -> tuple[int, int]:
    """The [start, end) run of lines with the largest total score (Kadane's maximum subarray)."""
    best, best_span = 0.0, (0, 0)
    total, start = 0.0, 0
    for i, s in enumerate(scored):
        if total <= 0:
            total, start = 0.0, i
        total += s.score
        if total > best:
            best, best_span = total, (start, i + 1)
    return best_span
