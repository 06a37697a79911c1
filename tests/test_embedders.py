"""Both embedder backends, through the langchain-core ``Embeddings`` interface."""

from __future__ import annotations

import json

import numpy as np
import pytest
from langchain_core.embeddings import Embeddings

from index.corpus import ensure_index
from index.embed import E5Embeddings, make_embedder
from index.settings import load_settings


def test_e5_uses_query_and_passage_roles():
    e5 = E5Embeddings()
    text = "Amazon a cessé d’héberger Parler."
    as_query = np.asarray(e5.embed_query(text))
    as_passage = np.asarray(e5.embed_documents([text])[0])
    assert isinstance(e5, Embeddings)
    assert as_query.shape == (384,) and np.isclose(np.linalg.norm(as_query), 1.0, atol=1e-4)
    assert not np.allclose(as_query, as_passage)  # the prefixes differ, so do the vectors
    assert 0.8 < float(as_query @ as_passage) < 1.0


def test_e5_is_cross_lingual():
    e5 = E5Embeddings()
    passages = e5.embed_passages(
        ["Le cours de l’action Twitter a chuté lundi.", "Google et Apple ont retiré l’application."]
    )
    query = e5.embed_question("Twitter's share price fell on Monday")
    assert float(passages[0] @ query) > float(passages[1] @ query)


def test_sentence_transformers_backend_builds_and_searches_an_index(corpus_copy, monkeypatch):
    monkeypatch.setenv("VERIF_EMBEDDER", "minilm")
    status = ensure_index(progress=False)
    assert status.action == "rebuilt"  # the embedder changed
    manifest = json.loads((load_settings().index_dir / "manifest.json").read_text())
    assert manifest["embedder"] == {"name": "minilm", "dimension": 384}
    minilm = make_embedder("minilm")
    assert minilm.count_tokens("Parler sued Amazon") < 10
    _, rows = status.index.search(minilm.embed_question("Sheryl Sandberg Facebook Trump"), 1)
    assert "Sandberg" in status.index.chunks[rows[0]].text
    monkeypatch.setenv("VERIF_EMBEDDER", "e5")
    assert ensure_index(progress=False).action == "rebuilt"


def test_unknown_embedder_is_a_clear_error():
    with pytest.raises(ValueError, match="Unknown embedder"):
        make_embedder("word2vec")
