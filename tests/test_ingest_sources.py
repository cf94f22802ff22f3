"""Input sources: stdin, files, folders, and URLs served by a real http.server on 127.0.0.1."""

from __future__ import annotations

import io
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tui.ingest import ingest_source
from tui.ingest.errors import IngestError
from tui.ingest.sources import Source, fetch_url, iter_sources

PAGE = (
    b"<html><head><title>Comet spotted</title></head><body><article><h1>Comet spotted</h1>"
    b"<p>Scientists at the northern observatory said on Monday they had found a new comet "
    b"moving towards the inner solar system at an unusual angle.</p>"
    b"<p>The comet should be visible with binoculars from late spring, the team said, and "
    b"amateur astronomers are already planning viewing nights across the region.</p>"
    b"</article></body></html>"
)
RELEASE = threading.Event()


class Handler(BaseHTTPRequestHandler):
    """Routes for each fetch case."""

    def log_message(self, format: str, *args: object) -> None:
        """Keep test output quiet."""

    def _send(self, code: int, body: bytes = b"", headers: dict[str, str] | None = None) -> None:
        self.send_response(code)
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        if "Content-Length" not in (headers or {}):
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        routes = {
            "/article.html": lambda: self._send(200, PAGE, {"Content-Type": "text/html"}),
            "/missing": lambda: self._send(404, b"no such page"),
            "/moved": lambda: self._send(302, headers={"Location": "/article.html"}),
            "/to-file": lambda: self._send(302, headers={"Location": "file:///etc/passwd"}),
            "/to-ftp": lambda: self._send(302, headers={"Location": "ftp://127.0.0.1/x.txt"}),
            "/big": lambda: self._send(200, b"a" * 5000),
            "/big-unsized": self._big_unsized,
            "/slow": self._slow,
        }
        routes.get(self.path, lambda: self._send(404))()

    def _big_unsized(self) -> None:
        """A body with no Content-Length, so only the read loop can catch its size."""
        self.send_response(200)
        self.send_header("Connection", "close")
        self.end_headers()
        for _ in range(10):
            self.wfile.write(b"b" * 1000)

    def _slow(self) -> None:
        RELEASE.wait(10)  # answers only after the client has given up
        self._send(200, PAGE)


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    RELEASE.set()
    httpd.shutdown()
    httpd.server_close()


def test_fetch_ok(server: str) -> None:
    source = fetch_url(f"{server}/article.html")
    assert source == Source(f"{server}/article.html", PAGE, f"{server}/article.html")
    [article] = ingest_source(source)
    assert article.title == "Comet spotted"
    assert article.url == f"{server}/article.html"
    assert article.raw_kind == "html"


def test_redirect_to_http_followed(server: str) -> None:
    source = fetch_url(f"{server}/moved")
    assert source.data == PAGE
    assert source.url == f"{server}/article.html"


def test_404(server: str) -> None:
    with pytest.raises(IngestError, match=r"/missing answered HTTP 404"):
        fetch_url(f"{server}/missing")


@pytest.mark.parametrize(("path", "scheme"), [("/to-file", "file"), ("/to-ftp", "ftp")])
def test_redirect_to_other_scheme_refused(server: str, path: str, scheme: str) -> None:
    with pytest.raises(IngestError, match=rf"redirects to {scheme}:.*only http and https"):
        fetch_url(f"{server}{path}")


@pytest.mark.parametrize(
    "url", ["file:///etc/passwd", "ftp://127.0.0.1/x", "data:text/plain,hi", "gopher://x/"]
)
def test_other_schemes_refused(url: str) -> None:
    errors = list(iter_sources([url]))
    assert len(errors) == 1 and isinstance(errors[0], IngestError)
    assert "only http and https" in str(errors[0])


@pytest.mark.parametrize("path", ["/big", "/big-unsized"])
def test_oversize_refused(server: str, path: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSTUI_MAX_BYTES", "2000")
    with pytest.raises(IngestError, match="over the 2,000-byte limit"):
        fetch_url(f"{server}{path}")


def test_timeout(server: str) -> None:
    with pytest.raises(IngestError, match=r"did not answer within 0.3 seconds"):
        fetch_url(f"{server}/slow", timeout=0.3)


def test_unreachable_host() -> None:
    # Port 9 on localhost: nothing listens there, so the connection is refused at once.
    with pytest.raises(IngestError, match="could not be fetched"):
        fetch_url("http://127.0.0.1:9/x", timeout=2)


def test_stdin_read_to_end() -> None:
    [source] = list(iter_sources(["-"], stdin=io.BytesIO(b"line one\n\nline two\n")))
    assert source == Source("stdin", b"line one\n\nline two\n", None)


def test_missing_path_named(tmp_path: Path) -> None:
    missing = tmp_path / "nope.html"
    [error] = list(iter_sources([str(missing)]))
    assert isinstance(error, IngestError)
    assert str(error) == f"{missing} does not exist; check the path."


def test_folder_recursion(tmp_path: Path) -> None:
    files = {
        "b.html": b"<p>b</p>",
        "a.txt": b"a",
        "sub/c.md": b"# c",
        "sub/deeper/d.jsonl": b'{"text": "d"}',
        "sub/e.json": b'{"text": "e"}',
        "sub/f.HTM": b"<p>f</p>",
        "sub/g.markdown": b"g",
        "image.png": b"\x89PNG",
        "notes.docx": b"PK",
        ".hidden.txt": b"hidden",
        ".git/config.txt": b"hidden",
        "sub/.cache/x.html": b"hidden",
    }
    for name, data in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    sources = list(iter_sources([str(tmp_path)]))
    assert all(isinstance(s, Source) for s in sources)
    names = [Path(s.origin).relative_to(tmp_path).as_posix() for s in sources]
    assert names == [
        "a.txt", "b.html", "sub/c.md", "sub/deeper/d.jsonl", "sub/e.json", "sub/f.HTM",
        "sub/g.markdown",
    ]  # fmt: skip
    assert sources[0].data == b"a"


def test_empty_folder_refused(tmp_path: Path) -> None:
    (tmp_path / "x.png").write_bytes(b"\x89PNG")
    [error] = list(iter_sources([str(tmp_path)]))
    assert isinstance(error, IngestError) and "has no article files" in str(error)


def test_oversize_file_refused_before_reading(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("NEWSTUI_MAX_BYTES", "10")
    path = tmp_path / "big.txt"
    path.write_bytes(b"x" * 11)
    [error] = list(iter_sources([str(path)]))
    assert isinstance(error, IngestError) and "over the 10-byte limit" in str(error)


def test_mixed_specs_keep_order(tmp_path: Path, server: str) -> None:
    path = tmp_path / "one.txt"
    path.write_bytes(b"one")
    results = list(
        iter_sources([str(path), f"{server}/missing", "-", f"{server}/article.html"],
                     stdin=io.BytesIO(b"from stdin"))
    )  # fmt: skip
    assert [type(r).__name__ for r in results] == ["Source", "IngestError", "Source", "Source"]
    assert results[2].data == b"from stdin" and results[3].data == PAGE


def test_ingest_source_turns_whole_input_failure_into_list() -> None:
    [error] = ingest_source(Source("blank.txt", b"   \n"))
    assert isinstance(error, IngestError) and "blank.txt is empty" in str(error)


def test_empty_spec_refused() -> None:
    [error] = list(iter_sources([""]))
    assert isinstance(error, IngestError) and "empty input name" in str(error)
