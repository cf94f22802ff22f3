"""The `?` help: every key that works on the screen below, generated from its live bindings.

Nothing here is hand-written: the rows come from `Screen.active_bindings` (the focused widget, its
containers, the screen and the app), so the help cannot drift from the code.
"""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import ActiveBinding, Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.dom import DOMNode
from textual.screen import ModalScreen
from textual.widgets import Static

# Friendlier headings for the nodes that own bindings; other nodes show their class name.
NODE_LABELS = {
    "NewsApp": "Anywhere",
    "ReaderScreen": "Main screen",
    "ArticleList": "Article list",
    "ArticleView": "Reader",
    "EntityPanel": "Entities panel",
    "TimelinePanel": "Timeline panel",
    "FilterInput": "Filter box",
}


# Actions that scroll sideways: listed only where the widget can scroll that way.
_SIDEWAYS = {"scroll_left", "scroll_right", "page_left", "page_right"}


def node_label(node: DOMNode) -> str:
    """The heading for the bindings a node defines."""
    name = type(node).__name__
    return NODE_LABELS.get(name, name)


def help_rows(
    bindings: dict[str, ActiveBinding], key_display
) -> list[tuple[str, list[tuple[str, str]]]]:
    """Bindings with a description, grouped by the node that owns them; keys of one action joined.

    `key_display` turns a Binding into its display form (the app's `get_key_display`).
    """
    groups: dict[str, dict[tuple[str, str], list[str]]] = {}
    order: list[str] = []
    for active in bindings.values():
        binding: Binding = active.binding
        if not binding.description or binding.system:
            continue
        if binding.action in _SIDEWAYS and not getattr(
            active.node, "allow_horizontal_scroll", True
        ):
            continue  # keys that would scroll sideways a widget that cannot
        label = node_label(active.node)
        if label not in groups:
            groups[label] = {}
            order.append(label)
        keys = groups[label].setdefault((binding.action, binding.description), [])
        display = key_display(binding)
        if display not in keys:
            keys.append(display)
    return [
        (label, [(" ".join(keys), desc) for (_, desc), keys in groups[label].items()])
        for label in order
    ]


class HelpScreen(ModalScreen[None]):
    """A modal listing the keys of the screen it was opened from."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss", "Close help"),
        Binding("question_mark", "dismiss", "Close help", key_display="?"),
        Binding("q", "dismiss", "Close help", show=False),
    ]

    def __init__(self, bindings: dict[str, ActiveBinding]) -> None:
        super().__init__()
        self.bindings = bindings

    def compose(self) -> ComposeResult:
        with Vertical(id="help-box"):
            yield Static("Keys", id="help-title")
            with VerticalScroll(id="help-body"):
                for label, rows in help_rows(self.bindings, self.app.get_key_display):
                    yield Static(Text(label), classes="help-group")
                    table = Table.grid(padding=(0, 2))
                    table.add_column(min_width=12, style="bold", no_wrap=True)
                    table.add_column()
                    for keys, description in rows:
                        table.add_row(Text(keys), Text(description))
                    yield Static(table, classes="help-table")
            yield Static(
                "Escape closes this help · ctrl+p opens the command palette",
                id="help-footer",
                markup=False,
            )

    def on_resize(self) -> None:
        """Keep the closing line on screen in short terminals: the key table scrolls instead."""
        # The box's border, title and footer take 8 rows, the screen margin 10%.
        room = int(self.size.height * 0.9) - 8
        self.query_one("#help-body").styles.max_height = max(4, min(30, room))
