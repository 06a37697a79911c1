"""The stored index: start-up reads what indexing computed, in a versioned, checked format."""

from __future__ import annotations

import json
from pathlib import Path

import bm25s
import numpy as np
import pytest

from index import sentence_analysis, store
from index.corpus import ensure_index
from index.embed import shared_embedder
from index.errors import IndexCorruptError
from index.sentence_analysis import Field, SentenceAnalysis
from index.settings import load_settings


def test_start_up_loads_and_never_recomputes(bundled_index, monkeypatch):
    """Opening an index and answering retrieval computes no sentence analysis or BM25."""
    from bot.question import parse
    from bot.retrieve import Retriever

    def forbidden(*args, **kwargs):
        raise AssertionError("per-sentence work at start-up")

    monkeypatch.setattr(SentenceAnalysis, "build", forbidden)
    monkeypatch.setattr(sentence_analysis, "analyse_sentences", forbidden)
    monkeypatch.setattr(bm25s.BM25, "index", forbidden)
    loaded = store.load(load_settings().index_dir)
    assert isinstance(loaded.sentence_vectors, store.VectorFile)  # memory-mapped, not read
    assert not loaded.sentence_vectors._checked.any()  # no block hashed yet
    retriever = Retriever(loaded, shared_embedder("e5"))
    found = retriever.search(parse("Quel juge a rejeté la demande de Parler ?"), 3)
    assert found.sentences and found.chunks
    reference = Retriever(bundled_index, shared_embedder("e5"))
    assert retriever.term_index.df == reference.term_index.df
    assert retriever.term_index.names == reference.term_index.names
    for row in (0, 5, len(loaded.sentences) - 1):
        assert retriever.context[row] == reference.context[row]
    assert loaded.sentence_vectors._checked.any()  # the blocks the search read were checked


def test_every_file_is_plain_data_with_a_checksum(bundled_index):
    folder = load_settings().index_dir
    manifest = json.loads((folder / store.MANIFEST).read_text())
    assert manifest["format_version"] == store.FORMAT_VERSION
    assert manifest["analysis"] == sentence_analysis.signature()
    for entry in manifest["files"].values():
        path = folder / entry["name"]
        assert path.stat().st_size == entry["bytes"] and len(entry["sha256"]) == 64
        if path.suffix == ".npz":
            with np.load(path, allow_pickle=False) as stored:  # no object arrays anywhere
                assert all(stored[key].dtype != object for key in stored.files)
        elif path.suffix == ".npy":
            assert np.load(path, allow_pickle=False).dtype == np.float32
    # The FAISS file holds the chunk vectors: they are not stored twice.
    assert "chunk_vectors" not in manifest["files"]


def test_damaged_analysis_is_refused(corpus_copy):
    folder = load_settings().index_dir
    manifest = json.loads((folder / store.MANIFEST).read_text())
    target = folder / manifest["files"]["analysis"]["name"]
    data = bytearray(target.read_bytes())
    data[len(data) // 3] ^= 0x01
    target.write_bytes(bytes(data))
    with pytest.raises(IndexCorruptError, match="altered"):
        store.load(folder)


def test_a_new_analysis_version_rebuilds_without_embedding(corpus_copy, monkeypatch, embedded):
    """A field joins the analysis (as the judging facts did): the version bump rebuilds the
    stored analysis, reusing every vector, and the new field is read back per sentence."""
    fields = (*sentence_analysis.FIELDS, Field("length", "json", lambda text, lang, lex: len(text)))
    monkeypatch.setattr(sentence_analysis, "FIELDS", fields)
    monkeypatch.setattr(
        sentence_analysis, "ANALYSIS_VERSION", sentence_analysis.ANALYSIS_VERSION + 1
    )
    old = store.load(load_settings().index_dir)  # stale analysis: loads, analysis left out
    assert old.analysis is None
    status = ensure_index(progress=False)
    assert status.action == "rebuilt" and embedded == []
    loaded = store.load(load_settings().index_dir)
    analysis = loaded.ensure_analysis()
    assert analysis.value("length", 3) == len(loaded.text_of(loaded.sentences[3]))
    assert analysis.terms(3) == status.index.ensure_analysis().terms(3)


def test_tables_read_back_as_built(bundled_index):
    loaded = store.load(load_settings().index_dir)
    assert list(loaded.articles) == list(bundled_index.articles)
    assert list(loaded.sentences) == list(bundled_index.sentences)
    assert list(loaded.chunks) == list(bundled_index.chunks)
    assert loaded.sentence_chunk.tolist() == bundled_index.sentence_chunk.tolist()
    doc = next(iter(bundled_index.articles))
    assert loaded.articles[doc] == bundled_index.articles[doc]
    assert Path(load_settings().index_dir, store.MANIFEST).is_file()


def test_altered_vectors_are_caught_before_use(corpus_copy, monkeypatch):
    """Vector files are checked block by block as rows are read, and whole before reuse."""
    folder = load_settings().index_dir
    index = store.load(folder)
    monkeypatch.setattr(store, "BLOCK_ROWS", 8)  # several blocks even for two articles
    store.save(index, folder)
    manifest = json.loads((folder / store.MANIFEST).read_text())
    target = folder / manifest["files"]["sentence_vectors"]["name"]
    data = bytearray(target.read_bytes())
    data[-10] ^= 0x40  # inside the last row's vector
    target.write_bytes(bytes(data))
    loaded = store.load(folder)
    last = len(loaded.sentences) - 1
    assert loaded.sentence_matrix([0]).shape == (1, loaded.dimension)  # an intact block
    with pytest.raises(IndexCorruptError, match="altered"):
        loaded.sentence_matrix([last])
    with pytest.raises(IndexCorruptError, match="altered"):
        store.load(folder).cached_vectors()
    target.write_bytes(bytes(data[:-100]))
    with pytest.raises(IndexCorruptError, match="truncated"):
        store.load(folder)


def test_large_indexes_use_inverted_lists(monkeypatch, tmp_path, bundled_index):
    """Beyond IVF_LIMIT vectors the chunk index is IVF-Flat; its vectors are stored beside it
    (memory-mapped, checked by block) and its search settings survive the round trip."""
    import dataclasses

    import faiss

    rng = np.random.default_rng(0)
    centres = rng.standard_normal((50, 384)).astype(np.float32)
    data = centres[rng.integers(0, 50, 3_000)] + 0.3 * rng.standard_normal((3_000, 384))
    data = (data / np.linalg.norm(data, axis=1, keepdims=True)).astype(np.float32)
    monkeypatch.setattr(store, "IVF_LIMIT", 2_000)
    index = store.vector_index(data)
    assert isinstance(index, faiss.IndexIVFFlat) and index.nprobe == store.IVF_NPROBE
    exact = faiss.IndexFlatIP(384)
    exact.add(data)
    probes = data[:50] + 0.05 * rng.standard_normal((50, 384)).astype(np.float32)
    _, truth = exact.search(probes, 10)
    _, found = index.search(probes, 10)
    recall = np.mean([len(set(a) & set(b)) / 10 for a, b in zip(found, truth, strict=True)])
    assert recall >= 0.9
    # Stored and read back in an index (the bundled one's chunk vectors in IVF lists).
    monkeypatch.setattr(store, "IVF_LIMIT", 10)
    matrix = np.asarray(bundled_index.chunk_matrix)
    built = dataclasses.replace(
        bundled_index, chunk_vectors=store.vector_index(matrix), chunk_matrix=None
    )
    store.save(built, tmp_path, backend={"kind": "faiss"})
    loaded = store.load(tmp_path)
    assert isinstance(loaded.chunk_vectors, faiss.IndexIVFFlat)
    assert loaded.chunk_vectors.nprobe == store.IVF_NPROBE
    assert isinstance(loaded.chunk_matrix, store.VectorFile)
    assert np.allclose(loaded.chunk_matrix[[0, 3]], matrix[[0, 3]])
