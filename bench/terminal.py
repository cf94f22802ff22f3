"""Run a program in a real pseudo-terminal and time until given text is painted on its screen."""

from __future__ import annotations

import fcntl
import os
import select
import signal
import struct
import subprocess
import termios
import time
from dataclasses import dataclass

COLUMNS, ROWS = 120, 40


@dataclass
class Painted:
    """When each marker first appeared, in seconds from the moment given as the start."""

    seconds: dict[str, float]
    output: bytes


def _make_controlling_terminal() -> None:
    """In the child: a new session whose controlling terminal is the pty (so /dev/tty works)."""
    os.setsid()
    fcntl.ioctl(1, termios.TIOCSCTTY, 0)


def _spawn(
    argv: list[str], env: dict[str, str] | None, pipe_stdin: bool, cwd: str | None = None
) -> tuple[subprocess.Popen[bytes], int]:
    """Start `argv` on a new 120x40 pty (its standard input a pipe if `pipe_stdin`); return the
    process and the pty's master side."""
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLUMNS, 0, 0))
    full_env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "", "LINES": "", **(env or {})}
    full_env = {k: v for k, v in full_env.items() if v}
    proc = subprocess.Popen(
        argv,
        stdin=subprocess.PIPE if pipe_stdin else slave,
        stdout=slave,
        stderr=slave,
        env=full_env,
        cwd=cwd,
        preexec_fn=_make_controlling_terminal,
    )
    os.close(slave)
    return proc, master


def _stop(proc: subprocess.Popen[bytes], master: int) -> None:
    proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(5)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
    os.close(master)


class Session:
    """An interactive program on a pty: type keys, and time until text is painted after them."""

    def __init__(
        self, argv: list[str], env: dict[str, str] | None = None, cwd: str | None = None
    ) -> None:
        self.argv = argv
        self.proc, self.master = _spawn(argv, env, False, cwd)
        self.output = b""
        self.sent_at = time.perf_counter()

    def __enter__(self) -> Session:
        return self

    def __exit__(self, *exc: object) -> None:
        _stop(self.proc, self.master)

    def _read(self, timeout: float) -> None:
        ready, _, _ = select.select([self.master], [], [], timeout)
        if not ready:
            return
        try:
            chunk = os.read(self.master, 65536)
        except OSError:
            chunk = b""
        if not chunk:
            tail = self.output[-2000:].decode(errors="replace")
            raise RuntimeError(f"{self.argv[0]} ended early:\n{tail}")
        self.output += chunk

    def wait_for(self, marker: str, timeout: float = 30.0) -> float:
        """Seconds from the last `send` (or the launch) until `marker` is in what was written since."""
        raw = marker.encode()
        while raw not in self.output:
            left = timeout - (time.perf_counter() - self.sent_at)
            if left <= 0:
                raise TimeoutError(f"{self.argv[0]}: {marker!r} not painted within {timeout} s")
            self._read(min(left, 0.5))
        return time.perf_counter() - self.sent_at

    def last_write(self, quiet_s: float = 0.06, limit_s: float = 5.0) -> float:
        """Seconds from the last `send` to the last write before the program fell quiet for
        `quiet_s`: when the screen was complete."""
        last = time.perf_counter()
        while time.perf_counter() - self.sent_at < limit_s:
            before = len(self.output)
            self._read(quiet_s)
            if len(self.output) == before:
                break
            last = time.perf_counter()
        return last - self.sent_at

    def settle(self, quiet_s: float = 0.3, limit_s: float = 5.0) -> None:
        """Read until the program has written nothing for `quiet_s` (at most `limit_s`)."""
        deadline = time.perf_counter() + limit_s
        while time.perf_counter() < deadline:
            before = len(self.output)
            self._read(quiet_s)
            if len(self.output) == before:
                return

    def send(self, keys: bytes) -> None:
        """Type `keys`; the output so far is forgotten and the clock of `wait_for` restarts."""
        self.output = b""
        self.sent_at = time.perf_counter()
        os.write(self.master, keys)


def run_until(
    argv: list[str],
    markers: list[str],
    *,
    env: dict[str, str] | None = None,
    stdin_data: bytes | None = None,
    timeout: float = 30.0,
) -> Painted:
    """Start `argv` on a 120x40 pty and wait until every marker was printed; then stop it.

    Times start at launch, or, with `stdin_data`, when its last byte was written and the pipe closed
    (the program is then reading a pipe, as in `cat page | newstui`).
    """
    start = time.perf_counter()
    proc, master = _spawn(argv, env, stdin_data is not None)
    if stdin_data is not None:
        assert proc.stdin is not None
        proc.stdin.write(stdin_data)
        proc.stdin.close()
        start = time.perf_counter()
    seen: dict[str, float] = {}
    output = b""
    wanted = {m: m.encode() for m in markers}
    try:
        while len(seen) < len(markers):
            left = timeout - (time.perf_counter() - start)
            if left <= 0:
                missing = [m for m in markers if m not in seen]
                raise TimeoutError(f"{argv[0]}: {missing} not painted within {timeout} s")
            ready, _, _ = select.select([master], [], [], min(left, 0.5))
            if not ready:
                continue
            try:
                chunk = os.read(master, 65536)
            except OSError:  # the program ended and the pty closed
                chunk = b""
            if not chunk:
                raise RuntimeError(
                    f"{argv[0]} ended early:\n{output[-2000:].decode(errors='replace')}"
                )
            output += chunk
            now = time.perf_counter() - start
            for marker, raw in wanted.items():
                if marker not in seen and raw in output:
                    seen[marker] = now
    finally:
        _stop(proc, master)
    return Painted(seen, output)
