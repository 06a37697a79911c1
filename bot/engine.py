"""The answering pipeline for one index: question -> retrieval -> evidence -> decision -> text.

An ``Engine`` holds everything that is computed once per index (the retriever's sentence
analysis, BM25, the loaded embedder); ``shared_engine`` keeps one per index folder and reloads
it when the index on disk changes (an article was added).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from bot.answer import Answer, Passage
from bot.compose.text import citations_for, compose, lead_key
from bot.evidence import candidates as evidence
from bot.judge import answerable as decide
from bot.judge import verdict
from bot.question import parse
from bot.retrieve import Retriever
from index.corpus import ensure_index, try_ensure_index
from index.embed import shared_embedder
from index.facts.stored import serve as serve_facts
from index.settings import load_settings
from index.store import MANIFEST, CorpusIndex, load

DEFAULT_K = 5
MAX_K = 50


class Engine:
    def __init__(self, index: CorpusIndex) -> None:
        self.index = index
        self.retriever = Retriever(index, shared_embedder(index.embedder))
        serve_facts(self.retriever.analysis)  # the judge reads stored sentences' facts

    def ask(self, question: str, k: int = DEFAULT_K) -> Answer:
        query = parse(question)
        if not isinstance(k, int) or not 1 <= k <= MAX_K:
            raise ValueError(f"k must be a whole number between 1 and {MAX_K}.")
        retrieval = self.retriever.search(query, k)
        if query.is_claim:  # judged against the best sentence and its close runners-up
            chosen = evidence.candidates(retrieval, self.index)
        else:
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
            notes=[
                f"decision: {decision.reason}",
                f"framing: {lead_key(query, decision, citations)}",
            ],
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


_engines: dict[Path, tuple[int, Engine]] = {}
_refreshing: set[Path] = set()
_lock = threading.Lock()  # guards the two tables above; never held while loading
_first_load = threading.Lock()


def shared_engine(index: CorpusIndex | str | Path | None = None) -> Engine:
    """The engine for an index object, an index folder, or (None) the configured corpus.

    For the configured corpus the index is built on first use and reloaded whenever its
    manifest changes on disk, so articles added by another process or the app are seen.
    Reloading never makes a question wait for a build: while an article is being indexed,
    questions are answered from the last complete index (snapshot), and the new one replaces
    it once it is loaded (swap).
    """
    if isinstance(index, CorpusIndex):
        return Engine(index)
    settings = load_settings() if index is None else None
    folder = settings.index_dir if settings else Path(index)
    with _lock:
        cached = _engines.get(folder)
        if cached is not None and (cached[0] == _stamp(folder) or folder in _refreshing):
            return cached[1]
        if cached is not None:
            _refreshing.add(folder)
    if cached is None:  # first use: nothing to answer from yet, so this one waits
        with _first_load:  # (not holding _lock: an upload may need it to publish meanwhile)
            with _lock:
                if folder in _engines:
                    return _engines[folder][1]
            corpus = ensure_index(settings, progress=False).index if settings else load(folder)
            return _swap(folder, corpus)
    background = False
    try:
        status = try_ensure_index(settings) if settings else None
        if settings is not None and status is None:  # a build holds the lock: swap when done
            background = True
            threading.Thread(target=_refresh, args=(folder, settings), daemon=True).start()
            return cached[1]
        return _swap(folder, status.index if status else load(folder))
    finally:
        if not background:
            with _lock:
                _refreshing.discard(folder)


@contextmanager
def updating(folder: Path | None = None) -> Iterator[None]:
    """While the app indexes an upload elsewhere, questions keep the current engine and none
    of them reloads the index on its own; ``publish`` then swaps in the new one."""
    folder = folder or load_settings().index_dir
    with _lock:
        _refreshing.add(folder)
    try:
        yield
    finally:
        with _lock:
            _refreshing.discard(folder)


def publish(index: CorpusIndex, folder: Path | None = None) -> Engine:
    """Answer from ``index`` from now on (the app calls this once an upload is indexed)."""
    folder = folder or load_settings().index_dir
    with _lock:
        _refreshing.add(folder)
    try:
        return _swap(folder, index)
    finally:
        with _lock:
            _refreshing.discard(folder)


def _refresh(folder: Path, settings) -> None:
    try:
        corpus = ensure_index(settings, progress=False).index
        with _lock:
            current = _engines.get(folder)
        if current is None or current[0] != _stamp(folder):  # not published meanwhile
            _swap(folder, corpus)
    except Exception:  # the old engine keeps answering; the next question retries
        logging.getLogger(__name__).exception("reloading the index failed")
    finally:
        with _lock:
            _refreshing.discard(folder)


def _swap(folder: Path, corpus: CorpusIndex) -> Engine:
    stamp = _stamp(folder)
    engine = Engine(corpus)  # built outside the lock: questions meanwhile use the old one
    with _lock:
        _engines[folder] = (stamp, engine)
    return engine


def _stamp(folder: Path) -> int:
    manifest = folder / MANIFEST
    try:
        return manifest.stat().st_mtime_ns
    except FileNotFoundError:
        return -1
