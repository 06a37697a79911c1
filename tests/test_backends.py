"""The same retrieval and gold-set checks against both search backends.

``faiss`` is the embedded default; ``milvus`` is driven through pymilvus against Milvus Lite
(Milvus's API on a local file, no network), with the same client calls that drive a cluster
in production.
"""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import numpy as np
import pytest

from index import store
from index.backends import (
    BackendConfig,
    BackendUnavailableError,
    Filters,
    configured,
    open_backend,
    publish,
)
from index.embed import shared_embedder
from index.settings import load_settings

ROOT = Path(__file__).resolve().parent.parent
QUESTIONS = [
    "Pourquoi Amazon a-t-il arrêté d'héberger Parler ?",
    "Which judge turned down Parler's request?",
    "Combien d’utilisateurs Parler revendiquait-il ?",
    "Twitter's stock rose 6% on Monday.",
]


@pytest.fixture(scope="module", params=["faiss", "milvus"])
def served(request, bundled_index, tmp_path_factory):
    """(kind, index loaded from disk, its backend): the bundled corpus on each backend."""
    folder = tmp_path_factory.mktemp(f"index-{request.param}")
    shutil.copytree(load_settings().index_dir, folder, dirs_exist_ok=True)
    index = store.load(folder)
    if request.param == "milvus":
        config = BackendConfig("milvus", str(folder / "milvus.db"), "verif_test")
        store.save(index, folder, backend=publish(index, config))
        index = store.load(folder)
        assert index.chunk_vectors is None  # no FAISS file: the engine serves the vectors
    backend = open_backend(index)
    assert backend.kind == request.param
    yield request.param, index, backend
    if request.param == "milvus":
        from index.backends.milvus import close_all

        close_all()


@pytest.fixture(scope="module")
def e5():
    return shared_embedder("e5")


def test_dense_search_finds_the_same_chunks(served, bundled_index, e5):
    _, _, backend = served
    for question in QUESTIONS:
        vector = e5.embed_question(question)
        scores, rows = backend.search_chunks(vector, 5)
        exact = bundled_index.chunk_matrix @ vector
        assert rows.tolist() == np.argsort(-exact)[:5].tolist()
        assert np.allclose(scores, np.sort(exact)[::-1][:5], atol=1e-4)
        sentence_scores, sentence_rows = backend.search_sentences(vector, 3)
        expected = bundled_index.sentence_matrix(sentence_rows.tolist()) @ vector
        assert np.allclose(sentence_scores, expected, atol=1e-5)


def test_vectors_by_row_are_the_stored_ones(served, bundled_index):
    _, _, backend = served
    rows = [3, 0, len(bundled_index.sentences) - 1]
    assert np.allclose(backend.sentence_vectors(rows), bundled_index.sentence_matrix(rows))
    assert np.allclose(backend.chunk_vectors([1, 0]), bundled_index.chunk_matrix[[1, 0]])


def test_bm25_ranks_sentences_alike(served, bundled_index):
    """The engine's own BM25 over the stored terms ranks as the embedded bm25s does."""
    _, _, backend = served
    analysis = bundled_index.ensure_analysis()
    for row in (1, 7, 20):  # three words of a sentence, as a question would use them
        tokens = sorted(analysis.terms(row).stems)[:3]
        found = backend.lexical(tokens, 5)
        reference = analysis.bm25.get_scores(tokens)
        best = np.argsort(-reference)[:5]
        assert found, tokens
        assert next(iter(sorted(found, key=found.get, reverse=True))) == int(best[0])
        top = max(found.values())
        for row, value in found.items():
            assert value / top == pytest.approx(reference[row] / reference[best[0]], abs=0.05)
    assert backend.lexical(["zzz-not-a-term"], 5) == {}


def test_filters_by_article_language_and_date(served, bundled_index, e5):
    _, _, backend = served
    vector = e5.embed_question("Parler a déposé une plainte contre Amazon")
    doc_ids = list(bundled_index.articles)
    one = Filters(doc_ids=frozenset(doc_ids[:1]))
    _, rows = backend.search_chunks(vector, 10, one)
    assert len(rows) and {bundled_index.chunks[r].doc_id for r in rows} == {doc_ids[0]}
    found = backend.lexical(["amazon", "parl"], 50, one)
    assert found and {bundled_index.sentences[r].doc_id for r in found} == {doc_ids[0]}
    english = Filters(languages=frozenset({"en"}))  # the bundled articles are French
    assert len(backend.search_chunks(vector, 10, english)[1]) == 0
    assert backend.lexical(["amazon"], 10, english) == {}
    dates = sorted(a.published for a in bundled_index.articles.values() if a.published)
    late = Filters(published_from=dates[-1])
    _, rows = backend.search_sentences(vector, 50, late)
    assert len(rows)
    assert all(
        bundled_index.articles[bundled_index.sentences[r].doc_id].published >= dates[-1]
        for r in rows
    )
    assert len(backend.search_chunks(vector, 5, Filters(published_to="1990-01-01"))[1]) == 0


def test_fetch_chunks_by_id(served, bundled_index):
    _, _, backend = served
    wanted = [bundled_index.chunks[2].id, "no-such#0-1", bundled_index.chunks[0].id]
    assert [c.id for c in backend.fetch_chunks(wanted)] == [wanted[0], wanted[2]]
    assert backend.fetch_chunks(wanted)[0].text == bundled_index.chunks[2].text


def test_retriever_ranks_alike_on_both_backends(served, bundled_index, e5):
    from bot.question import parse
    from bot.retrieve import Retriever

    _, index, backend = served
    reference = Retriever(bundled_index, e5)
    retriever = Retriever(index, e5, backend=backend)
    for question in QUESTIONS:
        ours = retriever.search(parse(question), 5)
        theirs = reference.search(parse(question), 5)
        assert [s.row for s in ours.sentences[:3]] == [s.row for s in theirs.sentences[:3]]
        assert [c.row for c in ours.chunks] == [c.row for c in theirs.chunks]


@pytest.mark.slow
def test_gold_evidence_recall_agrees(served, bundled_index):
    """Gold evidence recall@3 through the whole ask() on each backend, within 0.02."""
    from bot.engine import Engine
    from bot.eval.gold import load_gold
    from bot.eval.run import run_item, score

    _, index, _ = served
    items = load_gold(ROOT / "data" / "gold" / "gold.jsonl")
    engine = Engine(index)
    assert type(engine.retriever.backend).__name__ in ("FaissBackend", "MilvusBackend")
    results = [run_item(item, engine.ask) for item in items]
    recall = score(results)["retrieval"]["recall@3"]
    baseline = [run_item(item, Engine(bundled_index).ask) for item in items]
    assert abs(recall - score(baseline)["retrieval"]["recall@3"]) <= 0.02
    assert recall >= 0.9


def test_unreachable_engine_says_so(bundled_index, monkeypatch):
    monkeypatch.setenv("VERIF_BACKEND", "milvus")
    monkeypatch.setenv("VERIF_BACKEND_URI", "http://127.0.0.1:1")
    config = configured()
    assert config == BackendConfig("milvus", "http://127.0.0.1:1", "verif")
    with pytest.raises(BackendUnavailableError, match=r"Cannot reach Milvus.*VERIF_BACKEND=faiss"):
        publish(bundled_index, config)
    record = {"kind": "milvus", "uri": "http://127.0.0.1:1", "collection": "verif_x"}
    loaded = dataclasses.replace(bundled_index, backend=record)
    with pytest.raises(BackendUnavailableError, match=r"127\.0\.0\.1:1"):
        open_backend(loaded)


def test_unknown_backend_is_refused(monkeypatch):
    monkeypatch.setenv("VERIF_BACKEND", "elastic")
    with pytest.raises(BackendUnavailableError, match="faiss, milvus"):
        configured()


def test_replicas_served_by_an_engine_do_not_read_vector_files(served):
    """With Milvus serving the vectors, start-up neither hashes nor maps the local vector
    files (a rebuild still checks them before reusing them)."""
    kind, index, _ = served
    if kind != "milvus":
        pytest.skip("the embedded backend searches the local vectors")
    assert isinstance(index.sentence_vectors, store.VectorFile)
    assert isinstance(index.chunk_matrix, store.VectorFile)
    assert "array" not in index.sentence_vectors.__dict__  # neither hashed nor mapped
    assert len(index.sentence_vectors) == len(index.sentences)


def test_rebuilds_move_the_aliases_and_keep_one_previous_build(bundled_index, tmp_path):
    """A rolling re-index: each build gets its own collections; the aliases move to the
    newest, the one before stays for replicas not yet rolled, older ones are dropped."""
    from index.backends.milvus import client, close_all

    config = BackendConfig("milvus", str(tmp_path / "milvus.db"), "roll")
    records = [
        publish(dataclasses.replace(bundled_index, corpus_checksum=c * 64), config) for c in "abc"
    ]
    milvus = client(config.uri)
    try:
        names = {n.rsplit("_", 1)[0] for n in milvus.list_collections()}
        assert names == {records[1]["collection"], records[2]["collection"]}
        target = milvus.describe_alias("roll_chunks")["collection_name"]
        assert target == f"{records[2]['collection']}_chunks"
        again = publish(dataclasses.replace(bundled_index, corpus_checksum="c" * 64), config)
        assert again == records[2]  # written once: publishing the same build changes nothing
        assert {n.rsplit("_", 1)[0] for n in milvus.list_collections()} == names
    finally:
        close_all()


def test_a_backend_other_than_the_index_s_is_named(bundled_index, monkeypatch, caplog):
    """An index is served where it was written; asking for another backend says how to move."""
    monkeypatch.setenv("VERIF_BACKEND", "milvus")
    with caplog.at_level("WARNING", logger="index.backends"):
        backend = open_backend(bundled_index)
    assert backend.kind == "faiss"
    assert "python -m index build" in caplog.text
