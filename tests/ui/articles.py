"""Invented articles for the UI tests, built from model objects with fixed dates (deterministic)."""

from __future__ import annotations

from tui.model import Article, Caption, Entity, Mention, PublishedDate, TimelineEvent


def _entity(paragraphs: list[str], name: str, kind: str, *aliases: str, within: str = "") -> Entity:
    """An entity with a mention wherever its name or an alias appears (but not inside `within`)."""
    mentions = []
    for index, paragraph in enumerate(paragraphs):
        for form in (name, *aliases):
            start = paragraph.find(form)
            while start >= 0:
                end = start + len(form)
                inside = bool(within) and paragraph.startswith(within, start)
                if not inside and not any(
                    m.paragraph == index and m.start <= start < m.end for m in mentions
                ):
                    mentions.append(Mention(index, start, end, form))
                start = paragraph.find(form, end)
    return Entity(name, kind, list(aliases), len(mentions), mentions)


def _event(paragraphs: list[str], value: str, granularity: str, text: str) -> TimelineEvent:
    """An event in the first paragraph containing `text`; the paragraph is its sentence."""
    for index, paragraph in enumerate(paragraphs):
        start = paragraph.find(text)
        if start >= 0:
            return TimelineEvent(
                value, granularity, text, index, start, start + len(text), paragraph
            )
    raise ValueError(f"{text!r} is in no paragraph")


FERRY_PARAGRAPHS = [
    "The Lakeport harbour council voted on Tuesday to build a new ferry terminal, ending a "
    "dispute that had split the town for more than a decade.",
    "Mayor Ingrid Salo said the terminal would open in spring 2027 and serve three routes.",
    "“This is the day the harbour finally looks forward instead of back,” Salo said.",
    "What the plan includes",
    "A covered waiting hall for 400 passengers",
    "Charging points for electric ferries",
    "The Northern Shipping Company, which runs the current crossings, welcomed the decision. "
    "Fishermen from the Lakeport Boat Guild said they would watch the works closely.",
    "Work begins on 2 March 2026, in time for the Harbour Festival in June.",
]
FERRY_KINDS = ["p", "p", "p", "h", "li", "li", "p", "p"]


def ferry_article() -> Article:
    """An analyzed, unread article with every block kind, a caption, entities and a timeline."""
    paragraphs = FERRY_PARAGRAPHS
    return Article(
        id="ferry0000001",
        title="Lakeport approves new ferry terminal after decade of dispute",
        paragraphs=list(paragraphs),
        kinds=list(FERRY_KINDS),
        source="Lakeport Gazette",
        author="Tomas Berg",
        published=PublishedDate("2025-11-18", "day", "metadata"),
        captions=[Caption("The old ferry pier at dawn.", "Photo: Lakeport Gazette")],
        entities=[
            _entity(paragraphs, "Ingrid Salo", "PERSON", "Salo"),
            _entity(paragraphs, "Northern Shipping Company", "ORGANIZATION"),
            _entity(paragraphs, "Lakeport", "PLACE", within="Lakeport Boat Guild"),
            _entity(paragraphs, "Lakeport Boat Guild", "GROUP"),
            _entity(paragraphs, "Harbour Festival", "EVENT"),
        ],
        timeline=[
            _event(paragraphs, "2025-11-18", "day", "Tuesday"),
            _event(paragraphs, "2027-SP", "season", "spring 2027"),
            _event(paragraphs, "2026-03-02", "day", "2 March 2026"),
            _event(paragraphs, "2026-06", "month", "June"),
        ],
        analyzed=True,
        origin="tests",
        added="2025-11-18T09:00:00.000000+00:00",
    )


ORCHARD_PARAGRAPHS = [
    "Apple growers in the Verdant Valley expect their best harvest since 2019, the regional "
    "farmers' union said on Friday.",
    "The union credited a wet spring and the new irrigation scheme funded by the "
    "Valley Water Board.",
]


def orchard_article() -> Article:
    """An analyzed article, already read."""
    paragraphs = ORCHARD_PARAGRAPHS
    return Article(
        id="orchard00002",
        title="Orchards expect record apple harvest",
        paragraphs=list(paragraphs),
        kinds=["p", "p"],
        source="Valley Times",
        published=PublishedDate("2025-09-12", "day", "metadata"),
        entities=[
            _entity(paragraphs, "Verdant Valley", "PLACE"),
            _entity(paragraphs, "Valley Water Board", "ORGANIZATION"),
        ],
        timeline=[
            _event(paragraphs, "2019", "year", "2019"),
            _event(paragraphs, "2025-09-12", "day", "Friday"),
        ],
        analyzed=True,
        read=True,
        origin="tests",
        added="2025-11-17T09:00:00.000000+00:00",
    )


def library_article() -> Article:
    """An analyzed article with no entities or dates, and no byline."""
    return Article(
        id="library00003",
        title="Library extends opening hours",
        paragraphs=["The library will stay open later on weekdays."],
        kinds=["p"],
        analyzed=True,
        origin="tests",
        added="2025-11-16T09:00:00.000000+00:00",
    )


BRIDGE_PARAGRAPHS = [
    "Engineers from the Ministry of Transport inspected the Old Town Bridge in Riverton on "
    "Monday after residents reported cracks.",
    "Minister Paula Ortega said repairs would be finished by 15 October 2025.",
]


def unanalyzed_article() -> Article:
    """An article the store holds without analysis: opening it runs the real spaCy model."""
    return Article(
        id="bridge000004",
        title="Cracks found in Old Town Bridge",
        paragraphs=list(BRIDGE_PARAGRAPHS),
        kinds=["p", "p"],
        source="Riverton Post",
        published=PublishedDate("2025-06-02", "day", "metadata"),
        analyzed=False,
        origin="tests",
        added="2025-11-19T09:00:00.000000+00:00",
    )


def sample_articles() -> list[Article]:
    """The analyzed articles most tests use, newest added first: ferry, orchard, library."""
    return [ferry_article(), orchard_article(), library_article()]
