"""Hybrid retrieval down to the sentence: dense e5 search, BM25, and term coverage, fused.

Dense search finds the right neighbourhood across languages; BM25 (stems of both languages,
plus lexicon translations of the question's words) pins names, numbers and rare words; term
coverage says whether a sentence actually talks about what was asked. Everything computed per
sentence of the corpus is computed once, when the index is written, and read here.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from importlib import resources
from typing import Any

import numpy as np

from bot.question import Query
from bot.question.answer_type import holds_answer
from bot.question.terms import QueryTerm, SentenceTerms, TermIndex, coverage, query_terms
from index.backends import SearchBackend, open_backend
from index.embed import VectorEmbeddings
from index.lexicon import Lexicon, load_lexicon
from index.sentence_analysis import SentenceAnalysis
from index.store import CorpusIndex

# How many chunks dense search hands on, and how many sentences BM25 adds.
DENSE_CANDIDATES = 24
LEXICAL_CANDIDATES = 16
# The sentence score's weights, one set for questions and one for claims, are fitted on the
# dev stories (``python -m bot.retrieve.fit``) and stored as data in weights.json: similarity
# (to the best candidate's of the sentence's language), its chunk's (to the best chunk's),
# BM25, coverage and, for a question, holding the kind of answer asked for
# (bot/question/answer_type.py), checked among the first TYPED_RERANK.
TYPED_RERANK = 12
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


@cache
def load_weights() -> dict[str, dict[str, float]]:
    """The fitted weights of the sentence score, by kind of query ("question", "claim")."""
    source = resources.files("bot.retrieve") / "weights.json"
    return json.loads(source.read_text(encoding="utf-8"))


def sentence_score(
    weights: dict[str, float], similarity: Any, chunk: Any, bm25: Any, coverage: Any
) -> Any:
    """A sentence's score before the answer-type move (floats, or arrays of them for the fit):
    similarity to the best of its language, its chunk's to the best chunk's, BM25, coverage."""
    return (
        weights["sentence"] * similarity
        + weights["chunk"] * chunk
        + weights["bm25"] * bm25
        + weights["coverage"] * coverage
    )


def typed_first(
    scores: np.ndarray, typed: np.ndarray, weight: float
) -> tuple[np.ndarray, np.ndarray]:
    """(order best first, new scores) of sentences ranked by ``scores`` once those holding the
    kind of answer asked for (``typed``) move up by ``weight``: of two sentences that talk
    about the question, the one that can answer it. Ties keep their order. The retriever
    applies it to its first TYPED_RERANK sentences, and the fit replays it."""
    boosted = scores + weight * typed
    return np.argsort(-boosted, kind="stable"), boosted


def best_by_language(
    rows: list[int], dense: np.ndarray, languages: Sequence[str]
) -> dict[str, float]:
    """The best similarity among the candidate ``rows`` of each language (``languages`` is
    the index's, by sentence row). e5 scores a sentence in the question's language above its
    translation, so a sentence is compared with the best of its own language: which language
    answers is left to coverage, BM25 and the chunk (on the dev stories, the first sentence is
    gold for 0.68 of the questions whose answer is in the other language instead of 0.58, and
    level for the others)."""
    best: dict[str, float] = {}
    for row, cosine in zip(rows, dense.tolist(), strict=True):
        language = languages[row]
        best[language] = max(cosine, best.get(language, cosine))
    return best


class Retriever:
    """Opened once per index (and process); ``search`` does only per-question work.

    Nothing per sentence is computed here: terms, term counts, names and BM25 come from the
    index's stored analysis (index/sentence_analysis.py), vectors and BM25 search from its
    ``SearchBackend`` (index/backends/), FAISS by default or a Milvus cluster.
    """

    def __init__(
        self,
        index: CorpusIndex,
        embedder: VectorEmbeddings,
        lexicon: Lexicon | None = None,
        backend: SearchBackend | None = None,
    ) -> None:
        self.index = index
        self.embedder = embedder
        self.lexicon = lexicon or load_lexicon()
        self.backend = backend or open_backend(index)
        self.analysis = index.ensure_analysis()
        self.sentence_chunk = index.sentence_chunk
        self.terms = _StoredTerms(self.analysis)
        self.term_index = TermIndex.from_counts(
            len(index.sentences), self.analysis.document_frequency, self.analysis.names
        )
        # What a sentence covers includes the names in its article's title: the article is
        # about them, and its sentences say "l'application" or "le rival de Twitter" instead.
        self.context = _InContext(self.terms, self.analysis, index)

    def search(self, query: Query, k: int) -> Retrieval:
        text = query.proposition
        terms = query_terms(text, query.language, self.lexicon, self.term_index, query.is_claim)
        if not self.index.sentences:
            return Retrieval(terms, [], [], 0.0)
        vector = self.embedder.embed_question(text)
        chunk_scores, chunk_rows = self.backend.search_chunks(vector, max(DENSE_CANDIDATES, k))
        chunk_dense = dict(zip(chunk_rows.tolist(), chunk_scores.tolist(), strict=True))

        lexical = self._bm25(terms)
        candidates = {r for c in chunk_dense for r in self.index.chunks[c].sentences}
        candidates |= set(lexical)
        rows = sorted(candidates)
        dense = self.backend.sentence_vectors(rows) @ vector
        # Chunks reached only through BM25 still need their dense score.
        unseen = sorted({int(self.sentence_chunk[r]) for r in rows} - chunk_dense.keys())
        if unseen:
            scores = self.backend.chunk_vectors(unseen) @ vector
            chunk_dense.update(zip(unseen, scores.tolist(), strict=True))
        best_dense = float(dense.max())
        own_best = best_by_language(rows, dense, self.analysis.languages)
        best_chunk = max(chunk_dense.values())
        best_bm25 = max(lexical.values(), default=0.0) or 1.0

        weights = load_weights()["claim" if query.is_claim else "question"]
        scored = []
        for row, cosine in zip(rows, dense.tolist(), strict=True):
            chunk = int(self.sentence_chunk[row])
            cover, missing, neighbour = self._coverage_in_context(terms, row)
            bm25 = lexical.get(row, 0.0) / best_bm25
            score = sentence_score(
                weights,
                cosine - own_best[self.analysis.languages[row]],
                chunk_dense[chunk] - best_chunk,
                bm25,
                cover,
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
        if query.answer_type and not query.is_claim:
            scored = self._typed_first(query, terms, scored, weights["answer_type"])

        chunks: dict[int, ScoredChunk] = {}
        for sentence in scored:
            if sentence.chunk not in chunks:
                chunks[sentence.chunk] = ScoredChunk(
                    sentence.chunk, sentence.score, chunk_dense[sentence.chunk]
                )
        return Retrieval(terms, scored, list(chunks.values())[:k], best_dense)

    def _typed_first(
        self, query: Query, terms: list[QueryTerm], scored: list[ScoredSentence], weight: float
    ) -> list[ScoredSentence]:
        """The first TYPED_RERANK sentences reordered by ``typed_first``: those holding the kind
        of answer asked for (a number for "how many", a name for "who") gain ``weight``."""
        head, tail = scored[:TYPED_RERANK], scored[TYPED_RERANK:]
        typed = np.array(
            [
                holds_answer(query, self.index.text_of(self.index.sentences[s.row]), terms)
                for s in head
            ]
        )
        order, boosted = typed_first(np.array([s.score for s in head]), typed, weight)
        return [replace(head[i], score=float(boosted[i])) for i in order] + tail

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

    def _bm25(self, terms: list[QueryTerm]) -> dict[int, float]:
        tokens = sorted(
            {form for t in terms for form in (*t.stems, t.folded)}
            | {part for t in terms for translation in t.translations for part in translation}
        )
        return self.backend.lexical(tokens, LEXICAL_CANDIDATES)


class _StoredTerms:
    """Each sentence's terms, read from the stored analysis when first asked for."""

    def __init__(self, analysis: SentenceAnalysis) -> None:
        self._analysis = analysis
        self._get = lru_cache(maxsize=65_536)(analysis.terms)

    def __getitem__(self, row: int) -> SentenceTerms:
        return self._get(row)

    def __len__(self) -> int:
        return len(self._analysis)


class _InContext:
    """A sentence's terms with the names of its article's title."""

    def __init__(self, terms: _StoredTerms, analysis: SentenceAnalysis, index: CorpusIndex):
        self._terms, self._analysis, self._index = terms, analysis, index

    def __getitem__(self, row: int) -> SentenceTerms:
        article = self._index.article_rows[self._index.sentences[row].doc_id]
        return self._terms[row] | self._analysis.title_terms(article)

    def __len__(self) -> int:
        return len(self._terms)
