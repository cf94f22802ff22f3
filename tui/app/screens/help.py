"""The `?` help: every key of the app, grouped by where it works, generated from the bindings.

Nothing here is hand-written but the headings: the rows come from the bindings of the app, the main
screen and each of its panes (live, so a `[keys]` remap shows), and of the screens opened from it
(their classes, the remap applied), so the help cannot drift from the code. One action is one row:
a key Textual binds and the app binds again for the same action (`↓` and `j`) shares it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingsMap, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.dom import DOMNode
from textual.screen import ModalScreen, Screen
from textual.widget import Widget
from textual.widgets import Input, Static

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

# Friendlier headings for the nodes that own bindings; other nodes show their class name.
NODE_LABELS = {
    "NewsApp": "Anywhere",
    "ReaderScreen": "Main screen",
    "ArticleList": "Article list",
    "ArticleView": "Reader",
    "EntityPanel": "Entities panel",
    "TimelinePanel": "Timeline panel",
    "FilterInput": "Filter box",
    "ContentTabs": "Panel tabs",
}

# Actions that scroll sideways: listed only where the widget can scroll that way.
_SIDEWAYS = {"scroll_left", "scroll_right", "page_left", "page_right"}
_FOCUS_MOVES = ("app.focus_next", "app.focus_previous")


@dataclass
class Group:
    """One heading of the help: the keys that work in one place, one row an action."""

    label: str
    rows: dict[str, tuple[list[str], str, bool]] = field(default_factory=dict)
    """action -> (keys, description, whether the app itself declared that description)."""
    taken: set[str] = field(default_factory=set)
    """Keys already in the group: the first binding of a key is the one that runs."""

    def add(self, key: str, binding: Binding, display: str, own: bool) -> None:
        if key in self.taken:
            if not binding.priority:
                return
            self._drop(display)  # a priority binding takes the key from the one before
        self.taken.add(key)
        keys, description, was_own = self.rows.get(binding.action, ([], "", False))
        if display not in keys:
            keys.append(display)
        if not description or (own and not was_own):
            description, was_own = binding.description, own
        if not was_own:  # Textual's own descriptions are in title case ("Scroll Home")
            description = description[:1].upper() + description[1:].lower()
        self.rows[binding.action] = (keys, description, was_own)

    def _drop(self, display: str) -> None:
        for action, (keys, _, _) in list(self.rows.items()):
            if display in keys:
                keys.remove(display)
                if not keys:
                    del self.rows[action]

    def table_rows(self) -> list[tuple[str, str]]:
        """(keys, description) rows; a run like `1`..`9` "Open link N" is one row."""
        rows: list[tuple[str, str]] = []
        prefix: str | None = None
        first = ""
        for keys, description, _ in self.rows.values():
            key = keys[0]
            numbered = len(keys) == 1 and key.isdigit() and description.endswith(" " + key)
            if numbered and rows and description[: -len(key)] == prefix:
                rows[-1] = (f"{first}…{key}", f"{prefix}{first}…{key}")
                continue
            prefix, first = (description[: -len(key)], key) if numbered else (None, "")
            rows.append((" ".join(keys), description))
        return rows


def node_label(node: DOMNode | type[DOMNode]) -> str:
    """The heading for the bindings a node (or a node class) defines."""
    name = node.__name__ if isinstance(node, type) else type(node).__name__
    return NODE_LABELS.get(name, name)


def _declared_by_app(cls: type[DOMNode]) -> set[tuple[str, str]]:
    """(action, description) of the bindings newstui's own classes declare, not Textual's."""
    declared: set[tuple[str, str]] = set()
    for klass in cls.__mro__:
        if not klass.__module__.startswith("tui.") or "BINDINGS" not in klass.__dict__:
            continue
        for item in klass.__dict__["BINDINGS"]:
            if isinstance(item, Binding):
                declared.add((item.action, item.description))
            elif len(item) >= 3:
                declared.add((item[1], item[2]))
    return declared


def _bindings_of(node: DOMNode | type[DOMNode], keymap: dict[str, str]) -> BindingsMap:
    """A node's bindings (a class's when not mounted) with the user's remap applied to a copy."""
    bindings = node._merge_bindings() if isinstance(node, type) else node._bindings.copy()
    if keymap:
        bindings.apply_keymap(keymap)
    return bindings


def add_bindings(
    group: Group,
    node: DOMNode | type[DOMNode],
    keymap: dict[str, str],
    key_display: Callable[[Binding], str],
) -> None:
    """Add a node's described bindings to a group (an input box: only newstui's own)."""
    cls = node if isinstance(node, type) else type(node)
    own = _declared_by_app(cls)
    editing = issubclass(cls, Input)  # its dozens of editing keys are those of any text box
    sideways = not isinstance(node, type) and getattr(node, "allow_horizontal_scroll", True)
    for key, binding in _bindings_of(node, keymap):
        if not binding.description or binding.system:
            continue
        if binding.action in _SIDEWAYS and not sideways:
            continue  # keys that would scroll sideways a widget that cannot
        is_own = (binding.action, binding.description) in own
        if editing and not is_own:
            continue
        group.add(key, binding, key_display(binding), is_own)


def _other_screens() -> list[tuple[str, str, list[type[DOMNode]]]]:
    """The screens the main screen opens: heading, the action opening it, what is in it."""
    from tui.app.screens.article_links import ArticleLinksScreen
    from tui.app.screens.entity_articles import EntityArticlesScreen
    from tui.app.screens.feeds import FeedsScreen
    from tui.app.screens.merged_timeline import MergedTimelineScreen
    from tui.app.widgets.cursor_option_list import CursorOptionList
    from tui.app.widgets.merged_timeline_list import MergedTimelineList
    from tui.app.widgets.prompt import PromptScreen

    return [
        ("Feeds", "feeds", [CursorOptionList, FeedsScreen]),
        ("Merged timeline", "merged_timeline", [MergedTimelineList, MergedTimelineScreen]),
        ("Articles naming an entity", "choose", [CursorOptionList, EntityArticlesScreen]),
        ("Links in the article", "links", [CursorOptionList, ArticleLinksScreen]),
        ("A question (add, tags, date, search)", "", [PromptScreen]),
    ]


def _main_screen_nodes(screen: Screen) -> list[DOMNode | type[DOMNode]]:
    """The main screen's panes with keys: the mounted ones, and the side panels' classes when
    they are not mounted yet (they are composed after the first paint)."""
    from tui.app.widgets.entity_panel import EntityPanel
    from tui.app.widgets.timeline_panel import TimelinePanel

    nodes: list[DOMNode | type[DOMNode]] = [
        node
        for node in screen.walk_children(Widget)
        if node.can_focus and node._bindings.key_to_bindings
    ]
    for cls in (EntityPanel, TimelinePanel):
        if not any(isinstance(node, cls) for node in nodes):
            nodes.append(cls)
    return nodes


def help_groups(
    app: DOMNode, main: Screen | None, key_display: Callable[[Binding], str], here: Screen
) -> list[tuple[str, list[tuple[str, str]]]]:
    """Every key of the app, grouped by where it works: the place it was opened from first, then
    the app, the main screen and its panes, and each screen opened from it. A key and action
    listed under "Anywhere" is not repeated."""
    keymap: dict[str, str] = getattr(app, "_keymap", {})
    groups: list[Group] = []
    anywhere = Group(node_label(app))
    add_bindings(anywhere, app, keymap, key_display)
    groups.append(anywhere)
    opening: dict[str, str] = {}
    if main is not None:
        for node in [main, *_main_screen_nodes(main)]:
            group = Group(node_label(node))
            add_bindings(group, node, keymap, key_display)
            groups.append(group)
            for action, (keys, _, _) in group.rows.items():
                opening.setdefault(action.split("(")[0], keys[0])
    focused = here.focused
    for label, action, classes in _other_screens():
        key = opening.get(action)
        group = Group(f"{label} ({key})" if key else label)
        for cls in classes:  # the focused list first, then its screen (as Textual looks keys up)
            add_bindings(group, cls, keymap, key_display)
        for action in _FOCUS_MOVES:  # these screens hold one list: Tab has nowhere to go
            group.rows.pop(action, None)
        group.label = f"{group.label} · here" if isinstance(here, classes[-1]) else group.label
        groups.append(group)
    for group in groups:
        if main is here and focused is not None and group.label == node_label(focused):
            group.label = f"{group.label} · focused"
    # Where the help was opened comes first; the rest keep their order.
    groups.sort(key=lambda group: not group.label.endswith(("· focused", "· here")))
    everywhere = {(keys[0], d) for keys, d, _ in anywhere.rows.values()}
    result = []
    for group in groups:
        rows = (
            group.table_rows()
            if group is anywhere
            else [
                (keys, d)
                for keys, d in group.table_rows()
                if (keys.split()[0], d) not in everywhere
            ]
        )
        if rows:
            result.append((group.label, rows))
    return result


def _main_screen(app: DOMNode) -> Screen | None:
    from tui.app.screens.main_screen import MainScreenBase  # not reader.py, which imports this

    stack: Iterable[Screen] = getattr(app, "screen_stack", [])
    return next((s for s in stack if isinstance(s, MainScreenBase)), None)


class HelpScreen(ModalScreen[None]):
    """A modal listing every key of the app; the place it was opened from is marked."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss", "Close help"),
        Binding("question_mark", "dismiss", "Close help", key_display="?"),
        Binding("q", "dismiss", "Close help", show=False),
    ]

    def __init__(self, origin: Screen) -> None:
        super().__init__()
        self.origin = origin

    def compose(self) -> ComposeResult:
        groups = help_groups(
            self.app, _main_screen(self.app), self.app.get_key_display, self.origin
        )
        with Vertical(id="help-box"):
            yield Static("Keys", id="help-title")
            with VerticalScroll(id="help-body"):
                for label, rows in groups:
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
