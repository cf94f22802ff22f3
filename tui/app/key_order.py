"""Keys handled in the order they were typed, each after the one before has done its work.

Why: Textual hands a key to the focused widget's own queue and looks up the screen's bindings only
when the key bubbles back up, so the keys typed fast after `a` (or `l`, `D`, `/`) reached the list
below before the prompt they open was on screen: "/tmp/x" typed after `a` went to the list's filter
and the prompt was lost. Here the app holds each key until a marker posted behind the one before it
has bubbled back up (queues are first in, first out), so that key's binding has run and any screen
it opened takes the next key. A marker that never comes back is given up as soon as its widget is
gone (removed with its queue), else after `GIVE_UP_S` (a busy machine can take a while).
"""

from __future__ import annotations

import time
from collections import deque
from typing import TYPE_CHECKING

from textual import events
from textual.message import Message

if TYPE_CHECKING:
    from textual.app import App
    from textual.message_pump import MessagePump
    from textual.timer import Timer

GIVE_UP_S = 2.0
CHECK_S = 0.05


class KeyDone(Message):
    """Bubbles up behind a key: when the app sees it, that key has been handled."""

    def __init__(self, number: int) -> None:
        super().__init__()
        self.number = number


class KeyOrder:
    """The app's keys in flight: one at a time, the rest waiting in typed order."""

    def __init__(self, app: App) -> None:
        self.app = app
        self.waiting: deque[events.Key] = deque()
        self.number = 0
        self.busy = False
        self._timer: Timer | None = None
        self._target: MessagePump | None = None
        self._sent_at = 0.0

    def hold(self, key: events.Key) -> bool:
        """Keep a key for later when another is still in flight; True when it was kept."""
        if self.busy:
            self.waiting.append(key)
        return self.busy

    def sent(self, target: MessagePump) -> None:
        """A key was handed to `target`: post the marker behind it."""
        self.number += 1
        self.busy = True
        self._target, self._sent_at = target, time.monotonic()
        target.post_message(KeyDone(self.number))
        if self._timer is None:
            self._timer = self.app.set_interval(CHECK_S, self._check)

    async def done(self, message: KeyDone) -> None:
        """A marker came back: the next waiting key may go."""
        if message.number == self.number:
            await self._release()

    async def _check(self) -> None:
        """Give up on a marker whose widget is gone, or that is overdue."""
        target = self._target
        gone = target is None or not getattr(target, "is_attached", True)
        if self.busy and (gone or time.monotonic() - self._sent_at > GIVE_UP_S):
            await self._release()

    async def _release(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        self.busy, self._target = False, None
        while self.waiting and not self.busy:
            if not self.app.is_running or not self.app.screen_stack:
                self.waiting.clear()  # the app is closing: nothing takes keys now
                return
            await self.app.on_event(self.waiting.popleft())
