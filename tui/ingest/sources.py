"""Where input comes from: stdin, files, folders (recursively) and http(s) URLs, read as bytes.

URLs are fetched with urllib through an opener that only knows http and https (no file:, ftp:
or data: handlers), refuses redirects to any other scheme, and enforces a timeout
($NEWSTUI_FETCH_TIMEOUT seconds, 10 by default) and a size cap ($NEWSTUI_MAX_BYTES). A gzip or
deflate body is decompressed, under the same cap. Feeds (`tui.feeds.fetch`) add request headers
for conditional GETs; their `304 Not Modified` comes back as a Source with status 304 and no data.
"""

from __future__ import annotations

import http.client
import math
import os
import sys
import threading
import time
import urllib.error
import urllib.request
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO
from urllib.parse import urljoin, urlsplit

from tui.ingest.detect import max_bytes
from tui.ingest.errors import IngestError

FETCH_TIMEOUT = 10.0
FETCH_TIMEOUT_ENV = "NEWSTUI_FETCH_TIMEOUT"
SUFFIXES = frozenset({".html", ".htm", ".txt", ".md", ".markdown", ".jsonl", ".json"})
ALLOWED_SCHEMES = frozenset({"http", "https"})
USER_AGENT = "newstui/0.1 (terminal news reader)"
_CHUNK = 65536
DEADLINE_SLACK_S = 0.5  # past the fetch timeout, before a fetch still running is given up
_OPAQUE_SCHEMES = frozenset({"data", "file", "javascript", "mailto", "about", "blob"})


@dataclass(slots=True)
class Source:
    """One input's bytes, with where they came from (a path, a URL or "stdin")."""

    origin: str
    data: bytes
    url: str | None = None
    # For URLs: the HTTP status (304 only when asked conditionally) and the response headers,
    # names lower-cased.
    status: int = field(default=200, compare=False)
    headers: dict[str, str] = field(default_factory=dict, compare=False)
    # Where the URL has moved for good (every redirect on the way a 301 or 308), else None.
    moved_to: str | None = field(default=None, compare=False)


def iter_sources(
    specs: list[str],
    stdin: BinaryIO | None = None,
    *,
    timeout: float | None = None,
) -> Iterator[Source | IngestError]:
    """Each spec's Source(s) in order; a spec that cannot be read yields an IngestError instead.

    `timeout` (seconds per URL) defaults to `fetch_timeout()`.
    """
    for spec in specs:
        try:
            if not spec.strip():
                raise IngestError("An empty input name was given; name a file, folder or URL.")
            if spec == "-":
                yield read_stdin(stdin)
            elif _is_url(spec):
                yield fetch_url(spec, timeout=timeout)
            else:
                yield from read_path(Path(spec))
        except IngestError as exc:
            yield exc


def fetch_timeout() -> float:
    """Seconds a URL fetch may take: NEWSTUI_FETCH_TIMEOUT when set to a positive number, else 10."""
    value = os.environ.get(FETCH_TIMEOUT_ENV, "").strip()
    if not value:
        return FETCH_TIMEOUT
    try:
        seconds = float(value)
    except ValueError:
        seconds = math.nan
    if not (seconds > 0 and math.isfinite(seconds)):
        raise IngestError(
            f"{FETCH_TIMEOUT_ENV}={value!r} is not a number of seconds; set it to a positive "
            "number such as 10."
        )
    return seconds


def read_stdin(stdin: BinaryIO | None = None) -> Source:
    """Everything on standard input, to its end."""
    if stdin is None and sys.stdin is None:
        raise IngestError("There is no standard input to read for -; pipe text in or name a file.")
    stream = stdin if stdin is not None else sys.stdin.buffer
    cap = max_bytes()
    data = stream.read(cap + 1)
    if len(data) > cap:
        raise IngestError(
            f"Standard input is over the {cap:,}-byte limit; split it or raise NEWSTUI_MAX_BYTES."
        )
    return Source("stdin", data)


def read_path(path: Path) -> Iterator[Source | IngestError]:
    """A file's Source, or every article file under a folder (sorted, hidden files skipped)."""
    try:
        exists, is_dir = path.exists(), path.is_dir()
    except OSError as exc:  # a name too long for the file system, a loop of links ...
        raise _unreadable(path, exc) from exc
    if not exists:
        raise IngestError(f"{path} does not exist; check the path.")
    if is_dir:
        files = sorted(
            p
            for p in path.rglob("*")
            if p.is_file()
            and p.suffix.lower() in SUFFIXES
            and not any(part.startswith(".") for part in p.relative_to(path).parts)
        )
        if not files:
            raise IngestError(
                f"The folder {path} has no article files ({', '.join(sorted(SUFFIXES))}); "
                "check the path."
            )
        for file in files:
            try:
                yield read_file(file)
            except IngestError as exc:
                yield exc
        return
    yield read_file(path)


def read_file(path: Path) -> Source:
    """One file's bytes, refusing files over the size cap before reading them.

    At most cap + 1 bytes are read, so a device or a growing file (/dev/zero, a log) whose size
    `stat` does not tell is refused too rather than filling memory.
    """
    cap = max_bytes()
    try:
        size = path.stat().st_size
        if size > cap:
            raise _too_big(f"{path} is {size:,} bytes", cap)
        with path.open("rb") as fh:
            data = fh.read(cap + 1)
    except OSError as exc:
        raise _unreadable(path, exc) from exc
    if len(data) > cap:
        raise _too_big(f"{path} is more than {cap:,} bytes", cap)
    return Source(str(path), data)


def _too_big(what: str, cap: int) -> IngestError:
    return IngestError(f"{what}, over the {cap:,}-byte limit; split it or raise NEWSTUI_MAX_BYTES.")


def _unreadable(path: Path, exc: OSError) -> IngestError:
    return IngestError(f"{path} could not be read ({exc.strerror or exc}); check it.")


def _is_url(spec: str) -> bool:
    """True for "scheme://..." and the scheme-only URLs a user might paste (file:, data: ...)."""
    try:
        scheme = urlsplit(spec).scheme.lower()
    except ValueError:  # "http://[::1" and the like: a URL, if a malformed one
        return "://" in spec
    return bool(scheme) and ("://" in spec or scheme in _OPAQUE_SCHEMES)


class _HttpOnlyRedirects(urllib.request.HTTPRedirectHandler):
    """Follow redirects only to http and https URLs; remember each one's status code."""

    def __init__(self) -> None:
        super().__init__()
        self.codes: list[int] = []

    def http_error_302(self, req, fp, code, msg, headers):
        location = headers.get("location") or headers.get("uri")
        if location:
            _refuse_scheme(req.full_url, urljoin(req.full_url, location))
        return super().http_error_302(req, fp, code, msg, headers)

    http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        _refuse_scheme(req.full_url, newurl)
        self.codes.append(code)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _refuse_scheme(url: str, target: str) -> None:
    scheme = urlsplit(target).scheme.lower()
    if scheme not in ALLOWED_SCHEMES:
        raise IngestError(
            f"{url} redirects to {target}, a {scheme or 'scheme-less'} URL; "
            "only http and https are fetched."
        )


def _opener(redirects: _HttpOnlyRedirects | None = None) -> urllib.request.OpenerDirector:
    """An opener with http(s) handlers only: no file:, ftp: or data: access."""
    opener = urllib.request.OpenerDirector()
    for handler in (
        urllib.request.ProxyHandler(),
        urllib.request.HTTPHandler(),
        urllib.request.HTTPSHandler(),
        redirects or _HttpOnlyRedirects(),
        urllib.request.HTTPDefaultErrorHandler(),
        urllib.request.HTTPErrorProcessor(),
    ):
        opener.add_handler(handler)
    return opener


_PERMANENT = frozenset({301, 308})


def _moved_to(redirects: _HttpOnlyRedirects, final_url: str | None) -> str | None:
    """The URL a resource has moved to for good: where redirects led when every one was
    permanent (301, 308); None when there were none, or a temporary one among them."""
    if not redirects.codes or not final_url or not set(redirects.codes) <= _PERMANENT:
        return None
    return final_url


def fetch_url(
    url: str, *, timeout: float | None = None, headers: dict[str, str] | None = None
) -> Source:
    """GET an http(s) URL within `timeout` seconds (default `fetch_timeout()`) and the size cap.

    The timeout bounds each wait on the network and the body's download as a whole, so a server
    trickling bytes cannot hold newstui; any failure is an IngestError. `headers` are added to the
    request; when they make it conditional (If-None-Match, If-Modified-Since), a 304 answer is a
    Source with status 304 and no data rather than an error.
    """
    try:
        scheme = urlsplit(url).scheme.lower()
    except ValueError as exc:
        raise _invalid(url, exc) from exc
    if scheme not in ALLOWED_SCHEMES:
        raise IngestError(f"{url} is a {scheme}: URL; only http and https URLs are fetched.")
    if timeout is None:
        timeout = fetch_timeout()
    return _within_deadline(url, timeout, lambda: _fetch(url, timeout, headers))


_CANCELLED = [0]  # bumped by `cancel_fetches`: a fetch started before gives up


def cancel_fetches() -> None:
    """Give up every fetch in flight (the reader is closing: asyncio waits for its worker threads
    before the process can exit); fetches started afterwards are not affected."""
    _CANCELLED[0] += 1


def _within_deadline(url: str, timeout: float, fetch: Callable[[], Source]) -> Source:
    """Run a fetch in a thread and give up at the deadline, whatever the server does: a socket
    timeout bounds each wait, not the whole (headers dripped a byte at a time, or a chain of slow
    redirects, would each reset it). The thread is a daemon: a fetch given up on ends with its
    socket's own timeout, and never keeps newstui from exiting."""
    outcome: list[Source | BaseException] = []

    def run() -> None:
        try:
            outcome.append(fetch())
        except BaseException as exc:  # handed to the caller's thread below
            outcome.append(exc)

    worker = threading.Thread(target=run, name=f"fetch {url[:60]}", daemon=True)
    generation = _CANCELLED[0]
    worker.start()
    deadline = time.monotonic() + timeout + DEADLINE_SLACK_S
    while worker.is_alive() and time.monotonic() < deadline and _CANCELLED[0] == generation:
        worker.join(0.05)  # short waits: Ctrl+C and `cancel_fetches` are heard at once
    if not outcome and _CANCELLED[0] != generation:
        raise IngestError(f"The fetch of {url} was given up: newstui is closing.")
    if not outcome:
        raise _timeout(url, timeout)
    result = outcome[0]
    if isinstance(result, BaseException):
        raise result
    return result


def _fetch(url: str, timeout: float, headers: dict[str, str] | None) -> Source:
    """`fetch_url`'s work (in its own thread, see `_within_deadline`)."""
    cap = max_bytes()
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, **(headers or {})})
    deadline = time.monotonic() + timeout
    redirects = _HttpOnlyRedirects()
    try:
        with _opener(redirects).open(request, timeout=timeout) as response:
            length = response.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > cap:
                raise IngestError(
                    f"{url} is {int(length):,} bytes, over the {cap:,}-byte limit; "
                    "raise NEWSTUI_MAX_BYTES to fetch it."
                )
            chunks: list[bytes] = []
            total = received = 0
            inflate = _decompressor(response.headers.get("Content-Encoding"))
            # read1 returns what has arrived, so the deadline is checked as bytes trickle in.
            while chunk := response.read1(_CHUNK):
                received += len(chunk)
                if inflate is not None:
                    chunk = inflate.decompress(chunk, cap + 1 - total)
                    if inflate.unconsumed_tail:  # more than the cap would come out
                        total = cap
                total += len(chunk)
                if total > cap:
                    raise IngestError(
                        f"{url} is over the {cap:,}-byte limit; "
                        "raise NEWSTUI_MAX_BYTES to fetch it."
                    )
                if time.monotonic() > deadline:
                    raise TimeoutError
                chunks.append(chunk)
            if length and length.isdigit() and received < int(length):
                raise IngestError(
                    f"The download of {url} stopped after {received:,} of {int(length):,} bytes; "
                    "nothing was stored. Try again later."
                )
            found = {k.lower(): v for k, v in response.headers.items()}
            final = response.geturl()
            moved = _moved_to(redirects, final)
            return Source(url, b"".join(chunks), final, response.status, found, moved)
    except urllib.error.HTTPError as exc:
        if exc.code == 304 and _conditional(headers):
            found = {k.lower(): v for k, v in exc.headers.items()}
            final = exc.geturl() or url
            return Source(url, b"", final, 304, found, _moved_to(redirects, final))
        raise IngestError(
            f"{url} answered HTTP {exc.code} {exc.reason}; check the address."
        ) from exc
    except urllib.error.URLError as exc:
        if isinstance(exc.reason, TimeoutError):
            raise _timeout(url, timeout) from exc
        raise IngestError(
            f"{url} could not be fetched ({exc.reason}); check the address and the network."
        ) from exc
    except TimeoutError as exc:
        raise _timeout(url, timeout) from exc
    except (OSError, http.client.HTTPException) as exc:
        raise IngestError(f"{url} could not be fetched ({exc}); check the network.") from exc
    except zlib.error as exc:
        raise IngestError(
            f"{url} sent a damaged compressed body ({exc}); try again later."
        ) from exc
    except ValueError as exc:  # a malformed address (a bad IPv6 literal, a host label too long ...)
        raise _invalid(url, exc) from exc


def _conditional(headers: dict[str, str] | None) -> bool:
    names = {name.lower() for name in headers or {}}
    return bool(names & {"if-none-match", "if-modified-since"})


def _decompressor(encoding: str | None) -> zlib._Decompress | None:
    """A decompressor for a gzip or deflate body (some servers compress unasked), else None."""
    encoding = (encoding or "").strip().lower()
    if encoding in ("gzip", "x-gzip"):
        return zlib.decompressobj(16 + zlib.MAX_WBITS)
    if encoding == "deflate":  # zlib-wrapped, as the RFC says (32 + wbits: any zlib or gzip header)
        return zlib.decompressobj(32 + zlib.MAX_WBITS)
    return None


def _invalid(url: str, exc: ValueError) -> IngestError:
    return IngestError(f"{url} is not a valid URL ({exc}); check the address.")


def _timeout(url: str, timeout: float) -> IngestError:
    return IngestError(
        f"{url} did not answer within {timeout:g} seconds; try again later, raise "
        f"{FETCH_TIMEOUT_ENV}, or save the page and give its file."
    )
