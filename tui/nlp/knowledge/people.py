"""Given names and surnames people are commonly called by, from the US Census lists.

The `names` package (MIT) ships the 1990 US Census name frequency files (public domain): 1,219 male
and 4,275 female given names and 88,799 surnames. A name that starts with a common given name
("Denzel Ward") is a person's far more often than a firm's, whatever the model guessed.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

# Surnames past this rank in the Census list are too rare to tell anything.
_SURNAMES_KEPT = 20_000
# Given names common in news beyond the 1990 Census lists (recent and non-English names).
EXTRA_GIVEN_NAMES = {
    "aaliyah", "abdul", "ahmed", "aiden", "ali", "amir", "andrés", "ángel", "ayesha", "boris",
    "carlos", "chen", "dmitry", "elon", "emmanuel", "fatima", "françois", "giuseppe", "hamid",
    "hassan", "ibrahim", "igor", "ivan", "jacinda", "jamal", "javier", "jesús", "jorge", "josé",
    "juan", "kamala", "karim", "khalid", "kim", "lei", "li", "luis", "mahmoud",
    "malik", "mohamed", "mohammad", "mohammed", "muhammad", "narendra", "nikolai", "olaf",
    "omar", "pablo", "pedro", "rahul", "rajesh", "recep", "sanjay", "sergei", "sergey",
    "tariq", "vladimir", "volodymyr", "wei", "xi", "yuri", "yusuf", "zhang",
}  # fmt: skip


# People news names by surname alone, written by hand: US presidents and other leaders of the
# last decades, whose surnames the Census lists rank low or not at all. Surnames that are also a
# place or a firm ("Ford", "Washington", "Lincoln") are left out.
FAMOUS_SURNAMES = {
    "obama", "trump", "biden", "bush", "clinton", "reagan", "nixon", "carter", "eisenhower",
    "truman", "roosevelt", "pence", "harris", "pelosi", "mcconnell", "schumer", "romney",
    "sanders", "warren", "buttigieg", "giuliani", "mueller", "comey", "barr", "pompeo",
    "putin", "medvedev", "lavrov", "zelensky", "zelenskyy", "xi", "merkel", "scholz", "macron",
    "sarkozy", "hollande", "trudeau", "modi", "erdogan", "netanyahu", "assad", "khamenei",
    "rouhani", "lukashenko", "orban", "duterte", "bolsonaro", "lula", "maduro", "castro",
    "kim jong un", "thatcher", "blair", "cameron", "corbyn", "sunak", "starmer", "zuckerberg",
    "musk", "bezos", "gates", "buffett", "aoc",
}  # fmt: skip


def _read(path: Path, limit: int | None = None) -> list[str]:
    names: list[str] = []
    with path.open(encoding="ascii", errors="replace") as fh:
        for line in fh:
            parts = line.split()
            if parts:
                names.append(parts[0].lower())
            if limit is not None and len(names) >= limit:
                break
    return names


def _build() -> dict[str, Any]:
    import names

    folder = Path(names.__file__).parent
    given = _read(folder / "dist.male.first") + _read(folder / "dist.female.first")
    return {
        "given": sorted(set(given) | EXTRA_GIVEN_NAMES),
        "surnames": _read(folder / "dist.all.last", _SURNAMES_KEPT),
    }


@cache
def _tables() -> tuple[frozenset[str], dict[str, int]]:
    import names

    from tui.nlp.knowledge.cache import cached_table

    table = cached_table("people", f"names{names.__version__}", _build)
    surnames = {name: rank for rank, name in enumerate(table["surnames"])}
    return frozenset(table["given"]), surnames


def is_given_name(word: str) -> bool:
    """True for a common given name ("Denzel", "Jeanine"), in any case."""
    return word.lower() in _tables()[0]


def surname_rank(word: str) -> int | None:
    """The rank of a surname among the Census's most common (0 = Smith), or None."""
    return _tables()[1].get(word.lower())


def is_famous_surname(word: str) -> bool:
    """True for a surname news uses alone for one well-known person ("Obama", "Merkel")."""
    return " ".join(word.lower().split()) in FAMOUS_SURNAMES
