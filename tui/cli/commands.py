"""The `newstui` commands (Typer): parse, call the core, print.

The console script enters at `tui.cli.launch.main`, which opens the reader for a bare `newstui`
without importing this module (Typer is ~15 ms of start-up) and hands every other command line to
`app`.
"""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from tui import __version__
from tui.cli.common import (
    fail,
    load_article,
    open_reader,
    open_store,
    run_tui,
    stdin_bytes,
    store_input,
)
from tui.cli.feeds import feeds_app, refresh
from tui.cli.options import ArticleIdArgument, DbOption, JsonOption, db_path
from tui.cli.plain_help import PlainTyper
from tui.cli.upkeep import doctor, set_date
from tui.ingest.errors import IngestError
from tui.model import Article
from tui.store import Store, StoreError

app = PlainTyper(
    name="newstui",
    help="Read the news in a terminal: clean articles, who is in them, and what happened when.",
    no_args_is_help=False,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)


class InputFormat(StrEnum):
    auto = "auto"
    html = "html"
    text = "text"
    jsonl = "jsonl"


class ExportFormat(StrEnum):
    json = "json"
    markdown = "markdown"
    timelinejs = "timelinejs"


FormatOption = Annotated[
    InputFormat,
    typer.Option("--format", help="Input kind; auto detects HTML, text and JSON Lines."),
]
PublishedOption = Annotated[
    str | None,
    typer.Option(
        "--published",
        metavar="DATE",
        help="Publication date (YYYY-MM-DD) that relative dates resolve against.",
    ),
]
NoCleanOption = Annotated[
    bool,
    typer.Option("--no-clean", help="Keep every paragraph of a text input (known-clean text)."),
]


def ids_naming_or_fail(store: Store, entity: str) -> list[str]:
    """Ids of the articles naming an entity as the user wrote it; a clear failure when none does."""
    from tui.sanitize import clean_terminal_text

    ids = store.ids_naming(entity)
    if not ids:
        closest = store.closest_entity_names(entity)
        offer = f" Closest names: {', '.join(closest)}." if closest else ""
        fail(
            f"No stored article names “{clean_terminal_text(entity)}”.{clean_terminal_text(offer)}"
        )
    return ids


def version_callback(value: bool) -> None:
    if value:
        typer.echo(f"newstui {__version__}")
        raise typer.Exit()


@app.callback(invoke_without_command=True)
def main_callback(
    ctx: typer.Context,
    db: DbOption = None,
    version: Annotated[
        bool | None,
        typer.Option(
            "--version", callback=version_callback, is_eager=True, help="Show the version."
        ),
    ] = None,
    seed_if_empty: Annotated[
        Path | None,
        typer.Option(
            "--seed-if-empty",
            metavar="FOLDER",
            help="Fill an empty store from this folder first.",
            hidden=True,
        ),
    ] = None,
) -> None:
    """Open the reader; with input piped in (`cat page.html | newstui`), store it and open it."""
    ctx.obj = db  # the commands' contexts inherit it (`db_path`)
    if ctx.invoked_subcommand is not None:
        return
    open_reader(db, seed_if_empty)


@app.command()
def read(
    ctx: typer.Context,
    source: Annotated[
        str, typer.Argument(metavar="SOURCE", help="A file, a URL, or - for standard input.")
    ],
    db: DbOption = None,
    fmt: FormatOption = InputFormat.auto,
    published: PublishedOption = None,
    no_clean: NoCleanOption = False,
) -> None:
    """Store one article and open the reader on it."""
    store = open_store(db_path(ctx, db))
    data = stdin_bytes() if source == "-" else None
    ids = store_input(
        store, [source], data, kind=fmt.value, published=published, clean=not no_clean
    )
    run_tui(store, ids[0])


@app.command()
def add(
    ctx: typer.Context,
    sources: Annotated[
        list[str],
        typer.Argument(metavar="SOURCE", help="Files, folders, URLs, or - for standard input."),
    ],
    db: DbOption = None,
    fmt: FormatOption = InputFormat.auto,
    published: PublishedOption = None,
    no_clean: NoCleanOption = False,
) -> None:
    """Store articles (cleaned and analyzed) and print their ids."""
    from tui.library.adding import add_analyzed, collect

    store = open_store(db_path(ctx, db))
    stdin = sys.stdin.buffer if "-" in sources else None
    items = list(
        collect(sources, stdin=stdin, kind=fmt.value, published=published, clean=not no_clean)
    )
    failed = False

    def report(outcomes) -> None:
        nonlocal failed
        for o in outcomes:
            if o.error:
                failed = True
                typer.echo(f"newstui: {o.error}", err=True)
            elif o.article:
                status = "" if o.new else "\t(updated)" if o.updated else "\t(already stored)"
                typer.echo(o.article.id + status)

    try:
        if len(items) > 3 and sys.stderr.isatty():
            from rich.console import Console
            from rich.progress import Progress

            with Progress(console=Console(stderr=True), transient=True) as bar:
                task = bar.add_task("Adding", total=len(items))
                report(add_analyzed(store, items, lambda n: bar.advance(task, n)))
        else:
            report(add_analyzed(store, items))
    except StoreError as exc:
        fail(str(exc), 2)
    if failed:
        raise typer.Exit(1)


@app.command("list")
def list_articles(
    ctx: typer.Context,
    db: DbOption = None,
    as_json: JsonOption = False,
    entity: Annotated[
        str | None,
        typer.Option("--entity", metavar="NAME", help="Only articles that mention this entity."),
    ] = None,
) -> None:
    """List stored articles, newest first."""
    from tui.cli.output import summary_line, summary_row, to_json_line

    store = open_store(db_path(ctx, db))
    summaries = store.summaries()
    if entity:
        wanted = set(ids_naming_or_fail(store, entity))
        summaries = [s for s in summaries if s.id in wanted]
    for s in summaries:
        typer.echo(to_json_line(summary_row(s)) if as_json else summary_line(s))


@app.command()
def show(
    ctx: typer.Context,
    article_id: ArticleIdArgument,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Print one stored article: rich in a terminal, plain text when piped."""
    from tui.cli.output import article_plain, article_rich, print_paged, stored_json, to_json_line

    article = load_article(open_store(db_path(ctx, db)), article_id)
    if as_json:
        typer.echo(to_json_line(stored_json(article)))
    elif sys.stdout.isatty():
        print_paged(article_rich(article))
    else:
        typer.echo(article_plain(article), nl=False)


@app.command()
def analyze(
    sources: Annotated[
        list[str] | None,
        typer.Argument(metavar="SOURCE", help="Files, folders, URLs, or - (default) for stdin."),
    ] = None,
    as_json: JsonOption = False,
    fmt: FormatOption = InputFormat.auto,
    published: PublishedOption = None,
    no_clean: NoCleanOption = False,
) -> None:
    """Clean and analyze articles without storing them; one JSON object per article."""
    from tui.cli.output import article_plain, to_json_line
    from tui.library.adding import analyze_in_batches, collect

    stdin = sys.stdin.buffer if not sources or "-" in sources else None
    items = list(
        collect(
            sources or ["-"], stdin=stdin, kind=fmt.value, published=published, clean=not no_clean
        )
    )
    try:
        analyze_in_batches([i for i in items if isinstance(i, Article)])
    except Exception as exc:
        fail(f"analysis failed: {exc}")
    failed = False
    for item in items:
        if isinstance(item, IngestError):
            failed = True
            if as_json:
                typer.echo(to_json_line({"error": str(item)}))
            typer.echo(f"newstui: {item}", err=True)
        elif as_json:
            typer.echo(to_json_line(item.to_contract()))
        else:
            typer.echo(article_plain(item))
    if failed:
        raise typer.Exit(1)


@app.command()
def rm(
    ctx: typer.Context,
    article_ids: Annotated[
        list[str], typer.Argument(metavar="ID", help="Ids (or unique prefixes) to delete.")
    ],
    db: DbOption = None,
) -> None:
    """Delete stored articles."""
    store = open_store(db_path(ctx, db))
    try:
        ids = [store.resolve(i) for i in article_ids]
    except KeyError as exc:
        fail(exc.args[0])
    removed = store.remove(ids)
    typer.echo(f"Removed {removed} article{'s' if removed != 1 else ''}.")


@app.command()
def timeline(
    ctx: typer.Context,
    db: DbOption = None,
    as_json: JsonOption = False,
    entity: Annotated[
        str | None,
        typer.Option(
            "--entity", metavar="NAME", help="Only events of articles that mention this entity."
        ),
    ] = None,
) -> None:
    """Print the dated events of all stored articles, merged in calendar order."""
    from tui.cli.output import to_json_line
    from tui.library.merged_timeline import event_line, merged_timeline

    store = open_store(db_path(ctx, db))
    if entity:
        ids_naming_or_fail(store, entity)
    try:
        events = merged_timeline(store, entity)
    except (KeyError, StoreError) as exc:
        fail(str(exc.args[0]) if exc.args else str(exc))
    for item in events:
        typer.echo(to_json_line(item.to_dict()) if as_json else event_line(item))


@app.command()
def export(
    ctx: typer.Context,
    article_id: ArticleIdArgument,
    fmt: Annotated[
        ExportFormat, typer.Option("--format", help="Output format.")
    ] = ExportFormat.json,
    db: DbOption = None,
) -> None:
    """Write one article as JSON, Markdown, or its timeline as TimelineJS JSON."""
    from tui.cli.output import to_json_line
    from tui.library.export import article_markdown, timelinejs

    article = load_article(open_store(db_path(ctx, db)), article_id)
    if fmt is ExportFormat.markdown:
        typer.echo(article_markdown(article), nl=False)
    elif fmt is ExportFormat.timelinejs:
        typer.echo(to_json_line(timelinejs(article)))
    else:
        typer.echo(to_json_line(article.to_contract()))


app.command("date")(set_date)
app.command()(doctor)
app.add_typer(feeds_app)
app.command()(refresh)

__all__ = ["app"]
