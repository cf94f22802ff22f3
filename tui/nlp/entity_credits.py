"""Where a paragraph names people and outlets as credits, not as part of the story.

"Reporting by … Editing by …", "(Photo: … / Getty Images)", "(AP) —" after a dateline, "Follow
him on Twitter", "Contact X at …", "X is a reporter for …", "Copyright 2019 …", "originally
published on …": the names in these are the page's furniture, and the entity panel leaves them out
(a name that the story itself also uses keeps those other mentions).
"""

from __future__ import annotations

import re

_SENTENCE = r"[^.;\n]*"  # the rest of the sentence (or clause)
_STAFF = r"(?:staff |senior |freelance |contributing |investigative |political )?"
# Credits that start at their cue word.
_CREDIT_PATTERNS = (
    # "Reporting by …; Editing by …", "Photos by …"
    r"(?:\(\s*)?\b(?:(?:Additional )?[Rr]eporting|Writing|Editing|Compiled|Edited|Produced|"
    r"Translated|Graphics?|Illustration|Photos?|Video|Research)\s+(?:by|from)\b" + _SENTENCE,
    r"\((?:Photo|Image|Video|Graphic|Illustration)s?(?:\s+credit)?\s*:[^)]*\)",
    r"\b(?:Photo|Image|Video)s?\s+(?:credit|courtesy)(?:\s+of)?\s*:?" + _SENTENCE,
    # "Photo: Jo Barrow/PA Images", "Photograph: X/Reuters", "Credit: X/AP": a photo's credit line
    r"\b(?:Photo(?:graph)?|Image|Picture|Credit)s?\s*:\s*[A-Z]" + _SENTENCE,
    r"\b[Cc]ontact\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}\s+at\b" + _SENTENCE,
    r"\b[Oo]riginally (?:published|appeared) (?:on|in|by|at)\b" + _SENTENCE,
    r"^\s*Disclaimer\b.*",  # a disclaimer paragraph is furniture to its end
    # a wire's funding note: "The AP ... receives support from X. The AP is solely responsible ..."
    r"^(?=.*\bsolely responsible for all content\b).*",
    r"\bDisclaimer\b" + _SENTENCE,
    r"(?:\bCopyright\b|©)" + _SENTENCE,
    r"^(?:Read more|Related|See also|Also read|More|Watch|Listen)\s*:.*",
)
# Credits whose cue comes later in their sentence, which they take from its start: "… contributed
# to this report.", "Associated Press writer X in Denver contributed.", "X is a reporter for …".
# (Found by the cue, then widened: a pattern that scanned from every position up to the cue took
# time quadratic in the sentence's length.)
_SENTENCE_CREDIT_PATTERNS = (
    r"\bcontributed (?:to )?(?:this|the) (?:report|story|article)\b" + _SENTENCE,
    r"\bcontributed\s*(?=\.|$)",
    r"\bcontributed (?:reporting|research)\b" + _SENTENCE,
    r"\b[Ff]ollow (?:us|him|her|them|me)\b" + _SENTENCE,
    r"\b(?:is|are) the (?:author|co-author|editor|publisher|founder)s?"
    r"(?: and (?:editor|publisher|founder))? of\b" + _SENTENCE,
    r"\b(?:is|was) an? "
    + _STAFF
    + r"(?:reporter|writer|correspondent|columnist|photographer|contributor|editor)"
    r"\s+(?:for|at|with)\b" + _SENTENCE,
    r"\bare (?:their|his|her) own and (?:do )?not\b" + _SENTENCE,
    # an author's note: "X covers City Hall for the Courier. Reach her at x@courier.com."
    r"\bcovers\s+(?:[\w'’&-]+\s+){1,6}?for\s+(?:the\s+)?[A-Z]" + _SENTENCE,
    r"\b[Rr]each (?:him|her|them|me|us) at\b" + _SENTENCE,
)
_CREDITS = re.compile("|".join(_CREDIT_PATTERNS))
_SENTENCE_CREDITS = re.compile("|".join(_SENTENCE_CREDIT_PATTERNS))
# A wire service's credit after a dateline: "LONDON (AP) —", "(Reuters) -", "(CNN)President ...".
_WIRE = re.compile(r"\((?:AP|Reuters|AFP|UPI|CNN|Bloomberg|dpa|Xinhua|TASS|PTI|EFE|ANSA|IANS)\)")
_WIRE_WITHIN = 80
_DATELINE_WIRE = re.compile(
    r"[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}(?:,\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)?\s+("
    + _WIRE.pattern
    + r")\s*[—–-]"
)


def credit_ranges(text: str, paragraph: int) -> list[tuple[int, int]]:
    """Character ranges of a paragraph that are credits; names inside them are not entities."""
    ranges = [m.span() for m in _CREDITS.finditer(text)]
    for m in _SENTENCE_CREDITS.finditer(text):
        start = max(text.rfind(".", 0, m.start()), text.rfind("\n", 0, m.start())) + 1
        ranges.append((start, m.end()))
    if paragraph == 0:
        ranges.extend(m.span() for m in _WIRE.finditer(text, 0, _WIRE_WITHIN))
    elif dateline := _DATELINE_WIRE.match(text):  # below a headline or a summary: "DENVER (AP) —"
        ranges.append(dateline.span(1))
    return ranges


def in_ranges(start: int, end: int, ranges: list[tuple[int, int]]) -> bool:
    """True when the characters `start:end` overlap one of the ranges."""
    return any(start < r_end and r_start < end for r_start, r_end in ranges)
