"""The reader at scale: with N stored articles, how fast the list paints, moves, sorts, filters,
searches and opens articles (headless Textual, the real app over a synthetic store).

    python bench/list_scale.py [--size 10000]

Each figure is wall time around Pilot key presses, so it includes Textual's own refresh ("open:
drawn" stops instead when the reader has drawn the article, Pilot's floor not included); the bar
for "no visible lag" is about 100 ms for a key that moves or opens. Pilot itself adds a floor to
every key: it waits until the whole process (worker threads too) has been idle for a moment, which
costs ~60 ms even for a key that does nothing; "unbound key" measures that floor in the same run.
The body search is timed in its parts: the prompt opening (F), typing the words (Pilot's floor per
character), and Enter to the results listed. The garbage collector is handled as `newstui` handles
it: paused for start-up, then resumed with what start-up built frozen out of later collections.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.synth import write_store
from tui.app.app import build_app
from tui.app.widgets.article_list import ArticleList
from tui.app.widgets.article_view import ArticleView
from tui.settings import Settings
from tui.store import Store


async def _timed(pilot, *keys: str) -> float:
    start = time.perf_counter()
    await pilot.press(*keys)
    await pilot.pause()
    return (time.perf_counter() - start) * 1000


async def measure(db: Path, isolate: bool = False) -> dict[str, float]:
    """Milliseconds for each interaction over the store at `db`.

    With `isolate`, the panels' "in N other articles" worker is off, to time the list and reader alone.
    """
    figures: dict[str, float] = {}
    start = time.perf_counter()
    gc.disable()  # as `newstui` does for its start-up; the app resumes it (`resume_gc`)
    app = build_app(Store(db), settings=Settings(path=None))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        figures["start to first paint"] = (time.perf_counter() - start) * 1000
        articles = app.screen.query_one(ArticleList)
        figures["articles listed"] = articles.option_count
        query = " ".join(articles.visible[len(articles.visible) // 2].title.split()[:2])
        app.screen.analyze = lambda article: None  # measure the reader, not spaCy
        if isolate and hasattr(app.screen, "count_elsewhere"):
            app.screen.count_elsewhere = lambda *args: None
        floor = [await _timed(pilot, "f19") for _ in range(10)]
        figures["unbound key (floor)"] = statistics.median(floor)
        moves = [await _timed(pilot, "j") for _ in range(30)]
        figures["move (median of 30)"] = statistics.median(moves)
        figures["move (worst)"] = max(moves)
        opens, drawn = [], []
        screen = app.screen
        open_article = screen.open_article
        clock = {"start": 0.0}
        done = asyncio.Event()

        def drawn_now() -> None:
            drawn.append((time.perf_counter() - clock["start"]) * 1000)
            done.set()

        def timed_open(article_id: str) -> None:
            """Open as the app does, then ask (as its own workers do) to hear when it is drawn."""
            open_article(article_id)
            screen.query_one(ArticleView).when_painted(drawn_now)

        screen.open_article = timed_open
        for _ in range(10):
            done.clear()
            clock["start"] = time.perf_counter()
            await pilot.press("enter")
            await asyncio.wait_for(done.wait(), 5)
            await pilot.pause()
            opens.append((time.perf_counter() - clock["start"]) * 1000)
            await pilot.press("j")
        figures["open: drawn (median of 10)"] = statistics.median(drawn)
        figures["open: drawn (worst)"] = max(drawn)
        figures["open: to idle (median)"] = statistics.median(opens)
        figures["open: to idle (worst)"] = max(opens)
        figures["next unread ]"] = await _timed(pilot, "right_square_bracket")
        figures["star s"] = await _timed(pilot, "s")
        sorts = [await _timed(pilot, "O") for _ in range(4)]  # every order, back to the first
        figures["sort O (median of 4)"] = statistics.median(sorts)
        figures["sort O (worst)"] = max(sorts)
        await pilot.press("slash")
        keys = [await _timed(pilot, key) for key in "the"]
        figures["filter key (median of 3)"] = statistics.median(keys)
        figures["filter key (worst)"] = max(keys)
        await pilot.press("escape")
        figures["search prompt F"] = await _timed(pilot, "F")
        typed = await _timed(pilot, *query)
        figures["search, per key typed"] = typed / max(len(query), 1)
        start = time.perf_counter()
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        figures["search, Enter to list"] = (time.perf_counter() - start) * 1000
        total = figures["search prompt F"] + typed + figures["search, Enter to list"]
        figures["search, F to list"] = total
        figures["search results"] = len(app.screen.query_one(ArticleList).visible)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--size", type=int, default=10000)
    parser.add_argument("--isolate", action="store_true", help="no cross-article entity counts")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "store.json"
        write_store(db, args.size)
        figures = asyncio.run(measure(db, args.isolate))
    print(f"{args.size} articles" + (" (cross-article entity counts off)" if args.isolate else ""))
    for name, value in figures.items():
        unit = "" if name in ("search results", "articles listed") else " ms"
        print(f"  {name:<26} {value:8.0f}{unit}")


if __name__ == "__main__":
    main()
