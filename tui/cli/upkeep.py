"""Commands that look after stored articles rather than read them: `date` (correct an article's
publication date) and `doctor` (check and repair the store). Registered on the app by
`tui.cli.commands`."""

from __future__ import annotations

from typing import Annotated

import typer

from tui.cli.common import fail, load_article, open_store
from tui.cli.options import ArticleIdArgument, DbOption, db_path
from tui.ingest.errors import IngestError
from tui.store import StoreError, resolve_db_path


def set_date(
    ctx: typer.Context,
    article_id: ArticleIdArgument,
    published: Annotated[
        str, typer.Argument(metavar="DATE", help="The publication date, YYYY-MM-DD.")
    ],
    db: DbOption = None,
) -> None:
    """Set or correct an article's publication date; its timeline is resolved again."""
    from tui.library.redate import moved_events, set_publication_date
    from tui.sanitize import clean_terminal_text

    store = open_store(db_path(ctx, db))
    before = load_article(store, article_id)
    try:
        after = set_publication_date(store, before.id, published)
    except (IngestError, StoreError) as exc:
        fail(str(exc))
    except KeyError as exc:
        fail(exc.args[0])
    moved = moved_events(before, after)
    title = clean_terminal_text(after.title)
    typer.echo(
        f"“{title}” is now dated {published.strip()}; "
        f"{moved} of its {len(after.timeline)} dated events moved."
    )


def doctor(
    ctx: typer.Context,
    db: DbOption = None,
    check: Annotated[bool, typer.Option("--check", help="Only report; change nothing.")] = False,
) -> None:
    """Check the store and repair it, keeping the reading state (the index and state log are
    backed up first)."""
    from tui.store.doctor import examine

    path = resolve_db_path(db_path(ctx, db))
    try:
        report = examine(path, repair=not check)
    except StoreError as exc:
        fail(str(exc))
    except OSError as exc:  # a repair the system refused (read-only, a full disk) halfway
        from tui.store.files import unwritable

        fail(str(unwritable(path, exc)))
    for problem in report.problems:
        typer.echo(f"problem: {problem}")
    for repair in report.repairs:
        typer.echo(f"{'a repair would' if check else 'repaired'}: {repair}")
    for loss in report.not_kept:
        typer.echo(f"not kept: {loss}")
    for backup in (report.backup, report.state_backup):
        if backup:
            typer.echo(f"backup: {backup}")
    typer.echo(
        f"{path}: {report.articles} article(s), {'healthy' if report.healthy else 'see above'}."
    )
    if report.refused or (check and not report.healthy):
        raise typer.Exit(1)
