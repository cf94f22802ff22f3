"""The list pane: the filter box, the article list and the hint shown when the list is empty.

The pane keeps its own header (the sort order, or what a search found), its footer (a refresh's
progress) and its hint (an empty store, or why the filter matches nothing). It filters as the box
is typed in. What only the store knows (the articles an `entity:` word names, the names nearest to
one no article has) it reads through the look-ups the screen gives it (`entity_lookup`,
`closest_names`): in the same step as the key, so a burst of keys never shows a filter whose
entities are not looked up yet. The list's own messages (`ArticleList.Opened`, `.Requested`,
`.SortChanged`) bubble up through it to the screen.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widget import Widget
from textual.widgets import Input, Static

from tui.app.list_query import SORT_LABELS, asked_entities, asked_feeds, feed_word
from tui.app.widgets.article_list import ArticleList
from tui.app.widgets.filter_input import FilterInput
from tui.sanitize import clean_terminal_text

EMPTY_STORE_HINT = """\
No articles yet.

Press a to add a file, folder or URL, or add some from a shell:

  newstui add PATH|URL
  cat page.html | newstui

PATH can be an HTML or text file, or a folder of them.

Feeds: newstui feeds add URL in a shell, then R here fetches them (f lists them)."""


def no_closest(name: str) -> list[str]:
    return []


def no_lookup(names: list[str]) -> dict[str, frozenset[str]]:
    return {name: frozenset() for name in names}


class ListPane(Vertical):
    """The articles pane (`#list-pane`): filter box, list and hint."""

    DEFAULT_CLASSES: ClassVar[str] = "pane"

    search_query = ""
    """The words of the search whose results the list shows (when `only_ids` is set)."""
    closest_names: Callable[[str], list[str]] = staticmethod(no_closest)
    """The stored entity names nearest to one no article has (set by the screen: a store read)."""
    entity_lookup: Callable[[list[str]], dict[str, frozenset[str]]] = staticmethod(no_lookup)
    """The ids of the articles naming each entity name (set by the screen: an index read)."""
    first_screen_counts: tuple[int, int] | None = None
    """While the list holds only the store's first screen (set by the screen until it has read the
    whole index, a frame after the first paint): how many articles are stored, and unread."""

    def compose(self) -> ComposeResult:
        yield FilterInput(placeholder="Filter titles…", id="filter")
        yield ArticleList(id="articles")
        yield Static("", id="list-hint", markup=False)

    @property
    def articles(self) -> ArticleList:
        return self.query_one(ArticleList)

    @property
    def focus_target(self) -> Widget:
        """Where the focus goes in this pane: the list, or the filter box when nothing is listed."""
        articles, box = self.articles, self.query_one(FilterInput)
        return articles if articles.display or not box.display else box

    # -- header, footer and hint --------------------------------------------------------------

    def update_title(self) -> None:
        """The header: the sort order, or what a search found."""
        articles = self.articles
        title = f"Articles · {SORT_LABELS.get(articles.sort_by, articles.sort_by)}"
        if articles.only_ids is not None:
            query = clean_terminal_text(self.search_query)
            title = f"{len(articles.listed)} found · “{query}”"
        self.border_title = title

    def show_status(self, text: str) -> None:
        """A line in the footer (a refresh's step); empty to take it away."""
        self.border_subtitle = text

    def update_hint(self) -> None:
        """Explain an empty list: an empty store, or a filter that matches nothing."""
        articles = self.articles
        hint = self.query_one("#list-hint", Static)
        if not articles.summaries:
            hint.update(EMPTY_STORE_HINT)
        elif not articles.listed:
            hint.update(self._no_match_hint(articles))
        else:
            hint.update("")
        hint.display = bool(hint.content)
        articles.display = bool(articles.listed)

    def count_line(self) -> str:
        """How many articles there are, and how many unread (the screen's sub-title)."""
        articles = self.articles
        if self.first_screen_counts is not None:
            total, unread = self.first_screen_counts
        else:
            unread = sum(not s.read for s in articles.summaries)
            total = len(articles.summaries)
        return f"{total} article{'s' if total != 1 else ''} · {unread} unread"

    def _no_match_hint(self, articles: ArticleList) -> str:
        """Why the filter shows nothing: a name no article has (with the nearest names), a feed
        no subscription is called, or words no title has."""
        asked = asked_entities(articles.filter_text)
        missing = sorted(
            (n for n in asked if not articles.entity_ids.get(n)), key=lambda n: -len(n.split())
        )
        if missing:
            name = clean_terminal_text(missing[0])
            closest = self.closest_names(missing[0])
            offer = (
                f"\nClosest names: {', '.join(clean_terminal_text(c) for c in closest)}."
                if closest
                else ""
            )
            return f"No article names “{name}”.{offer}\nEscape clears the filter."
        names = [n.casefold() for n in articles.feed_names.values()]
        for value in asked_feeds(articles.filter_text):
            feed = clean_terminal_text(value)
            if not any(value in n for n in names):
                return f"No feed is called “{feed}”: f lists the feeds.\nEscape clears the filter."
        query = clean_terminal_text(articles.filter_text)
        return f"No titles match “{query}”.\nEscape clears the filter."

    # -- search results -----------------------------------------------------------------------

    def show_searching(self) -> None:
        self.border_title = "Searching…"

    def show_found(self, query: str, ids: list[str]) -> None:
        """List only the articles a search found."""
        self.search_query = query
        self.articles.only_ids = frozenset(ids)
        self.update_hint()
        self.update_title()

    def clear_search(self) -> bool:
        """List every article again; False when no search was shown."""
        if self.articles.only_ids is None:
            return False
        self.articles.only_ids = None
        self.update_hint()
        self.update_title()
        return True

    # -- the filter box -----------------------------------------------------------------------

    def show_filter(self) -> None:
        """Show the filter box and type into it."""
        box = self.query_one(FilterInput)
        box.display = True
        self.screen.set_focus(
            box
        )  # at once, not after the keys already queued (as `focus()` would)

    def filter_by_feed(self, name: str) -> None:
        """List only one feed's articles: `feed:"NAME"` in the filter box."""
        box = self.query_one(FilterInput)
        box.display = True
        box.value = feed_word(name)
        self.articles.filter_text = box.value  # at once, not when the box's Changed message comes
        self.update_hint()
        (self.articles if self.articles.display else box).focus()

    @on(Input.Changed, "#filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        articles = self.articles
        articles.filter_text = event.value
        wanted = asked_entities(event.value)
        if set(wanted) != set(articles.entity_ids):
            articles.entity_ids = self.entity_lookup(wanted)
        self.update_hint()

    @on(Input.Submitted, "#filter")
    @on(FilterInput.Done)
    def _filter_done(self) -> None:
        self.articles.focus()

    @on(FilterInput.Closed)
    def _filter_closed(self) -> None:
        box = self.query_one(FilterInput)
        box.value = ""
        box.display = False
        self.articles.filter_text = ""
        self.update_hint()
        self.articles.focus()
