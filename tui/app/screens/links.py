"""How the main screen links its panels to the reader and to other articles (issues 4 and 5).

One of the main screen's key groups (see main_screen.py), kept apart so the wiring of entities and
timelines lives in one place: the panels post messages, this group sets the reader's attributes or
opens the cross-article views. It uses what `MainScreenBase` declares.
"""

from __future__ import annotations

import threading
import time
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.binding import Binding, BindingType
from textual.worker import Worker, get_current_worker

from tui.app.screens.main_screen import MainScreenBase, wait_for_paint
from tui.app.widgets.article_view import ArticleView
from tui.model import Article, Entity
from tui.store import StoreError

# The longest the "in N other articles" count waits for the reader to draw before it starts anyway.
ELSEWHERE_WAIT_S = 0.3
# Then how long the reader must stay on the article before the count starts: moving on within this
# time cancels it, so paging through articles never pays for it (one entity-index read, a few ms).
ELSEWHERE_SETTLE_S = 0.1

if TYPE_CHECKING:
    from tui.app.screens.merged_timeline import Target
    from tui.app.widgets.entity_panel import EntityPanel
    from tui.app.widgets.timeline_panel import TimelinePanel


def still_wanted_after(worker: Worker[object], seconds: float) -> bool:
    """In a worker thread: wait `seconds`; False as soon as the worker is cancelled meanwhile."""
    deadline = time.monotonic() + seconds
    while not worker.is_cancelled and time.monotonic() < deadline:
        time.sleep(0.02)
    return not worker.is_cancelled


class PanelLinks(MainScreenBase):
    """Entities ↔ reader, timeline ↔ reader, and the views across stored articles.

    The panels' messages are handled by name (`on_entity_panel_...`), not with `@on(...)`: the
    panels' modules then load with the side panel, just after the first paint, not at start-up.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("m", "merged_timeline", "Merged timeline", id="screen.merged_timeline"),
    ]

    # -- entities -----------------------------------------------------------------------------

    def on_entity_panel_entity_highlighted(self, message: EntityPanel.EntityHighlighted) -> None:
        view = self.query_one(ArticleView)
        if view.highlighted_entity is not message.entity:
            view.highlighted_entity = message.entity

    def on_entity_panel_jump_requested(self, message: EntityPanel.JumpRequested) -> None:
        self.query_one(ArticleView).jump_mention(message.step)

    def on_entity_panel_entity_chosen(self, message: EntityPanel.EntityChosen) -> None:
        from tui.app.screens.entity_articles import EntityArticlesScreen  # loaded when first used

        current = self.article.id if self.article is not None else None
        self.app.push_screen(
            EntityArticlesScreen(self.store, message.entity, current), self._open_chosen
        )

    def _open_chosen(self, article_id: str | None) -> None:
        if article_id and (self.article is None or article_id != self.article.id):
            self.open_article(article_id)

    def refresh_elsewhere(self, article: Article | None) -> None:
        """Count, in a worker, the other stored articles naming each entity of `article`."""
        from tui.app.widgets.side_panel import SidePanel

        self.query_one(SidePanel).elsewhere = {}
        if article is not None and article.analyzed and article.entities:
            self.count_elsewhere(article.id, list(article.entities), self.painted_event())

    @work(thread=True, exclusive=True, group="elsewhere")
    def count_elsewhere(
        self, article_id: str, entities: list[Entity], painted: threading.Event | None = None
    ) -> dict[str, int]:
        """How many other stored articles name each entity (aliases included).

        It first waits (at most ELSEWHERE_WAIT_S) for the reader to draw the article, then
        ELSEWHERE_SETTLE_S more; opening another article meanwhile cancels it (the worker is
        exclusive).
        """
        worker = get_current_worker()
        if painted is not None:
            wait_for_paint(painted, worker, ELSEWHERE_WAIT_S)
        if not still_wanted_after(worker, ELSEWHERE_SETTLE_S):
            return {}
        from tui.library.entity_articles import named_elsewhere  # in the worker, not at start-up

        try:  # one read of the entity index for all of them (no summaries are built)
            counts = named_elsewhere(self.store, article_id, entities)
        except StoreError as exc:
            self.app.call_from_thread(
                self.notify, str(exc), title="Cannot read the store", markup=False
            )
            return {}
        if worker.is_cancelled:
            return {}  # another article was opened: its own count replaces this one
        self.app.call_from_thread(self._set_elsewhere, article_id, counts)
        return counts

    def _set_elsewhere(self, article_id: str, counts: dict[str, int]) -> None:
        if self.article is None or self.article.id != article_id:
            return
        from tui.app.widgets.side_panel import SidePanel

        # query, not query_one: the count may arrive while the app is closing and the panel is gone.
        for panel in self.query(SidePanel):
            panel.elsewhere = counts

    # -- timeline -----------------------------------------------------------------------------

    def on_timeline_panel_event_chosen(self, message: TimelinePanel.EventChosen) -> None:
        self.query_one(ArticleView).locate(message.event.paragraph)

    @on(ArticleView.ParagraphsShown)
    def _paragraphs_shown(self, message: ArticleView.ParagraphsShown) -> None:
        from tui.app.widgets.side_panel import SidePanel

        self.query_one(SidePanel).on_screen = message.paragraphs

    # -- across articles ----------------------------------------------------------------------

    def action_merged_timeline(self, entity: Entity | None = None) -> None:
        """Show the dated events of every stored article in one timeline."""
        from tui.app.screens.merged_timeline import MergedTimelineScreen  # loaded when first used

        self.app.push_screen(MergedTimelineScreen(self.store, entity), self._open_target)

    def on_entity_panel_timeline_requested(self, message: EntityPanel.TimelineRequested) -> None:
        self.action_merged_timeline(message.entity)

    def _open_target(self, target: Target | None) -> None:
        """Open an article from the merged timeline, scrolled to the event's paragraph."""
        from textual.widgets import TabbedContent

        if target is None:
            return
        article_id, paragraph = target
        view = self.query_one(ArticleView)
        if self.article is not None and self.article.id == article_id:
            view.locate(paragraph)
        else:
            view.locate(paragraph, when_ready=True)
            self.open_article(article_id)
        self.query_one(TabbedContent).active = "timeline"
        view.focus()  # the keys go on to the sentence just opened
