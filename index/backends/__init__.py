"""Search behind one interface: the retriever asks a ``SearchBackend``, never FAISS directly.

Two backends answer the same questions:

- ``faiss`` (default, embedded): the FAISS index and the stored BM25 of the index folder
  (index/store.py); nothing to run beside the app.
- ``milvus``: a Milvus collection pair (chunks, sentences) holding the vectors, the filter
  fields and the sentences' terms, searched with Milvus's own k-NN and its own BM25
  full-text search. ``VERIF_BACKEND_URI`` is a Milvus Lite file (tests, one machine) or a
  cluster's address (``http://milvus:19530``); the index folder then holds no vector index.

Configuration (environment): ``VERIF_BACKEND`` (faiss | milvus), ``VERIF_BACKEND_URI``,
``VERIF_BACKEND_COLLECTION`` (default ``verif``). Backends return rows of the index's sentence
and chunk tables, so everything after retrieval reads the same ``CorpusIndex``.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

import numpy as np

from index.errors import VerifError

if TYPE_CHECKING:
    from index.documents import Chunk
    from index.store import CorpusIndex

log = logging.getLogger(__name__)

BACKENDS = ("faiss", "milvus")
DEFAULT_COLLECTION = "verif"


class BackendUnavailableError(VerifError):
    """The configured search engine cannot be reached or used."""


@dataclass(frozen=True)
class Filters:
    """Restrict a search to some articles, languages or a publication date range (ISO dates,
    inclusive; an article without a date is left out of a date-restricted search)."""

    doc_ids: frozenset[str] | None = None
    languages: frozenset[str] | None = None
    published_from: str | None = None
    published_to: str | None = None

    def __bool__(self) -> bool:
        return any(
            v is not None
            for v in (self.doc_ids, self.languages, self.published_from, self.published_to)
        )

    def admits(self, doc_id: str, language: str, published: str | None) -> bool:
        if self.doc_ids is not None and doc_id not in self.doc_ids:
            return False
        if self.languages is not None and language not in self.languages:
            return False
        if self.published_from and not (published and published >= self.published_from):
            return False
        return not (self.published_to and not (published and published[:10] <= self.published_to))


class SearchBackend(Protocol):
    """What retrieval needs from a search engine. Rows are the index's table rows."""

    kind: str

    def search_chunks(
        self, vector: np.ndarray, k: int, filters: Filters | None = None
    ) -> tuple[np.ndarray, np.ndarray]:
        """Cosines and rows of the ``k`` chunks nearest to a normalised query vector."""

    def search_sentences(
        self, vector: np.ndarray, k: int, filters: Filters | None = None
    ) -> tuple[np.ndarray, np.ndarray]:
        """Cosines and rows of the ``k`` nearest sentences."""

    def lexical(
        self, tokens: Sequence[str], k: int, filters: Filters | None = None
    ) -> dict[int, float]:
        """BM25 scores (> 0) of the ``k`` best sentences for these analysed terms."""

    def chunk_vectors(self, rows: Sequence[int]) -> np.ndarray:
        """Vectors of chunk rows, (len(rows), dimension)."""

    def sentence_vectors(self, rows: Sequence[int]) -> np.ndarray:
        """Vectors of sentence rows, (len(rows), dimension)."""

    def fetch_chunks(self, ids: Sequence[str]) -> list[Chunk]:
        """Chunks by id (``doc#start-end``), in the order asked; unknown ids are left out."""


@dataclass(frozen=True)
class BackendConfig:
    kind: str
    uri: str | None
    collection: str


def configured(index_dir: Path | None = None) -> BackendConfig:
    """The backend the environment asks for (``VERIF_BACKEND``…), checked."""
    kind = os.environ.get("VERIF_BACKEND", "faiss").strip().lower() or "faiss"
    if kind not in BACKENDS:
        raise BackendUnavailableError(
            f"VERIF_BACKEND={kind!r} is not a search backend; use one of {', '.join(BACKENDS)}."
        )
    uri = os.environ.get("VERIF_BACKEND_URI") or None
    if kind == "milvus" and uri is None:
        from index.settings import load_settings

        folder = index_dir or load_settings().index_dir
        uri = str(Path(folder).resolve() / "milvus.db")  # Milvus Lite beside the index
    collection = os.environ.get("VERIF_BACKEND_COLLECTION") or DEFAULT_COLLECTION
    return BackendConfig(kind, uri, collection)


def publish(index: CorpusIndex, config: BackendConfig | None = None) -> dict[str, Any]:
    """Write the index's vectors and terms to the configured engine (nothing for FAISS, whose
    files index/store.py writes) and return the record the manifest keeps."""
    config = config or configured()
    if config.kind == "faiss":
        return {"kind": "faiss"}
    from index.backends.milvus import write

    return write(index, config)


def open_backend(index: CorpusIndex) -> SearchBackend:
    """The backend that serves this index, as its manifest records it. ``VERIF_BACKEND_URI``
    overrides the recorded address (replicas often reach the engine under another name)."""
    record = index.backend or {"kind": "faiss"}
    asked = os.environ.get("VERIF_BACKEND", "").strip().lower()
    if asked and asked != record.get("kind", "faiss"):
        log.warning(
            "VERIF_BACKEND=%s, but this index was written for %s and is served there; "
            "`python -m index build` writes it to %s.",
            asked,
            record.get("kind", "faiss"),
            asked,
        )
    if record.get("kind", "faiss") == "faiss":
        from index.backends.embedded import FaissBackend

        return FaissBackend(index)
    from index.backends.milvus import MilvusBackend

    uri = os.environ.get("VERIF_BACKEND_URI") or record["uri"]
    return MilvusBackend(index, uri, record["collection"])


def top_k(scores: np.ndarray, k: int) -> np.ndarray:
    """Indices of the ``k`` largest scores, best first (argpartition, then a small sort)."""
    k = min(k, len(scores))
    if k <= 0:
        return np.zeros(0, dtype=np.int64)
    part = np.argpartition(-scores, k - 1)[:k]
    return part[np.argsort(-scores[part], kind="stable")]
