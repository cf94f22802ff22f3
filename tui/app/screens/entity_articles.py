"""A modal listing every stored article that names an entity (under its name or an alias)."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from tui.app.dates import short_date
from tui.app.widgets.cursor_option_list import CursorOptionList
from tui.library.entity_articles import articles_mentioning
from tui.model import ArticleSummary, Entity
from tui.sanitize import clean_terminal_text
from tui.store import Store, StoreError


def article_prompt(summary: ArticleSummary, current: bool) -> Content:
    """An article as two lines: its title, then source, date and whether it is the open one
    (muted in the theme's colour, resolved when drawn)."""
    title = Content(clean_terminal_text(summary.title))
    if not summary.read:
        title = title.stylize("bold")
    details = [clean_terminal_text(summary.source or ""), short_date(summary.published)]
    if current:
        details.append("open now")
    line = " · ".join(d for d in details if d)
    return title + "\n" + Content(line).stylize("$text-muted") if line else title


class EntityArticlesScreen(ModalScreen[str | None]):
    """Articles naming `entity`, newest added first; Enter returns the chosen article's id."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss(None)", "Back"),
        Binding("q", "dismiss(None)", "Back", show=False),  # q goes back here, as in help
        Binding("enter", "open", "Open article", priority=True),
    ]

    def __init__(self, store: Store, entity: Entity, current_id: str | None = None) -> None:
        super().__init__()
        self.store = store
        self.entity = entity
        self.current_id = current_id

    def compose(self) -> ComposeResult:
        with Vertical(id="entity-articles-box"):
            yield Static(id="entity-articles-title")
            yield CursorOptionList(id="entity-articles-list")
            yield Static("Enter opens the article · Escape goes back", id="entity-articles-footer")

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        try:
            ids = set(articles_mentioning(self.store, self.entity))
            if self.current_id:
                ids.add(self.current_id)  # it names the entity, even if the index lags behind
            summaries = [s for s in self.store.summaries() if s.id in ids]
        except StoreError as exc:
            self.notify(str(exc), title="Cannot read the store", severity="error", markup=False)
            summaries = []
        for summary in summaries:
            options.add_option(
                Option(article_prompt(summary, summary.id == self.current_id), id=summary.id)
            )
        count = len(summaries)
        title = Content(f"{count} article{'s' if count != 1 else ''} naming ") + Content(
            clean_terminal_text(self.entity.name)
        ).stylize("bold")
        aliases = [a for a in self.entity.aliases if a.casefold() != self.entity.name.casefold()]
        if aliases:
            also = "  (also " + ", ".join(clean_terminal_text(a) for a in aliases) + ")"
            title += Content(also).stylize("$text-muted")
        self.query_one("#entity-articles-title", Static).update(title)
        options.highlighted = 0 if summaries else None
        options.focus()

    @property
    def listed_ids(self) -> list[str]:
        """The ids of the listed articles, in order."""
        options = self.query_one(OptionList)
        return [options.get_option_at_index(i).id or "" for i in range(options.option_count)]

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def action_open(self) -> None:
        """Open the highlighted article."""
        options = self.query_one(OptionList)
        if options.highlighted is not None:
            self.dismiss(options.get_option_at_index(options.highlighted).id)
