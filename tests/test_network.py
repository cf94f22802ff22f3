"""URLs through the real `newstui` command, served by an http.server on 127.0.0.1 started here.

tests/test_ingest_sources.py checks `fetch_url` itself; these go through `add` and `analyze --json`
and check what a user sees: one sentence on stderr, a non-zero exit, the store untouched.
"""

from __future__ import annotations

import json
import socket
import sys
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.test_hostile_cli import one_sentence, snapshot
from tui.cli.commands import app

runner = CliRunner()
PAGE = (
    b"<!doctype html><html><head><title>Comet seen over Lakeport</title></head><body>"
    b"<nav><a href='/'>Home</a> <a href='/sport'>Sport</a></nav><article>"
    b"<h1>Comet seen over Lakeport</h1>"
    b"<p>Astronomers at the Lakeport observatory said on Monday that a new comet had been seen "
    b"low over the northern hills, moving towards the inner solar system.</p>"
    b"<p>The comet should be visible with binoculars from late spring, the team said, and amateur "
    b"astronomers are already planning viewing nights along the harbour.</p>"
    b"</article><footer>Subscribe now</footer></body></html>"
)
STOP = threading.Event()


class Handler(BaseHTTPRequestHandler):
    """One route per case."""

    def log_message(self, format: str, *args: object) -> None:
        """Keep test output quiet."""

    def send(self, code: int, body: bytes = b"", headers: dict[str, str] | None = None) -> None:
        self.send_response(code)
        headers = {"Content-Length": str(len(body)), **(headers or {})}
        for key, value in headers.items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        routes = {
            "/page.html": lambda: self.send(200, PAGE, {"Content-Type": "text/html"}),
            "/moved": lambda: self.send(301, headers={"Location": "/page.html"}),
            "/missing": lambda: self.send(404, b"not here"),
            "/to-passwd": lambda: self.send(302, headers={"Location": "file:///etc/passwd"}),
            "/to-ftp": lambda: self.send(307, headers={"Location": "ftp://127.0.0.1/x.html"}),
            "/to-evil": lambda: self.send(
                302, headers={"Location": "file:///etc/passwd\x1b]52;c;QQ==\x07\x1b[2J"}
            ),
            "/big": lambda: self.send(200, b"<p>" + b"a" * 5000 + b"</p>"),
            "/big-unsized": self.big_unsized,
            "/slow": self.slow,
            "/trickle": self.trickle,
            "/drip-headers": self.drip_headers,
            "/cut-short": self.cut_short,
            "/evil-reason": lambda: self.send_error(500, "Oops\x1b]52;c;QQ==\x07\x1b[2J"),
            "/binary": lambda: self.send(200, b"\x89PNG\r\n\x1a\n" + bytes(256)),
        }
        if self.path.startswith("/hop/"):
            return self.slow_hop(int(self.path.rsplit("/", 1)[1]))
        routes.get(self.path, lambda: self.send(404))()

    def drip_headers(self) -> None:
        """The status line, then a header a byte every 200 ms: each read is quick, none ends."""
        try:
            self.wfile.write(b"HTTP/1.1 200 OK\r\nX-Slow: ")
            for _ in range(300):
                if STOP.wait(0.2):
                    return
                self.wfile.write(b"a")
                self.wfile.flush()
        except OSError:  # the client gave up, as it should
            return

    def slow_hop(self, n: int) -> None:
        """Ten redirects, each answered after 0.4 s: every wait is within the timeout."""
        if STOP.wait(0.4):
            return
        if n < 10:
            self.send(302, headers={"Location": f"/hop/{n + 1}"})
        else:
            self.send(200, PAGE, {"Content-Type": "text/html"})

    def cut_short(self) -> None:
        """Says 5,000 bytes, sends part of a page and hangs up."""
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", "5000")
        self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.write(PAGE[:300])
        self.close_connection = True

    def big_unsized(self) -> None:
        """No Content-Length: only the read loop can see the size."""
        self.send_response(200)
        self.send_header("Connection", "close")
        self.end_headers()
        for _ in range(10):
            self.wfile.write(b"b" * 1000)

    def slow(self) -> None:
        """Answers only long after the client's timeout."""
        STOP.wait(10)
        self.send(200, PAGE)

    def trickle(self) -> None:
        """A byte every 50 ms: each read is quick, the whole body takes a minute."""
        self.send_response(200)
        self.send_header("Content-Length", str(len(PAGE)))
        self.end_headers()
        for byte in PAGE:
            if STOP.wait(0.05):
                return
            try:
                self.wfile.write(bytes([byte]))
                self.wfile.flush()
            except OSError:  # the client gave up, as it should
                return


class Server(ThreadingHTTPServer):
    """The test server; a client hanging up early (as newstui does on purpose) is not an error.

    socketserver prints handler errors to sys.stderr, which CliRunner is capturing at that moment:
    they would land in the command's stderr.
    """

    daemon_threads = True

    def __init__(self, address: tuple[str, int], handler: type[BaseHTTPRequestHandler]) -> None:
        super().__init__(address, handler)
        self.errors: list[BaseException] = []

    def handle_error(self, request: object, client_address: object) -> None:
        error = sys.exc_info()[1]
        if not isinstance(error, ConnectionError):
            self.errors.append(error)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = Server(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    STOP.set()
    httpd.shutdown()
    httpd.server_close()
    assert not httpd.errors


@pytest.fixture
def db(db_path: Path, server: str) -> Path:
    """A store already holding the served page, added by URL (the case that must work)."""
    result = run("add", "--db", str(db_path), f"{server}/page.html")
    assert result.exit_code == 0, result.output
    return db_path


def run(*args: str, env: dict[str, str] | None = None):
    return runner.invoke(app, list(args), env=env, catch_exceptions=False)


def refused(db: Path, url: str, expected: list[str], env: dict[str, str] | None = None) -> str:
    """`add` and `analyze --json` on a URL that must fail: message, exit status, store intact."""
    before = snapshot(db)
    added = run("add", "--db", str(db), url, env=env)
    assert added.exit_code == 1 and added.stdout == ""
    message = one_sentence(added.stderr)
    for part in expected:
        assert part in message, message
    assert snapshot(db) == before
    analyzed = run("analyze", url, "--json", env=env)
    assert analyzed.exit_code == 1
    assert one_sentence(analyzed.stderr) == message
    assert json.loads(analyzed.stdout) == {"error": message.removeprefix("newstui: ")}
    return message


def test_add_by_url(db: Path, server: str) -> None:
    (row,) = [
        json.loads(line) for line in run("list", "--db", str(db), "--json").stdout.splitlines()
    ]
    article = json.loads(run("show", "--db", str(db), row["id"], "--json").stdout)
    assert article["title"] == "Comet seen over Lakeport"
    assert article["url"] == f"{server}/page.html"
    assert article["paragraphs"][0].startswith("Astronomers at the Lakeport observatory")
    assert not any("Subscribe" in p or "Sport" in p for p in article["paragraphs"])


def test_redirect_within_http_is_followed(db: Path, server: str) -> None:
    result = run("add", "--db", str(db), f"{server}/moved")
    assert result.exit_code == 0
    assert result.stdout.strip().endswith("(already stored)")  # same bytes as /page.html


def test_timeout_is_configurable(db: Path, server: str) -> None:
    start = time.monotonic()
    message = refused(
        db,
        f"{server}/slow",
        ["did not answer within 0.5 seconds"],
        {"NEWSTUI_FETCH_TIMEOUT": "0.5"},
    )
    assert "raise NEWSTUI_FETCH_TIMEOUT" in message
    assert time.monotonic() - start < 8


def test_a_trickling_server_cannot_hold_the_fetch(db: Path, server: str) -> None:
    start = time.monotonic()
    refused(
        db, f"{server}/trickle", ["did not answer within 1 seconds"], {"NEWSTUI_FETCH_TIMEOUT": "1"}
    )
    assert time.monotonic() - start < 10  # the body alone would take over 40 s


@pytest.mark.parametrize("value", ["soon", "0", "-3", "nan", "inf"])
def test_bad_timeout_setting(db: Path, server: str, value: str) -> None:
    message = refused(
        db, f"{server}/page.html", [f"NEWSTUI_FETCH_TIMEOUT='{value}' is not a number of seconds"],
        {"NEWSTUI_FETCH_TIMEOUT": value},
    )  # fmt: skip
    assert "set it to a positive number" in message


@pytest.mark.parametrize("path", ["/big", "/big-unsized"])
def test_size_cap(db: Path, server: str, path: str) -> None:
    message = refused(
        db, f"{server}{path}", ["over the 2,000-byte limit"], {"NEWSTUI_MAX_BYTES": "2000"}
    )
    assert "raise NEWSTUI_MAX_BYTES" in message


def test_not_found(db: Path, server: str) -> None:
    refused(db, f"{server}/missing", [f"{server}/missing answered HTTP 404", "check the address"])


def test_connection_refused(db: Path) -> None:
    with socket.socket() as probe:  # a port that was free a moment ago: nothing listens there
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    refused(db, f"http://127.0.0.1:{port}/x.html", ["could not be fetched", "Connection refused"])


@pytest.mark.parametrize(
    "url",
    ["ftp://127.0.0.1/story.html", "file:///etc/passwd", "data:text/html,<p>hi</p>", "gopher://x/"],
)
def test_other_schemes_refused(db: Path, url: str) -> None:
    scheme = url.split(":")[0]
    refused(db, url, [f"{url} is a {scheme}: URL", "only http and https URLs are fetched"])


@pytest.mark.parametrize(("path", "target"), [("/to-passwd", "file:"), ("/to-ftp", "ftp:")])
def test_redirect_to_another_scheme_refused(db: Path, server: str, path: str, target: str) -> None:
    refused(db, f"{server}{path}", [f"redirects to {target}", "only http and https are fetched"])


def test_what_a_server_sends_is_made_safe(db: Path, server: str) -> None:
    """A hostile Location header or status reason is quoted without its escapes."""
    message = refused(db, f"{server}/to-evil", ["redirects to file:///etc/passwd"])
    assert "\x1b" not in message and "\x07" not in message
    message = refused(db, f"{server}/evil-reason", ["answered HTTP 500 Oops"])
    assert "\x1b" not in message


def test_binary_download_refused(db: Path, server: str) -> None:
    refused(db, f"{server}/binary", [f"{server}/binary is a PNG image, not text"])


def test_malformed_urls(db: Path) -> None:
    refused(db, "http://[::1/x", ["is not a valid URL", "check the address"])
    refused(db, "http://" + "a" * 300 + "/", ["is not a valid URL"])


@pytest.mark.parametrize("path", ["/drip-headers", "/hop/1"])
def test_the_fetch_timeout_bounds_the_whole_fetch(db: Path, server: str, path: str) -> None:
    """Headers dripped a byte at a time, or ten slow redirects, each kept every single wait within
    the socket timeout; the fetch as a whole ends within the timeout and one second."""
    start = time.monotonic()
    before = snapshot(db)
    added = run("add", "--db", str(db), f"{server}{path}", env={"NEWSTUI_FETCH_TIMEOUT": "1"})
    took = time.monotonic() - start
    assert added.exit_code == 1
    assert "did not answer within 1 seconds" in one_sentence(added.stderr)
    assert took < 2.0, took
    assert snapshot(db) == before


def test_a_download_cut_short_is_not_stored(db: Path, server: str) -> None:
    refused(db, f"{server}/cut-short", ["stopped after", "of 5,000 bytes", "nothing was stored"])
