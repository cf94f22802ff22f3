"""Score each line of a dump as story or boilerplate and find the main run of story lines.

Generic signals only (no per-site rules): length, stopword density, sentence shape, capitalised-word
share, link share, boilerplate vocabulary, code, repetition. The story is the maximum-sum run of line
scores (story lines positive, boilerplate negative); inside it, boilerplate lines are dropped again.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from tui.ingest.text_lines import Line

_STOPWORDS: dict[str, frozenset[str]] = {
    "en": frozenset(
        "a about after all also an and any are as at be because been but by can could did do does for "
        "from had has have he her his how i if in into is it its may more most my no not of on one or "
        "our out over said says she so some than that the their them then there these they this to up "
        "was we were what when where which while who will with would you your".split()
    ),
    "de": frozenset(
        "aber als am an auch auf aus bei bis das dass dem den der des die doch durch ein eine einem "
        "einen einer es für hat ich im in ist mit nach nicht noch nur oder sich sie sind so um und "
        "von vor war wie wir wird zu zum zur".split()
    ),
    "fr": frozenset(
        "au aux avec ce ces dans de des du elle en est et il ils la le les leur mais ne nous on ou par "
        "pas pour qu que qui sa se ses son sur un une était été".split()
    ),
    "es": frozenset(
        "al con de del el en es esta este fue ha la las lo los más no para pero por que se sin su sus "
        "un una y".split()
    ),
    "pt": frozenset(
        "a ao as com da das de do dos e é em foi mais mas na nas no nos não o os para pela pelo por "
        "que se sem seu sua um uma você".split()
    ),
    "it": frozenset(
        "a al alla che con da del della di e è gli ha i il in la le lo ma non per più si sono su un "
        "una".split()
    ),
    "id": frozenset(
        "ada akan atau dalam dan dari dengan di ini itu juga ke kita karena oleh pada tidak untuk "
        "yang".split()
    ),
    "ru": frozenset(
        "а в во да для до его её если же за и из или к как меня на не но о от по при с так то что "
        "это я".split()
    ),
}

_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_END_PUNCT = re.compile(r"[.!?…。！？:;\"”’)»]\s*$")
_CODE = re.compile(
    r"function\s*\(|\bvar\s+\w+\s*=|=>|document\.|window\.|\w+\.\w+\s*\(|[{};]\s*[{};]|"
    r"^\s*[.#@]?[\w-]+\s*\{[^}]*:|!important|\$\(|\bif\s*\(|\breturn\s"
)
# Lines that frame a story but are never part of one, in most sites' words (English and a few more).
_BOILER = re.compile(
    r"\b(?:advertisement|advertising|sponsored|subscribe|subscription|subscriber|sign[ -]?up|"
    r"sign[ -]?in|log[ -]?in|newsletters?|cookies?|privacy|terms of (?:use|service)|"
    r"all rights reserved|copyright|share (?:this|on)|follow us|read more|related|recommended|"
    r"comments?|click here|trending|most (?:popular|read)|skip to|continue reading|"
    r"download (?:the|our) app|unlimited (?:digital )?access|per (?:week|month)|free trial|"
    r"story continues|you may also like|more from|see also|sponsored content|paid content|"
    r"whatsapp|facebook|twitter|linkedin|pinterest|instagram|email this|print this|"
    r"report an error|back to top|javascript|browser|loading|powered by|"
    r"publicidade|anúncio|werbung|anzeige|publicité|pubblicità|реклама)\b",
    re.IGNORECASE,
)
_AD_MARKER = re.compile(
    r"^(?:advertisement|advertising|ad|sponsored|story continues (?:below|after) (?:this )?"
    r"advertisement|continue reading(?: below)?|scroll to continue(?: with content)?|"
    r"article continues below(?: advertisement)?|publicidade|anzeige|werbung|publicité)\W*$",
    re.IGNORECASE,
)


@dataclass(slots=True)
class Scored:
    """One line with its signals and verdict: good (story), short (unsure) or bad (boilerplate)."""

    line: Line
    words: int
    verdict: str
    score: float


def pick_stopwords(lines: list[Line]) -> frozenset[str] | None:
    """The stopword list that fits the dump's language best, or None (no list fits, e.g. Korean)."""
    counts: Counter[str] = Counter()
    for line in lines:
        counts.update(w.lower() for w in _WORD.findall(line.text))
    total = sum(counts.values()) or 1
    best, best_share = None, 0.0
    for words in _STOPWORDS.values():
        share = sum(counts[w] for w in words) / total
        if share > best_share:
            best, best_share = words, share
    return best if best_share >= 0.12 else None


def word_count(text: str) -> int:
    """Words in a line; CJK text (no spaces) counts one word per two characters."""
    return max(len(_WORD.findall(text)), len(_CJK.findall(text)) // 2)


def is_code(text: str) -> bool:
    """Whether a line is inline JavaScript or CSS."""
    hits = len(_CODE.findall(text))
    symbols = sum(text.count(c) for c in "{};=()")
    return hits >= 2 or (hits >= 1 and symbols / max(1, len(text)) > 0.04)


def is_boilerplate(text: str, words: int) -> bool:
    """Whether a line is an ad marker, or a short line in the vocabulary of site furniture."""
    if _AD_MARKER.match(text):
        return True
    found = len(_BOILER.findall(text))
    return found > 0 and (words <= 12 or found * 12 >= words)


def _verdict(line: Line, words: int, stopwords: frozenset[str] | None, repeated: bool) -> str:
    """Good, short or bad for one line, from its own signals."""
    text = line.text
    if is_code(text) or is_boilerplate(text, words) or line.link_ratio > 0.5:
        return "bad"
    if repeated and words < 40:
        return "bad"
    tokens = _WORD.findall(text)
    caps = sum(1 for t in tokens if t[:1].isupper()) / max(1, len(tokens))
    ends = bool(_END_PUNCT.search(text))
    stop_share = (
        sum(1 for t in tokens if t.lower() in stopwords) / max(1, len(tokens)) if stopwords else None
    )
    prose = stop_share is None or stop_share >= 0.15
    if words >= 12 and prose and (ends or words >= 25) and caps < 0.7 and line.link_ratio < 0.3:
        return "good"
    if words < 3 and not ends:
        return "bad"
    if not ends and caps >= 0.7 and words <= 12:
        return "bad"
    return "short"


def score_lines(lines: list[Line]) -> list[Scored]:
    """Each line with its verdict and its weight in the search for the main run."""
    stopwords = pick_stopwords(lines)
    counts = Counter(line.text.lower() for line in lines)
    scored: list[Scored] = []
    for line in lines:
        words = word_count(line.text)
        verdict = _verdict(line, words, stopwords, counts[line.text.lower()] > 1)
        if verdict == "good":
            score = float(min(words, 120))
        elif verdict == "bad":
            score = -(4.0 + words)
        else:
            score = 1.0 if _END_PUNCT.search(line.text) else -2.0
        scored.append(Scored(line, words, verdict, score))
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
