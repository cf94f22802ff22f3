"""Hostile and broken inputs through the real `newstui` command, on a real store under tmp_path.

Each refused input must give one sentence on stderr (what, which input, what to do), a non-zero exit,
and leave the store byte for byte as it was; each odd-but-valid input must be stored and read right.
"""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.conftest import SAMPLES
from tui.cli.commands import app
from tui.ingest.detect import DEFAULT_MAX_BYTES

runner = CliRunner()
STORY = (
    "The harbour council of Lakeport voted on Tuesday to repair the old swing bridge before the "
    "winter storms, after engineers warned that its hinges could fail.\n\n"
    "“We did not take this lightly,” said the mayor, Dana Holt, at a café beside the water. "
    "The repairs will cost about four million dollars and close the bridge for six weeks.\n\n"
    "Residents who cross it each day to reach the market said they would take the ferry instead, "
    "and the ferry company promised extra sailings from next Monday.\n"
)
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4


def run(*args: str, input: bytes | None = None, env: dict[str, str] | None = None):
    return runner.invoke(app, list(args), input=input, env=env, catch_exceptions=False)


def snapshot(db: Path) -> dict[str, bytes]:
    """The store file and every file under its articles folder, by name."""
    files = {db.name: db.read_bytes()}
    folder = db.with_name(db.stem + ".articles")
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            files[str(path.relative_to(db.parent))] = path.read_bytes()
    return files


@pytest.fixture
def db(db_path: Path) -> Path:
    """A store holding one article already, so there is something to keep intact."""
    result = run("add", "--db", str(db_path), str(SAMPLES / "council-budget.txt"))
    assert result.exit_code == 0, result.output
    return db_path


def one_sentence(stderr: str) -> str:
    """The single stderr line `newstui: ...`, checked to be one sentence ending in a full stop."""
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    (line,) = lines
    assert line.startswith("newstui: ") and line.endswith("."), line
    assert "Traceback" not in line
    return line


def refused(db: Path, args: list[str], data: bytes | None, expected: list[str]) -> str:
    """Run `add` and `analyze --json` on a refused input; check the message, exit and store."""
    before = snapshot(db)
    added = run("add", "--db", str(db), *args, input=data)
    assert added.exit_code != 0
    assert added.stdout == ""
    message = one_sentence(added.stderr)
    for part in expected:
        assert part in message, message
    assert snapshot(db) == before

    analyzed = run("analyze", *args, "--json", input=data)
    assert analyzed.exit_code == 1
    assert one_sentence(analyzed.stderr) == message
    (obj,) = [json.loads(line) for line in analyzed.stdout.splitlines()]
    assert obj == {"error": message.removeprefix("newstui: ")}
    return message


REFUSED_STDIN = {
    "empty": (b"", ["stdin is empty", "give a file or URL"]),
    "whitespace": (b"  \n\t\r\n   \n", ["stdin is empty"]),
    "png": (PNG, ["stdin is a PNG image, not text", "give an HTML page or a text file"]),
    "gzip": (gzip.compress(STORY.encode()), ["stdin is gzip-compressed data, not text"]),
    "nul": (STORY.encode()[:200] + b"\x00\x00" + STORY.encode()[200:], ["contains NUL bytes"]),
    "controls": (bytes(range(1, 9)) * 100 + STORY.encode(), ["mostly control bytes"]),
    "no-body": (
        b"<!doctype html><html><head><title>Only a head</title></head></html>",
        ["The HTML page stdin has no article text", "pass it with --format text"],
    ),
    "empty-body": (b"<html><body>\n</body></html>", ["stdin has no article text"]),
    "escapes-only": (b"\x1b[2J\x1b[31m\x1b]0;title\x07\n", ["stdin has no visible text"]),
}


@pytest.mark.parametrize("case", list(REFUSED_STDIN))
def test_refused_on_stdin(db: Path, case: str) -> None:
    data, expected = REFUSED_STDIN[case]
    refused(db, ["-"], data, expected)


def test_binary_file_named_in_the_message(db: Path, tmp_path: Path) -> None:
    photo = tmp_path / "photo.png"
    photo.write_bytes(PNG)
    refused(db, [str(photo)], None, [f"{photo} is a PNG image, not text"])


def test_fifty_megabyte_page_refused_quickly_with_the_setting_to_raise(
    db: Path, tmp_path: Path
) -> None:
    paragraph = b"<p>" + STORY.split("\n")[0].encode() + b"</p>\n"
    page = tmp_path / "huge.html"
    with page.open("wb") as fh:
        fh.write(b"<!doctype html><html><head><title>Huge</title></head><body><article>")
        fh.write(paragraph * (50 * 1024 * 1024 // len(paragraph) + 1))
        fh.write(b"</article></body></html>")
    assert page.stat().st_size > 50 * 1024 * 1024 > DEFAULT_MAX_BYTES

    start = time.monotonic()
    message = refused(db, [str(page)], None, [f"{page} is 52,", "over the 20,971,520-byte limit"])
    assert "raise NEWSTUI_MAX_BYTES" in message

    data = page.read_bytes()
    message = refused(db, ["-"], data, ["Standard input is over the 20,971,520-byte limit"])
    assert "raise NEWSTUI_MAX_BYTES" in message
    assert time.monotonic() - start < 30  # refused by size, never parsed


def test_size_cap_is_configurable(db: Path, tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    env = {"NEWSTUI_MAX_BYTES": "100"}
    before = snapshot(db)
    result = run("add", "--db", str(db), str(story), env=env)
    assert result.exit_code == 1
    assert "over the 100-byte limit; split it or raise NEWSTUI_MAX_BYTES" in result.stderr
    bad = run("add", "--db", str(db), str(story), env={"NEWSTUI_MAX_BYTES": "lots"})
    assert bad.exit_code == 1
    assert one_sentence(bad.stderr) == (
        "newstui: NEWSTUI_MAX_BYTES='lots' is not a number of bytes; set it to a positive integer."
    )
    assert snapshot(db) == before


def stored(db: Path, args: list[str], data: bytes | None = None) -> dict:
    """Run `add`, expect one new id, and return the article as `show --json` gives it."""
    result = run("add", "--db", str(db), *args, input=data)
    assert result.exit_code == 0, result.output
    (article_id,) = result.stdout.split()
    shown = run("show", "--db", str(db), article_id, "--json")
    assert shown.exit_code == 0
    return json.loads(shown.stdout)


def test_one_megabyte_single_line_is_stored_in_bounded_time(db: Path, tmp_path: Path) -> None:
    """A minified page: 1 MB on one line, mostly script, style and navigation around a story."""
    script = "<script>var data=" + json.dumps(["x" * 60] * 14000) + ";</script>"
    nav = "".join(f'<li><a href="/section/{n}">Section {n}</a></li>' for n in range(2000))
    body = "".join(f"<p>{p.strip()}</p>" for p in STORY.split("\n\n"))
    page = (
        f"<!doctype html><html><head><title>Bridge to close for repairs</title>{script}"
        f"<style>{'.c{color:red}' * 5000}</style></head><body><nav><ul>{nav}</ul></nav>"
        f"<article><h1>Bridge to close for repairs</h1>{body}</article></body></html>"
    )
    assert len(page) > 1_000_000 and "\n" not in page
    path = tmp_path / "minified.html"
    path.write_text(page, encoding="utf-8")
    start = time.monotonic()
    article = stored(db, [str(path)])
    assert time.monotonic() - start < 60
    assert article["title"] == "Bridge to close for repairs"
    assert article["paragraphs"][0].startswith("The harbour council of Lakeport voted on Tuesday")
    assert not any("Section 1" in p or "var data" in p for p in article["paragraphs"])


def test_one_megabyte_text_line_is_stored_in_bounded_time(db: Path, tmp_path: Path) -> None:
    """A text page flattened onto one line (BeautifulSoup's get_text): cut into sentences."""
    sentences = [
        "The ferry ran late again on Monday, the harbour office said.",
        "Commuters waited for forty minutes in the rain at the north pier.",
        "The company blamed a broken ramp and promised a repair by Friday.",
    ]
    line = " ".join(sentences[n % 3] for n in range(1_050_000 // 60))
    assert len(line) > 1_000_000
    start = time.monotonic()
    article = stored(db, ["-"], line.encode())
    assert time.monotonic() - start < 60
    assert set(article["paragraphs"]) <= set(sentences) | {" ".join(sentences)}
    assert article["paragraphs"]


def test_overlong_paragraph_with_no_clean_is_cut_for_analysis(tmp_path: Path) -> None:
    """--no-clean keeps a 250 KB one-line paragraph; it is cut at sentence ends, not sent whole
    to spaCy (a body over 300 KB, or past spaCy's own limit, is refused: test_hostile_scaling)."""
    sentence = "Zyx " + "q" * 5000 + ". "  # long words keep the model's work (and the test) small
    text = sentence * 50
    path = tmp_path / "flat.txt"
    path.write_text(text, encoding="utf-8")
    result = run("analyze", str(path), "--json", "--no-clean")
    assert result.exit_code == 0, result.stderr
    obj = json.loads(result.stdout)
    assert len(obj["paragraphs"]) == 17
    assert all(len(p) <= 20_000 and p.endswith("q.") for p in obj["paragraphs"])
    assert "".join(p + " " for p in obj["paragraphs"]) == text


TEXT = "“We did not take this lightly,” the mayor said at the café in Montréal — twice."


@pytest.mark.parametrize(
    ("codec", "prefix"),
    [("utf-16", b""), ("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff"), ("utf-8-sig", b"")],
)
def test_bom_encodings_are_decoded(db: Path, codec: str, prefix: bytes) -> None:
    article = stored(db, ["-"], prefix + (TEXT + "\n\n" + STORY).encode(codec))
    assert article["paragraphs"][0] == TEXT
    assert "\ufeff" not in article["title"] + article["paragraphs"][0]


def test_windows_1252_is_decoded(db: Path, tmp_path: Path) -> None:
    path = tmp_path / "old.txt"
    path.write_bytes((TEXT + " It’s €5.\n\n" + STORY).encode("cp1252"))
    article = stored(db, [str(path)])
    assert article["paragraphs"][0] == TEXT + " It’s €5."
    assert "“We did not take this lightly,” said the mayor" in article["paragraphs"][2]


def test_latin1_is_decoded(db: Path) -> None:
    text = "Le maire a parlé à la réunion de lundi: «nous réparerons le pont avant l'hiver», déjà."
    article = stored(db, ["-"], (text + "\n\n" + text.replace("lundi", "mardi")).encode("latin-1"))
    assert article["paragraphs"][0] == text
    assert "é" in article["title"]


def test_invalid_utf8_keeps_the_valid_characters(db: Path) -> None:
    """Mostly UTF-8 with a stray Windows-1252 quote and a cut-off last character: not mojibake."""
    data = (TEXT + "\n\n" + STORY).encode() + b"A stray \x93quote\x94 and a cut \xc3"
    article = stored(db, ["-"], data)
    assert article["paragraphs"][0] == TEXT
    assert "at a café beside the water" in article["paragraphs"][2]
    assert article["paragraphs"][-1].startswith("A stray “quote” and a cut")
    assert not any("Ã" in p or "â€" in p for p in article["paragraphs"])


def test_malformed_html_is_stored(db: Path) -> None:
    paragraphs = STORY.strip().split("\n\n")
    page = (
        "<html><head><title>Bridge to close</title><body><div class=story><article>"
        f"<h1>Bridge to close<p>{paragraphs[0]}</div></span><p>{paragraphs[1]}"
        f"<p><b><i>{paragraphs[2]}</b></i><td></tr></table><!-- unclosed comment"
    )
    article = stored(db, ["-"], page.encode())
    assert article["title"] == "Bridge to close"
    assert [p for p in article["paragraphs"] if p != "Bridge to close"] == paragraphs


def test_jsonl_batch_stores_good_lines_and_numbers_bad_ones(db: Path) -> None:
    good = [
        {"title": "Bridge to close", "text": STORY, "published": "2024-03-05"},
        {"title": "Ferry adds sailings", "html": f"<article><p>{STORY.split(chr(10))[4]}</p>"
                                                 f"<p>{STORY.split(chr(10))[2]}</p></article>"},
    ]  # fmt: skip
    lines = [
        json.dumps(good[0]),
        "{not json",
        "",
        json.dumps({"title": "No body"}),
        "[1, 2]",
        json.dumps(good[1]),
        json.dumps({"title": "Bad date", "text": STORY, "published": "yesterday"}),
    ]
    before = snapshot(db)
    result = run("add", "--db", str(db), "-", input="\n".join(lines).encode())
    assert result.exit_code == 1
    ids = result.stdout.split()
    assert len(ids) == 2
    errors = result.stderr.strip().splitlines()
    assert [e.split(" of stdin")[0] for e in errors] == [
        "newstui: Line 2",
        "newstui: Line 4",
        "newstui: Line 5",
        "newstui: Line 7",
    ]
    assert "is not valid JSON" in errors[0] and 'no "html" or "text" field' in errors[1]
    assert "not a JSON object" in errors[2] and "not a YYYY-MM-DD date" in errors[3]
    for error in errors:
        one_sentence(error)
    titles = [json.loads(run("show", "--db", str(db), i, "--json").stdout)["title"] for i in ids]
    assert titles == ["Bridge to close", "Ferry adds sailings"]
    after = snapshot(db)
    assert {k: v for k, v in after.items() if k in before and k != db.name} == {
        k: v for k, v in before.items() if k != db.name
    }  # the article already stored is untouched; only the index and the two new files changed
    new_files = set(after) - set(before)
    assert new_files and {Path(name).stem for name in new_files} == set(ids)


# -- a damaged store ---------------------------------------------------------------------------


def damage(db: Path, how: str) -> bytes:
    """Damage the store file in place; return its new bytes."""
    data = db.read_bytes()
    damaged = {
        "truncated": data[: len(data) // 2],
        "garbage": b"\x89\xff\xfe" + bytes(range(256)),
        "not-a-store": b"[1, 2, 3]",
    }[how]
    db.write_bytes(damaged)
    return damaged


@pytest.mark.parametrize("how", ["truncated", "garbage", "not-a-store"])
def test_damaged_store_is_named_and_never_overwritten(db: Path, tmp_path: Path, how: str) -> None:
    article_id = run("list", "--db", str(db)).stdout.split("\t")[0]
    damage(db, how)
    before = snapshot(db)
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    what = "is not a newstui store" if how == "not-a-store" else "is damaged"
    for args in (
        ["list"],
        ["list", "--json"],
        ["add", str(story)],
        ["show", article_id],
        ["rm", article_id],
    ):
        result = run(*args, "--db", str(db))
        assert result.exit_code == 2, args
        message = one_sentence(result.stderr)
        assert f"The store file {db} {what}" in message
        assert "It has not been changed." in message
        assert snapshot(db) == before, args
    piped = run("--db", str(db), "add", "-", input=STORY.encode())
    assert piped.exit_code == 2 and snapshot(db) == before


def test_store_file_truncated_to_nothing_is_not_overwritten(db: Path, tmp_path: Path) -> None:
    db.write_bytes(b"")
    before = snapshot(db)
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    result = run("add", "--db", str(db), str(story))
    assert result.exit_code == 2
    assert snapshot(db) == before


# -- inputs built to be slow or deep -----------------------------------------------------------

PATHOLOGICAL = {
    # a run of tabs once made a table-rule regex backtrack quadratically (minutes at 100,000)
    "tabs": (b"\t" * 200_000 + b"The mayor spoke on Monday about the bridge repairs.", "auto"),
    "spaces-and-bars": (b" " * 200_000 + b"|x", "text"),
    # nested past Python's recursion limit: json.loads raises RecursionError, not a JSON error
    "deep-json": (b"[" * 100_000 + b"]" * 100_000, "auto"),
    "deep-jsonl-line": (b'{"text": "hi", "x": ' + b"[" * 100_000 + b"]" * 100_000 + b"}", "jsonl"),
    "brackets": (b"[" * 300_000, "auto"),
    # lynx's link marks with their reference list, and Markdown targets full of parentheses
    "lynx-marks": (
        b"".join(b"[%d]x " % n for n in range(1, 40_000))
        + b"\n\nReferences\n\n"
        + b"".join(b"   %d. https://a.example/%d\n" % (n, n) for n in range(1, 40_000)),
        "text",
    ),
    "link-parens": (b"[a](" + b"(x)" * 100_000 + b" The mayor spoke on Monday.", "text"),
    "entity-soup": (b"<p>" + b"&amp;&#x;&#99999999;&bogus;" * 40_000 + b"</p>", "html"),
}


@pytest.mark.parametrize("case", list(PATHOLOGICAL))
def test_pathological_input_is_answered_quickly(case: str) -> None:
    data, kind = PATHOLOGICAL[case]
    start = time.monotonic()
    result = run("analyze", "-", "--json", "--format", kind, input=data)
    assert time.monotonic() - start < 30
    if result.exit_code:
        assert result.exit_code == 1
        message = one_sentence(result.stderr)
        assert json.loads(result.stdout) == {"error": message.removeprefix("newstui: ")}
    else:
        assert json.loads(result.stdout)["paragraphs"]


@pytest.mark.parametrize("args", [[], ["read", "-"]], ids=["pipe-into-newstui", "read"])
def test_piping_refused_input_into_the_real_binary(db: Path, args: list[str]) -> None:
    """`cat photo.png | newstui`: refused before any reader opens, the store untouched."""
    before = snapshot(db)
    binary = Path(sys.executable).with_name("newstui")
    result = subprocess.run(
        [str(binary), "--db", str(db), *args], input=PNG, capture_output=True, timeout=60
    )
    assert result.returncode == 1
    message = one_sentence(result.stderr.decode())
    assert message == "newstui: stdin is a PNG image, not text; give an HTML page or a text file."
    assert result.stdout == b""
    assert snapshot(db) == before
