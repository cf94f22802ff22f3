"""Links in plain-text dumps: Markdown's reference definitions and `lynx -dump`'s numbered links.

lynx writes a link as `[12]Link text` and lists the targets at the end under "References"
(`  12. https://…`). The markers are taken out of the text (they are no part of the story and
break names: "[11]Tomas Whelan"), and each becomes a link on the words after it.
"""

from __future__ import annotations

import re

from tui.ingest.links import safe_target

_REF_DEF = re.compile(r"^\s{0,3}\[([^\]]{1,100})\]:\s+<?(\S{1,2000}?)>?(?:\s+[\"'(].*)?\s*$")
_LYNX_HEADING = re.compile(r"^\s*References\s*$")
_LYNX_PART = re.compile(r"^\s*(?:Visible|Hidden) links:?\s*$")
# lynx writes a target's spaces as they are ("…?utm_campaign=Footer Credit", "javascript:f( 'x' )").
_LYNX_ENTRY = re.compile(r"^\s*(\d{1,5})\.\s+(\S.{0,2000})$")  # on the line without its end spaces
_LYNX_MARK = re.compile(r"\[(\d{1,5})\](?=\S)")
# A lynx link's words: up to the next mark, clause punctuation or closing quote; at most 8 words.
_LYNX_LABEL = re.compile(r"[^\[\],.;:!?()“”\"]{1,200}")
_LABEL_WORDS = 8


def reference_definitions(lines: list[str]) -> dict[str, str]:
    """Markdown's `[label]: target` lines as label (lower case) -> safe target."""
    defs: dict[str, str] = {}
    for line in lines:
        if "]:" in line and (m := _REF_DEF.match(line)):
            target = safe_target(m.group(2))
            if target:
                defs.setdefault(m.group(1).strip().lower(), target)
    return defs


def lynx_references(lines: list[str]) -> tuple[dict[str, str | None], int]:
    """lynx's numbered targets ("12" -> URL, None for an unsafe one such as `file:`) and the line
    where its list starts (len(lines) if none).

    Only the last "References" heading counts, and only when numbered entries follow it. A
    target may run over several lines (a share button's `mailto:?body=` holds the story's title
    and address on lines of their own): entries are taken while their numbers run on in order.
    """
    for i in range(len(lines) - 1, -1, -1):
        if _LYNX_HEADING.match(lines[i]):
            refs: dict[str, str | None] = {}
            last = 0
            for line in lines[i + 1 :]:
                m = _LYNX_ENTRY.match(line.rstrip())
                if m and (not refs or int(m.group(1)) == last + 1):
                    refs[m.group(1)] = safe_target(m.group(2).replace(" ", "%20"))
                    last = int(m.group(1))
                elif not refs and line.strip() and not _LYNX_PART.match(line):
                    break
            return (refs, i) if refs else ({}, len(lines))
    return {}, len(lines)


def strip_lynx_marks(text: str, refs: dict[str, str | None], links: list[tuple[str, str]]) -> str:
    """`text` without lynx's `[n]` marks; each mark's link (its words, target) goes to `links`."""
    if "[" not in text:
        return text
    out: list[str] = []
    cursor = 0
    for m in _LYNX_MARK.finditer(text):
        if m.group(1) not in refs:
            continue
        out.append(text[cursor : m.start()])
        cursor = m.end()
        label = _LYNX_LABEL.match(text, cursor)
        target = refs[m.group(1)]
        if label and target:
            words = label.group(0).split()[:_LABEL_WORDS]
            if words:
                links.append((" ".join(words), target))
    out.append(text[cursor:])
    return "".join(out)
