"""trafilatura's XML -> body blocks, and the pass that drops the furniture it still keeps.

Blocks keep their kind ("p", "h", "quote", "li") so the reader can show structure; pruning drops a
heading repeating the title, captions, link lists ("related stories"), and short prompts
(newsletter, share, copyright) matched by `_BOILERPLATE`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

from tui.ingest.text_furniture import site_voice_hits
from tui.ingest.text_score import is_bio
from tui.model import BlockKind, Caption

_SPACES = re.compile(r"\s+")
_WORD = re.compile(r"\w+")
# Blocks of up to 30 words made of these are site furniture, not story (case-insensitive).
_BOILERPLATE = re.compile(
    r"^(?:advertisement|\[?related(?: (?:articles?|stories|coverage|content|links))?(?::.*)?"
    r"|read more\b.*|(?:also )?read(?: also)?:.*|see also:.*|.*\bclick here\b.*"
    r"|leggi anche\b.*|lire aussi\b.*|lesen sie auch\b.*|leia também\b.*|lee también\b.*"
    r"|.*\bnewsletters?|(?:sign up|subscribe) (?:for|to) .*\bnewsletter\b.*"
    r"|thanks? (?:you )?for signing up\b.*|.*\byour subscription\b.*"
    r"|.*\b(?:keep an eye on|delivered to|straight to|in) your inbox\b.*"
    r"|share (?:this|on)\b.*|.*\bfollow (?:us|him|her|them|me) on\b.*|.*\ball rights reserved\b.*"
    r"|follow\b.{0,80}\bon (?:twitter|facebook|instagram|linkedin|youtube|tiktok)\b.*"
    r"|get access to\b.*|join (?:our|us)\b.*|more (?:from )?\w+(?: \w+)?: https?://.*"
    r"|follow\b.{0,40}\bcoverage\b.*"
    r"|copyright\s+(?:[\w.-]+\s+)?(?:©|ⓒ|\(c\)|\d{4}).*|[©ⓒ].*"
    r"|write to .* at \S+@\S+|print article|order reprints"
    r"|this article has been sent to\b.*|an error has occurred\b.*|https?://\S+"
    r"|subscribe\b.*|.*\bsubscribe (?:now|today|here)\b.*"
    r"|.*\bfor your personal,? non-commercial use\b.*)$",
    re.IGNORECASE,
)
# Blocks of up to 8 words made of these are furniture too (too common in prose to match longer).
_SHORT_FURNITURE = re.compile(
    r"^(?:sorry!?|thank you!?|updated(?: at| on)?:? .*\d.*|more:.*"
    r"|most (?:read|popular|viewed|shared)\b.*"
    # a time stamp and a byline: "5:45 AM PST 11/19/2019 by Jane Doe"
    r"|.*\d.*\bby\s+(?-i:[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}))$",
    re.IGNORECASE,
)
_MAX_SHORT_WORDS = 8
_MAX_BOILERPLATE_WORDS = 30
_SHORT_CHARS = 25  # a trailing block shorter than this is a label, not the story's last paragraph
# ... unless it is a sentence ("Thanks, Jo!", "Version tested: PC.").
_SENTENCE = re.compile(r"\w[^.!?]*\s\S+[.!?][\"”’)]?$")
_MIN_SHORT_BODY_WORDS = 10
_MAX_TEASER_WORDS = 40
_TEASER_RUN = 3
# The page's own prose is dropped from the end while it holds at most this share of the words.
_TAIL_SHARE = 0.7


@dataclass(slots=True)
class Block:
    """One body block: its text, kind, and how much of it is link text (set from the page)."""

    text: str
    kind: BlockKind
    link_chars: int = 0
    link_lead: int = 0  # characters of link text the block starts with

    @property
    def is_teaser(self) -> bool:
        """A linked headline with its standfirst after it: another story's teaser."""
        words = len(self.text.split())
        return 4 <= words <= _MAX_TEASER_WORDS and self.link_lead >= 0.25 * len(self.text)

    @property
    def link_share(self) -> float:
        return self.link_chars / len(self.text) if self.text else 0.0


def clean(text: str) -> str:
    """Collapse whitespace runs to one space and trim."""
    return _SPACES.sub(" ", text).strip()


def norm(text: str) -> str:
    """Lower-cased words only: for comparing texts that differ in punctuation and spacing."""
    return " ".join(_WORD.findall(text.lower()))


def xml_blocks(doc: etree._Element) -> list[Block]:
    """Walk trafilatura's XML body into blocks, splitting on line breaks."""
    main = doc.find("main")
    if main is None:
        main = doc
    out: list[Block] = []
    if main.text and main.text.strip():
        out.append(Block(clean(main.text), "p"))
    for elem in main:
        _walk(elem, "p", out)
        # trafilatura leaves bare text between blocks as tails; it is body text too.
        if elem.tail and elem.tail.strip():
            out.append(Block(clean(elem.tail), "p"))
    return [b for b in out if b.text]


def _walk(elem: etree._Element, kind: BlockKind, out: list[Block]) -> None:
    """Append the blocks of one XML element; nested lists and quotes keep the outer kind."""
    tag = elem.tag
    if tag in ("graphic", "comments"):
        return
    if tag == "table":
        # A story's results, schedule or statistics: a row a block, its cells apart (" | ") so a
        # position and a name ("DL | Jo Doe") are never read as one name.
        for row in elem.findall("row"):
            cells = (clean(" ".join(cell.itertext())) for cell in row if cell.tag == "cell")
            out.append(Block(" | ".join(c for c in cells if c), kind))
    elif tag == "head":
        out.extend(_inline_blocks(elem, "h"))
    elif tag == "list":
        for item in elem:
            _walk(item, "li" if kind == "p" else kind, out)
    elif tag == "quote":
        if any(child.tag in ("p", "list", "quote", "head") for child in elem):
            if elem.text and elem.text.strip():
                out.append(Block(clean(elem.text), "quote"))
            for child in elem:
                _walk(child, "quote", out)
                if child.tail and child.tail.strip():
                    out.append(Block(clean(child.tail), "quote"))
        else:
            out.extend(_inline_blocks(elem, "quote"))
    elif tag == "item" and any(child.tag in ("list", "p") for child in elem):
        text = clean(elem.text or "")
        if text:
            out.append(Block(text, kind))
        for child in elem:
            _walk(child, kind, out)
            if child.tail and child.tail.strip():
                out.append(Block(clean(child.tail), kind))
    else:
        out.extend(_inline_blocks(elem, kind))


def _inline_blocks(elem: etree._Element, kind: BlockKind) -> list[Block]:
    """The text of one block element, split into blocks at its `<lb/>` line breaks."""
    parts: list[list[str]] = [[]]

    def visit(node: etree._Element) -> None:
        if node.tag == "lb":
            parts.append([])
        else:
            parts[-1].append(node.text or "")
            for child in node:
                visit(child)
        if node is not elem and node.tail:
            parts[-1].append(node.tail)

    visit(elem)
    texts = (clean("".join(words)) for words in parts)
    return [Block(text, kind) for text in texts if text]


def prune_blocks(
    blocks: list[Block],
    *,
    title: str | None,
    description: str | None = None,
    captions: list[Caption] | None = None,
) -> list[Block]:
    """Drop the furniture trafilatura keeps: the title again, captions, link lists, prompts."""
    title_norm = norm(title or "")
    description_norm = norm(description or "")
    caption_norms = {norm(c.text) for c in captions or []} | {
        norm(f"{c.text} {c.credit}") for c in captions or [] if c.credit
    }
    kept: list[Block] = []
    for block in blocks:
        key = norm(block.text)
        if not key:
            continue
        # A heading before the story's first paragraph repeating the title or the standfirst.
        if (
            block.kind == "h"
            and not any(b.kind == "p" for b in kept)
            and any(_similar(key, other) for other in (title_norm, description_norm) if other)
        ):
            continue
        if key in caption_norms:
            continue
        words = len(key.split())
        if block.kind == "li" and block.link_share >= 0.6:
            continue
        if block.kind == "p" and block.link_share >= 0.9 and words <= _MAX_BOILERPLATE_WORDS:
            continue
        if words <= _MAX_BOILERPLATE_WORDS and _BOILERPLATE.match(block.text):
            continue
        if len(block.text.split()) <= _MAX_SHORT_WORDS and _SHORT_FURNITURE.match(block.text):
            continue
        kept.append(block)
    return _trim_tail(_drop_teasers(kept))


def _drop_teasers(blocks: list[Block]) -> list[Block]:
    """Drop runs of other stories' teasers: three in a row anywhere, or two or more at the end."""
    keep = [True] * len(blocks)
    i = 0
    while i < len(blocks):
        if not blocks[i].is_teaser:
            i += 1
            continue
        j = i
        while j < len(blocks) and blocks[j].is_teaser:
            j += 1
        if j - i >= _TEASER_RUN or (j == len(blocks) and j - i >= 2):
            keep[i:j] = [False] * (j - i)
        i = j
    return [b for b, k in zip(blocks, keep, strict=True) if k]


def _similar(a: str, b: str) -> bool:
    """True when two normalised strings are the same headline (one contains the other)."""
    return a == b or (len(a) > 20 and len(b) > 20 and (a in b or b in a))


def _trim_tail(blocks: list[Block]) -> list[Block]:
    """Drop headings, short blocks and the page's own prose (an author's bio, the site speaking
    of itself: "follow him on Twitter", an affiliate note) left after the story's last paragraph.

    A body made only of such blocks is kept whole when it says something (a list of short
    lines), and dropped when it is a couple of labels.
    """
    end = len(blocks)
    words = [len(b.text.split()) for b in blocks]
    tail_words = (1 - _TAIL_SHARE) * sum(words)
    after = 0
    while end > 0:
        block = blocks[end - 1]
        if block.kind == "h" or (
            len(block.text) < _SHORT_CHARS and not _SENTENCE.search(block.text)
        ):
            end -= 1
        elif after + words[end - 1] <= tail_words and _is_page_prose(block.text):
            after += words[end - 1]
            end -= 1
        else:
            break
    if end:
        return blocks[:end]
    return blocks if sum(words) >= _MIN_SHORT_BODY_WORDS else []


def _is_page_prose(text: str) -> bool:
    """Whether a block reads like prose but is the page's: an author's bio, the site's voice."""
    return is_bio(text) or site_voice_hits(text) > 0
