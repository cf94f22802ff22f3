"""bytes in -> Article out: detect the kind and encoding, clean, and keep the raw input.

Public API (used by the CLI, the TUI's workers and the tests):

    ingest_bytes(data, *, origin, kind="auto", url=None, clean=True, published=None)
        -> list[Article | IngestError]
        One Article for an HTML or text input; one entry per line for JSON Lines (a bad line is an
        IngestError naming its line number). Raises IngestError when the whole input is unusable
        (empty, binary, undecodable ...). Articles come back un-analyzed (analyzed=False).
    ingest_source(source, *, kind="auto", clean=True, published=None) -> list[Article | IngestError]
        The same for a `sources.Source` (a file, URL or stdin read by `sources.iter_sources`).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from tui.ingest.build import (
    MAX_ARTICLE_CHARS,
    MAX_HTML_CHARS,
    MAX_TEXT_LINES,
    build_article,
    extract_text,
)
from tui.ingest.errors import IngestError
from tui.model import Article, PublishedDate

if TYPE_CHECKING:
    from tui.ingest.sources import Source

__all__ = [
    "MAX_ARTICLE_CHARS",
    "MAX_HTML_CHARS",
    "MAX_TEXT_LINES",
    "IngestError",
    "ingest_bytes",
    "ingest_source",
    "parse_user_date",
]

KINDS = ("auto", "html", "text", "markdown", "jsonl")
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def ingest_bytes(
    data: bytes,
    *,
    origin: str,
    kind: str = "auto",
    url: str | None = None,
    clean: bool = True,
    published: str | None = None,
) -> list[Article | IngestError]:
    """Turn one input's bytes into articles (see the module docstring)."""
    from tui.ingest.detect import decode, detect_kind

    if kind not in KINDS:
        raise IngestError(f"Unknown input format {kind!r} for {origin}; use one of {KINDS}.")
    user_date = parse_user_date(published) if published else None
    text, encoding = decode(data, origin)
    actual = detect_kind(text) if kind == "auto" else kind
    if actual == "jsonl":
        from tui.ingest.jsonl import ingest_jsonl

        return ingest_jsonl(
            text, origin=origin, encoding=encoding, clean=clean, published=user_date
        )
    extracted = extract_text(text, kind=actual, url=url, clean=clean, origin=origin)
    if clean:
        from tui.ingest.lead import lift_top_matter

        lift_top_matter(extracted)
    article = build_article(
        extracted,
        raw=text,
        raw_bytes=data,
        kind=actual,
        encoding=encoding,
        origin=origin,
        published=user_date,
    )
    return [article]


def ingest_source(
    source: Source, *, kind: str = "auto", clean: bool = True, published: str | None = None
) -> list[Article | IngestError]:
    """Ingest one Source from `sources.iter_sources`; whole-input failures come back as a list."""
    try:
        return ingest_bytes(
            source.data,
            origin=source.origin,
            kind=kind,
            url=source.url,
            clean=clean,
            published=published,
        )
    except IngestError as exc:
        return [exc]


def parse_user_date(value: str) -> PublishedDate:
    """A user-given publication date ("YYYY-MM-DD") with origin "user"; IngestError if malformed."""
    from datetime import date

    value = value.strip()
    try:
        if not _ISO_DAY.match(value):
            raise ValueError(value)
        date.fromisoformat(value)
    except ValueError as exc:
        raise IngestError(
            f"The publication date {value!r} is not a YYYY-MM-DD date; write it like 2020-09-14."
        ) from exc
    return PublishedDate(value, "day", "user")
