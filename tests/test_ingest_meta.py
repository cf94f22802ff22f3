"""Metadata tidying: the site's name, titles without the site, bylines with names only."""

from __future__ import annotations

import pytest

from tests.stories import STORY
from tui.ingest import ingest_bytes
from tui.ingest.meta_clean import clean_byline, site_name, strip_site


@pytest.mark.parametrize(
    ("declared", "url", "expected"),
    [
        ("Lakeview Daily", "https://www.lakeviewdaily.com/a", "Lakeview Daily"),
        ("Harbour Times", "https://news.harbourtimes.co.uk/a", "Harbour Times"),
        ("Associated Press", "https://apnews.com/a", "Associated Press"),  # initials
        ("@Lakeview_", "https://www.lakeview.example/a", "lakeview.example"),  # a handle
        ("Hosted", "https://hosted.wire.org/story/1", "wire.org"),  # a subdomain's label
        ("Expert advice for keen gardeners", "https://growmag.com/a", "growmag.com"),  # tagline
        ("www.lakeview.ru", None, "lakeview.ru"),
        ("The Riverside Post", "http://127.0.0.1:8123/a", "The Riverside Post"),  # no domain
        (None, "https://www.lakeviewdaily.com/a", "lakeviewdaily.com"),
    ],
)
def test_site_name_reads_as_the_site_at_its_domain(
    declared: str | None, url: str | None, expected: str
) -> None:
    assert site_name(declared, url) == expected


def test_site_name_from_what_the_page_title_adds_to_the_headline() -> None:
    name = site_name(
        None,
        "https://www.orbitreview.com/a/1",
        page_title="The Orbit Review: A bigger role for a big rocket",
        title="A bigger role for a big rocket",
    )
    assert name == "The Orbit Review"


@pytest.mark.parametrize(
    ("title", "names", "url", "expected"),
    [
        ("Bridge to close for a year | Lakeview Daily", ["Lakeview Daily"], None,
         "Bridge to close for a year"),
        ("Bridge to close for a year - Lakeview Daily News", ["Lakeview Daily"], None,
         "Bridge to close for a year"),
        ("Bridge review – a slow crossing - LV247", [], "https://www.lv247.com/x",
         "Bridge review – a slow crossing"),
        ("Lakeview Daily: Bridge to close for a year", ["Lakeview Daily"], None,
         "Bridge to close for a year"),
        ("Opinion | Bridge to close for a year", ["Lakeview Daily"], None,
         "Opinion | Bridge to close for a year"),
        ("Browns - Steelers: the rematch", ["Lakeview Daily"], None,
         "Browns - Steelers: the rematch"),
    ],
)  # fmt: skip
def test_strip_site_takes_the_site_off_a_title_and_nothing_else(
    title: str, names: list[str | None], url: str | None, expected: str
) -> None:
    assert strip_site(title, names, url) == expected


@pytest.mark.parametrize(
    ("byline", "expected"),
    [
        ("Analysis by Jane Doe; Lakeview Editor-at-large", "Jane Doe"),
        ("JOHN ROE; ANN POE Associated Press", "John Roe and Ann Poe"),
        ("Sam Lee; Wire Sports Writer", "Sam Lee"),
        ("Omar Haddad Business Columnist", "Omar Haddad"),
        ("Lena Park Monday, March 3, 2025", "Lena Park"),
        ("Lakeview Daily wire services Published", None),
        ("Garden Magazine Editorial Staff", None),
        ("By Maria da Silva", "Maria da Silva"),
        ("Regan", "Regan"),
    ],
)
def test_clean_byline_keeps_names_only(byline: str, expected: str | None) -> None:
    assert clean_byline(byline) == expected


def page(title: str, site: str | None, author: str, url: str) -> str:
    paras = "".join(f"<p>{p}</p>" for p in STORY)
    og_site = f'<meta property="og:site_name" content="{site}">' if site else ""
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>{title}</title>{og_site}
<link rel="canonical" href="{url}">
<meta name="author" content="{author}">
</head><body><article><h1>Lakeview council votes to close harbour bridge</h1>{paras}</article>
</body></html>"""


def test_an_html_page_gets_the_site_name_a_bare_title_and_the_names() -> None:
    html = page(
        "Lakeview council votes to close harbour bridge - Hosted",
        "Hosted",
        "Analysis by JANE DOE; Lakeview Editor-at-large",
        "https://hosted.lakeviewwire.org/story/1",
    )
    (article,) = ingest_bytes(html.encode(), origin="page.html", kind="html")
    assert not isinstance(article, Exception)
    assert article.source == "lakeviewwire.org"
    assert article.title == "Lakeview council votes to close harbour bridge"
    assert article.author == "Jane Doe"
    assert article.paragraphs == STORY


@pytest.mark.parametrize(
    "stamp",
    [
        "Updated 6:42 p.m. PT Nov. 21, 2019",
        "Published: Nov. 21, 2019 / 06:42 PM EST",
        "Thursday, November 21, 2019 | 6:42 PM",
    ],
)
def test_a_time_stamp_under_the_byline_dates_the_story_and_leaves_the_body(stamp: str) -> None:
    text = "\n\n".join(
        ["Lakeview council votes to close harbour bridge", "By Jane Doe", stamp, *STORY]
    )
    (article,) = ingest_bytes(text.encode(), origin="story.txt", kind="text")
    assert not isinstance(article, Exception)
    assert article.paragraphs == STORY
    assert article.published is not None and article.published.value == "2019-11-21"
    assert article.author == "Jane Doe"


def test_a_dated_sentence_under_the_byline_stays_in_the_body() -> None:
    lead = "Nov. 21, 2019: the council voted again."
    text = "\n\n".join(
        ["Lakeview council votes to close harbour bridge", "By Jane Doe", lead, *STORY]
    )
    (article,) = ingest_bytes(text.encode(), origin="story.txt", kind="text")
    assert not isinstance(article, Exception)
    assert article.paragraphs == [lead, *STORY]
