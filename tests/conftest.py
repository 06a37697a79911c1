"""Shared fixtures: the bundled corpus indexed once per session in a temporary folder.

Tests never touch the repository's own data/index or data/user_articles: the environment
variables that locate them are pointed at temporary folders for the whole session.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "data" / "articles"
FIXTURES = Path(__file__).resolve().parent / "fixtures"

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")


@pytest.fixture(scope="session", autouse=True)
def isolated_data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Point the tool at a session-wide index of the bundled corpus, built on first use."""
    data = tmp_path_factory.mktemp("data")
    os.environ["VERIF_CORPUS_DIR"] = str(SEEDS)
    os.environ["VERIF_USER_DIR"] = str(data / "user_articles")
    os.environ["VERIF_INDEX_DIR"] = str(data / "index")
    os.environ["VERIF_EMBEDDER"] = "e5"
    return data


@pytest.fixture(scope="session")
def bundled_index(isolated_data: Path):
    from index import ensure_index

    return ensure_index(progress=False).index


@pytest.fixture
def corpus_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, bundled_index) -> Path:
    """A private corpus (bundled articles + an index copy) that a test may change freely."""
    from index.settings import load_settings

    settings = load_settings()
    corpus = tmp_path / "articles"
    shutil.copytree(SEEDS, corpus)
    shutil.copytree(settings.index_dir, tmp_path / "index")
    monkeypatch.setenv("VERIF_CORPUS_DIR", str(corpus))
    monkeypatch.setenv("VERIF_USER_DIR", str(tmp_path / "user_articles"))
    monkeypatch.setenv("VERIF_INDEX_DIR", str(tmp_path / "index"))
    return tmp_path


@pytest.fixture
def index_of(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Builds the index of a corpus folder a test wrote, in the test's own folder."""
    from index import ensure_index

    def build(corpus: Path):
        monkeypatch.setenv("VERIF_CORPUS_DIR", str(corpus))
        monkeypatch.setenv("VERIF_INDEX_DIR", str(tmp_path / "index"))
        return ensure_index(progress=False).index

    return build


@pytest.fixture
def embedded(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every passage the bundled embedder is asked to embed during the test, in order."""
    from index.embed import shared_embedder

    embedder = type(shared_embedder("e5"))
    original = embedder.embed_passages
    seen: list[str] = []

    def spy(self, texts):
        seen.extend(texts)
        return original(self, texts)

    monkeypatch.setattr(embedder, "embed_passages", spy)
    return seen
