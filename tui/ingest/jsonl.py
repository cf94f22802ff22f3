"""JSON Lines input: one article object a line, each becoming an Article or a line-numbered error.

A line is `{"title": ..., "url": ..., "html": ... | "text": ..., "published": "YYYY-MM-DD..."}`
(also optional "source" and "author"). Explicit fields win over what extraction finds. A `.json`
file holding one (pretty-printed) object or an array of objects is read the same way.
"""

from __future__ import annotations

import json
import re
from typing import Any

from tui.ingest.errors import IngestError
from tui.model import Article, PublishedDate

_DAY_PREFIX = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:$|[T ])")


def ingest_jsonl(
    text: str,
    *,
    origin: str,
    encoding: str = "utf-8",
    clean: bool = True,
    published: PublishedDate | None = None,
) -> list[Article | IngestError]:
    """One entry per non-blank line: an Article, or an IngestError naming the line; never raises."""
    document = _whole_document(text)
    if document is not None:
        return _ingest_document(document, origin=origin, clean=clean, published=published)
    results: list[Article | IngestError] = []
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            results.append(
                article_from_line(line, number, origin=origin, clean=clean, published=published)
            )
        except IngestError as exc:
            results.append(exc)
    if not results:
        results.append(IngestError(f"{origin} has no JSON lines in it; give one object a line."))
    return results


def _whole_document(text: str) -> dict[str, Any] | list[Any] | None:
    """The text as one JSON object or array when it spans several lines; None for JSON Lines."""
    stripped = text.strip()
    if "\n" not in stripped or stripped[:1] not in "{[":
        return None
    try:
        document = json.loads(stripped)
    except (json.JSONDecodeError, RecursionError):  # each line then gets its own error
        return None
    return document if isinstance(document, dict | list) else None


def _ingest_document(
    document: dict[str, Any] | list[Any],
    *,
    origin: str,
    clean: bool,
    published: PublishedDate | None,
) -> list[Article | IngestError]:
    """A JSON file's object, or each object of its array ("Item N of ..." in errors)."""
    items = document if isinstance(document, list) else [document]
    results: list[Article | IngestError] = []
    for number, obj in enumerate(items, start=1):
        where = f"Item {number} of {origin}" if isinstance(document, list) else origin
        raw = json.dumps(obj, ensure_ascii=False, sort_keys=True).encode("utf-8")
        try:
            if not isinstance(obj, dict):
                raise IngestError(f"{where} is not a JSON object; give one object per article.")
            results.append(
                article_from_object(
                    obj, where, raw, origin=f"{origin}:{number}", clean=clean, published=published
                )
            )
        except IngestError as exc:
            results.append(exc)
    if not results:
        results.append(IngestError(f"{origin} is an empty JSON array; give article objects."))
    return results


def json_problem(exc: json.JSONDecodeError) -> str:
    """What is wrong and where: `exc.msg` alone can stop mid-sentence ("Unterminated string
    starting at"), the position being in `str(exc)` only."""
    at = "" if exc.msg.endswith(" at") else " at"
    return f"{exc.msg}{at} column {exc.colno}"


def article_from_line(
    line: str,
    number: int,
    *,
    origin: str,
    clean: bool = True,
    published: PublishedDate | None = None,
) -> Article:
    """The Article of one JSON line; IngestError naming the line when it is unusable."""
    where = f"Line {number} of {origin}"
    try:
        obj: Any = json.loads(line)
    except json.JSONDecodeError as exc:
        raise IngestError(
            f"{where} is not valid JSON: {json_problem(exc)}; fix or remove it."
        ) from exc
    except RecursionError as exc:
        raise IngestError(
            f"{where} is JSON nested too deeply to be an article; fix or remove it."
        ) from exc
    if not isinstance(obj, dict):
        raise IngestError(f"{where} is not a JSON object; give one article object a line.")
    return article_from_object(
        obj,
        where,
        line.encode("utf-8"),
        origin=f"{origin}:{number}",
        clean=clean,
        published=published,
    )


def article_from_object(
    obj: dict[str, Any],
    where: str,
    raw_bytes: bytes,
    *,
    origin: str,
    clean: bool = True,
    published: PublishedDate | None = None,
) -> Article:
    """The Article of one article object; `where` names it in errors, `raw_bytes` gives its id."""
    from tui.ingest.build import build_article, extract_text
    from tui.ingest.detect import detect_kind

    body, kind = _body(obj, where)
    if kind == "text":
        kind = detect_kind(body) if detect_kind(body) == "markdown" else "text"
    url = _optional_str(obj, "url", where)
    # Its errors already name `where` ("Line 3 of batch.jsonl has no paragraphs ...").
    extracted = extract_text(body, kind=kind, url=url, clean=clean, origin=where)
    for field in ("source", "author"):
        value = _optional_str(obj, field, where)
        if value:
            setattr(extracted, field, value)
    if url:
        extracted.url = url
    date = published or _line_date(obj, where)
    return build_article(
        extracted,
        raw=body,
        raw_bytes=raw_bytes,
        kind=kind,
        encoding="utf-8",
        origin=origin,
        published=date,
        title=_optional_str(obj, "title", where),
    )


def _body(obj: dict[str, Any], where: str) -> tuple[str, str]:
    """The line's article body and its kind: "html" or "text"."""
    for field, kind in (("html", "html"), ("text", "text")):
        value = obj.get(field)
        if isinstance(value, str) and value.strip():
            from tui.sanitize import clean_terminal_text

            return clean_terminal_text(value), kind
    raise IngestError(f'{where} has no "html" or "text" field with text; add one or remove it.')


def _optional_str(obj: dict[str, Any], field: str, where: str) -> str | None:
    value = obj.get(field)
    if value is None:
        return None
    if not isinstance(value, str):
        raise IngestError(f"{where} has a {field!r} that is not a string; fix or remove it.")
    from tui.sanitize import clean_terminal_text

    return clean_terminal_text(value).strip() or None


def _line_date(obj: dict[str, Any], where: str) -> PublishedDate | None:
    """The line's "published" as a day date with origin "metadata"."""
    value = _optional_str(obj, "published", where)
    if not value:
        return None
    match = _DAY_PREFIX.match(value)
    if not match:
        raise IngestError(
            f"{where} has published {value!r}, not a YYYY-MM-DD date; fix or remove it."
        )
    return PublishedDate(match.group(1), "day", "metadata")
