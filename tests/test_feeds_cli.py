"""`newstui feeds add|list|rm|import|export` and `newstui refresh`, exactly as
../shared/CONTRACT.md ("Feeds") says, against feeds served by a local server (tests/feeds/)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.feeds.server import Served, served
from tests.test_hostile_cli import one_sentence
from tui.cli.commands import app

FEEDS = Path(__file__).parent / "feeds"
runner = CliRunner()


@pytest.fixture(scope="module")
def server() -> Iterator[Served]:
    with served() as running:
        yield running


def run(db: Path, *args: str, stdin: str | None = None):
    return runner.invoke(app, [*args, "--db", str(db)], input=stdin, catch_exceptions=False)


def json_lines(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines()]


def test_feeds_add_prints_id_title_and_feed_url_and_finds_a_pages_feed(
    db_path: Path, server: Served
) -> None:
    added = run(
        db_path, "feeds", "add", server.url("atom.xml"), server.url("home"), "--tag", "local"
    )
    assert added.exit_code == 0, added.stderr
    lines = [line.split("\t") for line in added.stdout.splitlines()]
    assert [(title, url) for _, title, url in lines] == [
        ("Northern & Coastal Review", server.url("atom.xml")),
        ("Lakeport Courier", server.url("rss2.xml")),  # from the page's <link rel="alternate">
    ]
    assert all(len(feed_id) == 8 for feed_id, _, _ in lines)
    again = run(db_path, "feeds", "add", server.url("rss2.xml"))
    assert again.stdout.split("\t")[0] == lines[1][0]  # already subscribed: the same feed
    rows = json_lines(run(db_path, "feeds", "list", "--json").stdout)
    assert len(rows) == 2
    assert set(rows[0]) == {
        "id", "url", "title", "site_url", "tags", "last_fetched", "status", "error", "articles",
        "unread",
    }  # fmt: skip
    assert rows[1]["tags"] == ["local"] and rows[1]["status"] == "never"
    assert (rows[1]["articles"], rows[1]["unread"], rows[1]["last_fetched"]) == (0, 0, None)


@pytest.mark.parametrize(
    ("path", "words"),
    [
        ("broken.xml", "is a broken feed"),
        ("pages/bridge.html", "is a web page that names no feed"),
        ("missing.xml", "answered HTTP 404"),
    ],
)
def test_feeds_add_of_no_feed_is_one_sentence_and_adds_nothing(
    db_path: Path, server: Served, path: str, words: str
) -> None:
    added = run(db_path, "feeds", "add", server.url(path))
    assert added.exit_code == 1 and added.stdout == ""
    assert words in one_sentence(added.stderr)
    assert run(db_path, "feeds", "list", "--json").stdout == ""


def test_refresh_is_quiet_then_json_then_list_shows_the_counts(
    db_path: Path, server: Served
) -> None:
    run(db_path, "feeds", "add", server.url("rdf.xml"), server.url("feed.json"))
    quiet = run(db_path, "refresh")
    assert (quiet.exit_code, quiet.stdout, quiet.stderr) == (0, "", "")
    again = run(db_path, "refresh", "--json")
    objects = json_lines(again.stdout)
    assert [set(o) for o in objects] == [{"id", "url", "status", "new", "error"}] * 2
    assert [(o["status"], o["new"], o["error"]) for o in objects] == [("not_modified", 0, None)] * 2
    rows = json_lines(run(db_path, "feeds", "list", "--json").stdout)
    assert [(r["articles"], r["unread"], r["status"]) for r in rows] == [
        (1, 1, "not_modified"),
        (2, 2, "not_modified"),
    ]
    articles = json_lines(run(db_path, "list", "--json").stdout)
    assert sorted(a["feed"] for a in articles) == sorted([rows[0]["id"], *[rows[1]["id"]] * 2])
    shown = json.loads(run(db_path, "show", articles[0]["id"], "--json").stdout)
    assert shown["feed"] == articles[0]["feed"]
    text = run(db_path, "feeds", "list").stdout.splitlines()
    assert text[0].split("\t")[:3] == [rows[0]["id"], "not_modified", "1/1 unread"]


def test_refresh_with_a_failing_feed_exits_1_and_stores_the_others(
    db_path: Path, server: Served
) -> None:
    run(db_path, "feeds", "add", server.url("rdf.xml"))
    from tui.feeds.registry import Feed, Registry, feed_id

    with Registry(db_path).editing() as feeds:
        feeds.append(Feed(feed_id(server.url("broken.xml")), server.url("broken.xml")))
    result = run(db_path, "refresh", "--json")
    assert result.exit_code == 1
    objects = {o["url"]: o for o in json_lines(result.stdout)}
    assert objects[server.url("rdf.xml")]["new"] == 1
    assert objects[server.url("broken.xml")]["status"] == "error"
    assert "is a broken feed" in one_sentence(result.stderr)


def test_refresh_of_one_feed_by_id_and_of_an_unknown_one(db_path: Path, server: Served) -> None:
    feed_id = run(db_path, "feeds", "add", server.url("feed.json")).stdout.split("\t")[0]
    run(db_path, "feeds", "add", server.url("rdf.xml"))
    [only] = json_lines(run(db_path, "refresh", feed_id[:5], "--json").stdout)
    assert (only["id"], only["new"]) == (feed_id, 2)
    unknown = run(db_path, "refresh", "nope-nope")
    assert unknown.exit_code == 1 and "No feed has the id or URL" in one_sentence(unknown.stderr)


def test_import_export_round_trip_and_rm(db_path: Path, tmp_path: Path) -> None:
    imported = run(db_path, "feeds", "import", str(FEEDS / "nested.opml"))
    assert imported.exit_code == 0
    assert imported.stdout == (
        "Added 4 feeds (1 already subscribed; 1 skipped, not an http or https address).\n"
    )
    rows = json_lines(run(db_path, "feeds", "list", "--json").stdout)
    assert {r["url"]: r["tags"] for r in rows} == {
        "http://lakeport.test/rss2.xml": ["News", "Local"],
        "http://valley.test/rss": ["News", "Local"],
        "http://review.test/atom.xml": ["News", "Science"],
        "http://hillside.test/feed.json": [],
    }
    exported = run(db_path, "feeds", "export").stdout
    other = tmp_path / "other.json"
    opml = tmp_path / "export.opml"
    opml.write_text(exported)
    assert run(other, "feeds", "import", str(opml)).stdout == "Added 4 feeds.\n"
    again = json_lines(run(other, "feeds", "list", "--json").stdout)
    assert [(r["url"], r["title"], r["tags"]) for r in again] == [
        (r["url"], r["title"], r["tags"]) for r in rows
    ]
    removed = run(db_path, "feeds", "rm", rows[0]["id"], "http://valley.test/rss")
    assert removed.stdout == "Removed 2 feeds; their articles stay stored.\n"
    assert len(json_lines(run(db_path, "feeds", "list", "--json").stdout)) == 2
    missing = run(db_path, "feeds", "rm", "http://nowhere.test/feed")
    assert missing.exit_code == 1 and "No feed has the id or URL" in one_sentence(missing.stderr)
    assert len(json_lines(run(db_path, "feeds", "list", "--json").stdout)) == 2


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b'<!DOCTYPE x [<!ENTITY a "b">]><opml/>', "declares a DTD or entities"),
        (b"not xml at all", "is not well-formed XML"),
    ],
)
def test_importing_bad_opml_is_one_sentence(
    db_path: Path, tmp_path: Path, content: bytes, words: str
) -> None:
    path = tmp_path / "bad.opml"
    path.write_bytes(content)
    result = run(db_path, "feeds", "import", str(path))
    assert result.exit_code == 1 and words in one_sentence(result.stderr)
    missing = run(db_path, "feeds", "import", str(tmp_path / "none.opml"))
    assert missing.exit_code == 1 and "could not be read" in one_sentence(missing.stderr)


def test_a_damaged_subscriptions_file_is_reported_and_left_alone(db_path: Path) -> None:
    damaged = db_path.with_name("store.feeds.json")
    damaged.write_text('{"feeds": [{"id": ')
    for args in (["feeds", "list"], ["refresh"], ["feeds", "import", str(FEEDS / "nested.opml")]):
        result = run(db_path, *args)
        assert result.exit_code != 0, args
        assert "is damaged" in one_sentence(result.stderr)
    assert damaged.read_text() == '{"feeds": [{"id": '
