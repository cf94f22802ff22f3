"""`newstui show` pages an article longer than the terminal (never in a pipe)."""

from __future__ import annotations

import io
import shlex
import shutil
from pathlib import Path

import pytest
from rich.console import Console
from rich.text import Text

from tests.conftest import SAMPLES
from tests.test_terminal import NEWSTUI, terminal  # noqa: F401  (the fixture)
from tui.cli import output
from tui.ingest import ingest_bytes
from tui.model import Article
from tui.store import Store


def fake_terminal(height: int) -> Console:
    return Console(file=io.StringIO(), width=80, height=height, force_terminal=True)


def test_a_text_longer_than_the_screen_goes_through_the_pager(monkeypatch) -> None:
    paged: list[str] = []
    monkeypatch.setattr("click.echo_via_pager", lambda text, color=None: paged.append(text))
    long_text = Text("\n".join(f"line {n}" for n in range(60)))
    assert output.print_paged(long_text, fake_terminal(24)) is True
    assert "line 59" in paged[0]


def test_a_text_that_fits_is_printed_without_a_pager(monkeypatch) -> None:
    monkeypatch.setattr("click.echo_via_pager", lambda *a, **k: pytest.fail("paged"))
    console = fake_terminal(24)
    assert output.print_paged(Text("one\ntwo"), console) is False
    assert "two" in console.file.getvalue()  # type: ignore[attr-defined]


def stored_long_article(db: Path) -> Article:
    data = (SAMPLES / "harbour-strike.html").read_bytes()
    article = ingest_bytes(data, origin="harbour-strike.html")[0]
    assert isinstance(article, Article)
    Store(db).add_many([article])
    return article


@pytest.mark.tmux
@pytest.mark.skipif(shutil.which("tmux") is None or shutil.which("less") is None, reason="tmux")
def test_show_in_a_terminal_pages_and_q_leaves_the_pager(terminal, tmp_path: Path) -> None:  # noqa: F811
    db, status = tmp_path / "db.json", tmp_path / "status"
    article = stored_long_article(db)
    show = f"{shlex.quote(str(NEWSTUI))} --db {shlex.quote(str(db))} show {article.id}"
    t = terminal(f"PAGER=less {show}; echo $? > {shlex.quote(str(status))}", width=80, height=24)
    t.wait_for(article.title[:30])
    assert not status.exists()  # the pager waits for the reader
    t.keys("q")
    assert t.wait_exit(status) == "0"


def test_show_in_a_pipe_never_pages(tmp_path: Path, monkeypatch) -> None:
    from typer.testing import CliRunner

    from tui.cli.commands import app

    db = tmp_path / "db.json"
    article = stored_long_article(db)
    monkeypatch.setattr("click.echo_via_pager", lambda *a, **k: pytest.fail("paged"))
    result = CliRunner().invoke(app, ["--db", str(db), "show", article.id])
    assert result.exit_code == 0 and article.paragraphs[-1][:40] in result.output
