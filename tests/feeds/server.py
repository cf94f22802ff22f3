"""An http.server on 127.0.0.1 (threaded, port 0) serving the feed files beside this module, with
the behaviours a refresh meets: validators and 304, a redirect, gzip, a slow and a broken feed,
and a page that fails until told to work. Every request is logged for the tests to inspect.

The tests run it in a process of its own (`served()`): with no server thread in the test's
process, a refresh forks its worker processes exactly as `newstui refresh` does. `/_hits` answers
the request log as JSON, `/_set?flaky=0&slow=0.1` changes its behaviour.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit
from urllib.request import urlopen

FOLDER = Path(__file__).parent
LAST_MODIFIED = "Tue, 03 Sep 2024 12:00:00 GMT"
TYPES = {
    ".xml": "application/rss+xml",
    ".json": "application/feed+json",
    ".html": "text/html; charset=utf-8",
    ".opml": "text/x-opml",
}


@dataclass
class Hit:
    path: str
    headers: dict[str, str]
    status: int = 0


@dataclass
class ServerState:
    hits: list[Hit] = field(default_factory=list)
    flaky_fails: bool = True  # /pages/flaky.html answers 503 while this is set
    slow_seconds: float = 3.0
    stop: threading.Event = field(default_factory=threading.Event)
    extra: dict[str, tuple[int, dict[str, str], bytes]] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)


class Handler(BaseHTTPRequestHandler):
    state: ServerState
    base: str

    def log_message(self, format: str, *args: object) -> None:
        """Quiet."""

    def send(self, code: int, body: bytes = b"", headers: dict[str, str] | None = None) -> None:
        self.send_response(code)
        for key, value in {"Content-Length": str(len(body)), **(headers or {})}.items():
            self.send_header(key, value)
        self.end_headers()
        if body and self.command != "HEAD":
            self.wfile.write(body)
        self.hit.status = code

    def do_GET(self) -> None:
        if self.path.startswith("/_"):
            self.control()
            return
        self.hit = Hit(self.path, {k.lower(): v for k, v in self.headers.items()})
        with self.state.lock:
            self.state.hits.append(self.hit)
        path = self.path.split("?")[0]
        if path in self.state.extra:
            code, headers, body = self.state.extra[path]
            self.send(code, body, headers)
        elif path == "/slow.xml":
            self.state.stop.wait(self.state.slow_seconds)
            self.send(200, (FOLDER / "rss2.xml").read_bytes(), {"Content-Type": TYPES[".xml"]})
        elif path == "/moved.xml":
            self.send(301, headers={"Location": "/atom.xml"})
        elif path == "/found.xml":  # a temporary redirect
            self.send(302, headers={"Location": "/rdf.xml"})
        elif path == "/gzip/rdf.xml":
            body = gzip.compress((FOLDER / "rdf.xml").read_bytes())
            self.send(
                200, body, {"Content-Type": "application/rdf+xml", "Content-Encoding": "gzip"}
            )
        elif path == "/bomb.xml":  # 200 KB of spaces, gzipped to a few hundred bytes
            body = gzip.compress(b"<rss>" + b" " * 200_000 + b"</rss>")
            self.send(200, body, {"Content-Encoding": "gzip", "Content-Type": TYPES[".xml"]})
        elif path == "/bad-gzip.xml":
            self.send(200, b"this is not gzip", {"Content-Encoding": "gzip"})
        elif path == "/not-modified":  # a 304 nobody asked for
            self.send(304)
        elif path == "/escapes.xml":
            body = (
                (FOLDER / "rdf.xml")
                .read_bytes()
                .replace(
                    b"<title>Valley Gazette</title>",
                    b"<title>Valley\x1b]52;c;QQ==\x07 Gazette\x1b[2J</title>",
                )
            )
            self.send(200, body, {"Content-Type": TYPES[".xml"]})
        elif path == "/pages/flaky.html" and self.state.flaky_fails:
            self.send(503, b"busy")
        elif path == "/home":
            self.send(200, (FOLDER / "page.html").read_bytes(), {"Content-Type": TYPES[".html"]})
        else:
            self.serve_file(path.lstrip("/"))

    def control(self) -> None:
        self.hit = Hit(self.path, {})
        parts = urlsplit(self.path)
        if parts.path == "/_set":
            query = parse_qs(parts.query)
            if "flaky" in query:
                self.state.flaky_fails = query["flaky"][0] == "1"
            if "slow" in query:
                self.state.slow_seconds = float(query["slow"][0])
            self.send(200, b"ok")
            return
        with self.state.lock:
            hits = [
                {"path": h.path, "headers": h.headers, "status": h.status} for h in self.state.hits
            ]
        self.send(200, json.dumps(hits).encode(), {"Content-Type": "application/json"})

    def serve_file(self, name: str) -> None:
        file = (FOLDER / name).resolve()
        if FOLDER not in file.parents or not file.is_file():
            self.send(404, b"not found")
            return
        body = file.read_bytes().replace(b"{base}", self.base.encode())
        etag = '"' + hashlib.sha1(body).hexdigest()[:12] + '"'
        if self.headers.get("If-None-Match") == etag or (
            self.headers.get("If-Modified-Since") == LAST_MODIFIED and file.suffix != ".html"
        ):
            self.send(304, headers={"ETag": etag})
            return
        headers = {"Content-Type": TYPES.get(file.suffix, "application/octet-stream")}
        if file.suffix != ".html":
            headers |= {"ETag": etag, "Last-Modified": LAST_MODIFIED}
        self.send(200, body, headers)


class FeedServer:
    """`with FeedServer() as server:` serves on `server.base` until the block ends."""

    def __init__(self) -> None:
        self.state = ServerState()
        handler = type("BoundHandler", (Handler,), {"state": self.state})
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.httpd.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        handler.base = self.base
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def url(self, path: str) -> str:
        return f"{self.base}/{path.lstrip('/')}"

    def hits(self, path: str) -> list[Hit]:
        with self.state.lock:
            return [h for h in self.state.hits if h.path == "/" + path.lstrip("/")]

    def __enter__(self) -> FeedServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.state.stop.set()
        self.httpd.shutdown()
        self.httpd.server_close()


class Served:
    """The client side of a server process: its address, its request log, its switches."""

    def __init__(self, base: str) -> None:
        self.base = base

    def url(self, path: str) -> str:
        return f"{self.base}/{path.lstrip('/')}"

    def hits(self, path: str | None = None) -> list[Hit]:
        with urlopen(self.url("_hits"), timeout=10) as answer:
            hits = [Hit(h["path"], h["headers"], h["status"]) for h in json.load(answer)]
        return [h for h in hits if path is None or h.path == "/" + path.lstrip("/")]

    def set(self, **values: object) -> None:
        query = "&".join(f"{k}={v}" for k, v in values.items())
        with urlopen(self.url(f"_set?{query}"), timeout=10) as answer:
            answer.read()


@contextmanager
def served() -> Iterator[Served]:
    """A server process for the block (ended by its own pid when the block ends)."""
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.feeds.server"],
        cwd=FOLDER.parents[1],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        base = process.stdout.readline().strip()
        assert base.startswith("http://127.0.0.1:"), base
        yield Served(base)
    finally:
        process.terminate()
        process.wait(timeout=10)


if __name__ == "__main__":
    with FeedServer() as server:
        print(server.base, flush=True)
        sys.stdin.read()  # until the test closes the pipe (or ends the process)
