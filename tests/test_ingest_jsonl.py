"""JSON Lines input: good lines become articles, bad lines become errors naming their line."""

from __future__ import annotations

import json

import pytest

from tui.ingest import ingest_bytes
from tui.ingest.errors import IngestError
from tui.model import Article, content_id

TEXT_BODY = (
    "The harbour bridge in Lakeview will close for repairs next month, the council said.\n\n"
    "Engineers found that the steel supports had corroded faster than expected after three "
    "wet winters, and the bridge can no longer carry buses safely.\n\n"
    "A ferry will run every twenty minutes while the works go on, Mayor Ana Ruiz promised."
)
HTML_BODY = (
    "<html><head><title>Page title from HTML</title>"
    '<meta property="article:published_time" content="2023-01-05"></head><body><article>'
    "<h1>Page title from HTML</h1>"
    "<p>Scientists at the northern observatory said on Monday they had found a new comet "
    "moving towards the inner solar system at an unusual angle.</p>"
    "<p>The comet should be visible with binoculars from late spring, the team said, and "
    "amateur astronomers are already planning viewing nights across the region.</p>"
    "</article></body></html>"
)


def batch_lines() -> list[str]:
    return [
        json.dumps({"title": "Bridge to close", "url": "https://x.example/a", "text": TEXT_BODY,
                    "published": "2024-03-12T08:00:00Z"}),
        "",
        json.dumps({"html": HTML_BODY, "url": "https://x.example/b"}),
        '{"title": "broken", "text": "oops"',
        json.dumps(["not", "an", "object"]),
        json.dumps({"title": "No body here", "url": "https://x.example/c"}),
        json.dumps({"title": "Own title wins", "html": HTML_BODY, "published": "2022-12-31"}),
        json.dumps({"text": TEXT_BODY, "published": "last Tuesday"}),
    ]  # fmt: skip


@pytest.fixture
def results() -> list[Article | IngestError]:
    data = "\n".join(batch_lines()).encode("utf-8")
    return ingest_bytes(data, origin="batch.jsonl")


def test_one_entry_per_nonblank_line(results) -> None:
    assert [type(r).__name__ for r in results] == [
        "Article", "Article", "IngestError", "IngestError", "IngestError", "Article",
        "IngestError",
    ]  # fmt: skip


def test_bad_lines_name_their_line_number(results) -> None:
    errors = [str(r) for r in results if isinstance(r, IngestError)]
    assert errors[0].startswith("Line 4 of batch.jsonl is not valid JSON: ")
    assert errors[0].endswith("; fix or remove it.")
    assert errors[1].startswith("Line 5 of batch.jsonl is not a JSON object")
    assert errors[2].startswith('Line 6 of batch.jsonl has no "html" or "text" field')
    assert errors[3].startswith("Line 8 of batch.jsonl has published 'last Tuesday'")


def test_text_line(results) -> None:
    article = results[0]
    assert isinstance(article, Article)
    assert article.title == "Bridge to close"
    assert article.url == "https://x.example/a"
    assert article.published is not None
    assert (article.published.value, article.published.origin) == ("2024-03-12", "metadata")
    assert article.paragraphs[0].startswith("The harbour bridge in Lakeview")
    assert article.raw_kind == "text" and article.raw == TEXT_BODY
    assert article.id == content_id(batch_lines()[0].encode("utf-8"))
    assert article.origin == "batch.jsonl:1"


def test_html_line_extracted(results) -> None:
    article = results[1]
    assert isinstance(article, Article)
    assert article.raw_kind == "html"
    assert article.title == "Page title from HTML"
    assert article.published is not None and article.published.value == "2023-01-05"
    assert any("new comet" in p for p in article.paragraphs)
    assert article.origin == "batch.jsonl:3"


def test_explicit_fields_win(results) -> None:
    article = results[5]
    assert isinstance(article, Article)
    assert article.title == "Own title wins"
    assert article.published is not None
    assert (article.published.value, article.published.origin) == ("2022-12-31", "metadata")


def test_user_date_overrides_every_line() -> None:
    data = "\n".join(batch_lines()[:3]).encode("utf-8")
    articles = ingest_bytes(data, origin="batch.jsonl", published="2020-09-14")
    assert [(a.published.value, a.published.origin) for a in articles] == [
        ("2020-09-14", "user"), ("2020-09-14", "user"),
    ]  # fmt: skip


def test_ids_stable_and_distinct() -> None:
    data = "\n".join(batch_lines()).encode("utf-8")
    first = [r.id for r in ingest_bytes(data, origin="a.jsonl") if isinstance(r, Article)]
    second = [r.id for r in ingest_bytes(data, origin="b.jsonl") if isinstance(r, Article)]
    assert first == second and len(set(first)) == 3


def test_forced_jsonl_on_plain_text_gives_line_errors() -> None:
    results = ingest_bytes(b"just words\nmore words\n", origin="notes.txt", kind="jsonl")
    assert [str(r).split(" is ")[0] for r in results] == [
        "Line 1 of notes.txt",
        "Line 2 of notes.txt",
    ]


def test_pretty_json_object_file() -> None:
    data = json.dumps({"title": "Bridge to close", "text": TEXT_BODY}, indent=2).encode()
    [article] = ingest_bytes(data, origin="one.json")
    assert isinstance(article, Article)
    assert article.title == "Bridge to close"
    assert article.paragraphs[0].startswith("The harbour bridge in Lakeview")


def test_json_array_file_with_a_bad_item() -> None:
    items = [{"title": "A", "text": TEXT_BODY}, "oops", {"title": "C", "html": HTML_BODY}]
    results = ingest_bytes(json.dumps(items, indent=1).encode(), origin="many.json")
    assert [type(r).__name__ for r in results] == ["Article", "IngestError", "Article"]
    assert str(results[1]).startswith("Item 2 of many.json is not a JSON object")
    assert [r.title for r in results if isinstance(r, Article)] == ["A", "C"]


def test_a_json_error_is_a_whole_sentence_with_its_column() -> None:
    from tui.ingest.jsonl import ingest_jsonl

    lines = '{"title": "A", "text": "unterminated\n{"title": "B" "text": "x"}\n{"title": "C"}x\n'
    errors = [str(r) for r in ingest_jsonl(lines, origin="feed.jsonl")]
    assert errors[0] == (
        "Line 1 of feed.jsonl is not valid JSON: Unterminated string starting at column 24;"
        " fix or remove it."
    )
    assert errors[1] == (
        "Line 2 of feed.jsonl is not valid JSON: Expecting ',' delimiter at column 15;"
        " fix or remove it."
    )
    assert "Extra data at column 15;" in errors[2]
