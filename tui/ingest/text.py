"""Plain-text page dumps -> the story: body paragraphs, captions, title, source, date and author.

`clean_dump` finds the story in what `lynx -dump`, html2text, inscriptis, BeautifulSoup's get_text
or a copy-paste make of a whole web page; `split_paragraphs` is the `--no-clean` path.
"""

from __future__ import annotations

import re

from tui.calendar_words import MONTH_NAME
from tui.ingest.links import block_links
from tui.ingest.text_cards import before_teaser_cards, card_summaries, spaced_cards
from tui.ingest.text_furniture import boiler_hits, is_ad_marker, site_voice_hits
from tui.ingest.text_lines import Line, dump_lines
from tui.ingest.text_meta import (
    find_captions,
    infer_metadata,
    is_byline,
    page_headline,
    shorten,
)
from tui.ingest.text_press import before_press_notes
from tui.ingest.text_score import (
    Scored,
    is_bio,
    is_code,
    is_comment_header,
    main_run,
    score_lines,
)
from tui.model import BlockKind, Extracted

# A dump is taken as already clean when at most this share of its lines is boilerplate.
_CLEAN_BAD_SHARE = 0.05
# ... at most this share menu-like, and this share menu-like or too short to judge.
_CLEAN_NAV_SHARE = 0.35
_CLEAN_UNSURE_SHARE = 0.7
_HEADING_WORDS = 14
_TABLE_ROW = re.compile(r"(?:\d[\d.,%]*\s+){3,}")
# "FootballScores & FixturesTablesTransfers": a menu whose links a converter glued together,
# which no clean story has.
_GLUED_JOINT = re.compile(r"[a-z][A-Z]")
_GLUED_JOINTS = 3
_WORDS = re.compile(r"\w+")
# Words of story after the page title's headline for the story to be taken to start there.
_HEADLINE_STORY_WORDS = 60
# An author's bio ends the story when at least this share of the story's words comes before it.
_BIO_AFTER = 0.7
# ... or this share when sure furniture follows it within a few lines.
_BIO_AFTER_FURNITURE = 0.3
_NEXT_LINES = 3
# A line at the run's edge with furniture words is furniture unless it has this many words each.
_EDGE_STORY_WORDS = 40
# A byline this near the run's start (lines, and story words before it) starts the story after it.
_BYLINE_LINES = 8
_BYLINE_STORY_WORDS = 60
# A site-voice line ends the story when at most this share of the story's words follows it.
_VOICE_REST = 0.1
# A comment's stamp near a line's start: "Jo Doe March 3, 2025 at 7:07 pm", "3 March 2025 at 19:07".
_COMMENT_STAMP = re.compile(
    rf"^.{{0,60}}?\b(?:{MONTH_NAME}\.?\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{MONTH_NAME}\s+\d{{4}})"
    r",?\s+(?:at\s+)?\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?",
    re.IGNORECASE,
)
_STAMPS = 2
_STAMPS_AFTER = 0.5
# A stretch of this many sure furniture lines ends the story when at most this share follows it.
_GAP_BAD = 4
_GAP_REST = 0.15
_ENDS_SENTENCE = re.compile(r"[.!?…。！？\"”’)]\s*$")
# A teaser's summary cut short by the site: dots straight after a word or a comma ("the plague,...").
_CUT_SHORT = re.compile(r"[\w,](?:\.{3}|…)$")


def split_paragraphs(text: str) -> Extracted:
    """Paragraphs = the input split on blank lines, trimmed; title = the first line, shortened."""
    blocks: list[str] = []
    current: list[str] = []
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        if line.strip():
            current.append(line)
        elif current:
            blocks.append("\n".join(current).strip())
            current = []
    if current:
        blocks.append("\n".join(current).strip())
    paragraphs = [b for b in blocks if b]
    title = shorten(paragraphs[0].split("\n")[0].strip()) if paragraphs else None
    return Extracted(
        paragraphs=paragraphs,
        kinds=["p"] * len(paragraphs),
        title=title,
        title_origin="lead" if title else None,
    )


def _is_clean(scored: list[Scored]) -> bool:
    """Whether the dump has (next to) no boilerplate, so that every line is story.

    Page furniture shows as code, ad markers, comment sections, glued menus, lines in its
    vocabulary and menus; a clean story has none of the first four and few of the others.
    """
    bad = nav = short = glued = 0
    for s in scored:
        glued += len(_GLUED_JOINT.findall(s.line.text)) >= _GLUED_JOINTS and s.verdict != "good"
        if glued >= 2:
            return False
        if s.line.sentence or is_code(s.line.text) or is_ad_marker(s.line.text):
            return False
        if is_comment_header(s.line):
            return False
        bad += s.verdict == "bad" and not s.repeat
        nav += s.verdict == "nav"
        short += s.verdict == "short" and not _TABLE_ROW.search(s.line.text)
    n = len(scored)
    return (
        bad <= max(1.0, _CLEAN_BAD_SHARE * n)
        and nav <= _CLEAN_NAV_SHARE * n + 1
        and (nav + short <= _CLEAN_UNSURE_SHARE * n + 1)
    )


def _sure_neighbours(scored: list[Scored], lo: int, hi: int) -> tuple[list[str], list[str]]:
    """For each line of `lo..hi`, the verdict of the nearest sure line (good or boilerplate)
    before it and after it in the run, "edge" when there is none (an image's label, and an ad
    marker that breaks into a list, are passed over): two passes, so a dump of many unsure
    lines costs linear time, not a scan from every line."""
    before, after = ["edge"] * (hi - lo), ["edge"] * (hi - lo)
    sure = [
        scored[i].verdict in ("good", "bad")
        and not scored[i].image
        and not (i > lo and scored[i - 1].verdict == "short" and is_ad_marker(scored[i].line.text))
        for i in range(lo, hi)
    ]
    last = "edge"
    for i in range(lo, hi):
        before[i - lo] = last
        if sure[i - lo]:
            last = scored[i].verdict
    last = "edge"
    for i in range(hi - 1, lo - 1, -1):
        after[i - lo] = last
        if sure[i - lo]:
            last = scored[i].verdict
    return before, after


def _keep_in_run(s: Scored, before: str, after: str) -> bool:
    """Whether a line inside the main run is story: good, or short and held between story lines
    (`before` and `after`: the verdicts of the nearest sure lines around it)."""
    if s.verdict == "nav":
        # a heading between story lines, or one that leads into them after a shop's link
        return before == "good" == after or (
            s.line.kind == "h" and before != "edge" and after == "good"
        )
    if s.verdict != "short":
        return s.verdict == "good"
    if before == "bad" and after == "bad":
        return False
    if "bad" in (before, after):
        if after == "good" and _kind(s) == "h":
            return True  # a subheading: it leads into the story lines after it
        return _ends_sentence(s.line.text) or s.line.kind in ("h", "li", "quote")
    return True


def _is_edge_furniture(s: Scored) -> bool:
    """Whether a line at an edge of the run belongs to the page around the story: a long
    paragraph of story is not, for one phrase of furniture ("follow us") inside it (a stretch
    cut from a flattened page may be a menu's words, and is)."""
    hits = boiler_hits(s.line.text)
    long_story = not s.line.sentence and hits * _EDGE_STORY_WORDS < s.words
    if s.verdict in ("bad", "nav") or (hits and not long_story):
        return True
    return s.verdict == "short" and not _ends_sentence(s.line.text)


def _ends_sentence(text: str) -> bool:
    """Whether a line ends as a sentence does (a summary cut short with dots does not)."""
    return bool(_ENDS_SENTENCE.search(text)) and not _CUT_SHORT.search(text)


def _headline_start(scored: list[Scored], start: int, end: int, headline: str | None) -> int:
    """Where the story starts in the run: right after the page title's headline when the run
    holds it with story after it (the headline and what comes before it, menus and teasers,
    are not story), else the run's start."""
    if not headline:
        return start
    key = _norm(headline)
    for i in range(1, end):
        if _norm(scored[i].line.text) == key:
            if i < start:
                return start  # the headline heads the run; a later copy is a gallery's or a box's
            story = sum(s.words for s in scored[i + 1 : end] if s.verdict == "good")
            return i + 1 if story >= _HEADLINE_STORY_WORDS else start
    return start


def _after_byline(scored: list[Scored], start: int, end: int) -> int:
    """The run's start moved past a byline in its first lines: what comes before it is the
    headline and its summary, not the story."""
    seen = 0
    for i in range(start, min(end, start + _BYLINE_LINES)):
        if seen > _BYLINE_STORY_WORDS:
            break
        if is_byline(scored[i].line.text):
            return i + 1
        seen += scored[i].words if scored[i].verdict == "good" else 0
    return start


def _norm(text: str) -> str:
    return " ".join(_WORDS.findall(text.casefold()))


def _furniture_next(scored: list[Scored], i: int, end: int) -> bool:
    """Whether one of the few lines from `i` is sure furniture (a sign-up prompt, a menu)."""
    return any(s.verdict == "bad" and not s.repeat for s in scored[i : min(end, i + _NEXT_LINES)])


def _before_bio(scored: list[Scored], start: int, end: int) -> int:
    """The run's end moved up to an author's bio in its last lines: what follows a bio is the
    page's (more by the author, comments, teasers), never the story."""
    total = sum(s.words for s in scored[start:end] if s.verdict == "good")
    seen = 0
    for i in range(start, end):
        share = _BIO_AFTER if not _furniture_next(scored, i + 1, end) else _BIO_AFTER_FURNITURE
        if seen >= share * total and is_bio(scored[i].line.text):
            return i
        seen += scored[i].words if scored[i].verdict == "good" else 0
    return end


def _before_site_voice(scored: list[Scored], start: int, end: int) -> int:
    """The run's end moved up to a line in the site's voice ("follow him on Twitter", "join our
    forums", the company's terms) in its last part, when little story follows: promos and plugs
    that end a page read like prose, and a story's own sentence rarely speaks so."""
    total = sum(s.words for s in scored[start:end] if s.verdict == "good")
    after = clean_after = 0  # story words after line i; those in lines with no site voice
    cut = end
    for i in range(end - 1, start - 1, -1):
        s = scored[i]
        if after > (1 - _BIO_AFTER) * total:
            break
        voiced = s.verdict in ("good", "short") and site_voice_hits(s.line.text) > 0
        if voiced and clean_after <= _VOICE_REST * total:
            cut = i
        words = s.words if s.verdict == "good" else 0
        after += words
        clean_after += 0 if voiced else words
    return cut


def _before_furniture_gap(scored: list[Scored], start: int, end: int) -> int:
    """The run's end moved up to a stretch of sure furniture (menus, sign-up and share buttons)
    when only a little story follows it: a bio or a teaser the run reached across the stretch."""
    total = sum(s.words for s in scored[start:end] if s.verdict == "good")
    after = 0  # story words after line i
    cut, bad = end, 0
    for i in range(end - 1, start - 1, -1):
        s = scored[i]
        if s.verdict == "good":
            if bad >= _GAP_BAD and after <= _GAP_REST * total:
                cut = i + 1
            if after > _GAP_REST * total:
                break
            after += s.words
            bad = 0
        else:
            bad += s.verdict == "bad" and not s.repeat
    if cut < end and _closing_sentence(scored[cut]):
        cut += 1  # "It is not flashy. It does not need to be.": the story's last words
    return cut


def _closing_sentence(s: Scored) -> bool:
    """A short plain sentence with no furniture's words, which may close the story above a
    stretch of furniture."""
    plain = s.line.kind == "p" and not boiler_hits(s.line.text) and not s.repeat
    return s.verdict == "short" and plain and s.words >= 4 and _ends_sentence(s.line.text)


def _clean_end(scored: list[Scored]) -> int:
    """Where a clean dump's story ends: before an author's bio or the site's voice in its last
    lines (what follows those is the page's)."""
    end = before_press_notes(scored, 0, _before_bio(scored, 0, len(scored)))
    return _before_site_voice(scored, 0, end) or len(scored)


def _before_comment_stamps(scored: list[Scored], start: int, end: int) -> int:
    """The run's end moved up to a comment thread: two or more lines opening on a date and a
    clock time ("August 8, 2018 at 7:07 pm", after a commenter's name) after half the story."""
    total = sum(s.words for s in scored[start:end] if s.verdict == "good")
    seen, stamps = 0, []
    for i in range(start, end):
        if seen >= _STAMPS_AFTER * total and _COMMENT_STAMP.search(scored[i].line.text):
            stamps.append(i)
        seen += scored[i].words if scored[i].verdict == "good" else 0
    return stamps[0] if len(stamps) >= _STAMPS else end


def _story_indices(scored: list[Scored], headline: str | None = None) -> list[int]:
    """Indices of the lines that make the story."""
    if _is_clean(scored):
        return list(range(_clean_end(scored)))
    start, end = main_run(scored)
    start = _headline_start(scored, start, end, headline)
    start = _after_byline(scored, start, end)
    start = next((i for i in range(start, end) if scored[i].line.dateline), start)
    for i in range(start, end):
        if i > start and is_comment_header(scored[i].line):
            end = i
            break
    end = _before_bio(scored, start, end)
    end = before_press_notes(scored, start, end)
    end = _before_comment_stamps(scored, start, end)
    end = _before_site_voice(scored, start, end)
    end = _before_furniture_gap(scored, start, end)
    end = before_teaser_cards(scored, start, end)
    while end > start and _is_edge_furniture(scored[end - 1]):
        end -= 1
    while start < end and _is_edge_furniture(scored[start]):
        start += 1
    before, after = _sure_neighbours(scored, start, end)
    listed = _list_items(scored, start, end)
    texts = [s.line.text for s in scored[start:end]]
    cards = card_summaries(scored, start, end) | {start + i for i in spaced_cards(texts)}
    return [
        i
        for i in range(start, end)
        if i not in cards
        and (
            _keep_in_run(scored[i], before[i - start], after[i - start])
            or (listed[i - start] and before[i - start] == "good")
        )
    ]


def _list_items(scored: list[Scored], start: int, end: int) -> list[bool]:
    """For each line of `start..end`, whether it is an item of a list that a story line ending
    in a colon opens ("... these benefits will accrue:"): short lines, up to the next sure one."""
    items = [False] * (end - start)
    opened = False
    for i in range(start, end):
        s = scored[i]
        items[i - start] = opened and s.verdict == "short"
        if s.verdict != "short" or s.line.text.rstrip().endswith(":"):
            opened = s.verdict in ("good", "short") and s.line.text.rstrip().endswith(":")
    return items


def _kind(s: Scored) -> BlockKind:
    """How a kept line renders: its Markdown kind, or "h" for a short headline-like line."""
    text = s.line.text
    if s.line.kind != "p" or s.verdict == "good" or s.words > _HEADING_WORDS:
        return s.line.kind
    if _ENDS_SENTENCE.search(text) or text.endswith((",", ";", ":")) or _TABLE_ROW.search(text):
        return "p"
    return "h" if text[:1].isupper() or text[:1].isdigit() else "p"


def clean_dump(text: str) -> Extracted:
    """The story found in a plain-text dump of a whole web page, with its metadata."""
    lines: list[Line] = dump_lines(text)
    captions, caption_idx = find_captions(lines)
    body_lines = [line for i, line in enumerate(lines) if i not in caption_idx]
    scored = score_lines(body_lines)
    keep = _story_indices(scored, page_headline(lines))
    paragraphs = [body_lines[i].text for i in keep]
    kinds = [_kind(scored[i]) for i in keep]
    meta = infer_metadata(lines, body_lines, keep, captions)
    links = [
        link
        for k, i in enumerate(keep)
        if body_lines[i].links
        for link in block_links(k, body_lines[i].text, body_lines[i].links)
    ]
    return Extracted(
        paragraphs=paragraphs,
        kinds=kinds,
        title=meta.title,
        title_origin=meta.title_origin,
        source=meta.source,
        author=meta.author,
        published=meta.published,
        captions=captions,
        links=links,
        link_blocks=list(paragraphs),
    )
