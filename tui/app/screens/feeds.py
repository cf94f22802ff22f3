"""The feeds view: every subscription with its unread and stored counts, its status and last error,
and when it was last fetched. Enter hands the feed's name back (the main screen filters the list to
it), `r` refreshes the highlighted feed and `R` all of them: the main screen runs the refresh, and
shows its progress here while the view is open.

The counts read every summary, so they are read in a worker and the view opens at once.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from tui.app.widgets.cursor_option_list import CursorOptionList
from tui.sanitize import clean_terminal_text
from tui.store import Store

if TYPE_CHECKING:
    from tui.feeds.overview import FeedOverview

STATUS_WORDS = {
    "ok": "ok",
    "not_modified": "not modified",
    "error": "error",
    "never": "never fetched",
}
NO_FEEDS = (
    "No feeds yet. Subscribe from a shell: newstui feeds add URL (a feed or a page that links "
    "to one), or newstui feeds import FILE.opml; then R refreshes them."
)

RefreshRequest = Callable[[list[str] | None], None]
"""How the view asks the main screen for a refresh: these feed ids, or every feed for None."""


def fetched_when(iso: str | None, now: datetime | None = None) -> str:
    """When a feed was last fetched, in local time: "fetched 14:05" today, "fetched 3 Sep 14:05"
    this year, else with the year; "" when never or unreadable."""
    if not iso:
        return ""
    try:
        when = datetime.fromisoformat(iso)
    except ValueError:
        return ""
    when = when.astimezone() if when.tzinfo else when
    now = now or datetime.now(when.tzinfo)
    if when.date() == now.date():
        return f"fetched {when:%H:%M}"
    if when.year == now.year:
        return f"fetched {when.day} {when:%b %H:%M}"
    return f"fetched {when.day} {when:%b %Y %H:%M}"


def feed_prompt(feed: FeedOverview) -> Content:
    """A feed as two or three lines: its name (bold with unread articles), then its counts,
    status and last fetch (muted), then its last error (in the error colour)."""
    name = Content(clean_terminal_text(feed.name))
    if feed.unread:
        name = name.stylize("bold")
    counts = f"{feed.unread} unread of {feed.articles}" if feed.articles else "no articles yet"
    details = [counts, STATUS_WORDS.get(feed.status, feed.status), fetched_when(feed.last_fetched)]
    prompt = name + "\n" + Content(" · ".join(d for d in details if d)).stylize("$text-muted")
    if feed.error:
        error = " ".join(clean_terminal_text(feed.error).split())
        prompt += "\n" + Content(error).stylize("$text-error")
    return prompt


class FeedsScreen(Screen[str | None]):
    """Every feed; Enter returns the chosen feed's name, Escape returns None."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss(None)", "Back"),
        Binding("q", "dismiss(None)", "Back", show=False),  # q goes back here, as in help
        Binding("enter", "open", "List its articles", priority=True),
        Binding("r", "refresh_one", "Refresh this feed"),
        Binding("R", "refresh_all", "Refresh all"),
    ]

    progress: reactive[str] = reactive("")
    """What a running refresh is doing, or how the last one ended (set by the main screen)."""

    class Loaded(Message):
        """The worker read the feeds and their counts (or failed to)."""

        def __init__(self, feeds: list[FeedOverview], error: str | None = None) -> None:
            super().__init__()
            self.feeds = feeds
            self.error = error

    def __init__(self, store: Store, request_refresh: RefreshRequest, progress: str = "") -> None:
        super().__init__()
        self.store = store
        self.request_refresh = request_refresh
        self.feeds: list[FeedOverview] = []
        self.loaded = False
        self.error: str | None = None
        self.set_reactive(FeedsScreen.progress, progress)

    def compose(self) -> ComposeResult:
        with Vertical(id="feeds-box"):
            yield Static(self._title(), id="feeds-title")
            yield CursorOptionList(id="feeds-list")
            yield Static(self.progress, id="feeds-status", markup=False)
        yield Footer()

    def _title(self) -> Content:
        """ "Feeds · 3 feeds · 5 unread" (the counts muted)."""
        if not self.loaded:
            return Content("Feeds") + Content("  · reading…").stylize("$text-muted")
        count, unread = len(self.feeds), sum(f.unread for f in self.feeds)
        told = f"  · {count} feed{'s' if count != 1 else ''} · {unread} unread"
        return Content("Feeds") + Content(told).stylize("$text-muted")

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()
        self.reload()
        self.app.theme_changed_signal.subscribe(self, self._theme_changed)

    def watch_progress(self, text: str) -> None:
        status = self.query_one("#feeds-status", Static)
        status.update(text)
        status.display = bool(text)

    @work(thread=True, exclusive=True, group="feeds-view")
    def reload(self) -> None:
        """Read the feeds and count their articles (in a thread: it reads every summary)."""
        from tui.feeds.overview import overview

        try:
            feeds = overview(self.store)
        except Exception as exc:  # a damaged subscriptions file or store: said, never a traceback
            self.post_message(self.Loaded([], str(exc) or exc.__class__.__name__))
            return
        self.post_message(self.Loaded(feeds))

    @on(Loaded)
    def _loaded(self, message: Loaded) -> None:
        if message.error:
            self.notify(
                message.error, title="Cannot read the feeds", severity="error", markup=False
            )
        self.feeds, self.loaded, self.error = message.feeds, True, message.error
        self._fill()
        self.query_one("#feeds-title", Static).update(self._title())

    def _theme_changed(self, _theme: object) -> None:
        """Another theme: the rows are listed again (the list keeps its drawn lines, rules and
        all, in the old theme's colours otherwise)."""
        if self.loaded:
            self._fill()

    def _fill(self) -> None:
        """List the feeds, the cursor kept on the same feed."""
        options = self.query_one(OptionList)
        keep = self.highlighted_feed.id if self.highlighted_feed is not None else None
        options.clear_options()
        for number, feed in enumerate(self.feeds):
            if number:
                options.add_option(None)  # a rule between feeds (not an option: indexes hold)
            options.add_option(Option(feed_prompt(feed), id=feed.id))
        if not self.feeds:
            text = self.error or NO_FEEDS
            options.add_option(Option(Content(text).stylize("$text-muted"), disabled=True))
        at = next((i for i, f in enumerate(self.feeds) if f.id == keep), 0)
        options.highlighted = at if self.feeds else None

    @property
    def highlighted_feed(self) -> FeedOverview | None:
        """The feed under the cursor."""
        index = self.query_one(OptionList).highlighted
        if index is None or not 0 <= index < len(self.feeds):
            return None
        return self.feeds[index]

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_open()

    def action_open(self) -> None:
        """Close the view and list only the highlighted feed's articles."""
        feed = self.highlighted_feed
        if feed is not None:
            self.dismiss(feed.name)

    def action_refresh_one(self) -> None:
        """Refresh the highlighted feed in the background."""
        feed = self.highlighted_feed
        if feed is None:
            self.notify("There is no feed to refresh.", severity="warning", markup=False)
            return
        self.request_refresh([feed.id])

    def action_refresh_all(self) -> None:
        """Refresh every feed in the background."""
        self.request_refresh(None)
