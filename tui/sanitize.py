"""Make untrusted article text safe to show in a terminal: no escapes, no control or bidi characters."""

from __future__ import annotations

import re

# ESC-introduced sequences: CSI (ESC [ ... final), OSC (ESC ] ... BEL or ST), other 2-char escapes;
# and the 8-bit CSI (U+009B). An unterminated string sequence (OSC, DCS ...) ends at the line's end,
# and the 8-bit string introducers (U+009D OSC, U+0090 DCS ...) are removed alone with the other C1
# controls: the introducer is what a terminal acts on, and swallowing the text after it would drop
# a whole article after one stray byte (a UTF-8 "”" misread as Latin-1 holds U+009D).
_ESCAPES = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]"  # CSI
    r"|\x1b\][^\n]*?(?:\x07|\x1b\\|\x9c|(?=\n)|$)"  # OSC, up to BEL/ST or the line's end
    r"|\x1b[PX^_][^\n]*?(?:\x1b\\|\x9c|(?=\n)|$)"  # DCS, SOS, PM, APC strings
    r"|\x1b[@-Z\\-_]?",  # any other ESC (and a lone ESC)
)
# C0 controls except tab and newline, DEL, C1 controls, and the bidi embedding/override/isolate marks.
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")


def clean_terminal_text(text: str) -> str:
    """Strip escape sequences, control characters and bidi overrides; keep tabs and newlines."""
    # Every escape sequence starts with a control character (ESC or CSI), so text with none has
    # nothing to strip; one scan for them is much cheaper than the escape pattern (~3 ms a page).
    if not text or not _CONTROLS.search(text):
        return text
    return _CONTROLS.sub("", _ESCAPES.sub("", text))


def one_line(text: str) -> str:
    """Terminal-safe text on one line: escapes stripped and every run of whitespace one space."""
    return " ".join(clean_terminal_text(text).split())


def browser_url(url: str | None) -> str | None:
    """`url` when it is safe to hand to a web browser: an absolute http(s) address without spaces
    or control characters (so never `file:`, `javascript:`, `data:`, nor a value the browser's
    command line would take as an option); else None."""
    from urllib.parse import urlsplit

    if not url or url != clean_terminal_text(url) or any(c.isspace() for c in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return url
