"""Hybrid retrieval down to the sentence: dense e5 search, BM25, and term coverage, fused.

Dense search finds the right neighbourhood across languages; BM25 (stems of both languages,
plus lexicon translations of the question's words) pins names, numbers and rare words; term
coverage says whether a sentence actually talks about what was asked. Everything computed per
sentence of the corpus is computed once, when the retriever is built.
"""

from __future__ import annotations

from dataclasses import dataclass

import bm25s
import numpy as np

from bot.lexicon import Lexicon, load_lexicon
from bot.question import Query
from bot.terms import QueryTerm, SentenceTerms, TermIndex, coverage, query_terms, sentence_terms
from index.analysis import fold, words
from index.embed import VectorEmbeddings
from index.store import CorpusIndex

# How many chunks dense search hands on, and how many sentences BM25 adds.
DENSE_CANDIDATES = 24
LEXICAL_CANDIDATES = 16
# Weights of the sentence score (dense similarities are compared to the best candidate's).
W_SENTENCE = 1.0
W_CHUNK = 0.5
W_BM25 = 0.04
W_COVERAGE = 0.12
# A neighbouring sentence joins the evidence when it adds this much coverage.
NEIGHBOUR_GAIN = 0.15


@dataclass(frozen=True)
class ScoredSentence:
    row: int  # in the index's sentence table
    chunk: int  # row of its chunk
    score: float
    dense: float
    chunk_dense: float
    bm25: float  # normalised to the best candidate
    coverage: float
    missing: tuple[QueryTerm, ...]
    # A neighbouring sentence of the same paragraph that covers what this one misses
    # ("Le même jour, le 2 mars 2021, …" after "Parler a déposé sa plainte…"), if any.
    neighbour: int | None = None


@dataclass(frozen=True)
class ScoredChunk:
    row: int
    score: float
    dense: float


@dataclass(frozen=True)
class Retrieval:
    terms: list[QueryTerm]
    sentences: list[ScoredSentence]  # best first
    chunks: list[ScoredChunk]  # best first
    top_dense: float  # best sentence cosine: how close the corpus comes at all


class Retriever:
    """Built once per index (and process); ``search`` does only per-question work."""

    def __init__(
        self, index: CorpusIndex, embedder: VectorEmbeddings, lexicon: Lexicon | None = None
    ) -> None:
        self.index = index
        self.embedder = embedder
        self.lexicon = lexicon or load_lexicon()
        self.sentence_chunk = np.zeros(len(index.sentences), dtype=np.int64)
        for row, chunk in enumerate(index.chunks):
            self.sentence_chunk[list(chunk.sentences)] = row
        texts = [index.text_of(s) for s in index.sentences]
        self.terms: list[SentenceTerms] = [
            sentence_terms(text, index.articles[s.doc_id].language, self.lexicon)
            for text, s in zip(texts, index.sentences, strict=True)
        ]
        self.term_index = TermIndex(self.terms, texts)
        # What a sentence covers includes the names in its article's title: the article is
        # about them, and its sentences say "l'application" or "le rival de Twitter" instead.
        titles = {
            doc_id: self._title_names(article.title, article.language)
            for doc_id, article in index.articles.items()
        }
        self.context: list[SentenceTerms] = [
            terms | titles[s.doc_id] for terms, s in zip(self.terms, index.sentences, strict=True)
        ]
        self.bm25 = bm25s.BM25()
        if self.terms:
            tokens = [sorted(t.stems | t.folded) or ["_"] for t in self.terms]
            self.bm25.index(tokens, show_progress=False)

    def search(self, query: Query, k: int) -> Retrieval:
        text = query.proposition
        terms = query_terms(text, query.language, self.lexicon, self.term_index, query.is_claim)
        if not self.index.sentences:
            return Retrieval(terms, [], [], 0.0)
        vector = self.embedder.embed_question(text)
        chunk_scores, chunk_rows = self.index.search(vector, max(DENSE_CANDIDATES, k))
        chunk_dense = dict(zip(chunk_rows.tolist(), chunk_scores.tolist(), strict=True))

        lexical = self._bm25(terms)
        candidates = {r for c in chunk_dense for r in self.index.chunks[c].sentences}
        candidates |= set(lexical)
        rows = sorted(candidates)
        dense = self.index.sentence_matrix(rows) @ vector
        for row in rows:  # chunks reached only through BM25 still need their dense score
            chunk = int(self.sentence_chunk[row])
            if chunk not in chunk_dense:
                chunk_vector = self.index.chunk_vectors.reconstruct(chunk)
                chunk_dense[chunk] = float(chunk_vector @ vector)
        best_dense = float(dense.max())
        best_chunk = max(chunk_dense.values())
        best_bm25 = max(lexical.values(), default=0.0) or 1.0

        scored = []
        for row, cosine in zip(rows, dense.tolist(), strict=True):
            chunk = int(self.sentence_chunk[row])
            cover, missing, neighbour = self._coverage_in_context(terms, row)
            bm25 = lexical.get(row, 0.0) / best_bm25
            score = (
                W_SENTENCE * (cosine - best_dense)
                + W_CHUNK * (chunk_dense[chunk] - best_chunk)
                + W_BM25 * bm25
                + W_COVERAGE * cover
            )
            scored.append(
                ScoredSentence(
                    row,
                    chunk,
                    score,
                    cosine,
                    chunk_dense[chunk],
                    bm25,
                    cover,
                    tuple(missing),
                    neighbour,
                )
            )
        scored.sort(key=lambda s: s.score, reverse=True)

        chunks: dict[int, ScoredChunk] = {}
        for sentence in scored:
            if sentence.chunk not in chunks:
                chunks[sentence.chunk] = ScoredChunk(
                    sentence.chunk, sentence.score, chunk_dense[sentence.chunk]
                )
        return Retrieval(terms, scored, list(chunks.values())[:k], best_dense)

    def _coverage_in_context(
        self, terms: list[QueryTerm], row: int
    ) -> tuple[float, list[QueryTerm], int | None]:
        """Coverage of the sentence, or of it and one neighbour when that covers much more."""
        cover, missing = coverage(terms, self.context[row])
        best = (cover, missing, None)
        if not missing:
            return best
        own = self.index.sentences[row]
        for other in (row - 1, row + 1):
            if not 0 <= other < len(self.index.sentences):
                continue
            near = self.index.sentences[other]
            if near.doc_id != own.doc_id or near.paragraph != own.paragraph:
                continue
            joint, joint_missing = coverage(terms, self.context[row] | self.terms[other])
            if joint >= best[0] + NEIGHBOUR_GAIN:
                best = (joint, joint_missing, other)
        return best

    def _title_names(self, title: str, lang: str) -> SentenceTerms:
        names = [w for w in words(title) if fold(w.group()) in self.term_index.names]
        return sentence_terms(" ".join(w.group() for w in names), lang, self.lexicon)

    def _bm25(self, terms: list[QueryTerm]) -> dict[int, float]:
        tokens = sorted(
            {form for t in terms for form in (*t.stems, t.folded)}
            | {part for t in terms for translation in t.translations for part in translation}
        )
        known = [t for t in tokens if t in self.bm25.vocab_dict]
        if not known:
            return {}
        scores = self.bm25.get_scores(known)
        top = np.argsort(-scores)[:LEXICAL_CANDIDATES]
        return {int(r): float(scores[r]) for r in top if scores[r] > 0}
