"""What a dump says about its story besides the body: captions, title, source, date and author."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from tui.calendar_words import MONTH_NAME, month_number
from tui.ingest.meta_clean import clean_byline, strip_site
from tui.ingest.text_furniture import is_boilerplate
from tui.ingest.text_lines import Line
from tui.ingest.text_score import is_code, word_count
from tui.model import Caption, PublishedDate

_TITLE_WORDS = 14
# How far above the story's first line a headline is looked for, and how close a plain line must be.
_TITLE_REACH = 15
_HEADLINE_GAP = 8

_MONTH = MONTH_NAME + r"\.?"
_DATE_MDY = re.compile(rf"\b({_MONTH})\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b")
_DATE_DMY = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTH})\s*,?\s+(\d{{4}})\b")
_DATE_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_PUBLISHED = re.compile(
    r"\b(?:published|updated|posted|last (?:updated|modified)|first published)\b", re.IGNORECASE
)
_NAME = r"[A-ZÀ-ÖØ-Þ][\w.'’-]*"
_BYLINE = re.compile(
    rf"^(?i:by|written by|words by|author:)\s+"
    rf"({_NAME}(?:\s+(?:{_NAME}|and|&|de|da|van|von|der)){{0,7}})"
)
_BYLINE_WORDS = 14
_AUTHOR_TAIL = re.compile(
    r"\s*(?:,|\band\b|\||-|–|—)?\s*(?:the )?(?:associated press|reuters|afp|ap|staff|updated|"
    r"published|posted|\d|(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.|january|february|"
    r"march|april|june|july|august|september|october|november|december)\b.*$",
    re.IGNORECASE,
)
# A photo credit names a photo service or says "photo"; a bare agency name ("Reuters") may be
# a story's sign-off, so it only counts inside "Name/AGENCY".
_CREDIT = re.compile(
    r"\b(?:getty images|ap photo|shutterstock|istock|handout|courtesy|file photo|photographer|"
    r"photo illustration)\b|^(?:photo|photograph|image|picture|credit|foto)s?\s*(?:by\b|:)",
    re.IGNORECASE,
)
_NAME_COMMA_AGENCY = re.compile(
    r"^[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,3},\s*(?:the )?(?:associated press|reuters|afp|ap|"
    r"bloomberg|epa|getty images|[A-Z ]*PRESS)\s*$",
    re.IGNORECASE,
)
_NAME_SLASH_AGENCY = re.compile(r"\b[A-Z][A-Za-z.]+\s?/\s?[A-Z][A-Za-z.]+")
_INLINE_CREDIT = re.compile(
    r"^(.{25,}?[.!?”\"])\s*\(((?:[^()]*\b(?:photo|image|getty|afp|reuters|ap|credit|courtesy)\b"
    r"[^()]*))\)\s*$",
    re.IGNORECASE,
)
# "A caption. Credit: Getty Images" or "A caption Photo: Jane Doe/Reuters" on one line.
# Some pages run the credit straight on: "A caption on the harbourCredit: Jane Doe".
_CREDIT_SUFFIX = re.compile(
    r"^(.{25,}?)(?:\s+|(?<=[a-z.!?”\"])(?=(?-i:Credit):))"
    r"((?:photo |image )?credit:\s*\S.{0,60}|photo:\s*\S.{0,60})$",
    re.IGNORECASE,
)
# "A caption. Jane Doe / Reuters file": a sentence, then a photographer and agency.
_SLASH_SUFFIX = re.compile(
    r"^(.{25,}?[.!?”])\s+([A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,3}\s?/\s?[A-Z][\w.]+(?: \w+){0,3})$"
)
_COPYRIGHT = re.compile(
    r"(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{2,4})?\s*,?\s*)?"
    r"([A-Z][\w&.'’ -]{1,60}?)\s*(?:[.,;|]|\ball rights\b|$)",
    re.IGNORECASE,
)
_TITLE_SPLIT = re.compile(r"\s+[|–—-]\s+|\s+::\s+|\s+»\s+")
# lynx's first line names the page's feeds: "#[1]The Daily » Feed [2]The Daily » Comments Feed".
_FEED_NAME = re.compile(
    r"^\s*#\s*([^»]{2,60}?)\s*(?:»\s*)?(?:RSS\s+|Atom\s+)?Feed\b", re.IGNORECASE
)
# What a © line says after the holder's name: links of the footer, a company register.
_HOLDER_TAIL = re.compile(
    r"\s+(?:terms|privacy|contact|about|all rights|limited in|ltd in|registered)\b.*$|"
    r"\s+\d{4}(?:\s*[-–]\s*\d{2,4})?\s*$",
    re.IGNORECASE,
)
_CLOCK = re.compile(r"\b\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?\b|GMT|UTC|ET|EST|EDT|PT|PST|BST)", re.I)
_CRUMBS = re.compile(r"\s[>›»/]\s|^\W")
# "Filed to: innovation", "Tags: a, b": a label and a value or two, not a headline; or a URL.
_LABEL = re.compile(r"^[\w ]{1,20}:(?:\S|\s*\S+(?:\s+\S+)?\s*$)|https?:|www\.")
_NAV_WORDS = re.compile(
    r"^(?:home|menu|news|sports?|search|sign in|log in|subscribe|skip to .*|main menu|"
    r"top stories|latest|more|share|close|open|business|opinion|world|politics)$",
    re.IGNORECASE,
)


@dataclass(slots=True)
class Meta:
    """Metadata inferred from a dump."""

    title: str | None = None
    title_origin: str | None = None
    source: str | None = None
    author: str | None = None
    published: PublishedDate | None = None


def shorten(text: str, words: int = _TITLE_WORDS) -> str:
    """A line cut to a title's length at a word boundary, with an ellipsis when cut."""
    parts = text.split()
    if len(parts) <= words:
        return text.strip()
    return " ".join(parts[:words]).rstrip(",;:–—-") + "…"


def find_date(text: str) -> str | None:
    """The first calendar date written in a line, as YYYY-MM-DD."""
    found: list[tuple[int, str]] = []
    for m in _DATE_MDY.finditer(text):
        found.append((m.start(), _ymd(m.group(3), month_number(m.group(1)), m.group(2))))
    for m in _DATE_DMY.finditer(text):
        found.append((m.start(), _ymd(m.group(3), month_number(m.group(2)), m.group(1))))
    for m in _DATE_ISO.finditer(text):
        found.append((m.start(), _ymd(m.group(1), int(m.group(2)), m.group(3))))
    valid = sorted((pos, d) for pos, d in found if d)
    return valid[0][1] if valid else None


def _ymd(year: str, month: int, day: str) -> str:
    """A checked YYYY-MM-DD, or '' when the parts make no date."""
    y, d = int(year), int(day)
    if not (1 <= month <= 12 and 1 <= d <= 31 and 1900 <= y <= 2100):
        return ""
    return f"{y:04d}-{month:02d}-{d:02d}"


def is_credit(text: str) -> bool:
    """Whether a line is a photo credit: short, agency or photographer words, no sentence."""
    words = text.split()
    if "http" in text or ".com/" in text:
        return False
    sentence = text.rstrip().endswith((".", "?", "!")) and len(words) > 4
    if not words or len(words) > 10 or sentence:
        return False
    return bool(
        _CREDIT.search(text) or _NAME_SLASH_AGENCY.search(text) or _NAME_COMMA_AGENCY.match(text)
    )


def find_captions(lines: list[Line]) -> tuple[list[Caption], set[int]]:
    """Photo captions with their credits, and the indices of the lines they take from the body."""
    captions: list[Caption] = []
    taken: set[int] = set()
    for i, line in enumerate(lines):
        if i in taken:
            continue
        text = line.text
        if (
            m := _INLINE_CREDIT.match(text)
            or _CREDIT_SUFFIX.match(text)
            or _SLASH_SUFFIX.match(text)
        ):
            captions.append(Caption(m.group(1).strip(), m.group(2).strip()))
            taken.add(i)
            continue
        if not is_credit(line.text) or i == 0:
            continue
        prev = lines[i - 1]
        prev_words = word_count(prev.text)
        if i - 1 in taken or prev_words < 5 or is_code(prev.text):
            continue
        if is_boilerplate(prev.text, prev_words) or is_credit(prev.text):
            continue
        captions.append(Caption(prev.text, line.text.strip()))
        taken.update((i - 1, i))
    return captions, taken


def is_byline(text: str) -> bool:
    """Whether a line is a byline ("By Jane Doe", "by Jo Marsh | Staff writer"), not a short
    sentence ("By Tuesday it was over.")."""
    text = text.strip()
    if word_count(text) > _BYLINE_WORDS or text.endswith((".", "!", "?")):
        return False
    return bool(_BYLINE.match(text))


def _find_author(lines: list[Line]) -> str | None:
    """The name in the first byline ("By Jane Doe")."""
    for line in lines:
        if word_count(line.text) > _BYLINE_WORDS:
            continue
        if m := _BYLINE.match(line.text.strip()):
            name = _AUTHOR_TAIL.sub("", m.group(1)).strip(" ,.")
            if name and name[0].isupper() and len(name.split()) >= 2:
                return name
    return None


def _find_published(
    lines: list[Line], body_lines: list[Line], keep: list[int], captions: list[Caption]
) -> PublishedDate | None:
    """The publication date: a byline or dateline date near the story's top, else a caption date."""
    first_story = body_lines[keep[0]].text if keep else None
    caption_text = {c.text for c in captions}
    window: list[Line] = []
    for line in lines:
        if line.text == first_story:
            break
        if line.text not in caption_text:
            window.append(line)
    window = window[-25:] + [body_lines[i] for i in keep[:3]]
    for line in window:
        published = word_count(line.text) <= 25 and _PUBLISHED.search(line.text)
        if published and (value := find_date(line.text)):
            return PublishedDate(value, "day", "dateline")
    for line in window:
        if word_count(line.text) <= 12 and (value := find_date(line.text)):
            return PublishedDate(value, "day", "dateline")
    for caption in captions:
        if value := find_date(caption.text):
            return PublishedDate(value, "day", "caption")
    return None


def _title_parts(lines: list[Line]) -> list[str]:
    """The first line cut at title separators ("Headline | Site"), or [] when it has none."""
    if not lines:
        return []
    parts = [p.strip() for p in _TITLE_SPLIT.split(lines[0].text.strip()) if p.strip()]
    return parts if len(parts) >= 2 else []


def page_headline(lines: list[Line]) -> str | None:
    """The headline part of the page title on the dump's first line ("Headline | Site"), if any."""
    parts = _title_parts(lines)
    return parts[0] if parts and len(parts[0].split()) >= 4 else None


def _find_source(lines: list[Line]) -> str | None:
    """The site's name: a page-title suffix ("Headline | Site"), the name lynx prints for the
    page's feeds ("Site » Feed"), a © footer's holder, or a short line repeated at the top."""
    suffixes = [p for p in _title_parts(lines)[1:] if 1 <= len(p.split()) <= 4]
    if suffixes:
        page = "\n".join(line.text.lower() for line in lines)
        return max(reversed(suffixes), key=lambda p: page.count(p.lower()))
    for line in lines[:3]:
        if m := _FEED_NAME.search(line.text):
            return _TITLE_SPLIT.split(m.group(1))[0].strip()
    for line in reversed(lines[-60:]):
        if m := _COPYRIGHT.search(line.text):
            name = _HOLDER_TAIL.sub("", m.group(1)).strip(" .,")
            name = re.sub(r"^(?i:copyright)\s+", "", name)
            if name and not name.lower().startswith(("all rights", "by ")) and len(name) >= 2:
                return name
    head = [line.text.strip() for line in lines[:40]]
    counts = Counter(head)
    for text in head[:5]:
        words = text.split()
        if counts[text] < 2 or not 1 <= len(words) <= 6 or _NAV_WORDS.match(text):
            continue
        name_like = text[0].isupper() and not text.endswith((".", "!", "?", ":"))
        lettered = sum(c.isalpha() for c in text) >= 3
        if name_like and lettered and not find_date(text) and not is_boilerplate(text, len(words)):
            return text
    return None


def _is_headline(text: str) -> bool:
    """Whether a line looks like a headline: a few words, no full stop, not a date or byline."""
    words = word_count(text)
    if not 3 <= words <= 25 or text.rstrip().endswith((".", ",", ";")):
        return False
    if _BYLINE.match(text) or _PUBLISHED.search(text) or is_credit(text):
        return False
    if is_boilerplate(text, words) or is_code(text):
        return False
    if _CRUMBS.search(text) or _LABEL.search(text) or _CLOCK.search(text):
        return False
    tokens = text.split()
    numbers = sum(1 for t in tokens if any(c.isdigit() for c in t))
    letters = sum(c.isalpha() for c in text) / max(1, len(text.replace(" ", "")))
    return numbers <= 2 and letters >= 0.6 and not (find_date(text) and words <= 15)


def _find_title(
    lines: list[Line], body_lines: list[Line], keep: list[int], captions: list[Caption]
) -> tuple[str, str] | None:
    """The headline: a Markdown heading, the page title's line, a headline-like line just above
    the story; else the lead sentence, shortened."""
    if not keep:
        return None
    first = body_lines[keep[0]]
    if len(keep) > 1 and (first.kind == "h" or _is_headline(first.text)):
        return shorten(first.text, 25), "headline"
    top = next((i for i, line in enumerate(lines) if line is first), 0)
    parts = _title_parts(lines)
    if parts and len(parts[0].split()) >= 4:
        key = parts[0].lower()[:40]
        for line in lines[1:top]:
            if line.text.lower().startswith(key):
                return shorten(line.text, 25), "headline"
    skip = {c.text for c in captions} | {c.credit for c in captions if c.credit}
    nearby: list[tuple[int, Line]] = []
    for i in range(top - 1, max(-1, top - 1 - _TITLE_REACH), -1):
        if is_code(lines[i].text):
            break
        if lines[i].text not in skip and _is_headline(lines[i].text):
            nearby.append((i, lines[i]))
    headings = [line for _, line in nearby if line.kind == "h"] or _set_apart(nearby, first)
    if headings:
        return shorten(headings[-1].text, 25), "headline"  # the topmost: the title, not the dek
    if nearby and nearby[0][0] >= top - _HEADLINE_GAP:
        return shorten(nearby[0][1].text, 25), "headline"
    if parts and len(parts[0].split()) >= 4 and not is_boilerplate(parts[0], 4):
        return shorten(parts[0], 25), "metadata"
    lead = re.split(r"(?<=[.!?])\s", first.text, maxsplit=1)[0]
    return shorten(lead), "lead"


def _set_apart(nearby: list[tuple[int, Line]], first: Line) -> list[Line]:
    """Headline-like lines indented unlike the story (lynx centres an `<h1>`), when the story is
    indented: the headline, where the line nearest the story is its standfirst."""
    if first.indent == 0 or len(nearby) < 2:
        return []
    return [line for _, line in nearby if line.indent > first.indent + 2]


def infer_metadata(
    lines: list[Line], body_lines: list[Line], keep: list[int], captions: list[Caption]
) -> Meta:
    """Title, source, author and publication date of the story found at `keep` in `body_lines`."""
    title = _find_title(lines, body_lines, keep, captions)
    source = _find_source(lines)
    if source:
        source = re.sub(r"^www\.", "", source, flags=re.IGNORECASE)
    return Meta(
        title=strip_site(title[0], [source]) if title else None,
        title_origin=title[1] if title else None,
        source=source,
        author=clean_byline(_find_author(lines)),
        published=_find_published(lines, body_lines, keep, captions),
    )
