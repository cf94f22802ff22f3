"""Command palette (ctrl+p) entries: "Open: <title>" for every stored article.

Titles are untrusted, so hits are shown as plain `Text` (the fuzzy matcher's `highlight` would
parse them as markup).
"""

from __future__ import annotations

from functools import partial

from rich.text import Text
from textual.command import DiscoveryHit, Hit, Hits, Provider

from tui.model import ArticleSummary
from tui.sanitize import clean_terminal_text


class ArticleCommands(Provider):
    """Open any stored article by (fuzzy) title from the command palette."""

    def _summaries(self) -> list[ArticleSummary]:
        from tui.app.widgets.article_list import ArticleList

        lists = self.screen.query(ArticleList)
        return list(lists.first().summaries) if lists else []

    def _open(self, article_id: str) -> None:
        opener = getattr(self.screen, "open_article", None)
        if opener is not None:
            opener(article_id)

    async def discover(self) -> Hits:
        for summary in self._summaries()[:20]:
            title = clean_terminal_text(summary.title)
            yield DiscoveryHit(
                Text(f"Open: {title}"),
                partial(self._open, summary.id),
                text=f"Open: {title}",
                help=clean_terminal_text(summary.source or ""),
            )

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for summary in self._summaries():
            title = clean_terminal_text(summary.title)
            command = f"Open: {title}"
            score = matcher.match(command)
            if score > 0:
                yield Hit(
                    score,
                    Text(command),
                    partial(self._open, summary.id),
                    text=command,
                    help=clean_terminal_text(summary.source or ""),
                )
