"""The `newstui` command through Typer's CliRunner, on a real store file and the real model."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.conftest import SAMPLES
from tui.cli.commands import app

runner = CliRunner()


def run(*args: str, input: bytes | str | None = None):
    return runner.invoke(app, list(args), input=input, catch_exceptions=False)


def test_version() -> None:
    result = run("--version")
    assert result.exit_code == 0
    assert result.output.startswith("newstui ")


def test_every_command_has_help_text() -> None:
    import typer.main

    group = typer.main.get_command(app)
    assert group.help
    for name, command in group.commands.items():  # type: ignore[attr-defined]
        assert command.help, f"`newstui {name}` has no help text"
        result = run(name, "--help")
        assert result.exit_code == 0, name
        assert "Usage" in result.output


def test_add_list_show_rm_round_trip(db_path: Path) -> None:
    sample = SAMPLES / "council-budget.txt"
    added = run("--db", str(db_path), "add", str(sample))
    assert added.exit_code == 0, added.output
    article_id = added.stdout.strip()
    assert len(article_id) == 12

    again = run("add", "--db", str(db_path), str(sample))
    assert again.stdout.strip() == f"{article_id}\t(already stored)"

    listed = run("list", "--db", str(db_path), "--json")
    rows = [json.loads(line) for line in listed.stdout.splitlines()]
    assert [r["id"] for r in rows] == [article_id]

    shown = run("show", "--db", str(db_path), article_id[:6])
    assert shown.exit_code == 0
    first_words = sample.read_text(encoding="utf-8").splitlines()[0][:20]
    assert first_words in shown.stdout

    as_json = json.loads(run("show", "--db", str(db_path), article_id, "--json").stdout)
    assert as_json["id"] == article_id
    assert as_json["entities"], "add analyzes at ingest time"

    removed = run("rm", "--db", str(db_path), article_id)
    assert removed.stdout.strip() == "Removed 1 article."
    assert run("list", "--db", str(db_path)).stdout == ""


def test_add_folder_stores_every_sample(db_path: Path) -> None:
    result = run("add", "--db", str(db_path), str(SAMPLES))
    assert result.exit_code == 0, result.output
    ids = result.stdout.split()
    assert len(ids) >= 7
    listed = run("list", "--db", str(db_path)).stdout.splitlines()
    assert len(listed) == len(set(ids))


def test_add_from_stdin(db_path: Path) -> None:
    data = (SAMPLES / "council-budget.txt").read_bytes()
    result = run("add", "--db", str(db_path), "-", input=data)
    assert result.exit_code == 0, result.output
    assert len(result.stdout.split()) == 1


def test_bad_input_fails_clearly_and_keeps_the_store(db_path: Path, tmp_path: Path) -> None:
    run("add", "--db", str(db_path), str(SAMPLES / "council-budget.txt"))
    before = db_path.read_bytes()
    binary = tmp_path / "photo.png"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 10)
    for bad in (str(binary), str(tmp_path / "missing.html")):
        result = run("add", "--db", str(db_path), bad)
        assert result.exit_code != 0
        message = result.stderr.strip()
        assert message.startswith("newstui: ") and "\n" not in message
        assert Path(bad).name in message
    empty = run("add", "--db", str(db_path), "-", input=b"")
    assert empty.exit_code != 0
    assert db_path.read_bytes() == before


def test_show_unknown_id(db_path: Path) -> None:
    result = run("show", "--db", str(db_path), "deadbeef")
    assert result.exit_code == 1
    assert "No stored article" in result.stderr


def test_list_by_entity(db_path: Path) -> None:
    run("add", "--db", str(db_path), str(SAMPLES))
    rows = [json.loads(x) for x in run("list", "--db", str(db_path), "--json").stdout.splitlines()]
    some = json.loads(run("show", "--db", str(db_path), rows[0]["id"], "--json").stdout)
    person = next(e for e in some["entities"] if e["type"] == "PERSON")
    found = run("list", "--db", str(db_path), "--entity", person["name"]).stdout
    assert rows[0]["id"] in found


def test_list_and_timeline_take_entity_names_as_people_write_them(db_path: Path) -> None:
    harbour = run("add", "--db", str(db_path), str(SAMPLES / "harbour-strike.html")).stdout.strip()
    run("add", "--db", str(db_path), str(SAMPLES / "council-budget.txt"))
    for name in ("Okafor", "niamh okafor", "Niamh Okafor", "NIAMH OKAFOR"):
        result = run("list", "--db", str(db_path), "--entity", name)
        assert result.exit_code == 0 and result.stdout.startswith(harbour), name
        assert len(result.stdout.splitlines()) == 1
        events = run("timeline", "--db", str(db_path), "--entity", name)
        assert events.exit_code == 0 and events.stdout.strip(), name


def test_an_entity_no_article_names_fails_with_the_closest_names(db_path: Path) -> None:
    run("add", "--db", str(db_path), str(SAMPLES / "harbour-strike.html"))
    for command in ("list", "timeline"):
        result = run(command, "--db", str(db_path), "--entity", "Niamh Okafur")
        assert result.exit_code == 1
        assert result.stdout == ""
        assert "No stored article names “Niamh Okafur”" in result.stderr
        assert "Niamh Okafor" in result.stderr


def test_export_formats(db_path: Path) -> None:
    article_id = run(
        "add", "--db", str(db_path), str(SAMPLES / "council-budget.txt")
    ).stdout.strip()
    md = run("export", "--db", str(db_path), article_id, "--format", "markdown").stdout
    assert md.startswith("# ")
    tl = json.loads(
        run("export", "--db", str(db_path), article_id, "--format", "timelinejs").stdout
    )
    assert "events" in tl and "title" in tl
    whole = json.loads(run("export", "--db", str(db_path), article_id).stdout)
    assert whole["id"] == article_id


@pytest.mark.parametrize("name", ["harbour-strike.html", "council-budget.txt", "ferry-contract.md"])
def test_analyze_prints_contract_objects(name: str) -> None:
    result = run("analyze", str(SAMPLES / name), "--json")
    assert result.exit_code == 0, result.output
    (obj,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert_contract(obj)


def test_analyze_many_inputs_keeps_order_and_reports_failures(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    inputs = [str(SAMPLES / "council-budget.txt"), str(empty), str(SAMPLES / "ferry-contract.md")]
    result = run("analyze", *inputs, "--json")
    assert result.exit_code == 1
    objs = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(objs) == 3
    assert set(objs[1]) == {"error"} and "empty.txt" in objs[1]["error"]
    assert "paragraphs" in objs[0] and "paragraphs" in objs[2]


def test_analyze_jsonl_yields_one_object_per_line() -> None:
    batch = SAMPLES / "batch.jsonl"
    lines = [line for line in batch.read_text(encoding="utf-8").splitlines() if line.strip()]
    result = run("analyze", str(batch), "--json")
    objs = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(objs) == len(lines)
    for obj in objs:
        assert_contract(obj)


def test_analyze_no_clean_and_published_override(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text(
        "Advertisement\n\nThe mayor of Riverton, Dana Holt, resigned on Monday.\n\n"
        "  Subscribe now  \n",
        encoding="utf-8",
    )
    result = run("analyze", str(story), "--json", "--no-clean", "--published", "2024-03-06")
    obj = json.loads(result.stdout)
    assert obj["paragraphs"] == [
        "Advertisement",
        "The mayor of Riverton, Dana Holt, resigned on Monday.",
        "Subscribe now",
    ]
    assert obj["published"] == {"value": "2024-03-06", "granularity": "day", "origin": "user"}
    assert {"value": "2024-03-04", "text": "Monday"}.items() <= obj["timeline"][0].items()


def test_analyze_seed_meets_the_issue_bar(seed_path: Path) -> None:
    result = run("analyze", str(seed_path), "--json")
    assert result.exit_code == 0, result.output
    (obj,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert_contract(obj)
    assert len(obj["paragraphs"]) >= 15
    people = {e["name"] for e in obj["entities"] if e["type"] == "PERSON"}
    assert {"Vladimir Putin", "Alexander Lukashenko"} <= people
    assert "2020-08-09" in {t["value"] for t in obj["timeline"]}


ENTITY_TYPES = {"PERSON", "ORGANIZATION", "PLACE", "GROUP", "EVENT", "OTHER"}
GRANULARITIES = {"day", "week", "month", "quarter", "season", "year", "decade"}
ORIGINS = {"metadata", "caption", "dateline", "text", "user"}


def assert_contract(obj: dict) -> None:
    """Every field CONTRACT.md names, with its type, and offsets that slice out their text."""
    keys = {"id", "title", "source", "url", "author", "language", "published", "captions"}
    assert keys | {"paragraphs", "entities", "timeline"} <= set(obj)
    assert isinstance(obj["id"], str) and obj["id"]
    assert isinstance(obj["title"], str)
    for key in ("source", "url", "author"):
        assert obj[key] is None or isinstance(obj[key], str)
    if obj["published"] is not None:
        assert obj["published"]["granularity"] in GRANULARITIES
        assert obj["published"]["origin"] in ORIGINS
    for caption in obj["captions"]:
        assert isinstance(caption["text"], str) and "credit" in caption
    paragraphs = obj["paragraphs"]
    assert paragraphs and all(isinstance(p, str) and p == p.strip() and p for p in paragraphs)
    counts = [e["count"] for e in obj["entities"]]
    assert counts == sorted(counts, reverse=True)
    for entity in obj["entities"]:
        assert entity["type"] in ENTITY_TYPES
        assert entity["count"] == len(entity["mentions"])
        assert isinstance(entity["aliases"], list)
        for m in entity["mentions"]:
            assert paragraphs[m["paragraph"]][m["start"] : m["end"]] == m["text"]
    positions = [(t["paragraph"], t["start"]) for t in obj["timeline"]]
    assert positions == sorted(positions)
    for t in obj["timeline"]:
        assert t["granularity"] in GRANULARITIES
        assert paragraphs[t["paragraph"]][t["start"] : t["end"]] == t["text"]
        assert t["text"] in t["sentence"]


LINKED_STORY = (
    "# Ferry contract signed for the harbour route\n\n"
    "The province signed a twelve-year [ferry contract](https://gov.example.ca/ferry) with "
    "Calder Marine on Monday, ending months of talks over the harbour route.\n\n"
    "Niamh Okafor, who leads the ferry users' association, said the deal was rushed and that "
    "islanders had not been asked about the timetable.\n"
)


def test_tags_and_links_show_in_list_show_and_export(db_path: Path, tmp_path: Path) -> None:
    from tui.store import Store

    story = tmp_path / "ferry.md"
    story.write_text(LINKED_STORY, encoding="utf-8")
    article_id = run("--db", str(db_path), "add", str(story)).stdout.strip()
    store = Store(db_path)
    store.set_tags(article_id, ["transport", "harbour"])
    store.close()

    [row] = [
        json.loads(line) for line in run("list", "--db", str(db_path), "--json").stdout.splitlines()
    ]
    assert row["tags"] == ["harbour", "transport"]

    shown = run("show", "--db", str(db_path), article_id).stdout
    assert "Tags: harbour, transport" in shown
    assert "[1] ferry contract <https://gov.example.ca/ferry>" in shown

    as_json = json.loads(run("show", "--db", str(db_path), article_id, "--json").stdout)
    assert as_json["tags"] == ["harbour", "transport"] and as_json["read"] is False
    [link] = as_json["links"]
    assert as_json["paragraphs"][link["paragraph"]][link["start"] : link["end"]] == "ferry contract"

    markdown = run("export", "--db", str(db_path), article_id, "--format", "markdown").stdout
    assert "[ferry contract](<https://gov.example.ca/ferry>) with Calder Marine" in markdown


def test_date_sets_the_publication_date_and_resolves_the_timeline_again(db_path: Path) -> None:
    from tui.store import Store

    article_id = run("--db", str(db_path), "add", str(SAMPLES / "harbour-strike.html")).stdout
    article_id = article_id.strip()
    before = {
        e["text"]: e["value"]
        for e in json.loads(run("show", "--db", str(db_path), article_id, "--json").stdout)[
            "timeline"
        ]
    }
    assert before["Monday"] == "2024-09-16"  # the page says it was published on 2024-09-18

    result = run("date", "--db", str(db_path), article_id[:6], "2024-10-02")
    assert result.exit_code == 0
    assert "is now dated 2024-10-02" in result.stdout and "dated events moved" in result.stdout
    stored = Store(db_path).get(article_id)
    assert stored.published.value == "2024-10-02" and stored.published.origin == "user"
    after = {e.text: e.value for e in stored.timeline}
    assert after["Monday"] == "2024-09-30"
    listed = run("list", "--db", str(db_path)).stdout
    assert "\t2024-10-02\t" in listed

    bad = runner.invoke(app, ["date", "--db", str(db_path), article_id, "2 Oct 2024"])
    assert bad.exit_code == 1
    assert "not a YYYY-MM-DD date" in bad.output
    assert Store(db_path).get(article_id).published.value == "2024-10-02"  # unchanged
    unknown = runner.invoke(app, ["date", "--db", str(db_path), "ffffffff", "2024-10-02"])
    assert unknown.exit_code == 1


def test_tabs_and_newlines_in_jsonl_fields_never_forge_list_rows(
    db_path: Path, tmp_path: Path
) -> None:
    batch = tmp_path / "forged.jsonl"
    line = {
        "title": "Harbour vote\nforged\trow\tx",
        "source": "Lakeport\nGazette",
        "author": "Tomas\tBerg",
        "text": "The harbour council voted on Tuesday to build a ferry pier. "
        "The mayor said it would open next year.",
    }
    batch.write_text(json.dumps(line) + "\n", encoding="utf-8")
    assert run("--db", str(db_path), "add", str(batch)).exit_code == 0
    rows = run("--db", str(db_path), "list").stdout.splitlines()
    assert len(rows) == 1
    assert rows[0].split("\t")[2:] == ["Lakeport Gazette", "Harbour vote forged row x"]
    [shown] = [
        json.loads(x) for x in run("--db", str(db_path), "list", "--json").stdout.split("\n") if x
    ]
    assert shown["title"] == "Harbour vote forged row x"


def test_show_says_dates_as_the_reader_does(db_path: Path) -> None:
    """`show` printed TimeML values ("199", "2024-W37"); it now says them as the TUI does, while
    `--json` keeps the values."""
    article_id = run("--db", str(db_path), "add", str(SAMPLES / "harbour-strike.html")).stdout
    article_id = article_id.strip()
    shown = run("show", "--db", str(db_path), article_id).stdout
    timeline = shown.split("Timeline:")[1].split("\n\n")[0].splitlines()
    assert any(line.startswith("  the 1990s ") for line in timeline), timeline
    assert any(line.startswith("  Week 37 of 2024 ") for line in timeline), timeline
    assert not any(line.startswith(("  199 ", "  2024-W37")) for line in timeline)
    as_json = json.loads(run("show", "--db", str(db_path), article_id, "--json").stdout)
    assert {"199", "2024-W37"} <= {e["value"] for e in as_json["timeline"]}
