"""The corpus as a whole: which article files there are, building the index and adding to it.

Vectors are reused by text hash, so adding an article (or rebuilding after a change) embeds
only the passages that are new. Builds hold a file lock, so the app and the CLI can add
articles at the same time without losing one.
"""

from __future__ import annotations

import hashlib
import logging
import re
import shutil
import sys
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import faiss
import numpy as np
from filelock import FileLock

from index import store
from index.chunk import chunk_article, sentences_of
from index.clean import clean
from index.dates import latest_date
from index.documents import Article, Chunk, Sentence
from index.embed import VectorEmbeddings, shared_embedder
from index.errors import ArticleError, IndexError_, IndexMissingError
from index.language import detect_language
from index.read import SUFFIXES, read_source
from index.sentence_analysis import signature as analysis_signature
from index.settings import Settings, load_settings

log = logging.getLogger(__name__)

# Bump when cleaning, segmentation or chunking changes, so existing indexes are rebuilt.
PIPELINE_VERSION = "1"


def article_files(settings: Settings) -> list[Path]:
    """Article files of the bundled corpus and of the user's folder, in a stable order."""
    files = []
    for directory in settings.article_dirs:
        if directory.is_dir():
            files.extend(
                p
                for p in sorted(directory.iterdir())
                if p.is_file() and p.suffix.lower() in SUFFIXES and not p.name.startswith(".")
            )
    return files


def corpus_checksum(files: Iterable[Path], embedder: str) -> str:
    """Changes when any article file, its metadata, the pipeline or the embedder changes."""
    digest = hashlib.sha256(f"{PIPELINE_VERSION}|{analysis_signature()}|{embedder}".encode())
    for path in files:
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
        sidecar = path.with_name(path.stem + ".meta.json")
        if sidecar.is_file():
            digest.update(sidecar.read_bytes())
    return digest.hexdigest()


def article_id(path: Path) -> str:
    """A stable, URL-safe id from the file name: "Parler accusé.txt" -> "parler-accuse"."""
    ascii_name = unicodedata.normalize("NFKD", path.stem).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")
    return slug or "article"


def load_article(path: Path) -> Article:
    """Read and clean one article file; ``ArticleError`` if it cannot be used."""
    source = read_source(path)
    meta = source.metadata
    probe = "\n".join(u.text for u in source.units)
    language = meta.get("language") or detect_language(probe, default="fr")
    title_hint = meta.get("title") or source.title
    cleaned = clean(source.units, title_hint=title_hint, lang=language)
    if not cleaned.paragraphs or len(cleaned.text.split()) < 5:
        raise ArticleError(f"{path.name}: after cleaning, no article text is left.")
    title = meta.get("title") or cleaned.title or path.stem
    return Article(
        id=meta.get("id") or article_id(path),
        title=title,
        language=language,
        published=meta.get("published") or _date_of(source.published) or latest_date(cleaned.text),
        source=path.name,
        text=cleaned.text,
        paragraphs=cleaned.paragraphs,
        dropped=cleaned.dropped,
    )


def _date_of(value: str | None) -> str | None:
    match = re.match(r"\d{4}-\d{2}(?:-\d{2})?", value or "")
    return match.group() if match else None


def build(
    articles: list[Article],
    embedder: VectorEmbeddings,
    checksum: str,
    cache: dict[str, np.ndarray] | None = None,
    progress: bool = True,
) -> store.CorpusIndex:
    """Segment, chunk and embed ``articles`` (reusing cached vectors) into an in-memory index."""
    sentences: list[Sentence] = []
    chunks: list[Chunk] = []
    for article in articles:
        own = sentences_of(article)
        chunks.extend(chunk_article(article, own, len(sentences), embedder.count_tokens))
        sentences.extend(own)
    texts = {a.id: a.text for a in articles}
    chunk_texts = [c.text for c in chunks]
    sentence_texts = [texts[s.doc_id][s.start : s.end] for s in sentences]
    vectors = _embed_with_cache(chunk_texts + sentence_texts, embedder, cache or {}, progress)
    sentence_index = faiss.IndexFlatIP(embedder.dimension)
    if sentences:
        sentence_index.add(vectors[len(chunks) :])
    return store.CorpusIndex(
        embedder=embedder.name,
        dimension=embedder.dimension,
        corpus_checksum=checksum,
        articles={a.id: a for a in articles},
        sentences=sentences,
        chunks=chunks,
        chunk_vectors=store.vector_index(vectors[: len(chunks)].reshape(-1, embedder.dimension)),
        sentence_vectors=sentence_index,
    )


def _embed_with_cache(
    texts: list[str], embedder: VectorEmbeddings, cache: dict[str, np.ndarray], progress: bool
) -> np.ndarray:
    hashes = [store.text_hash(t) for t in texts]
    missing = list(dict.fromkeys(t for t, h in zip(texts, hashes, strict=True) if h not in cache))
    if missing:
        log.info("embedding %d new passages (%d reused)", len(missing), len(texts) - len(missing))
        batches = range(0, len(missing), 64)
        if progress:
            from tqdm import tqdm

            batches = tqdm(batches, desc="Embedding", unit="batch", file=sys.stderr)
        for i in batches:
            batch = missing[i : i + 64]
            for text, vector in zip(batch, embedder.embed_passages(batch), strict=True):
                cache[store.text_hash(text)] = vector
    if not texts:
        return np.zeros((0, embedder.dimension), dtype=np.float32)
    return np.vstack([cache[h] for h in hashes]).astype(np.float32)


@dataclass
class IndexStatus:
    """What ``ensure_index`` found and did, for the user to read."""

    action: str  # "loaded" | "built" | "rebuilt"
    reason: str
    index: store.CorpusIndex


def _lock(settings: Settings) -> FileLock:
    settings.index_dir.mkdir(parents=True, exist_ok=True)
    return FileLock(str(settings.index_dir / ".lock"), timeout=600)


def ensure_index(settings: Settings | None = None, progress: bool = True) -> IndexStatus:
    """Load the index, rebuilding it first if it is missing, corrupt or out of date."""
    settings = settings or load_settings()
    embedder = shared_embedder(settings.embedder)
    with _lock(settings):
        files = article_files(settings)
        checksum = corpus_checksum(files, embedder.name)
        previous: store.CorpusIndex | None = None
        action = "rebuilt"
        try:
            previous = store.load(settings.index_dir)
        except IndexMissingError as err:
            action, reason = "built", str(err)
        except IndexError_ as err:
            reason = str(err)
        else:
            if previous.corpus_checksum == checksum:
                return IndexStatus("loaded", "up to date", previous)
            reason = "the corpus, the pipeline or the embedder changed since it was built"
        articles = [load_article(p) for p in files]
        _check_unique_ids(articles)
        cache = previous.cached_vectors() if previous and previous.embedder == embedder.name else {}
        index = build(articles, embedder, checksum, cache, progress)
        store.save(index, settings.index_dir)
        log.warning("index %s: %s", action, reason)
        return IndexStatus(action, reason, index)


def rebuild(settings: Settings | None = None, progress: bool = True) -> store.CorpusIndex:
    """Build from scratch, reusing no vectors (``python -m index build``)."""
    settings = settings or load_settings()
    embedder = shared_embedder(settings.embedder)
    with _lock(settings):
        files = article_files(settings)
        articles = [load_article(p) for p in files]
        _check_unique_ids(articles)
        index = build(articles, embedder, corpus_checksum(files, embedder.name), None, progress)
        store.save(index, settings.index_dir)
        return index


def add_articles(
    paths: Iterable[Path], settings: Settings | None = None, progress: bool = True
) -> tuple[list[Article], store.CorpusIndex]:
    """Validate every file, copy them into the user's folder, and update the index.

    All files are read and cleaned before anything is written: one bad file refuses the whole
    call and leaves the corpus and the index exactly as they were.
    """
    settings = settings or load_settings()
    paths = [Path(p) for p in paths]
    new = [load_article(p) for p in paths]
    with _lock(settings):
        existing = {article_id(p): p for p in article_files(settings)}
        for path, article in zip(paths, new, strict=True):
            if article.id in existing and existing[article.id].read_bytes() != path.read_bytes():
                raise ArticleError(
                    f"{path.name}: an article with id {article.id!r} is already in the corpus "
                    f"({existing[article.id].name}); rename the file to add it as a new article."
                )
        _check_unique_ids(new)
        settings.user_dir.mkdir(parents=True, exist_ok=True)
        for path, article in zip(paths, new, strict=True):
            if article.id not in existing:
                target = settings.user_dir / f"{article.id}{path.suffix.lower()}"
                tmp = target.with_name(f".{target.name}.tmp")
                shutil.copyfile(path, tmp)
                tmp.replace(target)
    return new, ensure_index(settings, progress).index


def _check_unique_ids(articles: list[Article]) -> None:
    seen: dict[str, str] = {}
    for article in articles:
        if article.id in seen:
            raise ArticleError(
                f"{article.source} and {seen[article.id]} have the same article id {article.id!r}."
            )
        seen[article.id] = article.source
