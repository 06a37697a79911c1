"""The index on disk: two FAISS files, one JSON metadata file and a manifest that names them.

Writes are atomic and ordered: data files first (new names, content-addressed), the manifest
last, by rename. A crash at any point leaves the previous manifest pointing at intact files.
Loading verifies every file's size and SHA-256 before FAISS sees a byte, so a truncated or
altered file is reported clearly instead of crashing inside FAISS. No pickle anywhere.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import faiss
import numpy as np

from index.documents import Article, Chunk, Sentence
from index.errors import IndexCorruptError, IndexMismatchError, IndexMissingError

FORMAT_VERSION = 1
MANIFEST = "manifest.json"
# Exact search up to this many vectors; beyond it an HNSW graph keeps queries fast.
EXACT_SEARCH_LIMIT = 50_000
HNSW_NEIGHBOURS = 32
HNSW_EF_SEARCH = 256  # recall@10 0.966 at 100k text-like vectors (0.897 at 128); bench/scale.py
REBUILD = "Rebuild it with `python -m index build`."


@dataclass
class CorpusIndex:
    """Everything answering needs, in memory: articles, sentences, chunks and their vectors."""

    embedder: str
    dimension: int
    corpus_checksum: str
    articles: dict[str, Article]
    sentences: list[Sentence]
    chunks: list[Chunk]
    chunk_vectors: faiss.Index
    sentence_vectors: faiss.Index
    extra: dict[str, Any] = field(default_factory=dict)

    def search(self, query: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        """Cosine scores and chunk rows of the ``k`` nearest chunks."""
        k = min(k, self.chunk_vectors.ntotal)
        if k <= 0:
            return np.zeros(0, dtype=np.float32), np.zeros(0, dtype=np.int64)
        scores, rows = self.chunk_vectors.search(query.reshape(1, -1).astype(np.float32), k)
        keep = rows[0] >= 0
        return scores[0][keep], rows[0][keep]

    def sentence_matrix(self, rows: list[int]) -> np.ndarray:
        """Vectors of the given sentence rows, (len(rows), dimension)."""
        if not rows:
            return np.zeros((0, self.dimension), dtype=np.float32)
        return self.sentence_vectors.reconstruct_batch(np.asarray(rows, dtype=np.int64))

    def cached_vectors(self) -> dict[str, np.ndarray]:
        """Vectors already computed, by text hash, so a rebuild embeds only what is new."""
        cache: dict[str, np.ndarray] = {}
        for table, vectors in (
            (self.chunks, self.chunk_vectors),
            (self.sentences, self.sentence_vectors),
        ):
            if not table:
                continue
            matrix = vectors.reconstruct_n(0, vectors.ntotal)
            for row, item in enumerate(table):
                cache[text_hash(self.text_of(item))] = matrix[row]
        return cache

    def text_of(self, item: Chunk | Sentence) -> str:
        return self.articles[item.doc_id].text[item.start : item.end]


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def vector_index(vectors: np.ndarray) -> faiss.Index:
    """Inner product on normalised vectors (cosine); HNSW once the corpus is large."""
    dimension = vectors.shape[1]
    if len(vectors) > EXACT_SEARCH_LIMIT:
        index = faiss.IndexHNSWFlat(dimension, HNSW_NEIGHBOURS, faiss.METRIC_INNER_PRODUCT)
        index.hnsw.efSearch = HNSW_EF_SEARCH
    else:
        index = faiss.IndexFlatIP(dimension)
    if len(vectors):
        index.add(np.ascontiguousarray(vectors, dtype=np.float32))
    return index


def save(index: CorpusIndex, directory: Path) -> None:
    """Write the index atomically; old files are removed only after the new manifest is in place."""
    directory.mkdir(parents=True, exist_ok=True)
    meta = {
        "articles": [a.to_dict() for a in index.articles.values()],
        "sentences": [[s.doc_id, s.paragraph, s.start, s.end] for s in index.sentences],
        "chunks": [
            [c.doc_id, c.paragraph, c.start, c.end, list(c.sentences)] for c in index.chunks
        ],
        "extra": index.extra,
    }
    payloads = {
        "chunks": ("faiss", faiss.serialize_index(index.chunk_vectors).tobytes()),
        "sentences": ("faiss", faiss.serialize_index(index.sentence_vectors).tobytes()),
        "meta": ("json", json.dumps(meta, ensure_ascii=False).encode("utf-8")),
    }
    files = {}
    for role, (suffix, data) in payloads.items():
        digest = hashlib.sha256(data).hexdigest()
        name = f"{role}-{digest[:16]}.{suffix}"
        _atomic_write(directory / name, data)  # even if the name exists: it may be damaged
        files[role] = {"name": name, "sha256": digest, "bytes": len(data)}
    manifest = {
        "format_version": FORMAT_VERSION,
        "embedder": {"name": index.embedder, "dimension": index.dimension},
        "corpus_checksum": index.corpus_checksum,
        "counts": {
            "articles": len(index.articles),
            "chunks": len(index.chunks),
            "sentences": len(index.sentences),
        },
        "files": files,
    }
    _atomic_write(directory / MANIFEST, json.dumps(manifest, indent=2).encode("utf-8"))
    referenced = {f["name"] for f in files.values()}
    for path in directory.iterdir():
        stale = path.suffix in (".faiss", ".json") and path.name not in referenced
        if stale and path.name != MANIFEST:
            path.unlink(missing_ok=True)


def read_manifest(directory: Path) -> dict[str, Any]:
    path = directory / MANIFEST
    if not path.is_file():
        raise IndexMissingError(f"No index in {directory}. Build it with `python -m index build`.")
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
        _ = manifest["files"], manifest["embedder"]["name"]  # the keys loading relies on
    except (ValueError, KeyError, TypeError) as err:
        raise IndexCorruptError(
            f"The index manifest {path} is unreadable ({err}). " + REBUILD
        ) from err
    if manifest.get("format_version") != FORMAT_VERSION:
        raise IndexMismatchError(
            f"The index in {directory} has format {manifest.get('format_version')}, this version "
            f"reads format {FORMAT_VERSION}. {REBUILD}"
        )
    return manifest


def load(directory: Path) -> CorpusIndex:
    """Read and verify the index, or raise an ``IndexError_`` subclass saying what is wrong."""
    manifest = read_manifest(directory)
    data = {role: _verified_bytes(directory, entry) for role, entry in manifest["files"].items()}
    try:
        meta = json.loads(data["meta"].decode("utf-8"))
        chunk_vectors = faiss.deserialize_index(np.frombuffer(data["chunks"], dtype=np.uint8))
        sentence_vectors = faiss.deserialize_index(np.frombuffer(data["sentences"], dtype=np.uint8))
        articles = {a["id"]: Article.from_dict(a) for a in meta["articles"]}
        sentences = [Sentence(*row) for row in meta["sentences"]]
        chunks = [
            Chunk(
                id=f"{doc}#{start}-{end}",
                doc_id=doc,
                title=articles[doc].title,
                paragraph=paragraph,
                start=start,
                end=end,
                text=articles[doc].text[start:end],
                sentences=tuple(rows),
            )
            for doc, paragraph, start, end, rows in meta["chunks"]
        ]
    except (ValueError, KeyError, TypeError, RuntimeError) as err:
        raise IndexCorruptError(
            f"The index in {directory} cannot be read ({err}). {REBUILD}"
        ) from err
    dimension = manifest["embedder"]["dimension"]
    if (
        chunk_vectors.ntotal != len(chunks)
        or sentence_vectors.ntotal != len(sentences)
        or (chunks and chunk_vectors.d != dimension)
    ):
        raise IndexCorruptError(
            f"The index in {directory} is inconsistent (vectors and metadata disagree). " + REBUILD
        )
    return CorpusIndex(
        embedder=manifest["embedder"]["name"],
        dimension=dimension,
        corpus_checksum=manifest["corpus_checksum"],
        articles=articles,
        sentences=sentences,
        chunks=chunks,
        chunk_vectors=chunk_vectors,
        sentence_vectors=sentence_vectors,
        extra=meta.get("extra", {}),
    )


def _verified_bytes(directory: Path, entry: dict[str, Any]) -> bytes:
    path = directory / entry["name"]
    if not path.is_file():
        raise IndexCorruptError(f"Index file {path.name} is missing from {directory}. {REBUILD}")
    data = path.read_bytes()
    if len(data) != entry["bytes"]:
        raise IndexCorruptError(
            f"Index file {path.name} is truncated ({len(data):,} of {entry['bytes']:,} bytes). "
            + REBUILD
        )
    if hashlib.sha256(data).hexdigest() != entry["sha256"]:
        raise IndexCorruptError(
            f"Index file {path.name} was altered (checksum mismatch). {REBUILD}"
        )
    return data


def _atomic_write(path: Path, data: bytes) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        os.fchmod(fd, 0o644)  # readable like any data file, not mkstemp's private 0600
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    dir_fd = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)
