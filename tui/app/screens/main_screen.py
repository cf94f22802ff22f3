"""What the main screen's key groups share: the store, the open article, the panes, notifications,
the settings, and the few steps one group asks of another.

The main screen (`ReaderScreen`, reader.py) is one Textual screen whose keys come in sibling groups,
each a class over this base in its own module: `StoreActions` (search, add, reload),
`ListActions`, `ReaderActions` (URL, links, date, find, the panel's size), `PanelLinks` (the side
panel to the reader and to other articles) and `FeedActions`. No group inherits from another or
imports another's module; each uses only its own members and what this base declares, so this base
is the whole of what a group may ask of the screen (tests/test_app_shape.py holds both). The panes
(tui.app.widgets) know none of this: they post messages.
"""

from __future__ import annotations

import threading
import time
from typing import TYPE_CHECKING, Any

from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.worker import Worker

from tui.app.reader_page import EMPTY_STORE_PLACEHOLDER, PLACEHOLDER
from tui.app.widgets.article_view import ArticleView
from tui.app.widgets.list_pane import ListPane
from tui.model import Article

if TYPE_CHECKING:
    from tui.settings import Settings
    from tui.store import Store


def wait_for_paint(painted: threading.Event, worker: Worker[object], limit_s: float) -> None:
    """In a worker thread: wait until `painted` is set, the worker is cancelled, or `limit_s` passes."""
    deadline = time.monotonic() + limit_s
    while not painted.wait(0.02):
        if worker.is_cancelled or time.monotonic() > deadline:
            return


def first_show_restyles(screen: Screen[Any]) -> bool:
    """Whether the first show of a screen must restyle it whole, as Textual does on every show.

    Every widget was styled as it was mounted, moments before, and a class or pseudo-class set
    since restyled its own widgets, so the pass (every node and component class styled again,
    ~5 ms of the first paint) changes nothing, unless the app's CSS was invalidated meanwhile (a
    saved theme set as the app mounted: Textual's own count of those, kept then).
    """
    return screen.app._css_update_count != 0


class MainScreenBase(Screen[None]):
    """The main screen's shared state and steps, and the hooks its groups and `ReaderScreen` fill."""

    store: Store
    article: Article | None = None
    """The open article, as last loaded or analyzed."""
    open_id: str | None = None

    # -- shared steps -------------------------------------------------------------------------

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

    def painted_event(self) -> threading.Event:
        """An event set once the reader has drawn what it was just given (workers wait on it)."""
        painted = threading.Event()
        self.query_one(ArticleView).when_painted(painted.set)
        return painted

    @property
    def settings(self) -> Settings | None:
        return getattr(self.app, "settings", None)

    def save_settings(self) -> None:
        """Write the settings file; a failure is a warning, never a crash."""
        if self.settings is None:
            return
        try:
            self.settings.save()
        except OSError as exc:
            self.report(f"The settings were not saved: {exc}", severity="warning")

    # -- hooks: ReaderScreen opens and closes articles ----------------------------------------

    def reload_list(self) -> None:
        """Read the summaries from the store into the list."""
        raise NotImplementedError

    def open_article(self, article_id: str) -> None:
        """Load an article into the reader and panels."""
        raise NotImplementedError

    def close_article(self) -> None:
        """Empty the reader and panels."""
        raise NotImplementedError

    def show_analyzed(self, article: Article, save_error: str | None = None) -> None:
        """An article was analyzed again: show it if it is still open."""
        raise NotImplementedError

    # -- hooks: one group's step another asks for ---------------------------------------------

    def add_in_background(self, spec: str) -> None:
        """Read, analyze and store a path, folder or URL in a worker (`StoreActions`)."""
        raise NotImplementedError

    def find_in_article(self, query: str) -> int:
        """Mark the query's matches in the open article; how many there are (`ReaderActions`)."""
        raise NotImplementedError

    def refresh_feed_of(self, article_id: str) -> None:
        """Refresh the feed an article came from, in the background (`FeedActions`)."""
        raise NotImplementedError

    def feeds_changed(self) -> None:
        """The store changed: read the feed names again (`FeedActions`)."""
        raise NotImplementedError
