"""The newstui Textual app and its one factory, `build_app`, used by the CLI and the tests.

Nothing heavy is imported here: spaCy and the NLP pipeline load inside the analysis worker.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import App
from textual.binding import Binding, BindingType

from tui.app.commands import ArticleCommands
from tui.app.screens.reader import ReaderScreen
from tui.store import Store


class NewsApp(App[None]):
    """Read stored articles with their entities and timeline."""

    CSS_PATH = "app.tcss"
    TITLE = "newstui"
    COMMANDS = App.COMMANDS | {ArticleCommands}
    # Below 100 columns the side panel moves under the reader (see app.tcss).
    HORIZONTAL_BREAKPOINTS: ClassVar[list[tuple[int, str]]] = [(0, "-narrow"), (100, "-wide")]
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit"),
    ]

    def __init__(self, store: Store, open_id: str | None = None) -> None:
        super().__init__()
        self.store = store
        self.open_id = open_id

    def get_default_screen(self) -> ReaderScreen:
        return ReaderScreen(self.store, self.open_id)


def build_app(store: Store, open_id: str | None = None) -> NewsApp:
    """The app over a store, optionally opening one article at start."""
    return NewsApp(store, open_id=open_id)
