"""Under TERM=linux the reader writes only what the Linux console's font can draw (code page 437),
each character standing for as many cells as it was laid out in."""

from __future__ import annotations

import shlex
import shutil
from pathlib import Path

import pytest
from rich.cells import cell_len

from tests.conftest import SAMPLES
from tests.test_terminal import NEWSTUI, terminal  # noqa: F401  (the fixture)
from tui.app.console_font import CP437, console_font_only, console_glyph, console_safe
from tui.ingest import ingest_bytes
from tui.model import Article
from tui.store import Store

# Every non-ASCII glyph newstui draws itself (tui/app), and the ones Textual draws for it.
APP_GLYPHS = "·…“”›—▌↔↓↑•„«–★●◆»⏎⭘"
TEXTUAL_GLYPHS = "╭╮╰╯━╸╺▔▁▏▕▊▎▉▂▃▅▆▇"


def drawable(text: str) -> bool:
    return all(c.isascii() or c in CP437 for c in text)


def test_console_font_only_is_chosen_by_term() -> None:
    assert console_font_only("linux") and console_font_only("linux-16color")
    assert not console_font_only("xterm-256color") and not console_font_only("screen.linux")


def test_every_glyph_the_app_draws_has_a_console_glyph() -> None:
    for glyph in APP_GLYPHS + TEXTUAL_GLYPHS:
        safe = console_glyph(glyph)
        assert drawable(safe) and len(safe) == 1, (glyph, safe)
    assert console_safe("╭─ Articles ─╮") == "┌─ Articles ─┐"
    assert console_safe("★ ● Lakeport › The Post · 3 May") == "* • Lakeport > The Post · 3 May"


def test_wide_and_unknown_characters_keep_their_cells() -> None:
    text = "東京 news 😀 Ωmega ✓ done\u200d"
    safe = console_safe(text)
    assert drawable(safe)
    assert len(safe) == cell_len(text)  # the console gives each character one cell
    assert console_safe("plain ASCII \x1b[1mbold\x1b[0m") == "plain ASCII \x1b[1mbold\x1b[0m"


@pytest.mark.tmux
@pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")
def test_term_linux_screen_and_help_use_only_console_glyphs(terminal, tmp_path: Path) -> None:  # noqa: F811
    db = tmp_path / "db.json"
    data = (SAMPLES / "harbour-strike.html").read_bytes()
    articles = [
        a for a in ingest_bytes(data, origin="harbour-strike.html") if isinstance(a, Article)
    ]
    Store(db).add_many(articles)
    t = terminal(f"TERM=linux {shlex.quote(str(NEWSTUI))} --db {shlex.quote(str(db))}", width=100)
    screen = t.wait_for("Articles")
    assert drawable(screen), sorted({c for c in screen if not drawable(c)})
    assert "┌" in screen  # the rounded corners became the font's own
    t.keys("?")
    screen = t.wait_for("Anywhere")
    assert drawable(screen), sorted({c for c in screen if not drawable(c)})
    assert "⏎" not in screen
    t.keys("Escape", "q")


def test_key_names_on_the_console_are_words_for_missing_symbols(monkeypatch, tmp_path) -> None:
    from textual.binding import Binding

    from tui.app.app import build_app

    app = build_app(Store(tmp_path / "db.json"), settings_path=tmp_path / "settings.toml")
    enter = Binding("enter", "select", "Open")
    assert app.get_key_display(enter) == "⏎"
    monkeypatch.setenv("TERM", "linux")
    assert app.get_key_display(enter) == "enter"
    assert app.get_key_display(Binding("question_mark", "help", "Help", key_display="?")) == "?"
