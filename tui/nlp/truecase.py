"""Upper-case text put back into ordinary case before the model reads it, character for character.

The small model reads case: "SCORES QUARANTINED" becomes an organisation and "WARSAW 1996-08-30" is
missed. Headlines, subheads, datelines and shouted phrases are re-cased word by word: a word takes
the form the article writes it in elsewhere ("Leicestershire"), else a known place or given name is
capitalised, an everyday word lower-cased, a short unknown word kept as an acronym ("NBP"), and any
other word capitalised as a name. Only letters change case, so every offset stays valid and the
original text can be read back at the same positions.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

_WORD = re.compile(r"[^\W\d_]+(?:['’.\-][^\W\d_]+)*\.?")
_SENTENCE_END = re.compile(r"[.!?]['\"’”)]*\s+$")
_TITLE_WORDS = frozenset(
    {
        "With", "From", "Into", "Over", "After", "Before", "About", "Under", "Between", "Through",
        "During", "Without", "Against", "Amid", "Does", "Would", "Could", "Should", "Have",
        "Has", "What", "When", "Where", "Which", "While", "Why", "How", "This", "That", "Your",
        "Their", "They", "Are", "Were", "Is", "Was", "Says", "Than", "Its",
    }
)  # fmt: skip
# A sentence's end before more text, or a period closing the text: prose, not a heading.
_SENTENCE_INSIDE = re.compile(r"[.!?]['\"’”)]*\s+\S|(?<![A-Z])\.$")
# A whole paragraph is shouted when this share of its letters is upper case.
_SHOUTED_SHARE = 0.6
# Inside ordinary text, a run of this many upper-case words is shouted ("GET OUT and VOTE").
_RUN = 2
_SUFFIXES = ("ing", "ed", "es", "s", "ly", "er", "est", "d")
# Month and weekday names keep their capital whatever the dictionary says ("march", "may").
_CALENDAR_WORDS = frozenset(
    {
        "january", "february", "march", "april", "may", "june", "july", "august", "september",
        "october", "november", "december", "jan.", "feb.", "mar.", "apr.", "jun.", "jul.",
        "aug.", "sep.", "sept.", "oct.", "nov.", "dec.", "monday", "tuesday", "wednesday",
        "thursday", "friday", "saturday", "sunday",
    }
)  # fmt: skip


def _is_caps(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


class Recaser:
    """Re-cases the shouted parts of one article's paragraphs, knowing how the article writes words."""

    def __init__(self, paragraphs: list[str], words: Lexicon) -> None:
        self.dictionary = words.everyday
        self.descriptive = words.descriptive
        self.forms: dict[str, str] = {}
        self.lower_seen: set[str] = set()
        self.acronyms: set[str] = set()  # upper-case words the article's ordinary text writes
        capitalised: Counter[str] = Counter()
        lower: Counter[str] = Counter()
        for text in paragraphs:
            if self._shouted_share(text) >= _SHOUTED_SHARE or is_title_cased(text):
                continue
            found = list(_WORD.finditer(text))
            for i, m in enumerate(found):
                word = m.group(0)
                if _is_caps(word):
                    neighbours = found[max(0, i - 1) : i] + found[i + 1 : i + 2]
                    alone = not any(_is_caps(n.group(0)) for n in neighbours)
                    if alone and not self._is_descriptive(word.lower()):
                        self.acronyms.add(word)
                elif word.islower():
                    lower[word] += 1
                elif word[:1].isupper() and not self._starts_sentence(text, m.start()):
                    capitalised[word] += 1
        for word, n in capitalised.most_common():
            if n > lower[word.lower()]:
                self.forms.setdefault(word.lower(), word)
        self.lower_seen = {w for w in lower if w not in self.forms}

    @staticmethod
    def _shouted_share(text: str) -> float:
        letters = [c for c in text if c.isalpha()]
        if len(letters) < 3:
            return 0.0
        return sum(c.isupper() for c in letters) / len(letters)

    @staticmethod
    def _starts_sentence(text: str, index: int) -> bool:
        before = text[:index]
        return not before.strip() or bool(_SENTENCE_END.search(before))

    def _is_everyday(self, lower: str) -> bool:
        if lower in self.dictionary:
            return True
        return any(
            lower.endswith(s) and lower[: -len(s)] in self.dictionary
            for s in _SUFFIXES
            if len(lower) > len(s) + 2
        )

    def _known_name(self, lower: str) -> bool:
        from tui.nlp.knowledge.people import is_given_name
        from tui.nlp.knowledge.places import city_population, place_kind

        kind = place_kind(lower)
        if kind in ("country", "state", "region", "continent"):
            return True
        if kind == "city" and (city_population(lower) >= 100_000 or not self._is_everyday(lower)):
            return True
        return is_given_name(lower) and not self._is_everyday(lower)

    def word(self, word: str) -> str:
        """The ordinary-case form of one upper-case word, as long as the word."""
        lower = word.lower()
        if word in self.acronyms:
            return word
        if lower in _CALENDAR_WORDS:
            return _capitalised(word)  # "MONDAY" -> "Monday", never "monday"
        form = self.forms.get(lower)
        if form is not None and len(form) == len(word):
            return form
        if lower in self.lower_seen:
            return lower
        if "." in word.rstrip("."):
            return word  # "U.S.", "D.C.": initials stay as written
        if self._known_name(lower.rstrip(".")):
            return _capitalised(word)
        if self._is_everyday(lower.rstrip(".")):
            return lower
        if len(word.rstrip(".")) <= 4:
            return word  # an unknown short word is an acronym ("NBP", "FIFA")
        return _capitalised(word)

    def _phrase(self, words: list[re.Match[str]], text: str) -> dict[int, str]:
        """New forms by start offset for consecutive upper-case words; known multiword places whole."""
        from tui.nlp.knowledge.places import place_kind

        out: dict[int, str] = {}
        i = 0
        while i < len(words):
            for size in (3, 2):
                chunk = words[i : i + size]
                phrase = " ".join(m.group(0) for m in chunk)
                if (
                    len(chunk) == size
                    and place_kind(phrase)
                    and text[chunk[0].start() : chunk[-1].end()] == phrase
                ):
                    for m in chunk:
                        out[m.start()] = self.forms.get(
                            m.group(0).lower(), _capitalised(m.group(0))
                        )
                    i += size
                    break
            else:
                m = words[i]
                out[m.start()] = self.word(m.group(0))
                i += 1
        return out

    def recase(self, text: str) -> str:
        """The paragraph with its shouted words re-cased (the same text when nothing is shouted)."""
        if is_title_cased(text):
            return self._recase_title(text)
        words = list(_WORD.finditer(text))
        if not any(_is_caps(m.group(0)) for m in words):
            return text
        whole = self._shouted_share(text) >= _SHOUTED_SHARE
        chosen: list[list[re.Match[str]]] = []
        run: list[re.Match[str]] = []
        for m in [*words, None]:
            if m is not None and _is_caps(m.group(0)):
                run.append(m)
                continue
            if run and (whole or len(run) >= _RUN or self._is_shouted_word(run[0].group(0))):
                chosen.append(run)
            run = []
        if not chosen:
            return text
        chars = list(text)
        for group in chosen:
            for start, form in self._phrase(group, text).items():
                if self._starts_sentence(text, start):
                    form = form[:1].upper() + form[1:]
                chars[start : start + len(form)] = form
        return "".join(chars)

    def _recase_title(self, text: str) -> str:
        """A heading in Title Case with its capitals that only mark the heading lower-cased:
        "Scissor Keyboard Expected in First Half of 2020" -> "Scissor keyboard expected in first
        half of 2020" when the article writes "keyboard" in lower case, and names kept."""
        from tui.nlp.knowledge.people import is_given_name

        chars = list(text)
        found = list(_WORD.finditer(text))
        for i, m in enumerate(found[1:], start=1):
            word = m.group(0)
            if not word[:1].isupper() or _is_caps(word) or not word[1:].islower():
                continue
            before, after = (
                found[i - 1].group(0),
                found[i + 1].group(0) if i + 1 < len(found) else "",
            )
            lower = word.lower()
            if (before[:1].isupper() and is_given_name(before.lower())) or (
                is_given_name(lower)
                and after[:1].isupper()
                and not self._is_everyday(after.lower())
            ):
                continue  # "Ken Green", "Rose Vantrell": a first name, a surname
            if lower in self.forms or lower in _CALENDAR_WORDS or "." in word.rstrip("."):
                continue
            if (
                word in _TITLE_WORDS
                or lower in self.lower_seen
                or (self._is_descriptive(lower) and not self._known_name(lower))
            ):  # a noun the article never writes in lower case may be a name ("Bob", "Apple")
                chars[m.start() : m.end()] = lower
        return "".join(chars)

    def _is_shouted_word(self, word: str) -> bool:
        """One upper-case everyday word in ordinary text ("VOTE", "GREAT"), not an acronym."""
        lower = word.lower().rstrip(".")
        if len(lower) < 4 or lower in self.forms or word in self.acronyms:
            return False
        return self._is_descriptive(lower)

    def _is_descriptive(self, lower: str) -> bool:
        return lower in self.descriptive or any(
            lower.endswith(s) and lower[: -len(s)] in self.descriptive
            for s in _SUFFIXES
            if len(lower) > len(s) + 2
        )


def is_title_cased(text: str) -> bool:
    """A short heading with every longer word capitalised ("What Does Stadia Offer?",
    "13-Inch MacBook Pro With Scissor Keyboard Expected in First Half of 2020"), not a sentence."""
    if len(text) > 160 or _SENTENCE_INSIDE.search(text.rstrip()):
        return False
    words = [w for w in _WORD.findall(text) if not _is_caps(w)]
    longer = [w for w in words if len(w) >= 4]
    if len(words) < 3 or len(longer) < 3:
        return False
    if not all(w[:1].isupper() for w in longer) or sum(w[:1].isupper() for w in words) < 3:
        return False
    # A capitalised little word that no name holds ("With", "Does", "Is"): a headline, not a
    # list of names ("Mark Waugh, Ken Green") or a table's heading.
    return any(w in _TITLE_WORDS for w in words)


def _capitalised(word: str) -> str:
    """ "O'BRIEN" -> "O'Brien", "ST." -> "St.", "WEST-HAM" -> "West-Ham"."""
    return re.sub(r"[^\W\d_]+", lambda m: m.group(0)[:1].upper() + m.group(0)[1:].lower(), word)


def recase_paragraphs(paragraphs: list[str], words: Lexicon) -> list[str]:
    """The paragraphs with their shouted parts re-cased; the same list when nothing is shouted."""
    if not any(_is_caps(w) for p in paragraphs for w in p.split()) and not any(
        is_title_cased(p) for p in paragraphs
    ):
        return paragraphs
    recaser = Recaser(paragraphs, words)
    return [recaser.recase(p) for p in paragraphs]


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Everyday English words: all of them, and those that are verbs, adjectives or adverbs (an
    upper-case noun may be an acronym, "NASA"; an upper-case verb is shouting, "VOTE")."""

    everyday: frozenset[str]
    descriptive: frozenset[str]

    @classmethod
    def of(cls, words: Iterable[str], descriptive: Iterable[str]) -> Lexicon:
        def keep(items: Iterable[str]) -> frozenset[str]:
            return frozenset(w for w in items if w.isalpha() and w.islower())

        return cls(keep(words), keep(descriptive))
