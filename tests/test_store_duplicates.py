"""The same story added again (the page fetched twice: an ad, a timestamp or a tracking parameter
changed) updates the stored article instead of storing it twice: through the real CLI, on real store
files, with the real model."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from typer.testing import CliRunner

from tests.conftest import SAMPLES
from tests.test_store import make_article
from tui.cli.commands import app
from tui.model import PublishedDate
from tui.store import Added, Store
from tui.store.keys import canonical_url, identity_terms

runner = CliRunner()
HARBOUR = SAMPLES / "harbour-strike.html"
CANONICAL = "https://example.org/news/port-halloran-dock-strike-fourth-week"
NEW_SENTENCE = "Mediators said talks would resume at the Halloran pier authority offices."


def run(*args: str, input: bytes | str | None = None):
    return runner.invoke(app, list(args), input=input, catch_exceptions=False)


def fetched_again(folder: Path) -> Path:
    """The harbour page as a second fetch gives it: another ad, a timestamp, tracking parameters and
    another spelling of its canonical URL, and one more sentence in the story."""
    page = HARBOUR.read_text(encoding="utf-8")
    page = page.replace(
        f'href="{CANONICAL}"',
        'href="https://WWW.Example.org/news/port-halloran-dock-strike-fourth-week/'
        '?utm_source=rss&amp;fbclid=abc123"',
    )
    page = page.replace(f'content="{CANONICAL}"', f'content="{CANONICAL}?gclid=zz"')
    page = page.replace("</body>", "<div class='ad'>Fetched 10:42 GMT. Buy now!</div></body>")
    lead = "no new talks scheduled"
    assert lead in page
    page = page.replace(lead + ",", lead + ". " + NEW_SENTENCE + " Meanwhile,", 1)
    path = folder / "again.html"
    path.write_text(page, encoding="utf-8")
    return path


def test_a_page_fetched_twice_updates_the_stored_article_and_keeps_its_state(
    tmp_path: Path,
) -> None:
    db = tmp_path / "store.json"
    first = run("add", "--db", str(db), str(HARBOUR))
    assert first.exit_code == 0, first.output
    article_id = first.stdout.strip()
    store = Store(db)
    stored = store.get(article_id)
    store.set_read(article_id)
    store.set_starred(article_id, True)
    store.set_tags(article_id, ["labour"])
    events_before = run("timeline", "--db", str(db), "--json").stdout.splitlines()

    again = fetched_again(tmp_path)
    second = run("add", "--db", str(db), str(again))
    assert second.exit_code == 0, second.output
    assert second.stdout.strip() == f"{article_id}\t(updated)"

    listed = [
        json.loads(line) for line in run("list", "--db", str(db), "--json").stdout.splitlines()
    ]
    assert [r["id"] for r in listed] == [article_id]  # one article, not two
    store = Store(db)
    updated = store.get(article_id)
    assert (updated.read, updated.starred, updated.tags) == (True, True, ["labour"])
    assert updated.added == stored.added
    assert updated.raw == again.read_text(encoding="utf-8")  # the new input, to re-process
    assert NEW_SENTENCE in updated.body_text and updated.analyzed
    assert store.search("pier authority") == [article_id]
    assert store.ids_naming("Niamh Okafor") == [article_id]
    one = run("list", "--db", str(db), "--entity", "Okafor").stdout.splitlines()
    assert len(one) == 1  # counted once
    events = run("timeline", "--db", str(db), "--json").stdout.splitlines()
    assert len(events) == len(events_before)  # not every event twice

    third = run("add", "--db", str(db), str(again))
    assert third.stdout.strip() == f"{article_id}\t(already stored)"
    original = run("add", "--db", str(db), str(HARBOUR))
    assert original.stdout.strip() == f"{article_id}\t(already stored)"
    assert len(Store(db)) == 1


def test_the_same_text_piped_in_again_updates_it(db_path: Path) -> None:
    text = (SAMPLES / "council-budget.txt").read_text(encoding="utf-8")
    first = run("add", "--db", str(db_path), "-", input=text.encode())
    article_id = first.stdout.strip()
    Store(db_path).set_read(article_id)
    rewrapped = "\n\n\n".join(text.split("\n\n")).replace("  ", " ") + "\n\n\n"
    second = run("add", "--db", str(db_path), "-", input=rewrapped.encode())
    assert second.exit_code == 0, second.output
    assert second.stdout.strip() == f"{article_id}\t(updated)"
    store = Store(db_path)
    assert len(store) == 1 and store.get(article_id).read


def test_json_lines_with_the_same_url_update_the_story(db_path: Path) -> None:
    body = (SAMPLES / "wildfire-evacuation.txt").read_text(encoding="utf-8")
    line = {"title": "Wildfire", "url": "https://news.example/fire?id=7&utm_medium=social"}
    first = run("add", "--db", str(db_path), "-", input=json.dumps({**line, "text": body}) + "\n")
    article_id = first.stdout.strip()
    changed = {
        "title": "Wildfire: evacuation widens",
        "url": "http://www.news.example/fire/?id=7",
        "text": body + "\n\nThe evacuation order now covers the whole valley road.",
    }
    other = {"title": "Other", "url": "https://news.example/fire?id=8", "text": "Another fire."}
    lines = json.dumps(changed) + "\n" + json.dumps(other) + "\n"
    second = run("add", "--db", str(db_path), "--format", "jsonl", "-", input=lines)
    assert second.exit_code == 0, second.output
    out = second.stdout.splitlines()
    assert out[0] == f"{article_id}\t(updated)" and "\t" not in out[1]
    store = Store(db_path)
    assert len(store) == 2
    assert store.get(article_id).title == "Wildfire: evacuation widens"


def test_a_date_the_user_gave_is_kept(tmp_path: Path) -> None:
    db = tmp_path / "store.json"
    text = (SAMPLES / "council-budget.txt").read_text(encoding="utf-8")
    first = run("add", "--db", str(db), "--published", "2024-03-05", "-", input=text)
    article_id = first.stdout.strip()
    second = run("add", "--db", str(db), "-", input=text + "\n\n")
    assert second.stdout.strip() == f"{article_id}\t(updated)"
    assert Store(db).get(article_id).published == PublishedDate("2024-03-05", "day", "user")


def titled(n: int, title: str, **fields):
    article = make_article(n, **fields)
    article.title = title
    return article


def long_article(n: int, title: str = "", **fields):
    article = titled(n, title, **fields) if title else make_article(n, **fields)
    article.paragraphs = [f"Word {k} of a story that is long enough." for k in range(30)]
    return article


def test_two_versions_in_one_add_are_one_article(db_path: Path) -> None:
    store = Store(db_path)
    first, second = long_article(1), long_article(2, url="https://x.example/a")
    assert store.add_each([first, second]) == [Added.NEW, Added.UPDATED]
    assert len(store) == 1 and second.id == first.id
    assert Store(db_path).get(first.id).raw == "raw input 2"


def test_the_updated_article_keeps_its_logged_state_and_leaves_the_indexes(db_path: Path) -> None:
    store = Store(db_path)
    old = make_article(1, url="https://x.example/story?utm_campaign=a")
    old.paragraphs = ["The unmistakable zebrafish paragraph.", "Second."]
    store.add(old)
    store.set_tags(old.id, ["kept"])  # in the state log, not yet in the index
    new = make_article(2, url="https://x.example/story")
    new.paragraphs = ["A quite different okapi paragraph.", "Second."]
    assert store.add_each([new]) == [Added.UPDATED]
    assert store.search("zebrafish") == [] and store.search("okapi") == [old.id]
    assert Store(db_path).get(old.id).tags == ["kept"]


def test_short_bodies_are_the_same_story_only_with_the_same_title(db_path: Path) -> None:
    store = Store(db_path)
    notice = ["Subscribe to read this story.", "Already a subscriber? Log in."]
    one, two = titled(1, "Council votes"), titled(2, "Mayor resigns")
    one.paragraphs = two.paragraphs = notice
    assert store.add_many([one, two]) == [True, True]
    long_one, long_two = long_article(3, title="Old headline"), long_article(4, title="New one")
    assert store.add_many([long_one, long_two]) == [True, False]
    assert len(store) == 3


def test_a_store_without_the_key_index_finds_its_duplicates(db_path: Path) -> None:
    """A store written by an older newstui has no `<name>.keys/` (it is otherwise the same on
    disk): the first add builds the key index from the article files."""
    store = Store(db_path)
    store.add_many([long_article(1), make_article(5)])
    keys = db_path.with_name("store.keys")
    shutil.rmtree(keys)
    reopened = Store(db_path)
    assert [s.id for s in reopened.summaries()] != []  # it opens and lists as before
    assert reopened.add_each([long_article(2)]) == [Added.UPDATED]
    assert keys.is_dir() and len(Store(db_path)) == 2


def test_the_canonical_url() -> None:
    same = [
        "https://example.org/news/story",
        "http://www.Example.ORG/news/story/",
        "https://example.org:443/news/story?utm_source=rss&fbclid=1#comments",
        "https://example.org/news/story?gclid=x&utm_campaign=y&mc_eid=3",
    ]
    assert {canonical_url(u) for u in same} == {"example.org/news/story"}
    assert canonical_url("https://example.org/item?id=2&b=1") == "example.org/item?b=1&id=2"
    assert canonical_url("https://example.org/item?id=2") != canonical_url(
        "https://example.org/item?id=3"
    )
    assert canonical_url("https://example.org/News/Story") != canonical_url(
        same[0]
    )  # paths keep case
    for none in (
        "https://example.org/",
        "https://example.org/?utm_source=x",
        "ftp://a.b/c",
        "",
        None,
    ):
        assert canonical_url(none) is None
    assert canonical_url("https://example.org:8080/a") == "example.org:8080/a"
    article = long_article(1, url="https://example.org/")
    assert [t[0] for t in identity_terms(article)] == ["b"]  # a front page is no story's address


def test_piping_the_same_page_into_the_reader_opens_the_stored_article(db_path: Path) -> None:
    """`cat page | newstui` stores the input before analysis: when only the page around the story
    changed, the stored analysis is kept, and the reader opens the stored article."""
    from tui.cli.common import store_input

    first = run("add", "--db", str(db_path), str(HARBOUR))
    article_id = first.stdout.strip()
    entities = [e.name for e in Store(db_path).get(article_id).entities]
    page = HARBOUR.read_bytes().replace(b"</body>", b"<div class='ad'>Sale ends 23:59</div></body>")
    store = Store(db_path)
    assert store_input(store, ["-"], page) == [article_id]
    article = Store(db_path).get(article_id)
    assert article.analyzed and [e.name for e in article.entities] == entities
    assert article.raw == page.decode("utf-8") and len(store) == 1
