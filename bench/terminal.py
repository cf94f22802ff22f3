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


class Session:
    """A program on a pty: type keys, and time until text is painted after them.

    The clock starts at launch, or, with `stdin_data`, when its last byte was written and the pipe
    closed (the program then reads a pipe, as in `cat page | newstui`); `send` restarts it.
    """

    def __init__(
        self,
        argv: list[str],
        env: dict[str, str] | None = None,
        cwd: str | None = None,
        stdin_data: bytes | None = None,
    ) -> None:
        self.argv = argv
        self.output = b""
        self.sent_at = time.perf_counter()
        self.proc, self.master = _spawn(argv, env, stdin_data is not None, cwd)
        if stdin_data is not None:
            assert self.proc.stdin is not None
            self.proc.stdin.write(stdin_data)
            self.proc.stdin.close()
            self.sent_at = time.perf_counter()

    def __enter__(self) -> Session:
        return self

    def __exit__(self, *exc: object) -> None:
        self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(5)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        os.close(self.master)

    def _read(self, timeout: float) -> bool:
        """Add what the program writes within `timeout` to `output`; False if it wrote nothing."""
        ready, _, _ = select.select([self.master], [], [], timeout)
        if not ready:
            return False
        try:
            chunk = os.read(self.master, 65536)
        except OSError:  # the program ended and the pty closed
            chunk = b""
        if not chunk:
            tail = self.output[-2000:].decode(errors="replace")
            raise RuntimeError(f"{self.argv[0]} ended early:\n{tail}")
        self.output += chunk
        return True

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
        """Read until the program is quiet for `quiet_s` (at most `limit_s` from now); return the
        seconds from the last `send` to its last write: when the screen was complete."""
        last = time.perf_counter()
        deadline = last + limit_s
        while time.perf_counter() < deadline and self._read(quiet_s):
            last = time.perf_counter()
        return last - self.sent_at

    def settle(self, quiet_s: float = 0.3, limit_s: float = 5.0) -> None:
        """Read until the program has written nothing for `quiet_s` (at most `limit_s`)."""
        self.last_write(quiet_s, limit_s)

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
    cwd: str | None = None,
) -> Painted:
    """Start `argv` on a 120x40 pty and wait until every marker was printed; then stop it.

    Times start at launch, or, with `stdin_data`, when its last byte was written and the pipe closed.
    """
    seen: dict[str, float] = {}
    with Session(argv, env=env, stdin_data=stdin_data, cwd=cwd) as session:
        while len(seen) < len(markers):
            left = timeout - (time.perf_counter() - session.sent_at)
            if left <= 0:
                missing = [m for m in markers if m not in seen]
                raise TimeoutError(f"{argv[0]}: {missing} not painted within {timeout} s")
            session._read(min(left, 0.5))
            now = time.perf_counter() - session.sent_at
            for marker in markers:
                if marker not in seen and marker.encode() in session.output:
                    seen[marker] = now
        return Painted(seen, session.output)
