"""Pipe to screen: `cat seed | newstui` until the story body is painted, beside a minimal Textual app.

    python bench/pipe.py [--seed ../shared/seed/globe-belarus-2020-09-14.txt] [--rounds 3]

newstui runs on a real 120x40 pseudo-terminal with the seed written to its standard input (then closed),
as `cat seed | newstui` does; the clock starts when the last byte is written and stops when the first
words of the story's first paragraph (as newstui's own cleaner keeps it) appear on the terminal. The
entities and timeline are then filled in by a worker; "Analyzing…" on the screen shows the body did
not wait for them. Each round uses a new empty store. Baseline in the same run: the minimal Textual
app's launch-to-paint (`bench/minimal_app.py`). Goal: the body within 1 s of the last byte.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from terminal import run_until

REPO = Path(__file__).resolve().parents[1]
SEED = REPO.parent / "shared" / "seed" / "globe-belarus-2020-09-14.txt"
GOAL_S = 1.0


def body_marker(data: bytes) -> str:
    """The first words of the story's first paragraph, as newstui keeps it."""
    from tui.ingest import ingest_bytes

    article = ingest_bytes(data, origin="stdin")[0]
    return article.paragraphs[0][:24]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=Path, default=SEED)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    if not args.seed.exists():
        print(f"pipe: skipped, {args.seed} is not present")
        return
    data = args.seed.read_bytes()
    marker = body_marker(data)
    minimal = [sys.executable, str(Path(__file__).with_name("minimal_app.py"))]
    body, analyzing, base = [], [], []
    with tempfile.TemporaryDirectory(prefix="newstui-pipe-") as work:
        for n in range(args.rounds):
            db = Path(work) / f"r{n}" / "store.json"
            argv = [str(Path(sys.executable).parent / "newstui"), "--db", str(db)]
            painted = run_until(argv, [marker, "Analyzing"], stdin_data=data, timeout=60)
            body.append(painted.seconds[marker])
            analyzing.append(painted.seconds["Analyzing"])
            base.append(run_until(minimal, ["minimal ready"]).seconds["minimal ready"])
    median = statistics.median(body)
    verdict = "ok" if median <= GOAL_S else "MISSED"
    print(f"Pipe to screen: cat {args.seed.name} | newstui (median of {args.rounds})")
    print(
        f"  story body painted {median:5.2f} s after the last byte (range {min(body):.2f}-{max(body):.2f})"
    )
    print(f"  'Analyzing…' shown {statistics.median(analyzing):5.2f} s (entities fill in later)")
    print(f"  baseline: minimal Textual app launch-to-paint {statistics.median(base):5.2f} s")
    print(f"  goal: body within {GOAL_S:.0f} s of the last byte: {verdict}")


if __name__ == "__main__":
    main()
