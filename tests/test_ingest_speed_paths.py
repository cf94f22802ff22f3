"""The faster code paths of adding many inputs give the same results as the plain ones.

Covers: analysis batches split across workers, workers forked after the model is preloaded, the
escape-free shortcut of `clean_terminal_text`, the control-byte count that refuses binary input,
and the attribute-guarded XPaths that drop hidden page parts.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import tui.library.adding as adding
import tui.sanitize as sanitize
from tests.conftest import REPO, sample_copies
from tui.ingest import ingest_bytes
from tui.ingest.detect import refuse_unusable
from tui.ingest.errors import IngestError
from tui.model import Article


@pytest.mark.parametrize("parts", [1, 2, 3, 5])
@pytest.mark.parametrize("size", [0, 1, 2, 7, 16, 17])
def test_split_keeps_every_article_in_order(size: int, parts: int) -> None:
    batch = [Article(id=str(i), title=str(i), paragraphs=[]) for i in range(size)]
    runs = adding._split(batch, parts)
    assert [a for run in runs for a in run] == batch
    assert len(runs) <= parts and all(runs)
    assert len({len(run) for run in runs[:-1]}) <= 1  # equal runs, the last one not longer
    assert not runs or len(runs[-1]) <= len(runs[0])


# Run in a fresh single-threaded interpreter, where `_pool` forks: what the parent preloads is
# there in each worker without the worker loading it, and the analysis matches this process's.
_FORKED = """
import json, sys
import tui.library.adding as adding
import tui.nlp.spacy_model as spacy_model
from tui.model import Article

loaded = []

def preload():
    loaded.append("model")

def seen(_):
    return list(loaded), sorted(spacy_model._models)

with adding._pool(2, preload=preload) as pool:
    inherited = list(pool.map(seen, range(2)))

items = list(adding.collect(sys.argv[1:]))
articles = [i for i in items if isinstance(i, Article)]
adding.analyze_in_batches(articles)
print(json.dumps({
    "preloaded_here": loaded,
    "inherited": inherited,
    "models_here": sorted(spacy_model._models),
    "articles": [[a.id, [e.name for e in a.entities], [t.value for t in a.timeline], a.analyzed]
                 for a in articles],
}))
"""


def _sample_inputs(folder: Path) -> list[str]:
    """Ten inputs: the text samples, each twice (changed so that ids differ)."""
    return [str(p) for p in sample_copies(folder)]


def test_forked_workers_inherit_the_preloaded_model_and_analyze_alike(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    inputs = _sample_inputs(tmp_path)
    assert len(inputs) >= adding.PARALLEL_MIN
    proc = subprocess.run(
        [sys.executable, "-c", _FORKED, *inputs], capture_output=True, text=True, cwd=REPO
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    forked = json.loads(proc.stdout.strip().splitlines()[-1])
    assert forked["preloaded_here"] == ["model"]
    assert forked["inherited"] == [[["model"], []], [["model"], []]]
    # analyze_in_batches loaded the model in the parent before forking its workers
    assert forked["models_here"] == ["<default>"]

    monkeypatch.setattr(adding, "PARALLEL_MIN", 10_000)  # everything in this process
    serial = [i for i in adding.collect(inputs) if isinstance(i, Article)]
    adding.analyze_in_batches(serial)
    expected = [
        [a.id, [e.name for e in a.entities], [t.value for t in a.timeline], a.analyzed]
        for a in serial
    ]
    assert forked["articles"] == expected
    assert all(row[3] for row in expected) and any(row[1] for row in expected)


def _slow_clean(text: str) -> str:
    """`clean_terminal_text` as it was before its shortcut: both patterns, always."""
    return sanitize._CONTROLS.sub("", sanitize._ESCAPES.sub("", text))


@given(
    st.text(
        alphabet=st.sampled_from(
            [*"ab [];()\\0\n\t", "\x1b", "\x9b", "\x07", "\x9c", "\x00", "\u202e", "é"]
        ),
        max_size=60,
    )
)
def test_clean_terminal_text_shortcut_changes_nothing(text: str) -> None:
    assert sanitize.clean_terminal_text(text) == _slow_clean(text)


def test_clean_terminal_text_returns_plain_text_itself() -> None:
    page = "<p>Plain page, no controls at all.</p>\n" * 1000
    assert sanitize.clean_terminal_text(page) is page
    assert sanitize.clean_terminal_text(page + "\x1b[31m!") == page + "!"


def test_control_byte_share_decides_binary() -> None:
    text_controls = b"\t\n\r\f\x1b" * 200  # ordinary in text: never counted
    refuse_unusable(b"plain words " * 100 + text_controls, "ok.txt")
    few = b"x" * 960 + b"\x01" * 40  # 4%: accepted
    refuse_unusable(few, "few.txt")
    many = b"x" * 940 + b"\x01\x02\x03" * 20  # 6%: binary
    with pytest.raises(IngestError, match="control bytes"):
        refuse_unusable(many, "many.txt")


def test_hidden_parts_dropped_visible_ones_kept() -> None:
    body = "The council voted on Tuesday to repair the old bridge before the winter floods."
    page = (
        "<html><head><title>Bridge vote</title></head><body><article>"
        f"<p>{body}</p>"
        '<p style="color: red">A styled but visible paragraph about the bridge repair costs.</p>'
        '<p style="display : none">A hidden paragraph no reader of the page ever sees at all.</p>'
        "<p hidden>Another hidden paragraph that the page keeps out of the reader's sight.</p>"
        '<div class="name-tooltip"><p>Jo Bloggs is the mayor of the town, elected in 2019.</p></div>'
        '<p class="lead">A paragraph with a class, which is still part of the story itself.</p>'
        f"<p>{body.replace('Tuesday', 'Wednesday')}</p>"
        "</article></body></html>"
    )
    [article] = ingest_bytes(page.encode(), origin="bridge.html")
    text = "\n".join(article.paragraphs)
    assert body in text and "styled but visible" in text and "still part of the story" in text
    assert "hidden paragraph" not in text and "Jo Bloggs" not in text
