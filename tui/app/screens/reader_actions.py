"""The main screen's reader and layout actions: open (`o`) or copy (`c`) the article's URL, find
in the article, the scroll position remembered per article, and showing/resizing the side panel.
A base class of `ReaderScreen` (see list_actions.py for the list's actions).
"""

from __future__ import annotations

import webbrowser
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual import work
from textual.binding import Binding, BindingType
from textual.containers import Container
from textual.content import Content
from textual.widgets import Footer, Static, TabbedContent

from tui.app.screens.list_actions import ListActionsScreen
from tui.app.widgets.article_view import ArticleView
from tui.app.widgets.prompt import PromptScreen
from tui.model import Article
from tui.sanitize import clean_terminal_text
from tui.settings import clamp_width

MATCH_STYLE = "#ffffff on #5c4a00"
CURRENT_MATCH_STYLE = "bold #000000 on #d19a00"
NARROW_BELOW = (
    120  # columns; matches NewsApp.HORIZONTAL_BREAKPOINTS (below, the reader would be too narrow)
)
SIDE_STEP = 4


def find_spans(text: str, query: str) -> list[tuple[int, int]]:
    """Where `query` occurs in `text`, case-insensitively, without overlaps."""
    needle = query.casefold()
    haystack = text.casefold()
    spans = []
    if not needle or len(haystack) != len(text):
        # casefold changed the length (ß -> ss): fall back to a plain lower() search
        needle, haystack = query.lower(), text.lower()
    start = haystack.find(needle) if needle else -1
    while start >= 0:
        spans.append((start, start + len(needle)))
        start = haystack.find(needle, start + len(needle))
    return spans


def highlighted(text: Text | Content, style: str, start: int, end: int) -> Text | Content:
    """A copy of `text` with `style` over one span (Rich Text or Textual Content alike)."""
    if isinstance(text, Content):
        return text.stylize(style, start, end)
    copy = text.copy()
    copy.stylize(Style.parse(style), start, end)
    return copy


class ReaderActionsScreen(ListActionsScreen):
    """Reader keys (`o`, `c`, find) and panel keys (`b`, `+`, `-`)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("o", "open_url", "Open in browser", show=False, id="reader.open_url"),
        Binding("c", "copy", "Copy URL or selection", show=False, id="reader.copy"),
        Binding("ctrl+f", "find", "Find in article", show=False, id="reader.find"),
        Binding("ctrl+g", "find_next", "Next match", show=False, id="reader.find_next"),
        Binding("b,f2", "toggle_side", "Side panel", show=False, id="layout.toggle_side"),
        Binding("plus", "resize_side(1)", "Wider panel", show=False, key_display="+"),
        Binding("minus", "resize_side(-1)", "Narrower panel", show=False, key_display="-"),
    ]

    _positions: dict[str, float]
    _shown: Article | None = None
    _matches: list[tuple[Static, int, int]]
    _originals: dict[Static, Text | Content]
    _match_at: int = 0
    _applied_layout: tuple[bool, int, bool] | None = None
    find_query: str = ""

    def setup_reader_actions(self) -> None:
        """Start remembering scroll positions, and lay out the panels from the settings."""
        self._positions = {}
        self._matches = []
        self._originals = {}
        view = self.query_one(ArticleView)
        self.watch(view, "scroll_y", self._remember_scroll, init=False)
        self.watch(view, "article", self._article_shown, init=False)
        self.apply_layout()
        self.apply_saved_sort()

    # -- scroll memory ------------------------------------------------------------------------

    def _remember_scroll(self, y: float) -> None:
        view = self.query_one(ArticleView)
        # The view resets its scroll when its article changes: only record for the one shown.
        if view.article is not None and view.article is self._shown:
            self._positions[view.article.id] = y

    def _article_shown(self, article: Article | None) -> None:
        # Also when the same article comes back analyzed: the reader stays where it was.
        self._shown = article
        self._matches, self._originals = [], {}
        view = self.query_one(ArticleView)
        view.border_subtitle = ""
        if article is None:
            return
        y = self._positions.get(article.id, 0.0)
        if y:
            view.call_after_refresh(self._restore_scroll, article, y)

    def _restore_scroll(self, article: Article, y: float, tries: int = 10) -> None:
        view = self.query_one(ArticleView)
        if view.article is not article:
            return  # another article was opened meanwhile
        if view.max_scroll_y < y and tries > 0:
            # The new body is not laid out yet (the view recomposes after a refresh): try again.
            view.call_after_refresh(self._restore_scroll, article, y, tries - 1)
            return
        view.scroll_to(y=y, animate=False, immediate=True)
        self._positions[article.id] = view.scroll_y

    # -- URL ----------------------------------------------------------------------------------

    def _url(self) -> str | None:
        article = getattr(self, "article", None)
        return article.url if article is not None and article.url else None

    def action_open_url(self) -> None:
        """Open the article's web address in the browser."""
        url = self._url()
        if url is None:
            self.report("This article has no web address to open.", severity="warning")
            return
        self._open_in_browser(url)
        self.report(f"Opening {clean_terminal_text(url)}", severity="information")

    @work(thread=True, group="browser")
    def _open_in_browser(self, url: str) -> None:
        """webbrowser may block (a text browser, a slow launcher): keep it off the UI thread."""
        try:
            opened = webbrowser.open(url)
        except webbrowser.Error as exc:
            self.app.call_from_thread(self.report, f"Could not open the browser: {exc}")
            return
        if not opened:
            self.app.call_from_thread(self.report, "No web browser was found.", "", "warning")

    def action_copy(self) -> None:
        """Copy the selected text, else the article's web address."""
        selected = self.get_selected_text()
        if selected:
            self.app.copy_to_clipboard(selected)
            self.report("Copied the selection.", severity="information")
            return
        url = self._url()
        if url is None:
            self.report(
                "Nothing to copy: select text, or open an article with a URL.", "", "warning"
            )
            return
        self.app.copy_to_clipboard(url)
        self.report(f"Copied {clean_terminal_text(url)}", severity="information")

    # -- find in article ----------------------------------------------------------------------

    def action_find(self) -> None:
        """Ask for words to find in the open article; matches are highlighted (ctrl+g: next)."""
        if getattr(self, "article", None) is None:
            self.report("Open an article first, then find in it.", severity="warning")
            return

        def run(answer: str | None) -> None:
            if answer is not None:
                self.find_in_article(answer.strip())

        self.app.push_screen(PromptScreen("Find in article", value=self.find_query), run)

    def _clear_highlights(self) -> None:
        for static, original in self._originals.items():
            static.update(original)
        self._originals, self._matches = {}, []

    def find_in_article(self, query: str) -> int:
        """Highlight every match of `query` in the reader and jump to the first; returns the count."""
        self._clear_highlights()
        self.find_query = query
        view = self.query_one(ArticleView)
        view.border_subtitle = ""
        if not query:
            return 0
        for static in view.query(Static):
            content = static.content  # the Text the view set
            if not isinstance(content, Text | Content):
                continue  # list items are tables; their text is not searched
            for start, end in find_spans(content.plain, query):
                self._originals.setdefault(static, content)
                self._matches.append((static, start, end))
        if not self._matches:
            self.report(f"“{clean_terminal_text(query)}” is not in this article.", "", "warning")
            return 0
        self._match_at = 0
        self._show_match()
        return len(self._matches)

    def _show_match(self) -> None:
        """Redraw the highlighted blocks, the current match brighter, and scroll to it."""
        current = self._matches[self._match_at]
        for static, original in self._originals.items():
            marked = original
            for block, start, end in self._matches:
                if block is static:
                    style = CURRENT_MATCH_STYLE if (block, start, end) == current else MATCH_STYLE
                    marked = highlighted(marked, style, start, end)
            static.update(marked)
        view = self.query_one(ArticleView)
        view.scroll_to_widget(current[0], animate=False, center=True)
        query = clean_terminal_text(self.find_query)
        view.border_subtitle = f"“{query}” {self._match_at + 1}/{len(self._matches)} · ctrl+g next"

    def action_find_next(self) -> None:
        """Jump to the next match of the last find."""
        if not self._matches:
            if self.find_query and getattr(self, "article", None) is not None:
                self.find_in_article(self.find_query)
            return
        self._match_at = (self._match_at + 1) % len(self._matches)
        self._show_match()

    # -- side panel ---------------------------------------------------------------------------

    def apply_layout(self) -> None:
        """Show or hide the side panel and set its width (wide) as the settings say."""
        settings = self.settings
        show = settings.side_panel if settings is not None else True
        width = settings.side_width if settings is not None else 42
        narrow = bool(self.size.width) and self.size.width < NARROW_BELOW
        if (show, width, narrow) == self._applied_layout:
            return  # a resize that keeps the breakpoint: re-laying out the panes would cost a frame
        self._applied_layout = (show, width, narrow)
        panes = self.query_one("#panes", Container)
        for side in self.query(TabbedContent):  # none until mounted, just after the first paint
            side.display = show
        styles = panes.styles
        for rule in ("grid_size_columns", "grid_size_rows", "grid_columns", "grid_rows"):
            styles.clear_rule(rule)
        for footer in self.query(Footer):
            footer.compact = narrow  # fits every key in 80 columns
        if narrow:
            if not show:  # the panel sat under the reader: give its row back
                styles.grid_rows = "1fr 0"
        elif show:
            styles.grid_columns = f"32 1fr {width}"
        else:
            styles.grid_size_columns = 2
            styles.grid_columns = "32 1fr"
        panes.refresh(layout=True)

    def on_resize(self) -> None:
        """The breakpoint may have changed: lay the panes out again."""
        self.apply_layout()

    def action_toggle_side(self) -> None:
        """Show or hide the entities/timeline panel (remembered)."""
        if self.settings is None:
            return
        self.settings.side_panel = not self.settings.side_panel
        focused = self.focused
        chain = (focused, *focused.ancestors) if focused is not None else ()
        if not self.settings.side_panel and any(isinstance(w, TabbedContent) for w in chain):
            self.query_one(ArticleView).focus()
        self.apply_layout()
        self.save_settings()

    def action_resize_side(self, step: int) -> None:
        """Make the side panel wider or narrower (remembered)."""
        if self.settings is None:
            return
        if self.size.width < NARROW_BELOW:
            self.report(
                "The panel width can change in terminals 120 columns or wider.", "", "warning"
            )
            return
        self.settings.side_panel = True
        self.settings.side_width = clamp_width(self.settings.side_width + step * SIDE_STEP)
        self.apply_layout()
        self.save_settings()
