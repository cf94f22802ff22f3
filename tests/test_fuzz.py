"""Property tests: whatever goes into ingest or analyze, out comes articles or a clear error.

The budget is fixed for CI (about 2,400 examples, a minute on two cores); NEWSTUI_FUZZ_SCALE=10
runs ten times as many for a deeper hunt. The spaCy model is loaded once (the session `nlp`).
"""

from __future__ import annotations

import json
import os
import re
import string

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui.ingest import ingest_bytes
from tui.ingest.errors import IngestError
from tui.model import Article
from tui.sanitize import clean_terminal_text

SCALE = float(os.environ.get("NEWSTUI_FUZZ_SCALE", "1"))
BUDGETS: list[int] = []  # each property's max_examples at SCALE 1, checked by test_budget


def budget(examples: int) -> settings:
    """Settings for one property: `examples` (times SCALE), no deadline, no flaky-timing checks."""
    BUDGETS.append(examples)
    return settings(
        max_examples=max(1, int(examples * SCALE)),
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


# Every character a terminal may act on: C0 but tab/newline, DEL, C1, and the bidi controls.
UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")
ESCAPES = [
    "\x1b[31m",
    "\x1b[2J",
    "\x1b[10;10H",
    "\x1b]52;c;ZXZpbA==\x07",
    "\x1b]8;;https://evil.example\x1b\\",
    "\x1b]0;title",
    "\x1bP1$qm\x1b\\",
    "\x9b1m",
    "\x9d0;x\x9c",
    "\x07",
    "\x08",
    "\x00",
    "\u202e",
    "\u2066",
    "\x85",
    "&#27;[31m",
    "&#x1b;]52;c;QQ==&#7;",
    "&#x9b;",
    "&#0;",
    "\\u001b[2J",
    "[bold red]",
    "[link=https://x]",
    "[/]",
]
WORDS = [
    "The", "mayor", "said", "council", "Lakeport", "Vladimir Putin", "Minsk", "Belarus", "on",
    "Monday", "Aug. 9", "last week", "in March", "2020", "the 1990s", "next year", "Tuesday,",
    "Sept. 14, 2020", "summer", "Q3", "yesterday", "—", "“quoted”", "’s", "café", "Dr.", "U.S.",
    "Ms. Tsikhanouskaya", "the European Union", "NATO", "(AP)", "...", "\t", "  ", "Москва",
    "東京", "🙂", "e\u0301", "\u200b", "3.5", "%", "$1.5-billion", "Jan.", "31", "week",
]  # fmt: skip


def assert_clean_articles(results: list[Article | IngestError]) -> None:
    """Ingest's promise: a non-empty list of Articles and line errors, every Article terminal-safe."""
    assert isinstance(results, list) and results
    for item in results:
        assert isinstance(item, Article | IngestError), type(item)
        if isinstance(item, IngestError):
            assert str(item) and "\n" not in str(item) and not UNSAFE.search(str(item))
            continue
        assert item.paragraphs and len(item.kinds) == len(item.paragraphs)
        for paragraph in item.paragraphs:
            assert paragraph and paragraph == paragraph.strip(), repr(paragraph)
            assert not UNSAFE.search(paragraph), repr(paragraph)
        for text in (item.title, item.source, item.author, item.url):
            assert text is None or not UNSAFE.search(text), repr(text)
        assert item.title.strip()
        for caption in item.captions:
            assert not UNSAFE.search(caption.text + (caption.credit or ""))


def ingest_or_error(data: bytes, **options: object) -> list[Article | IngestError]:
    """ingest_bytes, with a whole-input IngestError turned into a one-item list."""
    try:
        return ingest_bytes(data, origin="fuzz", **options)  # type: ignore[arg-type]
    except IngestError as exc:
        return [exc]


# -- ingest ------------------------------------------------------------------------------------

KINDS = st.sampled_from(["auto", "html", "text", "markdown", "jsonl"])


@budget(500)
@given(data=st.binary(max_size=2000), kind=KINDS, clean=st.booleans())
def test_any_bytes(data: bytes, kind: str, clean: bool) -> None:
    assert_clean_articles(ingest_or_error(data, kind=kind, clean=clean))


hostile_text = st.lists(
    st.one_of(st.text(max_size=40), st.sampled_from(ESCAPES), st.sampled_from(WORDS)),
    max_size=60,
).map("".join)


@budget(400)
@given(
    text=hostile_text,
    codec=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252", "latin-1"]),
    clean=st.booleans(),
)
def test_any_text_in_any_encoding(text: str, codec: str, clean: bool) -> None:
    data = text.encode(codec, errors="ignore")
    assert_clean_articles(ingest_or_error(data, clean=clean))


TAGS = ["p", "div", "article", "main", "h1", "h2", "span", "a", "b", "li", "ul", "td", "blockquote",
        "figure", "figcaption", "nav", "script", "style", "header", "footer", "aside", "time", "pre"]  # fmt: skip
ATTRS = st.sampled_from(
    ["", ' class="story"', ' class="ad"', ' href="javascript:x"', ' id="main"', " hidden",
     ' datetime="2020-09-14"', ' style="x', ' itemprop="articleBody"', "=<>", ' a="&#27;[2J"']
)  # fmt: skip
sentences = st.lists(st.sampled_from(WORDS + ESCAPES), min_size=1, max_size=25).map(" ".join)


@st.composite
def html_pages(draw: st.DrawFn) -> str:
    """Tag soup: nested, unclosed and stray tags, comments, entities and escapes around prose."""
    leaf = st.one_of(
        sentences, st.text(max_size=20), st.sampled_from(["<!--", "-->", "<", "&", "]]>"])
    )
    node = st.recursive(
        leaf,
        lambda inner: st.builds(
            lambda tag, attrs, kids, close: (
                f"<{tag}{attrs}>{''.join(kids)}" + (f"</{tag}>" if close else "")
            ),
            st.sampled_from(TAGS),
            ATTRS,
            st.lists(inner, max_size=5),
            st.booleans(),
        ),
        max_leaves=30,
    )
    head = draw(st.sampled_from(["", "<!doctype html>", "<html>", "<?xml version='1.0'?>"]))
    title = draw(
        st.one_of(
            st.just(""),
            sentences.map(lambda s: f"<head><title>{s}</title><meta charset='utf-8'></head>"),
        )
    )
    body = "".join(draw(st.lists(node, min_size=1, max_size=6)))
    return head + title + draw(st.sampled_from(["<body>", ""])) + body


@budget(400)
@given(page=html_pages(), kind=st.sampled_from(["auto", "html"]))
def test_html_like_pages(page: str, kind: str) -> None:
    assert_clean_articles(ingest_or_error(page.encode("utf-8"), kind=kind))


json_values = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), hostile_text, sentences,
    st.sampled_from(["2020-09-14", "2020-09-14T10:00:00Z", "2020-02-30", "14/09/2020", ""]),
    st.lists(st.integers(), max_size=3), st.dictionaries(st.text(max_size=5), st.integers(), max_size=2),
)  # fmt: skip
json_objects = st.dictionaries(
    st.sampled_from(["title", "url", "html", "text", "published", "source", "author", "other"]),
    json_values,
    max_size=6,
)
jsonl_lines = st.one_of(
    json_objects.map(lambda o: json.dumps(o, ensure_ascii=False, allow_nan=True)),
    json_objects.map(lambda o: json.dumps(o)),  # \u001b and friends as JSON escapes
    st.just(""),
    st.sampled_from(["{", "[1, 2]", "null", '"text"', "{bad json}", "   ", "\x1b[2J{}"]),
    hostile_text,
)


@budget(400)
@given(lines=st.lists(jsonl_lines, min_size=1, max_size=8), kind=st.sampled_from(["auto", "jsonl"]))
def test_jsonl_like_batches(lines: list[str], kind: str) -> None:
    text = "\n".join(lines)
    results = ingest_or_error(text.encode("utf-8"), kind=kind)
    assert_clean_articles(results)
    for item in results:
        if isinstance(item, IngestError) and kind == "jsonl" and "Line " in str(item):
            assert re.search(r"Line \d+ of fuzz", str(item))


# -- sanitizing ----------------------------------------------------------------------------------


@budget(300)
@given(text=hostile_text)
def test_clean_terminal_text_is_safe_idempotent_and_keeps_plain_text(text: str) -> None:
    cleaned = clean_terminal_text(text)
    assert not UNSAFE.search(cleaned)
    assert clean_terminal_text(cleaned) == cleaned
    plain = "".join(ch for ch in text if ch in string.ascii_letters + " .,")
    assert clean_terminal_text(plain) == plain


# -- analyze -------------------------------------------------------------------------------------

TIMEML = re.compile(
    r"^(?:\d{4}-\d{2}-\d{2}|\d{4}-W\d{2}|\d{4}-\d{2}|\d{4}-Q[1-4]|\d{4}-(?:SP|SU|FA|WI)|\d{4}|\d{3})$"
)
GRANULARITY = {
    r"^\d{4}-\d{2}-\d{2}$": "day",
    r"^\d{4}-W\d{2}$": "week",
    r"^\d{4}-\d{2}$": "month",
    r"^\d{4}-Q[1-4]$": "quarter",
    r"^\d{4}-(?:SP|SU|FA|WI)$": "season",
    r"^\d{4}$": "year",
    r"^\d{3}$": "decade",
}
paragraphs = st.lists(
    st.lists(st.sampled_from(WORDS), min_size=1, max_size=30).map(" ".join).map(str.strip),
    min_size=1,
    max_size=6,
)


@budget(400)
@given(
    paras=paragraphs,
    published=st.one_of(
        st.none(),
        st.dates().map(lambda d: f"{d.year:04d}-{d.month:02d}-{d.day:02d}"),
        st.sampled_from(["0001-01-01", "0999-12-31", "9999-12-31", "2020-02-29"]),
    ),
)
def test_analyze_offsets_and_timeml_values(nlp, paras: list[str], published: str | None) -> None:
    from tui.nlp.pipeline import analyze_articles

    results = ingest_or_error("\n\n".join(paras).encode("utf-8"), kind="text", clean=False,
                              published=published)  # fmt: skip
    articles = [r for r in results if isinstance(r, Article)]
    if not articles:
        assert all(isinstance(r, IngestError) for r in results)
        return
    analyze_articles(articles, nlp=nlp)
    (article,) = articles
    assert article.analyzed
    for entity in article.entities:
        assert entity.count == len(entity.mentions) > 0
        for m in entity.mentions:
            assert article.paragraphs[m.paragraph][m.start : m.end] == m.text, m
    positions = [(t.paragraph, t.start) for t in article.timeline]
    assert positions == sorted(positions)
    for t in article.timeline:
        assert article.paragraphs[t.paragraph][t.start : t.end] == t.text, t
        assert TIMEML.match(t.value), t.value
        expected = next(g for pattern, g in GRANULARITY.items() if re.match(pattern, t.value))
        assert t.granularity == expected, t
        assert t.text in t.sentence


def test_years_before_1000_are_four_digit_timeml(nlp) -> None:
    """Found by the fuzzing below: "next year" from 0998 was once written "999", a decade."""
    from tui.nlp.pipeline import analyze_articles

    [article] = ingest_bytes(b"next year", origin="x", clean=False, published="0998-01-01")
    assert isinstance(article, Article)
    analyze_articles([article], nlp=nlp)
    assert [t.value for t in article.timeline] == ["0999"]


def test_months_past_9999_are_not_timeline_values(nlp) -> None:
    from tui.nlp.pipeline import analyze_articles

    [article] = ingest_bytes(b"next month", origin="x", clean=False, published="9999-12-31")
    assert isinstance(article, Article)
    analyze_articles([article], nlp=nlp)
    assert all(TIMEML.match(t.value) for t in article.timeline)


def test_a_quotation_said_on_a_weekday_before_the_first_day_is_no_day(nlp) -> None:
    """Found by the fuzzing: "said Monday" after a quotation, seen from 0001-01-01, overflowed."""
    from tui.nlp.pipeline import analyze_articles

    text = '"We will rebuild," the mayor said Sunday. "It starts today," she said yesterday.'
    [article] = ingest_bytes(text.encode(), origin="x", clean=False, published="0001-01-01")
    assert isinstance(article, Article)
    analyze_articles([article], nlp=nlp)  # no OverflowError
    assert all(TIMEML.match(t.value) for t in article.timeline)


def test_budget() -> None:
    """The issue's bar: at least 2,000 fuzz examples in a CI run, across six properties."""
    assert len(BUDGETS) == 6
    assert sum(BUDGETS) >= 2000
