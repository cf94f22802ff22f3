"""The main screen's store actions: full-text search (`F`), adding a file, folder or URL from inside
(`a`), and following the store as other processes write it (a timer, and `ctrl+r`). One of the
screen's key groups (see main_screen.py); it uses what `MainScreenBase` declares.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on, work
from textual.binding import Binding, BindingType
from textual.message import Message

from tui.app.screens.main_screen import MainScreenBase
from tui.app.widgets.article_list import ArticleList
from tui.sanitize import clean_terminal_text
from tui.store import StoreError

# Notifications for inputs that failed, before one line counts the rest.
_ERRORS_SHOWN = 3


class StoreActions(MainScreenBase):
    """Screen keys that search, add to or re-read the store."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("F", "search", "Search bodies", show=False, id="screen.search"),
        Binding("escape", "clear_search", "Clear the search", show=False),
        Binding("a", "add", "Add a file or URL", show=False, id="screen.add"),
        Binding("ctrl+r", "reload", "Reload the store", show=False, id="screen.reload"),
    ]

    STORE_CHECK_S: ClassVar[float] = 2.0
    """How often the screen looks whether another process changed the store (a few `stat`s)."""

    search_query: str = ""

    class SearchFinished(Message):
        """A worker found the articles whose bodies match a query."""

        def __init__(self, query: str, ids: list[str]) -> None:
            super().__init__()
            self.query = query
            self.ids = ids

    class AddFinished(Message):
        """A worker stored what it could of an input; `errors` says what it could not."""

        def __init__(
            self, spec: str, new_ids: list[str], known: int, errors: list[str], updated: int = 0
        ) -> None:
            super().__init__()
            self.spec = spec
            self.new_ids = new_ids
            self.updated = updated  # stored stories this input updated (their ids are in new_ids)
            self.known = known
            self.errors = errors

    # -- another process changed the store ---------------------------------------------------

    def follow_store(self) -> None:
        """Reload the list whenever another process (a CLI `add`, a cron refresh, a second
        newstui) writes the store."""
        self.set_interval(self.STORE_CHECK_S, self._check_store)

    def _check_store(self) -> None:
        try:
            changed = self.store.changed_elsewhere()
        except OSError:
            return  # the folder went away for a moment; the next look tells
        if changed:
            self.reload_from_store(quiet=True)

    def action_reload(self) -> None:
        """Read the store again (what other processes wrote shows at once)."""
        self.store.changed_elsewhere()  # what is read now is what the timer compares with
        self.reload_from_store(quiet=False)

    def reload_from_store(self, *, quiet: bool) -> None:
        """Re-read the list, keeping the highlight; an open article deleted elsewhere closes."""
        articles = self.query_one(ArticleList)
        counts = self.list_pane.first_screen_counts
        before = counts[0] if counts is not None else len(articles.summaries)
        self.reload_list()
        self.list_pane.update_title()
        self.feeds_changed()
        if self.article is not None and self.article.id not in self.store:
            self.close_article()
            self.report("The open article was deleted by another newstui.", severity="warning")
        count = len(articles.summaries)
        if quiet and count == before:
            return
        change = count - before
        news = f" ({change:+d})" if change else ""
        self.report(f"Store reloaded: {count} articles{news}.", severity="information")

    # -- search and add -----------------------------------------------------------------------

    def action_search(self) -> None:
        """Ask for words and list only the articles whose title or body has them all."""

        def run(answer: str | None) -> None:
            if answer and answer.strip():
                self.search_query = answer.strip()
                self.list_pane.show_searching()
                self._search(answer.strip())

        from tui.app.widgets.prompt import PromptScreen  # loaded when first used

        self.app.push_screen(
            PromptScreen("Search article bodies", value=self.search_query, placeholder="words"),
            run,
        )

    @work(thread=True, exclusive=True, group="search")
    def _search(self, query: str) -> None:
        """Search in a thread: the store reads every body."""
        try:
            ids = self.store.search(query)
        except (StoreError, OSError) as exc:
            self.app.call_from_thread(self.report, f"The search failed: {exc}")
            self.app.call_from_thread(self.list_pane.update_title)
            return
        self.post_message(self.SearchFinished(query, ids))

    @on(SearchFinished)
    def _search_finished(self, message: SearchFinished) -> None:
        self.search_query = message.query
        self.list_pane.show_found(message.query, message.ids)
        self.list_changed()
        if not message.ids:
            query = clean_terminal_text(message.query)
            self.report(f"No article contains “{query}”. Escape clears the search.", "", "warning")
        elif self.list_pane.articles.display:
            self.list_pane.articles.focus()

    def action_clear_search(self) -> None:
        """Leave the search results and list every article again."""
        if self.list_pane.clear_search():
            self.list_changed()

    def action_add(self) -> None:
        """Ask for a path, folder or URL, then read, analyze and store it in a thread."""

        def run(answer: str | None) -> None:
            if answer and answer.strip():
                spec = answer.strip()
                self.report(f"Adding {spec}… (reading and analyzing)", severity="information")
                self.add_in_background(spec)

        from tui.app.widgets.prompt import PromptScreen  # loaded when first used

        self.app.push_screen(
            PromptScreen(
                "Add a file, folder or URL",
                placeholder="~/articles/story.html or https://…",
                hint="Enter adds it in the background · Escape cancels",
            ),
            run,
        )

    def add_in_background(self, spec: str) -> None:
        """Read, analyze and store a path, folder or URL in a worker; `AddFinished` tells."""
        self._add(spec)

    @work(thread=True, group="add")
    def _add(self, spec: str) -> None:
        """Ingest and analyze in a thread (`add_input` holds the analysis lock)."""
        from tui.library.adding import add_input

        def progress(done: int, total: int) -> None:
            self.app.call_from_thread(self.report, f"Added {done} of {total}…", "", "information")

        added = add_input(self.store, spec, progress)
        self.post_message(
            self.AddFinished(spec, added.new_ids, added.known, added.errors, added.updated)
        )

    @on(AddFinished)
    def _add_finished(self, message: AddFinished) -> None:
        for error in message.errors[:_ERRORS_SHOWN]:
            self.report(clean_terminal_text(error), "Not added")
        if len(message.errors) > _ERRORS_SHOWN:
            more = len(message.errors) - _ERRORS_SHOWN
            spec = clean_terminal_text(message.spec)
            self.report(
                f"{more} more input{'s' if more > 1 else ''} could not be added; "
                f"`newstui add {spec}` in a terminal lists every reason.",
                "Not added",
            )
        if message.new_ids:
            articles = self.query_one(ArticleList)
            was_empty = not articles.summaries
            self.reload_list()
            articles.highlight_id(message.new_ids[0])
            self.list_pane.update_title()
            if was_empty:  # the first articles: the list takes the keys, the reader shows one
                articles.focus()
                self.open_article(message.new_ids[0])
            from tui.library.adding import added_sentence

            added = len(message.new_ids) - message.updated
            self.report(added_sentence(added, message.updated), severity="information")
        elif message.known and not message.errors:
            self.report("Already stored: nothing new was added.", severity="information")
        elif not message.errors:
            self.report(f"No article was found in {message.spec}.", severity="warning")
