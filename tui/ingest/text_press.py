"""The end matter of a press release, which wire portals print under the story: "About Halvern
Robotics" and the company's blurb, "Forward-Looking Statements", "Safe Harbor Statement".

The blurb and the legal notice read as prose, so line scores keep them; their headings do not.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tui.ingest.text_score import Scored

# "About Halvern Robotics", "About the Keystone Health Network": the company's own section.
_ABOUT = re.compile(r"^About\s+(?:the\s+)?(?P<name>[A-Z][\w&.'’-]*)")
_LEGAL = re.compile(
    r"^(?:forward[- ]looking (?:statements?|information)|safe harbou?r(?: statement)?|"
    r"cautionary (?:note|statement|language)s?\b.*)\W*$",
    re.IGNORECASE,
)
_HEADING_WORDS = 8
_STORY_WORDS = 100  # what comes before the end matter: a story of at least this many words


def _is_end_heading(scored: list[Scored], i: int, end: int) -> bool:
    """Whether line i heads a release's end matter: an "About X" whose next line names X, or a
    legal notice's heading."""
    text = scored[i].line.text.strip()
    if len(text.split()) > _HEADING_WORDS or text.endswith("."):
        return False
    if _LEGAL.match(text):
        return True
    about = _ABOUT.match(text)
    if about is None or i + 1 >= end:
        return False
    following = re.sub(r"^The\s+", "", scored[i + 1].line.text)
    return following.startswith(about["name"])


def before_press_notes(scored: list[Scored], start: int, end: int) -> int:
    """The run's end moved up to a press release's end matter, once a story came before it."""
    seen = 0
    for i in range(start, end):
        if seen >= _STORY_WORDS and _is_end_heading(scored, i, end):
            return i
        seen += scored[i].words if scored[i].verdict == "good" else 0
    return end
