"""The retrieval stage: from a ``Query`` to the corpus sentences ranked by how well they answer.

``retriever.py`` fuses dense e5 search over chunks and sentences, BM25 over the stems of both
languages and lexicon translations, and term coverage. It is a stage because it is the only
place that searches the index: later stages see a ``Retrieval`` of scored sentences, never
the index's search structures.
"""

from bot.retrieve.retriever import Retrieval, Retriever, ScoredSentence

__all__ = ["Retrieval", "Retriever", "ScoredSentence"]
