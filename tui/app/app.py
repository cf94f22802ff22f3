"""The newstui Textual app and its one factory, `build_app`, used by the CLI and the tests.

Nothing heavy is imported here: spaCy and the NLP pipeline load inside the analysis worker.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from textual import events
from textual.app import App
from textual.binding import Binding, BindingType
from textual.content import Content

from tui.app.commands import ActionCommands, ArticleCommands
from tui.app.console_font import console_driver_class, console_font_only, console_safe
from tui.app.css_cache import use_css_cache
from tui.app.key_order import KeyDone, KeyOrder
from tui.app.palette import theme_variables
from tui.app.screens.reader import ReaderScreen
from tui.settings import Settings, SettingsError
from tui.store import Store

if TYPE_CHECKING:
    from textual.driver import Driver

GC_RESUME_S = 1.0
"""When the CLI paused the garbage collector for start-up, how long after mounting it resumes."""


CSS_SAVE_S = 1.0
"""When the parsed CSS is saved for the next start (after the first paint, off its path)."""


def resume_gc() -> None:
    """Turn the collector back on, leaving what start-up built out of later collections.

    `gc.freeze` moves every object alive now (the widgets, styles, the summary and option of each
    article) to a generation that is never scanned: at 10,000 articles each full collection
    otherwise took ~100 ms, a visible stall on whatever key was being handled. The price is that
    the little cyclic garbage start-up left is never reclaimed.
    """
    gc.freeze()
    gc.enable()


class NewsApp(App[None]):
    """Read stored articles with their entities and timeline."""

    CSS_PATH = "app.tcss"
    TITLE = "newstui"
    COMMANDS = App.COMMANDS | {ActionCommands, ArticleCommands}
    # Below 120 columns the side panel moves under the reader (see app.tcss).
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (120, "-wide")]  # noqa: RUF012 (typed by Textual)
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit"),
        # The main screen binds ? too; this one opens the help from the screens it opens.
        Binding("question_mark", "help", "Help", key_display="?"),
    ]
    before_input: Callable[[], None] | None = None
    """Run (once) before the next key or mouse event is handled: the main screen completes a list
    painted from the store's first-screen file, so no key acts on the first screen alone."""
    _readable: ClassVar[dict[str, dict[str, str]]] = {}
    """Readable variables by theme (`repr`), shared by every app in the process."""

    def __init__(
        self, store: Store, open_id: str | None = None, settings: Settings | None = None
    ) -> None:
        super().__init__()
        self.css_cache = use_css_cache(self.stylesheet)
        self.store = store
        self.open_id = open_id
        self.key_order = KeyOrder(self)
        self.settings_error: str | None = None
        if settings is None:
            try:
                settings = Settings.load()
            except SettingsError as exc:
                self.settings_error = str(exc)
                settings = Settings(path=None)  # a broken file is reported, never overwritten
        self.settings = settings
        if settings.model and not os.environ.get("NEWSTUI_MODEL"):
            # The NLP pipeline reads the model name from the environment (the CLI's convention).
            os.environ["NEWSTUI_MODEL"] = settings.model

    async def on_event(self, event: events.Event) -> None:
        """Keys one after another (see `tui.app.key_order`); every other event as Textual does."""
        if self.before_input is not None and isinstance(event, events.Key | events.MouseEvent):
            run, self.before_input = self.before_input, None
            run()
        if not isinstance(event, events.Key) or event.is_forwarded or not self.screen_stack:
            await super().on_event(event)
            return
        if self.key_order.hold(event):
            return
        target = self.focused or self.screen  # where Textual hands the key unless a priority
        await super().on_event(event)  # binding takes it first
        if event.is_forwarded:
            self.key_order.sent(target)

    def exit(self, *args: Any, **kwargs: Any) -> None:
        """Quit at once even while a worker fetches a URL: asyncio waits for worker threads before
        the process ends, so the fetches in flight are given up first."""
        from tui.ingest.sources import cancel_fetches

        cancel_fetches()
        super().exit(*args, **kwargs)

    async def on_key_done(self, message: KeyDone) -> None:
        await self.key_order.done(message)

    def get_css_variables(self) -> dict[str, str]:
        """The theme's variables, its text and mark colours made readable (see `palette`).

        Computed once per theme (Textual asks again on each CSS refresh; about a millisecond)."""
        variables = super().get_css_variables()
        theme = self.current_theme
        key = repr(theme)  # its name and every colour: a theme registered again is computed again
        readable = self._readable.get(key)
        if readable is None:
            readable = self._readable[key] = theme_variables(
                variables, ansi=theme.ansi, dark=theme.dark
            )
        variables.update(readable)
        self.theme_variables = variables
        return variables

    def format_title(self, title: str, sub_title: str) -> Content:
        """The header's "title — sub-title", the sub-title in `$text-muted` (Textual dims it,
        which on low-contrast themes took it below 4.5:1)."""
        if not sub_title:
            return Content(title)
        return Content(title) + Content(f" — {sub_title}").stylize("$text-muted")

    def action_help(self) -> None:
        """Show every key of the app, the current screen's marked."""
        from tui.app.screens.help import HelpScreen  # loaded when first used

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    def get_driver_class(self) -> type[Driver]:
        """Textual's driver; on the Linux console, one writing only the glyphs its font has."""
        driver = super().get_driver_class()
        return console_driver_class(driver) if console_font_only() else driver

    def get_key_display(self, binding: Binding) -> str:
        """Textual's key names; on the Linux console, with words for the symbols it lacks (⏎)."""
        display = super().get_key_display(binding)
        if console_font_only() and console_safe(display) != display:
            return binding.key.replace("_", " ")
        return display

    def get_default_screen(self) -> ReaderScreen:
        return ReaderScreen(self.store, self.open_id)

    def on_mount(self) -> None:
        """Apply the saved theme and key remaps, then remember theme changes."""
        if not gc.isenabled():  # the CLI paused it for start-up (see `open_reader_without_typer`)
            self.set_timer(GC_RESUME_S, resume_gc)
        self.set_timer(CSS_SAVE_S, self.css_cache.save)
        if self.settings.keys:
            self.set_keymap(self.settings.keys)
        if self.settings.theme:
            if self.settings.theme in self.available_themes:
                self.theme = self.settings.theme
            else:
                self.notify(
                    f"The theme {self.settings.theme!r} in the settings is unknown.",
                    severity="warning",
                    markup=False,
                )
        if self.settings_error:
            self.notify(self.settings_error, severity="error", timeout=10, markup=False)
        self.theme_changed_signal.subscribe(self, self._theme_changed)

    def _theme_changed(self, theme: object) -> None:
        name = getattr(theme, "name", "")
        if name and name != self.settings.theme:
            self.settings.theme = name
            try:
                self.settings.save()
            except OSError as exc:
                self.notify(f"The theme was not saved: {exc}", severity="warning", markup=False)


def build_app(
    store: Store,
    open_id: str | None = None,
    *,
    settings: Settings | None = None,
    settings_path: Path | None = None,
) -> NewsApp:
    """The app over a store, optionally opening one article at start.

    Settings come from `settings`, else the file at `settings_path`, else the user's config folder.
    """
    if settings is None and settings_path is not None:
        settings = Settings.load(settings_path)
    return NewsApp(store, open_id=open_id, settings=settings)
