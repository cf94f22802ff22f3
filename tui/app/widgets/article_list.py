"""The list of stored articles: unread and starred marks, title, source and date; sortable and
filterable (title words, plus `tag:`, `source:`, `is:unread`, `is:starred`); search results narrow it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import ClassVar

from rich.style import Style
from textual import on
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import OptionList
from textual.widgets.option_list import Option, OptionDoesNotExist

from tui.app.rendering import foreground, matches_filter
from tui.app.widgets.list_prompt import ListPrompt
from tui.model import ArticleSummary

SORT_ORDERS = ("added", "published", "title", "source")
"""The orders `O` cycles through, in turn."""
SORT_LABELS = {  # short: they share the list's top border with "Articles"
    "added": "by added",
    "published": "by date",
    "title": "by title",
    "source": "by source",
}


def sort_summaries(summaries: Iterable[ArticleSummary], order: str) -> list[ArticleSummary]:
    """Summaries in a list order; ties (and missing dates) fall back to newest added first."""
    by_added = sorted(summaries, key=lambda s: (s.added, s.id), reverse=True)
    if order == "published":
        dated = [s for s in by_added if s.published]
        undated = [s for s in by_added if not s.published]
        return sorted(dated, key=lambda s: s.published or "", reverse=True) + undated
    if order == "title":
        return sorted(by_added, key=lambda s: s.title.casefold())
    if order == "source":
        return sorted(by_added, key=lambda s: (s.source or "~").casefold())
    return by_added


def entity_names(query: str) -> list[str]:
    """The entity names an `entity:Ingrid_Salo` word of the filter asks for (underscores: spaces)."""
    names = []
    for word in query.split():
        field, _, value = word.partition(":")
        if field.casefold() == "entity" and value:
            names.append(" ".join(value.split("_")).casefold())
    return names


def matches_query(
    summary: ArticleSummary,
    query: str,
    entity_ids: Mapping[str, frozenset[str]] | None = None,
) -> bool:
    """The `/` filter: `tag:x`, `source:x`, `is:unread`, `is:starred`, `entity:Name_Here` (with
    the ids of the articles naming each entity in `entity_ids`); other words are title words."""
    words = []
    for word in query.split():
        field, _, value = word.partition(":")
        field, value = field.casefold(), value.casefold()
        if field == "entity" and value:
            name = " ".join(value.split("_"))
            if summary.id not in (entity_ids or {}).get(name, frozenset()):
                return False
        elif field == "tag" and value:
            if not any(value in tag.casefold() for tag in summary.tags):
                return False
        elif field == "source" and value:
            if value not in (summary.source or "").casefold():
                return False
        elif field == "is" and value in ("unread", "starred", "read"):
            state = {"unread": not summary.read, "read": summary.read, "starred": summary.starred}
            if not state[value]:
                return False
        else:
            words.append(word)
    return matches_filter(summary, " ".join(words))


class ArticleList(OptionList):
    """Articles in the chosen order; Enter opens the highlighted one (posts `ArticleList.Opened`)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
        Binding("enter", "select", "Open", show=False),  # the footer keeps room at 80 columns
        Binding("s", "star", "Star / unstar", show=False, id="list.star"),
        Binding("d", "delete", "Delete (u undoes)", show=False, id="list.delete"),
        Binding("u", "undo", "Undo delete", show=False, id="list.undo"),
        Binding("T", "tags", "Tags", show=False, id="list.tags"),
        Binding("n", "next_unread", "Next unread", show=False, id="list.next_unread"),
        Binding("p", "previous_unread", "Previous unread", show=False, id="list.prev_unread"),
        Binding("O", "cycle_sort", "Sort order", show=False, id="list.sort"),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "article-list--unread",
        "article-list--starred",
        "article-list--title",
        "article-list--title-unread",
        "article-list--details",
    }

    _built_width = 0
    _prompts: dict[tuple[str, bool, bool, int], ListPrompt]
    _visible: list[ArticleSummary] | None = None
    _visible_inputs: tuple[object, ...] | None = None
    _pending_highlight: str | None = None
    _generation = 0
    """Counts rebuilds, so a deferred `_add_rest` of an older build does nothing."""
    summaries: reactive[list[ArticleSummary]] = reactive(list, always_update=True)
    """Every stored article (set by the screen); shown in `sort_by` order."""
    filter_text: reactive[str] = reactive("")
    """Only articles matching this (see `matches_query`) are listed."""
    sort_by: reactive[str] = reactive("added")
    """The list order, one of SORT_ORDERS."""
    only_ids: reactive[frozenset[str] | None] = reactive(None)
    entity_ids: reactive[dict[str, frozenset[str]]] = reactive(dict)
    """For `entity:` filter words: entity name -> ids of the articles naming it (set by the screen)."""
    """Search results: when set, only these articles are listed."""

    class Opened(Message):
        """The user asked to open an article."""

        def __init__(self, article_id: str) -> None:
            super().__init__()
            self.article_id = article_id

    class Requested(Message):
        """The user asked for an action on an article (star, delete, tags...); the screen does it."""

        def __init__(self, action: str, article_id: str | None) -> None:
            super().__init__()
            self.action = action
            self.article_id = article_id

    class SortChanged(Message):
        """The list order changed (the screen shows it and remembers it)."""

        def __init__(self, sort_by: str) -> None:
            super().__init__()
            self.sort_by = sort_by

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._prompts = {}

    @property
    def visible(self) -> list[ArticleSummary]:
        """The summaries that pass the filter and the search, in list order (cached).

        Cached until the summaries, order, filter, search or entity ids change (each watcher runs
        once at mount too, and sorting and filtering 10,000 articles each time added up).
        """
        inputs = (self.summaries, self.entity_ids, self.sort_by, self.filter_text, self.only_ids)
        cached = self._visible_inputs
        if (
            self._visible is None
            or cached is None
            or any(a is not b for a, b in zip(inputs[:2], cached[:2], strict=True))
            or inputs[2:] != cached[2:]
        ):
            self._visible_inputs = inputs
            ordered = sort_summaries(self.summaries, self.sort_by)
            only = self.only_ids
            self._visible = [
                s
                for s in ordered
                if (only is None or s.id in only)
                and matches_query(s, self.filter_text, self.entity_ids)
            ]
        return self._visible

    @property
    def highlighted_id(self) -> str | None:
        """The id of the highlighted article, if any."""
        option = self.highlighted_option
        return option.id if option else None

    def _styles(self) -> dict[str, Style]:
        """The list's text styles, read from app.tcss (foreground only, for any highlight)."""
        names = ("unread", "starred", "title", "title-unread", "details")
        return {n: foreground(self.get_component_rich_style(f"article-list--{n}")) for n in names}

    def _prompt_width(self) -> int:
        """The cells an option has, so titles can be wrapped with a hanging indent.

        A list that will surely overflow (each article takes a line and a divider at least) leaves
        room for the scrollbar before it shows, so the titles are not wrapped twice at start-up.
        """
        width = self.scrollable_content_region.width or 30
        if (
            not self.show_vertical_scrollbar
            and self.styles.overflow_y == "auto"
            and 2 * len(self.visible) - 1 > self.scrollable_content_region.height
        ):
            width -= self.styles.scrollbar_size_vertical
        return max(width, 1)

    def _prompt(self, summary: ArticleSummary, styles: dict[str, Style], width: int) -> ListPrompt:
        """The option prompt for a summary, cached so filtering and sorting do not redo it.

        A star replaces the unread dot; the bold title still tells an unread starred article.
        """
        key = (summary.id, summary.read, summary.starred, width)
        prompt = self._prompts.get(key)
        if prompt is None:
            prompt = self._prompts[key] = ListPrompt(summary, styles, width)
        return prompt

    def _rebuild(self) -> None:
        """Rebuild the options, keeping the highlight on the same article when it is still shown.

        The first build lists a screenful and adds the rest after that first paint (`_add_rest`),
        so a large store shows its newest articles at once.
        """
        keep = self._pending_highlight or self.highlighted_id
        self._generation += 1
        if not self.scrollable_content_region.width and self.summaries and not self.options:
            return  # not laid out yet: on_resize builds the options once the width is known
        self._pending_highlight = None
        styles = self._styles()
        width = self._built_width = self._prompt_width()
        shown = self.visible
        count = len(shown)
        if not self.options:
            first = self.scrollable_content_region.height + 1  # each article takes a line at least
            if first < count and keep not in (s.id for s in shown[first:]):
                count = first
        options = [Option(self._prompt(s, styles, width), id=s.id) for s in shown[:count]]
        # A divider (None) between articles; dividers are not options, so indices stay aligned.
        self.set_options(item for option in options for item in (option, None))
        ids = [o.id for o in options]
        if keep in ids:
            self.highlighted = ids.index(keep)
        elif options:
            self.highlighted = 0
        if count < len(shown):
            self.call_after_refresh(self._add_rest, self._generation, count)

    def _add_rest(self, generation: int, start: int) -> None:
        """List the articles after the first screenful (unless the list was rebuilt meanwhile)."""
        if generation != self._generation:
            return
        styles, width = self._styles(), self._built_width
        rest = [Option(self._prompt(s, styles, width), id=s.id) for s in self.visible[start:]]
        self.add_options(item for option in rest for item in (option, None))
        if self._pending_highlight is not None:
            article_id, self._pending_highlight = self._pending_highlight, None
            self.highlight_id(article_id)

    def _changed(self) -> None:
        """What is listed changed: rebuild (`visible` notices which of its inputs changed)."""
        self._rebuild()

    def watch_summaries(self) -> None:
        """New summaries from the screen: forget cached prompts and rebuild."""
        self._prompts.clear()
        self._changed()

    def watch_filter_text(self) -> None:
        self._changed()

    def watch_entity_ids(self) -> None:
        self._changed()

    def watch_only_ids(self) -> None:
        self._changed()

    def watch_sort_by(self) -> None:
        self._changed()

    def on_mount(self) -> None:
        self._rebuild()

    def watch_show_vertical_scrollbar(self) -> None:
        """The scrollbar takes a column: re-wrap the titles once it comes or goes."""
        self.call_after_refresh(self.on_resize)

    def on_resize(self) -> None:
        """Re-wrap the titles when the list's width changes."""
        if self._prompt_width() != self._built_width or (self.summaries and not self.options):
            self._rebuild()

    def _redraw(self, summary: ArticleSummary) -> None:
        """Redraw one article's option, if it is listed.

        `replace_option_prompt` would forget every option's height and re-measure them all (a
        second at 10,000 articles); a new mark never changes the height, so only the rendered
        lines are dropped. Uses OptionList internals of Textual 8.2 (`_set_prompt`,
        `_option_render_cache`); the public call is the fallback.
        """
        if summary.id not in (s.id for s in self.visible):
            return
        try:
            option = self.get_option(summary.id)
        except OptionDoesNotExist:
            return  # the options are not built yet; they will show the new state
        prompt = self._prompt(summary, self._styles(), self._prompt_width())
        cache = getattr(self, "_option_render_cache", None)
        if hasattr(option, "_set_prompt") and cache is not None:
            option._set_prompt(prompt)
            cache.clear()
            self.refresh()
        else:
            self.replace_option_prompt(summary.id, prompt)

    def update_summary(self, article_id: str, **fields: object) -> None:
        """Change fields of one article (read, starred, tags) and redraw only its option."""
        for summary in self.summaries:
            if summary.id == article_id:
                for name, value in fields.items():
                    setattr(summary, name, value)
                self._redraw(summary)

    def mark_read(self, article_id: str, read: bool = True) -> None:
        """Show an article as read (or unread): only its own option is redrawn."""
        self.update_summary(article_id, read=read)

    def highlight_id(self, article_id: str) -> None:
        """Move the highlight to an article if it is listed."""
        if not self.options:
            self._pending_highlight = article_id  # highlighted when the options are built
            return
        ids = [s.id for s in self.visible]
        if article_id in ids:
            if ids.index(article_id) >= self.option_count:
                self._pending_highlight = article_id  # not listed yet: `_add_rest` moves there
                return
            self.highlighted = ids.index(article_id)

    def unread_after(self, step: int) -> str | None:
        """The next (step 1) or previous (step -1) unread article from the highlight, no wrapping."""
        shown = self.visible
        start = self.highlighted if self.highlighted is not None else -step
        index = start + step
        while 0 <= index < len(shown):
            if not shown[index].read:
                return shown[index].id
            index += step
        return None

    @on(OptionList.OptionSelected)
    def _open_selected(self, event: OptionList.OptionSelected) -> None:
        """Enter (or a click) on an article asks the screen to open it."""
        event.stop()
        if event.option.id:
            self.post_message(self.Opened(event.option.id))

    # -- keys that ask the screen to act on the highlighted article --------------------------

    def _request(self, action: str) -> None:
        self.post_message(self.Requested(action, self.highlighted_id))

    def action_star(self) -> None:
        """Star or unstar the highlighted article."""
        self._request("star")

    def action_delete(self) -> None:
        """Delete the highlighted article (undoable with `u`)."""
        self._request("delete")

    def action_undo(self) -> None:
        """Bring back the last deleted article."""
        self._request("undo")

    def action_tags(self) -> None:
        """Edit the highlighted article's tags."""
        self._request("tags")

    def action_next_unread(self) -> None:
        """Open the next unread article (newsboat's `n`)."""
        self._request("next_unread")

    def action_previous_unread(self) -> None:
        """Open the previous unread article (newsboat's `p`)."""
        self._request("previous_unread")

    def action_cycle_sort(self) -> None:
        """Sort by the next order: added, published, title, source."""
        at = SORT_ORDERS.index(self.sort_by) if self.sort_by in SORT_ORDERS else -1
        self.sort_by = SORT_ORDERS[(at + 1) % len(SORT_ORDERS)]
        self.post_message(self.SortChanged(self.sort_by))
