"""Feed refresh throughput: `newstui refresh` of 200 local feeds x 25 items, beside the floor.

    python bench/feeds.py [--feeds 200] [--items 25] [--eval ../shared/eval]

The feeds are written here (RSS 2.0 with content:encoded, Atom, JSON Feed 1.1 and RSS 1.0, each
item a story of ../shared/eval/extraction's ground truth, its first 8 paragraphs, with a line of
its own so every item is a story of its own) and served by an http.server on 127.0.0.1 in a
process of its own (ETag and Last-Modified, 304 when they match). Figures, wall clock of a fresh
process with start-up and model loading, and CPU seconds of every process of it:
- first refresh: `newstui feeds import` of their OPML, then `newstui refresh`: fetch, parse,
  clean, analyze (entities, timeline) and store every item;
- the floor, in the same run and on the same items: feedparser alone on each feed's bytes (JSON
  Feed: json.loads), trafilatura alone on each item's HTML, spaCy alone (`nlp.pipe`) on the texts;
  one process, no HTTP, no storing;
- second refresh: everything answers 304; the share of 304s and its time beside the first.
Goals (issue 15): first refresh >= 0.8x the floor's items per second; the second < 1/10 of the first.
"""

from __future__ import annotations

import argparse
import hashlib
import html
import json
import subprocess
import sys
import tempfile
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
GOAL = 0.8
PARAGRAPHS = 8
KINDS = ("rss", "rss", "atom", "json", "rss", "atom", "rdf", "rss", "json", "atom")
ZONES = ("-04:00", "+02:00", "+09:00", "-07:00", "+00:00")


def stories(eval_dir: Path) -> list[tuple[str, list[str]]]:
    """(title, paragraphs) of each ground-truth story: its first words as title, 8 paragraphs."""
    truth = json.loads((eval_dir / "extraction" / "ground-truth.json").read_text("utf-8"))
    found = []
    for value in truth.values():
        paragraphs = [p.strip() for p in value["articleBody"].split("\n") if p.strip()]
        if len(" ".join(paragraphs).split()) >= 60:
            found.append((" ".join(paragraphs[0].split()[:8]), paragraphs[:PARAGRAPHS]))
    return found


def item_html(paragraphs: list[str], line: str) -> str:
    return "".join(f"<p>{html.escape(p)}</p>" for p in [*paragraphs, line])


def write_feed(folder: Path, n: int, items: int, pool: list[tuple[str, list[str]]]) -> str:
    """One feed file; returns its file name."""
    kind = KINDS[n % len(KINDS)]
    site = f"http://site{n}.bench.test"
    entries = []
    for i in range(items):
        title, paragraphs = pool[(n * items + i) % len(pool)]
        day, hour = 1 + i % 28, 8 + (n + i) % 15
        entries.append(
            {
                "title": f"{title} ({n}-{i})",
                "link": f"{site}/story/{i}",
                "guid": f"bench-{n}-{i}",
                "html": item_html(paragraphs, f"Bench copy {n} {i} of this story."),
                "date": f"2024-09-{day:02d}T{hour:02d}:30:00{ZONES[(n + i) % len(ZONES)]}",
            }
        )
    name = f"feed{n:03d}." + ("json" if kind == "json" else "xml")
    (folder / name).write_text(render(kind, f"Bench feed {n}", site, entries), "utf-8")
    return name


def _rfc822(iso: str) -> str:
    from datetime import datetime
    from email.utils import format_datetime

    return format_datetime(datetime.fromisoformat(iso))


def render(kind: str, title: str, site: str, entries: list[dict]) -> str:
    esc = html.escape
    if kind == "json":
        items = [
            {"id": e["guid"], "url": e["link"], "title": e["title"], "content_html": e["html"],
             "date_published": e["date"]}
            for e in entries
        ]  # fmt: skip
        doc = {"version": "https://jsonfeed.org/version/1.1", "title": title,
               "home_page_url": site, "items": items}  # fmt: skip
        return json.dumps(doc)
    if kind == "atom":
        body = "".join(
            f'<entry><title>{esc(e["title"])}</title><link href="{e["link"]}"/>'
            f"<id>{e['guid']}</id><published>{e['date']}</published>"
            f'<content type="html">{esc(e["html"])}</content></entry>'
            for e in entries
        )
        return (
            '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
            f'<title>{esc(title)}</title><link href="{site}/"/><id>{site}/</id>{body}</feed>'
        )
    if kind == "rdf":
        body = "".join(
            f'<item rdf:about="{e["link"]}"><title>{esc(e["title"])}</title>'
            f"<link>{e['link']}</link><dc:date>{e['date']}</dc:date>"
            f"<description>{esc(e['html'])}</description></item>"
            for e in entries
        )
        return (
            '<?xml version="1.0" encoding="utf-8"?><rdf:RDF '
            'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
            'xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">'
            f'<channel rdf:about="{site}/rss"><title>{esc(title)}</title><link>{site}/</link>'
            f"<description>bench</description></channel>{body}</rdf:RDF>"
        )
    body = "".join(
        f"<item><title>{esc(e['title'])}</title><link>{e['link']}</link>"
        f'<guid isPermaLink="false">{e["guid"]}</guid><pubDate>{_rfc822(e["date"])}</pubDate>'
        f"<description>{esc(e['title'])}</description>"
        f"<content:encoded><![CDATA[{e['html']}]]></content:encoded></item>"
        for e in entries
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
        f"<title>{esc(title)}</title><link>{site}/</link><description>bench</description>"
        f"{body}</channel></rss>"
    )


def serve(folder: Path) -> None:
    """In a child process: serve `folder` with validators until standard input closes."""

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            """Quiet."""

        def do_GET(self) -> None:
            path = folder / self.path.lstrip("/")
            if not path.is_file():
                self.send_response(404)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            body = path.read_bytes()
            etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
            modified = "Tue, 03 Sep 2024 12:00:00 GMT"
            fresh = self.headers.get("If-None-Match") == etag
            self.send_response(304 if fresh else 200)
            kind = "application/feed+json" if path.suffix == ".json" else "application/xml"
            self.send_header("ETag", etag)
            self.send_header("Last-Modified", modified)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", "0" if fresh else str(len(body)))
            self.end_headers()
            if not fresh:
                self.wfile.write(body)

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    import threading

    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    print(f"http://127.0.0.1:{httpd.server_address[1]}", flush=True)
    sys.stdin.read()


def floor(folder: Path) -> None:
    """In a child process: feedparser, trafilatura and spaCy alone on the same items."""
    import io

    import feedparser
    import trafilatura

    start = time.perf_counter()
    bodies = []
    for path in sorted(folder.glob("feed*")):
        data = path.read_bytes()
        if path.suffix == ".json":
            bodies += [i["content_html"] for i in json.loads(data)["items"]]
        else:
            parsed = feedparser.parse(
                io.BytesIO(data), sanitize_html=False, resolve_relative_uris=False
            )
            for entry in parsed.entries:
                content = entry.get("content")
                bodies.append(content[0]["value"] if content else entry.get("summary", ""))
    parsed_s = time.perf_counter() - start
    texts = [
        trafilatura.extract(f"<html><body><article>{b}</article></body></html>") or ""
        for b in bodies
    ]
    cleaned_s = time.perf_counter() - start - parsed_s
    from tui.nlp.pipeline import load_model

    nlp = load_model()
    paragraphs = [p for t in texts for p in t.split("\n") if p.strip()]
    for _ in nlp.pipe(paragraphs, batch_size=64):
        pass
    total = time.perf_counter() - start
    parts = {"items": len(bodies), "parse": parsed_s, "clean": cleaned_s}
    print(json.dumps({**parts, "nlp": total - parsed_s - cleaned_s, "total": total}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--feeds", type=int, default=200)
    parser.add_argument("--items", type=int, default=25)
    parser.add_argument("--eval", type=Path, default=REPO.parent / "shared" / "eval")
    parser.add_argument("--serve", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--floor", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        serve(args.serve)
        return
    if args.floor:
        sys.path.insert(0, str(REPO))
        floor(args.floor)
        return
    from functools import partial

    sys.path.insert(0, str(REPO))  # run as a plain script: the repository is not on the path
    from bench.ingest import timed as timed_any  # after the children, which run as plain scripts

    timed = partial(timed_any, ok=(0,))  # every command here must succeed
    if not (args.eval / "extraction" / "ground-truth.json").is_file():
        print(f"feeds: skipped, {args.eval}/extraction is not present")
        return
    count = args.feeds * args.items
    print(f"Feed refresh ({args.feeds} feeds x {args.items} items = {count} items)", flush=True)
    with tempfile.TemporaryDirectory(prefix="newstui-feeds-") as tmp:
        work = Path(tmp)
        folder = work / "feeds"
        folder.mkdir()
        pool = stories(args.eval)
        names = [write_feed(folder, n, args.items, pool) for n in range(args.feeds)]
        floor_s, out, floor_cpu = timed([sys.executable, __file__, "--floor", str(folder)])
        parts = json.loads(out.strip().splitlines()[-1])
        server = subprocess.Popen(
            [sys.executable, __file__, "--serve", str(folder)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        try:
            assert server.stdout is not None
            base = server.stdout.readline().strip()
            outlines = "".join(f'<outline type="rss" xmlUrl="{base}/{n}"/>' for n in names)
            opml = work / "feeds.opml"
            opml.write_text(f'<opml version="2.0"><body>{outlines}</body></opml>', "utf-8")
            db = work / "store.json"
            newstui = str(BIN / "newstui")
            timed([newstui, "feeds", "import", "--db", str(db), str(opml)])
            first_s, _, first_cpu = timed([newstui, "refresh", "--db", str(db)])
            _, listing, _ = timed([newstui, "list", "--db", str(db), "--json"])
            stored = len(listing.splitlines())
            report_first(stored, count, first_s, first_cpu, parts, floor_s, floor_cpu)
            second_s, out, second_cpu = timed([newstui, "refresh", "--db", str(db), "--json"])
            results = [json.loads(line) for line in out.splitlines()]
            report_second(results, first_s, second_s, second_cpu)
        finally:
            if server.stdin:
                server.stdin.close()
            server.terminate()
            server.wait(timeout=10)


def report_first(
    stored: int, count: int, first_s: float, first_cpu: float, parts: dict, floor_s: float,
    floor_cpu: float,
) -> None:  # fmt: skip
    ours, base_rate = stored / first_s, parts["items"] / floor_s
    verdict = "ok" if ours >= GOAL * base_rate else "MISSED"
    print(
        f"  first refresh: {stored} of {count} items stored in {first_s:.1f} s = {ours:.1f}/s"
        f" (CPU {first_cpu:.0f} s) | floor (feedparser {parts['parse']:.1f} + trafilatura "
        f"{parts['clean']:.1f} + spaCy {parts['nlp']:.1f} s, {floor_s:.1f} s with start-up) = "
        f"{base_rate:.1f}/s (CPU {floor_cpu:.0f} s) | x{ours / base_rate:.2f} of floor, goal >= "
        f"{GOAL} {verdict}",
        flush=True,
    )


def report_second(results: list[dict], first_s: float, second_s: float, second_cpu: float) -> None:
    not_modified = sum(r["status"] == "not_modified" for r in results)
    new = sum(r["new"] for r in results)
    share = not_modified / max(len(results), 1)
    verdict = "ok" if second_s < first_s / 10 and share >= 0.9 and not new else "MISSED"
    print(
        f"  second refresh: {not_modified} of {len(results)} feeds answered 304 ({share:.0%}), "
        f"{new} stored, in {second_s:.2f} s (CPU {second_cpu:.1f} s) = "
        f"{second_s / first_s:.3f} of the first, goal < 0.1 {verdict}",
        flush=True,
    )


if __name__ == "__main__":
    main()
