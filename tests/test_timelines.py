"""Timelines across stored articles: `tui.library.merged_timeline` on a real store, and `newstui timeline`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.conftest import SAMPLES
from tui.cli.commands import app
from tui.library.entity_articles import articles_mentioning
from tui.library.merged_timeline import merged_timeline
from tui.model import Article, Entity, Mention, PublishedDate, TimelineEvent
from tui.store import Store

runner = CliRunner()


def _article(
    article_id: str, title: str, added: str, entities: list[Entity], events: list[tuple[str, str]]
) -> Article:
    """An analyzed article whose paragraphs are the events' sentences (value, expression)."""
    paragraphs = [f"Something happened {text} in {title}." for _, text in events] or ["Nothing."]
    return Article(
        id=article_id,
        title=title,
        paragraphs=paragraphs,
        published=PublishedDate("2020-09-14"),
        entities=entities,
        timeline=[
            TimelineEvent(
                value,
                "day",
                text,
                i,
                len("Something happened "),
                len("Something happened ") + len(text),
                paragraphs[i],
            )
            for i, (value, text) in enumerate(events)
        ],
        analyzed=True,
        added=added,
    )


def _person(name: str, *aliases: str) -> Entity:
    return Entity(name, "PERSON", list(aliases), 1, [Mention(0, 0, 1, name)])


@pytest.fixture
def store(tmp_path: Path) -> Store:
    """Three articles: two name Svetlana Tikhanovskaya (one only as "Tikhanovskaya")."""
    store = Store(tmp_path / "store.json")
    store.add_many(
        [
            _article(
                "a" * 12,
                "Protest in Minsk",
                "2020-09-14T10:00:00",
                [_person("Svetlana Tikhanovskaya", "Tikhanovskaya")],
                [("2020-09-13", "on Sunday"), ("1994", "in 1994"), ("2020-W37", "this week")],
            ),
            _article(
                "b" * 12,
                "Exile in Vilnius",
                "2020-09-15T10:00:00",
                [_person("Tikhanovskaya")],
                [("199", "in the 1990s"), ("2020-08-09", "on Aug. 9"), ("2020-09", "in September")],
            ),
            _article(
                "c" * 12,
                "Harvest report",
                "2020-09-16T10:00:00",
                [_person("Ann Other")],
                [("2020-Q3", "this quarter"), ("2020-SU", "this summer")],
            ),
        ]
    )
    return store


def test_merged_timeline_orders_every_granularity_by_its_start(store: Store) -> None:
    events = merged_timeline(store)
    assert [(e.event.value, e.article_title) for e in events] == [
        ("199", "Exile in Vilnius"),  # the 1990s start in 1990
        ("1994", "Protest in Minsk"),
        ("2020-SU", "Harvest report"),  # June
        ("2020-Q3", "Harvest report"),  # July
        ("2020-08-09", "Exile in Vilnius"),
        ("2020-09", "Exile in Vilnius"),  # September 1st
        ("2020-W37", "Protest in Minsk"),  # Monday 7 September
        ("2020-09-13", "Protest in Minsk"),
    ]
    assert events[0].date == "the 1990s" and events[-1].date == "Sun 13 Sep 2020"
    assert events[-1].article_id == "a" * 12


def test_entity_filter_includes_articles_naming_an_alias(store: Store) -> None:
    assert articles_mentioning(store, "Svetlana Tikhanovskaya") == ["a" * 12]
    entity = _person("Svetlana Tikhanovskaya", "Tikhanovskaya")
    assert articles_mentioning(store, entity) == ["b" * 12, "a" * 12]  # newest added first
    titles = {e.article_title for e in merged_timeline(store, entity)}
    assert titles == {"Protest in Minsk", "Exile in Vilnius"}
    assert merged_timeline(store, "Nobody Here") == []


def test_cli_timeline_prints_one_line_per_event(store: Store) -> None:
    result = runner.invoke(app, ["timeline", "--db", str(store.path)], catch_exceptions=False)
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert len(lines) == 8
    assert lines[0].split("\t") == [
        "the 1990s",
        "Exile in Vilnius",
        "Something happened in the 1990s in Exile in Vilnius.",
    ]
    assert lines[-1].startswith("Sun 13 Sep 2020\tProtest in Minsk\t")


def test_cli_timeline_json_and_entity(store: Store) -> None:
    args = ["timeline", "--db", str(store.path), "--json", "--entity", "tikhanovskaya"]
    result = runner.invoke(app, args, catch_exceptions=False)
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["value"] for r in rows] == [
        "199",
        "1994",
        "2020-08-09",
        "2020-09",
        "2020-W37",
        "2020-09-13",
    ]
    assert rows[0]["article_id"] == "b" * 12 and rows[0]["article_title"] == "Exile in Vilnius"
    assert rows[0]["date"] == "the 1990s" and rows[0]["text"] == "in the 1990s"
    assert set(rows[0]) >= {"sentence", "paragraph", "start", "end", "granularity"}


def test_cli_timeline_on_the_sample_articles(tmp_path: Path) -> None:
    db = tmp_path / "samples.json"
    runner.invoke(app, ["add", "--db", str(db), str(SAMPLES)], catch_exceptions=False)
    result = runner.invoke(app, ["timeline", "--db", str(db), "--json"], catch_exceptions=False)
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert len({r["article_id"] for r in rows}) >= 3  # events from several articles
    from tui.nlp.timex_calendar import sort_key

    keys = [sort_key(r["value"]) for r in rows]
    assert keys == sorted(keys)
