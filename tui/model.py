"""The plain data newstui works with: articles, their entities and timeline, to and from JSON.

Field names follow `../shared/CONTRACT.md` (the JSON of `newstui analyze --json`); `Article.to_contract`
produces exactly that object, `Article.to_dict`/`from_dict` the fuller form the store keeps.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal, cast, get_args

EntityType = Literal["PERSON", "ORGANIZATION", "PLACE", "GROUP", "EVENT", "OTHER"]
ENTITY_TYPES: tuple[EntityType, ...] = (
    "PERSON",
    "ORGANIZATION",
    "PLACE",
    "GROUP",
    "EVENT",
    "OTHER",
)

Granularity = Literal["day", "week", "month", "quarter", "season", "year", "decade"]
DateOrigin = Literal["metadata", "caption", "dateline", "text", "user"]

# Input kinds ingest recognises; `markdown` is clean text with Markdown syntax.
InputKind = Literal["html", "text", "markdown", "jsonl"]

# How a body block is rendered; parallel to `Article.paragraphs`.
BlockKind = Literal["p", "h", "quote", "li"]


def entity_type(value: str) -> EntityType:
    """`value` as an entity type; ValueError when it is none (a bug upstream, never user input)."""
    if value not in ENTITY_TYPES:
        raise ValueError(f"{value!r} is not an entity type")
    return cast(EntityType, value)


_GRANULARITIES = frozenset(get_args(Granularity))


def granularity(value: str) -> Granularity:
    """`value` as a date granularity; ValueError when it is none."""
    if value not in _GRANULARITIES:
        raise ValueError(f"{value!r} is not a date granularity")
    return cast(Granularity, value)


def input_kind(value: str) -> InputKind:
    """`value` as an input kind; ValueError when it is none."""
    if value not in get_args(InputKind):
        raise ValueError(f"{value!r} is not an input kind")
    return cast(InputKind, value)


def content_id(data: bytes) -> str:
    """A stable id for one input: the first 12 hex digits of its SHA-256."""
    import hashlib  # here: the reader never makes ids, and the import is ~1.5 ms of its start-up

    return hashlib.sha256(data).hexdigest()[:12]


@dataclass(slots=True)
class Mention:
    """One place an entity is named: character offsets into `paragraphs[paragraph]`."""

    paragraph: int
    start: int
    end: int
    text: str


@dataclass(slots=True)
class Entity:
    """One real-world thing named in an article, under its fullest name."""

    name: str
    type: EntityType
    aliases: list[str] = field(default_factory=list)
    count: int = 0
    mentions: list[Mention] = field(default_factory=list)
    # Titles and roles seen before the name ("Russian President"), kept out of `name`.
    titles: list[str] = field(default_factory=list)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Entity:
        return cls(
            name=d["name"],
            type=d["type"],
            aliases=list(d.get("aliases", [])),
            count=int(d.get("count", 0)),
            mentions=[Mention(**m) for m in d.get("mentions", [])],
            titles=list(d.get("titles", [])),
        )


@dataclass(slots=True)
class TimelineEvent:
    """One dated expression: its TimeML calendar value and the sentence that tells the event."""

    value: str
    granularity: Granularity
    text: str
    paragraph: int
    start: int
    end: int
    sentence: str

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> TimelineEvent:
        keys = ("value", "granularity", "text", "paragraph", "start", "end", "sentence")
        return cls(**{k: d[k] for k in keys})


@dataclass(slots=True)
class PublishedDate:
    """When an article was published, and where that was read from."""

    value: str
    granularity: Granularity = "day"
    origin: DateOrigin = "metadata"

    @classmethod
    def from_dict(cls, d: dict[str, Any] | None) -> PublishedDate | None:
        if not d:
            return None
        return cls(value=d["value"], granularity=d.get("granularity", "day"), origin=d["origin"])


@dataclass(slots=True)
class Link:
    """A link in the body: its text at character offsets into `paragraphs[paragraph]`, and target."""

    paragraph: int
    start: int
    end: int
    text: str
    url: str

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Link:
        keys = ("paragraph", "start", "end", "text", "url")
        return cls(**{k: d[k] for k in keys})


@dataclass(slots=True)
class Caption:
    """A photo caption and its credit line, kept apart from the body."""

    text: str
    credit: str | None = None


@dataclass(slots=True)
class Extracted:
    """What cleaning finds in one input, before analysis: body, structure and metadata."""

    paragraphs: list[str]
    kinds: list[BlockKind] = field(default_factory=list)
    title: str | None = None
    source: str | None = None
    author: str | None = None
    url: str | None = None
    published: PublishedDate | None = None
    captions: list[Caption] = field(default_factory=list)
    language: str = "en"
    # Where the title came from: metadata, headline, lead, filename.
    title_origin: str | None = None
    # Links of the body. Until `ingest.links.place_links` runs, their offsets point into
    # `link_blocks` (the paragraphs as the extractor made them, before top matter and overlong
    # paragraphs were cut).
    links: list[Link] = field(default_factory=list)
    link_blocks: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Article:
    """A stored (or analyzed) article: clean body, metadata, analysis and reading state."""

    id: str
    title: str
    paragraphs: list[str]
    kinds: list[BlockKind] = field(default_factory=list)
    source: str | None = None
    url: str | None = None
    author: str | None = None
    language: str = "en"
    published: PublishedDate | None = None
    captions: list[Caption] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    timeline: list[TimelineEvent] = field(default_factory=list)
    analyzed: bool = False
    # The input exactly as decoded, so the article can be re-processed later.
    raw: str = ""
    raw_kind: InputKind = "text"
    raw_encoding: str = "utf-8"
    origin: str = ""  # where it came from: a path, a URL, "stdin"
    added: str = ""  # ISO timestamp, set by the store
    read: bool = False
    starred: bool = False
    tags: list[str] = field(default_factory=list)
    feed: str | None = None  # the id of the feed it came from (`tui.feeds`), if any

    def __post_init__(self) -> None:
        if len(self.kinds) != len(self.paragraphs):
            self.kinds = (list(self.kinds) + ["p"] * len(self.paragraphs))[: len(self.paragraphs)]

    @classmethod
    def from_extracted(
        cls,
        ex: Extracted,
        *,
        id: str,
        raw: str,
        raw_kind: InputKind,
        raw_encoding: str,
        origin: str,
    ) -> Article:
        return cls(
            id=id,
            title=ex.title or "(untitled)",
            paragraphs=list(ex.paragraphs),
            kinds=list(ex.kinds),
            source=ex.source,
            url=ex.url,
            author=ex.author,
            language=ex.language,
            published=ex.published,
            captions=list(ex.captions),
            links=list(ex.links),
            raw=raw,
            raw_kind=raw_kind,
            raw_encoding=raw_encoding,
            origin=origin,
        )

    @property
    def body_text(self) -> str:
        return "\n\n".join(self.paragraphs)

    @property
    def word_count(self) -> int:
        return sum(len(p.split()) for p in self.paragraphs)

    def to_contract(self) -> dict[str, Any]:
        """The object `newstui analyze --json` prints (../shared/CONTRACT.md)."""
        return {
            "id": self.id,
            "title": self.title,
            "source": self.source,
            "url": self.url,
            "author": self.author,
            "language": self.language,
            "published": asdict(self.published) if self.published else None,
            "captions": [asdict(c) for c in self.captions],
            "paragraphs": list(self.paragraphs),
            "entities": [
                {
                    "name": e.name,
                    "type": e.type,
                    "aliases": list(e.aliases),
                    "count": e.count,
                    "mentions": [asdict(m) for m in e.mentions],
                }
                for e in self.entities
            ],
            "timeline": [asdict(t) for t in self.timeline],
            "links": [asdict(k) for k in self.links],
            "feed": self.feed,
        }

    def to_dict(self) -> dict[str, Any]:
        """Everything, for the store."""
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Article:
        return cls(
            id=d["id"],
            title=d.get("title") or "(untitled)",
            paragraphs=list(d.get("paragraphs", [])),
            kinds=list(d.get("kinds", [])),
            source=d.get("source"),
            url=d.get("url"),
            author=d.get("author"),
            language=d.get("language", "en"),
            published=PublishedDate.from_dict(d.get("published")),
            captions=[Caption(**c) for c in d.get("captions", [])],
            links=[Link.from_dict(k) for k in d.get("links", [])],
            entities=[Entity.from_dict(e) for e in d.get("entities", [])],
            timeline=[TimelineEvent.from_dict(t) for t in d.get("timeline", [])],
            analyzed=bool(d.get("analyzed", False)),
            raw=d.get("raw", ""),
            raw_kind=d.get("raw_kind", "text"),
            raw_encoding=d.get("raw_encoding", "utf-8"),
            origin=d.get("origin", ""),
            added=d.get("added", ""),
            read=bool(d.get("read", False)),
            starred=bool(d.get("starred", False)),
            tags=list(d.get("tags", [])),
            feed=d.get("feed"),
        )


@dataclass(slots=True)
class ArticleSummary:
    """What the article list needs, without the body: cheap to load for thousands of articles."""

    id: str
    title: str
    source: str | None = None
    published: str | None = None  # the date value, for display and sorting
    added: str = ""
    read: bool = False
    starred: bool = False
    tags: list[str] = field(default_factory=list)
    words: int = 0
    feed: str | None = None  # the feed's id, for articles that came from one

    @classmethod
    def of(cls, a: Article) -> ArticleSummary:
        return cls(
            id=a.id,
            title=a.title,
            source=a.source,
            published=a.published.value if a.published else None,
            added=a.added,
            read=a.read,
            starred=a.starred,
            tags=list(a.tags),
            words=a.word_count,
            feed=a.feed,
        )

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> ArticleSummary:
        return cls(**{k: d[k] for k in cls.__slots__ if k in d})
