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
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLUMNS, 0, 0))
    full_env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "", "LINES": "", **(env or {})}
    full_env = {k: v for k, v in full_env.items() if v}
    start = time.perf_counter()
    proc = subprocess.Popen(
        argv,
        stdin=subprocess.PIPE if stdin_data is not None else slave,
        stdout=slave,
        stderr=slave,
        env=full_env,
        preexec_fn=_make_controlling_terminal,
    )
    os.close(slave)
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
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        os.close(master)
    return Painted(seen, output)
