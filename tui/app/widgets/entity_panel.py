"""The *Entities* tab: who and what the open article names, grouped by type, with counts.

A list the cursor moves through: highlighting an entity (while the panel has focus) asks the screen
to mark its mentions in the reader; Enter asks for the other stored articles that name it.
"""

from __future__ import annotations

from typing import ClassVar

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.geometry import Spacing
from textual.message import Message
from textual.reactive import reactive

from tui.app.panel_rows import PanelRow
from tui.app.rendering import entity_count, entity_groups, foreground, safe_text
from tui.app.widgets.cursor_panel import CursorPanel
from tui.model import Article, Entity

GROUP_LABELS = {
    "PERSON": "People",
    "ORGANIZATION": "Organizations",
    "PLACE": "Places",
    "GROUP": "Groups",
    "EVENT": "Events",
    "OTHER": "Other",
}


def panel_state(article: Article | None, analyzing: bool) -> str | None:
    """The message a side panel shows instead of data, or None when there is data to show."""
    if article is None:
        return "No article open."
    if analyzing:
        return "Analyzing…"
    if not article.analyzed:
        return "Not analyzed yet."
    from tui.nlp.language import language_note  # no spaCy: the model's name is enough

    return language_note(article)


def state_row(message: str) -> PanelRow:
    """A panel row that only says something ("Analyzing…"); the cursor skips it."""
    return PanelRow(Text(message), ("cursor-panel--state",), padding=Spacing(1, 0, 1, 0))


class NameAndCount:
    """An entity row's lines: the name cut to fit with "…" and the count (in `muted`) at the right
    edge, then an optional note under the name.

    Draws exactly what a `rich.table.Table.grid` of two columns drew (same cells and styles), in a
    fifteenth of the time: a table measures its columns on every render, ~0.3 ms a row, and an
    article with 40 entities redrew them on each opening.
    """

    def __init__(
        self, name: Text, count: str, note: Text | None = None, muted: Style | None = None
    ) -> None:
        self.name = name
        self.count = count
        self.note = note
        self.muted = muted or Style()

    def _lefts(self) -> list[Text]:
        return [self.name] if self.note is None else [self.name, self.note]

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        count_width = cell_len(self.count)
        name_width = max(options.max_width - count_width - 1, 1)  # one space between the columns
        muted = self.muted
        for left, right in zip(self._lefts(), (self.count, ""), strict=False):
            cell = left.copy()
            cell.truncate(name_width, overflow="ellipsis", pad=True)
            if cell.spans:
                yield from console.render_lines(cell, options.update(width=name_width))[0]
            else:
                yield Segment(cell.plain, console.get_style(cell.style) if cell.style else None)
            yield Segment(" ", Style())
            yield Segment(right.rjust(count_width), muted)
            yield Segment.line()

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        lefts = self._lefts()
        widest = max(cell_len(left.plain) for left in lefts)
        longest_word = max((cell_len(w) for left in lefts for w in left.plain.split()), default=0)
        extra = 1 + cell_len(self.count)
        return Measurement(longest_word + extra, widest + extra).clamp(max_width=options.max_width)


class EntityRow(PanelRow):
    """One entity of the panel: name, count, and how many other stored articles name it; `muted`
    and `note` are the styles of the count and of that note."""

    def __init__(self, entity: Entity, elsewhere: int, muted: Style, note: Style) -> None:
        self.muted, self.note = muted, note
        super().__init__(self._drawn(entity, elsewhere), item=entity, height=1 + bool(elsewhere))
        self.entity = entity
        self.elsewhere = elsewhere

    def _drawn(self, entity: Entity, elsewhere: int) -> NameAndCount:
        note = None
        if elsewhere:
            plural = "s" if elsewhere != 1 else ""
            note = Text(f"  in {elsewhere} other article{plural}", style=self.note)
        return NameAndCount(safe_text(entity.name), str(entity_count(entity)), note, self.muted)

    def set_elsewhere(self, elsewhere: int) -> bool:
        """Take a new "in N other articles" count; True when the row must be drawn again."""
        if elsewhere == self.elsewhere:
            return False
        self.elsewhere = elsewhere
        self.content = self._drawn(self.entity, elsewhere)
        self.height = 1 + bool(elsewhere)
        return True


class EntityPanel(CursorPanel):
    """Entities of `article`; shows "Analyzing…" while `analyzing` is set."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "choose", "Articles naming it"),
        Binding("n", "jump(1)", "Next mention", id="entities.next_mention"),
        Binding("N", "jump(-1)", "Previous mention", key_display="N", id="entities.prev_mention"),
        Binding("m", "entity_timeline", "Its timeline", id="entities.timeline"),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "entity-panel--group-title",
        "entity-panel--count",
        "entity-panel--note",
        *(f"entity-panel--{kind.lower()}" for kind in GROUP_LABELS),
    }

    article: reactive[Article | None] = reactive(None)
    analyzing: reactive[bool] = reactive(False)
    elsewhere: reactive[dict[str, int]] = reactive(dict)
    """How many other stored articles name each entity (by entity name); set by the screen. The
    rows are updated in place: the count arrives after the article is drawn."""

    class EntityHighlighted(Message):
        """The cursor (in a focused panel) is on an entity, or on none."""

        def __init__(self, entity: Entity | None) -> None:
            super().__init__()
            self.entity = entity

    class EntityChosen(Message):
        """Enter on an entity: show the stored articles that name it."""

        def __init__(self, entity: Entity) -> None:
            super().__init__()
            self.entity = entity

    class JumpRequested(Message):
        """Move the reader to the next (1) or previous (-1) mention of the highlighted entity."""

        def __init__(self, step: int) -> None:
            super().__init__()
            self.step = step

    class TimelineRequested(Message):
        """Show the merged timeline of the articles naming this entity."""

        def __init__(self, entity: Entity) -> None:
            super().__init__()
            self.entity = entity

    def _entity_rows(self) -> list[PanelRow]:
        """The rows for `article`: a title for each type of entity, then its entities."""
        state = panel_state(self.article, self.analyzing)
        if state is not None:
            return [state_row(state)]
        assert self.article is not None  # panel_state returned None
        groups = entity_groups(self.article)
        if not groups:
            return [state_row("No people, places or organizations found.")]
        rows: list[PanelRow] = []
        muted = foreground(self.get_component_rich_style("entity-panel--count"))
        note = foreground(self.get_component_rich_style("entity-panel--note"))
        for kind, entities in groups:
            title = Text.assemble(GROUP_LABELS[kind], (f"  {len(entities)}", muted))
            components = ("entity-panel--group-title", f"entity-panel--{kind.lower()}")
            rows.append(PanelRow(title, components, margin_top=1))
            rows.extend(EntityRow(e, self.elsewhere.get(e.name, 0), muted, note) for e in entities)
        return rows

    def _show(self) -> None:
        """Show the rows for `article`, the cursor on the same entity when it is still listed."""
        was = self.highlighted_entity
        self.set_rows(self._entity_rows())
        names = [row.entity.name for row in self.rows() if isinstance(row, EntityRow)]
        keep = names.index(was.name) if was is not None and was.name in names else 0
        self.place_cursor(keep if names else None)

    def watch_article(self) -> None:
        self._show()

    def restyle(self) -> None:
        """Another theme: the rows carry their counts' colours, so they are built again."""
        super().restyle()
        if self.is_mounted:
            self._show()

    def watch_analyzing(self) -> None:
        self._show()

    def watch_elsewhere(self, counts: dict[str, int]) -> None:
        rows = [row for row in self.rows() if isinstance(row, EntityRow)]
        self.redraw_rows([row for row in rows if row.set_elsewhere(counts.get(row.entity.name, 0))])

    @property
    def highlighted_entity(self) -> Entity | None:
        """The entity under the cursor, if any."""
        row = self.current_row
        return row.entity if isinstance(row, EntityRow) else None

    def cursor_moved(self, row: PanelRow | None) -> None:
        if self.has_focus:
            self.post_message(self.EntityHighlighted(self.highlighted_entity))

    def row_chosen(self, row: PanelRow) -> None:
        if isinstance(row, EntityRow):
            self.post_message(self.EntityChosen(row.entity))

    def on_focus(self) -> None:
        self.post_message(self.EntityHighlighted(self.highlighted_entity))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Entity keys only work with an entity under the cursor; otherwise the key passes on."""
        if action in ("jump", "entity_timeline", "choose"):
            return self.highlighted_entity is not None
        return True

    def action_jump(self, step: int) -> None:
        """Scroll the reader to the next or previous mention of the entity."""
        self.post_message(self.EntityHighlighted(self.highlighted_entity))
        self.post_message(self.JumpRequested(step))

    def action_entity_timeline(self) -> None:
        """Show the timeline merged from every stored article that names the entity."""
        entity = self.highlighted_entity
        if entity is not None:
            self.post_message(self.TimelineRequested(entity))
