"""Shared fixtures: the repo and ../shared paths, the real spaCy model, a real store file."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SAMPLES = REPO / "sample_articles"
SEED = SHARED / "seed" / "globe-belarus-2020-09-14.txt"
SEED_GOLD = SHARED / "seed" / "globe-belarus-2020-09-14.gold.json"


def sample_copies(folder: Path) -> list[Path]:
    """The text, Markdown and HTML samples written twice into `folder`, each copy changed (trailing
    newlines) so that its id differs: enough inputs for the parallel paths of `add`."""
    texts = sorted(p for p in SAMPLES.iterdir() if p.suffix in (".txt", ".md", ".html"))
    paths = []
    for copy in range(2):
        for sample in texts:
            path = folder / f"{copy}-{sample.name}"
            path.write_bytes(sample.read_bytes() + b"\n" * (copy + 1))
            paths.append(path)
    return paths


@pytest.fixture(scope="session")
def seed_path() -> Path:
    """The seed article's text dump; skips when ../shared is absent."""
    if not SEED.exists():
        pytest.skip("../shared/seed is not present")
    return SEED


@pytest.fixture(scope="session")
def nlp():
    """The real spaCy model, loaded once per test process."""
    from tui.nlp.pipeline import load_model

    return load_model()


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """A store file path under tmp_path (the file itself is created by the store)."""
    return tmp_path / "store.json"


@pytest.fixture(scope="session")
def knowledge_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One cache folder for the knowledge tables per test process (built once, then read)."""
    return tmp_path_factory.mktemp("cache")


@pytest.fixture(autouse=True)
def isolated_user_files(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch, knowledge_cache: Path
):
    """No test reads or writes the real user's settings, store or cache."""
    home = tmp_path_factory.mktemp("user")
    monkeypatch.setenv("NEWSTUI_CONFIG", str(home / "settings.toml"))
    monkeypatch.setenv("NEWSTUI_DB", str(home / "store.json"))
    monkeypatch.setenv("NEWSTUI_CACHE", str(knowledge_cache))
    monkeypatch.delenv("NEWSTUI_MODEL", raising=False)
