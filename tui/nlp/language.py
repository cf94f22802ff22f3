"""Which language an article is written in (ISO 639-1), from its text; the page's `lang` a hint.

Two tests, no model and nothing downloaded:
- **Script.** Letters are counted by Unicode script. Hangul is Korean; kana is Japanese; Han
  without kana is Chinese; Greek, Hebrew, Thai, Armenian... are their language. Cyrillic, Arabic
  and Devanagari are written in several languages: the stop words decide among them.
- **Stop words.** For Latin (and the shared scripts above), the share of the text's words that are
  stop words of each language, from the lists spaCy ships (`spacy/lang/*/stop_words.py`, read as
  files so that no spaCy language class is imported). A word several languages list counts for
  each a fraction (1/n), so "a", "de" or "in" decide nothing alone.

English must never be mistaken for another language: another Latin-script language wins only by
a clear margin over English, and a text with too few words to tell is the page's hint, else English.
"""

from __future__ import annotations

import importlib.util
import os
import re
import unicodedata
from collections import Counter
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tui.model import Article

# spaCy's stop-word lists by script, for languages with an ISO 639-1 code.
LATIN = [
    "en", "de", "fr", "es", "pt", "it", "nl", "sv", "da", "nb", "fi", "pl", "cs", "sk", "sl", "hr",
    "ro", "hu", "tr", "ca", "eu", "ga", "id", "ms", "tl", "lt", "lv", "et", "af", "sq", "is", "lb",
    "vi", "az",
]  # fmt: skip
CYRILLIC = ["ru", "uk", "bg", "mk", "sr", "ky", "tt"]
ARABIC = ["ar", "fa", "ur"]
DEVANAGARI = ["hi", "mr", "ne"]

# A script whose letters name one language.
SCRIPT_LANGUAGE = {
    "HANGUL": "ko",
    "GREEK": "el",
    "HEBREW": "he",
    "THAI": "th",
    "ARMENIAN": "hy",
    "GEORGIAN": "ka",
    "BENGALI": "bn",
    "GUJARATI": "gu",
    "GURMUKHI": "pa",
    "KANNADA": "kn",
    "MALAYALAM": "ml",
    "TAMIL": "ta",
    "TELUGU": "te",
    "SINHALA": "si",
    "ETHIOPIC": "am",
    "TIBETAN": "bo",
    "KHMER": "km",
    "LAO": "lo",
    "MYANMAR": "my",
}
SHARED_SCRIPTS = {"CYRILLIC": CYRILLIC, "ARABIC": ARABIC, "DEVANAGARI": DEVANAGARI}

NAMES = {
    "en": "English", "de": "German", "fr": "French", "es": "Spanish", "pt": "Portuguese",
    "it": "Italian", "nl": "Dutch", "sv": "Swedish", "da": "Danish", "nb": "Norwegian",
    "fi": "Finnish", "pl": "Polish", "cs": "Czech", "sk": "Slovak", "sl": "Slovenian",
    "hr": "Croatian", "ro": "Romanian", "hu": "Hungarian", "tr": "Turkish", "ca": "Catalan",
    "eu": "Basque", "ga": "Irish", "id": "Indonesian", "ms": "Malay", "tl": "Tagalog",
    "lt": "Lithuanian", "lv": "Latvian", "et": "Estonian", "af": "Afrikaans", "sq": "Albanian",
    "is": "Icelandic", "lb": "Luxembourgish", "vi": "Vietnamese", "az": "Azerbaijani",
    "ru": "Russian", "uk": "Ukrainian", "bg": "Bulgarian", "mk": "Macedonian", "sr": "Serbian",
    "ky": "Kyrgyz", "tt": "Tatar", "ar": "Arabic", "fa": "Persian", "ur": "Urdu", "hi": "Hindi",
    "mr": "Marathi", "ne": "Nepali", "ko": "Korean", "ja": "Japanese", "zh": "Chinese",
    "el": "Greek", "he": "Hebrew", "th": "Thai", "hy": "Armenian", "ka": "Georgian",
    "bn": "Bengali", "gu": "Gujarati", "pa": "Punjabi", "kn": "Kannada", "ml": "Malayalam",
    "ta": "Tamil", "te": "Telugu", "si": "Sinhala", "am": "Amharic", "bo": "Tibetan",
    "km": "Khmer", "lo": "Lao", "my": "Burmese",
}  # fmt: skip

# Enough words to tell languages apart by their stop words; fewer, and the hint decides.
MIN_WORDS = 12
# English holds when its stop words are this share of the text (English news: 0.35-0.5) ...
ENGLISH_HOLDS = 0.2
# ... unless another language's share is this many times English's.
CLEAR_MARGIN = 2.0
# Running text in any language is a fifth or more stop words; under this share a text is mostly
# names and numbers (a results table, a list of links), and its few stop words tell nothing.
PROSE_SHARE = 0.12

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_SAMPLE_CHARS = 20_000  # the first pages tell; a long article is not read to its end


def model_language(name: str | None = None) -> str:
    """The language of the spaCy model the analysis loads, from its name (spaCy's start with it:
    `en_core_web_sm`, `de_core_news_sm`), without loading it; the default model is English."""
    name = name or os.environ.get("NEWSTUI_MODEL") or ""
    prefix = name.split("_", 1)[0]
    return prefix if len(prefix) == 2 and prefix.isalpha() else "en"


def language_note(article: Article) -> str | None:
    """One line saying why an analyzed article has no entities and no timeline: its language has
    no model. None for every other article."""
    if not article.analyzed or article.entities or article.timeline:
        return None
    modelled = model_language()
    if article.language == modelled:
        return None
    return (
        f"This article is in {language_name(article.language)}: entities and the timeline are "
        f"found in {language_name(modelled)} articles only."
    )


def language_name(code: str) -> str:
    """The language's English name ("Portuguese"), else its code."""
    return NAMES.get(code, code)


@cache
def stop_words(code: str) -> frozenset[str]:
    """spaCy's stop words of one language, read from its file (empty when spaCy lacks it)."""
    spec = importlib.util.find_spec("spacy")
    if spec is None or not spec.submodule_search_locations:
        return frozenset()
    path = Path(next(iter(spec.submodule_search_locations))) / "lang" / code / "stop_words.py"
    try:
        source = path.read_text(encoding="utf-8")
    except OSError:
        return frozenset()
    namespace: dict[str, object] = {}
    exec(compile(source, str(path), "exec"), namespace)  # a module that builds one set
    words = namespace.get("STOP_WORDS", set())
    return (
        frozenset(w.lower() for w in words) if isinstance(words, set | frozenset) else frozenset()
    )


@cache
def _sharing(codes: tuple[str, ...]) -> dict[str, float]:
    """Each stop word of these languages, weighted 1/n for the n languages that list it."""
    counts: Counter[str] = Counter()
    for code in codes:
        counts.update(stop_words(code))
    return {word: 1 / n for word, n in counts.items()}


def script_of(char: str) -> str | None:
    """The Unicode script of a letter, from its name ("CYRILLIC SMALL LETTER A" -> CYRILLIC)."""
    if not char.isalpha():
        return None
    name = unicodedata.name(char, "")
    if name.startswith("CJK") or name.startswith("KANGXI"):
        return "HAN"
    if name.startswith(("HIRAGANA", "KATAKANA")):
        return "KANA"
    if name.startswith("HANGUL"):
        return "HANGUL"
    first = name.split(" ", 1)[0]
    return first or None


def scripts(text: str) -> Counter[str]:
    """Letters counted by script."""
    counts: Counter[str] = Counter()
    for char in text:
        if char.isalpha():
            if char.isascii():
                counts["LATIN"] += 1
            else:
                script = script_of(char)
                if script:
                    counts[script] += 1
    return counts


def stop_word_shares(words: list[str], codes: list[str]) -> dict[str, float]:
    """For each language, the weighted share of `words` that are its stop words."""
    weight = _sharing(tuple(codes))
    total = len(words) or 1
    shares = {}
    for code in codes:
        listed = stop_words(code)
        shares[code] = sum(weight[w] for w in words if w in listed) / total
    return shares


def detect_language(text: str, hint: str | None = None) -> str:
    """The ISO 639-1 code of the language `text` is written in; `hint` (the page's `lang`) when
    the text is too short to tell, else English."""
    hint = (hint or "").strip().lower()[:2] or None
    sample = text[:_SAMPLE_CHARS]
    letters = scripts(sample)
    total = sum(letters.values())
    if not total:
        return hint or "en"
    han_kana = letters["HAN"] + letters["KANA"]
    if han_kana > total / 2 or letters["KANA"] > total / 5:
        return "ja" if letters["KANA"] >= han_kana / 10 else "zh"
    script, count = max(letters.items(), key=lambda item: item[1])
    if count <= total / 2 and letters["LATIN"] >= total / 3:
        script = "LATIN"  # a mixed page: mostly its Latin-script words carry the sentences
    if script in SCRIPT_LANGUAGE:
        return SCRIPT_LANGUAGE[script]
    words = [w.lower() for w in _WORD.findall(sample)]
    if script in SHARED_SCRIPTS:
        codes = SHARED_SCRIPTS[script]
        words = [w for w in words if not w.isascii()]
        if len(words) < MIN_WORDS:
            return hint if hint in codes else codes[0]
        shares = stop_word_shares(words, codes)
        return max(codes, key=lambda code: shares[code])
    if script != "LATIN":
        return hint or "en"  # a script named here nowhere: say what the page says
    return _latin_language(words, hint)


def _latin_language(words: list[str], hint: str | None) -> str:
    """Among the Latin-script languages; English unless another is clearly ahead of it."""
    if not words:
        return hint or "en"
    shares = stop_word_shares(words, LATIN)
    best = max(LATIN, key=lambda code: shares[code])
    english = shares["en"]
    if not shares[best]:
        return hint if hint in LATIN else "en"  # names and numbers only: nothing to tell by
    if best == "en" or (english >= ENGLISH_HOLDS and shares[best] < english * CLEAR_MARGIN):
        return "en"
    if len(words) < MIN_WORDS or shares[best] < max(english * CLEAR_MARGIN, PROSE_SHARE):
        return hint if hint in LATIN else "en"  # too little to go on: the page's word, else English
    return best
