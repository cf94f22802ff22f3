"""Opening articles in a real terminal: Enter in the list until the article's words are on screen.

    python bench/open_pty.py [--size 10000] [--opens 15]

newstui runs on a 120x40 pseudo-terminal over a synthetic store (`synth.py`) of N articles. For
each of the newest articles in turn: Enter, then two clocks stop: when words of its first
paragraph (a run with no entity tint in it, so the terminal receives it in one piece) are written to
the terminal, and when its first entity row is (the name, then the spaces before its count: only the
side panel draws that). The program is then left to settle (its deferred work: the read mark, the
"in N other articles" counts, which wait 100 ms on purpose) before `j` moves to the next one, timed
until the screen is complete (the last write before 60 ms of quiet). No Pilot and no test harness in
the way: this is what a user sees. The bar for "no visible lag" is about 100 ms.

`--baseline REV` runs the same session a second time with newstui as it was at git revision REV
(checked out into a temporary folder and run on the same interpreter), to compare in the same run.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from terminal import Session

from bench.synth import write_store
from tui.model import Article
from tui.store import Store

LAG_MS = 100
WORDS = "Enter to the article's words on screen "
PANEL = "Enter to its entities in the side panel"
MOVE = "j (next in list) to the screen complete"


def lead_marker(article: Article, within: int = 30, length: int = 12) -> str:
    """A run of the first paragraph's first line that no entity mention crosses."""
    tinted = [(m.start, m.end) for e in article.entities for m in e.mentions if m.paragraph == 0]
    text = article.paragraphs[0]
    for start in range(0, within - length + 1):
        end = start + length
        if text[start] == " " or any(s < end and start < e for s, e in tinted):
            continue
        return text[start:end]
    raise ValueError(f"{article.id}: no untinted run in the first {within} characters")


def panel_marker(article: Article) -> str:
    """The first entity row of the side panel: its name, then the spaces before its count
    (three spaces never occur in the reader's text, where the same name is also shown)."""
    from tui.app.rendering import entity_groups

    groups = entity_groups(article)
    name = groups[0][1][0].name if groups else ""
    if not name or len(name) > 28:  # none, or cut with "…" in a 42-column panel
        raise ValueError(f"{article.id}: no short entity name to look for")
    return name + "   "


def session_times(
    argv: list[str],
    env: dict[str, str],
    first_title: str,
    markers: list[tuple[str, str]],
    opens: int,
    cwd: str | None = None,
) -> dict[str, list[float]]:
    """Milliseconds, for each article opened in one session: from Enter to its words in the
    reader, from Enter to its entities in the side panel, and from `j` (the next article in the
    list) to the screen complete (the last write before 60 ms of quiet)."""
    times: dict[str, list[float]] = {WORDS: [], PANEL: [], MOVE: []}
    with Session(argv, env=env, cwd=cwd) as session:
        session.wait_for(first_title, timeout=60)
        session.settle()
        for lead, panel in markers:
            if len(times[WORDS]) == opens:
                break
            if lead and panel:
                session.send(b"\r")
                times[WORDS].append(session.wait_for(lead) * 1000)
                times[PANEL].append(session.wait_for(panel) * 1000)
                session.settle()
            session.send(b"j")
            times[MOVE].append(session.last_write() * 1000)
            session.settle()
    return times


def checkout(revision: str, folder: Path) -> Path:
    """The repository's files at `revision`, in `folder` (git archive: no change to the repo)."""
    repo = Path(__file__).resolve().parents[1]
    archive = subprocess.run(
        ["git", "-C", str(repo), "archive", revision, "tui"], check=True, capture_output=True
    ).stdout
    folder.mkdir(parents=True, exist_ok=True)
    subprocess.run(["tar", "-x", "-C", str(folder)], input=archive, check=True)
    return folder


def report(name: str, times: dict[str, list[float]]) -> None:
    for label, values in times.items():
        print(
            f"  {name}: {label}: median {statistics.median(values):4.0f} ms,"
            f" worst {max(values):4.0f} ms, all {[round(x) for x in values]}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=10000)
    parser.add_argument("--opens", type=int, default=15)
    parser.add_argument("--baseline", metavar="REV", help="also time newstui at this git revision")
    args = parser.parse_args()
    newstui = str(Path(sys.executable).parent / "newstui")
    with tempfile.TemporaryDirectory(prefix="newstui-open-") as folder:
        db = Path(folder) / "store.json"
        write_store(db, args.size)
        store = Store(db)
        newest = store.summaries()[: args.opens * 3]
        articles = [store.get(s.id) for s in newest]
        markers = []
        for article in articles:
            try:
                markers.append((lead_marker(article), panel_marker(article)))
            except ValueError:
                markers.append(("", ""))  # skipped: passed over with `j`
        env = {"NEWSTUI_CONFIG": str(Path(folder) / "settings.toml")}
        first = newest[0].title[:20]
        # The baseline gets the store as it was written: the first session marks every article
        # it opens read, so a second session on the same files opened read articles (no read
        # mark to draw and save: less work, ~3 ms an open).
        db_before = Path(folder) / "before" / db.name
        if args.baseline:
            shutil.copytree(folder, db_before.parent)
        opened = session_times([newstui, "--db", str(db)], env, first, markers, args.opens)
        before = None
        if args.baseline:
            db = db_before
            old = checkout(args.baseline, Path(folder) / "baseline")
            code = (
                f"import sys, tui; assert tui.__file__.startswith({str(old)!r}), tui.__file__; "
                "from tui.cli import main; sys.exit(main())"
            )
            argv = [sys.executable, "-c", code, "--db", str(db)]
            old_env = {**env, "PYTHONPATH": f"{old}{os.pathsep}{os.environ.get('PYTHONPATH', '')}"}
            # Run from the checkout: `python -c` puts the working folder first on sys.path, and
            # from the repository that would import today's `tui` instead of the baseline's.
            before = session_times(argv, old_env, first, markers, args.opens, cwd=str(old))
    print(f"{args.size} articles, {len(opened[WORDS])} opened on a 120x40 pty")
    report("newstui", opened)
    if before:
        report(f"at {args.baseline}", before)
    worst = max(statistics.median(opened[PANEL]), statistics.median(opened[MOVE]))
    verdict = "ok" if worst <= LAG_MS else "MISSED"
    print(
        f"  goal: reader and panel drawn within {LAG_MS} ms of Enter, j within it, median ({verdict})"
    )


if __name__ == "__main__":
    main()
