"""The publication day of an HTML page as the publisher's own calendar has it.

Relative dates ("Monday", "yesterday") count from this day, so it must be the publisher's local
day. trafilatura (htmldate) reads a timestamp's date as written, and many pages give a UTC one:
"2019-11-19T02:24:00Z" is Monday evening in New York, not Tuesday. A date that carries the
publisher's zone is preferred: a published timestamp with an explicit offset, then the date in the
page's URL path (/2019/11/18/), then the date the page shows its readers beside the published
timestamp (`<time datetime="... UTC">Nov 18, 2019 at 9:24 pm ET</time>`). Such a date corrects
trafilatura's only by a day either way, which is all a time zone can move it; anything further
apart is another date (an update, a related story), and trafilatura's choice stands.
"""

from __future__ import annotations

import re
from datetime import date

from lxml import html as lxml_html

from tui.calendar_words import month_number

# Metadata that holds the publication time, most trusted first.
_META_KEYS = (
    "article:published_time",
    "article:published",
    "og:published_time",
    "og:pubdate",
    "datepublished",
    "pubdate",
    "pub_date",
    "publish-date",
    "published",
    "article_publication_date",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date",
    "dcterms.created",
)
_MONTH = r"(?P<mon>(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?)"
_ZONE = r"(?P<zone>Z|[+-]\d\d:?\d\d|(?![AaPp]\.?[Mm]\b)[A-Za-z]{2,4}\b)"  # not "AM"/"PM"
_ISO = re.compile(
    rf"(?P<y>\d{{4}})-(?P<m>\d\d)-(?P<d>\d\d)(?:[T ]\d\d?:\d\d(?::\d\d(?:\.\d+)?)?\s*{_ZONE}?)?"
)
_WRITTEN = re.compile(
    rf"(?:{_MONTH}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})"
    rf"|(?P<d2>\d{{1,2}})\s+{_MONTH.replace('mon', 'mon2')},?\s+(?P<y2>\d{{4}}))"
)
_CLOCK_ZONE = re.compile(
    r"\d{1,2}:\d\d(?::\d\d)?\s*(?i:[ap]\.?m\.?)?\s*(?P<zone>[+-]\d\d:?\d\d|(?![AP]M\b)[A-Z]{2,4}\b)"
)
_UTC = {"Z", "UTC", "GMT", "UT", "+00:00", "+0000", "-00:00", "-0000"}
# Text beside a date that says it is not the publication: an update, an edit.
_NOT_PUBLISHED = re.compile(r"(?i)\b(?:updated|modified|edited|revised)\b")
_PUBLISHED_LINE = re.compile(
    r"(?i:(?:first\s+)?(?:published|posted))(?:\s+(?i:on|at))?:?\s+[^|•]{0,30}?" + _WRITTEN.pattern
)
_URL_DATE = re.compile(
    r"/(?P<y>(?:19|20)\d\d)[/-](?P<m>[01]\d)[/-](?P<d>[0-3]\d)(?:/|-|\.|$)"
    r"|/(?P<y2>(?:19|20)\d\d)(?P<m2>[01]\d)(?P<d2>[0-3]\d)/"
)
Stamp = tuple[date, str, str]  # the day as written, its zone ("offset", "utc", ""), the raw text


def publication_day(
    page: lxml_html.HtmlElement | None, extracted: str | None, url: str | None
) -> str | None:
    """The publisher's local publication day (YYYY-MM-DD), starting from trafilatura's `extracted`.

    `url` is the page's address (or its canonical link); it may carry the day in its path.
    """
    base = _iso_day(extracted) if extracted else None
    if page is None:
        return extracted
    stamps = _published_stamps(page)
    candidates = [day for day, zone, _ in stamps if zone == "offset"]
    candidates += [d for u in (url, *_page_urls(page)) if u and (d := _url_day(u))]
    candidates += _shown_days(page, stamps) + _published_lines(page)
    if base is None:
        return candidates[0].isoformat() if candidates else extracted
    for day in candidates:
        if abs((day - base).days) <= 1:
            return day.isoformat()
    return extracted


def _iso_day(value: str) -> date | None:
    m = _ISO.match(value)
    return _day(m["y"], m["m"], m["d"]) if m else None


def _day(year: str, month: str | int, day: str) -> date | None:
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        return None


def _month(name: str) -> int:
    return month_number(name)


def parse_stamp(text: str) -> Stamp | None:
    """A timestamp's day as written and what it says of its zone.

    "2019-11-18T21:24:00-05:00" and "November 19, 2019, 07:47 PM EST" carry the publisher's zone
    ("offset"); "2019-11-19T02:24:00Z" and "... UTC" are "utc"; a bare "2019-11-19 02:24" is "".
    """
    text = " ".join(text.split())
    if m := _ISO.search(text):
        day, zone = _day(m["y"], m["m"], m["d"]), m["zone"] or ""
        clock = bool(re.search(r"\d:\d", text[m.start() : m.end()]))
    elif m := _WRITTEN.search(text):
        if m["mon"]:
            day = _day(m["y"], _month(m["mon"]), m["d"])
        else:
            day = _day(m["y2"], _month(m["mon2"]), m["d2"])
        zone_m = _CLOCK_ZONE.search(text)
        zone, clock = (zone_m["zone"] if zone_m else ""), bool(re.search(r"\d:\d", text))
    else:
        return None
    if day is None:
        return None
    if not clock or not zone:
        kind = ""
    elif zone.upper() in _UTC:
        kind = "utc"
    else:
        kind = "offset"
    return day, kind, text


def _published_stamps(page: lxml_html.HtmlElement) -> list[Stamp]:
    """The page's published timestamps: metadata, JSON-LD, then `<time>` marked as published."""
    found: list[tuple[int, Stamp]] = []
    for meta in page.iter("meta"):
        keys = {(meta.get(attr) or "").strip().lower() for attr in ("property", "name", "itemprop")}
        keys |= {k for value in keys for k in value.split()}  # itemprop="datePublished dateCreated"
        rank = min((_META_KEYS.index(k) for k in keys if k in _META_KEYS), default=None)
        if rank is not None and (stamp := parse_stamp(meta.get("content") or "")):
            found.append((rank, stamp))
    for script in page.xpath('//script[@type="application/ld+json"]'):
        for m in re.finditer(r'"datePublished"\s*:\s*"([^"]{6,60})"', script.text or ""):
            if stamp := parse_stamp(m.group(1)):
                found.append((len(_META_KEYS), stamp))
    for time in page.iter("time"):
        marked = "datepublished" in (time.get("itemprop") or "").lower()
        if (marked or time.get("pubdate") is not None) and (
            stamp := parse_stamp(time.get("datetime") or "")
        ):
            found.append((len(_META_KEYS) + 1, stamp))
    return [stamp for _, stamp in sorted(found, key=lambda f: f[0]) if stamp[0].year > 1900]


def _page_urls(page: lxml_html.HtmlElement) -> list[str]:
    """The page's own address, as its canonical link and og:url give it."""
    urls = page.xpath('//link[@rel="canonical"]/@href')
    urls += page.xpath('//meta[@property="og:url"]/@content')
    return [str(u) for u in urls[:2]]


def _url_day(url: str) -> date | None:
    """The day in a URL's path: /2019/11/18/, /story/2019-11-19/, /20191119/."""
    path = re.sub(r"^[a-z]+://[^/]+", "", url.split("?")[0].split("#")[0])
    m = _URL_DATE.search(path)
    if m is None:
        return None
    if m["y"]:
        return _day(m["y"], m["m"], m["d"])
    return _day(m["y2"], m["m2"], m["d2"])


def _shown_days(page: lxml_html.HtmlElement, stamps: list[Stamp]) -> list[date]:
    """The day written for readers in a `<time>` element that holds a published timestamp.

    Only a `<time>` whose `datetime` is one of the published timestamps (or is marked published)
    counts: pages list other stories' times in their sidebars.
    """
    published = {" ".join(raw.split()) for _, _, raw in stamps}
    days: list[date] = []
    for time in page.iter("time"):
        value = " ".join((time.get("datetime") or "").split())
        if not value or not (
            value in published or _same_instant(value, published) or _marked(time)
        ):
            continue
        shown = " ".join(time.text_content().split())
        if _NOT_PUBLISHED.search(shown):
            continue
        m = _WRITTEN.search(shown)
        if m and (stamp := parse_stamp(m.group(0))):
            days.append(stamp[0])
    return days


def _published_lines(page: lxml_html.HtmlElement) -> list[date]:
    """The day of the page's first "Published Nov. 18, 2019 9:24 p.m. ET" line, as shown."""
    for element in page.iter("p", "div", "span", "li", "time"):
        # a cheap look at the element's own text first: most elements say nothing of the kind
        own = (element.text or "").lower()
        if "published" not in own and "posted" not in own:
            continue
        text = " ".join(element.text_content().split())
        if len(text) <= 80 and (m := _PUBLISHED_LINE.match(text)):
            stamp = parse_stamp(m.group(0))
            return [stamp[0]] if stamp else []
    return []


def _marked(time: lxml_html.HtmlElement) -> bool:
    """A `<time>` its page marks as the publication ("published", "date-published")."""
    marks = [
        (el.get("class") or "") + " " + (el.get("itemprop") or "")
        for el in (time, time.getparent())
        if el is not None
    ]
    return "publish" in " ".join(marks).lower()


def _same_instant(value: str, published: set[str]) -> bool:
    """`value` and a published stamp are the same time written two ways ("... UTC" and "...")."""
    if _ISO.match(value) is None:
        return False
    clock = re.sub(r"\s*(?:Z|UTC|GMT)$", "", value)
    return any(re.sub(r"\s*(?:Z|UTC|GMT)$", "", p) == clock for p in published)
