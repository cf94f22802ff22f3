"""Turn a plain-text page dump into lines the cleaner can score: Markdown stripped, wrapping undone.

Dumps come from many tools: `lynx -dump` and html2text hard-wrap paragraphs near 80 columns,
html2text writes Markdown, inscriptis indents lists with `*`, `o` and `-`, BeautifulSoup's
`get_text(" ")` puts a whole page on one line. Each case is brought back to one story unit a line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tui.calendar_words import MONTH_NAME
from tui.ingest.links import safe_target
from tui.ingest.text_links import lynx_references, reference_definitions, strip_lynx_marks
from tui.model import BlockKind

# A line this long with no line breaks around it is a whole page flattened: split it into sentences.
_BLOB_CHARS = 1500

# Bounded lengths keep these linear on hostile input (a line of thousands of "[").
# A word as the dump scorers count them: letters or digits, with inner apostrophes and hyphens.
WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")
_IMAGE = re.compile(
    r"!\[[^\]]{0,300}\]\([^)\s]{0,500}(?:\s+\"[^\"]{0,300}\")?\)|!\[[^\]]{0,300}\]\[[^\]]{0,100}\]"
)
# lynx shows an image without alt text as its file name in brackets: "[photo-1.jpg?w=640]".
_LYNX_IMAGE = re.compile(
    r"\[[^\]\s]{0,300}\.(?:jpe?g|png|gif|webp|svg|avif)(?:[?#][^\]]{0,300})?\](?![(\[])",
    re.IGNORECASE,
)
# A target may hold one level of parentheses (Wikipedia's "Paris_(France)").
_LINK = re.compile(
    r"\[([^\]]{0,500})\]\(\s*<?((?:[^()\s]|\([^()\s]{0,200}\)){0,500}?)>?"
    r"(?:\s+\"[^\"]{0,300}\")?\s*\)"
)
_REF_LINK = re.compile(r"\[([^\]]{1,500})\]\[([^\]]{0,100})\]")
_REF_DEF = re.compile(r"^\s*\[[^\]]+\]:\s+\S+")
_AUTOLINK = re.compile(r"<(?:https?|mailto):[^>\s]+>")
_BOLD = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_ITALIC_STAR = re.compile(r"(?<![\w*])\*(?=\S)([^*]+?)(?<=\S)\*(?![\w*])")
_ITALIC_UNDER = re.compile(r"(?<!\w)_(?=\S)([^_]+?)(?<=\S)_(?!\w)")
_STRAY_MARKS = re.compile(r"(?<!\w)(?:\*\*+|__+)(?!\w)|(?<=\w)\*\*(?=\s|$)|(?<=\s)\*\*(?=\w)")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~])")
_HEADING = re.compile(r"^#{1,6}\s+(.*?)\s*#*\s*$")
_QUOTE = re.compile(r"^>\s?(.*)$")
_BULLET = re.compile(r"^(?:[*+•·▪●◦‣-]\s+(.*)|(\d{1,3}[.)]\s+.*))$")
_INDENTED_O = re.compile(r"^\s{2,}o\s+(.*)$")
# No two `\s*` can share a run of spaces (`\s*\|?\s*` would), so a line of 100,000 tabs stays linear.
_TABLE_RULE = re.compile(r"^\s*(?:\|\s*)?:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*(?:\|\s*)?$")
_HRULE = re.compile(r"^\s*(?:[-*_=~]\s*){3,}$")
# A wire story's section break ("___" between its parts, as AP writes it): a line of the story.
_SECTION_BREAK = re.compile(r"^\s*(?:_|\\_){3,5}\s*$")
_SENTENCE_END = re.compile(r"(?<=[.!?…。！？])[\"”’)\]]?\s+(?=[\"“‘(\[]?[A-ZÀ-ÖØ-ÞА-ЯЁ])")
# An ad label that a flattened page glued before the next sentence.
_GLUED_AD = re.compile(r"^(?:advertisement|advertising|ad)\s+(?=[A-Z“\"])", re.IGNORECASE)
# A unit after a credit's closing parenthesis that opens on a lynx link ("[12]In this photo ..."):
# the next caption of a gallery, not the same paragraph.
_LYNX_MARK_START = re.compile(r"^\s*\[\d{1,5}\]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u3000]+")


@dataclass(slots=True)
class Line:
    """One unit of the dump: its text without Markdown, how it renders, and hints from the raw."""

    text: str
    kind: BlockKind = "p"
    link_ratio: float = 0.0  # share of characters that were Markdown link text
    table: bool = False
    gap_before: bool = True  # a blank line (or the start) comes before it
    indent: int = 0
    sentence: bool = False  # cut from a flattened page: one sentence, not a paragraph
    dateline: bool = False  # a flattened page's wire dateline opens it: the story's first line
    links: list[tuple[str, str]] = field(default_factory=list)  # (link text, target), in order


def strip_inline_markdown(
    text: str,
    links: list[tuple[str, str]] | None = None,
    definitions: dict[str, str] | None = None,
) -> tuple[str, float]:
    """Markdown inline syntax removed (links -> their text, images dropped); also the link share.

    Each link's (text, safe target) is appended to `links` when given; `definitions` resolves
    reference links (`[text][label]`).
    """
    text = _LYNX_IMAGE.sub("", _IMAGE.sub("", text))
    link_chars = 0

    def _link_text(m: re.Match[str]) -> str:
        nonlocal link_chars
        link_chars += len(m.group(1))
        if links is not None:
            if m.re is _LINK:
                target = safe_target(m.group(2))
            else:
                label = (m.group(2) or m.group(1)).strip().lower()
                target = (definitions or {}).get(label)
            if target:
                links.append((strip_inline_markdown(m.group(1))[0], target))
        return m.group(1)

    text = _LINK.sub(_link_text, text)
    text = _REF_LINK.sub(_link_text, text)
    text = _AUTOLINK.sub("", text)
    for _ in range(2):
        text = _BOLD.sub(r"\2", text)
    text = _ITALIC_STAR.sub(r"\1", text)
    text = _ITALIC_UNDER.sub(r"\1", text)
    text = _STRAY_MARKS.sub("", text)
    text = _ESCAPE.sub(r"\1", text)
    text = _SPACES.sub(" ", text).strip()
    ratio = min(1.0, link_chars / len(text)) if text else 0.0
    return text, ratio


def _abbreviation_before(text: str, pos: int) -> bool:
    """Whether the word ending at `pos` (a full stop) is an abbreviation such as Mr. or U.S."""
    start = text.rfind(" ", 0, pos) + 1
    if start == pos:
        return False  # a full stop after a space ("... by DigiTimes . A preview"): a sentence's end
    word = text[start:pos].rstrip('."”’)]')
    return len(word) <= 1 or (word[:1].isupper() and len(word) <= 4 and not word.isupper())


def split_sentences(text: str) -> list[str]:
    """A long flattened text cut at sentence ends (not after abbreviations such as Mr. or Ont.)
    and after a story's date stamp and byline, which end no sentence."""
    pieces: list[str] = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        end = m.start()
        if text[end - 1] == "." and _abbreviation_before(text, end - 1):
            continue
        pieces.append(text[start:end].strip())
        start = m.end()
    pieces.append(text[start:].strip())
    return [cut for piece in pieces if piece for cut in _after_stamp(piece)]


# A story's stamp and byline in a flattened page, the menus before it and the story's first
# sentence after it: "... Mac Pro Monday November 18, 2019 7:45 am PST by Jo Doe Following the ...".
_STAMP_BYLINE = re.compile(
    rf"\b{MONTH_NAME}\.? \d{{1,2}}, \d{{4}},? (?:at )?\d{{1,2}}:\d{{2}} ?(?:[ap]\.?m\.?)?"
    r"(?: [A-Z]{2,4})? [Bb]y [A-Z][\w'-]+(?: [A-Z]\.)? [A-Z][\w'-]+ (?=[A-Z][a-z])"
)
_STAMP_AFTER_WORDS = 8


def _after_stamp(piece: str) -> list[str]:
    """`piece` cut after a stamp and byline that come after its first words."""
    m = _STAMP_BYLINE.search(piece)
    if m is None or len(piece[: m.start()].split()) < _STAMP_AFTER_WORDS:
        return [piece]
    return [piece[: m.end()].strip(), piece[m.end() :]]


# A lynx line ends a paragraph when the next line's first word would have fitted on it; a
# wrapper breaks a little short of its width now and then (a hyphen, a wide mark).
_WRAP_SLACK = 3
_LYNX_HEADING_WORDS = 30
_DATELINE_FROM = 40  # a dateline this far into a unit, not opening it
_FLAT_BLOB_CHARS = 600  # a unit cut at a dateline is cut into sentences from this length


def _is_wrapped(lines: list[str]) -> bool:
    """Whether the dump was hard-wrapped near 80 columns (html2text, lynx): few lines run longer.

    Lines holding a URL, a table or a list item are left out: wrapping often spares those.
    """
    lengths = [
        len(x.rstrip())
        for x in lines
        if x.strip()
        and "http" not in x
        and "](" not in x
        and "|" not in x
        and not _BULLET.match(x.strip())
    ]
    near = sum(1 for n in lengths if 60 <= n <= 82)
    longer = sum(1 for n in lengths if n > 82)
    return near >= 5 and longer <= 0.2 * near


def _marker(raw: str) -> tuple[BlockKind, str]:
    """The block kind a raw line's leading syntax announces, and the line without it."""
    stripped = raw.strip()
    if m := _HEADING.match(stripped):
        return "h", m.group(1)
    if m := _QUOTE.match(stripped):
        return "quote", m.group(1)
    if m := _INDENTED_O.match(raw):
        return "li", m.group(1)
    if m := _BULLET.match(stripped):
        return "li", m.group(1) or m.group(2)  # an ordered item keeps its number
    return "p", stripped


def _starts_new_unit(raw: str) -> bool:
    """Whether a wrapped line begins its own unit rather than continuing the previous one."""
    stripped = raw.strip()
    return bool(
        _HEADING.match(stripped)
        or _BULLET.match(stripped)
        or _INDENTED_O.match(raw)
        or "|" in stripped
        or _HRULE.match(stripped)
    )


def _is_lynx(lines: list[str]) -> bool:
    """Whether most text lines carry lynx's three-space margin (lynx fills its lines greedily;
    html2text leaves Markdown links whole, so its short lines say less)."""
    text = [x for x in lines if x.strip()]
    return sum(x.startswith("   ") for x in text) >= 0.6 * max(1, len(text))


def _wrap_width(lines: list[str]) -> int:
    """The column the dump was wrapped at: the longest of most of its lines (lynx ~78)."""
    lengths = sorted(len(x.rstrip()) for x in lines if x.strip() and "http" not in x)
    return lengths[int(0.95 * (len(lengths) - 1))] if lengths else 80


def _unwrap(lines: list[str]) -> list[tuple[str, bool]]:
    """Hard-wrapped lines joined back into units; each with whether a blank line preceded it."""
    units: list[tuple[str, bool]] = []
    gap = True
    prev_len = 0
    width = _wrap_width(lines) if _is_lynx(lines) else 0  # 0: every line counts as full
    for raw in lines:
        if not raw.strip():
            gap = True
            prev_len = 0
            continue
        length = len(raw.rstrip())
        joinable = (
            not gap
            and prev_len >= 45
            and prev_len + 1 + len(raw.split()[0]) > width - _WRAP_SLACK  # it did not fit there
            and units
            and not _starts_new_unit(raw)
            and not (_LYNX_MARK_START.match(raw) and units[-1][0].rstrip().endswith(")"))
        )
        if joinable:
            text, g = units[-1]
            cont = _QUOTE.sub(r"\1", raw.strip()) if text.lstrip().startswith(">") else raw.strip()
            units[-1] = (text.rstrip() + " " + cont, g)
        else:
            units.append((raw.rstrip(), gap))
        gap = False
        prev_len = length
    return units


# A wire story's dateline: "LONDON (AP) — ", "NEW DELHI (Reuters) - ".
_WIRE_DATELINE = re.compile(
    r"\b[A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+){0,3},?(?: [A-Z][a-z.]+)? "
    r"\((?:AP|Reuters|AFP|UPI|Bloomberg|CNN|dpa|Xinhua)\) ?[—–-]+ "
)


def _split_at_datelines(units: list[tuple[str, bool]]) -> list[tuple[str, bool, bool, bool]]:
    """A unit cut before a wire dateline inside it: a page flattened without line breaks runs its
    menus, headline and byline into the story's first sentence ("... Associated Press LONDON (AP)
    — Britain's ..."), and the story starts there."""
    out: list[tuple[str, bool, bool, bool]] = []  # (text, gap before, flattened, dateline)
    for raw, gap in units:
        m = _WIRE_DATELINE.search(raw, _DATELINE_FROM)
        if m is not None and raw[: m.start()].strip():
            out += [
                (raw[: m.start()].rstrip(), gap, True, False),
                (raw[m.start() :], True, True, True),
            ]
        else:
            out.append((raw, gap, False, False))
    return out


def dump_lines(text: str) -> list[Line]:
    """The dump as scored units: one a paragraph, heading, list item or sentence of a flat page."""
    raw_lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    refs, end = lynx_references(raw_lines)
    raw_lines = raw_lines[:end]  # lynx's list of link targets is never story
    definitions = reference_definitions(raw_lines)
    lynx = _is_lynx(raw_lines)
    if _is_wrapped(raw_lines):
        units = _unwrap(raw_lines)
    else:
        units = []
        gap = True
        for raw in raw_lines:
            if not raw.strip():
                gap = True
                continue
            units.append((raw.rstrip(), gap))
            gap = False
    out: list[Line] = []
    for raw, gap, flat, dateline in _split_at_datelines(units):
        if _SECTION_BREAK.match(raw):
            out.append(Line("___", "p", gap_before=gap))
            continue
        if _TABLE_RULE.match(raw) or _HRULE.match(raw) or _REF_DEF.match(raw):
            continue
        links: list[tuple[str, str]] = []
        raw = strip_lynx_marks(raw, refs, links) if refs else raw
        indent = len(raw) - len(raw.lstrip())
        kind, body = _marker(raw.replace("\t", "    "))
        if lynx and indent == 0 and kind == "p" and len(body.split()) <= _LYNX_HEADING_WORDS:
            kind = "h"  # lynx sets headings at the margin, the text three columns in
        table = body.count("|") >= 2
        if table:
            body = " ".join(cell.strip() for cell in body.split("|") if cell.strip())
        clean, link_ratio = strip_inline_markdown(body, links, definitions)
        if not clean or not any(ch.isalnum() for ch in clean):
            continue
        if len(clean) > (_FLAT_BLOB_CHARS if flat else _BLOB_CHARS):
            for i, sentence in enumerate(split_sentences(clean)):
                sentence = _GLUED_AD.sub("", sentence)
                first = i == 0
                out.append(
                    Line(
                        sentence,
                        "p",
                        link_ratio,
                        False,
                        gap and first,
                        indent,
                        True,
                        dateline and first,
                    )
                )
            continue
        if links and not link_ratio:  # lynx's links, which Markdown did not count
            link_ratio = min(1.0, sum(len(label) for label, _ in links) / len(clean))
        out.append(Line(clean, kind, link_ratio, table, gap, indent, links=links))
    return out
