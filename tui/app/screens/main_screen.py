"""What every key group of the main screen shares: the store, the open article, the list pane,
notifications, and the hooks that `ReaderScreen` implements.

The screen's keys are grouped in bases (store, list, reader, link and feed actions, each in its own
module); a base calls these hooks and `ReaderScreen` defines them. Declaring them here keeps each
base type-checked on its own and says in one place what the screen promises its parts. The panes
(tui.app.widgets) know none of this: they post messages.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.notifications import SeverityLevel
from textual.screen import Screen

from tui.app.reader_page import EMPTY_STORE_PLACEHOLDER, PLACEHOLDER
from tui.app.widgets.article_view import ArticleView
from tui.app.widgets.list_pane import ListPane
from tui.model import Article

if TYPE_CHECKING:
    from tui.store import Store


class MainScreenBase(Screen[None]):
    """The reader screen's shared state and hooks."""

    store: Store
    article: Article | None = None
    """The open article, as last loaded or analyzed."""
    open_id: str | None = None

    def report(self, message: str, title: str = "", severity: SeverityLevel = "error") -> None:
        """A notification; never parsed as markup, since messages quote paths and article text."""
        timeout = 10 if severity == "error" else 6
        self.notify(message, title=title, severity=severity, timeout=timeout, markup=False)

    @property
    def list_pane(self) -> ListPane:
        return self.query_one(ListPane)

    def list_changed(self) -> None:
        """What the list holds or shows changed: its hint, and the unread count in the title."""
        pane = self.list_pane
        pane.update_hint()
        self.sub_title = pane.count_line()
        stored = bool(pane.articles.summaries)  # an empty store's reader says how to add some
        self.query_one(ArticleView).placeholder = PLACEHOLDER if stored else EMPTY_STORE_PLACEHOLDER

    # -- hooks ReaderScreen implements ---------------------------------------------------------

    def reload_list(self) -> None:
        """Read the summaries from the store into the list."""
        raise NotImplementedError

    def open_article(self, article_id: str) -> None:
        """Load an article into the reader and panels."""
        raise NotImplementedError

    def close_article(self) -> None:
        """Empty the reader and panels."""
        raise NotImplementedError

    def _show_analysis(self, article: Article | None, *, analyzing: bool) -> None:
        """Fill the side panels from an article (or say it is being analyzed)."""
        raise NotImplementedError

    def show_analyzed(self, article: Article, save_error: str | None = None) -> None:
        """An article was analyzed again: show it if it is still open."""
        raise NotImplementedError

    def find_in_article(self, query: str) -> int:
        """Mark the query's matches in the open article; how many there are."""
        raise NotImplementedError

    def refresh_feed_of(self, article_id: str) -> None:
        """Refresh the feed an article came from, in the background."""
        raise NotImplementedError

    def feeds_changed(self) -> None:
        """The store changed: read the feed names again."""
        raise NotImplementedError
