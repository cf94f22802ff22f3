"""Decoding and kind detection: encodings, BOMs, binary and oversize refusal, terminal safety."""

from __future__ import annotations

import gzip
import json

import pytest

from tui.ingest.detect import DEFAULT_MAX_BYTES, decode, detect_kind, max_bytes
from tui.ingest.errors import IngestError

TEXT = "The mayor said “we did not take this lightly” at the café on Tuesday — twice."


def test_plain_utf8() -> None:
    text, encoding = decode(TEXT.encode("utf-8"), "a.txt")
    assert (text, encoding) == (TEXT, "utf-8")


def test_utf8_bom_is_removed() -> None:
    text, encoding = decode(b"\xef\xbb\xbf" + TEXT.encode("utf-8"), "a.txt")
    assert text == TEXT
    assert encoding == "utf-8"


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_boms(codec: str) -> None:
    bom = {"utf-16-le": b"\xff\xfe", "utf-16-be": b"\xfe\xff"}.get(codec, b"")
    text, encoding = decode(bom + TEXT.encode(codec), "a.txt")
    assert text == TEXT
    assert encoding.startswith(codec[:6])


def test_windows_1252_curly_quotes() -> None:
    data = "He said “hello” — it’s the café’s €5 special.".encode("cp1252")
    text, encoding = decode(data, "old.txt")
    assert text == "He said “hello” — it’s the café’s €5 special."
    assert encoding == "cp1252"


def test_latin1_e_acute() -> None:
    data = "Le café de la gare est fermé. Résumé: déjà vu à Montréal.".encode("latin-1")
    text, _ = decode(data, "fr.txt")
    assert text == "Le café de la gare est fermé. Résumé: déjà vu à Montréal."


def test_declared_meta_charset_is_used() -> None:
    html = '<html><head><meta charset="windows-1251"></head><body><p>Привет, мир</p></body></html>'
    text, encoding = decode(html.encode("cp1251"), "ru.html")
    assert "Привет, мир" in text
    assert encoding == "cp1251"


def test_xml_declaration_latin1_read_as_windows_1252() -> None:
    xml = '<?xml version="1.0" encoding="ISO-8859-1"?><html><p>“Déjà vu”</p></html>'
    text, encoding = decode(xml.encode("cp1252"), "old.xhtml")
    assert "<p>“Déjà vu”</p>" in text
    assert encoding == "cp1252"


def test_cyrillic_without_declaration_is_guessed() -> None:
    story = "Президент заявил во вторник, что переговоры продолжатся в следующем месяце. " * 5
    text, encoding = decode(story.encode("cp1251"), "ru.txt")
    assert text == story
    assert encoding != "cp1252"


def test_invalid_utf8_bytes_mixed_in() -> None:
    data = "Café opens at nine.".encode() + b" Price \x80 5 and \xe9t\xe9."
    text, encoding = decode(data, "mixed.txt")
    assert encoding in ("cp1252", "latin-1")
    assert "Price € 5 and été." in text


@pytest.mark.parametrize("data", [b"", b"   \n\t  \r\n", "\u3000\n".encode()])
def test_empty_and_whitespace_refused(data: bytes) -> None:
    with pytest.raises(IngestError, match=r"empty\.txt .*(empty|no visible text)"):
        decode(data, "empty.txt")


def test_nul_bytes_refused() -> None:
    with pytest.raises(IngestError, match="NUL bytes"):
        decode(b"Hello\x00world\x00" * 10, "data.bin")


@pytest.mark.parametrize(
    ("data", "what"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 40, "PNG"),
        (gzip.compress(b"hello world, this is text", mtime=0), "gzip"),
        (b"GIF89a\x01\x00\x01\x00", "GIF"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "PDF"),
        (b"PK\x03\x04\x14\x00\x00\x00", "zip"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG"),
    ],
)
def test_binary_formats_refused(data: bytes, what: str) -> None:
    with pytest.raises(IngestError, match=what) as info:
        decode(data, "picture.dat")
    assert "picture.dat" in str(info.value)


def test_control_bytes_refused() -> None:
    data = bytes(range(1, 9)) * 50 + b"some text"
    with pytest.raises(IngestError, match="control bytes"):
        decode(data, "noise.bin")


def test_oversize_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSTUI_MAX_BYTES", "1000")
    assert max_bytes() == 1000
    with pytest.raises(IngestError, match="over the 1,000-byte limit"):
        decode(b"a" * 1001, "big.txt")
    assert decode(b"a" * 1000, "ok.txt")[0] == "a" * 1000


def test_default_cap_and_bad_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NEWSTUI_MAX_BYTES", raising=False)
    assert max_bytes() == DEFAULT_MAX_BYTES == 20 * 1024 * 1024
    monkeypatch.setenv("NEWSTUI_MAX_BYTES", "lots")
    with pytest.raises(IngestError, match="NEWSTUI_MAX_BYTES"):
        max_bytes()


def test_escapes_and_controls_stripped_markup_kept() -> None:
    raw = (
        "Headline \x1b[31mred\x1b[0m here\n"
        "\x1b]8;;http://evil.example/\x07link\x1b]8;;\x07 and \x1b]0;pwned title\x07 done\r\n"
        "Rich [bold red]markup[/bold red] stays literal \u202eevil\u202c text\x07\x08."
    )
    text, _ = decode(raw.encode("utf-8"), "esc.txt")
    assert "\x1b" not in text and "\x07" not in text and "\r" not in text
    assert "\u202e" not in text and "\x08" not in text
    assert text.splitlines() == [
        "Headline red here",
        "link and  done",
        "Rich [bold red]markup[/bold red] stays literal evil text.",
    ]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("<!DOCTYPE html><html><body><p>Hi</p></body></html>", "html"),
        ("  \n<html lang='en'><head><title>x</title></head></html>", "html"),
        ("<p>Just a fragment.</p><p>Two.</p>", "html"),
        ("Intro line\n" + "<p>para</p>\n" * 6, "html"),
        (
            json.dumps({"title": "A", "text": "B"}) + "\n" + json.dumps({"html": "<p>C</p>"}),
            "jsonl",
        ),
        ('{"title": "A", "text": "B"}\nnot json at all\n{"text": "C"}\n', "jsonl"),
        ("# Title\n\nSome **bold** text and a [link](http://x.org).\n\n## Part two\n", "markdown"),
        ("The council voted on Tuesday.\n\nThe mayor said <no> comment.", "text"),
        ("{not json} but text", "text"),
        ('{\n  "title": "A",\n  "text": "B"\n}\n', "jsonl"),
        ('[\n {"text": "A"},\n {"text": "B"}\n]', "jsonl"),
        ("[1, 2, 3]", "text"),
    ],
)
def test_detect_kind(text: str, kind: str) -> None:
    assert detect_kind(text) == kind
