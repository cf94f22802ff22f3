"""The `/` filter box above the article list: filters titles as you type, Escape closes it."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import Input


class FilterInput(Input):
    """An Input that asks to be closed on Escape (posts `FilterInput.Closed`)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close filter"),
        Binding("down", "done", "To the list", show=False),
    ]

    class Closed(Message):
        """The user dismissed the filter; the screen clears it and hides the box."""

    class Done(Message):
        """The user wants to move from the filter to the (filtered) list, keeping the filter."""

    def action_close(self) -> None:
        self.post_message(self.Closed())

    def action_done(self) -> None:
        self.post_message(self.Done())
