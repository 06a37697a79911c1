"""The index on disk: tables, article texts, the sentence analysis, vectors and a manifest.

Writes are atomic and ordered: data files first (new names, content-addressed), the manifest
last, by rename. A crash at any point leaves the previous manifest pointing at intact files.
Loading verifies every file's size and SHA-256 before anything parses it, so a truncated or
altered file is reported clearly instead of crashing inside FAISS or numpy. No pickle anywhere.

Loading reads, never recomputes: sentences and chunks are columns of integers, articles are
parsed from their JSON line when first asked for, the sentence vectors are memory-mapped and
everything computed per sentence comes from index/sentence_analysis.py. A fresh process at
100k chunks therefore starts in about a second instead of 20 (bench/README.md).

Files (manifest ``files``, by role):
- ``tables``: .npz of integer columns (sentences, chunks, articles' ids, languages and dates);
- ``articles``: one JSON object per line, the cleaned articles, in table order;
- ``analysis``: the stored sentence analysis (terms, judging facts, term counts, names, BM25);
- ``chunk_vectors``, ``sentence_vectors``: float32 .npy, the vectors (also what a rebuild
  reuses instead of re-embedding);
- ``chunks``: the FAISS index over chunk vectors, when FAISS is the search backend.
"""

from __future__ import annotations

import hashlib
import io
import itertools
import json
import mmap
import os
import tempfile
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

import faiss
import numpy as np

from index.documents import Article, Chunk, Sentence
from index.errors import IndexCorruptError, IndexMismatchError, IndexMissingError
from index.sentence_analysis import SentenceAnalysis, StaleAnalysisError, signature

FORMAT_VERSION = 3  # 3: vector files checked by block; chunk vectors only in the FAISS file
MANIFEST = "manifest.json"
# Exact search up to this many vectors; beyond it an HNSW graph keeps queries fast.
EXACT_SEARCH_LIMIT = 50_000
HNSW_NEIGHBOURS = 32
HNSW_EF_SEARCH = 256  # recall@10 0.966 at 100k text-like vectors (0.897 at 128); bench/scale.py
# Beyond this many vectors HNSW (M=32) falls short of recall@10 0.95 (0.915 at 1M, efSearch
# 512), and IVF-PQ re-ranked with the exact vectors reaches only 0.87 on text-like vectors
# (e5's narrow cone defeats product quantisation): inverted lists of the exact vectors do
# (bench/ann.py at a million: recall@10 0.944 / 0.965 / 0.972 at nprobe 64 / 96 / 128,
# p50 1.4 / 2.0 / 3.0 ms on a busy machine).
IVF_LIMIT = 400_000
IVF_NPROBE = 96
REBUILD = "Rebuild it with `python -m index build`."
BLOCK_ROWS = 64  # vectors per checksummed block of a vector file (96 KB at 384 dimensions)
SUFFIXES = (".npz", ".npy", ".jsonl", ".faiss", ".json")


@dataclass
class CorpusIndex:
    """Everything answering needs: articles, sentences, chunks, their analysis and vectors.

    ``chunk_vectors`` is the FAISS index when FAISS is the search backend (None when the vectors
    are served by a search engine, index/backends/); ``sentence_vectors`` is a (rows, dimension)
    array, memory-mapped when loaded from disk.
    """

    embedder: str
    dimension: int
    corpus_checksum: str
    articles: Mapping[str, Article]
    sentences: Sequence[Sentence]
    chunks: Sequence[Chunk]
    chunk_vectors: faiss.Index | None
    sentence_vectors: Any  # np.ndarray; a faiss flat index is accepted and read into one
    extra: dict[str, Any] = field(default_factory=dict)
    analysis: SentenceAnalysis | None = None
    backend: dict[str, Any] = field(default_factory=lambda: {"kind": "faiss"})
    chunk_matrix: np.ndarray | None = None  # the chunk vectors, kept for rebuilds and engines

    def __post_init__(self) -> None:
        if isinstance(self.sentence_vectors, faiss.Index):
            flat = self.sentence_vectors
            self.sentence_vectors = (
                flat.reconstruct_n(0, flat.ntotal)
                if flat.ntotal
                else np.zeros((0, self.dimension), dtype=np.float32)
            )
        if self.chunk_matrix is None and self.chunk_vectors is not None:
            found = self.chunk_vectors
            self.chunk_matrix = _reconstruct_all(found) if found.ntotal else None
            if self.chunk_matrix is None and found.ntotal:  # IVF lists: copy them out
                faiss.extract_index_ivf(found).make_direct_map()
                self.chunk_matrix = found.reconstruct_n(0, found.ntotal)
            elif self.chunk_matrix is None:
                self.chunk_matrix = np.zeros((0, self.dimension), dtype=np.float32)

    def search(self, query: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        """Cosine scores and chunk rows of the ``k`` nearest chunks (FAISS backend)."""
        if self.chunk_vectors is None:
            raise RuntimeError("This index's vectors live in a search engine: use its backend.")
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
        return np.asarray(self.sentence_vectors[np.asarray(rows, dtype=np.int64)])

    def cached_vectors(self) -> dict[str, np.ndarray]:
        """Vectors already computed, by text hash, so a rebuild embeds only what is new."""
        cache: dict[str, np.ndarray] = {}
        for table, matrix in (
            (self.chunks, self.chunk_matrix),
            (self.sentences, self.sentence_vectors),
        ):
            if matrix is None:
                continue
            matrix = np.asarray(matrix)  # a vector file is checked whole before reuse
            for row, item in enumerate(table):
                cache[text_hash(self.text_of(item))] = np.asarray(matrix[row])
        return cache

    def text_of(self, item: Chunk | Sentence) -> str:
        return self.articles[item.doc_id].text[item.start : item.end]

    @cached_property
    def article_rows(self) -> dict[str, int]:
        """Row of each article in the index's order (the order of ``articles``)."""
        return {doc_id: row for row, doc_id in enumerate(self.articles)}

    @cached_property
    def sentence_chunk(self) -> np.ndarray:
        """Chunk row of every sentence row."""
        owner = getattr(self.chunks, "sentence_chunk", None)
        if owner is not None:
            return owner
        owner = np.zeros(len(self.sentences), dtype=np.int64)
        for row, chunk in enumerate(self.chunks):
            owner[list(chunk.sentences)] = row
        return owner

    def ensure_analysis(self) -> SentenceAnalysis:
        """The stored analysis; computed here only for an index just built in memory."""
        if self.analysis is None:
            self.analysis = SentenceAnalysis.build(
                [self.text_of(s) for s in self.sentences],
                [self.articles[s.doc_id].language for s in self.sentences],
                [(a.title, a.language) for a in self.articles.values()],
            )
        return self.analysis


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def vector_index(vectors: np.ndarray) -> faiss.Index:
    """Inner product on normalised vectors (cosine): exact, then HNSW, then IVF-Flat."""
    dimension = vectors.shape[1]
    vectors = np.ascontiguousarray(vectors, dtype=np.float32)
    if len(vectors) > IVF_LIMIT:
        return ivf_index(vectors)
    if len(vectors) > EXACT_SEARCH_LIMIT:
        index = faiss.IndexHNSWFlat(dimension, HNSW_NEIGHBOURS, faiss.METRIC_INNER_PRODUCT)
        index.hnsw.efSearch = HNSW_EF_SEARCH
    else:
        index = faiss.IndexFlatIP(dimension)
    if len(vectors):
        index.add(vectors)
    return index


def ivf_index(vectors: np.ndarray) -> faiss.Index:
    """Inverted lists of the exact vectors (IVF-Flat): distances are exact within the lists
    probed; about 4·sqrt(n) lists (4000 at a million), trained on at most 200k vectors."""
    dimension = vectors.shape[1]
    lists = int(max(1, min(4096, 4 * np.sqrt(len(vectors)), len(vectors) // 39)))
    index = faiss.index_factory(dimension, f"IVF{lists},Flat", faiss.METRIC_INNER_PRODUCT)
    sample = np.random.default_rng(0).choice(len(vectors), min(len(vectors), 200_000), False)
    index.train(vectors[np.sort(sample)])
    index.add(vectors)
    _tune(index)
    return index


def _tune(index: faiss.Index) -> None:
    """Search parameters are not all serialised: set them again after reading."""
    if isinstance(index, faiss.IndexIVF):
        index.nprobe = IVF_NPROBE
    elif hasattr(index, "hnsw"):
        index.hnsw.efSearch = HNSW_EF_SEARCH


def _reconstruct_all(index: faiss.Index) -> np.ndarray | None:
    """The vectors a FAISS index stores as a read-only view of its memory (no copy), or None
    when it keeps them otherwise (IVF lists): they are then stored beside it."""
    flat = faiss.downcast_index(index.storage if hasattr(index, "storage") else index)
    if not isinstance(flat, faiss.IndexFlat):
        return None
    view = faiss.rev_swig_ptr(flat.get_xb(), flat.ntotal * flat.d).view(np.float32)
    view = view.reshape(flat.ntotal, flat.d)
    view.flags.writeable = False
    return view


# ---- the tables behind a loaded index ---------------------------------------------------------


class ArticleStore(Mapping[str, Article]):
    """Articles by id, each parsed from its JSON line when first asked for (then cached)."""

    def __init__(
        self,
        ids: list[str],
        blob: Any,
        offsets: np.ndarray,
        languages: list[str],
        published: list[str],
    ) -> None:
        self._ids = ids
        self.languages = languages  # per row: filters read these without parsing an article
        self.published = published
        self._rows = {doc_id: row for row, doc_id in enumerate(ids)}
        self._blob = blob
        self._offsets = offsets
        self._parse = lru_cache(maxsize=4096)(self._parse_row)

    def __getitem__(self, doc_id: str) -> Article:
        return self._parse(self._rows[doc_id])

    def __iter__(self) -> Iterator[str]:
        return iter(self._ids)

    def __len__(self) -> int:
        return len(self._ids)

    def __contains__(self, doc_id: object) -> bool:
        return doc_id in self._rows

    def _parse_row(self, row: int) -> Article:
        start, end = int(self._offsets[row]), int(self._offsets[row + 1])
        return Article.from_dict(json.loads(bytes(self._blob[start:end]).decode("utf-8")))


class SentenceTable(Sequence[Sentence]):
    def __init__(self, ids: list[str], columns: dict[str, np.ndarray]) -> None:
        self._ids = ids
        self._doc, self._paragraph = columns["sentence_doc"], columns["sentence_paragraph"]
        self._start, self._end = columns["sentence_start"], columns["sentence_end"]
        self.doc_rows = self._doc

    def __len__(self) -> int:
        return len(self._doc)

    def __getitem__(self, row):  # type: ignore[override]
        if isinstance(row, slice):
            return [self[i] for i in range(*row.indices(len(self)))]
        if row < 0:
            row += len(self)
        return Sentence(
            self._ids[self._doc[row]],
            int(self._paragraph[row]),
            int(self._start[row]),
            int(self._end[row]),
        )


class ChunkTable(Sequence[Chunk]):
    def __init__(
        self, ids: list[str], columns: dict[str, np.ndarray], articles: ArticleStore
    ) -> None:
        self._ids = ids
        self._articles = articles
        self._columns = columns
        self.doc_rows = columns["chunk_doc"]
        self.sentence_chunk = np.repeat(
            np.arange(len(columns["chunk_doc"]), dtype=np.int64),
            columns["chunk_stop"] - columns["chunk_first"],
        )

    def __len__(self) -> int:
        return len(self._columns["chunk_doc"])

    def __getitem__(self, row):  # type: ignore[override]
        if isinstance(row, slice):
            return [self[i] for i in range(*row.indices(len(self)))]
        if row < 0:
            row += len(self)
        c = self._columns
        doc = self._ids[c["chunk_doc"][row]]
        article = self._articles[doc]
        start, end = int(c["chunk_start"][row]), int(c["chunk_end"][row])
        return Chunk(
            id=f"{doc}#{start}-{end}",
            doc_id=doc,
            title=article.title,
            paragraph=int(c["chunk_paragraph"][row]),
            start=start,
            end=end,
            text=article.text[start:end],
            sentences=tuple(range(int(c["chunk_first"][row]), int(c["chunk_stop"][row]))),
        )


class VectorFile:
    """A .npy of vectors, memory-mapped and verified block by block as rows are read.

    Hashing every vector file at start-up took most of a fresh process's second at 100k
    chunks and would take seconds at a million. Instead each block of ``BLOCK_ROWS`` rows has
    its SHA-256 in the tables file (itself verified whole): a block is checked the first time
    a row of it is read, so every byte used is checked before use. The whole file is checked
    against the manifest's SHA-256 when it is read whole (a rebuild reusing its vectors).
    When a search engine serves the vectors, app replicas never read these files at all.
    """

    def __init__(
        self, directory: Path, entry: dict[str, Any], blocks: np.ndarray, rows: int, dimension: int
    ) -> None:
        self._directory, self._entry = directory, entry
        self._blocks = blocks
        self._checked = np.zeros(len(blocks), dtype=bool)
        self.shape = (rows, dimension)

    @cached_property
    def _mapped(self) -> np.ndarray:
        path = self._directory / self._entry["name"]
        _check_size(path, self._entry)
        try:
            matrix = np.load(path, mmap_mode="r", allow_pickle=False)
        except (ValueError, OSError) as err:
            raise IndexCorruptError(
                f"Index file {path.name} cannot be read ({err}). {REBUILD}"
            ) from err
        blocks = -(-self.shape[0] // BLOCK_ROWS)
        if matrix.shape != self.shape or matrix.dtype != np.float32 or len(self._blocks) != blocks:
            raise IndexCorruptError(f"Index file {path.name} has the wrong shape. {REBUILD}")
        return matrix

    @cached_property
    def array(self) -> np.ndarray:
        """The whole matrix, after checking the whole file."""
        _verified_path(self._directory, self._entry)
        self._checked[:] = True
        return self._mapped

    def __len__(self) -> int:
        return self.shape[0]

    def __getitem__(self, key: Any) -> np.ndarray:
        if isinstance(key, slice):
            start, stop, _ = key.indices(self.shape[0])
            wanted = np.arange(start // BLOCK_ROWS, -(-stop // BLOCK_ROWS))
        else:
            rows = np.atleast_1d(np.asarray(key, dtype=np.int64))
            rows = np.where(rows < 0, rows + self.shape[0], rows)
            wanted = np.unique(rows // BLOCK_ROWS)
        for block in wanted[~self._checked[wanted]]:
            start = int(block) * BLOCK_ROWS
            data = np.ascontiguousarray(self._mapped[start : start + BLOCK_ROWS]).tobytes()
            if hashlib.sha256(data).digest() != self._blocks[block].tobytes():
                raise IndexCorruptError(
                    f"Index file {self._entry['name']} was altered (checksum mismatch in rows "
                    f"{start}-{start + BLOCK_ROWS - 1}). {REBUILD}"
                )
            self._checked[block] = True
        return np.asarray(self._mapped[key])

    def __array__(self, dtype: Any = None, copy: Any = None) -> np.ndarray:
        return np.asarray(self.array, dtype=dtype)


def block_digests(matrix: Any) -> np.ndarray:
    """SHA-256 of each block of ``BLOCK_ROWS`` rows, (blocks, 32) bytes."""
    matrix = np.ascontiguousarray(matrix, dtype=np.float32)
    digests = [
        np.frombuffer(hashlib.sha256(matrix[i : i + BLOCK_ROWS].tobytes()).digest(), np.uint8)
        for i in range(0, len(matrix), BLOCK_ROWS)
    ]
    return np.vstack(digests) if digests else np.zeros((0, 32), dtype=np.uint8)


# ---- writing ------------------------------------------------------------------------------------


def save(index: CorpusIndex, directory: Path, backend: dict[str, Any] | None = None) -> None:
    """Write the index atomically; old files are removed only after the new manifest is in place.

    ``backend`` records where the vectors are searched (``{"kind": "faiss"}`` by default, or a
    search engine's URI and collection, written there by index/backends/ beforehand).
    """
    from index.backends import publish

    directory.mkdir(parents=True, exist_ok=True)
    backend = backend or publish(index)
    index.backend = backend  # the index in memory is served where it was just written
    vectors = {"sentence_vectors": index.sentence_vectors}
    chunk_index = None
    if backend["kind"] == "faiss":
        chunk_index = index.chunk_vectors
        if chunk_index is None:
            chunk_index = vector_index(np.asarray(index.chunk_matrix, dtype=np.float32))
    if backend["kind"] != "faiss" or _reconstruct_all(chunk_index) is None:
        # Served by an engine (kept for rebuilds that reuse vectors), or in IVF lists that
        # give no view of the vectors: stored beside, memory-mapped.
        vectors["chunk_vectors"] = index.chunk_matrix
    payloads = {
        "tables": ("npz", _tables_bytes(index, vectors)),
        "articles": ("jsonl", _articles_bytes(index)),
        "analysis": ("npz", index.ensure_analysis().to_bytes()),
        "meta": ("json", json.dumps({"extra": index.extra}, ensure_ascii=False).encode("utf-8")),
    }
    for role, matrix in vectors.items():
        payloads[role] = ("npy", _npy_bytes(matrix, index.dimension))
    if backend["kind"] == "faiss":
        payloads["chunks"] = ("faiss", faiss.serialize_index(chunk_index).tobytes())
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
        "analysis": signature(),
        "backend": backend,
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
        stale = path.suffix in SUFFIXES and path.name not in referenced
        if stale and path.name != MANIFEST:
            path.unlink(missing_ok=True)


def _tables_bytes(index: CorpusIndex, vectors: dict[str, Any]) -> bytes:
    ids = list(index.articles)
    rows = {doc_id: row for row, doc_id in enumerate(ids)}
    sentences = list(index.sentences)
    chunks = list(index.chunks)
    for chunk in chunks:
        if list(chunk.sentences) != list(range(chunk.sentences[0], chunk.sentences[-1] + 1)):
            raise ValueError(f"chunk {chunk.id} does not hold consecutive sentences")
    columns = {
        "sentence_doc": np.array([rows[s.doc_id] for s in sentences], dtype=np.int32),
        "sentence_paragraph": np.array([s.paragraph for s in sentences], dtype=np.int32),
        "sentence_start": np.array([s.start for s in sentences], dtype=np.int64),
        "sentence_end": np.array([s.end for s in sentences], dtype=np.int64),
        "chunk_doc": np.array([rows[c.doc_id] for c in chunks], dtype=np.int32),
        "chunk_paragraph": np.array([c.paragraph for c in chunks], dtype=np.int32),
        "chunk_start": np.array([c.start for c in chunks], dtype=np.int64),
        "chunk_end": np.array([c.end for c in chunks], dtype=np.int64),
        "chunk_first": np.array([c.sentences[0] for c in chunks], dtype=np.int64),
        "chunk_stop": np.array([c.sentences[-1] + 1 for c in chunks], dtype=np.int64),
    }
    articles = list(index.articles.values())
    for key, values in (
        ("article_id", ids),
        ("article_language", [a.language for a in articles]),
        ("article_published", [a.published or "" for a in articles]),
    ):
        encoded = [v.encode("utf-8") for v in values]
        offsets = np.zeros(len(encoded) + 1, dtype=np.int64)
        offsets[1:] = np.cumsum([len(e) for e in encoded])
        columns[f"{key}.blob"] = np.frombuffer(b"".join(encoded), dtype=np.uint8)
        columns[f"{key}.offsets"] = offsets
    for role, matrix in vectors.items():
        columns[f"{role}.blocks"] = block_digests(
            matrix if matrix is not None else np.zeros((0, index.dimension), dtype=np.float32)
        )
    buffer = io.BytesIO()
    np.savez(buffer, **columns)
    return buffer.getvalue()


def _articles_bytes(index: CorpusIndex) -> bytes:
    lines = [json.dumps(a.to_dict(), ensure_ascii=False) for a in index.articles.values()]
    return "".join(line + "\n" for line in lines).encode("utf-8")


def _npy_bytes(matrix: Any, dimension: int) -> bytes:
    if matrix is None:
        matrix = np.zeros((0, dimension), dtype=np.float32)
    buffer = io.BytesIO()
    np.save(buffer, np.ascontiguousarray(matrix, dtype=np.float32), allow_pickle=False)
    return buffer.getvalue()


# ---- reading ------------------------------------------------------------------------------------


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
    files = manifest["files"]
    served_by_engine = manifest.get("backend", {}).get("kind", "faiss") != "faiss"
    required = {"tables", "articles", "analysis", "sentence_vectors"}
    required |= {"chunk_vectors"} if served_by_engine else {"chunks"}
    missing = required - set(files)
    if missing:
        raise IndexCorruptError(
            f"The index in {directory} lacks its {', '.join(sorted(missing))} file. " + REBUILD
        )
    dimension = manifest["embedder"]["dimension"]
    vector_roles = {"sentence_vectors", "chunk_vectors"}  # checked block by block, on use
    paths = {
        role: _verified_path(directory, entry)
        for role, entry in files.items()
        if role not in vector_roles
    }
    try:
        with np.load(paths["tables"], allow_pickle=False) as stored:
            columns = {key: stored[key] for key in stored.files}
        ids = _strings(columns, "article_id")
        blob = _map(paths["articles"])
        offsets = np.zeros(len(ids) + 1, dtype=np.int64)
        if ids:
            ends = np.flatnonzero(np.frombuffer(blob, dtype=np.uint8) == ord("\n")) + 1
            offsets[1:] = ends
        articles = ArticleStore(
            ids,
            blob,
            offsets,
            _strings(columns, "article_language"),
            _strings(columns, "article_published"),
        )
        sentences = SentenceTable(ids, columns)
        chunks = ChunkTable(ids, columns, articles)
        try:
            analysis = SentenceAnalysis.from_bytes(paths["analysis"].read_bytes())
        except StaleAnalysisError:
            # Another analysis version: the corpus checksum differs too, so ensure_index
            # rebuilds, reusing these vectors; used as is, it is recomputed in memory.
            analysis = None
        counts = manifest["counts"]
        sentence_vectors = VectorFile(
            directory,
            files["sentence_vectors"],
            columns["sentence_vectors.blocks"],
            counts["sentences"],
            dimension,
        )
        if not served_by_engine:
            _ = sentence_vectors._mapped  # size, header and shape now; content block by block
        chunk_vectors, chunk_matrix = None, None
        if "chunks" in paths:
            chunk_vectors = faiss.read_index(str(paths["chunks"]))
            _tune(chunk_vectors)
        if "chunk_vectors" in files:
            chunk_matrix = VectorFile(
                directory,
                files["chunk_vectors"],
                columns["chunk_vectors.blocks"],
                counts["chunks"],
                dimension,
            )
        meta = json.loads(paths["meta"].read_text(encoding="utf-8")) if "meta" in paths else {}
    except (ValueError, KeyError, TypeError, RuntimeError, OSError) as err:
        raise IndexCorruptError(
            f"The index in {directory} cannot be read ({err}). {REBUILD}"
        ) from err
    if (
        len(sentence_vectors) != len(sentences)
        or (chunk_matrix is not None and len(chunk_matrix) != len(chunks))
        or (analysis is not None and len(analysis) != len(sentences))
        or (chunk_vectors is not None and chunk_vectors.ntotal != len(chunks))
        or (chunk_vectors is not None and len(chunks) and chunk_vectors.d != dimension)
        or manifest["counts"]["sentences"] != len(sentences)
        or len(ids) != len(offsets) - 1
        or (len(ids) and offsets[-1] != len(blob))
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
        analysis=analysis,
        backend=manifest.get("backend", {"kind": "faiss"}),
        chunk_matrix=chunk_matrix,
    )


def article_columns(directory: Path) -> dict[str, list[str]]:
    """Articles' ids, languages and dates from the tables file (for filters), unverified."""
    manifest = read_manifest(directory)
    with np.load(directory / manifest["files"]["tables"]["name"], allow_pickle=False) as stored:
        columns = {key: stored[key] for key in stored.files}
    return {key: _strings(columns, f"article_{key}") for key in ("id", "language", "published")}


def _strings(columns: dict[str, np.ndarray], key: str) -> list[str]:
    blob = columns[f"{key}.blob"].tobytes()
    offsets = columns[f"{key}.offsets"].tolist()
    return [blob[a:b].decode("utf-8") for a, b in itertools.pairwise(offsets)]


def _map(path: Path) -> Any:
    """The file's bytes, memory-mapped (an empty file gives empty bytes)."""
    if path.stat().st_size == 0:
        return b""
    with path.open("rb") as handle:
        return mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)


def _verified_path(directory: Path, entry: dict[str, Any]) -> Path:
    """The file's path once its size and SHA-256 match the manifest (streamed, not kept)."""
    path = directory / entry["name"]
    if not path.is_file():
        raise IndexCorruptError(f"Index file {path.name} is missing from {directory}. {REBUILD}")
    _check_size(path, entry)
    with path.open("rb") as handle:
        digest = hashlib.file_digest(handle, "sha256").hexdigest()
    if digest != entry["sha256"]:
        raise IndexCorruptError(
            f"Index file {path.name} was altered (checksum mismatch). {REBUILD}"
        )
    return path


def _check_size(path: Path, entry: dict[str, Any]) -> None:
    if not path.is_file():
        raise IndexCorruptError(f"Index file {path.name} is missing. {REBUILD}")
    size = path.stat().st_size
    if size != entry["bytes"]:
        raise IndexCorruptError(
            f"Index file {path.name} is truncated ({size:,} of {entry['bytes']:,} bytes). "
            + REBUILD
        )


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
