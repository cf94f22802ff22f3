"""Make untrusted article text safe to show in a terminal: no escapes, no control or bidi characters."""

from __future__ import annotations

import re

# ESC-introduced sequences: CSI (ESC [ ... final), OSC (ESC ] ... BEL or ST), other 2-char escapes;
# and their 8-bit C1 forms (CSI = U+009B, OSC = U+009D).
_ESCAPES = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]"  # CSI
    r"|(?:\x1b\]|\x9d).*?(?:\x07|\x1b\\|\x9c|$)"  # OSC, up to BEL/ST or end of text
    r"|\x1b[PX^_].*?(?:\x1b\\|\x9c|$)"  # DCS, SOS, PM, APC strings
    r"|\x1b[@-Z\\-_]?",  # any other ESC (and a lone ESC)
    re.DOTALL,
)
# C0 controls except tab and newline, DEL, C1 controls, and the bidi embedding/override/isolate marks.
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")


def clean_terminal_text(text: str) -> str:
    """Strip escape sequences, control characters and bidi overrides; keep tabs and newlines."""
    if not text:
        return text
    return _CONTROLS.sub("", _ESCAPES.sub("", text))
