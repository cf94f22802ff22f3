"""`--help` of every command names values as a user would (ID, FILE, URL), never by Python type,
and a bad option value is one sentence of ours, not the validating library's wording."""

from __future__ import annotations

import re
from enum import Enum
from typing import Annotated

import click
import typer
import typer.main
from typer.testing import CliRunner

from tui.cli.commands import app
from tui.cli.plain_help import PlainTyper

runner = CliRunner()

# `<str>`, `<list[str]>`, `<path>`, `<int range>`; `{article_id}`; a bare `list[str]`.
PYTHON_NAMES = re.compile(r"<[\w\[\]|, .]+>|\{\w+\}|\blist\[|\b(?:str|int|bool|path)\b(?![-'])")


def every_command() -> list[tuple[list[str], click.Command]]:
    """Each command line (`[]`, `["show"]`, `["feeds", "add"]`...) with its command."""
    found: list[tuple[list[str], click.Command]] = []

    def walk(path: list[str], command: click.Command) -> None:
        found.append((path, command))
        for name, sub in getattr(command, "commands", {}).items():
            walk([*path, name], sub)

    walk([], typer.main.get_command(app))
    return found


def test_the_walk_reaches_every_command() -> None:
    names = {" ".join(path) for path, _ in every_command()}
    assert {"", "show", "add", "analyze", "feeds", "feeds add", "refresh"} <= names
    assert len(names) >= 18


def test_no_help_names_a_python_type() -> None:
    for path, _ in every_command():
        result = runner.invoke(app, [*path, "--help"], catch_exceptions=False)
        assert result.exit_code == 0, path
        usage = result.output.splitlines()[0]
        found = PYTHON_NAMES.findall(result.output)
        assert not found, f"`newstui {' '.join(path)} --help` shows {found}:\n{result.output}"
        assert "{" not in usage and "<" not in usage, usage


def test_arguments_and_values_have_readable_names() -> None:
    show = runner.invoke(app, ["show", "--help"]).output
    assert show.splitlines()[0] == "Usage: newstui show [OPTIONS] ID"
    assert "--db FILE" in show
    add = runner.invoke(app, ["add", "--help"]).output
    assert "SOURCE..." in add.splitlines()[0]
    assert "--format [auto|html|text|jsonl]" in add and "--published DATE" in add
    missing = runner.invoke(app, ["show"])
    assert missing.exit_code == 2 and "Missing argument 'ID'" in missing.output


def test_a_bad_choice_is_our_sentence_not_pydantic_wording() -> None:
    for path, command in every_command():
        for param in command.params:
            annotation = getattr(getattr(param, "type_descriptor", None), "annotation", None)
            if not (isinstance(annotation, type) and issubclass(annotation, Enum)):
                continue
            result = runner.invoke(app, [*path, param.opts[0], "nonsense", "x"])
            assert result.exit_code == 2, (path, result.output)
            assert "'nonsense' is not one of" in result.output
            assert "Value error" not in result.output, result.output


def test_any_converted_value_error_is_plain() -> None:
    tiny = PlainTyper(rich_markup_mode=None, add_completion=False)

    @tiny.command()
    def main(count: Annotated[int, typer.Option("--count", metavar="NUMBER")] = 1) -> None:
        """Count."""

    result = runner.invoke(tiny, ["--count", "many"])
    assert result.exit_code == 2
    assert "Invalid value for '--count': 'many' is not a valid number here." in result.output
    assert "Input should be" not in result.output
