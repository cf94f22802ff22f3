"""Tidy the top of a body: a headline that repeats the title (and a kicker above it) and a "By …"
byline belong to the article's metadata, not to its paragraphs."""

from __future__ import annotations

import re

from tui.model import Extracted

_WORD = re.compile(r"\w+")
_BYLINE = re.compile(
    r"^by\s+(?P<name>[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|de|van|von|da|bin|al)){0,4})"
    r"(?:\s*(?:,|\||·|–|—|-|and)\s*.*)?$",
    re.IGNORECASE,
)
_END_PUNCT = (".", "!", "?", "”", '"', ":")
_KICKER_WORDS = 4
_TOP = 4


def _norm(text: str) -> str:
    return " ".join(_WORD.findall(text.casefold()))


def _headline_like(paragraph: str) -> bool:
    return len(paragraph.split()) <= 30 and not paragraph.rstrip().endswith(_END_PUNCT)


def lift_top_matter(ex: Extracted) -> None:
    """Remove the title's repeat (with any short kicker before it) and a byline from the body's top."""
    if len(ex.paragraphs) < 2:
        return
    kinds = list(ex.kinds) + ["p"] * (len(ex.paragraphs) - len(ex.kinds))
    title = _norm(ex.title or "")
    cut = 0
    for i, para in enumerate(ex.paragraphs[:_TOP]):
        if title and _norm(para) == title and _headline_like(para):
            before = ex.paragraphs[:i]
            if all(len(p.split()) <= _KICKER_WORDS and _headline_like(p) for p in before):
                cut = i + 1
            break
    if cut < len(ex.paragraphs) - 1:
        match = _BYLINE.match(ex.paragraphs[cut].strip())
        if match and len(ex.paragraphs[cut].split()) <= 12:
            ex.author = ex.author or match["name"].strip()
            cut += 1
    if cut and cut < len(ex.paragraphs):
        ex.paragraphs = ex.paragraphs[cut:]
        ex.kinds = kinds[cut:]
