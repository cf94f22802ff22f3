"""HTML page -> story body, captions and metadata, with trafilatura plus a light boilerplate pass.

trafilatura finds the main content; we walk its XML to keep block kinds (headings, quotes, list
items), then drop what it still lets through around a story: a heading repeating the title,
link lists ("related stories"), newsletter and share prompts. Captions are read from the page's
`<figcaption>` elements, because trafilatura drops figures, and kept out of the body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree
from lxml import html as lxml_html

from tui.ingest.errors import IngestError
from tui.model import Caption, Extracted, PublishedDate

# trafilatura options; `fast` (no fallback extractors) measured best on ../shared/eval (bench/).
TRAFILATURA_MODE: dict[str, bool] = {"fast": True}

_SPACES = re.compile(r"\s+")
_WORD = re.compile(r"\w+")
# Short blocks made of these are site furniture, not story (matched case-insensitively).
_BOILERPLATE = re.compile(
    r"^(?:advertisement|related(?: (?:articles?|stories|coverage|content))?:?|read more\b.*"
    r"|(?:also )?read(?: also)?:.*|see also:.*|more:.*|click here\b.*|.*\bclick here\b.*"
    r"|.*\bsign up\b.*newsletter.*|.*\bnewsletter\b.*sign up.*|thanks? (?:you )?for signing up.*"
    r"|sorry!?|share (?:this|on).*|follow (?:us|him|her|them) on\b.*|.*\ball rights reserved\.?"
    r"|copyright\b.*|©.*|write to .* at \S+@\S+|updated(?: at)? .*\d.*|print article|order reprints"
    r"|this article has been sent to|an error has occurred.*|.*\bsubscribe\b.*(?:today|now)\b.*)$",
    re.IGNORECASE,
)
# A credit at the end of a caption: "(Photo: X)", "Photo: X/Agency", "Credit: X", "X/Getty Images".
_CREDIT_TAIL = re.compile(
    r"\s*[(\[]?\s*(?P<credit>(?:photo(?:graph)?s?|image|picture|credit|source|foto)\s*(?:by|:)\s*"
    r"[^()\[\]]+?|[^()\[\]|.]{0,60}?/(?:getty images|ap|afp|reuters|epa|the canadian press|ap photo)"
    r"[^()\[\]]*?)\s*[)\]]?\s*$",
    re.IGNORECASE,
)
_MAX_BOILERPLATE_WORDS = 30


@dataclass(slots=True)
class Block:
    """One body block from trafilatura's XML: its text, kind and how much of it is link text."""

    text: str
    kind: str
    link_chars: int = 0

    @property
    def link_share(self) -> float:
        return self.link_chars / len(self.text) if self.text else 0.0


def extract_html(html: str, url: str | None = None, *, name: str | None = None) -> Extracted:
    """Extract the story of an HTML page; IngestError when the page has no readable body.

    `name` (a path or URL) only makes the error message say which input failed.
    """
    import trafilatura

    xml = trafilatura.extract(
        html,
        url=url,
        output_format="xml",
        include_comments=False,
        include_tables=False,
        include_images=False,
        include_formatting=False,
        with_metadata=True,
        **TRAFILATURA_MODE,
    )
    doc = etree.fromstring(xml.encode("utf-8")) if xml else None
    blocks = _blocks(doc) if doc is not None else []
    meta = dict(doc.attrib) if doc is not None else _metadata(html, url)
    page = _parse_page(html)
    captions = page_captions(page)
    _count_link_text(blocks, page)
    blocks = prune_blocks(blocks, title=meta.get("title"), captions=captions)
    if not blocks:
        raise IngestError(
            f"The HTML page {name or url or '(unnamed)'} has no article text that could be "
            "extracted; check that it is an article page, or pass it with --format text."
        )
    date = meta.get("date")
    return Extracted(
        paragraphs=[b.text for b in blocks],
        kinds=[b.kind for b in blocks],
        title=_clean(meta.get("title") or "") or None,
        source=_clean(meta.get("sitename") or "") or None,
        author=_clean(meta.get("author") or "") or None,
        url=meta.get("url") or url,
        published=PublishedDate(date[:10], "day", "metadata") if date else None,
        captions=captions,
        language=(meta.get("language") or "en")[:2] or "en",
        title_origin="metadata" if meta.get("title") else None,
    )


def _metadata(html: str, url: str | None) -> dict[str, str]:
    """Page metadata when trafilatura found no body (so the error can still name the page)."""
    import trafilatura

    meta = trafilatura.extract_metadata(html, default_url=url)
    if meta is None:
        return {}
    return {k: v for k, v in meta.as_dict().items() if isinstance(v, str)}


def _clean(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def _blocks(doc: etree._Element) -> list[Block]:
    """Walk trafilatura's XML body into blocks, splitting on line breaks."""
    main = doc.find("main")
    if main is None:
        main = doc
    out: list[Block] = []
    for elem in main:
        _walk(elem, "p", out)
    return [b for b in out if b.text]


def _walk(elem: etree._Element, kind: str, out: list[Block]) -> None:
    """Append the blocks of one XML element; nested lists and quotes keep the outer kind."""
    tag = elem.tag
    if tag in ("graphic", "table", "comments"):
        return
    if tag == "head":
        out.extend(_inline_blocks(elem, "h"))
    elif tag == "list":
        for item in elem:
            _walk(item, "li" if kind == "p" else kind, out)
    elif tag == "quote":
        if any(child.tag in ("p", "list", "quote", "head") for child in elem):
            if elem.text and elem.text.strip():
                out.append(Block(_clean(elem.text), "quote"))
            for child in elem:
                _walk(child, "quote", out)
                if child.tail and child.tail.strip():
                    out.append(Block(_clean(child.tail), "quote"))
        else:
            out.extend(_inline_blocks(elem, "quote"))
    elif tag == "item" and any(child.tag in ("list", "p") for child in elem):
        text = _clean(elem.text or "")
        if text:
            out.append(Block(text, kind))
        for child in elem:
            _walk(child, kind, out)
            if child.tail and child.tail.strip():
                out.append(Block(_clean(child.tail), kind))
    else:
        out.extend(_inline_blocks(elem, kind))


def _inline_blocks(elem: etree._Element, kind: str) -> list[Block]:
    """The text of one block element, split at `<lb/>`, with its link text counted."""
    parts: list[list[str]] = [[]]
    links = [0]

    def visit(node: etree._Element, in_link: bool) -> None:
        if node.tag == "lb":
            parts.append([])
            links.append(0)
        else:
            linked = in_link or node.tag == "ref"
            if node.text:
                parts[-1].append(node.text)
                if linked:
                    links[-1] += len(node.text.strip())
            for child in node:
                visit(child, linked)
        if node is not elem and node.tail:
            parts[-1].append(node.tail)
            if in_link:
                links[-1] += len(node.tail.strip())

    visit(elem, False)
    blocks = []
    for words, link_chars in zip(parts, links, strict=True):
        text = _clean("".join(words))
        if text:
            blocks.append(Block(text, kind, min(link_chars, len(text))))
    return blocks


def _norm(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))


def prune_blocks(
    blocks: list[Block], *, title: str | None, captions: list[Caption] | None = None
) -> list[Block]:
    """Drop the furniture trafilatura keeps: the title again, captions, link lists, prompts."""
    title_norm = _norm(title or "")
    caption_norms = {_norm(c.text) for c in captions or []} | {
        _norm(f"{c.text} {c.credit}") for c in captions or [] if c.credit
    }
    kept: list[Block] = []
    for block in blocks:
        norm = _norm(block.text)
        if not norm:
            continue
        if not kept and block.kind == "h" and title_norm and _similar(norm, title_norm):
            continue
        if norm in caption_norms:
            continue
        words = len(norm.split())
        if block.kind in ("li", "h") and block.link_share >= 0.6:
            continue
        if block.kind == "p" and block.link_share >= 0.9 and words <= _MAX_BOILERPLATE_WORDS:
            continue
        if words <= _MAX_BOILERPLATE_WORDS and _BOILERPLATE.match(block.text):
            continue
        kept.append(block)
    return _trim_tail(kept)


def _similar(a: str, b: str) -> bool:
    """True when two normalised strings are the same headline (one contains the other)."""
    return a == b or (len(a) > 20 and len(b) > 20 and (a in b or b in a))


def _trim_tail(blocks: list[Block]) -> list[Block]:
    """Drop headings and short blocks left dangling after the story's last paragraph."""
    end = len(blocks)
    while end > 0 and (blocks[end - 1].kind == "h" or len(blocks[end - 1].text) < 25):
        end -= 1
    return blocks[:end]


def _parse_page(html: str) -> lxml_html.HtmlElement | None:
    """The page as an lxml tree (for captions and links); None when lxml finds no document."""
    try:
        return lxml_html.fromstring(html)
    except (etree.ParserError, ValueError):
        # trafilatura parsed it already; only captions and link counts are lost.
        return None


def _count_link_text(blocks: list[Block], page: lxml_html.HtmlElement | None) -> None:
    """Set each block's link_chars from the page's anchor texts it contains.

    trafilatura's own link output changes what it extracts, so links are matched on the page.
    """
    if page is None:
        return
    anchors = {_clean(a.text_content()) for a in page.iter("a")}
    anchors = {a for a in anchors if len(a) >= 8}
    for block in blocks:
        if block.kind == "p" and len(block.text) > 300:
            continue
        if block.text in anchors:
            block.link_chars = len(block.text)
            continue
        block.link_chars = min(len(block.text), sum(len(a) for a in anchors if a in block.text))


def page_captions(root: lxml_html.HtmlElement | None) -> list[Caption]:
    """Photo captions of the page: `<figcaption>` texts inside the article, credits split off."""
    if root is None:
        return []
    nodes = root.xpath("//article//figcaption") or root.xpath("//figcaption")
    captions: list[Caption] = []
    seen: set[str] = set()
    for node in nodes:
        caption = _caption_of(node)
        key = _norm(caption.text) if caption else ""
        if caption and key not in seen and len(key.split()) >= 3:
            seen.add(key)
            captions.append(caption)
    return captions[:30]


def _caption_of(node: lxml_html.HtmlElement) -> Caption | None:
    """One caption: a credit child (class *credit*) or a credit tail in the text becomes `credit`."""
    credit_nodes = node.xpath(
        ".//*[contains(@class, 'credit') or contains(@class, 'copyright')"
        " or contains(@class, 'byline')]"
    )
    credit = None
    if credit_nodes:
        credit = _clean(credit_nodes[0].text_content()) or None
        for cn in credit_nodes[:1]:
            cn.drop_tree()
    text = _clean(node.text_content())
    if not text:
        return None
    if credit is None:
        text, credit = split_credit(text)
    return Caption(text=text, credit=credit)


def split_credit(text: str) -> tuple[str, str | None]:
    """Split a trailing photo credit ("(Photo: X)", "Photo: X/Agency") off a caption."""
    match = _CREDIT_TAIL.search(text)
    if not match or match.start() == 0:
        return text, None
    credit = re.sub(
        r"^(?:photo(?:graph)?s?|image|picture|credit|source|foto)\s*(?:by|:)\s*",
        "",
        match.group("credit"),
        flags=re.IGNORECASE,
    ).strip()
    return text[: match.start()].rstrip(" -–—|"), credit or None
