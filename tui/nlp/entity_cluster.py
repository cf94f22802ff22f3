"""A cluster: the candidate mentions believed to name one thing, its type their weighted vote.

Made by `entity_merge`, retyped by `entity_retype` and `entity_lists`, widened by `entity_recall`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from tui.nlp.entity_cues import Votes
from tui.nlp.entity_mentions import Candidate
from tui.nlp.entity_names import name_key

# The order ties in a type vote are broken in.
TYPE_PRIORITY = ("PERSON", "ORGANIZATION", "PLACE", "GROUP", "EVENT", "OTHER")


@dataclass(slots=True)
class Cluster:
    """Mentions believed to name one thing, and whether a person link fixed its type."""

    candidates: list[Candidate] = field(default_factory=list)
    forced_type: str | None = None

    @property
    def first(self) -> tuple[int, int]:
        return min(c.position for c in self.candidates)

    @property
    def votes(self) -> Votes:
        total = Votes()
        for candidate in self.candidates:
            total.add(candidate.votes)
        return total

    @property
    def type(self) -> str:
        if self.forced_type:
            return self.forced_type
        votes = self.votes
        best = max(TYPE_PRIORITY, key=lambda t: (votes[t], -TYPE_PRIORITY.index(t)))
        return best if votes[best] > 0 else "OTHER"  # no evidence at all: not a person by default

    @property
    def name(self) -> str:
        """The fullest name: most words, then most often written, then first written."""
        forms: dict[str, tuple[int, int, tuple[int, int]]] = {}
        for c in sorted(self.candidates, key=lambda c: c.position):
            words, seen, first = forms.get(c.name, (len(c.name.split()), 0, c.position))
            forms[c.name] = (words, seen + 1, first)
        return max(forms, key=lambda n: (forms[n][0], forms[n][1], _negated(forms[n][2])))

    @property
    def words(self) -> list[str]:
        return name_key(self.name).split()

    def absorb(self, other: Cluster) -> None:
        self.candidates.extend(other.candidates)
        other.candidates = []


def _negated(position: tuple[int, int]) -> tuple[int, int]:
    return (-position[0], -position[1])
