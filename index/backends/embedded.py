"""The embedded backend: FAISS over chunk vectors, the stored BM25, all in the index folder.

This is what Vérif always did, now behind ``SearchBackend``. Filtered searches are exact
over the admitted rows (a filter narrows the corpus to a few articles, a language or a date
range: a matrix product over them is fast and never misses what an approximate index would).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cached_property

import numpy as np

from index.backends import Filters, top_k
from index.documents import Chunk
from index.store import CorpusIndex


class FaissBackend:
    kind = "faiss"

    def __init__(self, index: CorpusIndex) -> None:
        if index.chunk_vectors is None:
            raise ValueError("This index was written for a search engine and has no FAISS file.")
        self.index = index

    def search_chunks(
        self, vector: np.ndarray, k: int, filters: Filters | None = None
    ) -> tuple[np.ndarray, np.ndarray]:
        if not filters:
            return self.index.search(vector, k)
        rows = np.flatnonzero(self._admitted_docs(filters)[self._chunk_docs])
        return self._exact(self.index.chunk_matrix, rows, vector, k)

    def search_sentences(
        self, vector: np.ndarray, k: int, filters: Filters | None = None
    ) -> tuple[np.ndarray, np.ndarray]:
        if filters:
            rows = np.flatnonzero(self._admitted_docs(filters)[self._sentence_docs])
        else:
            rows = np.arange(len(self.index.sentences))
        return self._exact(self.index.sentence_vectors, rows, vector, k)

    def lexical(
        self, tokens: Sequence[str], k: int, filters: Filters | None = None
    ) -> dict[int, float]:
        analysis = self.index.ensure_analysis()
        bm25 = analysis.bm25
        known = [t for t in tokens if t in analysis.ids] if bm25 is not None else []
        if not known:
            return {}
        mask = None
        if filters:
            mask = self._admitted_docs(filters)[self._sentence_docs].astype(np.float32)
        scores = bm25.get_scores(known, weight_mask=mask)
        return {int(r): float(scores[r]) for r in top_k(scores, k) if scores[r] > 0}

    def chunk_vectors(self, rows: Sequence[int]) -> np.ndarray:
        return np.asarray(self.index.chunk_matrix[np.asarray(rows, dtype=np.int64)])

    def sentence_vectors(self, rows: Sequence[int]) -> np.ndarray:
        return self.index.sentence_matrix(list(rows))

    def fetch_chunks(self, ids: Sequence[str]) -> list[Chunk]:
        return [self.index.chunks[self._chunk_rows[i]] for i in ids if i in self._chunk_rows]

    # ---- helpers ----------------------------------------------------------------------------

    @staticmethod
    def _exact(
        matrix: np.ndarray, rows: np.ndarray, vector: np.ndarray, k: int
    ) -> tuple[np.ndarray, np.ndarray]:
        if not len(rows):
            return np.zeros(0, dtype=np.float32), np.zeros(0, dtype=np.int64)
        scores = np.asarray(matrix[rows]) @ vector.astype(np.float32)
        best = top_k(scores, k)
        return scores[best], rows[best].astype(np.int64)

    def _admitted_docs(self, filters: Filters) -> np.ndarray:
        articles = self.index.articles
        languages = getattr(articles, "languages", None)
        published = getattr(articles, "published", None)
        admitted = np.zeros(len(articles), dtype=bool)
        for row, doc_id in enumerate(articles):
            if languages is not None:  # a loaded index: no article parsed for this
                admitted[row] = filters.admits(doc_id, languages[row], published[row] or None)
            else:
                article = articles[doc_id]
                admitted[row] = filters.admits(doc_id, article.language, article.published)
        return admitted

    @cached_property
    def _chunk_docs(self) -> np.ndarray:
        return self._doc_rows(self.index.chunks)

    @cached_property
    def _sentence_docs(self) -> np.ndarray:
        return self._doc_rows(self.index.sentences)

    def _doc_rows(self, table) -> np.ndarray:
        """Each row's article row: the stored column when the table has one."""
        column = getattr(table, "doc_rows", None)
        if column is not None:
            return column
        rows = self.index.article_rows
        return np.array([rows[item.doc_id] for item in table], dtype=np.int64)

    @cached_property
    def _chunk_rows(self) -> dict[str, int]:
        return {chunk.id: row for row, chunk in enumerate(self.index.chunks)}
