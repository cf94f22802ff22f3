"""The list of stored articles: unread mark, title, source and date; filterable by title."""

from __future__ import annotations

from typing import ClassVar

from rich.style import Style
from textual import on
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tui.app.rendering import foreground, list_prompt, matches_filter
from tui.model import ArticleSummary


class ArticleList(OptionList):
    """Articles newest first; Enter opens the highlighted one (posts `ArticleList.Opened`)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
        Binding("enter", "select", "Open"),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "article-list--unread",
        "article-list--title",
        "article-list--title-unread",
        "article-list--details",
    }

    _built_width = 0
    _prompts: dict[tuple[str, bool, int], Content]
    summaries: reactive[list[ArticleSummary]] = reactive(list, always_update=True)
    """Every stored article, newest first (set by the screen)."""
    filter_text: reactive[str] = reactive("")
    """Only titles containing every word of this are listed."""

    class Opened(Message):
        """The user asked to open an article."""

        def __init__(self, article_id: str) -> None:
            super().__init__()
            self.article_id = article_id

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._prompts = {}

    @property
    def visible(self) -> list[ArticleSummary]:
        """The summaries that pass the filter, in list order."""
        return [s for s in self.summaries if matches_filter(s, self.filter_text)]

    @property
    def highlighted_id(self) -> str | None:
        """The id of the highlighted article, if any."""
        option = self.highlighted_option
        return option.id if option else None

    def _styles(self) -> dict[str, Style]:
        """The list's text styles, read from app.tcss (foreground only, for any highlight)."""
        names = ("unread", "title", "title-unread", "details")
        return {n: foreground(self.get_component_rich_style(f"article-list--{n}")) for n in names}

    def _prompt_width(self) -> int:
        """The cells an option has, so titles can be wrapped with a hanging indent."""
        return self.scrollable_content_region.width or 30

    def _prompt(self, summary: ArticleSummary, styles: dict[str, Style], width: int) -> Content:
        """The option prompt for a summary, cached so filtering does not redo the wrapping."""
        key = (summary.id, summary.read, width)
        prompt = self._prompts.get(key)
        if prompt is None:
            prompt = self._prompts[key] = list_prompt(summary, styles, width)
        return prompt

    def _rebuild(self) -> None:
        """Rebuild the options, keeping the highlight on the same article when it is still shown."""
        keep = self.highlighted_id
        styles = self._styles()
        width = self._built_width = self._prompt_width()
        options = [Option(self._prompt(s, styles, width), id=s.id) for s in self.visible]
        # A divider (None) between articles; dividers are not options, so indices stay aligned.
        self.set_options(item for option in options for item in (option, None))
        ids = [o.id for o in options]
        if keep in ids:
            self.highlighted = ids.index(keep)
        elif options:
            self.highlighted = 0

    def watch_summaries(self) -> None:
        """New summaries from the screen: forget cached prompts and rebuild."""
        self._prompts.clear()
        self._rebuild()

    def watch_filter_text(self) -> None:
        self._rebuild()

    def on_mount(self) -> None:
        self._rebuild()

    def on_resize(self) -> None:
        """Re-wrap the titles when the list's width changes."""
        if self._prompt_width() != self._built_width:
            self._rebuild()

    def mark_read(self, article_id: str, read: bool = True) -> None:
        """Show an article as read (or unread): only its own option is redrawn."""
        for summary in self.summaries:
            if summary.id == article_id:
                summary.read = read
                if article_id in (s.id for s in self.visible):
                    prompt = self._prompt(summary, self._styles(), self._prompt_width())
                    self.replace_option_prompt(article_id, prompt)

    def highlight_id(self, article_id: str) -> None:
        """Move the highlight to an article if it is listed."""
        ids = [s.id for s in self.visible]
        if article_id in ids:
            self.highlighted = ids.index(article_id)

    @on(OptionList.OptionSelected)
    def _open_selected(self, event: OptionList.OptionSelected) -> None:
        """Enter (or a click) on an article asks the screen to open it."""
        event.stop()
        if event.option.id:
            self.post_message(self.Opened(event.option.id))
