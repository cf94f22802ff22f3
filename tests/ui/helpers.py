"""Read what the UI shows: the plain text of widgets and of the notifications on screen."""

from __future__ import annotations

import io

from rich.console import Console
from textual.app import App
from textual.widget import Widget
from textual.widgets import Static


def plain(renderable: object, width: int = 200) -> str:
    """Text, Content, a str or a Rich renderable (Table...) as the plain text a terminal shows."""
    if isinstance(renderable, str):
        return renderable
    if hasattr(renderable, "plain"):  # rich Text and Textual Content
        return renderable.plain
    console = Console(width=width, file=io.StringIO(), record=True, color_system=None)
    console.print(renderable, markup=False, highlight=False)
    return console.export_text()


def shown_text(widget: Widget) -> str:
    """The text a widget and the widgets inside it draw, in document order: the content of each
    Static, and every line of each line-based widget (one with `plain_lines()`, such as the reader),
    scrolled into view or not."""
    parts = []
    for shown in (widget, *widget.query("*")):
        if not shown.display:
            continue
        if isinstance(shown, Static):
            parts.append(plain(shown.content))
        elif callable(getattr(shown, "plain_lines", None)):
            parts.append("\n".join(shown.plain_lines()))
    return "\n".join(parts)


def flat(text: str) -> str:
    """Text with every run of whitespace made one space: wrapped lines read as one again."""
    return " ".join(text.split())


def notifications(app: App) -> list[str]:
    """The messages of the toasts currently on screen."""
    return [plain(toast.render()) for toast in app.screen.query("Toast")]


async def wait_until(pilot, condition, timeout_s: float = 20.0) -> None:
    """Let the app run until `condition()` holds; fail the test if it never does.

    For results that arrive from deferred workers (the "in N other articles" counts wait for the
    reader to paint): `workers.wait_for_complete()` alone returns at once when such a worker has
    not started yet, which a loaded CI machine makes likely.
    """
    import time

    deadline = time.monotonic() + timeout_s
    while not condition():
        assert time.monotonic() < deadline, f"still not true after {timeout_s} s"
        await pilot.pause()  # waits for the process to go idle; no fixed sleep
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
