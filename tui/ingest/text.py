"""Plain-text page dumps -> the story: body paragraphs, captions, title, source, date and author.

`clean_dump` finds the story in what `lynx -dump`, html2text, inscriptis, BeautifulSoup's get_text or a
copy-paste make of a whole web page; `split_paragraphs` is the `--no-clean` path that removes nothing.
"""

from __future__ import annotations

from tui.ingest.text_lines import Line, dump_lines
from tui.ingest.text_meta import find_captions, infer_metadata, shorten
from tui.ingest.text_score import Scored, main_run, score_lines
from tui.model import Extracted

# A dump is taken as already clean when boilerplate weighs at most this share of its words.
_CLEAN_BAD_SHARE = 0.03


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
    """Whether the dump has (next to) no boilerplate, so that every line is story."""
    total = sum(max(1, s.words) for s in scored)
    bad = sum(max(1, s.words) for s in scored if s.verdict == "bad")
    return bad <= _CLEAN_BAD_SHARE * total


def _keep_in_run(scored: list[Scored], i: int) -> bool:
    """Whether a line inside the main run is story: not boilerplate, and prose or a heading."""
    s = scored[i]
    return s.verdict != "bad"


def _story_indices(scored: list[Scored]) -> list[int]:
    """Indices of the lines that make the story."""
    if _is_clean(scored):
        return list(range(len(scored)))
    start, end = main_run(scored)
    return [i for i in range(start, end) if _keep_in_run(scored, i)]


def clean_dump(text: str) -> Extracted:
    """The story found in a plain-text dump of a whole web page, with its metadata."""
    lines: list[Line] = dump_lines(text)
    captions, caption_idx = find_captions(lines)
    body_lines = [line for i, line in enumerate(lines) if i not in caption_idx]
    scored = score_lines(body_lines)
    keep = _story_indices(scored)
    paragraphs = [body_lines[i].text for i in keep]
    kinds = [body_lines[i].kind for i in keep]
    meta = infer_metadata(lines, body_lines, keep, captions)
    return Extracted(
        paragraphs=paragraphs,
        kinds=kinds,
        title=meta.title,
        title_origin=meta.title_origin,
        source=meta.source,
        author=meta.author,
        published=meta.published,
        captions=captions,
    )
