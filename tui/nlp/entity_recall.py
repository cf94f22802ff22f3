"""Mentions the model missed: a name an entity already goes by, written again where no span was.

The small model tags "Kylie Vance" in one sentence and misses "Vance, 22, will keep ..." in the
next. Once the article's entities are known, every other place that writes one of their names
(word for word, not inside a longer capitalised name) is a mention too: the reader marks it and the
count is right. A name two entities share, or a word the article also writes in lower case, is
left alone.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import TYPE_CHECKING

from tui.nlp.doc_text import text_of
from tui.nlp.entity_credits import credit_ranges, in_ranges
from tui.nlp.entity_cues import Votes
from tui.nlp.entity_lexicon import FIRM_SUFFIXES, HONORIFICS
from tui.nlp.entity_mentions import Candidate

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from tui.nlp.entity_cluster import Cluster

_TYPES = ("PERSON", "ORGANIZATION", "PLACE")
_WORD_BEFORE = re.compile(r"(?<![\w.])([A-Z][\w'’-]*\.?) $")
_WORD_AFTER = re.compile(r" [A-Z][a-z]")


def _forms(clusters: list[Cluster], lowercase: set[str]) -> dict[str, Cluster]:
    """Each written form that names exactly one entity, and is worth looking for."""
    owners: dict[str, set[int]] = defaultdict(set)
    by_id: dict[int, Cluster] = {}
    for cluster in clusters:
        if cluster.type not in _TYPES:
            continue
        by_id[id(cluster)] = cluster
        texts = [c.text for c in cluster.candidates]
        if cluster.type == "PERSON" and len(cluster.name.split()) >= 2:
            texts.append(cluster.name.split()[-1])  # "Vance" for Kylie Vance
        words = cluster.name.split()
        if (
            cluster.type == "ORGANIZATION"
            and len(words) >= 2
            and words[-1].lower() in FIRM_SUFFIXES
        ):
            texts.append(" ".join(words[:-1]).rstrip(","))  # "Quillon" for Quillon Inc.
        for form in texts:
            single = " " not in form
            if not form[:1].isupper() or (single and (len(form) < 3 or form.lower() in lowercase)):
                continue
            if form.isupper() and single and len(form) <= 2:
                continue
            owners[form].add(id(cluster))
    return {form: by_id[next(iter(ids))] for form, ids in owners.items() if len(ids) == 1}


def _inside_longer_name(text: str, start: int, end: int) -> bool:
    """True when a capitalised word touches the match: "Vance Street", "Lake Vance" ("Mr. Vance"
    is still Vance)."""
    before = _WORD_BEFORE.search(text, 0, start)
    if before:
        word = before.group(1)
        if len(word) == 2 and word.endswith("."):
            return True  # an initial: "J. Vance" may be someone else
        if not word.endswith(".") and word.lower() not in HONORIFICS:
            return True  # "Lake Vance"; but "... Exchange. Vance" ends a sentence
    return _WORD_AFTER.match(text, end) is not None


def add_missed_mentions(clusters: list[Cluster], docs: list[Doc], lowercase: set[str]) -> None:
    """Give each entity the mentions of its names that no candidate covers.

    `lowercase` holds the words the article writes in lower case: a one-word name among them
    ("Cook" in a story about cooking) is not looked for.
    """
    forms = _forms(clusters, lowercase)
    if not forms:
        return
    taken: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for cluster in clusters:
        for c in cluster.candidates:
            taken[c.paragraph].append((c.start, c.end))
    pattern = re.compile(
        r"(?<![\w'’-])(?:"
        + "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
        + r")(?![\w-]|['’]\w\w)"
    )
    for paragraph, doc in enumerate(docs):
        text = text_of(doc)
        credits = credit_ranges(text, paragraph)
        for m in pattern.finditer(text):
            start, end = m.span()
            if any(start < e and s < end for s, e in taken[paragraph]):
                continue
            if in_ranges(start, end, credits):
                continue  # "Read more: …", "Photo by …": furniture, not a mention
            if _inside_longer_name(text, start, end):
                continue
            cluster = forms[m.group(0)]
            like = next((c for c in cluster.candidates if c.text == m.group(0)), None)
            cluster.candidates.append(
                Candidate(
                    paragraph=paragraph,
                    start=start,
                    end=end,
                    text=m.group(0),
                    name=like.name if like else m.group(0),
                    votes=Votes(),
                    article=like.article if like else None,
                )
            )
            taken[paragraph].append((start, end))
