"""The regular grammar of dated expressions in English news: one pattern per kind of expression.

Names (months, weekdays) are matched case-sensitively, so "may" the verb and "march" the walk stay out;
the words around them match in any case through `(?i:...)` groups.
"""

from __future__ import annotations

import re

from tui.nlp.timex_holidays import HOLIDAY

WEEKDAY_NUMBER = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}
ORDINAL_NUMBER = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "final": 4,
    "1st": 1,
    "2nd": 2,
    "3rd": 3,
    "4th": 4,
}
DECADE_WORD = {
    "twenties": 2,
    "thirties": 3,
    "forties": 4,
    "fifties": 5,
    "sixties": 6,
    "seventies": 7,
    "eighties": 8,
    "nineties": 9,
}

SPOKEN_NUMBER = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
COUNT_NUMBER = {"a": 1, "an": 1, **SPOKEN_NUMBER}
_UNITS = "one|two|three|four|five|six|seven|eight|nine"
_TENS = (
    "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|"
    "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
)

MONTH = (
    r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|"
    r"Aug(?:ust|\.)?|Sep(?:t(?:ember|\.)?|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)"
    r"(?![a-z])"
)
# Alone (no day, no year) only the full names and dotted abbreviations name a month.
MONTH_ALONE = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan\.|Feb\.|Aug\.|Sept\.|Oct\.|Nov\.|Dec\.)(?![a-z])"
)
WEEKDAY = (
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
    r"Mon\.|Tues?\.|Wed\.|Thur?s?\.|Fri\.)(?![a-z])"  # not "Sun."/"Sat.": The Sun, a Sat
)
_DAY_ORDINALS = [
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
    "twentieth",
]
# Spoken dates in broadcast transcripts: "March eighth", "the twenty-first of June".
DAY_ORDINAL_NUMBER = {
    **{w: i for i, w in enumerate(_DAY_ORDINALS, start=1)},
    **{f"twenty-{w}": 20 + i for i, w in enumerate(_DAY_ORDINALS[:9], start=1)},
    "thirtieth": 30,
    "thirty-first": 31,
}
_SPOKEN_DAY = "|".join(sorted(DAY_ORDINAL_NUMBER, key=len, reverse=True)).replace("-", r"[\s-]")
DAY = rf"(?:(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d|:\d)|(?i:{_SPOKEN_DAY})(?![\w-]))"
YEAR = r"(?:1[0-9]{3}|20[0-9]{2})(?![\d])"
CLOCK = r"(?:\d{1,2}(?::\d\d)?\s*(?i:a\.m\.|p\.m\.|am\b|pm\b)(?:\s+[A-Z]{2,4}\b)?|(?<!\w)(?i:noon|midnight))"
PART_OF_DAY = r"(?i:morning|afternoon|evening|night|overnight)"
EDGE = (
    r"(?i:early|mid|late|the\s+end\s+of|the\s+beginning\s+of|the\s+middle\s+of|the\s+start\s+of|"
    r"the\s+first\s+half\s+of|the\s+second\s+half\s+of|the\s+early|the\s+late|the\s+mid)"
)
COUNT = (
    r"(?i:\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|"
    + (r"twenty|thirty|forty|fifty)")
)
QUARTER_ORD = r"(?i:first|second|third|fourth|final|1st|2nd|3rd|4th)"
SEASON = r"(?i:spring|summer|fall|autumn|winter)"

_NOT_NUMBER_BEFORE = r"(?<![\w$£€#.,/:])(?<![A-Z]-)"  # not "CVE-2023-34362", an identifier
_NOT_NUMBER_AFTER = r"(?![\d%]|,\d|\.\d|[A-Za-z])"

PATTERNS: dict[str, str] = {
    "iso": r"(?<![\d-])(?P<y>\d{4})-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?![\d])",
    # "19/11/2019": day first, as British and Indian sites write it (only when the day says so).
    "numeric_dmy": (
        r"(?<![\d/.])(?P<d>3[01]|2\d|1[3-9])/(?P<m>1[0-2]|0?[1-9])/(?P<y>\d{4})(?![\d/])"
    ),
    "numeric": (
        r"(?<![\d/.])(?P<m>1[0-2]|0?[1-9])/(?P<d>3[01]|[12]\d|0?[1-9])/(?P<y>\d{4}|\d{2})(?![\d/])"
    ),
    "month_day": (
        rf"(?:(?P<rel>(?i:last|next))\s+)?"
        rf"(?:{CLOCK},?\s+(?:(?i:on)\s+)?)?(?:(?P<wd>{WEEKDAY}),?\s+)?(?P<mon>{MONTH})\s+(?P<d>{DAY})"
        rf"(?:,?\s+(?P<y>{YEAR}))?"
    ),
    "day_month": (
        rf"(?:{CLOCK},?\s+(?:(?i:on)\s+)?)?"
        rf"(?:(?P<wd>{WEEKDAY}),?\s+)?(?:(?i:the)\s+)?(?P<d>{DAY})(?:\s+(?i:of))?\s+(?P<mon>{MONTH})"
        rf"(?:,?\s+(?P<y>{YEAR}))?"
    ),
    "week_of": (
        rf"(?i:the\s+week(?:end)?\s+of)\s+(?P<mon>{MONTH})\s+(?P<d>{DAY})(?:,?\s+(?P<y>{YEAR}))?"
    ),
    # "the first Monday of October"; "the last Friday of the month", "the first Saturday of every
    # October" (any month's: no date)
    "nth_weekday_of": (
        r"(?i:the\s+(?P<n>first|second|third|fourth|fifth|last|final)"
        r"(?:\s+(?:and|or)\s+(?P<n2>first|second|third|fourth|fifth|last)|,\s+second)?)\s+"
        rf"(?P<wd>{WEEKDAY})s?\s+(?i:of|in)\s+(?:(?P<mon>{MONTH_ALONE})(?:,?\s+(?P<y>{YEAR}))?|"
        r"(?i:the|each|every|this|a)\s+month\b|(?i:each|every)\s+" + MONTH_ALONE + ")"
    ),
    # "the first week of June": the ISO week holding the month's first (or last) Thursday
    "nth_week_of": (
        r"(?i:the\s+(?P<n>first|second|third|fourth|last|final)\s+week\s+of)\s+"
        rf"(?P<mon>{MONTH_ALONE})(?:,?\s+(?P<y>{YEAR}))?"
    ),
    "month_year": rf"(?:{EDGE}[\s-]+)?(?P<mon>{MONTH})(?:\s+(?i:of))?,?\s+(?P<y>{YEAR})",
    "month_rel_year": rf"(?P<mon>{MONTH_ALONE})\s+(?P<rel>(?i:this|last|next))\s+(?i:year)\b",
    "month": (
        rf"(?:(?P<rel>(?i:last|next|this\s+past|this\s+coming|this|that|the\s+following|"
        rf"the\s+previous))\s+|{EDGE}[\s-]+)?(?P<mon>{MONTH_ALONE})"
    ),
    "year": (
        rf"(?:(?:(?P<fiscal>(?i:fiscal|calendar|the\s+year))|{EDGE})[\s-]+)?"
        rf"{_NOT_NUMBER_BEFORE}(?P<y>{YEAR}){_NOT_NUMBER_AFTER}"
    ),
    "decade": (
        rf"(?:(?i:the)\s+)?(?:{EDGE}[\s-]+)?(?:(?P<c>1[0-9]|20)(?P<d>[0-9])0|'(?P<d2>[0-9])0)'?s(?!\w)"
    ),
    "decade_word": (
        r"(?i:the)\s+(?:(?i:early|mid|late)[\s-]+)?(?:(?i:nineteen)[\s-]+)?"
        r"(?P<w>(?i:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))\b"
    ),
    "weekday": (
        rf"(?:(?P<clock>{CLOCK})\s+(?:\([^()]{{1,12}}\)\s+)?(?:(?i:on)\s+)?)?"
        r"(?:(?P<rel>(?i:last|next|this\s+coming|this\s+past|this|coming|the\s+previous|"
        r"the\s+following|early|late|earlier|later))\s+)?"
        rf"(?P<wd>{WEEKDAY})(?:\s+{PART_OF_DAY})?"
    ),
    "relative_day": (
        rf"(?:(?P<clock>{CLOCK})\s+)?(?:(?i:early|late|earlier|later)\s+)?"
        r"(?<![\w.@/-])(?P<w>(?i:the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|"
        r"today|tonight|"
        r"yesterday|tomorrow|this\s+morning|this\s+afternoon|this\s+evening|last\s+night))"
        rf"(?:\s+{PART_OF_DAY})?(?!\w)"
    ),
    "relative_unit": (
        r"(?:(?i:earlier|later|early|late|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|"
        r"the\s+middle\s+of|the\s+rest\s+of)\s+)?"
        r"(?<!(?i:the)\s)(?P<rel>(?i:this\s+past|this|last|next))\s+"
        r"(?P<unit>(?i:week|month|year|decade))(?![\w-])"
    ),
    # "earlier in the week", "later in the month": the week or month of the story.
    "in_the_unit": (
        r"(?i:earlier|later|early|late)\s+(?i:in)\s+the\s+(?P<unit>(?i:week|month))(?![\w'-])"
        r"(?!\s+(?i:before|after|of|that|when|ahead)\b)"
    ),
    # A weekend is placed as the ISO week it falls in ("over the weekend" = last week's).
    "weekend": (
        r"(?:(?i:early|late|earlier|later)\s+)?"
        r"(?P<rel>(?i:this\s+past|this\s+coming|the\s+past|the\s+coming|this|last|next|the))\s+"
        r"weekend(?![\w-])"
    ),
    "spoken_year": (
        rf"(?i:(?:the\s+year\s+)?(?P<h>nineteen|eighteen)[\s-]+(?P<t>{_TENS})"
        rf"(?:[\s-]+(?P<u>{_UNITS}))?\b|"
        rf"the\s+year\s+two\s+thousand(?:\s+(?:and\s+)?(?P<u2>{_UNITS}))?\b)"
    ),
    "this_year": (
        r"(?i:the\s+(?:current\s+fiscal|current|full|fiscal|latest\s+fiscal)\s+year)"
        r"(?![\w'-])"
    ),
    # "For the year, volume was flat", "the first nine months of the year": this year's figures.
    "for_the_year": (
        r"(?:"
        + "|".join(
            rf"(?<=\b{w}\s)"
            for w in ("for", "For", "months of", "half of", "end of", "rest of", "part of")
        )
        + r")(?i:the\s+year)(?![\w'-])"
        r"(?!\s+(?i:ended|ending|before|after|earlier|later|ago|that|when|in|to|of|since)\b)"
    ),
    # "by the end of the year", "since the start of the year": the story's year, its modifier kept.
    # (Not the month or the week: TimeML dates "the end of the month" as a day, and "the end of
    # the week" reads as a vague "soon" as often as a calendar week.)
    "edge_of_year": (
        r"(?i:the\s+(?:end|start|beginning|middle)\s+of\s+the\s+year|"
        r"(?:(?<=\bby\s)|(?<=\bat\s)|(?<=\bbefore\s)|(?<=\buntil\s))year['’]s\s+end)"
        r"(?![\w'-])(?!\s+(?i:ended|ending|before|after|earlier|later|ago|that|when|in|to|of|since)\b)"
    ),
    # "his first goal of the year", "later in the year": this year, said in lower case ("Player of
    # the Year" is an award); the resolver leaves out "this time of the year".
    "of_the_year": (
        r"(?:(?<=\bof\s)|(?<=\bearlier\sin\s)|(?<=\blater\sin\s))the\s+year(?![\w'-])"
        r"(?!\s+(?i:ended|ending|before|after|earlier|later|ago|that|when|in|to|of|since)\b)"
    ),
    "season": (
        rf"(?:(?P<rel>(?i:this\s+past|this\s+coming|this|that|last|next|the|early|late))\s+"
        r"(?:(?i:early|late)\s+)?)?"
        rf"(?P<s>{SEASON})(?:\s+(?:(?i:of)\s+)?(?P<y>{YEAR}))?(?![\w-])"
    ),
    # "the April-June quarter", "the July-September quarter of 2019": a quarter named by its months.
    "months_quarter": (
        rf"(?:(?i:the)\s+)?(?P<m1>{MONTH_ALONE})\s?[-–]\s?(?P<m2>{MONTH_ALONE})\s+(?i:quarter)\b"
        rf"(?:\s+(?:(?i:of)\s+)?(?P<y>{YEAR}))?"
    ),
    "quarter": (
        r"(?:(?P<rel>(?i:this\s+year's|last\s+year's|next\s+year's|this|last|next))\s+|"
        rf"(?:(?i:the|its|a)\s+)?(?:(?P<y1>{YEAR})\s+)?)?"
        r"(?:(?i:fiscal)[\s-]+)?(?P<q>" + QUARTER_ORD + r")[\s-]+(?i:quarter|qtr)\b"
        rf"(?:\s+(?:(?i:of)\s+)?(?:(?i:fiscal)\s+)?(?P<y2>{YEAR})|"
        r"\s+(?i:of)\s+(?P<yrel>(?i:this|last|next))\s+(?i:year))?"
    ),
    # "Q3", "Q4 2019", "Q1'20": the quarter in the short form of markets and tech news.
    "q_quarter": (
        rf"(?<![\w-])Q(?P<q>[1-4])(?:\s+(?P<y2>{YEAR})|\s?'(?P<ys>\d\d)|\s+(?i:of)\s+"
        r"(?P<yrel>(?i:this|last|next))\s+(?i:year))?(?![\w-])"
    ),
    # "the September quarter" (as Indian and Australian papers write it): the quarter ending then.
    "month_quarter": (rf"(?P<mon>{MONTH_ALONE})(?:[\s-]+(?P<y>{YEAR}))?[\s-]+(?i:quarter|qtr)\b"),
    "quarter_ref": (
        r"(?i:the|this|that|last\s+year's)\s+"
        r"(?:(?P<mod>(?i:current|latest|most\s+recent|recent|same|year-ago|year-earlier|"
        r"comparable|comparable\s+year-ago|comparable\s+year-earlier|previous|prior|"
        r"just-ended|just\s+ended|latest\s+fiscal|corresponding))\s+)?"
        rf"(?:(?P<y>{YEAR})\s+)?(?P<unit>(?i:quarter|period))\b"
        r"(?:\s+(?P<ago>(?i:(?:of\s+)?last\s+year|a\s+year\s+(?:ago|earlier)))\b)?"
    ),
    # "revenue rose last quarter", "next quarter's outlook": the quarter before or after the story's.
    "rel_quarter": (
        r"(?<!(?i:the)\s)(?P<rel>(?i:last|next))\s+(?i:quarter)(?![\w-])"
        r"(?!\s+(?i:of)\b)"
    ),
    "year_ago_adj": r"(?i:year-ago|year-earlier|a\s+year\s+ago|a\s+year\s+earlier)(?![\w-])",
    "ago": (
        rf"(?P<n>{COUNT})\s+(?P<unit>(?i:days?|weeks?|months?|years?))\s+"
        r"(?i:ago)\b"
    ),
    # "that night", "that evening" are left out: they name a moment of an event, not a calendar day.
    # "play again in three days": that many days after the story, when the clause looks ahead.
    "in_count": (
        rf"(?<=\b[Ii]n\s)(?P<n>{COUNT})\s+(?P<unit>(?i:days|weeks|months|years|day|week|month|year))"
        r"(?:(?:'|’)?\s+(?i:time))?(?![\w'-])(?!\s+(?i:of|from|after|before|since|when|that)\b)"
    ),
    "anaphor": (
        r"(?P<w>(?i:the\s+same\s+day|"
        r"later\s+in\s+the\s+day|earlier\s+in\s+the\s+day|"
        r"the\s+next\s+day|the\s+following\s+day|"
        r"the\s+previous\s+day|the\s+next\s+morning|the\s+following\s+morning|"
        r"that\s+year|the\s+same\s+year|later\s+that\s+year|"
        r"earlier\s+that\s+year|the\s+following\s+year|the\s+previous\s+year|"
        r"that\s+month|the\s+same\s+month|the\s+following\s+month|the\s+previous\s+month))\b"
    ),
    # The second day of "April 24 and 25", "Aug. 9-10": the resolver checks the month before it.
    "second_day": (
        r"(?<=[\s\-–])(?P<d>(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?)(?![\w%-]|[.,:]\d)"
        r"(?!\s+(?i:percent|per\b|points?|million|billion|thousand|hundred|people|others|times|"
        r"years?|days?|weeks?|months?|hours?|minutes?|of\b))"
        rf"(?:,?\s+(?P<y>{YEAR}))?"
    ),
    # "9/11", "post-9/11": the day of the 2001 attacks (not "went 9/11 from the field").
    "nine_eleven": r"(?<![\w/.,])9/11(?![\d/]|\s+(?i:from|shooting|on\s+(?:field|free)))",
    # A time of day alone ("at 10 p.m.") is no item of its own; matched so its number is no day.
    "clock": rf"(?<!(?i:high)\s)(?P<clock>{CLOCK}|(?i:midday)\b)",
    "holiday": (
        r"(?:(?P<rel>(?i:this\s+past|this\s+coming|this|last|next))\s+)?"
        rf"(?P<h>{HOLIDAY})(?![\w'’-])(?:,?\s+(?P<y>{YEAR}))?"
    ),
}

COMPILED: dict[str, re.Pattern[str]] = {name: re.compile(p) for name, p in PATTERNS.items()}


def day_number(word: str) -> int:
    """The day of the month a numeral or spoken ordinal ("9th", "twenty-first") stands for."""
    digits = re.sub(r"\D", "", word)
    return int(digits) if digits else DAY_ORDINAL_NUMBER["-".join(word.lower().split())]


def weekday_number(word: str) -> int:
    return WEEKDAY_NUMBER[word.lower()[:3]]


def count_number(word: str) -> int:
    w = word.lower()
    return int(w) if w.isdigit() else COUNT_NUMBER[w]


def season_code(word: str) -> str:
    return {"spr": "SP", "sum": "SU", "fal": "FA", "aut": "FA", "win": "WI"}[word.lower()[:3]]


Found = tuple[int, int, str, re.Match[str]]  # start, end, pattern name, match
_ORDER = {name: i for i, name in enumerate(COMPILED)}


def _longest_first(found: list[Found]) -> list[Found]:
    """The non-overlapping matches, longer ones winning, in text order."""
    found = sorted(found, key=lambda f: (-(f[1] - f[0]), _ORDER[f[2]], f[0]))
    taken: list[Found] = []
    for f in found:
        if all(f[1] <= t[0] or f[0] >= t[1] for t in taken):
            taken.append(f)
    return sorted(taken, key=lambda f: f[0])


def _candidates(text: str) -> list[Found]:
    return [
        (m.start(), m.end(), name, m)
        for name, pattern in COMPILED.items()
        for m in pattern.finditer(text)
        if m.end() > m.start()
    ]


def find_all(text: str) -> list[Found]:
    """Every candidate expression in `text`, overlaps resolved longest-first, in text order."""
    return _longest_first(_candidates(text))


def find_nested(text: str) -> list[tuple[Found, list[Found]]]:
    """Like `find_all`, each with the shorter matches inside it, to fall back on.

    "the 1988 period" is a quarter only in an earnings story; elsewhere its "1988" still counts.
    """
    found = _candidates(text)
    return [
        (
            outer,
            _longest_first(
                [f for f in found if outer[0] <= f[0] and f[1] <= outer[1] and f != outer]
            ),
        )
        for outer in _longest_first(found)
    ]
