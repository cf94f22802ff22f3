"""Make docs/screenshot.svg: the reader on a sample article, as the README shows it.

    .venv/bin/python docs/screenshot.py
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


async def main() -> None:
    from tui.library.adding import add_folder_if_empty
    from tui.app.app import build_app
    from tui.store import Store

    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "store.json")
        add_folder_if_empty(store, str(ROOT / "sample_articles"))
        wanted = next(s.id for s in store.summaries() if "dock strike" in s.title)
        app = build_app(store, open_id=wanted)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            await pilot.app.workers.wait_for_complete()
            await pilot.pause()
            app.save_screenshot(filename="screenshot.svg", path=str(ROOT / "docs"))


if __name__ == "__main__":
    asyncio.run(main())
