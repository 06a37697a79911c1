"""Answering: ``ask()`` turns a question or a claim into a cited answer or a verdict."""

from __future__ import annotations

from pathlib import Path

from bot.answer import Answer, Citation, Passage
from index.store import CorpusIndex

__all__ = ["Answer", "Citation", "Passage", "ask"]


def ask(
    question: str,
    k: int = 5,
    index: CorpusIndex | str | Path | None = None,
    mode: str = "extractive",
) -> Answer:
    """Answer ``question`` (or judge a claim) from the corpus, citing the sentences used.

    ``index`` is a loaded ``CorpusIndex``, an index folder, or None for the configured corpus
    (built on first use). ``mode`` is "extractive" (no generative model) or "llm".
    Raises ``ValueError`` with a readable message for unusable input.
    """
    from bot.engine import shared_engine

    if mode not in ("extractive", "llm"):
        raise ValueError(f"Unknown mode {mode!r}: use 'extractive' or 'llm'.")
    engine = shared_engine(index)
    answer = engine.ask(question, k=k)
    if mode == "llm":
        from bot.llm.client import llm_answer

        context = (engine.retriever.embedder, engine.retriever.term_index)
        answer = llm_answer(answer, engine.index, context)
    return answer
