"""Feeds for the UI tests: RSS files written under tmp_path and served by an `http.server` on
127.0.0.1 (a thread of the test's process), and stores subscribed to them.

Each test writes the feeds it needs, so it can change one between refreshes (a new item). The
server logs every path asked for, and can hold one path until the test lets it go (a slow feed).
The stories are invented; each is long enough (80 words and more) to be a whole story, so a
refresh keeps the feed's own text and fetches no page, except for the one item that is a stub.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from xml.sax.saxutils import escape

from tui.feeds.registry import Feed, Registry, feed_id

FERRY = (
    "The Lakeport ferry company said on Tuesday that its two new boats would enter service "
    "before the winter timetable begins, ending months of delays that had left islanders "
    "waiting on the quay for hours. The company's director, Ottilie Marsh, told the town "
    "council that the engines had passed their last trials and that crews had finished their "
    "training. Fares will not rise this year, she said, and the old boats will be kept in "
    "reserve for storms. Island shop owners welcomed the news and said deliveries of fresh "
    "food would be faster and cheaper once both boats sail every hour."
)
MARKET = (
    "The Saturday market in Lakeport will move to the old rope works next month while the "
    "square is repaved, the council's markets officer, Bram Ellery, said on Wednesday. Stall "
    "holders were given a choice of three sites and chose the rope works for its roof and its "
    "parking. The move is expected to last until the spring, when the square reopens with new "
    "drains, benches and lighting. Traders said they hoped customers would follow them, and the "
    "council promised signs on every road into town and a free bus from the station each "
    "Saturday morning for as long as the works last."
)
ORCHARD = (
    "Apple growers in the Valley reported their best harvest in a decade after a warm spring "
    "and a dry September, the growers' association said on Monday. Its chair, Wilhelmina "
    "Stroud, said the crop was a third larger than last year's and that pickers had been "
    "hired from three neighbouring counties to bring it in before the first frosts. Cider "
    "makers said they would buy more fruit than usual, and the association asked the county "
    "for help with cold storage, which is full for the first time since the packing house "
    "opened in the spring of 2009 beside the river."
)
GAZETTE_PAGE = """<!doctype html>
<html><head><meta charset="utf-8"><title>Lighthouse keepers return | The Harbour Gazette</title>
<meta property="og:site_name" content="The Harbour Gazette"></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Lighthouse keepers return to Gull Point</h1>
<p>Keepers will live at the Gull Point lighthouse again from next spring, for the first time
since its lamp was automated in 1991, the harbour trust said on Wednesday.</p>
<p>The trust's chair, Corentin Vale, said two keepers would run a small museum in the old
cottages and look after the lamp, whose clockwork has been restored by volunteers.</p>
<p>Visitors will be able to climb the tower on weekends from April, and school groups on
weekdays, the trust said, and the cottages' roofs will be mended over the winter.</p>
</article><footer>Copyright The Harbour Gazette</footer></body></html>
"""


@dataclass
class Item:
    """One feed item: a whole story (`text`), or a stub whose link is fetched."""

    title: str
    slug: str
    published: str  # RFC 822, as a feed writes it
    text: str = ""  # the story; empty for a stub ("Read more")
    link: str = ""  # the item's page; by default an address on an invented site

    def xml(self) -> str:
        link = self.link or f"http://lakeport.test/{self.slug}"
        body = (
            f"<content:encoded><![CDATA[<p>{escape(self.text)}</p>]]></content:encoded>"
            if self.text
            else "<description>Keepers will live at the lighthouse again. Read more</description>"
        )
        return (
            f"<item><title>{escape(self.title)}</title><link>{escape(link)}</link>"
            f"<guid isPermaLink='false'>{self.slug}</guid><pubDate>{self.published}</pubDate>"
            f"{body}</item>"
        )


def rss(title: str, items: list[Item]) -> str:
    """An RSS 2.0 document with content:encoded items."""
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
        f"<channel><title>{escape(title)}</title><link>http://lakeport.test/</link>"
        f"{''.join(i.xml() for i in items)}</channel></rss>\n"
    )


FERRY_ITEM = Item(
    "New ferries to sail before winter", "ferries", "Tue, 03 Sep 2024 09:00:00 +0000", FERRY
)
MARKET_ITEM = Item(
    "Market moves to the rope works", "market", "Wed, 04 Sep 2024 10:00:00 +0000", MARKET
)
ORCHARD_ITEM = Item(
    "Best apple harvest in a decade", "orchard", "Mon, 02 Sep 2024 08:00:00 +0000", ORCHARD
)
BROKEN = "<?xml version='1.0'?>\n<rss version='2.0'><channel><title>Broken</title><item><title>x <b>\n &&& </item>"


@dataclass
class Served:
    """The server's address, the paths it was asked for, and a path it holds until released."""

    folder: Path
    base: str = ""
    asked: list[str] = field(default_factory=list)
    hold_path: str | None = None
    release: threading.Event = field(default_factory=threading.Event)

    def url(self, name: str) -> str:
        return f"{self.base}/{name}"

    def write(self, name: str, text: str) -> None:
        """Write a served file with a later modification time than it had (the server answers
        If-Modified-Since by whole seconds, so a change within a second would be a 304)."""
        path = self.folder / name
        before = path.stat().st_mtime if path.exists() else 0.0
        path.write_text(text, encoding="utf-8")
        stamp = max(time.time(), before + 2)
        os.utime(path, (stamp, stamp))

    def asked_for(self, name: str) -> int:
        return self.asked.count("/" + name)


class _Handler(SimpleHTTPRequestHandler):
    served: Served

    def log_message(self, format: str, *args: object) -> None:
        """Quiet."""

    def do_GET(self) -> None:
        self.served.asked.append(self.path)
        if self.path == self.served.hold_path:
            self.served.release.wait(30)
        super().do_GET()


@contextmanager
def serving(folder: Path) -> Iterator[Served]:
    """Serve `folder` on 127.0.0.1 (a free port) for the block."""
    served = Served(folder)
    handler = type("Handler", (_Handler,), {"served": served})
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), partial(handler, directory=str(folder)))
    httpd.daemon_threads = True
    served.base = f"http://127.0.0.1:{httpd.server_address[1]}"
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield served
    finally:
        served.release.set()
        httpd.shutdown()
        httpd.server_close()


def subscribe(store_path: Path, *urls: str) -> list[str]:
    """Subscribe the store to these feed URLs without fetching them (as `feeds import` does);
    their ids, in order."""
    ids = [feed_id(url) for url in urls]
    with Registry(store_path).editing() as feeds:
        feeds.extend(Feed(i, url) for i, url in zip(ids, urls, strict=True))
    return ids
