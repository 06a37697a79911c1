"""The distributed backend: Milvus, through ``pymilvus``, with Milvus's own BM25.

Why Milvus: one engine gives dense k-NN with scalar filters *and* BM25 full-text search
(a ``BM25`` function over a text field, since 2.5), it scales out (query nodes, sharded
segments, its own IVF/HNSW/DiskANN indexes), and Milvus Lite (a small implementation of
Milvus's API on a local file, in a pip package) answers the same client calls, so the very
tests that run against FAISS run against it with no network.

Layout, per index build (named after the corpus checksum, so a build is written once and a
rebuilt corpus goes to a new pair while the old one keeps serving):

- ``<collection>_<checksum>_chunks``: row (primary key), chunk id, article id, language,
  published date, vector;
- ``<collection>_<checksum>_sentences``: row, article id, language, published date, the
  sentence's analysed terms as text (``tokens``) and their BM25 sparse vector (computed by
  Milvus from ``tokens``), vector.

The aliases ``<collection>_chunks`` and ``<collection>_sentences`` are moved to the new pair
once it is complete: a rolling re-index (docs/deploy.md). Rows are written with ``upsert`` on
their row number, so a write interrupted and run again never indexes anything twice.

BM25 runs on the same terms as the embedded backend (stems and folded words of both
languages, index/sentence_analysis.py): each term is written as an opaque ASCII token
(``t`` + its vocabulary id in base 36) so Milvus's standard analyzer keeps it whole.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from typing import Any

import numpy as np

from index.backends import BackendConfig, BackendUnavailableError, Filters
from index.documents import Chunk
from index.store import CorpusIndex

BATCH = 2_000
MAX_TOKENS_CHARS = 60_000  # a VARCHAR limit; a sentence has far fewer terms
CONNECT_TIMEOUT_S = 10.0
LIMIT = 16_384  # Milvus's largest top-k
BM25_K1, BM25_B = 1.5, 0.75  # as bm25s scores for the embedded backend

_clients: dict[str, Any] = {}
_lock = threading.Lock()


def client(uri: str) -> Any:
    """One client per address and process (Milvus Lite allows one process per file)."""
    with _lock:
        if uri not in _clients:
            try:
                from pymilvus import MilvusClient
            except ImportError as err:  # pragma: no cover - pymilvus is in requirements.txt
                raise BackendUnavailableError(
                    "VERIF_BACKEND=milvus needs the pymilvus package: pip install pymilvus"
                ) from err
            try:
                _clients[uri] = MilvusClient(uri=uri, timeout=CONNECT_TIMEOUT_S)
            except Exception as err:
                raise BackendUnavailableError(
                    f"Cannot reach Milvus at {uri} (VERIF_BACKEND_URI): {_reason(err)}. Start "
                    "the engine, point VERIF_BACKEND_URI at it, or set VERIF_BACKEND=faiss to "
                    "use the embedded index."
                ) from err
        return _clients[uri]


def close_all() -> None:
    """Close every client of this process (tests, and before a Milvus Lite file is reopened)."""
    with _lock:
        for uri, one in _clients.items():
            one.close()
            if not uri.startswith(("http://", "https://", "tcp://")):
                # Milvus Lite runs inside this process and holds its file: let it go.
                from milvus_lite.server_manager import server_manager_instance

                server_manager_instance.release_server(uri)
        _clients.clear()


def token(term_id: int) -> str:
    return "t" + np.base_repr(term_id, 36).lower()


def physical_name(collection: str, checksum: str) -> str:
    return f"{collection}_{checksum[:16]}"


def write(index: CorpusIndex, config: BackendConfig) -> dict[str, Any]:
    """Write (or finish writing) the index's collections and move the aliases to them."""
    milvus = client(config.uri)
    name = physical_name(config.collection, index.corpus_checksum)
    analysis = index.ensure_analysis()
    try:
        _create(milvus, f"{name}_chunks", index.dimension, lexical=False)
        _create(milvus, f"{name}_sentences", index.dimension, lexical=True)
        _upsert_missing(milvus, f"{name}_chunks", len(index.chunks), lambda r: _chunk_row(index, r))
        _upsert_missing(
            milvus,
            f"{name}_sentences",
            len(index.sentences),
            lambda r: _sentence_row(index, analysis, r),
        )
        previous = _point_aliases(milvus, config.collection, name)
        if previous:  # the aliases moved: drop what is now two builds old
            _drop_old(milvus, config.collection, keep={name, *previous})
    except BackendUnavailableError:
        raise
    except Exception as err:
        raise BackendUnavailableError(
            f"Milvus at {config.uri} refused the index: {_reason(err)}"
        ) from err
    return {"kind": "milvus", "uri": config.uri, "collection": name}


class MilvusBackend:
    kind = "milvus"

    def __init__(self, index: CorpusIndex, uri: str, collection: str) -> None:
        self.index = index
        self.uri = uri
        self.chunks_name = f"{collection}_chunks"
        self.sentences_name = f"{collection}_sentences"
        self.milvus = client(uri)
        try:
            for name in (self.chunks_name, self.sentences_name):
                if not self.milvus.has_collection(name):
                    raise BackendUnavailableError(
                        f"Milvus at {uri} has no collection {name!r}: rebuild the index with "
                        "VERIF_BACKEND=milvus python -m index build."
                    )
                self.milvus.load_collection(name)
        except BackendUnavailableError:
            raise
        except Exception as err:
            raise BackendUnavailableError(
                f"Cannot use Milvus at {uri}: {_reason(err)}. Set VERIF_BACKEND=faiss to use "
                "the embedded index."
            ) from err
        self._ids = index.ensure_analysis().ids

    def search_chunks(
        self, vector: np.ndarray, k: int, filters: Filters | None = None
    ) -> tuple[np.ndarray, np.ndarray]:
        return self._dense(self.chunks_name, vector, k, filters)

    def search_sentences(
        self, vector: np.ndarray, k: int, filters: Filters | None = None
    ) -> tuple[np.ndarray, np.ndarray]:
        return self._dense(self.sentences_name, vector, k, filters)

    def lexical(
        self, tokens: Sequence[str], k: int, filters: Filters | None = None
    ) -> dict[int, float]:
        known = [token(self._ids[t]) for t in tokens if t in self._ids]
        if not known or k <= 0:
            return {}
        hits = self._call(
            self.milvus.search,
            self.sentences_name,
            data=[" ".join(known)],
            anns_field="sparse",
            limit=min(k, LIMIT),
            filter=_expression(filters),
            search_params={"metric_type": "BM25"},
            output_fields=[],
        )[0]
        # Milvus Lite reports BM25 as a negated distance: the magnitude is the score.
        return {int(h["row"]): abs(float(h["distance"])) for h in hits if h["distance"]}

    def chunk_vectors(self, rows: Sequence[int]) -> np.ndarray:
        return self._vectors(self.chunks_name, rows)

    def sentence_vectors(self, rows: Sequence[int]) -> np.ndarray:
        return self._vectors(self.sentences_name, rows)

    def fetch_chunks(self, ids: Sequence[str]) -> list[Chunk]:
        if not ids:
            return []
        found = self._call(
            self.milvus.query,
            self.chunks_name,
            filter=f"chunk_id in {_quoted(ids)}",
            output_fields=["row", "chunk_id"],
        )
        rows = {h["chunk_id"]: int(h["row"]) for h in found}
        return [self.index.chunks[rows[i]] for i in ids if i in rows]

    # ---- helpers ----------------------------------------------------------------------------

    def _dense(
        self, name: str, vector: np.ndarray, k: int, filters: Filters | None
    ) -> tuple[np.ndarray, np.ndarray]:
        if k <= 0:
            return np.zeros(0, dtype=np.float32), np.zeros(0, dtype=np.int64)
        hits = self._call(
            self.milvus.search,
            name,
            data=[np.asarray(vector, dtype=np.float32).tolist()],
            anns_field="vector",
            limit=min(k, LIMIT),
            filter=_expression(filters),
            search_params={"metric_type": "IP"},
            output_fields=[],
        )[0]
        scores = np.array([h["distance"] for h in hits], dtype=np.float32)
        return scores, np.array([h["row"] for h in hits], dtype=np.int64)

    def _vectors(self, name: str, rows: Sequence[int]) -> np.ndarray:
        rows = [int(r) for r in rows]
        if not rows:
            return np.zeros((0, self.index.dimension), dtype=np.float32)
        found = self._call(self.milvus.get, name, ids=rows, output_fields=["vector"])
        by_row = {int(h["row"]): h["vector"] for h in found}
        return np.array([by_row[r] for r in rows], dtype=np.float32)

    def _call(self, method, *args, **kwargs):
        try:
            return method(*args, **kwargs)
        except Exception as err:
            raise BackendUnavailableError(
                f"Milvus at {self.uri} did not answer: {_reason(err)}"
            ) from err


def _create(milvus: Any, name: str, dimension: int, lexical: bool) -> None:
    from pymilvus import DataType, Function, FunctionType

    if milvus.has_collection(name):
        return
    schema = milvus.create_schema(auto_id=False)
    schema.add_field("row", DataType.INT64, is_primary=True)
    schema.add_field("doc_id", DataType.VARCHAR, max_length=512)
    schema.add_field("language", DataType.VARCHAR, max_length=16)
    schema.add_field("published", DataType.VARCHAR, max_length=32)
    schema.add_field("vector", DataType.FLOAT_VECTOR, dim=dimension)
    params = milvus.prepare_index_params()
    # AUTOINDEX: Milvus picks the index for its deployment (HNSW on a cluster, FLAT on Lite).
    params.add_index("vector", index_type="AUTOINDEX", metric_type="IP")
    if lexical:
        schema.add_field(
            "tokens",
            DataType.VARCHAR,
            max_length=MAX_TOKENS_CHARS,
            enable_analyzer=True,
            analyzer_params={"tokenizer": "standard"},
        )
        schema.add_field("sparse", DataType.SPARSE_FLOAT_VECTOR)
        schema.add_function(
            Function(
                name="bm25",
                function_type=FunctionType.BM25,
                input_field_names=["tokens"],
                output_field_names=["sparse"],
            )
        )
        params.add_index(
            "sparse",
            index_type="SPARSE_INVERTED_INDEX",
            metric_type="BM25",
            params={"bm25_k1": BM25_K1, "bm25_b": BM25_B},
        )
    else:
        schema.add_field("chunk_id", DataType.VARCHAR, max_length=1024)
    milvus.create_collection(name, schema=schema, index_params=params)


def _upsert_missing(milvus: Any, name: str, total: int, row_of) -> None:
    """Upsert rows in batches, skipping a tail already written by an interrupted run."""
    done = _count(milvus, name)
    start = 0 if done >= total else max(0, done - BATCH)  # re-write the last batch, to be sure
    if done == total and total:
        return
    for first in range(start, total, BATCH):
        milvus.upsert(name, [row_of(r) for r in range(first, min(total, first + BATCH))])
    milvus.flush(name)


def _count(milvus: Any, name: str) -> int:
    found = milvus.query(name, filter="", output_fields=["count(*)"])
    return int(found[0]["count(*)"]) if found else 0


def _article_fields(index: CorpusIndex, doc_id: str) -> dict[str, str]:
    articles = index.articles
    languages = getattr(articles, "languages", None)
    if languages is not None:
        row = index.article_rows[doc_id]
        return {"doc_id": doc_id, "language": languages[row], "published": articles.published[row]}
    article = articles[doc_id]
    return {"doc_id": doc_id, "language": article.language, "published": article.published or ""}


def _chunk_row(index: CorpusIndex, row: int) -> dict[str, Any]:
    chunk = index.chunks[row]
    return {
        "row": row,
        "chunk_id": chunk.id,
        **_article_fields(index, chunk.doc_id),
        "vector": np.asarray(index.chunk_matrix[row], dtype=np.float32).tolist(),
    }


def _sentence_row(index: CorpusIndex, analysis, row: int) -> dict[str, Any]:
    sentence = index.sentences[row]
    return {
        "row": row,
        **_article_fields(index, sentence.doc_id),
        "tokens": " ".join(token(i) for i in analysis.tokens_of(row)),
        "vector": np.asarray(index.sentence_vectors[row], dtype=np.float32).tolist(),
    }


def _point_aliases(milvus: Any, collection: str, name: str) -> set[str]:
    """Move ``<collection>_chunks|_sentences`` to the new pair; the pair they left."""
    previous = set()
    for part in ("chunks", "sentences"):
        alias, target = f"{collection}_{part}", f"{name}_{part}"
        if alias in _aliases(milvus):
            previous.add(milvus.describe_alias(alias)["collection_name"].rsplit("_", 1)[0])
            milvus.alter_alias(target, alias)
        else:
            milvus.create_alias(target, alias)
    return previous - {name}


def _aliases(milvus: Any) -> set[str]:
    return {
        alias
        for existing in milvus.list_collections()
        for alias in milvus.list_aliases(existing).get("aliases", [])
    }


def _drop_old(milvus: Any, collection: str, keep: set[str]) -> None:
    """Drop earlier builds except the one just replaced (still serving older replicas)."""
    prefix = f"{collection}_"
    for existing in milvus.list_collections():
        base = existing.rsplit("_", 1)[0]
        if existing.startswith(prefix) and base not in keep:
            milvus.drop_collection(existing)


def _expression(filters: Filters | None) -> str:
    if not filters:
        return ""
    parts = []
    if filters.doc_ids is not None:
        parts.append(f"doc_id in {_quoted(sorted(filters.doc_ids))}")
    if filters.languages is not None:
        parts.append(f"language in {_quoted(sorted(filters.languages))}")
    if filters.published_from:
        parts.append(f'published >= "{_safe(filters.published_from)}"')
    if filters.published_to:
        parts.append(f'published != "" and published <= "{_safe(filters.published_to)}~"')
    return " and ".join(parts)


def _quoted(values: Sequence[str]) -> str:
    return "[" + ", ".join(f'"{_safe(v)}"' for v in values) + "]"


def _safe(value: str) -> str:
    """Values go inside a double-quoted Milvus string literal: no quote or backslash escapes."""
    return value.replace("\\", "\\\\").replace('"', '\\"')


def _reason(err: Exception) -> str:
    message = getattr(err, "message", None) or str(err)
    return " ".join(str(message).split())[:300]
