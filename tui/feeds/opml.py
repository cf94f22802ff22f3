"""OPML in and out: subscriptions lists as other readers export and import them.

Reading: every outline with an `xmlUrl` is a feed; the outlines it sits in (folders) give it their
names as tags, outermost first. A DTD or an entity declaration is refused before parsing, so a file
cannot make the parser expand entities or read other files. Writing: OPML 2.0, each feed under
nested folders named by its tags, so that reading the file back gives the same feeds and tags.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import format_datetime

from tui.feeds.errors import FeedError

_DECLARATION = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)


@dataclass(slots=True)
class OpmlFeed:
    """One feed of an OPML file."""

    url: str
    title: str = ""
    site_url: str | None = None
    tags: list[str] = field(default_factory=list)


def read_opml(data: bytes, name: str) -> list[OpmlFeed]:
    """The feeds of an OPML document, in document order; FeedError naming `name` when unusable."""
    if _DECLARATION.search(data.replace(b"\x00", b"")):  # also in UTF-16 and UTF-32
        raise FeedError(
            f"{name} declares a DTD or entities, which newstui does not read; remove the "
            "<!DOCTYPE> or <!ENTITY> lines and import it again."
        )
    try:
        root = ET.fromstring(data, parser=ET.XMLParser())
    except ET.ParseError as exc:
        raise FeedError(f"{name} is not well-formed XML ({exc}); check the file.") from exc
    body = root.find("body") if _local(root.tag) == "opml" else None
    if body is None:
        raise FeedError(f"{name} is not an OPML file (no <opml> with a <body>); check the file.")
    feeds: list[OpmlFeed] = []
    _walk(body, [], feeds)
    return feeds


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1].lower()


def _attr(node: ET.Element, name: str) -> str:
    for key, value in node.attrib.items():  # attribute names vary in case between exporters
        if _local(key) == name.lower():
            return value.strip()
    return ""


def _walk(node: ET.Element, folders: list[str], feeds: list[OpmlFeed]) -> None:
    for child in node:
        if _local(child.tag) != "outline":
            continue
        label = _attr(child, "text") or _attr(child, "title")
        url = _attr(child, "xmlUrl")
        if url:
            tags = list(dict.fromkeys([*folders, *_categories(_attr(child, "category"))]))
            feeds.append(
                OpmlFeed(url, label or _attr(child, "title"), _attr(child, "htmlUrl") or None, tags)
            )
            _walk(child, folders, feeds)
        else:
            _walk(child, [*folders, label] if label else folders, feeds)


def _categories(value: str) -> list[str]:
    """OPML 2.0's `category`: comma-separated, slash-delimited paths ("/News/World,/Tech")."""
    return [part for path in value.split(",") for part in path.split("/") if part.strip()]


def write_opml(feeds: list[OpmlFeed], title: str = "newstui subscriptions") -> str:
    """An OPML 2.0 document of these feeds, each nested under folders named by its tags."""
    root = ET.Element("opml", version="2.0")
    head = ET.SubElement(root, "head")
    ET.SubElement(head, "title").text = title
    ET.SubElement(head, "dateCreated").text = format_datetime(datetime.now(UTC), usegmt=True)
    body = ET.SubElement(root, "body")
    folders: dict[tuple[str, ...], ET.Element] = {(): body}
    for feed in feeds:
        parent = body
        path: tuple[str, ...] = ()
        for tag in feed.tags:
            path = (*path, tag)
            if path not in folders:
                folders[path] = ET.SubElement(parent, "outline", text=tag, title=tag)
            parent = folders[path]
        attrs = {"type": "rss", "text": feed.title or feed.url, "title": feed.title or feed.url}
        attrs["xmlUrl"] = feed.url
        if feed.site_url:
            attrs["htmlUrl"] = feed.site_url
        ET.SubElement(parent, "outline", attrs)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, "unicode") + "\n"
