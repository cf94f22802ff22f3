"""The links of a story body: found by each extractor in its own blocks, then placed in the final
paragraphs (after the title's repeat and overlong paragraphs were cut), with safe targets only.

Extractors collect `(link text, target)` pairs a block at a time; `block_links` turns one block's
pairs into offsets, and `place_links` maps them onto the paragraphs the article keeps.
"""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

from tui.model import Extracted, Link
from tui.sanitize import clean_terminal_text

_SCHEMES = ("http", "https", "mailto")
_URL_MAX = 2000
_TEXT_MAX = 300
_SPACES = re.compile(r"\s+")


def safe_target(href: str | None, base: str | None = None) -> str | None:
    """An absolute http(s) or mailto target for `href` (made absolute against `base`), else None.

    Script, data and file targets, fragments of the page itself and control characters never pass.
    """
    if not href:
        return None
    href = clean_terminal_text(href).strip()
    if not href or href.startswith("#") or len(href) > _URL_MAX or any(c.isspace() for c in href):
        return None
    try:
        target = urljoin(base, href) if base and _absolute(base) else href
        parts = urlsplit(target)
    except ValueError:
        return None
    if parts.scheme.lower() not in _SCHEMES:
        return None
    if parts.scheme.lower() != "mailto" and not parts.netloc:
        return None
    return target


def _absolute(url: str) -> bool:
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.netloc)


def block_links(block: int, text: str, pairs: list[tuple[str, str]]) -> list[Link]:
    """The pairs found in one block, in order, located in its text (a pair not found is dropped)."""
    links: list[Link] = []
    cursor = 0
    for label, url in pairs:
        label = _SPACES.sub(" ", label).strip()
        if not label or len(label) > _TEXT_MAX or not any(ch.isalnum() for ch in label):
            continue
        at = text.find(label, cursor)
        if at < 0:
            at = text.find(label)  # the page repeats a link earlier in the block
            if at < 0 or any(k.start <= at < k.end for k in links):
                continue
        links.append(Link(block, at, at + len(label), label, url))
        cursor = at + len(label)
    return sorted(links, key=lambda k: k.start)


def place_links(ex: Extracted) -> None:
    """Move `ex.links` from the extractor's blocks onto `ex.paragraphs` (in place).

    A final paragraph is the block itself, a piece of it (an overlong block cut in parts) or, when
    a block was merged, holds it; a link whose text changed on the way is dropped.
    """
    blocks = ex.link_blocks
    ex.link_blocks = []
    if not ex.links or not blocks:
        ex.links = []
        return
    by_block: dict[int, list[Link]] = {}
    for link in ex.links:
        if 0 <= link.paragraph < len(blocks):
            by_block.setdefault(link.paragraph, []).append(link)
    where: dict[str, int] = {}
    for i, text in enumerate(blocks):
        where.setdefault(text.strip(), i)
    placed: list[Link] = []
    used: set[tuple[int, int]] = set()
    cursors = dict.fromkeys(by_block, 0)  # how far each linked block has been matched
    for j, paragraph in enumerate(ex.paragraphs):
        for block, shift in _sources(paragraph, blocks, where, cursors):
            for link in by_block.get(block, []):
                start = link.start + shift
                end = start + len(link.text)
                if (block, link.start) in used or start < 0 or end > len(paragraph):
                    continue
                if paragraph[start:end] != link.text:
                    continue
                used.add((block, link.start))
                placed.append(Link(j, start, end, link.text, link.url))
    ex.links = sorted(placed, key=lambda k: (k.paragraph, k.start))


def _sources(
    paragraph: str, blocks: list[str], where: dict[str, int], cursors: dict[int, int]
) -> list[tuple[int, int]]:
    """The linked blocks a final paragraph came from, each with the shift from block offsets to
    paragraph offsets. Pieces of one block come in order, so each block is searched from where its
    last piece ended: linear even for a huge paragraph cut in thousands of pieces."""
    key = paragraph.strip()
    if key in where:
        block = where[key]
        if block not in cursors:
            return []
        return [(block, paragraph.find(key) - blocks[block].find(key))]
    found: list[tuple[int, int]] = []
    for i, cursor in cursors.items():
        text = blocks[i]
        at = text.find(key, cursor) if key else -1
        if at >= 0:  # a piece of an overlong block
            cursors[i] = at + len(key)
            found.append((i, paragraph.find(key) - at))
        elif (inner := text.strip()) and len(inner) < len(paragraph) and inner in paragraph:
            found.append((i, paragraph.find(inner) - text.find(inner)))
    return found
