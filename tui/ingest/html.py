"""HTML page -> story body, captions and metadata, with trafilatura plus a light boilerplate pass.

trafilatura finds the main content; we walk its XML to keep block kinds (headings, quotes, list
items), then drop what it still lets through around a story: a heading repeating the title,
link lists ("related stories"), newsletter and share prompts (html_blocks.py). The page itself
gives captions (trafilatura drops figures), link density, and story parts trafilatura misses:
continuation containers and embedded posts (html_page.py). bench/quality_html.py measures it.
"""

from __future__ import annotations

import re
from typing import Any

from lxml import etree

from tui.ingest.errors import IngestError
from tui.ingest.html_blocks import clean, prune_blocks, xml_blocks
from tui.ingest.html_date import publication_day
from tui.ingest.html_page import (
    add_embedded_posts,
    add_sibling_sections,
    count_link_text,
    page_captions,
    page_language,
    parse_page,
    story_links,
)
from tui.ingest.meta_clean import clean_byline, site_name, strip_site
from tui.model import Extracted, PublishedDate
from tui.sanitize import clean_terminal_text

# A tag name with a namespace colon and no local name (`<a:>`, `</x:>`): trafilatura's XML output
# cannot hold it, and lxml refuses the whole page.
_EMPTY_QNAME = re.compile(r"(</?[A-Za-z][\w.-]*):(?=[\s/>])")
_CHAR_REF = re.compile(r"&#(?:[xX]0*([0-9a-fA-F]{1,8})|0*([0-9]{1,10}));?")
# trafilatura options; `fast` (no fallback extractors) measured best on ../shared/eval (bench/).
TRAFILATURA_MODE: dict[str, Any] = {"fast": True}

# Parts of a page a reader never sees inline: hidden elements and hover cards (name pop-ups).
# The `[@style]` and `[@class]` steps select nothing more or less (an absent attribute contains
# nothing), but spare the string functions on every element without one: ~3 ms a page.
HIDDEN_XPATH = [
    "//*[@hidden]",
    "//*[@style][contains(translate(@style, ' ', ''), 'display:none')]",
    # A hover card, not the name it pops up from: "rollover-people" wraps the name's link
    # ("rollover-people-link") and its card; "rollover-people-block" is the card alone.
    "//*[@class][contains(@class, 'tooltip') or contains(@class, 'popover')"
    " or contains(@class, 'hovercard') or contains(@class, 'rollover')]"
    "[not(contains(@class, 'link'))][not(.//a[@class][contains(@class, 'link')])]",
]


def strip_control_entities(html: str) -> str:
    """Drop character references to control or bidi characters (`&#27;`, `&#x202e;`).

    They would decode to terminal escapes after `decode` cleaned the input, and C0 controls make
    trafilatura discard the whole page (they are not allowed in its XML).
    """

    def replace(match: re.Match[str]) -> str:
        digits = match.group(1) or match.group(2)
        try:
            char = chr(int(digits, 16) if match.group(1) else int(digits))
        except (ValueError, OverflowError):
            return ""  # a reference to no character at all
        return "" if char not in "\t\n" and clean_terminal_text(char) != char else match.group(0)

    return _CHAR_REF.sub(replace, html)


def _trafilatura_xml(html: str, url: str | None) -> str | None:
    """trafilatura's extraction of the page as XML (with its metadata), or None."""
    import trafilatura

    return trafilatura.extract(
        html,
        url=url,
        output_format="xml",
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_formatting=False,
        with_metadata=True,
        prune_xpath=HIDDEN_XPATH,
        **TRAFILATURA_MODE,
    )


def _page_title(page: Any) -> str | None:
    """The text of the page's <title>, if it has one."""
    node = page.find(".//title") if page is not None else None
    return clean(node.text_content()) or None if node is not None else None


def extract_html(html: str, url: str | None = None, *, name: str | None = None) -> Extracted:
    """Extract the story of an HTML page; IngestError when the page has no readable body.

    `name` (a path or URL) only makes the error message say which input failed.
    """
    html = strip_control_entities(html)
    try:
        xml = _trafilatura_xml(html, url)
    except etree.LxmlError:
        html = _EMPTY_QNAME.sub(r"\1", html)  # the one shape of tag seen to break it; try again
        try:
            xml = _trafilatura_xml(html, url)
        except etree.LxmlError as exc:
            raise IngestError(
                f"The HTML page {name or url or '(unnamed)'} could not be parsed ({exc}); "
                "check that it is an HTML page, or pass it with --format text."
            ) from exc
    doc = etree.fromstring(xml.encode("utf-8")) if xml else None
    blocks = xml_blocks(doc) if doc is not None else []
    meta: dict[str, str] = dict(doc.attrib) if doc is not None else {}
    page = parse_page(html)
    captions = page_captions(page)
    blocks = add_sibling_sections(blocks, page)
    blocks = add_embedded_posts(blocks, page)
    count_link_text(blocks, page)
    blocks = prune_blocks(
        blocks, title=meta.get("title"), description=meta.get("description"), captions=captions
    )
    if not blocks:
        raise IngestError(
            f"The HTML page {name or url or '(unnamed)'} has no article text that could be "
            "extracted; check that it is an article page, or pass it with --format text."
        )
    date = publication_day(page, meta.get("date"), meta.get("url") or url)
    page_url = meta.get("url") or url
    title = clean(meta.get("title") or "") or None
    declared = clean(meta.get("sitename") or "") or None
    source = site_name(declared, page_url, page_title=_page_title(page), title=title)
    return Extracted(
        paragraphs=[b.text for b in blocks],
        kinds=[b.kind for b in blocks],
        title=strip_site(title, [declared, source], page_url) if title else None,
        source=source,
        author=clean_byline(clean(meta.get("author") or "")),
        url=meta.get("url") or url,
        published=PublishedDate(date[:10], "day", "metadata") if date else None,
        captions=captions,
        language=page_language(page) or "en",
        title_origin="metadata" if meta.get("title") else None,
        links=story_links(blocks, page, meta.get("url") or url),
        link_blocks=[b.text for b in blocks],
    )
