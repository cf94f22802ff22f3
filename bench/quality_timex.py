"""How well the timeline finds and dates expressions, on TimeML files (TempEval-3 style).

Gold: every TIMEX3 of type DATE or TIME whose value is a calendar value (`YYYY`, `YYYY-MM`,
`YYYY-MM-DD`, a time cut to its day, `YYYY-Www`, `YYYY-Qn`, `YYYY-SP|SU|FA|WI`, `YYY`); the anchor is the
document's creation time. A prediction is right when it overlaps a gold span and has its value
(one-to-one). Rows: newstui (all files, then a fixed dev/holdout split) and a baseline: spaCy's DATE
entities parsed by dateparser.

    .venv/bin/python -m bench.quality_timex ../shared/eval/timex [--errors]
"""

from __future__ import annotations

import hashlib
import re
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from tui.model import PublishedDate

CALENDAR = re.compile(
    r"^(?:\d{4}(?:-\d\d(?:-\d\d)?)?|\d{4}-W\d\d|\d{4}-Q[1-4]|\d{4}-(?:SP|SU|FA|WI)|\d{3})$"
)
Span3 = tuple[int, int, str]


@dataclass
class TimexDoc:
    """One TimeML file: its text, its anchor and its gold calendar expressions."""

    name: str
    text: str
    anchor: str
    gold: list[Span3]


def calendar_value(value: str) -> str | None:
    """The gold value as the timeline would write it, or None when it is not on a calendar.

    Times are cut to their day; two older TimeML spellings of calendar values are read as the
    newer ones: an unpadded week (`2000-W7` = `2000-W07`) and a decade `199X` (= `199`). A weekend
    (`1990-W32-WE`) is the ISO week it falls in, as the timeline places it (`1990-W32`).
    """
    if re.match(r"^\d{4}-\d\d-\d\dT", value):
        value = value[:10]
    if m := re.fullmatch(r"(\d{4})-W(\d)", value):
        value = f"{m[1]}-W0{m[2]}"
    if re.fullmatch(r"\d{4}-W\d\d-WE", value):
        value = value[:-3]
    if re.fullmatch(r"\d{3}X", value):
        value = value[:3]
    return value if CALENDAR.match(value) else None


def read_timeml(path: Path) -> TimexDoc:
    """Text, creation date and gold spans of a TimeML file."""
    root = ET.parse(path).getroot()
    dct = root.find("DCT/TIMEX3")
    anchor = dct.get("value", "")[:10] if dct is not None else ""
    text_el = root.find("TEXT")
    assert text_el is not None, f"{path} has no TEXT element"
    gold: list[Span3] = []
    pos = 0

    def walk(el: ET.Element) -> None:
        nonlocal pos
        start = pos
        pos += len(el.text or "")
        for child in el:
            walk(child)
            pos += len(child.tail or "")
        if el.tag == "TIMEX3" and el.get("type") in ("DATE", "TIME"):
            value = calendar_value(el.get("value", ""))
            if value is not None:
                gold.append((start, pos, value))

    walk(text_el)
    text = "".join(text_el.itertext())
    return TimexDoc(path.name, text, anchor, sorted(gold))


def paragraphs_of(text: str) -> list[tuple[int, str]]:
    """The text split on blank lines, each paragraph trimmed, with its offset in the text."""
    out = []
    for m in re.finditer(r"(?:[^\n]|\n(?![ \t]*\n))+", text):
        chunk = m.group(0)
        stripped = chunk.strip()
        if stripped:
            out.append((m.start() + chunk.index(stripped), stripped))
    return out


def match_count(pred: list[Span3], gold: list[Span3]) -> int:
    """Predictions that overlap a not-yet-matched gold span with the same value."""
    used: set[int] = set()
    hits = 0
    for ps, pe, pv in pred:
        for i, (gs, ge, gv) in enumerate(gold):
            if i not in used and ps < ge and gs < pe and pv == gv:
                used.add(i)
                hits += 1
                break
    return hits


def prf(hits: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = hits / n_pred if n_pred else 0.0
    r = hits / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def is_holdout(name: str) -> bool:
    """A fixed quarter of the files, kept out of tuning."""
    return int(hashlib.sha1(name.encode()).hexdigest(), 16) % 4 == 0


def baseline_values(doc_paras: list, anchor: str) -> list[Span3]:
    """spaCy DATE entities normalized by dateparser, the usual quick approach."""
    from dateparser.date import DateDataParser

    from tui.nlp.timex_calendar import week_value

    base = datetime.fromisoformat(anchor)
    parser = DateDataParser(
        languages=["en"], settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"}
    )
    out: list[Span3] = []
    for offset, doc in doc_paras:
        for ent in doc.ents:
            if ent.label_ != "DATE":
                continue
            data = parser.get_date_data(ent.text)
            if data is None or data.date_obj is None:
                continue
            d, period = data.date_obj, data.period
            value = {
                "day": d.strftime("%Y-%m-%d"),
                "week": week_value(d.date()),
                "month": d.strftime("%Y-%m"),
                "year": d.strftime("%Y"),
            }.get(period or "day", d.strftime("%Y-%m-%d"))
            out.append((offset + ent.start_char, offset + ent.end_char, value))
    return out


def run(timex_dir: Path, errors: bool = False) -> dict[str, dict[str, list[int]]]:
    """Counts [hits, predicted, gold] per system and per split (all, dev, holdout)."""
    from tui.nlp.pipeline import load_model
    from tui.nlp.timeline import extract_timeline

    nlp = load_model()
    docs = [read_timeml(p) for p in sorted(timex_dir.glob("*.tml"))]
    jobs = [(para, (i, off)) for i, d in enumerate(docs) for off, para in paragraphs_of(d.text)]
    parsed: list[list] = [[] for _ in docs]
    for doc, (i, off) in nlp.pipe(jobs, as_tuples=True, batch_size=64):
        parsed[i].append((off, doc))
    counts = {s: {k: [0, 0, 0] for k in ("all", "dev", "holdout")} for s in ("newstui", "baseline")}
    for d, paras in zip(docs, parsed, strict=True):
        published = PublishedDate(value=d.anchor)
        events = extract_timeline([doc for _, doc in paras], published)
        ours = [
            (paras[e.paragraph][0] + e.start, paras[e.paragraph][0] + e.end, e.value)
            for e in events
        ]
        theirs = baseline_values(paras, d.anchor)
        split = "holdout" if is_holdout(d.name) else "dev"
        for system, pred in (("newstui", ours), ("baseline", theirs)):
            hits = match_count(pred, d.gold)
            for key in ("all", split):
                c = counts[system][key]
                c[0], c[1], c[2] = c[0] + hits, c[1] + len(pred), c[2] + len(d.gold)
        if errors and split == "dev":
            print_errors(d, ours)
    return counts


def print_errors(d: TimexDoc, pred: list[Span3]) -> None:
    """Each false positive and missed gold span of one document, for tuning on the dev split."""
    for ps, pe, pv in pred:
        if not any(ps < ge and gs < pe and pv == gv for gs, ge, gv in d.gold):
            gold = [gv for gs, ge, gv in d.gold if ps < ge and gs < pe]
            print(f"FP {d.name} {d.anchor} {d.text[ps:pe]!r} -> {pv} gold={gold}")
    for gs, ge, gv in d.gold:
        if not any(ps < ge and gs < pe and pv == gv for ps, pe, pv in pred):
            ctx = d.text[max(0, gs - 40) : ge + 20].replace("\n", " ")
            print(f"FN {d.name} {d.anchor} {d.text[gs:ge]!r} = {gv}   ...{ctx}...")


def score_timex(timex_dir: Path) -> list[tuple[str, float, float, float]]:
    """Rows (system, P, R, F1): newstui and the baseline on all files, newstui on dev and holdout."""
    counts = run(timex_dir)
    rows = [
        ("newstui", *prf(*counts["newstui"]["all"])),
        ("baseline", *prf(*counts["baseline"]["all"])),
        ("newstui dev", *prf(*counts["newstui"]["dev"])),
        ("newstui holdout", *prf(*counts["newstui"]["holdout"])),
        ("baseline holdout", *prf(*counts["baseline"]["holdout"])),
    ]
    return rows


def main(argv: list[str]) -> None:
    default = Path(__file__).resolve().parents[1] / ".." / "shared" / "eval" / "timex"
    args = [a for a in argv if not a.startswith("--")]
    timex_dir = Path(args[0]) if args else default
    if "--errors" in argv:
        run(timex_dir, errors=True)
        return
    started = date.today()
    print(f"TimeML timex quality on {timex_dir} ({started})")
    print(f"{'system':<18}{'P':>7}{'R':>7}{'F1':>7}")
    for name, p, r, f in score_timex(timex_dir):
        print(f"{name:<18}{p:7.3f}{r:7.3f}{f:7.3f}")


if __name__ == "__main__":
    main(sys.argv[1:])
