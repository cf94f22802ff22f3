"""Hostile inputs: time and peak memory of `newstui analyze` on each hostile case (a process each),
then cleaning a plain-text dump of many short lines and analyzing a text full of names at growing
sizes, where the time per line (or per kilobyte) should stay flat (linear growth).

    .venv/bin/python -m bench.hostile [--sizes 5000,20000,80000] [--names 400,1600] [--no-cases]

The issue's bar: 1,000,000 short lines and a 2 MB name-heavy text each finish (stored or refused)
in under 30 s and 1 GB; no input under the size cap takes longer than 60 s or 2 GB.

Issue 16 measured 20,000 short lines at ~60 s and 2,000 sentences of names at ~2 min before the
fixes (a neighbour scan per line; `Doc.text` rebuilt for every candidate; every person compared
with every other); the baseline here is the smallest size of the same run.
"""

from __future__ import annotations

import argparse
import random
import sys
import time

WORDS = [
    "harbour",
    "ferry",
    "council",
    "vote",
    "menu",
    "share",
    "pier",
    "tide",
    "strike",
    "union",
    "port",
    "minister",
]
FIRST = [
    "Anna",
    "Boris",
    "Carla",
    "Dmitri",
    "Elena",
    "Farid",
    "Greta",
    "Hugo",
    "Ines",
    "Jonas",
    "Katya",
    "Liam",
    "Mara",
    "Nils",
    "Olga",
]
LAST = [
    "Okafor",
    "Salo",
    "Berg",
    "Marsh",
    "Pettigrew",
    "Sandhu",
    "Brisebois",
    "Whelan",
    "Doyle",
    "Kessler",
    "Moreau",
]


def short_lines(n: int) -> str:
    rng = random.Random(n)
    lines = [" ".join(rng.choice(WORDS) for _ in range(rng.randint(2, 5))) for _ in range(n)]
    story = "The council voted on Tuesday to build a new ferry pier, the mayor said."
    return story + "\n\n" + "\n".join(lines) + "\n\n" + story


def names_text(sentences: int) -> str:
    rng = random.Random(sentences)
    out = []
    for i in range(sentences):
        a = f"{rng.choice(FIRST)} {rng.choice(LAST)}{i % 97}"
        b = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        out.append(f"{a} told {b} that Mr. {a.split()[1]} would meet them in Port Halloran.")
    return "\n\n".join(" ".join(out[i : i + 5]) for i in range(0, len(out), 5))


def run_case(name: str, data: str, *extra: str) -> None:
    """`newstui analyze` on one input in its own process: wall time, peak RSS, exit status."""
    import os
    import subprocess
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "input.txt"
        path.write_text(data, encoding="utf-8")
        newstui = Path(sys.executable).with_name("newstui")
        start = time.perf_counter()
        child = subprocess.Popen(
            [str(newstui), "analyze", str(path), "--json", *extra],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        _, status, usage = os.wait4(child.pid, 0)
        took = time.perf_counter() - start
        said = child.stderr.read().decode(errors="replace").strip() if child.stderr else ""
        child.returncode = os.waitstatus_to_exitcode(status)
    size = len(data.encode()) / 1e6
    print(
        f"  {name:<34} {size:6.1f} MB  {took:6.1f} s  {usage.ru_maxrss / 1024:6.0f} MB peak  "
        f"exit {child.returncode}  {said[:90]}"
    )


def cases() -> None:
    print("Hostile cases (newstui analyze, a process each)")
    run_case("1,000,000 short lines", "\n".join(f"item {i} of list" for i in range(1_000_000)))
    run_case("190,000 one-sentence lines", short_lines(190_000))
    run_case("2 MB of names", names_text(24_000))
    run_case("290 KB of names", names_text(3_400))
    paragraph = "<p>The council met on Tuesday and talked about the ferry pier for hours.</p>\n"
    run_case(
        "16 MB HTML page", f"<html><body><article>{paragraph * 220_000}</article></body></html>"
    )
    run_case(
        "2.9 MB HTML page", f"<html><body><article>{paragraph * 38_000}</article></body></html>"
    )


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="5000,20000,80000")
    parser.add_argument("--names", default="400,1600")
    parser.add_argument("--no-cases", action="store_true", help="only the scaling runs")
    args = parser.parse_args(argv)
    if not args.no_cases:
        cases()
    from tui.ingest.text import clean_dump

    print("Cleaning a dump of short lines")
    for n in map(int, args.sizes.split(",")):
        start = time.perf_counter()
        clean_dump(short_lines(n))
        took = time.perf_counter() - start
        print(f"  {n:>8,} lines  {took:7.2f} s  {1e6 * took / n:7.1f} µs a line")

    from tui.model import Article
    from tui.nlp.pipeline import analyze_articles, load_model

    nlp = load_model()
    print("Analyzing a text full of names")
    for n in map(int, args.names.split(",")):
        text = names_text(n)
        article = Article(id="bench", title="Names", paragraphs=text.split("\n\n"))
        start = time.perf_counter()
        analyze_articles([article], nlp)
        took = time.perf_counter() - start
        kb = len(text) / 1000
        print(f"  {n:>8,} sentences ({kb:,.0f} KB)  {took:7.2f} s  {took / kb * 1000:7.1f} ms a KB")


if __name__ == "__main__":
    main(sys.argv[1:])
