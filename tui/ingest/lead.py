"""Tidy the top of a body: a headline that repeats the title (and a kicker above it) and a "By …"
byline belong to the article's metadata, not to its paragraphs."""

from __future__ import annotations

import re

from tui.calendar_words import MONTH_NAME
from tui.ingest.text_meta import find_date
from tui.model import Extracted, PublishedDate

_WORD = re.compile(r"\w+")
_BYLINE = re.compile(
    r"^by\s+(?P<name>[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|de|van|von|da|bin|al)){0,4})"
    r"(?:\s*(?:,|\||·|–|—|-|and)\s*.*)?$",
    re.IGNORECASE,
)
# A time stamp under the headline: "Updated 6:42 p.m. PT Nov. 21, 2019", "Nov. 21, 2019 9:03 a.m."
_STAMP_WORD = re.compile(r"(?i)^(?:published|updated|posted|last\s+updated|first\s+published)\b")
_STAMP_REST = re.compile(
    rf"(?i)\b(?:{MONTH_NAME}\.?|mon|tue|wed|thu|fri|sat|sun|[a-z]{{3,6}}day|at|on|"
    r"[a-z]{1,3}t|utc|gmt)\b|\b[ap]\.?m\b\.?|[\d:.,|/·–—-]+"
)
_STAMP_WORDS = 12
_END_PUNCT = (".", "!", "?", "”", '"', ":")
_KICKER_WORDS = 4
_TOP = 4


def _norm(text: str) -> str:
    return " ".join(_WORD.findall(text.casefold()))


def _headline_like(paragraph: str) -> bool:
    return len(paragraph.split()) <= 30 and not paragraph.rstrip().endswith(_END_PUNCT)


def _stamp_date(paragraph: str) -> str | None:
    """The date of a line that is only a time stamp, else None."""
    if len(paragraph.split()) > _STAMP_WORDS or (value := find_date(paragraph)) is None:
        return None
    rest = _STAMP_REST.sub(" ", _STAMP_WORD.sub(" ", paragraph))
    return value if not rest.strip() else None


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
    for _ in range(2):  # a byline and a time stamp, in either order
        if cut >= len(ex.paragraphs) - 1:
            break
        para = ex.paragraphs[cut].strip()
        match = _BYLINE.match(para)
        if match and len(para.split()) <= 12:
            ex.author = ex.author or match["name"].strip()
        elif (stamp := _stamp_date(para)) is not None:
            ex.published = ex.published or PublishedDate(stamp, "day", "dateline")
        else:
            break
        cut += 1
    if cut and cut < len(ex.paragraphs):
        ex.paragraphs = ex.paragraphs[cut:]
        ex.kinds = kinds[cut:]
