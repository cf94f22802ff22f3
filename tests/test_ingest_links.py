"""Links kept from the body: HTML anchors, Markdown links, lynx's numbered links; offsets and safety."""

from __future__ import annotations

from tui.ingest import ingest_bytes
from tui.ingest.links import safe_target
from tui.model import Article

PAGE = b"""<html><head><title>Ferry deal signed</title>
<base href="https://news.example.com/story/"></head><body>
<nav><a href="/">Home</a> <a href="/ferry">Ferry</a> <a href="/calder">Calder Marine</a></nav>
<article><h1>Ferry deal signed</h1>
<p>The province signed a <a href="report.pdf">ferry contract</a> with Calder Marine on Monday,
the <a href="https://gov.example.ca/release">province said in a release</a>. The ferry runs daily.</p>
<p>Critics, including <a href="javascript:alert(1)">Niamh Okafor</a>, said the ferry deal was
rushed and wrote to <a href="mailto:desk@example.com">the desk</a> about it on Tuesday.</p>
<p>More on the ferry and its history will follow next week, officials told reporters there.</p>
</article><aside><ul><li><a href="/other">Another ferry story</a></li></ul></aside></body></html>
"""


def _links(article: Article) -> list[tuple[int, str, str]]:
    """Each link as (paragraph, the text at its offsets, target)."""
    return [
        (k.paragraph, article.paragraphs[k.paragraph][k.start : k.end], k.url)
        for k in article.links
    ]


def test_html_links_in_the_story_are_kept_with_offsets_and_absolute_targets() -> None:
    [article] = ingest_bytes(PAGE, origin="ferry.html")
    assert isinstance(article, Article)
    assert _links(article) == [
        (0, "ferry contract", "https://news.example.com/story/report.pdf"),
        (0, "province said in a release", "https://gov.example.ca/release"),
        (1, "the desk", "mailto:desk@example.com"),
    ]


def test_navigation_links_never_land_on_the_same_words_in_the_story() -> None:
    [article] = ingest_bytes(PAGE, origin="ferry.html")
    assert isinstance(article, Article)
    assert "Calder Marine" in article.paragraphs[0]
    assert all("calder" not in k.url and not k.url.endswith("/ferry") for k in article.links)


def test_markdown_inline_and_reference_links_are_kept() -> None:
    text = (
        "# Ferry deal signed\n\n"
        'The province signed a [ferry contract](https://gov.example.ca/ferry "Release") with '
        "**Calder Marine** on Monday, [officials said][rel], citing "
        "[the ferry (2019)](https://en.example.org/wiki/Ferry_(2019)).\n\n"
        "Critics including [Niamh Okafor](javascript:alert(1)) objected on Tuesday night.\n\n"
        "[rel]: https://gov.example.ca/release\n"
    )
    [article] = ingest_bytes(text.encode(), origin="ferry.md")
    assert isinstance(article, Article)
    assert article.paragraphs[1] == "Critics including Niamh Okafor objected on Tuesday night."
    assert _links(article) == [
        (0, "ferry contract", "https://gov.example.ca/ferry"),
        (0, "officials said", "https://gov.example.ca/release"),
        (0, "the ferry (2019)", "https://en.example.org/wiki/Ferry_(2019)"),
    ]


LYNX = """   [1]The Island Courier
     * [2]News
     * [3]Sports

   Transport

          Ferry deal signed after months of talks over the harbour route

   The province and the operator agreed terms for a twelve-year contract

   By [4]Tomas Whelan, Transport Reporter

   The province signed a twelve-year [5]ferry contract with Calder Marine on
   Monday, ending months of talks over the harbour route, the province said
   in a statement released in the afternoon.

   Niamh Okafor, who leads the ferry users' association, said the deal was
   rushed and that islanders had not been asked about the timetable at all.

References

   Visible links:
   1. https://courier.example.org/
   2. https://courier.example.org/news
   3. https://courier.example.org/sports
   4. https://courier.example.org/authors/tomas-whelan
   5. https://gov.example.ca/ferry-contract
"""


def test_lynx_marks_leave_the_text_and_become_links() -> None:
    [article] = ingest_bytes(LYNX.encode(), origin="stdin")
    assert isinstance(article, Article)
    assert article.title == "Ferry deal signed after months of talks over the harbour route"
    assert article.author == "Tomas Whelan"
    assert not any("[" in p or "https://" in p for p in article.paragraphs)
    assert article.paragraphs[0].startswith("The province signed a twelve-year ferry contract")
    assert _links(article) == [
        (0, "ferry contract with Calder Marine on Monday", "https://gov.example.ca/ferry-contract")
    ]


def test_bracketed_numbers_stay_when_no_reference_list_follows() -> None:
    text = b"The report [1] found that 40 per cent of trips [2]were late last year, the minister said.\n"
    [article] = ingest_bytes(text, origin="notes.txt")
    assert isinstance(article, Article)
    assert "[2]were late" in article.paragraphs[0]
    assert article.links == []


def test_links_survive_a_paragraph_cut_into_pieces() -> None:
    # One 60,000-character paragraph is cut into pieces; a link near the end lands in its piece.
    filler = "The ferry ran late again on the harbour route that morning. " * 1000
    html = f"<html><body><article><p>{filler}Read <a href='https://a.example/r'>the full report"
    html += "</a> online.</p></article></body></html>"
    [article] = ingest_bytes(html.encode(), origin="long.html")
    assert isinstance(article, Article)
    assert len(article.paragraphs) > 1
    assert _links(article) == [
        (len(article.paragraphs) - 1, "the full report", "https://a.example/r")
    ]


def test_links_are_stored_and_read_back() -> None:
    [article] = ingest_bytes(PAGE, origin="ferry.html")
    assert isinstance(article, Article)
    again = Article.from_dict(article.to_dict())
    assert again.links == article.links and len(again.links) == 3


def test_unsafe_targets_are_refused() -> None:
    assert safe_target("javascript:alert(1)") is None
    assert safe_target("data:text/html,<b>x</b>") is None
    assert safe_target("file:///etc/passwd") is None
    assert safe_target("https://a.example/p\x1b]8;;x") == "https://a.example/p"  # no escape left
    assert safe_target("/relative") is None  # nothing to resolve it against
    assert safe_target("/relative", "https://a.example/x/") == "https://a.example/relative"
    assert safe_target("#top", "https://a.example/") is None
    assert safe_target("https://a.example/a b") is None
