"""The list of stored articles: unread and starred marks, title, feed, source and date; sortable and
filterable (title words, plus `tag:`, `source:`, `feed:`, `is:unread`, `is:starred`: see
`list_query`); search results narrow it.
"""

from __future__ import annotations

from typing import ClassVar

from rich.style import Style
from textual import on
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import OptionList
from textual.widgets.option_list import Option, OptionDoesNotExist

from tui.app.list_query import query_test
from tui.app.rendering import foreground
from tui.app.widgets.bulk_option_list import BulkOptionList
from tui.app.widgets.list_prompt import ListPrompt
from tui.model import ArticleSummary
from tui.store.orders import SORT_ORDERS, sort_summaries


def _marks(summary: ArticleSummary, width: int) -> tuple[bool, bool, tuple[str, ...], int]:
    """What an option's drawing depends on besides the title: when it changes, it is redrawn."""
    return summary.read, summary.starred, tuple(summary.tags), width


class ArticleList(BulkOptionList):
    """Articles in the chosen order; Enter opens the highlighted one (posts `ArticleList.Opened`)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
        Binding("enter", "select", "Open", show=False),  # the footer keeps room at 80 columns
        Binding("s", "star", "Star / unstar", show=False, id="list.star"),
        Binding("d", "delete", "Delete (u undoes)", show=False, id="list.delete"),
        Binding("u", "undo", "Undo delete / mark all read", show=False, id="list.undo"),
        Binding("N", "toggle_read", "Mark read / unread", show=False, id="list.toggle_read"),
        Binding(
            "r", "refresh_feed", "Refresh the article's feed", show=False, id="list.refresh_feed"
        ),
        Binding("space", "page_article", "Page down the article", show=False, id="list.page"),
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
    _prompts: dict[tuple[str, bool, bool, tuple[str, ...], int, str], ListPrompt]
    _options_by_id: dict[str, tuple[bool, bool, tuple[str, ...], int, Option]]
    """Each article's last option, with the read and star marks and width it was built for: a
    rebuild reuses them (10,000 new options add up)."""
    _sorted: dict[str, list[ArticleSummary]]
    """The summaries in each order asked for so far, for the list `_sorted_of`."""
    _sorted_of: list[ArticleSummary] | None = None
    _listed: list[ArticleSummary] | None = None
    _listed_inputs: tuple[object, ...] | None = None
    _pending_highlight: str | None = None
    _generation = 0
    """Counts rebuilds, so a deferred `_add_rest` of an older build does nothing."""
    _rest_pending = False
    """Whether only the first screenful is listed yet (`_add_rest` is to come)."""
    summaries: reactive[list[ArticleSummary]] = reactive(list, always_update=True)
    """Every stored article (set by the screen); shown in `sort_by` order."""
    filter_text: reactive[str] = reactive("")
    """Only articles matching this (see `matches_query`) are listed."""
    sort_by: reactive[str] = reactive("added")
    """The list order, one of SORT_ORDERS."""
    only_ids: reactive[frozenset[str] | None] = reactive(None)
    """Search results: when set, only these articles are listed."""
    entity_ids: reactive[dict[str, frozenset[str]]] = reactive(dict)
    """For `entity:` filter words: entity name -> ids of the articles naming it (set by the screen)."""
    feed_names: reactive[dict[str, str]] = reactive(dict, init=False)
    """Feed id -> the feed's name, shown on its articles' rows and read by `feed:` filter words
    (set by the screen)."""

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
        self._options_by_id = {}
        self._sorted = {}

    @property
    def listed(self) -> list[ArticleSummary]:
        """The summaries that pass the filter and the search, in list order (cached).

        Cached until the summaries, order, filter, search or entity ids change (each watcher runs
        once at mount too, and sorting and filtering 10,000 articles each time added up).
        """
        inputs = (
            self.summaries,
            self.entity_ids,
            self.feed_names,
            self.sort_by,
            self.filter_text,
            self.only_ids,
        )
        cached = self._listed_inputs
        if (
            self._listed is None
            or cached is None
            or any(a is not b for a, b in zip(inputs[:3], cached[:3], strict=True))
            or inputs[3:] != cached[3:]
        ):
            self._listed_inputs = inputs
            if self._sorted_of is not self.summaries:
                self._sorted, self._sorted_of = {}, self.summaries
            ordered = self._sorted.get(self.sort_by)
            if ordered is None:
                ordered = self._sorted[self.sort_by] = sort_summaries(self.summaries, self.sort_by)
            only = self.only_ids
            if only is not None:
                ordered = [s for s in ordered if s.id in only]
            test = query_test(self.filter_text, self.entity_ids, self.feed_names)
            self._listed = ordered if test is None else [s for s in ordered if test(s)]
        return self._listed

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
        # Not laid out yet: the list pane's width in a wide terminal (32 columns in app.tcss, less
        # its border), so the first frame is usually wrapped right.
        width = self.scrollable_content_region.width or 30
        if (
            not self.show_vertical_scrollbar
            and self.styles.overflow_y == "auto"
            and 2 * len(self.listed) - 1 > self.scrollable_content_region.height
        ):
            width -= self.styles.scrollbar_size_vertical
        return max(width, 1)

    def _prompt(self, summary: ArticleSummary, styles: dict[str, Style], width: int) -> ListPrompt:
        """The option prompt for a summary, cached so filtering and sorting do not redo it.

        A star replaces the unread dot; the bold title still tells an unread starred article.
        """
        feed = self.feed_names.get(summary.feed, "") if summary.feed else ""
        key = (summary.id, summary.read, summary.starred, tuple(summary.tags), width, feed)
        prompt = self._prompts.get(key)
        if prompt is None:
            prompt = self._prompts[key] = ListPrompt(summary, styles, width, feed)
        return prompt

    def _option(self, summary: ArticleSummary, styles: dict[str, Style], width: int) -> Option:
        """The option for a summary: the one built last time when its marks and width are the same."""
        built = self._options_by_id.get(summary.id)
        if built is not None and built[:4] == _marks(summary, width):
            return built[4]
        option = Option(self._prompt(summary, styles, width), id=summary.id)
        # A divider under every article. `add_options` would set this for a None after each option,
        # but walking 20,000 items instead of 10,000 showed in every sort and filter (Textual 8.2).
        option._divider = True
        self._options_by_id[summary.id] = (*_marks(summary, width), option)
        return option

    def _rebuild(self) -> None:
        """Rebuild the options, keeping the highlight on the same article when it is still shown.

        The first build lists a screenful and adds the rest after that first paint (`_add_rest`),
        so a large store shows its newest articles at once. Before the list is laid out, it wraps
        for the width the list has in a wide terminal (see `_prompt_width`), so the first frame
        already shows the articles; `on_resize` re-wraps them if the width turns out different.
        """
        keep = self._pending_highlight or self.highlighted_id
        self._generation += 1
        self._pending_highlight = None
        styles = self._styles()
        width = self._built_width = self._prompt_width()
        shown = self.listed
        count = len(shown)
        if not self.options or self._rest_pending:
            # Each article takes a line at least; before layout, the screen's height bounds it.
            first = (self.scrollable_content_region.height or self.app.size.height) + 1
            if first < count and keep not in {s.id for s in shown[first:]}:
                count = first
        self._rest_pending = count < len(shown)
        options = [self._option(s, styles, width) for s in shown[:count]]
        self.fill_options(options)
        at = next((i for i, s in enumerate(shown[:count]) if s.id == keep), None)
        if at is not None:
            self.highlighted = at
        elif options:
            self.highlighted = 0
        if count < len(shown):
            self.call_after_refresh(self._add_rest, self._generation, count)

    def _add_rest(self, generation: int, start: int) -> None:
        """List the articles after the first screenful (unless the list was rebuilt meanwhile)."""
        if generation != self._generation:
            return
        self._rest_pending = False
        styles, width = self._styles(), self._built_width
        rest = [self._option(s, styles, width) for s in self.listed[start:]]
        self.fill_options(rest, append=True)
        if self._pending_highlight is not None:
            article_id, self._pending_highlight = self._pending_highlight, None
            self.highlight_id(article_id)

    def _changed(self) -> None:
        """What is listed changed: rebuild (`listed` notices which of its inputs changed)."""
        self._rebuild()

    def watch_summaries(self) -> None:
        """New summaries from the screen: forget cached prompts and orders, and rebuild."""
        self._prompts.clear()
        self._options_by_id.clear()
        self._changed()

    def watch_feed_names(self) -> None:
        """Feeds renamed or added: the rows show the new names (cached prompts are forgotten)."""
        self._prompts.clear()
        self._options_by_id.clear()
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
        self.app.theme_changed_signal.subscribe(self, self._theme_changed)

    def _theme_changed(self, _theme: object) -> None:
        """Another theme: every prompt takes the new colours (none is wrapped again)."""
        styles = self._styles()
        for prompt in self._prompts.values():
            prompt.restyle(styles)
        self.forget_drawn()

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
        lines are dropped, and only its own (a tag line that comes or goes re-measures them all):
        see `BulkOptionList.set_prompt_in_place`.
        """
        try:
            option = self.get_option(summary.id)  # the options are the listed articles
        except OptionDoesNotExist:
            return  # not listed, or not built yet: it will show the new state when it is
        width = self._prompt_width()
        prompt = self._prompt(summary, self._styles(), width)
        if self.set_prompt_in_place(option, prompt):
            self._options_by_id[summary.id] = (*_marks(summary, width), option)
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
        try:
            self.highlighted = self.get_option_index(article_id)
        except OptionDoesNotExist:
            if any(s.id == article_id for s in self.listed):
                self._pending_highlight = article_id  # not listed yet: `_add_rest` moves there

    def unread_after(self, step: int) -> str | None:
        """The next (step 1) or previous (step -1) unread article from the highlight, no wrapping."""
        shown = self.listed
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
        """Undo the last delete or "mark all read"."""
        self._request("undo")

    def action_toggle_read(self) -> None:
        """Mark the highlighted article unread, or read."""
        self._request("toggle_read")

    def action_refresh_feed(self) -> None:
        """Refresh the feed the highlighted article came from, in the background."""
        self._request("refresh_feed")

    def action_page_article(self) -> None:
        """Page down the open article without leaving the list (newsboat's space)."""
        self._request("page_article")

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
