"""Article text cannot act on the terminal: escapes stripped and markup shown literally, everywhere.

Hostile articles (raw escapes in text, escapes as HTML entities, escapes as JSON `\\u001b`) go in
through the real CLI; `list`, `show` (plain, Rich, and in a real pseudo-terminal), `export`,
`analyze --json` and the TUI must show `[bold red]` as text and never emit what the article carried.
"""

from __future__ import annotations

import io
import json
import os
import pty
import re
import subprocess
import sys
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

from tui.cli.commands import app
from tui.cli.output import article_rich
from tui.model import Article, Caption, Entity, Mention, PublishedDate, TimelineEvent
from tui.store import Store

runner = CliRunner()
NEWSTUI = Path(sys.executable).with_name("newstui")
ESC = "\x1b"
# What a terminal may act on: C0 but tab/newline, DEL, C1, and the bidi and direction marks.
UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")
# The only escapes newstui itself may write in a terminal: SGR colours and styles.
SGR = re.compile(r"\x1b\[[0-9;]*m")
MARKUP = "[bold red]Alert[/bold red]"
LINK = "[link=https://evil.example]click[/link]"

TEXT_ARTICLE = (
    f"{MARKUP} Lakeport bridge {ESC}[2J{ESC}[10;10Hcloses {ESC}]52;c;ZXZpbA=={ESC}\\for repairs\n\n"
    f"The mayor, Dana Holt, said on Monday that the bridge would close {ESC}]8;;https://evil.example"
    f"{ESC}\\for six weeks{ESC}]8;;{ESC}\\ while engineers replace its hinges. {LINK} "
    f"Residents \u202eesrever\u202c cheered\x07\x08\x0b\x0c\x85\x9b31m loudly [/] [on red]x[/].\n\n"
    f"The council agreed on Tuesday to pay for the work {ESC}]52;c;c2VjcmV0{ESC}\x07and to add "
    "ferry sailings for commuters who cross the river each day.\n"
)
HTML_ARTICLE = (
    "<html><head><title>Bridge &#27;[31mcloses&#27;[0m &#x1b;]52;c;QQ==&#7; [bold red]x[/bold red]"
    "</title></head><body><article><h1>Bridge closes</h1>"
    "<p>The mayor, Dana Holt, said on Monday &#27;[2J&#x1b;[10;10H that the bridge &#x202e;would "
    "close&#x202c; for six weeks [bold red]soon[/bold red] &#x1b;]8;;https://evil.example&#x1b;\\"
    "link&#x1b;]8;;&#x1b;\\ and &#x9b;31m &#133; &#0; here.</p>"
    "<p>The council agreed on Tuesday to pay for the work and to add ferry sailings for commuters "
    "who cross the river each day.</p></article></body></html>"
)
JSONL_ARTICLE = json.dumps(
    {
        "title": f"Ferry{ESC}[31m news{ESC}]52;c;QQ==\x07 [bold red]x[/bold red]",
        "source": f"Lakeport{ESC}[2J Gazette\u202e",
        "author": f"Tomas\x9b2J Berg{ESC}]0;pwned\x07",
        "url": f"https://example.org/ferry{ESC}[5m",
        "published": "2024-03-05",
        "text": f"The ferry company said on Monday {ESC}[2Jthat it would add sailings. {MARKUP}\n\n"
        f"Commuters \u2066welcomed\u2069 the news {ESC}]8;;https://x{ESC}\\here{ESC}]8;;{ESC}\\ "
        "on Tuesday [link=https://x]y[/link].",
    }
)  # json.dumps writes every control character as \u001b and the like


def run(*args: str, input: bytes | None = None):
    return runner.invoke(app, list(args), input=input, catch_exceptions=False)


def strings(value: object) -> list[str]:
    """Every string inside a decoded JSON value (keys included)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in (k, *strings(v))]
    if isinstance(value, list):
        return [s for item in value for s in strings(item)]
    return []


def assert_safe(text: str) -> None:
    """Nothing a terminal could act on, other than newlines and tabs."""
    found = UNSAFE.search(text)
    assert found is None, (
        f"{found.group()!r} at {found.start()}: {text[found.start() - 40 :][:80]!r}"
    )


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """A store holding the three hostile articles, added through `newstui add`; their ids."""
    folder = tmp_path_factory.mktemp("hostile")
    files = {"text": "evil.txt", "html": "evil.html", "jsonl": "evil.jsonl"}
    for kind, name in files.items():
        body = {"text": TEXT_ARTICLE, "html": HTML_ARTICLE, "jsonl": JSONL_ARTICLE}[kind]
        (folder / name).write_text(body, encoding="utf-8")
    db = folder / "store.json"
    ids = {}
    for kind, name in files.items():
        result = run("add", "--db", str(db), str(folder / name))
        assert result.exit_code == 0, result.output
        ids[kind] = result.stdout.strip()
    return db, ids


def test_the_inputs_really_carry_escapes() -> None:
    assert ESC in TEXT_ARTICLE and "&#27;" in HTML_ARTICLE and "\\u001b" in JSONL_ARTICLE
    assert "\\u202e" in JSONL_ARTICLE and "\u202e" in TEXT_ARTICLE


def test_list_plain_and_json(hostile: tuple[Path, dict[str, str]]) -> None:
    db, ids = hostile
    plain = run("list", "--db", str(db))
    assert plain.exit_code == 0
    assert_safe(plain.stdout.replace("\t", " "))
    titles = {line.split("\t")[0]: line.split("\t")[3] for line in plain.stdout.splitlines()}
    assert titles[ids["text"]].startswith(f"{MARKUP} Lakeport bridge closes")
    assert titles[ids["jsonl"]] == "Ferry news [bold red]x[/bold red]"
    assert titles[ids["html"]] == "Bridge closes"  # the page's <h1>, not its hostile <title>

    as_json = run("list", "--db", str(db), "--json")
    assert_safe(as_json.stdout)
    rows = [json.loads(line) for line in as_json.stdout.splitlines()]
    for text in strings(rows):
        assert_safe(text)
    assert {r["source"] for r in rows} >= {"Lakeport Gazette"}


@pytest.mark.parametrize("kind", ["text", "html", "jsonl"])
def test_show_plain_and_json(hostile: tuple[Path, dict[str, str]], kind: str) -> None:
    db, ids = hostile
    shown = run("show", "--db", str(db), ids[kind])  # not a terminal: plain text
    assert shown.exit_code == 0
    assert_safe(shown.stdout)
    assert ("[bold red]" if kind != "jsonl" else "[bold red]x[/bold red]") in shown.stdout
    if kind == "text":
        assert MARKUP in shown.stdout and LINK in shown.stdout and "[on red]x[/]" in shown.stdout
        assert "for six weeks while engineers" in shown.stdout  # the OSC 8 link's text is kept
    if kind == "jsonl":
        assert "Lakeport Gazette · Tomas Berg · 2024-03-05" in shown.stdout
    as_json = run("show", "--db", str(db), ids[kind], "--json")
    assert_safe(as_json.stdout)
    for text in strings(json.loads(as_json.stdout)):
        assert_safe(text)


@pytest.mark.parametrize("fmt", ["markdown", "timelinejs", "json"])
def test_export(hostile: tuple[Path, dict[str, str]], fmt: str) -> None:
    db, ids = hostile
    for article_id in ids.values():
        result = run("export", "--db", str(db), article_id, "--format", fmt)
        assert result.exit_code == 0
        assert_safe(result.stdout)


@pytest.mark.parametrize("kind", ["text", "html", "jsonl"])
def test_analyze_json_values_are_clean(tmp_path: Path, kind: str) -> None:
    body = {"text": TEXT_ARTICLE, "html": HTML_ARTICLE, "jsonl": JSONL_ARTICLE}[kind]
    result = run("analyze", "-", "--json", input=body.encode())
    assert result.exit_code == 0, result.stderr
    assert_safe(result.stdout)
    (obj,) = [json.loads(line) for line in result.stdout.splitlines()]
    for text in strings(obj):
        assert_safe(text)
    assert any("[bold red]" in p for p in [obj["title"], *obj["paragraphs"]])
    assert obj["paragraphs"]


def sgr_codes(output: str) -> set[str]:
    return {code for m in SGR.finditer(output) for code in m.group()[2:-1].split(";")}


@pytest.mark.parametrize("kind", ["text", "html", "jsonl"])
def test_rich_renderer_emits_only_its_own_styles(
    hostile: tuple[Path, dict[str, str]], kind: str
) -> None:
    db, ids = hostile
    article = Store(db).get(ids[kind])
    out = io.StringIO()
    Console(file=out, force_terminal=True, color_system="truecolor", width=400).print(
        article_rich(article)
    )
    output = out.getvalue()
    assert ESC in output  # styled: the check below is not vacuous
    rest = SGR.sub("", output)
    assert ESC not in rest  # no CSI cursor moves, no OSC 52 / OSC 8 from the article
    assert_safe(rest)
    assert "[bold red]" in rest and "[/bold red]" in rest  # markup shown, not applied
    assert not sgr_codes(output) & {"31", "41", "91"}  # nothing was coloured red


def test_show_in_a_real_terminal(hostile: tuple[Path, dict[str, str]]) -> None:
    """`newstui show` with a pseudo-terminal as stdout takes the Rich path: same guarantees."""
    db, ids = hostile
    controller, terminal = pty.openpty()
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "100", "LINES": "40"}
    env.pop("NO_COLOR", None)
    proc = subprocess.Popen(
        [str(NEWSTUI), "show", "--db", str(db), ids["text"]],
        stdin=subprocess.DEVNULL,
        stdout=terminal,
        stderr=terminal,
        env=env,
    )
    os.close(terminal)
    chunks = []
    while True:
        try:
            chunk = os.read(controller, 65536)
        except OSError:  # EIO: the child closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(controller)
    assert proc.wait(timeout=60) == 0
    output = b"".join(chunks).decode("utf-8")
    assert SGR.search(output), "the Rich path styles its output"
    rest = SGR.sub("", output).replace("\r\n", "\n")
    assert ESC not in rest
    assert_safe(rest)
    assert "[bold red]Alert[/bold red]" in rest
    assert "[link=https://evil.example]click[/link]" in rest


@pytest.mark.anyio
async def test_tui_shows_markup_literally(hostile: tuple[Path, dict[str, str]]) -> None:
    from tests.ui.helpers import flat, plain, shown_text
    from tui.app.app import build_app
    from tui.app.widgets.article_list import ArticleList
    from tui.app.widgets.article_view import ArticleView

    db, ids = hostile
    tui = build_app(Store(db), open_id=ids["text"])
    async with tui.run_test(size=(140, 50)) as pilot:
        await pilot.pause()
        reader = tui.screen.query_one(ArticleView)
        text = flat(shown_text(reader))  # the reader's wrapped lines read as one again
        assert MARKUP in text and LINK in text
        assert "Residents esrever cheered loudly [/] [on red]x[/]." in text
        assert_safe(text)
        prompts = [plain(option.prompt) for option in tui.screen.query_one(ArticleList).options]
        assert any(p.count("[bold red]") for p in prompts)
        for prompt in prompts:
            assert_safe(prompt)
        # What reaches the screen: every rendered cell of the whole screen.
        screen = "\n".join(strip.text for strip in tui.screen._compositor.render_strips())
        assert "[bold red]Alert[/bold red]" in screen
        assert_safe(screen)
        assert not any(
            segment.style and segment.style.link
            for strip in tui.screen._compositor.render_strips()
            for segment in strip
        )  # the [link=...] markup made no hyperlink


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


def tampered_article() -> Article:
    """An article written straight into a store, bypassing ingest: escapes in every field."""
    bad = f"{ESC}[2J{ESC}]52;c;QQ==\x07\x9b31m\u202e\x85"
    paragraphs = [f"Dana Holt{bad} spoke on Monday {MARKUP}.", f"Then {bad}Lakeport agreed."]
    return Article(
        id="badbadbad001",
        title=f"Tampered {bad}{MARKUP}",
        paragraphs=paragraphs,
        kinds=["p", "quote"],
        source=f"Gazette{bad}",
        author=f"Tomas{bad}",
        url=f"https://x/{bad}",
        published=PublishedDate(f"2020-09-14{bad}", "day", "metadata"),
        captions=[Caption(f"A bridge{bad}", f"Photo{bad}")],
        entities=[
            Entity(
                f"Dana Holt{bad}",
                f"PERSON{bad}",
                [f"Holt{bad}"],
                1,
                [Mention(0, 0, 9, "Dana Holt")],
            )
        ],
        timeline=[
            TimelineEvent(f"2020-09-14{bad}", "day", f"Monday{bad}", 0, 0, 6, f"Sentence{bad}")
        ],
        analyzed=True,
    )


def test_a_tampered_store_still_cannot_reach_the_terminal(tmp_path: Path) -> None:
    """Output sanitizes again (defence in depth): a store edited by hand or by an old version."""
    db = tmp_path / "store.json"
    Store(db).add(tampered_article())
    commands = [
        ["list"],
        ["list", "--json"],
        ["show", "badbadbad001"],
        ["show", "badbadbad001", "--json"],
        *(["export", "badbadbad001", "--format", f] for f in ("json", "markdown", "timelinejs")),
    ]
    for args in commands:
        result = run(*args, "--db", str(db))
        assert result.exit_code == 0, (args, result.output)
        assert_safe(result.stdout.replace("\t", " "))
        assert MARKUP in result.stdout, args
    out = io.StringIO()
    Console(file=out, force_terminal=True, color_system="truecolor", width=400).print(
        article_rich(Store(db).get("badbadbad001"))
    )
    rest = SGR.sub("", out.getvalue())
    assert ESC not in rest and MARKUP in rest
    assert_safe(rest)


def screen_text(tui) -> str:
    """Every rendered cell of the app's screen, as text."""
    return "\n".join(strip.text for strip in tui.screen._compositor.render_strips())


@pytest.mark.anyio
async def test_tui_on_a_tampered_store(tmp_path: Path) -> None:
    from tui.app.app import build_app

    store = Store(tmp_path / "store.json")
    store.add(tampered_article())
    tui = build_app(store, open_id="badbadbad001")
    async with tui.run_test(size=(140, 50)) as pilot:
        await pilot.pause()
        screen = screen_text(tui)
        assert "Dana Holt" in screen and "[bold red]Alert[/bold red]" in screen
        assert_safe(screen)
        await pilot.press("e")
        await pilot.pause()
        assert_safe(screen_text(tui))


@pytest.mark.anyio
async def test_tui_timeline_on_a_tampered_store(tmp_path: Path) -> None:
    from tui.app.app import build_app

    store = Store(tmp_path / "store.json")
    store.add(tampered_article())
    tui = build_app(store, open_id="badbadbad001")
    async with tui.run_test(size=(140, 50)) as pilot:
        await pilot.press("t")
        await pilot.pause()
        assert_safe(screen_text(tui))
