"""The main screen's list actions: star, tags, read/unread, delete and mark all read (both undone
with `u`), next/previous unread, paging the article, and sort (store_actions.py has search, add and
reload). One of the screen's key groups (see main_screen.py); it uses what `MainScreenBase` declares.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, Literal

from textual import on
from textual.binding import Binding, BindingType

from tui.app.screens.main_screen import MainScreenBase
from tui.app.widgets.article_list import ArticleList
from tui.app.widgets.article_view import ArticleView
from tui.model import ArticleSummary
from tui.sanitize import clean_terminal_text
from tui.store import StoreError
from tui.store.orders import SORT_ORDERS

if TYPE_CHECKING:  # `tui.library.reading` loads with the first change (not at start-up, ~5 ms)
    from tui.library.reading import Deleted, History, MarkedRead


class ListActions(MainScreenBase):
    """Screen-level list keys, and the handlers for the list's per-article requests."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "right_square_bracket", "next_unread(1)", "Next unread", show=False, key_display="]"
        ),
        Binding(
            "left_square_bracket", "next_unread(-1)", "Previous unread", show=False, key_display="["
        ),
        Binding("A", "mark_all_read", "Mark all read", show=False, id="screen.mark_all_read"),
    ]

    _undo: History | None = None

    @property
    def undo(self) -> History:
        """What `u` can take back (made with the first change)."""
        if self._undo is None:
            from tui.library.reading import History

            self._undo = History()
        return self._undo

    # -- helpers ------------------------------------------------------------------------------

    def apply_saved_sort(self) -> None:
        """Start with the order remembered in the settings."""
        if self.settings is not None and self.settings.sort in SORT_ORDERS:
            self.query_one(ArticleList).sort_by = self.settings.sort
        self.list_pane.update_title()

    # -- requests from the list ---------------------------------------------------------------

    def ids_naming(self, names: list[str]) -> dict[str, frozenset[str]]:
        """The articles naming each `entity:` word of the filter (the index knows them)."""
        found: dict[str, frozenset[str]] = {}
        for name in names:
            try:
                found[name] = frozenset(self.store.ids_naming(name))
            except StoreError as exc:
                self.report(f"Could not filter by entity: {exc}")
                found[name] = frozenset()
        return found

    def closest_names(self, name: str) -> list[str]:
        """The stored entity names nearest to one no article has (for the list's hint)."""
        try:
            return self.store.closest_entity_names(name)
        except StoreError:
            return []

    @on(ArticleList.SortChanged)
    def _sort_changed(self, message: ArticleList.SortChanged) -> None:
        if self.settings is not None:
            self.settings.sort = message.sort_by
            self.save_settings()
        self.list_pane.update_title()

    @on(ArticleList.Requested)
    def _list_requested(self, message: ArticleList.Requested) -> None:
        action, article_id = message.action, message.article_id
        if action == "undo":
            self.undo_last()
        elif action == "page_article":
            self.page_article()
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
        elif action == "toggle_read":
            self.toggle_read(article_id)
        elif action == "refresh_feed":
            self.refresh_feed_of(article_id)

    def _summary(self, article_id: str) -> ArticleSummary | None:
        return next((s for s in self.query_one(ArticleList).summaries if s.id == article_id), None)

    def toggle_star(self, article_id: str) -> None:
        """Star an article, or unstar it."""
        self._toggle(article_id, "starred")

    def toggle_read(self, article_id: str) -> None:
        """Mark an article unread, or read again."""
        self._toggle(article_id, "read")

    def _toggle(self, article_id: str, mark: Literal["read", "starred"]) -> None:
        """Flip one reading mark ("read", "starred") in the store, the list and the open article."""
        summary = self._summary(article_id)
        value = not (getattr(summary, mark) if summary else False)
        from tui.library import reading

        try:
            reading.set_mark(self.store, article_id, mark, value)
        except (KeyError, StoreError) as exc:
            self.report(f"Could not save the {mark} mark: {exc}")
            return
        self.query_one(ArticleList).update_summary(article_id, **{mark: value})
        if self.article is not None and self.article.id == article_id:
            setattr(self.article, mark, value)
        self.list_changed()

    def page_article(self) -> None:
        """Space in the list: open the highlighted article, or page down the open one; at its end,
        go on to the next unread article (as newsboat and mutt do)."""
        highlighted = self.query_one(ArticleList).highlighted_id
        view = self.query_one(ArticleView)
        if highlighted is not None and (view.article is None or view.article.id != highlighted):
            self.open_article(highlighted)
        elif view.article is not None and view.scroll_y < view.max_scroll_y:
            view.scroll_page_down(animate=False)
        else:
            self.action_next_unread(1)

    def edit_tags(self, article_id: str) -> None:
        """Ask for the article's tags (comma separated) and save them."""
        summary = self._summary(article_id)
        current = ", ".join(summary.tags) if summary else ""

        def save(answer: str | None) -> None:
            if answer is None:
                return
            from tui.library import reading

            try:
                tags = reading.set_tags(self.store, article_id, answer)
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
        articles = self.query_one(ArticleList)
        shown = self._summary(article_id)
        from tui.library import reading

        try:  # a read mark may still be on its way to the store: keep the one shown
            deleted = reading.delete(self.store, article_id, shown.read if shown else None)
        except (KeyError, StoreError) as exc:
            self.report(f"Could not delete the article: {exc}")
            return
        article = deleted.article
        self.undo.push(deleted)
        index = articles.highlighted or 0
        articles.summaries = [s for s in articles.summaries if s.id != article_id]
        if articles.option_count:
            articles.highlighted = min(index, articles.option_count - 1)
        if self.article is not None and self.article.id == article_id:
            self.close_article()
        self.list_changed()
        self.list_pane.update_title()
        title = clean_terminal_text(article.title)
        self.report(f"Deleted “{title}”. Press u to bring it back.", severity="information")

    def undo_last(self) -> None:
        """Take back the last delete or "mark all read"."""
        from tui.library.reading import MarkedRead

        marked = isinstance(self.undo.last, MarkedRead)
        failed = "Could not mark the articles unread" if marked else "Could not restore the article"
        try:
            change = self.undo.undo_last(self.store)
        except (StoreError, OSError) as exc:
            self.report(f"{failed}: {exc}")
            return
        if change is None:
            self.report("Nothing to undo.", severity="information")
        elif isinstance(change, MarkedRead):
            self.unmarked_read(change)
        else:
            self.restored(change)

    def unmarked_read(self, change: MarkedRead) -> None:
        """The articles one "mark all read" changed are unread again (and only those)."""
        articles = self.query_one(ArticleList)
        for article_id in change.ids:
            articles.mark_read(article_id, False)
        self.list_changed()
        word = "article" if len(change.ids) == 1 else "articles"
        self.report(f"Marked {len(change.ids)} {word} unread again.", severity="information")

    def restored(self, change: Deleted) -> None:
        """A deleted article is stored again, with its reading state."""
        article = change.article
        self.reload_list()
        self.query_one(ArticleList).highlight_id(article.id)
        self.list_pane.update_title()
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
        """Mark every listed article read, in one store write (`reading.mark_read`); `u` takes it
        back."""
        articles = self.query_one(ArticleList)
        ids = [s.id for s in articles.listed if not s.read]
        if not ids:
            self.report("Every listed article is read already.", severity="information")
            return
        from tui.library import reading

        try:
            change = reading.mark_read(self.store, ids)
        except StoreError as exc:
            self.report(f"Could not mark the articles read: {exc}")
            return
        for article_id in ids:
            articles.mark_read(article_id)
        self.list_changed()
        self.undo.push(change)
        word = "article" if len(ids) == 1 else "articles"
        self.report(f"Marked {len(ids)} {word} read. Press u to undo.", severity="information")
