"""Command palette (ctrl+p) entries: the screen's actions, the open article's entities, and
"Open: <title>" for every stored article.

Titles and names are untrusted, so hits are shown as plain `Text` (the fuzzy matcher's
`highlight` would parse them as markup).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path

from rich.text import Text
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.screen import Screen

from tui.app.screens.main_screen import MainScreenBase
from tui.model import ArticleSummary
from tui.sanitize import clean_terminal_text

# (command, help, screen action) offered by the palette; the action runs on the main screen. The key
# that does the same is added to the help from the live bindings, so a `[keys]` remap shows.
SCREEN_ACTIONS = [
    ("Search article bodies", "list articles whose text has every word", "search"),
    ("Add a file, folder or URL", "read, analyze and store it in the background", "add"),
    ("Mark all read", "every listed article", "mark_all_read"),
    ("Reload the store", "show what other processes added or changed", "reload"),
    ("Feeds", "every feed with its unread count, status and last error", "feeds"),
    ("Refresh all feeds", "fetch and store their new items in the background", "refresh_feeds"),
    ("Find in article", "highlight words in the open article", "find"),
    ("Show entities", "the people, places and organizations named", "show_tab('entities')"),
    ("Show timeline", "the dated events of the open article", "show_tab('timeline')"),
    ("Show or hide the side panel", "remembered in the settings", "toggle_side"),
    ("Next unread article", "newsboat's n", "next_unread(1)"),
    ("Export article as Markdown", "writes newstui-ID.md in the current folder", "export"),
    ("Open in browser", "the open article's web address", "open_url"),
    ("Copy URL", "the open article's web address", "copy"),
    ("Links in the article", "open, copy or add one of its links", "links"),
    ("Set the publication date", "the open article's timeline is resolved again", "set_date"),
]


def bound_keys(screen: Screen) -> dict[str, str]:
    """Each action of the screen's live bindings with the key shown for it (the first bound)."""
    keys: dict[str, str] = {}
    for active in screen.active_bindings.values():
        keys.setdefault(active.binding.action, screen.app.get_key_display(active.binding))
    return keys


def export_markdown(screen: object, folder: Path | None = None) -> Path | None:
    """Write the open article as Markdown beside the user (cwd); returns the file written."""
    from tui.library.export import article_markdown

    article = getattr(screen, "article", None)
    report = getattr(screen, "report", None)
    if article is None:
        if report:
            report("Open an article first, then export it.", "", "warning")
        return None
    path = (folder or Path.cwd()) / f"newstui-{article.id}.md"
    try:
        path.write_text(article_markdown(article), encoding="utf-8")
    except OSError as exc:
        if report:
            report(f"Could not write {path}: {exc}")
        return None
    if report:
        report(f"Exported to {path}", "", "information")
    return path


class ActionCommands(Provider):
    """The main screen's actions, and the open article's entities (find them in the text)."""

    def _commands(self) -> list[tuple[str, str, Callable[[], object]]]:
        screen = self.screen
        if not isinstance(screen, MainScreenBase):
            return []
        commands: list[tuple[str, str, Callable[[], object]]] = []
        keys = bound_keys(screen)
        for name, help_text, action in SCREEN_ACTIONS:
            if action == "export":
                callback: Callable[[], object] = partial(export_markdown, screen)
            else:
                callback = partial(screen.run_action, action)
            key = keys.get(action)
            commands.append((name, f"{help_text} ({key})" if key else help_text, callback))
        article = getattr(screen, "article", None)
        for entity in article.entities if article is not None else []:
            name = clean_terminal_text(entity.name)
            commands.append(
                (
                    f"Go to entity: {name}",
                    f"{entity.type.lower()} · highlight its mentions",
                    partial(screen.find_in_article, entity.name),
                )
            )
        return commands

    async def discover(self) -> Hits:
        for name, help_text, callback in self._commands():
            if not name.startswith("Go to entity"):
                yield DiscoveryHit(Text(name), callback, text=name, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_text, callback in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, Text(name), callback, text=name, help=help_text)


class ArticleCommands(Provider):
    """Open any stored article by (fuzzy) title from the command palette."""

    def _summaries(self) -> list[ArticleSummary]:
        from tui.app.widgets.article_list import ArticleList

        lists = self.screen.query(ArticleList)
        return list(lists.first().summaries) if lists else []

    def _open(self, article_id: str) -> None:
        opener = getattr(self.screen, "open_article", None)
        if opener is not None:
            opener(article_id)

    async def discover(self) -> Hits:
        for summary in self._summaries()[:20]:
            title = clean_terminal_text(summary.title)
            yield DiscoveryHit(
                Text(f"Open: {title}"),
                partial(self._open, summary.id),
                text=f"Open: {title}",
                help=clean_terminal_text(summary.source or ""),
            )

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for summary in self._summaries():
            title = clean_terminal_text(summary.title)
            command = f"Open: {title}"
            score = matcher.match(command)
            if score > 0:
                yield Hit(
                    score,
                    Text(command),
                    partial(self._open, summary.id),
                    text=command,
                    help=clean_terminal_text(summary.source or ""),
                )
