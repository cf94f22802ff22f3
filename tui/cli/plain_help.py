"""Typer's command and group classes with a plain `--help` and plain option errors.

Typer's plain help names a value by its Python type (`<str>`, `<list[str]>`, `<path>`) and a
required argument by its parameter in braces (`{article_id}`); its option errors pass Pydantic's
wording through ("Value error, 'x' is not one of ..."). These classes name every value by its
metavar (an explicit `metavar=`, else the parameter's name in capitals, else its choices) and say
an option error in one sentence of our own.
"""

from __future__ import annotations

from enum import Enum
from typing import Any  # Click's Context and HelpFormatter here are Typer's private copies

import typer
from typer.core import TyperArgument, TyperCommand, TyperGroup, TyperOption


def _choices_label(param: TyperOption) -> str | None:
    """`[a|b|c]` for an option whose value is one of an Enum's, else None."""
    annotation = getattr(getattr(param, "type_descriptor", None), "annotation", None)
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return "[" + "|".join(str(member.value) for member in annotation) + "]"
    return None


def argument_label(param: TyperArgument) -> str:
    """An argument's name in help: its metavar (else its name in capitals), `...` when repeated."""
    label = param.metavar or (param.name or "value").upper()
    return f"{label}..." if param.nargs != 1 else label


def name_values(params: list[Any]) -> None:
    """Give each option that takes a value a metavar, so help never shows a Python type."""
    for param in params:
        if isinstance(param, TyperOption) and not param.is_flag and param.metavar is None:
            param.metavar = _choices_label(param) or (param.name or "value").upper()


def plain_reason(exc: typer.BadParameter) -> str:
    """The reason of a bad option value, without the validating library's own wording."""
    cause = exc.__cause__
    errors = getattr(cause, "errors", None)
    if not callable(errors):
        return exc.message
    try:
        first = errors()[0]
    except (IndexError, TypeError):
        return exc.message
    message = str(first.get("msg", exc.message))
    if first.get("type") == "value_error":  # a ValueError raised while converting the value
        return message.removeprefix("Value error, ")
    param = exc.param
    wanted = param.metavar if isinstance(param, TyperOption) and param.metavar else "value"
    return f"{first.get('input')!r} is not a valid {wanted.strip('[]').lower()} here."


class _PlainErrors:
    """Rewrite a bad option value's message before Click prints it."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        try:
            return super().parse_args(ctx, args)  # type: ignore[misc]
        except typer.BadParameter as exc:
            exc.message = plain_reason(exc)
            raise


class PlainCommand(_PlainErrors, TyperCommand):
    """A command whose help names arguments and values by metavar (`ID`, `FILE`, `SOURCE...`)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        name_values(self.params)

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        pieces = [self.options_metavar] if self.options_metavar else []
        for param in self.get_params(ctx):
            if isinstance(param, TyperArgument):
                label = argument_label(param)
                pieces.append(label if param.required else f"[{label}]")
            else:
                pieces.extend(param.get_usage_pieces(ctx))
        return pieces

    def format_options(self, ctx: Any, formatter: Any) -> None:
        arguments, options = [], []
        for param in self.get_params(ctx):
            record = param.get_help_record(ctx)
            if record is None:
                continue
            if isinstance(param, TyperArgument):
                arguments.append((argument_label(param), record[1]))
            else:
                options.append(record)
        if arguments:
            with formatter.section("Arguments"):
                formatter.write_dl(arguments)
        if options:
            with formatter.section("Options"):
                formatter.write_dl(options)


class PlainGroup(_PlainErrors, TyperGroup):
    """A group (`newstui`, `newstui feeds`) whose options are named by metavar."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        name_values(self.params)


class PlainTyper(typer.Typer):
    """A Typer application whose groups and commands are the plain classes above."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("cls", PlainGroup)
        super().__init__(**kwargs)

    def command(self, *args: Any, **kwargs: Any) -> Any:
        kwargs.setdefault("cls", PlainCommand)
        return super().command(*args, **kwargs)
