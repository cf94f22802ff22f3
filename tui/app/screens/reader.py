"""The main screen: three panes in a `PaneGrid`, wired together.

The panes never import the screen; they post messages and the screen answers by setting their
attributes or calling `tui.library`:

- `ListPane` (filter box, `ArticleList`, hint): `ArticleList.Opened`, `ArticleList.Requested`
  (star, delete, tags, undo...: `list_actions`), `ArticleList.SortChanged`; the screen gives it
  its store look-ups (`entity_lookup`, `closest_names`).
- `ArticleView` (the reader; it keeps each article's scroll position): `ArticleView.ParagraphsShown`.
- `SidePanel` (entities and timeline tabs): `EntityPanel.EntityHighlighted`, `.JumpRequested`,
  `.EntityChosen`, `.TimelineRequested` and `TimelinePanel.EventChosen` (handled in `links`).

The screen's other keys come in sibling groups, one class a module, each over `MainScreenBase`
(main_screen.py: what they share) and none over another: `StoreActions` (search, add, reload),
`ListActions`, `ReaderActions` (URL, links, date, find, the panel's size), `PanelLinks` (links.py)
and `FeedActions`. This class combines them and adds opening and analyzing an article.
"""

from __future__ import annotations

import copy
import threading
import time
from typing import TYPE_CHECKING, ClassVar

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Footer, Header, Input
from textual.worker import get_current_worker

from tui.app.screens.feed_actions import FeedActions
from tui.app.screens.links import PanelLinks
from tui.app.screens.list_actions import ListActions
from tui.app.screens.main_screen import first_show_restyles, wait_for_paint
from tui.app.screens.reader_actions import ReaderActions
from tui.app.screens.store_actions import StoreActions
from tui.app.widgets.article_list import ArticleList
from tui.app.widgets.article_view import ArticleView
from tui.app.widgets.list_pane import ListPane
from tui.app.widgets.pane_grid import PANEL_ROWS_MIN, PaneGrid, panel_fits
from tui.model import Article
from tui.store import Store, StoreError

if TYPE_CHECKING:
    from tui.app.widgets.side_panel import SidePanel

# The longest an analysis waits for the reader to draw the article before it loads spaCy anyway.
PAINT_WAIT_S = 2.0


def side_panel() -> SidePanel:
    """The entities and timeline tabs (their modules load here: see `tui.app.widgets.side_panel`)."""
    from tui.app.widgets.side_panel import SidePanel

    return SidePanel()


# The order of the groups is the order of their bindings (reversed): the footer and help read it.
class ReaderScreen(ReaderActions, ListActions, StoreActions, PanelLinks, FeedActions):
    """Three panes: the list (left), the open article (centre), entities and timeline (right)."""

    # No auto-focus: Textual's pass (a query over every widget, then a focus change that restyles)
    # cost first paint, and `None` would inherit the app's "*". `focus_first` chooses instead.
    AUTO_FOCUS = ""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("tab", "cycle_pane(1)", "Next pane", show=False),
        Binding("shift+tab", "cycle_pane(-1)", "Previous pane", show=False),
        # Not a priority binding: the app hands the keys typed after it on only once it has run
        # (tui.app.key_order), so "/port" typed fast filters by "port".
        Binding("slash", "filter", "Filter", key_display="/"),
        Binding("e", "show_tab('entities')", "Entities"),
        Binding("t", "show_tab('timeline')", "Timeline"),
        Binding("question_mark", "help", "Help", key_display="?"),
    ]

    class AnalysisFinished(Message):
        """A worker analyzed an article (and tried to save the analysis)."""

        def __init__(self, article: Article, save_error: str | None = None) -> None:
            super().__init__()
            self.article = article
            self.save_error = save_error

    class AnalysisFailed(Message):
        """A worker could not analyze an article."""

        def __init__(self, article_id: str, error: str) -> None:
            super().__init__()
            self.article_id = article_id
            self.error = error

    def __init__(self, store: Store, open_id: str | None = None) -> None:
        super().__init__()
        self.store = store
        self.open_id = open_id
        self.article = None
        """The open article, as last loaded or analyzed."""
        self._side_ready = bool(open_id)  # composed at once only when an article opens at start
        self._pending_open: str | None = None
        self._pending_tab: str | None = None
        self._shown = False

    def compose(self) -> ComposeResult:
        yield Header()
        with PaneGrid(id="panes"):
            yield ListPane(id="list-pane")
            yield ArticleView(id="reader", classes="pane")
            if self.open_id:  # an article opens at once: its panels are needed now
                yield side_panel()
        yield Footer()

    @property
    def side_ready(self) -> bool:
        """Whether the side panel is mounted (it comes just after the first paint)."""
        return self._side_ready

    async def _mount_side_panel(self) -> None:
        """Mount the side panel after the first paint, then give it what was asked meanwhile.

        Why: its fifteen widgets (tabs, switcher, panes, panels) took ~50 ms of a start-up of
        ~350 ms, before the list showed. Until it is mounted, opening an article waits for it.
        """
        panes = self.query_one(PaneGrid)
        if not panes.is_attached:
            return  # the app is closing already
        await panes.mount(side_panel())
        self._side_ready = True
        panes.forget_layout()  # lay the panes out again, now with the panel
        self.apply_layout()
        if self._pending_tab is not None:
            self.action_show_tab(self._pending_tab)
        if self._pending_open is not None:
            article_id, self._pending_open = self._pending_open, None
            self.open_article(article_id)

    # -- start-up -----------------------------------------------------------------------------

    def on_mount(self) -> None:
        self.list_pane.closest_names = self.closest_names
        self.list_pane.entity_lookup = self.ids_naming
        if self.open_id or not self._show_first_screen():
            self.reload_list()
        self.apply_layout()
        self.apply_saved_sort()
        self.follow_store()
        self.follow_feeds()
        if not self._side_ready:
            self.call_after_refresh(self._mount_side_panel)
        self.focus_first()
        if self.open_id:
            self.open_article(self.open_id)

    def focus_first(self) -> None:
        """Focus the list; an empty store hides it: the reader then, never the hidden filter box."""
        articles = self.query_one(ArticleList)
        (articles if articles.display else self.query_one(ArticleView)).focus()

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        """Back from another screen with nothing focused here: focus as at start (what the
        auto-focus this screen turns off did then). The first show skips Textual's restyle of
        the whole screen (see `first_show_restyles`)."""
        if not self._shown:
            self._shown = True
            event.refresh_styles = first_show_restyles(self)
        if self.focused is None:
            self.focus_first()

    def reload_list(self) -> None:
        """Read the summaries from the store into the list (cheap: no article bodies)."""
        try:
            summaries = self.store.summaries()
        except StoreError as exc:
            self.report(str(exc), "Cannot read the store")
            summaries = []
        self.list_pane.first_screen_counts = None
        self.query_one(ArticleList).summaries = summaries
        self.list_changed()

    def _show_first_screen(self) -> bool:
        """List the store's first screen from its first-screen file, and read the whole index just
        after the first paint (or before any key or click, whichever comes first); False when the
        file cannot be used. At 10,000 articles the index takes ~40 ms to parse and list."""
        order = self.settings.sort if self.settings is not None else "added"
        try:
            first = self.store.first_screen(order, self.app.size.height + 1)
        except (OSError, StoreError):
            first = None
        if first is None:
            return False
        self.list_pane.first_screen_counts = (first.articles, first.unread)
        self.query_one(ArticleList).summaries = first.summaries
        self.list_changed()
        self.app.before_input = self.complete_list  # type: ignore[attr-defined]
        self.call_after_refresh(self.complete_list)
        return True

    def complete_list(self) -> None:
        """List every article once the first screen has been painted from the first-screen file."""
        if self.list_pane.first_screen_counts is not None:
            # The frame is written to the terminal by Textual's writer thread: let it take the GIL
            # before the index's parse holds it (json.loads is one C call, ~12 ms at 10,000).
            time.sleep(0.001)
            self.reload_list()

    # -- opening and analyzing ----------------------------------------------------------------

    def open_article(self, article_id: str) -> None:
        """Load an article into the reader and panels, mark it read, and analyze it if needed."""
        if not self._side_ready:
            self._pending_open = article_id  # in a frame or two: see `_mount_side_panel`
            return
        try:
            article = self.store.get(article_id)
        except KeyError as exc:
            self.report(str(exc.args[0]) if exc.args else str(exc), "Cannot open the article")
            return
        except StoreError as exc:
            self.report(str(exc), "Cannot open the article")
            return
        self.article = article
        self.open_id = article.id
        articles = self.query_one(ArticleList)
        articles.highlight_id(article.id)
        self.query_one(ArticleView).article = article
        self._show_analysis(article, analyzing=not article.analyzed)
        if not article.read:
            self._mark_read(article)
        if not article.analyzed:
            # The worker gets its own copy: it fills entities while the UI shows this one. It waits
            # for the text to be drawn first: loading spaCy holds the GIL for a second or more.
            self.analyze(copy.deepcopy(article), self.painted_event())

    def _mark_read(self, article: Article) -> None:
        """Show the article read at once; the store (a line appended, fsynced) is written in a thread."""
        article.read = True
        self.query_one(ArticleList).mark_read(article.id)
        self.list_changed()
        self._save_read(article.id, self.painted_event())

    @work(thread=True, group="mark-read")
    def _save_read(self, article_id: str, painted: threading.Event) -> None:
        """Persist a read mark once the reader has drawn the article (at most PAINT_WAIT_S later)."""
        wait_for_paint(painted, get_current_worker(), PAINT_WAIT_S)
        try:
            self.store.set_read(article_id)
        except KeyError:
            # Deleted meanwhile: its undo copy already carries the read mark (see `delete`).
            return
        except StoreError as exc:
            self.app.call_from_thread(
                self.report, f"Could not save the read mark: {exc}", "", "warning"
            )

    def close_article(self) -> None:
        """Empty the reader and panels (the open article was deleted)."""
        self.article = None
        self.open_id = None
        self.query_one(ArticleView).article = None
        self._show_analysis(None, analyzing=False)

    def _show_analysis(self, article: Article | None, *, analyzing: bool) -> None:
        if not self._side_ready:
            return  # nothing is open before the panel is mounted (`open_article` waits for it)
        from tui.app.widgets.side_panel import SidePanel

        self.query_one(SidePanel).show(article, analyzing=analyzing)
        self.refresh_elsewhere(None if analyzing else article)  # "in N other articles"

    @work(thread=True, exclusive=True, group="analysis")
    def analyze(self, article: Article, painted: threading.Event | None = None) -> None:
        """Find entities and dates in a thread (`analyze_and_save`: spaCy loads there, late).

        With `painted`, first wait (at most PAINT_WAIT_S) until the reader has drawn the article.
        """
        from tui.library.analysis import analyze_and_save  # in the worker, not at start-up

        worker = get_current_worker()
        if painted is not None:
            wait_for_paint(painted, worker, PAINT_WAIT_S)
        try:  # another article opened meanwhile: this one is analyzed when reopened
            done = analyze_and_save(self.store, article, lambda: worker.is_cancelled)
        except Exception as exc:  # any failure becomes a notification, never a traceback
            error = f"{exc.__class__.__name__}: {exc}"
            self.post_message(self.AnalysisFailed(article.id, error))
            return
        if done is not None:
            self.post_message(self.AnalysisFinished(done.article, done.save_error))

    def show_analyzed(self, article: Article, save_error: str | None = None) -> None:
        self.post_message(self.AnalysisFinished(article, save_error))

    @on(AnalysisFinished)
    def _analysis_finished(self, message: AnalysisFinished) -> None:
        if message.save_error:
            self.report(f"The analysis was not saved: {message.save_error}", severity="warning")
        if self.article is None or self.article.id != message.article.id:
            return  # the user moved on; the analysis is stored for next time
        message.article.read = self.article.read
        self.article = message.article
        self.query_one(ArticleView).article = message.article
        self._show_analysis(message.article, analyzing=False)

    @on(AnalysisFailed)
    def _analysis_failed(self, message: AnalysisFailed) -> None:
        self.report(message.error, "Analysis failed")
        if self.article is not None and self.article.id == message.article_id:
            self._show_analysis(self.article, analyzing=False)

    # -- list events --------------------------------------------------------------------------

    @on(ArticleList.Opened)
    def _list_opened(self, message: ArticleList.Opened) -> None:
        self.open_article(message.article_id)

    # -- actions ------------------------------------------------------------------------------

    def action_filter(self) -> None:
        """Show the filter box and type into it."""
        if isinstance(self.focused, Input):  # "/" typed into a box (the filter, find) is text
            self.focused.insert_text_at_cursor("/")
            return
        self.list_pane.show_filter()

    def action_show_tab(self, tab: str) -> None:
        """Switch the side panel to *Entities* or *Timeline*, showing the panel if it is hidden."""
        if not panel_fits(self.size):
            self.report(
                f"The side panel needs a terminal {PANEL_ROWS_MIN} rows high or more.",
                "",
                "warning",
            )
            return
        if self.settings is not None and not self.settings.side_panel:
            self.action_toggle_side()
        if not self._side_ready:
            self._pending_tab = tab
            return
        from textual.widgets import TabbedContent

        self.query_one(TabbedContent).active = tab

    def _panes(self) -> list[tuple[Widget, Widget]]:
        """Each pane (list, reader, side panel) with the widget that takes focus in it."""
        panes: list[tuple[Widget, Widget]] = [
            (self.list_pane, self.list_pane.focus_target),
            (self.query_one(ArticleView), self.query_one(ArticleView)),
        ]
        if self._side_ready:
            from tui.app.widgets.side_panel import SidePanel

            side = self.query_one(SidePanel)
            panes.append((side, side.focus_target))
        return panes

    def action_cycle_pane(self, step: int) -> None:
        """Move focus to the next (or previous) pane that can take it."""
        panes = self._panes()
        focused = self.focused
        chain = [focused, *focused.ancestors] if focused is not None else []
        current = next((i for i, (pane, _) in enumerate(panes) if pane in chain), 0)
        for offset in range(1, len(panes) + 1):
            target = panes[(current + offset * step) % len(panes)][1]
            if target.display and target.focusable:
                target.focus()
                return

    def action_help(self) -> None:
        """Show every key that works here, read from the live bindings."""
        from tui.app.screens.help import HelpScreen  # loaded when first used

        self.app.push_screen(HelpScreen(self))
