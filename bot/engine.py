"""The answering pipeline for one index: question -> retrieval -> evidence -> decision -> text.

An ``Engine`` holds everything that is computed once per index (the retriever's sentence
analysis, BM25, the loaded embedder); ``shared_engine`` keeps one per index folder and reloads
it when the index on disk changes (an article was added).
"""

from __future__ import annotations

import threading
from pathlib import Path

from bot import decide, evidence, verdict
from bot.answer import Answer, Passage
from bot.compose import citations_for, compose
from bot.question import parse
from bot.retrieve import Retriever
from index.corpus import ensure_index
from index.embed import shared_embedder
from index.settings import load_settings
from index.store import MANIFEST, CorpusIndex

DEFAULT_K = 5
MAX_K = 50


class Engine:
    def __init__(self, index: CorpusIndex) -> None:
        self.index = index
        self.retriever = Retriever(index, shared_embedder(index.embedder))

    def ask(self, question: str, k: int = DEFAULT_K) -> Answer:
        query = parse(question)
        if not isinstance(k, int) or not 1 <= k <= MAX_K:
            raise ValueError(f"k must be a whole number between 1 and {MAX_K}.")
        retrieval = self.retriever.search(query, k)
        chosen = evidence.select(retrieval, self.index)
        if query.is_claim:
            decision = verdict.decide_claim(query, retrieval, chosen, self.index)
        else:
            decision = decide.decide_question(query, retrieval, chosen, self.index)
        citations = citations_for(decision, self.index)
        return Answer(
            question=query.text,
            text=compose(query, decision, citations),
            language=query.language,
            abstained=decision.abstained,
            verdict=decision.verdict,
            citations=citations,
            confidence=decision.confidence,
            kind="claim" if query.is_claim else "question",
            passages=self._passages(retrieval.chunks),
            notes=[f"decision: {decision.reason}"],
        )

    def _passages(self, chunks) -> list[Passage]:
        passages = []
        for rank, scored in enumerate(chunks, start=1):
            chunk = self.index.chunks[scored.row]
            passages.append(
                Passage(
                    rank,
                    chunk.doc_id,
                    chunk.title,
                    chunk.paragraph,
                    chunk.start,
                    chunk.end,
                    chunk.text,
                    round(scored.score, 4),
                    round(scored.dense, 4),
                )
            )
        return passages


_engines: dict[Path, tuple[float, Engine]] = {}
_lock = threading.Lock()


def shared_engine(index: CorpusIndex | str | Path | None = None) -> Engine:
    """The engine for an index object, an index folder, or (None) the configured corpus.

    For the configured corpus the index is built on first use and reloaded whenever its
    manifest changes on disk, so articles added by another process or the app are seen.
    """
    if isinstance(index, CorpusIndex):
        return Engine(index)
    with _lock:
        if index is None:
            settings = load_settings()
            folder = settings.index_dir
        else:
            folder = Path(index)
        manifest = folder / MANIFEST
        stamp = manifest.stat().st_mtime_ns if manifest.exists() else -1.0
        cached = _engines.get(folder)
        if cached is None or cached[0] != stamp:
            if index is None:
                corpus = ensure_index(settings, progress=False).index
            else:
                from index.store import load

                corpus = load(folder)
            stamp = manifest.stat().st_mtime_ns
            _engines[folder] = (stamp, Engine(corpus))
        return _engines[folder][1]
