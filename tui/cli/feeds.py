"""The `newstui feeds …` and `newstui refresh` commands (Typer): parse, call `tui.feeds`, print.

Output is exactly ../shared/CONTRACT.md's "Feeds". `tui.feeds` is imported inside each command, so
the other commands never load it.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from tui.cli.common import fail, open_store
from tui.cli.options import DbOption, JsonOption, db_path
from tui.cli.plain_help import PlainTyper

if TYPE_CHECKING:
    from tui.feeds.refresh import FeedResult, RefreshProgress
    from tui.feeds.registry import Registry
    from tui.store import Store

feeds_app = PlainTyper(
    name="feeds",
    help="Subscriptions: add, list, remove, import and export feeds (RSS, Atom, JSON Feed).",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)


def _registry(store: Store) -> Registry:
    from tui.feeds.registry import Registry

    return Registry(store.path)


def _safe(text: str | None) -> str:
    from tui.sanitize import clean_terminal_text

    return clean_terminal_text(text or "")


@feeds_app.command("add")
def add_feeds(
    ctx: typer.Context,
    urls: Annotated[
        list[str],
        typer.Argument(metavar="URL", help="Feed URLs, or pages that link to their feed."),
    ],
    tags: Annotated[
        list[str] | None,
        typer.Option("--tag", metavar="TAG", help="Tag the feeds with this (repeatable)."),
    ] = None,
    db: DbOption = None,
) -> None:
    """Subscribe to feeds; prints ID, title and feed URL (tab-separated) for each."""
    from tui.feeds import FeedError
    from tui.feeds.subscriptions import subscribe

    store = open_store(db_path(ctx, db))
    try:
        results = subscribe(_registry(store), urls, tags or [])
    except FeedError as exc:
        fail(str(exc), 2)
    failed = False
    for result in results:
        if result.feed is None:
            failed = True
            typer.echo(f"newstui: {_safe(result.error)}", err=True)
        else:
            feed = result.feed
            typer.echo(f"{feed.id}\t{_safe(feed.name)}\t{_safe(feed.url)}")
    if failed:
        raise typer.Exit(1)


@feeds_app.command("list")
def list_feeds(ctx: typer.Context, db: DbOption = None, as_json: JsonOption = False) -> None:
    """List the subscriptions with their status and unread articles."""
    from tui.cli.output import to_json_line
    from tui.feeds import FeedError
    from tui.feeds.overview import overview

    store = open_store(db_path(ctx, db))
    try:
        rows = overview(store)
    except FeedError as exc:
        fail(str(exc), 2)
    for row in rows:
        if as_json:
            obj = row.to_contract()
            for key in ("title", "url", "site_url", "error"):
                obj[key] = _safe(obj[key]) if obj[key] is not None else None
            obj["tags"] = [_safe(t) for t in row.tags]
            typer.echo(to_json_line(obj))
            continue
        counts = f"{row.unread}/{row.articles} unread"
        line = [row.id, row.status, counts, _safe(row.name), _safe(row.url)]
        if row.error:
            line.append(_safe(row.error))
        typer.echo("\t".join(line))


@feeds_app.command("rm")
def remove_feeds(
    ctx: typer.Context,
    refs: Annotated[
        list[str], typer.Argument(metavar="FEED", help="Feed ids (or unique prefixes) or URLs.")
    ],
    db: DbOption = None,
) -> None:
    """Unsubscribe from feeds (their stored articles stay)."""
    from tui.feeds import FeedError
    from tui.feeds.subscriptions import unsubscribe

    store = open_store(db_path(ctx, db))
    try:
        gone = unsubscribe(_registry(store), refs)
    except FeedError as exc:
        fail(str(exc), 2)
    except KeyError as exc:
        fail(_safe(exc.args[0]))
    count = len(gone)
    typer.echo(f"Removed {count} feed{'s' if count != 1 else ''}; their articles stay stored.")


@feeds_app.command("import")
def import_feeds(
    ctx: typer.Context,
    path: Annotated[
        Path, typer.Argument(metavar="FILE", help="An OPML file (- for standard input).")
    ],
    db: DbOption = None,
) -> None:
    """Subscribe to every feed of an OPML file; its folders become tags."""
    from tui.feeds import FeedError
    from tui.feeds.subscriptions import import_opml
    from tui.ingest.errors import IngestError
    from tui.ingest.sources import read_file, read_stdin

    store = open_store(db_path(ctx, db))
    try:
        source = read_stdin() if str(path) == "-" else read_file(path)
        done = import_opml(_registry(store), source.data, source.origin)
    except (FeedError, IngestError) as exc:
        fail(_safe(str(exc)))
    notes = [f"{done.known} already subscribed"] if done.known else []
    if done.skipped:
        notes.append(f"{done.skipped} skipped, not an http or https address")
    also = f" ({'; '.join(notes)})" if notes else ""
    typer.echo(f"Added {done.added} feed{'s' if done.added != 1 else ''}{also}.")


@feeds_app.command("export")
def export_feeds(ctx: typer.Context, db: DbOption = None) -> None:
    """Print every subscription as OPML 2.0 (titles and tags kept)."""
    from tui.feeds import FeedError
    from tui.feeds.subscriptions import export_opml

    store = open_store(db_path(ctx, db))
    try:
        typer.echo(export_opml(_registry(store)), nl=False)
    except FeedError as exc:
        fail(str(exc), 2)


def refresh(
    ctx: typer.Context,
    refs: Annotated[
        list[str] | None,
        typer.Argument(metavar="FEED", help="Feed ids or URLs (default: every feed)."),
    ] = None,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Fetch feeds and store their new items as articles; quiet unless a feed failed."""
    from tui.cli.output import to_json_line
    from tui.feeds import FeedError
    from tui.feeds.refresh import refresh as refresh_feeds
    from tui.store import StoreError

    store = open_store(db_path(ctx, db))
    registry = _registry(store)
    try:
        ids = [registry.find(ref).id for ref in refs] if refs else None
        if sys.stderr.isatty():
            results = _with_progress_bar(lambda report: refresh_feeds(store, ids, progress=report))
        else:
            results = refresh_feeds(store, ids)
    except KeyError as exc:
        fail(_safe(exc.args[0]))
    except (FeedError, StoreError) as exc:
        fail(str(exc), 2)
    for result in results:
        if as_json:
            obj = result.to_contract()
            obj["error"] = _safe(result.error) if result.error else None
            typer.echo(to_json_line(obj))
        if result.error:
            typer.echo(f"newstui: {_safe(result.error)}", err=True)
    if any(r.status == "error" for r in results):
        raise typer.Exit(1)


def _with_progress_bar(
    run: Callable[[Callable[[RefreshProgress], None]], list[FeedResult]],
) -> list[FeedResult]:
    """Run a refresh under a progress bar on standard error (a terminal), cleared when done.

    The bar is redrawn from the progress callback, not by Rich's timer thread: a refresh cleans
    items in forked worker processes, which are only forked from a process with no other thread.
    """
    from rich.console import Console
    from rich.progress import Progress

    labels = {"fetching": "Fetching feeds", "storing": "Storing new items"}
    with Progress(console=Console(stderr=True), transient=True, auto_refresh=False) as bar:
        task = bar.add_task(labels["fetching"], total=None)

        def report(step: RefreshProgress) -> None:
            bar.update(task, description=labels[step.stage], completed=step.done, total=step.total)
            bar.refresh()

        results: list[FeedResult] = run(report)
        return results
