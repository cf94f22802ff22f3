"""A modal listing the open article's links, numbered: open one in the browser, copy or add it.

It returns what to do (`LinkChoice`); the reader screen does it, so this screen needs no store.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from tui.app.widgets.cursor_option_list import CursorOptionList
from tui.model import Link
from tui.sanitize import clean_terminal_text

# Digits open the link of that number at once, as newsboat and lynx do.
_DIGITS = "123456789"


@dataclass(frozen=True, slots=True)
class LinkChoice:
    """What the reader should do with a link: "open" it in the browser, "copy" or "add" it."""

    action: str
    url: str


def link_prompt(number: int, link: Link) -> Content:
    """A link as two lines: its number and text, then its address (muted, resolved when drawn)."""
    text = Content(f"{number:>2}. ") + Content(clean_terminal_text(link.text)).stylize("bold")
    return text + "\n    " + Content(clean_terminal_text(link.url)).stylize("$text-muted")


class ArticleLinksScreen(ModalScreen[LinkChoice | None]):
    """The article's links in reading order; Enter (or the link's digit) opens one."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss(None)", "Back"),
        Binding("q,l", "dismiss(None)", "Back", show=False),
        Binding("enter", "choose('open')", "Open in browser", priority=True),
        Binding("c", "choose('copy')", "Copy address"),
        Binding("a", "choose('add')", "Add to the store"),
        *(Binding(d, f"open_number({d})", f"Open link {d}", show=False) for d in _DIGITS),
    ]

    def __init__(self, title: str, links: list[Link]) -> None:
        super().__init__()
        self.article_title = title
        self.links = links

    def compose(self) -> ComposeResult:
        with Vertical(id="article-links-box"):
            yield Static(id="article-links-title")
            yield CursorOptionList(id="article-links-list")
            yield Static(
                "Enter or 1–9 opens in the browser · c copies · a adds it to the store · "
                "Escape goes back",
                id="article-links-footer",
            )

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        for number, link in enumerate(self.links, start=1):
            options.add_option(Option(link_prompt(number, link), id=str(number)))
        count = len(self.links)
        title = Content(f"{count} link{'s' if count != 1 else ''} in ") + Content(
            clean_terminal_text(self.article_title)
        ).stylize("bold")
        self.query_one("#article-links-title", Static).update(title)
        options.highlighted = 0 if self.links else None
        options.focus()

    def _highlighted(self) -> Link | None:
        options = self.query_one(OptionList)
        index = options.highlighted
        return self.links[index] if index is not None and 0 <= index < len(self.links) else None

    @on(OptionList.OptionSelected)
    def _clicked(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(LinkChoice("open", self.links[event.option_index].url))

    def action_choose(self, action: str) -> None:
        """Open, copy or add the highlighted link."""
        link = self._highlighted()
        if link is not None:
            self.dismiss(LinkChoice(action, link.url))

    def action_open_number(self, number: int) -> None:
        """Open link `number` (as numbered in the list) in the browser."""
        if 1 <= number <= len(self.links):
            self.dismiss(LinkChoice("open", self.links[number - 1].url))
        else:
            self.notify(f"This article has no link {number}.", severity="warning", markup=False)
