"""User settings: a small TOML file in the platform's config folder (key remaps, panel layout, theme,
model name, the feeds' auto-refresh interval). Read with tomllib; written back by a tiny writer,
since only flat values are kept.

Core module: no textual, no typer.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from tui.atomic_files import atomic_write

SIDE_WIDTH_DEFAULT = 42
SIDE_WIDTH_MIN = 24
SIDE_WIDTH_MAX = 80
REFRESH_MINUTES_MIN = 5
REFRESH_MINUTES_MAX = 1440  # a day


REMAPPABLE = (
    "list.star",
    "list.delete",
    "list.undo",
    "list.tags",
    "list.next_unread",
    "list.prev_unread",
    "list.sort",
    "list.toggle_read",
    "list.refresh_feed",
    "list.page",
    "screen.search",
    "screen.mark_all_read",
    "screen.add",
    "screen.reload",
    "screen.feeds",
    "screen.refresh_feeds",
    "reader.open_url",
    "reader.copy",
    "reader.links",
    "reader.set_date",
    "reader.find",
    "reader.find_next",
    "layout.toggle_side",
)
"""Binding ids the `[keys]` table can remap (their keys are in the help screen)."""


class SettingsError(Exception):
    """The settings file exists but cannot be read."""


def default_settings_path() -> Path:
    """`$NEWSTUI_CONFIG`, else `settings.toml` in the platform's user config folder."""
    explicit = os.environ.get("NEWSTUI_CONFIG")
    if explicit:
        return Path(explicit).expanduser()
    from platformdirs import user_config_dir

    return Path(user_config_dir("newstui")) / "settings.toml"


@dataclass(slots=True)
class Settings:
    """What the reader remembers between sessions."""

    theme: str = ""
    """A Textual theme name; empty keeps the default."""
    model: str = ""
    """A spaCy pipeline name (like `$NEWSTUI_MODEL`); empty keeps the default."""
    side_panel: bool = True
    """Whether the entities/timeline panel is shown."""
    side_width: int = SIDE_WIDTH_DEFAULT
    """The side panel's width in columns (wide terminals)."""
    sort: str = "added"
    """The article list's order: added, published, title or source."""
    refresh_minutes: int = 0
    """Refresh every feed this often while the reader runs; 0 is off (see `clamp_refresh`)."""
    keys: dict[str, str] = field(default_factory=dict)
    """Key remaps: binding id (see the help screen) -> keys, comma separated."""
    path: Path | None = None
    """Where these settings are saved; None keeps them in memory only."""

    @classmethod
    def load(cls, path: Path | None = None) -> Settings:
        """Settings from a TOML file; defaults when it does not exist."""
        path = path if path is not None else default_settings_path()
        settings = cls(path=path)
        if not path.exists():
            return settings
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            raise SettingsError(f"The settings file {path} cannot be read ({exc}).") from exc
        reader = data.get("reader", {})
        layout = data.get("layout", {})
        settings.theme = str(reader.get("theme", settings.theme))
        settings.model = str(reader.get("model", settings.model))
        settings.sort = str(reader.get("sort", settings.sort))
        settings.side_panel = bool(layout.get("side_panel", settings.side_panel))
        width = layout.get("side_width", settings.side_width)
        if isinstance(width, int):
            settings.side_width = clamp_width(width)
        feeds = data.get("feeds")
        minutes = feeds.get("refresh_minutes") if isinstance(feeds, dict) else None
        if isinstance(minutes, int) and not isinstance(minutes, bool):
            settings.refresh_minutes = clamp_refresh(minutes)
        settings.keys = {str(k): str(v) for k, v in data.get("keys", {}).items()}
        return settings

    def to_toml(self) -> str:
        """The settings as TOML text."""
        lines = [
            "# newstui settings. Key remaps: binding id = keys (comma separated), for example",
            '# "list.star" = "x". Ids: ' + " ".join(REMAPPABLE[:7]),
            *("#   " + " ".join(REMAPPABLE[i : i + 7]) for i in range(7, len(REMAPPABLE), 7)),
            "[reader]",
            f"theme = {_quote(self.theme)}",
            f"model = {_quote(self.model)}",
            f"sort = {_quote(self.sort)}",
            "",
            "[layout]",
            f"side_panel = {'true' if self.side_panel else 'false'}",
            f"side_width = {self.side_width}",
            "",
            "[feeds]",
            "# Refresh every feed this often (minutes) while newstui runs: 0 is off, else "
            f"{REFRESH_MINUTES_MIN} to {REFRESH_MINUTES_MAX}.",
            f"refresh_minutes = {self.refresh_minutes}",
            "",
            "[keys]",
            *(f"{_quote(k)} = {_quote(v)}" for k, v in sorted(self.keys.items())),
        ]
        return "\n".join(lines) + "\n"

    def save(self) -> None:
        """Write the settings to their file (atomically), creating its folder."""
        if self.path is None:
            return
        atomic_write(self.path, self.to_toml())  # the store's: fsynced, folder made


def clamp_width(width: int) -> int:
    """A side panel width within sensible bounds."""
    return max(SIDE_WIDTH_MIN, min(SIDE_WIDTH_MAX, width))


def clamp_refresh(minutes: int) -> int:
    """An auto-refresh interval: 0 (off) for zero or less, else within 5 minutes and a day (a
    feed polled every minute would be impolite)."""
    if minutes <= 0:
        return 0
    return max(REFRESH_MINUTES_MIN, min(REFRESH_MINUTES_MAX, minutes))


def _quote(value: str) -> str:
    """A TOML basic string."""
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    escaped = "".join(c if c.isprintable() else f"\\u{ord(c):04x}" for c in escaped)
    return f'"{escaped}"'
