"""`newstui doctor`: find what is wrong with a store and repair it, keeping a backup.

The article files are the source of truth; the index is derived from them, so a damaged or incomplete
index can always be rebuilt. Nothing is deleted: a damaged index is moved to a backup, a damaged article
file to `<store>.articles/.damaged/`.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from tui.model import Article
from tui.store import Store, StoreError


@dataclass
class DoctorReport:
    """What the check found and what the repair did."""

    problems: list[str] = field(default_factory=list)
    repairs: list[str] = field(default_factory=list)
    backup: Path | None = None
    articles: int = 0

    @property
    def healthy(self) -> bool:
        return not self.problems


def _backup(path: Path) -> Path:
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f")
    target = path.with_name(f"{path.name}.bak-{stamp}")
    shutil.copy2(path, target)
    return target


def examine(path: Path, repair: bool = True) -> DoctorReport:
    """Check a store (index and article files) and, when `repair`, mend what can be mended."""
    report = DoctorReport()
    try:
        store = Store(path)
        len(store)  # reads the index
    except StoreError as exc:
        report.problems.append(str(exc))
        if not repair:
            return report
        report.backup = _backup(path)
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
    if unlisted:
        report.problems.append(f"{len(unlisted)} article file(s) are not in the index")
    if repair and (missing or unlisted):
        if report.backup is None and path.exists():
            report.backup = _backup(path)
        if missing:
            store.drop_from_index(missing)
            report.repairs.append(f"removed {len(missing)} index entries without an article file")
        if unlisted:
            store.reindex(unlisted)
            report.repairs.append(f"added {len(unlisted)} article file(s) back to the index")
    report.articles = len(store)
    return report
