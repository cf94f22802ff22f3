"""One article in the list as a lazy Visual: its height is known at once from a plain word wrap,
its styled Content is built only when the option is drawn.

Why: the OptionList asks every option for its height, and wrapping 10,000 styled titles up front
took seconds. The title is wrapped here by cells (a greedy word wrap, long words split), and the
Content is assembled from those lines, so the height and the drawing always agree.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from rich.cells import cell_len, set_cell_size
from rich.style import Style
from rich.text import Text
from textual.content import Content
from textual.css.styles import RulesMap
from textual.strip import Strip
from textual.style import Style as VisualStyle
from textual.visual import RenderOptions, Visual

from tui.app.dates import short_date
from tui.app.rendering import tag_words
from tui.model import ArticleSummary
from tui.sanitize import clean_terminal_text

TITLE_LINES = 2
"""A title takes at most this many lines of the list (then an ellipsis)."""

_ZERO_WIDTH_ASCII = re.compile(r"[\x00-\x08\x0e-\x1b\x7f]")
"""ASCII controls that take no cell and that `str.split` keeps inside words."""


def _split_long(word: str, width: int) -> list[str]:
    """A word wider than `width`, cut into pieces that fit."""
    pieces, piece = [], ""
    for char in word:
        if piece and cell_len(piece + char) > width:
            pieces.append(piece)
            piece = ""
        piece += char
    return [*pieces, piece] if piece else pieces


def ellipsized(text: str, width: int) -> str:
    """`text` if it fits in `width` cells, else cut by cells (wide characters count two) to end
    with "…"."""
    if cell_len(text) <= width:
        return text
    return set_cell_size(text, max(width - 1, 0)).rstrip() + "…"  # the ellipsis takes one cell


def _same_name(feed: str, source: str) -> bool:
    """Whether a feed and a source name the same publisher ("Riverside Post", "The Riverside
    Post"): one holds the other, in any case."""
    a, b = feed.casefold(), source.casefold()
    return a in b or b in a


def from_feed(feed: str, source: str, width: int) -> str:
    """ "feed › source" in `width` cells: the longer of the two is shortened first, and neither
    below half the room unless the other leaves it."""
    room = width - 3  # " › "
    feed_w, source_w = cell_len(feed), cell_len(source)
    if feed_w + source_w > room:
        half = room // 2
        if feed_w <= half:
            source_w = room - feed_w
        elif source_w <= room - half:
            feed_w = room - source_w
        else:
            feed_w, source_w = half, room - half
    return f"{ellipsized(feed, max(feed_w, 2))} › {ellipsized(source, max(source_w, 2))}"


def wrap_words(text: str, width: int) -> list[str]:
    """`text` as lines of at most `width` cells, broken at spaces (long words are split)."""
    width = max(width, 1)
    if text.isascii() and not _ZERO_WIDTH_ASCII.search(text):
        return _wrap_ascii(text, width)
    lines: list[str] = []
    line = ""
    for word in text.split():
        for piece in _split_long(word, width) if cell_len(word) > width else [word]:
            candidate = f"{line} {piece}" if line else piece
            if cell_len(candidate) <= width:
                line = candidate
            else:
                lines.append(line)
                line = piece
    if line or not lines:
        lines.append(line)
    return lines


def _wrap_ascii(text: str, width: int) -> list[str]:
    """`wrap_words` for ASCII text, where a character is a cell: widths are summed, not re-measured.

    Why: the list wraps every title at start-up; measuring each growing line took most of that time.
    """
    lines: list[str] = []
    line, used = "", 0
    for word in text.split():
        pieces = [word[i : i + width] for i in range(0, len(word), width)]
        for piece in pieces:
            size = len(piece)
            wanted = used + 1 + size if line else size
            if wanted <= width:
                line, used = (f"{line} {piece}" if line else piece), wanted
            else:
                lines.append(line)
                line, used = piece, size
    if line or not lines:
        lines.append(line)
    return lines


class ListPrompt(Visual):
    """Mark and wrapped title, then "feed › source · date · #tags", `width` cells wide, drawn on
    demand."""

    def __init__(
        self, summary: ArticleSummary, styles: Mapping[str, Style], width: int, feed: str = ""
    ) -> None:
        self.summary = summary
        self.styles = styles
        self.feed = feed
        """The name of the feed the article came from ("" for none)."""
        self.inner = max(width - 2, 8)
        lines = wrap_words(clean_terminal_text(summary.title), self.inner)
        if len(lines) > TITLE_LINES:  # a very long title: two lines and an ellipsis
            lines = [
                *lines[: TITLE_LINES - 1],
                ellipsized(lines[TITLE_LINES - 1] + " …", self.inner),
            ]
        self.title_lines = lines
        self.details = self._details()
        self.height = len(self.title_lines) + (self.details.count("\n") + 1 if self.details else 0)
        self._content: Content | None = None

    def _details(self) -> str:
        """ "feed › source · date" (the feed only when it is not the source), the feed and source
        shortened first so the date stays whole; then " · #tags" when they fit whole, else the
        tags on a line of their own."""
        summary = self.summary
        # An article that states no date shows when it was added, marked as such.
        when = short_date(summary.published) or (
            f"added {short_date(summary.added[:10])}" if summary.added else ""
        )
        source = clean_terminal_text(" ".join((summary.source or "").split()))
        feed = clean_terminal_text(" ".join(self.feed.split()))
        room = self.inner - (cell_len(when) + 3 if when else 0)
        if feed and source and not _same_name(feed, source):
            # Both while each keeps a few cells ("Lak… › The…"), else the feed's name alone.
            source = from_feed(feed, source, room) if room >= 11 else ellipsized(feed, max(room, 2))
        else:
            source = ellipsized(source or feed, max(room, 2))
        details = " · ".join(d for d in (source, when) if d)
        tags = tag_words(summary.tags)
        if tags and cell_len(details) + 3 + cell_len(tags) <= self.inner:
            details = f"{details} · {tags}" if details else tags
        elif tags:
            details = f"{details}\n{tags}" if details else tags
        return "\n".join(ellipsized(line, self.inner) for line in details.split("\n"))

    def restyle(self, styles: Mapping[str, Style]) -> None:
        """Take new styles (another theme): the content is built again when next drawn."""
        self.styles = styles
        self._content = None

    @property
    def content(self) -> Content:
        """The styled prompt (built once, when first needed)."""
        if self._content is None:
            summary, styles = self.summary, self.styles
            if summary.starred:
                mark = Text("★ ", style=styles.get("starred", Style()))
            else:
                mark = Text("● " if not summary.read else "  ", style=styles.get("unread", Style()))
            title_style = styles.get("title-unread" if not summary.read else "title", Style())
            text = Text.assemble(mark, (self.title_lines[0], title_style))
            for line in self.title_lines[1:]:
                text.append("\n  ")
                text.append(line, title_style)
            for line in self.details.split("\n") if self.details else []:
                text.append("\n  ")
                text.append(line, styles.get("details", Style()))
            self._content = Content.from_rich_text(text)
        return self._content

    @property
    def plain(self) -> str:
        return self.content.plain

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return self.inner + 2

    def get_height(self, rules: RulesMap, width: int) -> int:
        return self.height

    def render_strips(
        self, width: int, height: int | None, style: VisualStyle, options: RenderOptions
    ) -> list[Strip]:
        content = self.content
        if width < self.inner + 2:
            # Narrower than wrapped for (a scrollbar just appeared): cut lines, never wrap them,
            # so the height given to the list stays true until the list re-wraps.
            lines = content.split("\n")
            content = Content("\n").join(line.truncate(width, ellipsis=True) for line in lines)
        return content.render_strips(width, height, style, options)
