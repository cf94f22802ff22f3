"""The article list's `/` filter and its orders' labels: pure functions over summaries, no widgets
(the orders themselves are `tui.store.orders`: the store writes the first screen of each).

The filter words are `tag:x`, `source:x`, `feed:x`, `is:unread`, `is:read`, `is:starred` and
`entity:x` (`entity:Okafor`, `entity:"Niamh Okafor"`, `entity:niamh okafor`, `entity:Niamh_Okafor`:
names and aliases in any case); any other word must appear in the title. `feed:x` keeps the
articles of the feeds whose name has x in it (the list knows each feed id's name).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from tui.model import ArticleSummary

SORT_LABELS = {  # short: they share the list's top border with "Articles"
    "added": "by added",
    "published": "by date",
    "title": "by title",
    "source": "by source",
}


# A filter word: `field:"a quoted value"`, `field:value`, or a plain word.
_WORD = re.compile(r"""(\w+):"([^"]*)"?|(\w+):'([^']*)'?|(\S+)""")
_QUOTES = re.compile("[\"']")
_LONGEST_NAME = 4  # words an unquoted `entity:` value may take from the words after it


@dataclass(frozen=True, slots=True)
class FilterWord:
    """One word of the filter: a field and its value (`tag:x`), or a plain title word."""

    field: str
    value: str
    quoted: bool = False


def filter_words(query: str) -> list[FilterWord]:
    """The filter split into words; a quoted value keeps its spaces (`entity:"Niamh Okafor"`)."""
    words = []
    for m in _WORD.finditer(query):
        if m.group(1) is not None:
            words.append(FilterWord(m.group(1).casefold(), m.group(2), True))
        elif m.group(3) is not None:
            words.append(FilterWord(m.group(3).casefold(), m.group(4), True))
        else:
            field, sep, value = m.group(5).partition(":")
            if sep and field.isalpha() and value:
                words.append(FilterWord(field.casefold(), value))
            else:
                words.append(FilterWord("", m.group(5)))
    return words


def _entity_value(word: FilterWord) -> str:
    return " ".join(word.value.replace("_", " ").split()).casefold()


def _name_runs(words: list[FilterWord], at: int) -> list[tuple[str, int]]:
    """An unquoted `entity:` value and the longer names made with the plain words after it, each
    with the number of filter words it takes: `entity:niamh okafor` may mean "niamh okafor"."""
    first = _entity_value(words[at])
    runs = [(first, 1)]
    if words[at].quoted:
        return runs
    parts = [first]
    for k in range(at + 1, min(len(words), at + _LONGEST_NAME)):
        if words[k].field:
            break
        parts.append(words[k].value.casefold())
        runs.append((" ".join(parts), k - at + 1))
    return runs


def asked_entities(query: str) -> list[str]:
    """The entity names an `entity:` word of the filter may ask for: `entity:Niamh_Okafor`,
    `entity:"niamh okafor"`, `entity:okafor`, and for `entity:niamh okafor` both "niamh" and
    "niamh okafor" (the store says which names an article)."""
    words = filter_words(query)
    names: list[str] = []
    for i, word in enumerate(words):
        if word.field == "entity" and word.value.strip():
            names.extend(name for name, _ in _name_runs(words, i) if name not in names)
    return names


def _chosen_entities(
    words: list[FilterWord], entity_ids: Mapping[str, frozenset[str]]
) -> list[tuple[str, range]]:
    """Each `entity:` word's name and the filter words it takes: the longest run that names an
    article, else the value alone."""
    chosen = []
    for i, word in enumerate(words):
        if word.field != "entity" or not word.value.strip():
            continue
        runs = _name_runs(words, i)
        name, taken = next(((n, t) for n, t in reversed(runs) if entity_ids.get(n)), runs[0])
        chosen.append((name, range(i, i + taken)))
    return chosen


def matches_query(
    summary: ArticleSummary,
    query: str,
    entity_ids: Mapping[str, frozenset[str]] | None = None,
    feed_names: Mapping[str, str] | None = None,
) -> bool:
    """The `/` filter: `tag:x`, `source:x`, `feed:x` (by the names in `feed_names`, feed id ->
    name), `is:unread`, `is:starred`, `entity:x` (with the ids of the articles naming each asked
    name in `entity_ids`); other words are title words."""
    test = query_test(query, entity_ids, feed_names)
    return test is None or test(summary)


def feed_word(name: str) -> str:
    """The filter word that lists one feed's articles: `feed:"Lakeport Courier"` (in the quote the
    name does not use; a name with both is matched by its longest run without quotes)."""
    name = " ".join(name.split())
    if '"' not in name:
        return f'feed:"{name}"'
    if "'" not in name:
        return f"feed:'{name}'"
    longest = max(_QUOTES.split(name), key=len).strip()
    return f'feed:"{longest}"'


def asked_feeds(query: str) -> list[str]:
    """The values of the filter's `feed:` words, in lower case."""
    return [w.value.casefold() for w in filter_words(query) if w.field == "feed" and w.value]


def _in(ids: frozenset[str]) -> Callable[[ArticleSummary], bool]:
    return lambda s: s.id in ids


def _tagged(value: str) -> Callable[[ArticleSummary], bool]:
    return lambda s: any(value in tag.casefold() for tag in s.tags)


def _from_source(value: str) -> Callable[[ArticleSummary], bool]:
    return lambda s: value in (s.source or "").casefold()


def _from_feed(value: str, feed_names: Mapping[str, str]) -> Callable[[ArticleSummary], bool]:
    ids = frozenset(i for i, name in feed_names.items() if value in name.casefold())
    return lambda s: s.feed in ids


def query_test(
    query: str,
    entity_ids: Mapping[str, frozenset[str]] | None = None,
    feed_names: Mapping[str, str] | None = None,
) -> Callable[[ArticleSummary], bool] | None:
    """`matches_query` for one query, parsed once: a test for each summary, or None when the
    query keeps every article (the list filters 10,000 summaries on each key typed)."""
    checks: list[Callable[[ArticleSummary], bool]] = []
    title_words: list[str] = []
    words = filter_words(query)
    taken: set[int] = set()
    for name, span in _chosen_entities(words, entity_ids or {}):
        ids = (entity_ids or {}).get(name, frozenset())
        checks.append(_in(ids))
        taken.update(span)
    for i, word in enumerate(words):
        field, value = word.field, word.value.casefold()
        if i in taken or (field == "entity" and not value.strip()):
            continue
        if field == "tag" and value:
            checks.append(_tagged(value))
        elif field == "source" and value:
            checks.append(_from_source(value))
        elif field == "feed" and value:
            checks.append(_from_feed(value, feed_names or {}))
        elif field == "is" and value == "unread":
            checks.append(lambda s: not s.read)
        elif field == "is" and value == "read":
            checks.append(lambda s: s.read)
        elif field == "is" and value == "starred":
            checks.append(lambda s: s.starred)
        else:
            title_words.append(f"{field}:{word.value}".casefold() if field else value)
    if title_words:  # every word is in the title, case-insensitively
        checks.append(lambda s: all(w in s.title.casefold() for w in title_words))
    if not checks:
        return None
    if len(checks) == 1:
        return checks[0]
    return lambda s: all(check(s) for check in checks)
