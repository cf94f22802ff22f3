"""The main screen's feeds: the feeds view (`f`), refreshing every feed (`R`) or the highlighted
article's feed (`r` in the list) in a background worker, its progress in the list's bottom border,
the feed names the list shows and filters by, and the auto-refresh timer (`[feeds]
refresh_minutes` in the settings). One of the main screen's key groups (see main_screen.py); it
uses what `MainScreenBase` declares.

Nothing of `tui.feeds` loads at start-up: the names are read in a worker after the first paint,
and a refresh imports the feeds core when it runs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.worker import get_current_worker

from tui.app.screens.main_screen import MainScreenBase
from tui.app.widgets.article_list import ArticleList
from tui.sanitize import clean_terminal_text

if TYPE_CHECKING:
    from tui.app.screens.feeds import FeedsScreen
    from tui.feeds.refresh import FeedResult, RefreshProgress

MINUTE_S = 60.0
"""Seconds in a minute of `refresh_minutes` (a test makes it shorter)."""
FAILURES_SHOWN = 3
"""The failed feeds the closing notification names, one sentence each; the rest are counted."""
FEED_NAMES_AFTER_S = 0.2
"""How long after mounting the screen the feed names are read: past the first paint's write and
the side panel's mount, which a worker importing the feeds core (4-8 ms) would compete with for
the interpreter; the rows name their feeds a moment after they show."""


class RefreshStopped(Exception):
    """The app is closing: the refresh stops at its next step (a fetch or an item stored)."""


def progress_text(progress: RefreshProgress) -> str:
    """A refresh's step, short enough for the list's border (26 columns at the narrowest)."""
    if progress.stage == "fetching" and progress.done < progress.total:
        return f"Fetching feeds {progress.done}/{progress.total}…"
    if progress.stage == "fetching":  # analysis (the model loading, maybe) comes next
        return f"Fetched {progress.done}/{progress.total}, storing…"
    return f"Storing {progress.done}/{progress.total} new…"


def refresh_sentence(
    results: list[FeedResult], names: dict[str, str], asked: list[str] | None
) -> tuple[str, bool]:
    """What a refresh did, for its one notification: how many new articles, then each failed feed
    in one sentence (at most FAILURES_SHOWN, then "and N more"); and whether any failed."""
    if not results:
        if asked:
            return "That feed is no longer subscribed (newstui feeds list shows them).", True
        return "No feeds yet: subscribe with newstui feeds add URL, then press R.", False
    new = sum(r.new for r in results)
    articles = f"{new} new article{'s' if new != 1 else ''}" if new else "No new articles"
    failed = [r for r in results if r.status == "error"]
    if len(results) == 1:
        name = clean_terminal_text(names.get(results[0].id) or results[0].url)
        head = f"{name} could not be refreshed:" if failed else f"{articles} from {name}."
    else:
        head = f"{articles} from {len(results)} feeds" + (
            f"; {len(failed)} failed:" if failed else "."
        )
    lines = [head]
    for result in failed[:FAILURES_SHOWN]:
        error = clean_terminal_text(result.error or f"{result.url} failed.")
        name = clean_terminal_text(names.get(result.id, ""))
        named = len(results) > 1 and name and name != result.url
        lines.append(f"{name}: {error}" if named else error)
    if len(failed) > FAILURES_SHOWN:
        lines.append(f"and {len(failed) - FAILURES_SHOWN} more failed.")
    return "\n".join(lines), bool(failed)


class FeedActions(MainScreenBase):
    """Screen keys for the feeds: their view, and refreshing them in the background."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f", "feeds", "Feeds", show=False, id="screen.feeds"),
        Binding("R", "refresh_feeds", "Refresh all feeds", show=False, id="screen.refresh_feeds"),
    ]

    refreshing = False
    """Whether a refresh runs (a second one is refused until it ends)."""
    refresh_status = ""
    """What the running refresh is doing, or how the last one ended."""
    _names_error: str | None = None

    class FeedNamesRead(Message):
        """A worker read each feed's name (or could not: `error` says why)."""

        def __init__(self, names: dict[str, str], error: str | None = None) -> None:
            super().__init__()
            self.names = names
            self.error = error

    class RefreshProgressed(Message):
        """The running refresh reached another step."""

        def __init__(self, text: str) -> None:
            super().__init__()
            self.text = text

    class RefreshFinished(Message):
        """A refresh ended: its results, or the one error that stopped it."""

        def __init__(
            self,
            results: list[FeedResult],
            names: dict[str, str],
            asked: list[str] | None,
            error: str | None,
            quiet: bool,
        ) -> None:
            super().__init__()
            self.results = results
            self.names = names
            self.asked = asked
            self.error = error
            self.quiet = quiet

    def follow_feeds(self) -> None:
        """Soon after the first paint, read the feed names; refresh every `refresh_minutes` if set."""
        self.set_timer(FEED_NAMES_AFTER_S, self.read_feed_names)
        minutes = self.settings.refresh_minutes if self.settings is not None else 0
        if minutes > 0:
            self.set_interval(minutes * MINUTE_S, self.refresh_on_timer)

    # -- feed names ---------------------------------------------------------------------------

    def feeds_changed(self) -> None:
        """The store changed: read the feed names again (a new feed's articles came)."""
        self.read_feed_names()

    @work(thread=True, exclusive=True, group="feed-names")
    def read_feed_names(self) -> None:
        """Read each feed's name from the subscriptions file (in a thread: it imports the feeds
        core the first time, which start-up never does)."""
        try:
            from tui.feeds.overview import feed_names

            names = feed_names(self.store)
        except Exception as exc:  # a damaged subscriptions file: said once, never a traceback
            self.post_message(self.FeedNamesRead({}, str(exc) or exc.__class__.__name__))
            return
        self.post_message(self.FeedNamesRead(names))

    @on(FeedNamesRead)
    def _feed_names_read(self, message: FeedNamesRead) -> None:
        if message.error and message.error != self._names_error:
            self.report(message.error, "Cannot read the feeds", "warning")
        self._names_error = message.error
        articles = self.query_one(ArticleList)
        if not message.error and message.names != articles.feed_names:
            articles.feed_names = message.names

    # -- the feeds view -----------------------------------------------------------------------

    def action_feeds(self) -> None:
        """Show every feed with its counts, status and errors."""
        from tui.app.screens.feeds import FeedsScreen  # loaded when first used

        self.app.push_screen(
            FeedsScreen(self.store, self._refresh_from_view, self.refresh_status),
            self._feed_chosen,
        )

    def _refresh_from_view(self, ids: list[str] | None) -> None:
        self.refresh_feeds(ids)

    def _feed_chosen(self, name: str | None) -> None:
        """List only the chosen feed's articles: `feed:"NAME"` in the filter box."""
        if name is None:
            return
        self.list_pane.filter_by_feed(name)

    def _feeds_view(self) -> FeedsScreen | None:
        """The feeds view, when it is the screen shown."""
        from tui.app.screens.feeds import FeedsScreen  # light: it imports no feeds core

        screen = self.app.screen
        return screen if isinstance(screen, FeedsScreen) else None

    # -- refreshing ---------------------------------------------------------------------------

    def action_refresh_feeds(self) -> None:
        """Refresh every feed in the background."""
        self.refresh_feeds(None)

    def refresh_feed_of(self, article_id: str) -> None:
        """Refresh the feed the article came from (the list's `r`)."""
        summary = next(
            (s for s in self.query_one(ArticleList).summaries if s.id == article_id), None
        )
        if summary is None or not summary.feed:
            self.report(
                "This article is not from a feed; R refreshes every feed.", "", "information"
            )
            return
        self.refresh_feeds([summary.feed])

    def refresh_on_timer(self) -> None:
        """The timer's refresh: every feed, unless one runs already; it tells only news."""
        if not self.refreshing:
            self.refresh_feeds(None, quiet=True)

    def refresh_feeds(self, ids: list[str] | None, *, quiet: bool = False) -> bool:
        """Refresh these feeds (every feed for None) in a worker; False when one runs already."""
        if self.refreshing:
            if not quiet:
                self.report(
                    f"A refresh is running already ({self.refresh_status.rstrip('…')}).",
                    "",
                    "information",
                )
            return False
        self.refreshing = True
        self._show_status("Refreshing feeds…")
        self._refresh(ids, quiet)
        return True

    def _show_status(self, text: str) -> None:
        """The refresh's step in the list's bottom border, and in the feeds view when open."""
        self.refresh_status = text
        self.list_pane.show_status(text if self.refreshing else "")
        view = self._feeds_view()
        if view is not None:
            view.progress = text

    @work(thread=True, exclusive=True, group="refresh")
    def _refresh(self, ids: list[str] | None, quiet: bool) -> None:
        """Fetch and store in a thread; the analysis lock keeps spaCy to one run at a time.

        Closing the app cancels the worker: the refresh stops at its next step (each fetch has
        its timeout), so quitting never waits for a whole refresh.
        """
        from tui.library.analysis import ANALYSIS_LOCK

        worker = get_current_worker()

        def progress(step: RefreshProgress) -> None:
            if worker.is_cancelled:
                raise RefreshStopped
            self.post_message(self.RefreshProgressed(progress_text(step)))

        results: list[FeedResult] = []
        names: dict[str, str] = {}
        error = None
        from tui.feeds.overview import feed_names
        from tui.feeds.refresh import refresh

        try:
            with ANALYSIS_LOCK:
                if worker.is_cancelled:
                    return
                results = refresh(self.store, ids, progress=progress)
        except RefreshStopped:
            return
        except Exception as exc:  # StoreError, FeedError, anything: a notification, not a traceback
            error = str(exc) or exc.__class__.__name__
        try:
            names = feed_names(self.store)  # titles a first fetch found, for rows and the notice
        except Exception:  # the refresh's own error says it; the rows keep the names they had
            names = {}
        self.post_message(self.RefreshFinished(results, names, ids, error, quiet))

    @on(RefreshProgressed)
    def _refresh_progressed(self, message: RefreshProgressed) -> None:
        if self.refreshing:
            self._show_status(message.text)

    @on(RefreshFinished)
    def _refresh_finished(self, message: RefreshFinished) -> None:
        self.refreshing = False
        articles = self.query_one(ArticleList)
        if message.names:
            articles.feed_names = message.names
        was_empty = not articles.summaries
        self.reload_list()  # what was stored shows now, not at the next look at the store
        self.list_pane.update_title()
        if was_empty and articles.display:  # the first articles: the list takes the keys
            articles.focus()
        view = self._feeds_view()
        if view is not None:
            view.reload()
        if message.error:
            self._show_status("The refresh failed.")
            self.report(clean_terminal_text(message.error), "The refresh stopped")
            return
        text, failed = refresh_sentence(message.results, message.names, message.asked)
        first = text.split("\n")[0]
        self._show_status(first.removesuffix(":") + "." if first.endswith(":") else first)
        if message.quiet and not failed and not any(r.new for r in message.results):
            return  # an auto-refresh that found nothing new says nothing
        self.report(text, "Feeds refreshed", "warning" if failed else "information")
