"""One decoded input -> an Article: its text extracted (HTML by trafilatura, page dumps by `text`)
within the limits of one article, then the Article built, sanitized, with its links placed.

`ingest_bytes` (the package) and `jsonl` (each line's article) both come here.
"""

from __future__ import annotations

import re
from pathlib import PurePosixPath

from tui.ingest.errors import IngestError
from tui.ingest.links import place_links
from tui.model import Article, BlockKind, Extracted, PublishedDate, content_id, input_kind

_TITLE_MAX = 200

MAX_TEXT_LINES = 200_000
"""Lines of a plain-text or Markdown input beyond any article page (cleaning 200,000 takes ~15 s)."""
MAX_ARTICLE_CHARS = 300_000
"""Characters of clean text in one article (a short book): analyzing more would take minutes."""


def extract_text(text: str, *, kind: str, url: str | None, clean: bool, origin: str) -> Extracted:
    """Body and metadata of one decoded HTML, Markdown or text input."""
    if kind == "html":
        from tui.ingest.html import extract_html

        if len(text) > MAX_HTML_CHARS:
            text = _without_heavy_parts(text)  # scripts, styles, inline images: most of big pages
        if len(text) > MAX_HTML_CHARS:
            raise IngestError(
                f"{origin} is {len(text) // 1_000_000:,} MB of HTML without its scripts, more than "
                f"an article page (newstui reads pages up to {MAX_HTML_CHARS // 1_000_000} MB); "
                "save the article on its own, or give its text."
            )
        # --no-clean still needs trafilatura to find the story in a page; nothing else is skipped.
        return _within_limits(extract_html(text, url, name=origin), origin)
    from tui.ingest.text import clean_dump, split_paragraphs

    lines = text.count("\n") + 1
    if lines > MAX_TEXT_LINES:
        raise IngestError(
            f"{origin} has {lines:,} lines, more than an article page has (newstui reads up to "
            f"{MAX_TEXT_LINES:,}); split it into articles, or give them as JSON Lines."
        )
    extracted = _within_limits(clean_dump(text) if clean else split_paragraphs(text), origin)
    if not extracted.paragraphs:
        raise IngestError(
            f"{origin} has no paragraphs of text left after cleaning; "
            "check the input, or pass --no-clean to keep every paragraph."
        )
    if url and not extracted.url:
        extracted.url = url
    return extracted


MAX_HTML_CHARS = 3_000_000
"""Characters of HTML (scripts and styles aside) past any article page: extraction takes ~10 s a MB."""
_HEAVY = re.compile(
    r"<(script|style|svg|noscript)\b[^>]*>.*?</\1\s*>|<!--.*?-->|\bsrc=\"data:[^\"]*\"",
    re.IGNORECASE | re.DOTALL,
)


def _without_heavy_parts(html: str) -> str:
    """A page without its scripts, styles, inline SVG, comments and inline images (none of them
    holds the story), found in one linear pass."""
    return _HEAVY.sub(" ", html)


def _within_limits(extracted: Extracted, origin: str) -> Extracted:
    """The extraction, unless its body is longer than one article can be."""
    chars = sum(len(p) for p in extracted.paragraphs)
    if chars > MAX_ARTICLE_CHARS:
        raise IngestError(
            f"{origin} is {chars // 1000:,} KB of text after cleaning, more than one article "
            f"(newstui keeps up to {MAX_ARTICLE_CHARS // 1000:,} KB); split it into articles."
        )
    return extracted


def build_article(
    extracted: Extracted,
    *,
    raw: str,
    raw_bytes: bytes,
    kind: str,
    encoding: str,
    origin: str,
    published: PublishedDate | None = None,
    title: str | None = None,
) -> Article:
    """An Article from an extraction: id from the raw bytes, explicit title/date winning."""
    if title:
        extracted.title, extracted.title_origin = title, "metadata"
    if not extracted.title:
        extracted.title, extracted.title_origin = fallback_title(extracted, origin)
    if published:
        extracted.published = published
    sanitize_extracted(extracted)
    place_links(extracted)
    return Article.from_extracted(
        extracted,
        id=content_id(raw_bytes),
        raw=raw,
        raw_kind=input_kind(kind),
        raw_encoding=encoding,
        origin=origin,
    )


def sanitize_extracted(extracted: Extracted) -> None:
    """Strip terminal escapes again after extraction: HTML entities (`&#27;`) and JSON escapes
    (`\\u001b`) only become control characters once parsed, after `decode` cleaned the input.
    Over-long paragraphs are cut too (see `paragraphs.split_overlong`)."""
    from tui.ingest.paragraphs import split_overlong
    from tui.sanitize import clean_terminal_text, one_line

    pairs = [
        (clean_terminal_text(p).strip(), k)
        for p, k in zip(extracted.paragraphs, _padded(extracted), strict=True)
    ]
    pairs = [(p, k) for p, k in pairs if p]
    extracted.paragraphs, extracted.kinds = split_overlong(
        [p for p, _ in pairs], [k for _, k in pairs]
    )
    for name in ("title", "source", "author", "url"):  # one line each: they show in rows
        value = getattr(extracted, name)
        if value:
            setattr(extracted, name, one_line(value) or None)
    for caption in extracted.captions:
        caption.text = clean_terminal_text(caption.text)
        caption.credit = clean_terminal_text(caption.credit) if caption.credit else None


def _padded(extracted: Extracted) -> list[BlockKind]:
    kinds = list(extracted.kinds)[: len(extracted.paragraphs)]
    return kinds + ["p"] * (len(extracted.paragraphs) - len(kinds))


def fallback_title(extracted: Extracted, origin: str) -> tuple[str, str]:
    """A title when the input names none: its first line, else the file name's stem."""
    for paragraph in extracted.paragraphs:
        line = paragraph.strip().splitlines()[0].strip() if paragraph.strip() else ""
        if line:
            return (line if len(line) <= _TITLE_MAX else line[: _TITLE_MAX - 1] + "…"), "lead"
    stem = PurePosixPath(origin.replace("\\", "/")).stem
    return (stem or "(untitled)"), "filename"
