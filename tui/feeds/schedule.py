"""Bounded, polite concurrency for HTTP requests: at most `total` at once and `per_host` to any one
host, on threads (the work is waiting on the network). A request's follow-ups (an item's page after
its feed was read) join the queue as it finishes."""

from __future__ import annotations

from collections import Counter, deque
from collections.abc import Callable, Iterable
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass
from urllib.parse import urlsplit

TOTAL_REQUESTS = 8
PER_HOST = 3


@dataclass(slots=True)
class Request:
    """One request: `run` does it (and must not raise), `then` returns the requests it leads to."""

    url: str
    run: Callable[[], None]
    then: Callable[[], Iterable[Request]] = lambda: ()

    @property
    def host(self) -> str:
        try:
            return (urlsplit(self.url).hostname or "").lower()
        except ValueError:
            return ""


def run_requests(
    first: Iterable[Request],
    *,
    total: int = TOTAL_REQUESTS,
    per_host: int = PER_HOST,
    done: Callable[[int, int], None] | None = None,
) -> None:
    """Run the requests and their follow-ups, each host's in order; `done(finished, known)` after
    each one. Returns when every request has run."""
    queues: dict[str, deque[Request]] = {}
    busy: Counter[str] = Counter()
    running: dict[Future[None], Request] = {}
    known = finished = 0

    def enqueue(requests: Iterable[Request]) -> None:
        nonlocal known
        for request in requests:
            queues.setdefault(request.host, deque()).append(request)
            known += 1

    enqueue(first)
    with ThreadPoolExecutor(max_workers=total, thread_name_prefix="newstui-fetch") as pool:
        while queues or running:
            for host in list(queues):
                queue = queues[host]
                while queue and busy[host] < per_host and len(running) < total:
                    request = queue.popleft()
                    running[pool.submit(request.run)] = request
                    busy[host] += 1
                if not queue:
                    del queues[host]
            finished_now, _ = wait(running, return_when=FIRST_COMPLETED)
            for future in finished_now:
                request = running.pop(future)
                busy[request.host] -= 1
                future.result()  # `run` catches what it expects; anything else is a bug: raise
                enqueue(request.then())
                finished += 1
                if done:
                    done(finished, known)
