"""What the page itself tells beyond trafilatura's body: captions and credits, link text, story
sections trafilatura missed (same-class continuation containers, embedded social posts).
"""

from __future__ import annotations

import re
from collections import Counter

from lxml import etree
from lxml import html as lxml_html

from tui.ingest.html_blocks import Block, clean, norm
from tui.ingest.links import block_links, safe_target
from tui.model import Caption, Link

# A credit at the end of a caption, tried in order: "(Photo: X)" / "(AP Photo/X)", "Photo: X",
# "Credit...X", "... 2020. HANDOUT/AFP/Getty Images", "... Jane Doe/Reuters".
_CREDIT_WORD = r"(?i:photo(?:graph)?s?|image|picture|credit|source|foto|courtesy(?: of)?)"
_CREDIT_TAILS = (
    re.compile(
        rf"\s*[(\[]\s*(?:{_CREDIT_WORD}\s*(?:by\b|:)\s*)?(?P<credit>(?:(?<=[(\[]){_CREDIT_WORD}"
        r"|[^()\[\]]*/)[^()\[\]]{0,80}|[A-Z][^()\[\]]{0,60}(?<=\S))\s*[)\]]\s*$",
    ),
    re.compile(
        rf"(?:^|\s|(?<=[.!?])){_CREDIT_WORD}\s*(?:by\b|:|\.{{2,}}|…)\s*(?P<credit>[^()\[\]]{{2,80}}?)\s*$",
        re.IGNORECASE,
    ),
    re.compile(r"(?<=[.!?”\"])\s+(?P<credit>[^.!?]{2,80}/[^.!?]{2,80})$"),
    re.compile(r"\s(?P<credit>(?:[A-Z][\w'’-]*\s)?[A-Z][\w'’-]*/[A-Z][\w'’/ -]{1,60})$"),
)
_PLAIN_TAG = re.compile(r"^[A-Za-z][\w-]*$")  # safe to put in an XPath (no "o:p", no namespace)
# Embedded social posts (class of the <blockquote> the platforms' embed code uses).
_EMBED = re.compile(r"twitter-tweet|instagram-media|tiktok-embed", re.IGNORECASE)
# Page regions that are never the story's continuation (by id or class).
_NOT_STORY = re.compile(
    r"comment|respond|reply|footer|sidebar|related|recommend|newsletter|promo|share|social|widget",
    re.IGNORECASE,
)


def page_language(page: lxml_html.HtmlElement | None) -> str | None:
    """The two-letter language of `<html lang="...">`, if the page declares one."""
    if page is None:
        return None
    root = page.getroottree().getroot()
    lang = (root.get("lang") or root.get("xml:lang") or "").strip().lower()
    return lang[:2] if len(lang) >= 2 and lang[:2].isalpha() else None


def parse_page(html: str) -> lxml_html.HtmlElement | None:
    """The page as an lxml tree (for captions and links); None when lxml finds no document."""
    try:
        return lxml_html.fromstring(html)
    except (etree.ParserError, ValueError):
        # trafilatura parsed it already; only captions and link counts are lost.
        return None


def add_sibling_sections(blocks: list[Block], page: lxml_html.HtmlElement | None) -> list[Block]:
    """Add the story's continuation when a page splits its body over sibling containers.

    trafilatura keeps the first container of a story; pages that cut the body into several
    containers of the same tag and class (between ads) lose the rest. Readability-style sibling
    merging: the paragraphs of later same-class containers are added after the matched one's.
    """
    if page is None or not blocks:
        return blocks
    extracted = {norm(b.text) for b in blocks} - {""}
    matched = [p for p in page.iter("p") if norm(p.text_content()) in extracted]
    parents = Counter(p.getparent() for p in matched if p.getparent() is not None)
    if not parents:
        return blocks
    container = parents.most_common(1)[0][0]
    css_class = container.get("class")
    if not css_class or not _PLAIN_TAG.match(container.tag):
        return blocks
    # Containers sharing the exact tag and class string, after this one in page order.
    twins = page.xpath(f"//{container.tag}[@class=$cls]", cls=css_class)
    ancestors = set(container.iterancestors())
    after = False
    extra: list[Block] = []
    for twin in twins:
        if twin is container:
            after = True
            continue
        if not after or twin in ancestors or container in set(twin.iterancestors()):
            continue
        if any(_NOT_STORY.search(_attrs(el)) for el in (twin, *twin.iterancestors())):
            continue
        for para in twin.iter("p"):
            text = clean(para.text_content())
            if text and norm(text) not in extracted:
                extracted.add(norm(text))
                extra.append(Block(text, "p"))
    if not extra:
        return blocks
    last = max(i for i, b in enumerate(blocks) if norm(b.text) in _texts(container))
    return blocks[: last + 1] + extra + blocks[last + 1 :]


def add_embedded_posts(blocks: list[Block], page: lxml_html.HtmlElement | None) -> list[Block]:
    """Put back embedded social posts (tweets, Instagram) that sit inside the story, as quotes.

    trafilatura drops them as widgets, but a story that quotes a tweet needs it to make sense.
    Only posts between two of the story's own paragraphs count, not those in a sidebar.
    """
    if page is None or not blocks:
        return blocks
    index = {norm(b.text): i for i, b in enumerate(blocks) if norm(b.text)}
    inserts: list[tuple[int, list[Block]]] = []
    pending: list[Block] = []
    last = -1
    # Only the tags looked at, in page order: lxml then skips making Python objects for the rest.
    for element in page.iter("blockquote", "p", "h2", "h3", "li"):
        if element.tag == "blockquote" and _EMBED.search(element.get("class", "")):
            post = _post_blocks(element)
            if last >= 0 and post and not any(norm(b.text) in index for b in post):
                pending.extend(post)
            continue
        if element.tag in ("p", "h2", "h3", "li"):
            found = index.get(norm(element.text_content()))
            if found is not None and not _inside_embed(element):
                if pending:
                    inserts.append((last, pending))
                    pending = []
                last = max(last, found)
    for after, post in reversed(inserts):
        blocks = blocks[: after + 1] + post + blocks[after + 1 :]
    return blocks


def _inside_embed(element: lxml_html.HtmlElement) -> bool:
    return any(
        a.tag == "blockquote" and _EMBED.search(a.get("class", "")) for a in element.iterancestors()
    )


def _post_blocks(quote: lxml_html.HtmlElement) -> list[Block]:
    """An embedded post's paragraphs, then its signature line ("— Name (@handle) date")."""
    paras = [clean(p.text_content()) for p in quote.iter("p")]
    rest = [clean(quote.text or "")]
    for child in quote:
        if child.tag != "p":
            rest.append(clean(child.text_content()))
        rest.append(clean(child.tail or ""))
    texts = [*paras, clean(" ".join(rest))]
    return [Block(t, "quote") for t in texts if t]


def _attrs(element: lxml_html.HtmlElement) -> str:
    return f"{element.get('id', '')} {element.get('class', '')}"


def _texts(container: lxml_html.HtmlElement) -> set[str]:
    return {norm(p.text_content()) for p in container.iter("p")}


def count_link_text(blocks: list[Block], page: lxml_html.HtmlElement | None) -> None:
    """Set each block's link_chars from the page's anchor texts it contains.

    trafilatura's own link output changes what it extracts, so links are matched on the page.
    """
    if page is None:
        return
    anchors = {clean(a.text_content()) for a in page.iter("a")}
    anchors = {a for a in anchors if len(a) >= 8}
    for block in blocks:
        if block.kind == "p" and len(block.text) > 300:
            continue
        if block.text in anchors:
            block.link_chars = len(block.text)
            block.link_lead = len(block.text)
            continue
        inside = [a for a in anchors if a in block.text]
        block.link_chars = min(len(block.text), sum(len(a) for a in inside))
        block.link_lead = max((len(a) for a in inside if block.text.startswith(a)), default=0)


# Elements a link's text is read in: the page's own paragraph, list item, heading or quote.
_LINK_HOLDERS = frozenset({"p", "li", "blockquote", "h2", "h3", "h4", "h5", "h6", "dd", "td"})
_MAX_ANCHORS = 5000  # a page with more is a link farm; its first ones are enough
_MIN_CONTAINED = 30  # a holder this long may sit inside a longer block (trafilatura joins some)


def story_links(
    blocks: list[Block], page: lxml_html.HtmlElement | None, url: str | None
) -> list[Link]:
    """The page's links that sit in the story's blocks, with offsets into each block's text.

    A link counts when the page element holding it (its paragraph, list item ...) reads as one of
    the blocks: navigation and "related" links are in no block, so they never match a word of it.
    """
    if page is None or not blocks:
        return []
    base = _base_url(page, url)
    index: dict[str, int] = {}
    for i, block in enumerate(blocks):
        index.setdefault(norm(block.text), i)
    pairs: dict[int, list[tuple[str, str]]] = {}
    for n, anchor in enumerate(page.iter("a")):
        if n >= _MAX_ANCHORS:
            break
        target = safe_target(anchor.get("href"), base)
        label = clean(anchor.text_content())
        holder = next((e for e in anchor.iterancestors() if e.tag in _LINK_HOLDERS), None)
        if not target or not label or holder is None:
            continue
        at = _block_of(norm(holder.text_content()), index)
        if at is not None:
            pairs.setdefault(at, []).append((label, target))
    return [
        link
        for block, found in sorted(pairs.items())
        for link in block_links(block, blocks[block].text, found)
    ]


def _block_of(key: str, index: dict[str, int]) -> int | None:
    """The block whose words are `key` (or hold it, for a long holder), else None."""
    if not key:
        return None
    if key in index:
        return index[key]
    if len(key) < _MIN_CONTAINED:
        return None
    return next((i for text, i in index.items() if key in text), None)


def _base_url(page: lxml_html.HtmlElement, url: str | None) -> str | None:
    """What relative links resolve against: the page's `<base href>` when absolute, else its URL."""
    for base in page.getroottree().iter("base"):
        href = safe_target(base.get("href"))
        if href:
            return href
    return url


def page_captions(root: lxml_html.HtmlElement | None) -> list[Caption]:
    """Photo captions of the page: `<figcaption>` texts inside the article, credits split off."""
    if root is None:
        return []
    nodes = root.xpath("//article//figcaption") or root.xpath("//figcaption")
    captions: list[Caption] = []
    seen: set[str] = set()
    for node in nodes:
        caption = _caption_of(node)
        key = norm(caption.text) if caption else ""
        if caption and key not in seen and len(key.split()) >= 3:
            seen.add(key)
            captions.append(caption)
    return captions[:30]


def _caption_of(node: lxml_html.HtmlElement) -> Caption | None:
    """One caption; a credit child (class *credit*) or a credit tail becomes `credit`."""
    credit_nodes = node.xpath(
        ".//*[contains(@class, 'credit') or contains(@class, 'copyright')"
        " or contains(@class, 'byline')]"
    )
    credit = None
    if credit_nodes:
        credit = clean(" ".join(credit_nodes[0].itertext())) or None
        for cn in credit_nodes[:1]:
            cn.drop_tree()
    text = clean(" ".join(node.itertext()))
    if not text:
        return None
    if credit is None:
        text, credit = split_credit(text)
    return Caption(text=text, credit=credit)


def split_credit(text: str) -> tuple[str, str | None]:
    """Split a trailing photo credit ("(Photo: X)", "Photo: X/Agency") off a caption."""
    for pattern in _CREDIT_TAILS:
        match = pattern.search(text)
        if match and match.start() > 0:
            credit = match.group("credit").strip(" .")
            body = text[: match.start()].rstrip(" -–—|")
            if credit and body:
                return body, credit
    return text, None
