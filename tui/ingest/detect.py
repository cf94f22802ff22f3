"""Bytes -> safe text: refuse what is not text, find the encoding, and tell the input kind apart.

Encoding order: a BOM, strict UTF-8, the page's own `<meta charset>` / XML declaration, then
charset-normalizer, whose guess is only trusted for non-Latin scripts: for Latin text it often picks
an exotic code page. Then UTF-8 with a few invalid bytes (a cut-off download, a stray Windows-1252
quote pasted in), and last Windows-1252, which real-world non-UTF-8 Western text is (a superset of
Latin-1 for every printable character).
"""

from __future__ import annotations

import codecs
import json
import os
import re
import unicodedata

from tui.ingest.errors import IngestError
from tui.sanitize import clean_terminal_text

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
MAX_BYTES_ENV = "NEWSTUI_MAX_BYTES"

# Longest BOMs first: the UTF-32-LE BOM begins with the UTF-16-LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"%PDF-", "a PDF document"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"PK\x03\x04", "a zip archive"),
    (b"PK\x05\x06", "a zip archive"),
    (b"RIFF", "a RIFF media file"),
    (b"\x7fELF", "an executable"),
)
# Control bytes that ordinary text does contain: tab, newline, carriage return, form feed, ESC
# (ANSI colour codes in a terminal capture; they are stripped later, not refused).
_TEXT_CONTROLS = frozenset(b"\t\n\r\f\x1b")
_BINARY_CONTROLS = bytes(b for b in range(0x20) if b not in _TEXT_CONTROLS)
_CONTROL_SHARE_LIMIT = 0.05
_SNIFF_BYTES = 65536
_INVALID_PER_VALID_UTF8 = 2
_DECLARED = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)|<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9._:-]+)""",
    re.IGNORECASE,
)
# WHATWG: pages labelled Latin-1 or ASCII are decoded as Windows-1252.
_WINDOWS_1252_ALIASES = frozenset({"iso8859-1", "latin-1", "ascii", "cp1252", "windows-1252"})
_HTML_START = re.compile(
    r"<(?:!doctype\s+html|html|head|body|meta|title|article|main|div|p|h[1-6]|section|span|!--)\b",
    re.IGNORECASE,
)
_HTML_TAGS = re.compile(
    r"</(?:p|div|span|a|li|h[1-6]|article|section|td)>|<br\s*/?>", re.IGNORECASE
)
_MD_HEADING = re.compile(r"^#{1,6} \S", re.MULTILINE)
_MD_LINK = re.compile(r"!?\[[^\]\n]+\]\([^)\s]+\)")
_MD_OTHER = re.compile(r"^(?:```|> \S|[*+-] \S|\d+\. \S)|\*\*[^*\n]+\*\*", re.MULTILINE)


def max_bytes() -> int:
    """The input size cap: NEWSTUI_MAX_BYTES when set to a positive integer, else 20 MB."""
    value = os.environ.get(MAX_BYTES_ENV, "").strip()
    if not value:
        return DEFAULT_MAX_BYTES
    try:
        cap = int(value)
    except ValueError as exc:
        raise IngestError(
            f"{MAX_BYTES_ENV}={value!r} is not a number of bytes; set it to a positive integer."
        ) from exc
    return cap if cap > 0 else DEFAULT_MAX_BYTES


def refuse_unusable(data: bytes, origin: str) -> None:
    """Raise IngestError for input that is too big, empty, or binary."""
    cap = max_bytes()
    if len(data) > cap:
        raise IngestError(
            f"{origin} is {len(data):,} bytes, over the {cap:,}-byte limit; "
            f"split it or raise {MAX_BYTES_ENV}."
        )
    if not data.strip():
        raise IngestError(f"{origin} is empty; give a file or URL with article text in it.")
    if _bom_encoding(data):
        return
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise IngestError(f"{origin} is {what}, not text; give an HTML page or a text file.")
    sample = data[:_SNIFF_BYTES]
    if b"\x00" in sample:
        raise IngestError(
            f"{origin} contains NUL bytes, so it is binary data, not text; "
            "give an HTML page or a text file."
        )
    # Counted in C (bytes.translate deletes them), not byte by byte in Python: ~1 ms a page.
    controls = len(sample) - len(sample.translate(None, _BINARY_CONTROLS))
    if controls / len(sample) > _CONTROL_SHARE_LIMIT:
        raise IngestError(
            f"{origin} is mostly control bytes, so it looks binary, not text; "
            "give an HTML page or a text file."
        )


def decode(data: bytes, origin: str) -> tuple[str, str]:
    """Decode input bytes to terminal-safe text: (text, encoding name), or IngestError."""
    refuse_unusable(data, origin)
    text, encoding = _decode_text(data)
    text = clean_terminal_text(text.replace("\r\n", "\n").replace("\r", "\n"))
    if not text.strip():
        raise IngestError(f"{origin} has no visible text; give a file or URL with article text.")
    return text, encoding


def _bom_encoding(data: bytes) -> str | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    return None


def _decode_text(data: bytes) -> tuple[str, str]:
    """Try, in order: BOM, strict UTF-8, declared charset, then a guess (see module docstring)."""
    bom = _bom_encoding(data)
    if bom:
        text = data.decode(bom, errors="replace")
        return text.lstrip("\ufeff"), bom.replace("-sig", "")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    declared = _declared_encoding(data)
    if declared and declared != "utf-8":
        try:
            return data.decode(declared), declared
        except UnicodeDecodeError:
            pass
    return _guess(data)


def _mostly_utf8(data: bytes) -> str | None:
    """UTF-8 text with some invalid bytes, each read as Windows-1252; None unless UTF-8 dominates.

    Reading the whole input as Windows-1252 instead would turn every valid "é" into "Ã©", while
    Windows-1252 text almost never forms a valid multi-byte sequence (an accented capital followed
    by a symbol: "É”"), and its bytes that do not are still read as Windows-1252 here. So UTF-8 wins
    unless the invalid bytes clearly outnumber the valid characters (double-byte East Asian
    encodings form many accidental UTF-8 sequences, so `_guess` tries them first).
    """
    # A character cut off at the very end (a truncated download) is dropped, not read as "Ã".
    text = codecs.getincrementaldecoder("utf-8")("surrogateescape").decode(data, final=False)
    invalid = sum(1 for ch in text if "\udc80" <= ch <= "\udcff")
    valid = sum(1 for ch in text if ord(ch) > 127) - invalid
    if not valid or invalid > _INVALID_PER_VALID_UTF8 * valid:
        return None
    return "".join(_byte_as_western(ch) if "\udc80" <= ch <= "\udcff" else ch for ch in text)


def _byte_as_western(escaped: str) -> str:
    """An invalid byte (as surrogateescape left it) read as Windows-1252; U+FFFD if undefined."""
    byte = bytes([ord(escaped) - 0xDC00])
    try:
        return byte.decode("cp1252")
    except UnicodeDecodeError:
        return "\ufffd"


def _declared_encoding(data: bytes) -> str | None:
    """The encoding an HTML/XML page declares in its first 4 KB, normalised; None if unknown."""
    match = _DECLARED.search(data[:4096])
    if not match:
        return None
    label = (match.group(1) or match.group(2)).decode("ascii", errors="replace")
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    return "cp1252" if name in _WINDOWS_1252_ALIASES else name


def _guess(data: bytes) -> tuple[str, str]:
    """charset-normalizer for non-Latin scripts, mostly-UTF-8, else Windows-1252 (or Latin-1)."""
    from charset_normalizer import from_bytes

    western = _decode_western(data)
    best = from_bytes(data[:_SNIFF_BYTES]).best()
    if best is not None:
        guessed = codecs.lookup(best.encoding).name
        # UTF-16/32 without a BOM is only ever a guess from a few bytes (it would hold NUL bytes for
        # any Latin text, which are refused), so short Western text is not read as Chinese.
        if guessed not in _WINDOWS_1252_ALIASES and not guessed.startswith("utf-"):
            try:
                text = data.decode(guessed)
            except UnicodeDecodeError:
                text = ""
            if text and _mostly_non_latin(text):
                return text, guessed
    mostly_utf8 = _mostly_utf8(data)
    if mostly_utf8 is not None:
        return mostly_utf8, "utf-8"
    return western


def _decode_western(data: bytes) -> tuple[str, str]:
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        # Five bytes are undefined in Windows-1252; Latin-1 maps every byte.
        return data.decode("latin-1"), "latin-1"


def _mostly_non_latin(text: str) -> bool:
    """True when most non-ASCII letters of a text are outside the Latin script."""
    letters = [ch for ch in text if ord(ch) > 127 and ch.isalpha()]
    if not letters:
        return False
    latin = sum(1 for ch in letters if unicodedata.name(ch, "").startswith("LATIN"))
    return latin < len(letters) / 2


def detect_kind(text: str) -> str:
    """Guess the input kind: "html", "jsonl", "markdown" or "text"."""
    head = text.lstrip("\ufeff \t\n")[:4096]
    if head.startswith("<") and _HTML_START.match(head):
        return "html"
    if _looks_like_jsonl(head, text):
        return "jsonl"
    if len(_HTML_TAGS.findall(head)) >= 5:
        return "html"
    signals = 2 * len(_MD_HEADING.findall(head)) + len(_MD_LINK.findall(head))
    signals += len(_MD_OTHER.findall(head))
    if (_MD_HEADING.search(head) and signals >= 3) or signals >= 6:
        return "markdown"
    return "text"


def _looks_like_jsonl(head: str, text: str) -> bool:
    """JSON Lines (most first lines are objects, bad lines allowed) or one JSON object/array."""
    if head[:1] in ("{", "["):
        try:
            document = json.loads(text)
        except (json.JSONDecodeError, RecursionError):  # nested past Python's limit: not JSON Lines
            document = None
        if isinstance(document, dict):
            return True
        if isinstance(document, list):
            objects = sum(isinstance(item, dict) for item in document)
            return objects > 0 and objects * 2 >= len(document)
    if not head.startswith("{"):
        return False
    lines = [line.strip() for line in text.splitlines()[:20] if line.strip()]
    objects = 0
    for line in lines:
        if line.startswith("{") and line.endswith("}"):
            try:
                objects += isinstance(json.loads(line), dict)
            except (json.JSONDecodeError, RecursionError):
                continue
    return objects > 0 and objects * 2 >= len(lines)
