"""The side panel: the Entities and Timeline tabs of the open article, beside (or under) the reader.

The screen sets what it shows (`show`, `elsewhere`, `on_screen`); the panels' messages
(`EntityPanel.*`, `TimelinePanel.EventChosen`) bubble up through it to the screen. This module and
the panels' (the tabs ~4 ms, the panels ~3 ms) load with the panel: after the first paint, unless an
article opens at start.
"""

from __future__ import annotations

from textual.widget import Widget
from textual.widgets import TabbedContent, TabPane

from tui.app.widgets.entity_panel import EntityPanel
from tui.app.widgets.timeline_panel import TimelinePanel
from tui.model import Article


class SidePanel(TabbedContent):
    """The entities and timeline tabs (`#side`)."""

    def __init__(self) -> None:
        super().__init__(id="side", initial="entities", classes="pane")
        self.compose_add_child(TabPane("Entities", EntityPanel(id="entity-panel"), id="entities"))
        self.compose_add_child(
            TabPane("Timeline", TimelinePanel(id="timeline-panel"), id="timeline")
        )

    def show(self, article: Article | None, *, analyzing: bool) -> None:
        """Fill both tabs from an article (or say it is being analyzed)."""
        for panel in [*self.query(EntityPanel), *self.query(TimelinePanel)]:  # none when closing
            panel.article = article
            panel.analyzing = analyzing

    @property
    def elsewhere(self) -> dict[str, int]:
        """How many other stored articles name each entity ("in N other articles")."""
        return self.query_one(EntityPanel).elsewhere

    @elsewhere.setter
    def elsewhere(self, counts: dict[str, int]) -> None:
        # query, not query_one: a worker's count may land while the app closes, the tabs gone
        for panel in self.query(EntityPanel):
            panel.elsewhere = counts

    @property
    def on_screen(self) -> frozenset[int]:
        """The paragraphs the reader shows: the timeline marks their events."""
        return self.query_one(TimelinePanel).on_screen

    @on_screen.setter
    def on_screen(self, paragraphs: frozenset[int]) -> None:
        for panel in self.query(TimelinePanel):  # none while the app closes
            panel.on_screen = paragraphs

    @property
    def focus_target(self) -> Widget:
        """The panel of the tab shown: where the focus goes in this pane."""
        return self.query_one(EntityPanel if self.active == "entities" else TimelinePanel)
