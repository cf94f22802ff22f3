"""Hostile input: terminal escapes, Rich markup, bidi, entity bombs, deep nesting, bad options."""

from __future__ import annotations

import json
import time

import pytest

from tui.ingest import ingest_bytes
from tui.ingest.errors import IngestError
from tui.model import Article

ESCAPES = "\x1b[2J\x1b[31m\x1b]0;owned\x07\x1b]8;;http://evil.example\x1b\\\x9b1m\x07\x08"
BODY = (
    "The council met on Tuesday to discuss the bridge, and members agreed to fund its repair "
    "before the end of the year."
)


def _only_articles(results: list[Article | IngestError]) -> list[Article]:
    assert all(isinstance(r, Article) for r in results), results
    return [r for r in results if isinstance(r, Article)]


def _terminal_safe(text: str) -> bool:
    bad = {chr(c) for c in range(0x20) if chr(c) not in "\t\n"} | {"\x7f", "\u202e", "\u2066"}
    bad |= {chr(c) for c in range(0x80, 0xA0)}
    return not (set(text) & bad)


def test_text_escapes_stripped_markup_literal() -> None:
    data = f"[bold red]Alert[/bold red] {ESCAPES}headline\n\n{BODY} [link=http://x]y[/link]"
    [article] = _only_articles(ingest_bytes(data.encode(), origin="evil.txt", clean=False))
    assert article.paragraphs == [
        "[bold red]Alert[/bold red] headline",
        f"{BODY} [link=http://x]y[/link]",
    ]
    assert article.title == "[bold red]Alert[/bold red] headline"
    assert _terminal_safe(article.raw)


def test_html_title_and_body_sanitised() -> None:
    page = (
        f"<html><head><title>Bridge {ESCAPES}\u202eevil\u202c news</title></head><body><article>"
        f"<h1>Bridge news</h1><p>{BODY} \x1b[5mblink\x1b[0m [red]x[/red]</p>"
        f"<p>{BODY} Second paragraph with a \u2066hidden\u2069 isolate.</p></article></body></html>"
    )
    [article] = _only_articles(ingest_bytes(page.encode(), origin="evil.html"))
    everything = " ".join([article.title, *article.paragraphs, article.raw])
    assert _terminal_safe(everything)
    assert f"{BODY} blink [red]x[/red]" in article.paragraphs


def test_jsonl_fields_sanitised() -> None:
    line = json.dumps(
        {"title": f"T{ESCAPES}itle\u0000", "text": f"{BODY}\u001b[31m red", "url": "https://x/\x07"}
    )
    [article] = _only_articles(ingest_bytes(line.encode(), origin="b.jsonl", clean=False))
    assert article.title == "Title"
    assert article.url == "https://x/"
    assert article.paragraphs == [f"{BODY} red"]


def test_entity_bomb_not_expanded() -> None:
    lol = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
    page = (
        f'<?xml version="1.0"?><!DOCTYPE html [<!ENTITY l0 "lol">{lol}]>'
        f"<html><body><article><p>{BODY} &l9;</p><p>{BODY}</p></article></body></html>"
    )
    start = time.monotonic()
    results = ingest_bytes(page.encode(), origin="bomb.html")
    assert time.monotonic() - start < 20
    text = " ".join(p for r in results if isinstance(r, Article) for p in r.paragraphs)
    assert "lollol" not in text


def test_deep_nesting_does_not_crash() -> None:
    depth = 3000
    page = "<html><body>" + "<div>" * depth + f"<p>{BODY}</p>" + "</div>" * depth + "</body></html>"
    try:
        results = ingest_bytes(page.encode(), origin="deep.html")
    except IngestError as exc:  # trafilatura may give up on such a tree: a clear error, no crash
        assert "deep.html has no article text" in str(exc)
    else:
        assert len(results) == 1 and isinstance(results[0], Article)


def test_one_huge_line() -> None:
    data = ("word " * 50_000).encode()  # 250 KB on one line: within one article's 300 KB
    [article] = _only_articles(ingest_bytes(data, origin="huge.txt", clean=False))
    assert article.word_count == 50_000
    assert len(article.title) <= 200


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"kind": "pdf"}, "Unknown input format 'pdf'"),
        ({"published": "14/09/2020"}, "not a YYYY-MM-DD date"),
        ({"published": "2020-02-30"}, "not a YYYY-MM-DD date"),
    ],
)
def test_bad_options_refused(kwargs: dict[str, str], message: str) -> None:
    with pytest.raises(IngestError, match=message):
        ingest_bytes(BODY.encode(), origin="x.txt", **kwargs)


def test_forced_html_on_text_without_story() -> None:
    with pytest.raises(IngestError, match=r"short\.txt has no article text"):
        ingest_bytes(b"hi", origin="short.txt", kind="html")


def test_same_bytes_same_id_other_bytes_other_id() -> None:
    [a] = ingest_bytes(BODY.encode(), origin="a.txt", clean=False)
    [b] = ingest_bytes(BODY.encode(), origin="b.txt", clean=False)
    [c] = ingest_bytes((BODY + " ").encode(), origin="c.txt", clean=False)
    assert isinstance(a, Article) and isinstance(b, Article) and isinstance(c, Article)
    assert a.id == b.id != c.id


def test_escapes_written_as_html_entities_are_stripped() -> None:
    page = (
        "<html><head><title>Bridge&#27;]0;owned&#7; news &#x202e;x</title></head><body><article>"
        f"<p>{BODY} &#27;[31mred&#27;[0m and &#x9b;1m here.</p><p>{BODY}</p>"
        '<figure><img src="a.jpg"><figcaption>The bridge at dawn &#27;[5m(Photo: A. B.)'
        "</figcaption></figure></article></body></html>"
    )
    [article] = _only_articles(ingest_bytes(page.encode(), origin="entities.html"))
    everything = [article.title, *article.paragraphs]
    everything += [c.text + (c.credit or "") for c in article.captions]
    assert all(_terminal_safe(text) for text in everything)
    # The escape character is gone; what followed it is harmless literal text.
    assert f"{BODY} [31mred[0m and 1m here." in article.paragraphs
