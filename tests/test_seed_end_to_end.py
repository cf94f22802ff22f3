"""The seed article through the whole path a user takes (`newstui analyze`), against its gold answer.

The module tests (test_ingest_text, test_entities, test_timeline) check each stage on its own; this one
checks that the stages together still meet issues 3, 4 and 5's seed bars.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tui.cli.commands import app

GROUP_NAMES = {"NATIONALITY_OR_GROUP": "GROUP"}


@pytest.fixture(scope="module")
def result(seed_path: Path) -> tuple[dict, dict]:
    out = CliRunner().invoke(app, ["analyze", str(seed_path), "--json"], catch_exceptions=False)
    assert out.exit_code == 0, out.output
    gold = json.loads(seed_path.with_suffix(".gold.json").read_text(encoding="utf-8"))
    return json.loads(out.stdout), gold


def names_of(obj: dict, kind: str) -> set[str]:
    return {e["name"] for e in obj["entities"] if e["type"] == kind}


def found(gold_entries: list[dict], names: set[str]) -> int:
    return sum(1 for g in gold_entries if {g["name"], *g.get("also_acceptable", [])} & names)


def test_body_caption_date_and_source(result) -> None:
    obj, gold = result
    assert obj["paragraphs"] == gold["paragraphs"]
    assert obj["captions"] == [{"text": gold["caption"], "credit": gold["credit"]}]
    assert obj["published"] == {"value": "2020-09-14", "granularity": "day", "origin": "caption"}
    assert obj["source"] == gold["source"]


def test_entities_meet_the_seed_bar(result) -> None:
    obj, gold = result
    people = names_of(obj, "PERSON")
    assert {p["name"] for p in gold["entities"]["PERSON"]} <= people
    assert found(gold["entities"]["PLACE"], names_of(obj, "PLACE")) >= 14
    assert found(gold["entities"]["ORGANIZATION"], names_of(obj, "ORGANIZATION")) >= 6
    for bad in gold["entities"]["must_not_be"]:
        kind = GROUP_NAMES.get(bad["type"], bad["type"])
        assert bad["name"] not in names_of(obj, kind), bad


def test_timeline_is_exactly_the_gold_points(result) -> None:
    obj, gold = result
    points = {(t["value"], t["granularity"]) for t in obj["timeline"]}
    assert points == {(g["date"], g["granularity"]) for g in gold["timeline"]}
    texts = {t["text"].casefold() for t in obj["timeline"]}
    assert not texts & {n.casefold() for n in gold["not_events"]}
