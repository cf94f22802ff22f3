"""The reader on the Linux console (TERM=linux), whose font holds only code page 437's glyphs.

The console draws any other character as a blank or a diamond: the rounded corners, heavy rules
and eighth blocks of Textual's borders, tabs and scroll bars, and the app's own marks (★ ● ◆ › …
⏎). And it gives every character one cell, so a wide (CJK, emoji) character, laid out as two,
shifts the rest of its line. Under TERM=linux every character written to the terminal is made
one the font has: the nearest console glyph (╭ → ┌, ━ → ─, ● → •), an ASCII stand-in
(★ → *, › → >, “ → "), else `?` for each cell the character takes, so the layout holds.

Escape sequences are ASCII, so translating the output stream leaves them alone.
"""

from __future__ import annotations

import os
import re
from functools import lru_cache

from rich.cells import cell_len

# Code page 437's glyphs (the kernel's default console font): its upper half as Python decodes
# it, and the pictures its control positions show on the console (☺ ♦ • ↑ ↓ ...).
CP437 = frozenset(bytes(range(0x80, 0x100)).decode("cp437") + "☺☻♥♦♣♠•◘○◙♂♀♪♫☼►◄↕‼¶§▬↨↑↓→←∟↔▲▼⌂")

# One cell for one cell: the nearest glyph the console font has.
FALLBACK = {
    **dict.fromkeys("╭┏┍┎╒", "┌"),
    **dict.fromkeys("╮┓┑┒╕", "┐"),
    **dict.fromkeys("╰┗┕┖╘", "└"),
    **dict.fromkeys("╯┛┙┚╛", "┘"),
    **dict.fromkeys("━╸╺╼╾┄┅┈┉╌╍▔▁", "─"),
    **dict.fromkeys("┃╹╻╽╿┆┇┊┋╎╏▏▕", "│"),
    **dict.fromkeys("┣┝┞┟┠┡┢", "├"),
    **dict.fromkeys("┫┥┦┧┨┩┪", "┤"),
    **dict.fromkeys("┳┯┰┱┲", "┬"),
    **dict.fromkeys("┻┷┸┹┺", "┴"),
    **dict.fromkeys("╋┿╀╁╂╃╄╅╆╇╈╉╊", "┼"),
    **dict.fromkeys("▎▍▋", "▌"),
    **dict.fromkeys("▊▉▛▜▙▟▇▆▅", "█"),
    **dict.fromkeys("▂▃", "▄"),
    **dict.fromkeys("▘▝", "▀"),
    **dict.fromkeys("▖▗", "▄"),
    **dict.fromkeys("●⬤◉", "•"),
    **dict.fromkeys("◆◇♢", "♦"),
    **dict.fromkeys("★☆✱✶", "*"),
    "›": ">",
    **dict.fromkeys("‹", "<"),
    **dict.fromkeys("—–‒―−", "-"),
    **dict.fromkeys("“”„‟″", '"'),
    **dict.fromkeys("‘’‚‛′", "'"),
    "…": "~",  # the font has no ellipsis; "." would read as the end of a sentence
    "⭘": "o",
    "⏎": "<",
    "✓": "v",
    "✔": "v",
    "✗": "x",
    "✘": "x",
    "\u00a0": " ",
}

_NOT_ASCII = re.compile(r"[^\x00-\x7f]")


def console_font_only(term: str | None = None) -> bool:
    """Whether the terminal is the Linux console (TERM=linux, linux-16color...)."""
    term = os.environ.get("TERM", "") if term is None else term
    return term.split("-")[0] == "linux"


@lru_cache(maxsize=4096)
def console_glyph(char: str) -> str:
    """`char` as the console draws it: itself, its stand-in, else `?` for each cell it takes."""
    if char in CP437:
        return char
    if char in FALLBACK:
        return FALLBACK[char]
    width = cell_len(char)
    return "?" * width if width else ""  # a combining mark or a zero-width joiner: nothing


def console_safe(text: str) -> str:
    """Text with every character the console font lacks replaced (ASCII passes untouched)."""
    if text.isascii():
        return text
    return _NOT_ASCII.sub(lambda match: console_glyph(match.group()), text)


def console_driver_class(base: type) -> type:
    """A subclass of Textual's terminal driver that writes only the console font's glyphs."""

    class ConsoleFontDriver(base):
        def write(self, data: str) -> None:
            super().write(console_safe(data))

    return ConsoleFontDriver
