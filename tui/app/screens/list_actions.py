"""The main screen's list actions: star, tags, delete and undo, next/previous unread, mark all
read, sort, full-text search, and adding articles from inside. A base class of `ReaderScreen`,
kept apart so the screen module stays small; it uses the screen's `store`, `open_article`,
`reload_list`, `report` and `_update_hint`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Input

from tui.app.list_query import SORT_LABELS, SORT_ORDERS, entity_names
from tui.app.widgets.article_list import ArticleList
from tui.model import Article
from tui.sanitize import clean_terminal_text
from tui.store import StoreError

if TYPE_CHECKING:
    from tui.settings import Settings
    from tui.store import Store


def parse_tags(text: str) -> list[str]:
    """Tags typed as "a, b c": split on commas, spaces inside a tag become dashes."""
    return sorted({"-".join(t.split()).casefold() for t in text.split(",") if t.strip()})


class ListActionsScreen(Screen[None]):
    """Screen-level list keys, and the handlers for the list's per-article requests."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "right_square_bracket", "next_unread(1)", "Next unread", show=False, key_display="]"
        ),
        Binding(
            "left_square_bracket", "next_unread(-1)", "Previous unread", show=False, key_display="["
        ),
        Binding("F", "search", "Search bodies", show=False, id="screen.search"),
        Binding("escape", "clear_search", "Clear the search", show=False),
        Binding("A", "mark_all_read", "Mark all read", show=False, id="screen.mark_all_read"),
        Binding("a", "add", "Add a file or URL", show=False, id="screen.add"),
    ]

    store: Store
    _deleted: list[Article]
    search_query: str = ""

    class SearchFinished(Message):
        """A worker found the articles whose bodies match a query."""

        def __init__(self, query: str, ids: list[str]) -> None:
            super().__init__()
            self.query = query
            self.ids = ids

    class AddFinished(Message):
        """A worker stored what it could of an input; `errors` says what it could not."""

        def __init__(self, spec: str, new_ids: list[str], known: int, errors: list[str]) -> None:
            super().__init__()
            self.spec = spec
            self.new_ids = new_ids
            self.known = known
            self.errors = errors

    # -- helpers ------------------------------------------------------------------------------

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

    def update_list_title(self) -> None:
        """The list pane's header: the sort order and any search."""
        articles = self.query_one(ArticleList)
        title = f"Articles · {SORT_LABELS.get(articles.sort_by, articles.sort_by)}"
        if articles.only_ids is not None:
            query = clean_terminal_text(self.search_query)
            count = len(articles.visible)
            title = f"{count} found · “{query}”"
        self.query_one("#list-pane", Vertical).border_title = title

    def apply_saved_sort(self) -> None:
        """Start with the order remembered in the settings."""
        if self.settings is not None and self.settings.sort in SORT_ORDERS:
            self.query_one(ArticleList).sort_by = self.settings.sort
        self.update_list_title()

    # -- requests from the list ---------------------------------------------------------------

    @on(Input.Changed, "#filter")
    def _filter_entities(self, event: Input.Changed) -> None:
        """Look up the articles naming each `entity:` word of the filter (the index knows them)."""
        articles = self.query_one(ArticleList)
        wanted = entity_names(event.value)
        if set(wanted) == set(articles.entity_ids):
            return
        found: dict[str, frozenset[str]] = {}
        for name in wanted:
            try:
                found[name] = frozenset(self.store.ids_naming(name))
            except StoreError as exc:
                self.report(f"Could not filter by entity: {exc}")
                found[name] = frozenset()
        articles.entity_ids = found
        self._update_hint()

    @on(ArticleList.SortChanged)
    def _sort_changed(self, message: ArticleList.SortChanged) -> None:
        if self.settings is not None:
            self.settings.sort = message.sort_by
            self.save_settings()
        self.update_list_title()

    @on(ArticleList.Requested)
    def _list_requested(self, message: ArticleList.Requested) -> None:
        action, article_id = message.action, message.article_id
        if action == "undo":
            self.undo_delete()
        elif action == "next_unread":
            self.action_next_unread(1)
        elif action == "previous_unread":
            self.action_next_unread(-1)
        elif article_id is None:
            self.report("No article is highlighted.", severity="warning")
        elif action == "star":
            self.toggle_star(article_id)
        elif action == "delete":
            self.delete(article_id)
        elif action == "tags":
            self.edit_tags(article_id)

    def _summary(self, article_id: str):
        return next((s for s in self.query_one(ArticleList).summaries if s.id == article_id), None)

    def toggle_star(self, article_id: str) -> None:
        """Star an article, or unstar it."""
        summary = self._summary(article_id)
        starred = not (summary.starred if summary else False)
        try:
            self.store.set_starred(article_id, starred)
        except (KeyError, StoreError) as exc:
            self.report(f"Could not star the article: {exc}")
            return
        self.query_one(ArticleList).update_summary(article_id, starred=starred)
        article = getattr(self, "article", None)
        if article is not None and article.id == article_id:
            article.starred = starred

    def edit_tags(self, article_id: str) -> None:
        """Ask for the article's tags (comma separated) and save them."""
        summary = self._summary(article_id)
        current = ", ".join(summary.tags) if summary else ""

        def save(answer: str | None) -> None:
            if answer is None:
                return
            tags = parse_tags(answer)
            try:
                self.store.set_tags(article_id, tags)
            except (KeyError, StoreError) as exc:
                self.report(f"Could not save the tags: {exc}")
                return
            self.query_one(ArticleList).update_summary(article_id, tags=tags)
            shown = ", ".join(tags) if tags else "none"
            self.report(f"Tags: {shown}. Filter with / tag:NAME", severity="information")

        from tui.app.widgets.prompt import PromptScreen  # loaded when first used

        self.app.push_screen(
            PromptScreen("Tags (comma separated)", value=current, placeholder="politics, local"),
            save,
        )

    def delete(self, article_id: str) -> None:
        """Delete an article, keeping it in memory so `u` can store it again."""
        try:
            article = self.store.get(article_id)
            self.store.remove([article_id])
        except (KeyError, StoreError) as exc:
            self.report(f"Could not delete the article: {exc}")
            return
        articles = self.query_one(ArticleList)
        shown = next((s for s in articles.summaries if s.id == article_id), None)
        if shown is not None:
            article.read = shown.read  # a read mark may still be on its way to the store
        self._deleted = [*getattr(self, "_deleted", []), article]
        index = articles.highlighted or 0
        articles.summaries = [s for s in articles.summaries if s.id != article_id]
        if articles.option_count:
            articles.highlighted = min(index, articles.option_count - 1)
        if getattr(self, "article", None) is not None and self.article.id == article_id:
            self.close_article()
        self._update_hint()
        self.update_list_title()
        title = clean_terminal_text(article.title)
        self.report(f"Deleted “{title}”. Press u to bring it back.", severity="information")

    def undo_delete(self) -> None:
        """Store the last deleted article again, with its reading state."""
        deleted = getattr(self, "_deleted", [])
        if not deleted:
            self.report("Nothing to undo.", severity="information")
            return
        article = deleted.pop()
        try:
            self.store.add(article)
        except (StoreError, OSError) as exc:
            deleted.append(article)
            self.report(f"Could not restore the article: {exc}")
            return
        self.reload_list()
        self.query_one(ArticleList).highlight_id(article.id)
        self.update_list_title()
        title = clean_terminal_text(article.title)
        self.report(f"Restored “{title}”.", severity="information")

    # -- screen keys --------------------------------------------------------------------------

    def action_next_unread(self, step: int = 1) -> None:
        """Open the next (or previous) unread article in the list."""
        articles = self.query_one(ArticleList)
        article_id = articles.unread_after(step)
        if article_id is None:
            where = "below" if step > 0 else "above"
            self.report(f"No unread article {where} this one.", severity="information")
            return
        articles.highlight_id(article_id)
        self.open_article(article_id)

    def action_mark_all_read(self) -> None:
        """Mark every listed article read (the store is written in a thread)."""
        articles = self.query_one(ArticleList)
        ids = [s.id for s in articles.visible if not s.read]
        for article_id in ids:
            articles.mark_read(article_id)
        self._update_hint()
        if ids:
            self._write_read(ids)
        word = "article" if len(ids) == 1 else "articles"
        self.report(f"Marked {len(ids)} {word} read.", severity="information")

    @work(thread=True, group="mark-read")
    def _write_read(self, ids: list[str]) -> None:
        """Save the read marks; one store write per article (the Store has no batch call)."""
        failed = 0
        for article_id in ids:
            try:
                self.store.set_read(article_id)
            except (KeyError, StoreError):
                failed += 1
        if failed:
            self.app.call_from_thread(
                self.report, f"{failed} read marks were not saved.", "", "warning"
            )

    def action_search(self) -> None:
        """Ask for words and list only the articles whose title or body has them all."""

        def run(answer: str | None) -> None:
            if answer and answer.strip():
                self.search_query = answer.strip()
                self.query_one("#list-pane", Vertical).border_title = "Searching…"
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
            self.app.call_from_thread(self.update_list_title)
            return
        self.post_message(self.SearchFinished(query, ids))

    @on(SearchFinished)
    def _search_finished(self, message: SearchFinished) -> None:
        articles = self.query_one(ArticleList)
        self.search_query = message.query
        articles.only_ids = frozenset(message.ids)
        self._update_hint()
        self.update_list_title()
        if not message.ids:
            query = clean_terminal_text(message.query)
            self.report(f"No article contains “{query}”. Escape clears the search.", "", "warning")
        elif articles.display:
            articles.focus()

    def action_clear_search(self) -> None:
        """Leave the search results and list every article again."""
        articles = self.query_one(ArticleList)
        if articles.only_ids is None:
            return
        articles.only_ids = None
        self._update_hint()
        self.update_list_title()

    def action_add(self) -> None:
        """Ask for a path, folder or URL, then read, analyze and store it in a thread."""

        def run(answer: str | None) -> None:
            if answer and answer.strip():
                spec = answer.strip()
                self.report(f"Adding {spec}… (reading and analyzing)", severity="information")
                self._add(spec)

        from tui.app.widgets.prompt import PromptScreen  # loaded when first used

        self.app.push_screen(
            PromptScreen(
                "Add a file, folder or URL",
                placeholder="~/articles/story.html or https://…",
                hint="Enter adds it in the background · Escape cancels",
            ),
            run,
        )

    @work(thread=True, group="add")
    def _add(self, spec: str) -> None:
        """Ingest and analyze in a thread; the analysis lock keeps spaCy to one run at a time."""
        from pathlib import Path

        from tui.adding import add_analyzed, collect
        from tui.app.screens.reader import _ANALYSIS_LOCK

        path = spec if "://" in spec else str(Path(spec).expanduser())
        new_ids: list[str] = []
        known = 0
        errors: list[str] = []
        try:
            items = list(collect([path]))
            total = len(items)
            done = 0

            def progress(count: int) -> None:
                nonlocal done
                done += count
                if total > count:  # one batch needs no progress report
                    self.app.call_from_thread(
                        self.report, f"Added {done} of {total}…", "", "information"
                    )

            with _ANALYSIS_LOCK:
                for outcome in add_analyzed(self.store, items, progress=progress):
                    if outcome.error:
                        errors.append(outcome.error)
                    elif outcome.article is not None and outcome.new:
                        new_ids.append(outcome.article.id)
                    else:
                        known += 1
        except Exception as exc:  # any failure becomes a notification, never a traceback
            errors.append(f"Could not add {spec}: {exc}")
        self.post_message(self.AddFinished(spec, new_ids, known, errors))

    @on(AddFinished)
    def _add_finished(self, message: AddFinished) -> None:
        for error in message.errors[:3]:
            self.report(clean_terminal_text(error), "Not added")
        if message.new_ids:
            self.reload_list()
            self.query_one(ArticleList).highlight_id(message.new_ids[0])
            self.update_list_title()
            count = len(message.new_ids)
            self.report(
                f"Added {count} article{'s' if count != 1 else ''}.", severity="information"
            )
        elif message.known and not message.errors:
            self.report("Already stored: nothing new was added.", severity="information")
        elif not message.errors:
            self.report(f"No article was found in {message.spec}.", severity="warning")

    def close_article(self) -> None:
        """Empty the reader and panels (the open article was deleted)."""
        from tui.app.widgets.article_view import ArticleView

        self.article = None
        self.open_id = None
        self.query_one(ArticleView).article = None
        self._show_analysis(None, analyzing=False)
