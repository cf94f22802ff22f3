"""HTML extraction with real trafilatura: an invented news page, empty and broken pages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.stories import STORY
from tui.ingest import ingest_bytes
from tui.ingest.errors import IngestError
from tui.ingest.html import extract_html
from tui.ingest.html_page import split_credit

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"
EVAL = SHARED / "eval" / "extraction"

SUBHEAD = "What happens next"
QUOTE = (
    "The bridge has served this town for ninety years, and it deserves to be saved rather than "
    "replaced by something cheaper.",
)[0]
CAPTION = "Mayor Ana Ruiz speaks to reporters beside the harbour bridge on Tuesday."


def news_page() -> str:
    """A realistic page: head metadata, nav, ads, scripts, a figure, the story, comments, footer."""
    paras = "".join(f"<p>{p}</p>" for p in STORY[:3])
    rest = "".join(f"<p>{p}</p>" for p in STORY[3:])
    related = "".join(
        f'<li><a href="/news/{i}">Related headline number {i} about something else</a></li>'
        for i in range(6)
    )
    return f"""<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Lakeview council votes to close harbour bridge | Lakeview Daily</title>
<meta property="og:title" content="Lakeview council votes to close harbour bridge">
<meta property="og:site_name" content="Lakeview Daily">
<meta name="author" content="Maria Lopez">
<meta property="article:published_time" content="2024-03-12T09:30:00-05:00">
<link rel="canonical" href="https://lakeviewdaily.example/news/harbour-bridge-closure">
<script>window.dataLayer = [{{"page": "article"}}]; function track() {{ return 1; }}</script>
<style>.ad {{ display: block; }}</style>
</head><body>
<header><nav class="site-nav"><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li>
<li><a href="/sports">Sports</a></li>
<li><a href="/subscribe">Subscribe now for $1</a></li></ul></nav>
</header>
<div class="ad ad-top">ADVERTISEMENT Buy the new Zoomster 3000 phone today at half price</div>
<main><article class="story">
<h1>Lakeview council votes to close harbour bridge</h1>
<div class="byline">By <a href="/authors/maria">Maria Lopez</a>
<time datetime="2024-03-12">March 12, 2024</time></div>
<figure><img src="/img/bridge.jpg" alt="bridge">
<figcaption>{CAPTION} (Photo: Tom Reyes/Lakeview Daily)</figcaption></figure>
<div class="story-body">{paras}
<h2>{SUBHEAD}</h2>
<blockquote><p>{QUOTE}</p></blockquote>
{rest}
<script>document.write("INJECTED SCRIPT TEXT");</script>
</div></article>
<aside class="related"><h3>More from Lakeview Daily</h3><ul>{related}</ul></aside>
<section id="comments" class="comments"><h3>Comments</h3>
<div class="comment"><p>This is a comment by a reader named trollface who hates bridges.</p></div>
</section></main>
<footer><p>© 2024 Lakeview Daily. All rights reserved.</p>
<p><a href="/privacy">Privacy policy</a> | <a href="/terms">Terms of use</a></p></footer>
</body></html>"""


@pytest.fixture(scope="module")
def extracted():
    return extract_html(news_page(), "https://lakeviewdaily.example/news/harbour-bridge-closure")


def test_story_kept_in_order(extracted) -> None:
    body = extracted.paragraphs
    positions = [body.index(p) for p in STORY]
    assert positions == sorted(positions)
    assert SUBHEAD in body and QUOTE in body


def test_block_kinds(extracted) -> None:
    kinds = dict(zip(extracted.paragraphs, extracted.kinds, strict=True))
    assert kinds[SUBHEAD] == "h"
    assert kinds[QUOTE] == "quote"
    assert all(kinds[p] == "p" for p in STORY)


def test_boilerplate_gone(extracted) -> None:
    text = "\n".join(extracted.paragraphs)
    for junk in (
        "Home",
        "Subscribe now",
        "Zoomster",
        "window.dataLayer",
        "INJECTED SCRIPT",
        "Related headline",
        "trollface",
        "All rights reserved",
        "Privacy policy",
        CAPTION,
    ):
        assert junk not in text, junk
    # The headline is the title, not a body paragraph.
    assert "Lakeview council votes to close harbour bridge" not in extracted.paragraphs


def test_metadata(extracted) -> None:
    assert extracted.title == "Lakeview council votes to close harbour bridge"
    assert extracted.source == "Lakeview Daily"
    assert extracted.author == "Maria Lopez"
    assert extracted.url == "https://lakeviewdaily.example/news/harbour-bridge-closure"
    assert extracted.published is not None
    assert (extracted.published.value, extracted.published.granularity) == ("2024-03-12", "day")
    assert extracted.published.origin == "metadata"


def test_caption_and_credit(extracted) -> None:
    assert len(extracted.captions) == 1
    assert extracted.captions[0].text == CAPTION
    assert extracted.captions[0].credit == "Tom Reyes/Lakeview Daily"


def test_caption_credit_element() -> None:
    page = news_page().replace(
        "(Photo: Tom Reyes/Lakeview Daily)",
        '<span class="image-credit">HANDOUT/AFP/Getty Images</span>',
    )
    caption = extract_html(page).captions[0]
    assert (caption.text, caption.credit) == (CAPTION, "HANDOUT/AFP/Getty Images")


@pytest.mark.parametrize(
    ("caption", "text", "credit"),
    [
        (
            "Smoke rises over the port. Photo: Ann Lee/Reuters",
            "Smoke rises over the port.",
            "Ann Lee/Reuters",
        ),
        (
            "Putin, right, in Sochi on Sept. 14. HANDOUT/AFP/Getty Images",
            "Putin, right, in Sochi on Sept. 14.",
            "HANDOUT/AFP/Getty Images",
        ),
        ("Fans cheer the team (AP Photo/Evan Vucci)", "Fans cheer the team", "AP Photo/Evan Vucci"),
        (
            "Voters line up.Credit...Doug Mills/The New York Times",
            "Voters line up.",
            "Doug Mills/The New York Times",
        ),
        ("A credit union branch on Main Street.", "A credit union branch on Main Street.", None),
        ("He was born in 1950 (aged 70 now)", "He was born in 1950 (aged 70 now)", None),
    ],
)
def test_split_credit(caption: str, text: str, credit: str | None) -> None:
    assert split_credit(caption) == (text, credit)


def test_page_without_body_is_refused() -> None:
    page = (
        "<html><head><title>Nothing here</title></head><body><nav><a href='/'>Home</a>"
        "<a href='/a'>About</a></nav><div><img src='x.png'></div></body></html>"
    )
    with pytest.raises(IngestError, match=r"empty\.html has no article text"):
        extract_html(page, name="empty.html")


def test_malformed_html_still_extracts() -> None:
    story = " ".join(STORY)
    page = (
        "<html><head><title>Broken page</title><body><div class='story'><p>" + STORY[0] + "<p>"
        + STORY[1] + "<b><i>" + STORY[2] + "</b></i><p>" + STORY[3] + "</span></td>"
        + "<p>" + STORY[4] + "<p><unknown-tag></div></div></html></html>"
    )  # fmt: skip
    ex = extract_html(page)
    joined = " ".join(ex.paragraphs)
    for sentence in STORY:
        assert sentence in joined
    assert len(joined) <= len(story) + 50


def test_ingest_bytes_html_article() -> None:
    data = news_page().encode("utf-8")
    [article] = ingest_bytes(data, origin="bridge.html")
    assert article.raw_kind == "html" and article.raw_encoding == "utf-8"
    assert article.title == "Lakeview council votes to close harbour bridge"
    assert article.origin == "bridge.html"
    assert STORY[0] in article.paragraphs
    # --no-clean still extracts the story from a page; --published overrides the page's date.
    [raw] = ingest_bytes(data, origin="bridge.html", clean=False, published="2024-03-15")
    assert raw.paragraphs == article.paragraphs
    assert (raw.published.value, raw.published.origin) == ("2024-03-15", "user")


def test_rich_markup_and_escapes_in_html_stay_literal() -> None:
    page = news_page().replace(
        STORY[1], "Engineers said [bold red]beware[/bold red] of \x1b[31mred\x1b[0m rust."
    )
    [article] = ingest_bytes(page.encode("utf-8"), origin="x.html")
    assert "Engineers said [bold red]beware[/bold red] of red rust." in article.paragraphs


def _eval_pages(count: int) -> list[tuple[Path, str]]:
    gold_path = EVAL / "ground-truth.json"
    if not gold_path.exists():
        pytest.skip("../shared/eval is not present")
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    pages = [(EVAL / "html" / f"{i}.html", gold[i]["articleBody"]) for i in sorted(gold)]
    pages = [p for p in pages if p[0].exists()]
    # A fixed spread over the corpus (every 13th page), not the pages that happen to score well.
    return pages[:: max(1, len(pages) // count)][:count]


def test_eval_pages_f1() -> None:
    from bench.scoring import corpus_prf
    from tui.ingest.detect import decode

    pairs = []
    for path, gold in _eval_pages(5):
        html, _ = decode(path.read_bytes(), str(path))
        pairs.append(("\n".join(extract_html(html).paragraphs), gold))
    assert len(pairs) == 5
    _, _, f1 = corpus_prf(pairs)
    assert f1 >= 0.9


def _page(body: str) -> str:
    return (
        "<html><head><title>Lakeview council votes to close harbour bridge</title></head><body>"
        f"<nav><a href='/'>Home</a> <a href='/news'>News</a></nav><main><article>{body}</article>"
        "</main><footer><p>© 2024 Lakeview Daily</p></footer></body></html>"
    )


def test_story_split_over_same_class_containers() -> None:
    first = "".join(f"<p>{p}</p>" for p in STORY[:3])
    second = "".join(f"<p>{p}</p>" for p in STORY[3:])
    comment = "I think the council is wrong about this bridge and so do all my neighbours here."
    body = (
        f'<div class="story-part body">{first}</div>'
        '<div class="ad-slot"><p>Sponsored: buy a boat</p></div>'
        f'<div class="story-part body">{second}</div>'
        f'<section class="comments"><div class="story-part body"><p>{comment}</p></div></section>'
    )
    paragraphs = extract_html(_page(body)).paragraphs
    assert [p for p in paragraphs if p in STORY] == STORY
    assert comment not in paragraphs


def test_embedded_tweet_kept_as_quote_in_place() -> None:
    tweet = "The bridge is closing and nobody asked us. Shame on the council!"
    body = (
        "".join(f"<p>{p}</p>" for p in STORY[:2])
        + f'<blockquote class="twitter-tweet"><p lang="en">{tweet}</p>— Jo Bloggs (@jobloggs) '
        '<a href="https://twitter.com/jobloggs/status/1">March 12, 2024</a></blockquote>'
        + "".join(f"<p>{p}</p>" for p in STORY[2:])
    )
    ex = extract_html(_page(body))
    at = ex.paragraphs.index(tweet)
    assert ex.kinds[at] == "quote"
    assert ex.paragraphs[at - 1] == STORY[1] and ex.paragraphs[at + 2] == STORY[2]
    assert ex.paragraphs[at + 1] == "— Jo Bloggs (@jobloggs) March 12, 2024"


def test_prune_keeps_a_body_of_short_lines() -> None:
    from tui.ingest.html_blocks import Block, prune_blocks

    texts = ("Roses are red,", "violets are blue,", "the bridge is closed,", "and so are you.")
    lines = [Block(t, "p") for t in texts]
    assert prune_blocks(lines, title=None) == lines
    assert prune_blocks([Block("Home", "p"), Block("About us", "p")], title=None) == []


def test_prune_drops_title_prompts_and_link_lists() -> None:
    from tui.ingest.html_blocks import Block, prune_blocks

    blocks = [
        Block("Lakeview council votes to close harbour bridge", "h"),
        Block(STORY[0], "p"),
        Block("Sign up for our Morning Briefing newsletter", "p"),
        Block("Related headline one about the weather", "li", link_chars=39),
        Block(STORY[1], "p"),
        Block("Updated at 1:23 p.m.", "p"),
        Block("Netflix raised its subscription price, the company said on Monday.", "p"),
        Block("Follow us on Twitter", "h"),
    ]
    kept = prune_blocks(blocks, title="Lakeview council votes to close harbour bridge")
    assert [b.text for b in kept] == [
        STORY[0],
        STORY[1],
        "Netflix raised its subscription price, the company said on Monday.",
    ]


def test_a_tag_with_an_empty_namespace_name_does_not_break_the_page() -> None:
    # Found by the fuzz test: `<a:>` made trafilatura's XML step raise an lxml error.
    page = (
        "<html><body><p>Ferries cross the bay twice a day, weather permitting, the harbour master "
        "said on Monday.</p><x:>aside</x:><p>The second paragraph of the story has more words "
        "in it than the first.</p></body></html>"
    )
    extracted = extract_html(page)
    assert extracted.paragraphs[0].startswith("Ferries cross the bay")
    assert extracted.paragraphs[-1].startswith("The second paragraph")
    with pytest.raises(IngestError, match="has no article text"):
        extract_html("<!doctype html><body><PRE><SPAN><A:>0", name="fuzz.html")
