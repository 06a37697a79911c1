"""The index as a langchain-core ``VectorStore``, so LangChain users can plug it into chains.

It is read-only over a ``CorpusIndex`` (add articles with ``index.add_articles``); scores are
the cosine similarities FAISS returns, and each ``Document`` carries the chunk's provenance.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import numpy as np
from langchain_core.documents import Document
from langchain_core.embeddings import Embeddings
from langchain_core.vectorstores import VectorStore

from index.store import CorpusIndex


class CorpusVectorStore(VectorStore):
    """LangChain view of the corpus index; ``as_retriever()`` comes from the base class."""

    def __init__(self, index: CorpusIndex, embedding: Embeddings) -> None:
        self.index = index
        self._embedding = embedding

    @property
    def embeddings(self) -> Embeddings:
        return self._embedding

    def similarity_search_with_score(
        self, query: str, k: int = 4, **kwargs: Any
    ) -> list[tuple[Document, float]]:
        vector = np.asarray(self._embedding.embed_query(query), dtype=np.float32)
        return self.similarity_search_with_score_by_vector(vector.tolist(), k)

    def similarity_search_with_score_by_vector(
        self, embedding: list[float], k: int = 4
    ) -> list[tuple[Document, float]]:
        scores, rows = self.index.search(np.asarray(embedding, dtype=np.float32), k)
        return [
            (self._document(int(row)), float(score))
            for score, row in zip(scores, rows, strict=True)
        ]

    def similarity_search(self, query: str, k: int = 4, **kwargs: Any) -> list[Document]:
        return [doc for doc, _ in self.similarity_search_with_score(query, k)]

    def similarity_search_by_vector(
        self, embedding: list[float], k: int = 4, **kwargs: Any
    ) -> list[Document]:
        return [doc for doc, _ in self.similarity_search_with_score_by_vector(embedding, k)]

    def _select_relevance_score_fn(self):
        # Scores are cosine similarities already; LangChain wants 0..1, higher is better.
        return lambda score: (score + 1.0) / 2.0

    def _document(self, row: int) -> Document:
        chunk = self.index.chunks[row]
        return Document(
            id=chunk.id,
            page_content=chunk.text,
            metadata={
                "doc_id": chunk.doc_id,
                "title": chunk.title,
                "paragraph": chunk.paragraph,
                "start": chunk.start,
                "end": chunk.end,
            },
        )

    def add_texts(self, texts: Iterable[str], metadatas=None, **kwargs: Any) -> list[str]:
        raise NotImplementedError(
            "The corpus index is built from article files: use `python -m index add FILE`."
        )

    @classmethod
    def from_texts(cls, texts, embedding, metadatas=None, **kwargs: Any) -> CorpusVectorStore:
        raise NotImplementedError(
            "Build the index from article files (`python -m index build`), then wrap it with "
            "CorpusVectorStore(index, embedder)."
        )
