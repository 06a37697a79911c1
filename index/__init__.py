"""Ingestion: read and clean articles, cut them into chunks, embed them, keep them in FAISS."""

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
