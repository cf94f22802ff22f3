"""`newstui doctor`: find what is wrong with a store and repair it, keeping a backup.

The article files are the source of truth for the articles; the index is derived from them, so a
damaged or incomplete index can always be rebuilt. The reading state (read, starred, tags) is not in
the article files: it is in the index and in the state log. A rebuild therefore takes it from what it
can read of the damaged index (whole documents, else the fields still readable in each one), with the
state log on top, and says which articles' state it could not recover. Nothing is deleted: a damaged
index (and the state log beside it) is copied to a backup, a damaged article file is moved to
`<store>.articles/.damaged/`.
"""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from tui.model import Article, ArticleSummary
from tui.store.files import NewerStoreError, StoreError
from tui.store.state_log import READING_STATE, read_state_log, state_log_path
from tui.store.store import Store

SHOWN_IDS = 8  # ids named in a sentence about lost state; the rest are counted


@dataclass
class DoctorReport:
    """What the check found, what the repair did, and what it could not keep."""

    problems: list[str] = field(default_factory=list)
    repairs: list[str] = field(default_factory=list)
    not_kept: list[str] = field(default_factory=list)
    backup: Path | None = None
    state_backup: Path | None = None
    articles: int = 0
    refused: bool = False  # the store is not this newstui's to repair (a newer schema)

    @property
    def healthy(self) -> bool:
        return not self.problems


@dataclass
class Salvage:
    """The reading state read from a damaged index file."""

    state: dict[str, dict[str, Any]] = field(default_factory=dict)
    complete: set[str] = field(default_factory=set)  # ids whose document was read whole
    whole: bool = False  # the file parsed: an article it does not list had the default state


# Where an index document starts: every document this newstui writes begins with its id.
_DOC_START = re.compile(r'\{\s*"id"\s*:\s*"([^"\\]{1,64})"')
_FLAG = {key: re.compile(rf'"{key}"\s*:\s*(true|false)') for key in ("read", "starred")}
_TAGS = re.compile(r'"tags"\s*:\s*(\[[^\[\]]*\])')


def _as_list(value: object) -> list[object]:
    return value if isinstance(value, list) else []


def _state_of(doc: dict[str, Any]) -> dict[str, Any]:
    return {
        "read": bool(doc.get("read", False)),
        "starred": bool(doc.get("starred", False)),
        "tags": [t for t in _as_list(doc.get("tags")) if isinstance(t, str)],
    }


def _fields_in(segment: str) -> dict[str, Any]:
    """The reading-state fields still readable in a damaged document's text."""
    found: dict[str, Any] = {}
    for key, pattern in _FLAG.items():
        if match := pattern.search(segment):
            found[key] = match.group(1) == "true"
    if match := _TAGS.search(segment):
        try:
            tags = json.loads(match.group(1))
        except ValueError:
            tags = None
        if isinstance(tags, list):
            found["tags"] = [t for t in tags if isinstance(t, str)]
    return found


def salvage_state(data: bytes) -> Salvage:
    """The reading state in an index file, as much of it as can be read: the whole file if it
    parses, else each article's document on its own, else the fields readable in what is left of it."""
    text = data.decode("utf-8", errors="replace")
    salvage = Salvage()
    try:
        parsed = json.loads(text)
    except ValueError:
        parsed = None
    table = parsed.get("articles") if isinstance(parsed, dict) else None
    if isinstance(table, dict):
        salvage.whole = True
        for doc in table.values():
            if isinstance(doc, dict) and isinstance(doc.get("id"), str):
                salvage.state[doc["id"]] = _state_of(doc)
                salvage.complete.add(doc["id"])
        return salvage
    decoder = json.JSONDecoder()
    starts = list(_DOC_START.finditer(text))
    for k, match in enumerate(starts):
        article_id = match.group(1)
        end = starts[k + 1].start() if k + 1 < len(starts) else len(text)
        try:
            doc, stop = decoder.raw_decode(text, match.start())
        except ValueError:
            doc, stop = None, end + 1
        if isinstance(doc, dict) and doc.get("id") == article_id and stop <= end:
            salvage.state[article_id] = _state_of(doc)
            salvage.complete.add(article_id)
        elif article_id not in salvage.complete:
            salvage.state[article_id] = _fields_in(text[match.start() : end])
    return salvage


def _stamp() -> str:
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f")


def _backup(path: Path, stamp: str) -> Path:
    """A copy of `path` written whole (a full disk leaves no empty backup behind) before any
    repair writes; StoreError when it cannot be made, and then nothing is repaired."""
    from tui.atomic_files import atomic_write

    target = path.with_name(f"{path.name}.bak-{stamp}")
    try:
        atomic_write(target, path.read_bytes())
    except OSError as exc:
        raise StoreError(
            f"The backup {target} could not be written ({exc.strerror or exc}); nothing was "
            "repaired. Free some disk space or make the folder writable, then run doctor again."
        ) from exc
    return target


def _back_up_index(report: DoctorReport, path: Path) -> None:
    """Copy the index, and the state log if there is one, before the repair writes the index."""
    stamp = _stamp()
    if report.backup is None and path.exists():
        report.backup = _backup(path, stamp)
    log = state_log_path(path)
    if report.state_backup is None and log.exists() and log.stat().st_size:
        report.state_backup = _backup(log, stamp)


def _ids(ids: Iterable[str]) -> str:
    ids = sorted(ids)
    shown = ", ".join(ids[:SHOWN_IDS])
    return shown + (f" and {len(ids) - SHOWN_IDS} more" if len(ids) > SHOWN_IDS else "")


def _articles(n: int) -> str:
    return f"{n} article{'s' if n != 1 else ''}"


def recovered_state(
    ids: Iterable[str],
    salvage: Salvage,
    logged: dict[str, dict[str, Any]],
    in_files: dict[str, dict[str, Any]] | None = None,
) -> tuple[dict[str, dict[str, Any]], set[str], set[str]]:
    """Each article's reading state from a salvaged index with the state log on top (under both,
    what an article file of an older layout holds); and the ids whose state is known only in part
    (a damaged document) or not at all."""
    state: dict[str, dict[str, Any]] = {}
    partial: set[str] = set()
    lost: set[str] = set()
    for article_id in ids:
        found = dict((in_files or {}).get(article_id, {}))
        found.update(salvage.state.get(article_id, {}))
        found.update(logged.get(article_id, {}))
        state[article_id] = found
        if article_id in salvage.complete or salvage.whole or set(found) >= set(READING_STATE):
            continue
        (partial if found else lost).add(article_id)
    return state, partial, lost


def _state_sentences(
    state: dict[str, dict[str, Any]], partial: set[str], lost: set[str], would: bool
) -> tuple[str, list[str]]:
    """What a rebuild keeps of the reading state, and what it cannot keep, in sentences (`would`:
    for a check, which only says what a repair would do)."""
    kept = len(state) - len(lost) - len(partial)
    counts = [
        f"{sum(1 for s in state.values() if s.get(key))} {word}"
        for key, word in (("read", "read"), ("starred", "starred"), ("tags", "tagged"))
    ]
    kept_sentence = (
        f"{'keep' if would else 'kept'} the reading state of {_articles(kept)} from the damaged "
        f"index and the state log ({', '.join(counts)} in all)"
    )
    not_kept = []
    if partial:
        their = "their damaged entries" if len(partial) > 1 else "its damaged entry"
        not_kept.append(
            f"the reading state of {_articles(len(partial))} is known only in part (what could be "
            f"read of {their} and the state log's changes {'would be' if would else 'are'} kept, "
            f"the rest is lost): {_ids(partial)}"
        )
    if lost:
        they, was = ("they", "were") if len(lost) > 1 else ("it", "was")
        now = "would be" if would else ("are now" if len(lost) > 1 else "is now")
        not_kept.append(
            f"the reading state of {_articles(len(lost))} could not be recovered (the damaged index "
            f"was unreadable where {they} {was} listed); {they} {now} unread, unstarred and "
            f"untagged: {_ids(lost)}"
        )
    return kept_sentence, not_kept


def _article_file_ids(path: Path) -> list[str]:
    bodies = path.with_name(path.stem + ".articles")
    return sorted(p.stem for p in bodies.glob("*.json") if not p.name.startswith("."))


def _logged(path: Path) -> dict[str, dict[str, Any]]:
    try:
        return read_state_log(state_log_path(path))
    except FileNotFoundError:
        return {}


def examine(path: Path, repair: bool = True) -> DoctorReport:
    """Check a store (index and article files) and, when `repair`, mend what can be mended."""
    report = DoctorReport()
    salvage: Salvage | None = None
    try:
        store = Store(path, migrate=repair)  # a check changes nothing, not even the schema
        len(store)  # reads the index
    except NewerStoreError as exc:  # not damage: a newer newstui's store, left as it is
        report.problems.append(f"{exc} Doctor changed nothing.")
        report.refused = True
        return report
    except StoreError as exc:
        report.problems.append(str(exc))
        if not path.is_file():
            return report
        salvage = salvage_state(path.read_bytes())
        if not repair:
            state, partial, lost = recovered_state(_article_file_ids(path), salvage, _logged(path))
            kept, report.not_kept = _state_sentences(state, partial, lost, would=True)
            report.repairs.append(f"rebuild the index from the article files and {kept}")
            return report
        _back_up_index(report, path)
        path.unlink()
        report.repairs.append(f"moved the damaged index to {report.backup} and rebuilt it")
        store = Store(path)

    good: list[Article] = []
    for article_id in store.body_ids():
        try:
            good.append(store.read_body(article_id))
        except StoreError as exc:
            report.problems.append(str(exc))
            if repair:
                damaged = store.bodies / ".damaged"
                damaged.mkdir(exist_ok=True)
                shutil.move(store.bodies / f"{article_id}.json", damaged / f"{article_id}.json")
                report.repairs.append(f"moved the damaged article {article_id} to {damaged}")

    on_disk = {a.id for a in good}
    listed = set(store.index_ids())
    missing = sorted(listed - on_disk)
    unlisted = [a for a in good if a.id not in listed]
    if missing:
        report.problems.append(f"{len(missing)} listed article(s) have no article file")
    if unlisted and salvage is None:
        report.problems.append(f"{len(unlisted)} article file(s) are not in the index")
    if repair and (missing or unlisted):
        _back_up_index(report, path)
        if missing:
            _drop(store, missing, report)
        if unlisted:
            _relist(store, unlisted, salvage, report)
    damaged_indexes = store.damaged_indexes()
    report.problems.extend(damaged_indexes)
    if repair and damaged_indexes:
        rebuilt = store.rebuild_damaged_indexes()
        report.repairs.append(f"rebuilt {rebuilt} damaged index(es) from the article files")
    report.articles = len(store)
    return report


def _drop(store: Store, missing: list[str], report: DoctorReport) -> None:
    """Remove the entries of articles without a (readable) file, saying where their state still is."""
    summaries = {s.id: s for s in store.summaries()}
    had_state = [i for i in missing if i in summaries and _has_state(summaries[i])]
    store.drop_from_index(missing)
    report.repairs.append(f"removed {len(missing)} index entries without an article file")
    if had_state:
        report.not_kept.append(
            f"the reading state of {_articles(len(had_state))} whose files are missing or damaged "
            f"is kept only in the backup {report.backup}: {_ids(had_state)}"
        )


def _has_state(summary: ArticleSummary) -> bool:
    return bool(summary.read or summary.starred or summary.tags)


def _relist(
    store: Store, unlisted: list[Article], salvage: Salvage | None, report: DoctorReport
) -> None:
    """List article files again: after a rebuild, with the reading state recovered for them."""
    if salvage is None:  # files a crash left unlisted: the state log may still name them
        store.reindex(unlisted)
        report.repairs.append(f"added {len(unlisted)} article file(s) back to the index")
        return
    in_files = {  # an older layout kept the reading state in the article files too
        a.id: {k: getattr(a, k) for k in READING_STATE if getattr(a, k)} for a in unlisted
    }
    state, partial, lost = recovered_state(
        (a.id for a in unlisted), salvage, store.pending_state(), in_files
    )
    store.reindex(unlisted, state)
    kept, not_kept = _state_sentences(state, partial, lost, would=False)
    report.repairs.append(f"listed {_articles(len(unlisted))} from their files and {kept}")
    report.not_kept.extend(not_kept)
    if report.state_backup:
        report.repairs.append(
            f"folded the state log into the index (a copy: {report.state_backup})"
        )
