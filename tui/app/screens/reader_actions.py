"""The main screen's reader and layout actions: open (`o`) or copy (`c`) the article's URL, list
its links (`l`), set its publication date (`D`), find in the article, the scroll position remembered
per article, and showing/resizing the side panel. One of the screen's key groups (see
main_screen.py); it uses what `MainScreenBase` declares.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on, work
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import Footer

from tui.app.screens.main_screen import MainScreenBase
from tui.app.widgets.article_list import ArticleList
from tui.app.widgets.article_view import ArticleView
from tui.app.widgets.pane_grid import NARROW_BELOW, READER_FLOOR, PaneGrid, side_width_that_fits
from tui.model import Article
from tui.sanitize import clean_terminal_text
from tui.settings import SIDE_WIDTH_MAX, clamp_width

SIDE_STEP = 4


class ReaderActions(MainScreenBase):
    """Reader keys (`o`, `c`, find) and panel keys (`b`, `+`, `-`)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("o", "open_url", "Open in browser", show=False, id="reader.open_url"),
        Binding("c", "copy", "Copy URL or selection", show=False, id="reader.copy"),
        Binding("l", "links", "Links in the article", show=False, id="reader.links"),
        Binding("D", "set_date", "Set the publication date", show=False, id="reader.set_date"),
        Binding("ctrl+f", "find", "Find in article", show=False, id="reader.find"),
        Binding("ctrl+g", "find_next", "Next match", show=False, id="reader.find_next"),
        Binding("b,f2", "toggle_side", "Side panel", show=False, id="layout.toggle_side"),
        Binding("plus", "resize_side(1)", "Wider panel", show=False, key_display="+"),
        Binding("minus", "resize_side(-1)", "Narrower panel", show=False, key_display="-"),
    ]

    find_query: str = ""

    # -- URL ----------------------------------------------------------------------------------

    def _url(self) -> str | None:
        article = self.article
        return article.url if article is not None and article.url else None

    def action_open_url(self) -> None:
        """Open the article's web address in the browser."""
        url = self._url()
        if url is None:
            self.report("This article has no web address to open.", severity="warning")
            return
        self.open_in_browser(url)

    def open_in_browser(self, url: str) -> None:
        """Say which address opens, then open it: only http(s) addresses ever reach the browser."""
        from tui.sanitize import browser_url

        shown = clean_terminal_text(url)
        if browser_url(url) is None:
            self.report(
                f"Not opened: {shown} is not a web (http or https) address; "
                "c copies it if you want it anyway.",
                severity="warning",
            )
            return
        self.report(f"Opening {shown}", severity="information")
        self._open_in_browser(url)

    @work(thread=True, group="browser")
    def _open_in_browser(self, url: str) -> None:
        """webbrowser may block (a text browser, a slow launcher): keep it off the UI thread."""
        import webbrowser  # loaded when first used

        from tui.sanitize import browser_url

        if browser_url(url) is None:  # checked again at the last step
            return
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

    # -- links in the body --------------------------------------------------------------------

    def action_links(self) -> None:
        """List the open article's links: open one in the browser, copy it or add it to the store."""
        article = self.article
        if article is None:
            self.report("Open an article first, then list its links.", severity="warning")
            return
        if not article.links:
            self.report("This article has no links in its text.", severity="warning")
            return
        from tui.app.screens.article_links import ArticleLinksScreen, LinkChoice

        def chosen(choice: LinkChoice | None) -> None:
            if choice is None:
                return
            shown = clean_terminal_text(choice.url)
            if choice.action == "open":
                self.open_in_browser(choice.url)
            elif choice.action == "copy":
                self.app.copy_to_clipboard(choice.url)
                self.report(f"Copied {shown}", severity="information")
            else:
                self.report(f"Adding {shown}… (fetching and analyzing)", severity="information")
                self.add_in_background(choice.url)

        self.app.push_screen(ArticleLinksScreen(article.title, list(article.links)), chosen)

    # -- publication date ---------------------------------------------------------------------

    class Redated(Message):
        """A worker gave an article a new publication date and resolved its timeline again."""

        def __init__(self, article: Article, moved: int) -> None:
            super().__init__()
            self.article = article
            self.moved = moved

    def action_set_date(self) -> None:
        """Ask for the open article's publication date; its timeline is then resolved again."""
        article = self.article
        if article is None:
            self.report("Open an article first, then set its date.", severity="warning")
            return
        current = article.published.value[:10] if article.published else ""

        def run(answer: str | None) -> None:
            if answer and answer.strip() and answer.strip() != current:
                self.report(
                    f"Dating it {answer.strip()}… (resolving its timeline)", "", "information"
                )
                self._redate(article.id, answer.strip())

        from tui.app.widgets.prompt import PromptScreen  # loaded when first used

        self.app.push_screen(
            PromptScreen(
                "Publication date (YYYY-MM-DD)",
                value=current,
                placeholder="2024-09-18",
                hint="Enter resolves the timeline again · Escape cancels",
            ),
            run,
        )

    @work(thread=True, group="redate")
    def _redate(self, article_id: str, value: str) -> None:
        """Re-analyze with the new date in a thread (spaCy, one run at a time), then save."""
        from tui.library.redate import redate

        try:
            after, moved = redate(self.store, article_id, value)
        except KeyError as exc:
            self.app.call_from_thread(self.report, f"The date was not changed: {exc.args[0]}")
            return
        except Exception as exc:  # a bad date, a store that cannot be written: one sentence
            self.app.call_from_thread(self.report, f"The date was not changed: {exc}")
            return
        self.post_message(self.Redated(after, moved))

    @on(Redated)
    def _redated(self, message: Redated) -> None:
        article = message.article
        value = article.published.value if article.published else None
        self.query_one(ArticleList).update_summary(article.id, published=value)
        self.show_analyzed(article)  # shown if it is still open
        events = len(article.timeline)
        self.report(
            f"Dated {value}: {message.moved} of {events} dated events moved.",
            severity="information",
        )

    # -- find in article ----------------------------------------------------------------------

    def action_find(self) -> None:
        """Ask for words to find in the open article; matches are highlighted (ctrl+g: next)."""
        from tui.app.widgets.prompt import PromptScreen  # loaded when first used

        if self.article is None:
            self.report("Open an article first, then find in it.", severity="warning")
            return

        def run(answer: str | None) -> None:
            if answer is not None:
                self.find_in_article(answer.strip())

        self.app.push_screen(PromptScreen("Find in article", value=self.find_query), run)

    def find_in_article(self, query: str) -> int:
        """Highlight every match of `query` in the reader and jump to the first; returns the count."""
        self.find_query = query
        view = self.query_one(ArticleView)
        count = view.find(query) if query else 0
        if query and not count:
            self.report(f"“{clean_terminal_text(query)}” is not in this article.", "", "warning")
        view.show_find_status(query)
        return count

    def action_find_next(self) -> None:
        """Jump to the next match of the last find."""
        view = self.query_one(ArticleView)
        if not view.matches:
            if self.find_query and self.article is not None:
                self.find_in_article(self.find_query)
            return
        view.next_match()
        view.show_find_status(self.find_query)

    # -- side panel ---------------------------------------------------------------------------

    def apply_layout(self) -> None:
        """Show or hide the side panel and set its width (wide) as the settings say."""
        settings = self.settings
        show = settings.side_panel if settings is not None else True
        width = settings.side_width if settings is not None else 42
        narrow = self.query_one(PaneGrid).lay_out(show, width, self.size)
        for footer in self.query(Footer):
            footer.compact = narrow  # fits every key in 80 columns

    def on_resize(self) -> None:
        """The breakpoint may have changed: lay the panes out again."""
        self.apply_layout()

    def action_toggle_side(self) -> None:
        """Show or hide the entities/timeline panel (remembered)."""
        from textual.widgets import TabbedContent  # loaded with the panel, after the first paint

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
        fits = side_width_that_fits(SIDE_WIDTH_MAX, self.size.width)
        current = min(self.settings.side_width, fits)
        wanted = clamp_width(current + step * SIDE_STEP)
        if step > 0 and wanted > fits:
            self.report(
                f"The reader keeps at least {READER_FLOOR} columns: widen the terminal for a "
                "wider panel.",
                "",
                "warning",
            )
            wanted = fits
        self.settings.side_width = wanted
        self.apply_layout()
        self.save_settings()
