"""Where the corpus and the index live, and which embedder builds it.

Everything comes from environment variables with defaults inside the repository, so that the
tests (and users with several corpora) can point the tool elsewhere without touching code.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Article files larger than this are refused: a news article is a few dozen kilobytes.
MAX_ARTICLE_BYTES = 2_000_000


@dataclass(frozen=True)
class Settings:
    corpus_dir: Path  # bundled articles, shipped with the repository
    user_dir: Path  # articles added by the user
    index_dir: Path  # FAISS files, metadata and manifest
    embedder: str  # "e5" or "st:<sentence-transformers name or path>"

    @property
    def article_dirs(self) -> tuple[Path, ...]:
        return (self.corpus_dir, self.user_dir)


def load_settings() -> Settings:
    """Read the settings from the environment (``VERIF_*``), falling back to the repo's data/."""
    # A checkout keeps data/ beside the code; an installed copy (pip install .) uses the
    # current folder's data/, since site-packages is no place for articles and indexes.
    default = ROOT / "data" if (ROOT / "data").is_dir() else Path.cwd() / "data"
    data = Path(os.environ.get("VERIF_DATA_DIR", default))
    return Settings(
        corpus_dir=Path(os.environ.get("VERIF_CORPUS_DIR", data / "articles")),
        user_dir=Path(os.environ.get("VERIF_USER_DIR", data / "user_articles")),
        index_dir=Path(os.environ.get("VERIF_INDEX_DIR", data / "index")),
        embedder=os.environ.get("VERIF_EMBEDDER", "e5"),
    )
