"""Bound paragraph length: a paragraph over 20,000 characters is cut into pieces at sentence ends.

No story paragraph is that long; such a "paragraph" is a whole page on one line kept by --no-clean,
or a hostile input. Left whole it would exceed spaCy's one-million-character limit (an error that
fails the whole batch) or need gigabytes for its parse.
"""

from __future__ import annotations

import re

from tui.model import BlockKind

MAX_PARAGRAPH_CHARS = 20_000
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*\s")


def split_overlong(
    paragraphs: list[str], kinds: list[BlockKind]
) -> tuple[list[str], list[BlockKind]]:
    """Paragraphs and their kinds, every paragraph over the limit cut into pieces within it."""
    if all(len(p) <= MAX_PARAGRAPH_CHARS for p in paragraphs):
        return paragraphs, kinds
    out_paragraphs: list[str] = []
    out_kinds: list[BlockKind] = []
    for paragraph, kind in zip(paragraphs, kinds, strict=True):
        pieces = cut(paragraph) if len(paragraph) > MAX_PARAGRAPH_CHARS else [paragraph]
        out_paragraphs += pieces
        out_kinds += [kind] * len(pieces)
    return out_paragraphs, out_kinds


def cut(text: str, limit: int = MAX_PARAGRAPH_CHARS) -> list[str]:
    """Pieces of at most `limit` characters: at the last sentence end in the second half of each
    window, else at its last space, else (one endless word) at the limit itself."""
    pieces: list[str] = []
    start = 0
    while len(text) - start > limit:
        window = text[start : start + limit]
        ends = [m.end() for m in _SENTENCE_END.finditer(window, limit // 2)]
        end = ends[-1] if ends else window.rfind(" ", limit // 2) + 1 or limit
        pieces.append(text[start : start + end].strip())
        start += end
    pieces.append(text[start:].strip())
    return [p for p in pieces if p]
