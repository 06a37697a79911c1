"""The index on disk: round trip, incremental add, refusals that change nothing, corruption."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from index import store
from index.corpus import add_articles, ensure_index, rebuild
from index.embed import shared_embedder
from index.errors import ArticleError, IndexCorruptError, IndexMissingError
from index.settings import load_settings

NEW_ARTICLE = (
    "Parler revient en ligne grâce à un nouvel hébergeur\n\n"
    "Le réseau social Parler est revenu en ligne lundi 15 février 2021 après plus d’un mois "
    "d’absence, hébergé par la société SkySilk, une petite entreprise de Los Angeles.\n\n"
    "Le directeur de SkySilk a déclaré soutenir la liberté d’expression sur internet."
)


def snapshot(directory: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(directory.iterdir()) if p.is_file()}


def test_index_round_trip(bundled_index):
    settings = load_settings()
    loaded = store.load(settings.index_dir)
    assert [c.id for c in loaded.chunks] == [c.id for c in bundled_index.chunks]
    assert loaded.embedder == "e5" and loaded.dimension == 384
    query = shared_embedder("e5").embed_question("Pourquoi Amazon a-t-il coupé Parler ?")
    assert np.allclose(loaded.search(query, 5)[0], bundled_index.search(query, 5)[0])
    manifest = json.loads((settings.index_dir / "manifest.json").read_text())
    assert manifest["embedder"] == {"name": "e5", "dimension": 384}
    assert set(manifest["files"]) == {
        "chunks",
        "sentence_vectors",
        "tables",
        "articles",
        "analysis",
        "meta",
    }
    # Inner product on normalised vectors: scores are cosines, at most 1.
    vectors = loaded.chunk_vectors.reconstruct_n(0, loaded.chunk_vectors.ntotal)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)


def test_no_pickle_files_are_written(bundled_index):
    for path in load_settings().index_dir.iterdir():
        assert (
            path.suffix in {".faiss", ".json", ".jsonl", ".npz", ".npy", ""} or path.name == ".lock"
        ), path.name


def test_incremental_add_embeds_only_the_new_article(corpus_copy, monkeypatch, embedded):
    new = corpus_copy / "retour.txt"
    new.write_text(NEW_ARTICLE, encoding="utf-8")
    before = store.load(load_settings().index_dir)
    articles, index = add_articles([new], progress=False)
    assert [a.id for a in articles] == ["retour"]
    assert len(index.articles) == len(before.articles) + 1
    assert embedded and all(text in NEW_ARTICLE for text in embedded)
    assert (corpus_copy / "user_articles" / "retour.txt").is_file()
    # The new article is searchable.
    query = shared_embedder("e5").embed_question("Parler est revenu en ligne, hébergé par SkySilk")
    _, rows = index.search(query, 3)
    assert any(index.chunks[r].doc_id == "retour" for r in rows)
    # Re-opening finds it up to date: nothing rebuilt.
    assert ensure_index(progress=False).action == "loaded"


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("empty.txt", b""),
        ("binary.txt", bytes(range(256)) * 10),
        ("huge.txt", b"x" * 3_000_000),
        ("nothing.html", b"<html><body><script>x()</script></body></html>"),
    ],
)
def test_bad_file_leaves_corpus_and_index_untouched(corpus_copy, name, content):
    settings = load_settings()
    good = corpus_copy / "good.txt"
    good.write_text(NEW_ARTICLE, encoding="utf-8")
    bad = corpus_copy / name
    bad.write_bytes(content)
    before = snapshot(settings.index_dir)
    with pytest.raises(ArticleError):
        add_articles([good, bad], progress=False)
    assert snapshot(settings.index_dir) == before
    assert not settings.user_dir.exists() or not any(settings.user_dir.iterdir())


def test_same_id_with_other_content_is_refused(corpus_copy):
    clash = corpus_copy / "parler-accuse-amazon.txt.d"
    clash.mkdir()
    other = clash / "parler-accuse-amazon.txt"
    other.write_text(NEW_ARTICLE, encoding="utf-8")
    with pytest.raises(ArticleError, match="already in the corpus"):
        add_articles([other], progress=False)


@pytest.mark.parametrize("damage", ["truncate", "flip", "delete", "manifest"])
def test_corrupt_index_is_detected_and_rebuilt(corpus_copy, damage):
    settings = load_settings()
    manifest = json.loads((settings.index_dir / "manifest.json").read_text())
    target = settings.index_dir / manifest["files"]["chunks"]["name"]
    if damage == "truncate":
        target.write_bytes(target.read_bytes()[:100])
    elif damage == "flip":
        data = bytearray(target.read_bytes())
        data[len(data) // 2] ^= 0xFF
        target.write_bytes(bytes(data))
    elif damage == "delete":
        target.unlink()
    else:
        (settings.index_dir / "manifest.json").write_text("{not json")
    with pytest.raises(IndexCorruptError, match="python -m index build"):
        store.load(settings.index_dir)
    status = ensure_index(progress=False)
    assert status.action == "rebuilt"
    assert "python -m index build" in status.reason
    assert len(store.load(settings.index_dir).chunks) == len(status.index.chunks)


def test_missing_index_is_built_on_first_use(corpus_copy):
    settings = load_settings()
    for path in settings.index_dir.iterdir():
        path.unlink()
    with pytest.raises(IndexMissingError):
        store.load(settings.index_dir)
    status = ensure_index(progress=False)
    assert status.action == "built" and status.index.chunks


def test_changed_article_triggers_a_rebuild(corpus_copy):
    article = corpus_copy / "articles" / "parler-depose-une-autre-plainte.txt"
    article.write_text(article.read_text(encoding="utf-8") + "\n\nUn paragraphe ajouté.\n")
    status = ensure_index(progress=False)
    assert status.action == "rebuilt" and "changed" in status.reason
    assert "Un paragraphe ajouté." in status.index.articles["parler-depose-une-autre-plainte"].text


def test_rebuild_from_scratch(corpus_copy):
    index = rebuild(progress=False)
    assert len(index.articles) == 2
    assert store.load(load_settings().index_dir).corpus_checksum == index.corpus_checksum


def test_normal_progress_is_not_reported_as_a_problem(corpus_copy, caplog):
    import logging

    settings = load_settings()
    for path in settings.index_dir.iterdir():
        path.unlink()
    new = corpus_copy / "retour.txt"
    new.write_text(NEW_ARTICLE, encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        status = ensure_index(progress=False)
        add_articles([new], progress=False)
    assert status.action == "built" and "No index" not in status.reason
    assert [r.getMessage() for r in caplog.records] == []


def test_rebuild_reads_only_the_files_that_changed(corpus_copy, monkeypatch):
    import index.corpus as corpus

    new = corpus_copy / "retour.txt"
    new.write_text(NEW_ARTICLE, encoding="utf-8")
    read: list[str] = []
    original = corpus._load_corpus_file
    monkeypatch.setattr(
        corpus, "_load_corpus_file", lambda p, s: read.append(p.name) or original(p, s)
    )
    ensure_index(progress=False)  # the copied index has no file digests yet: reads all
    read.clear()
    add_articles([new], progress=False)
    assert read == ["retour.txt"]


def test_list_and_remove_from_the_command_line(corpus_copy):
    import os
    import subprocess
    import sys

    from .conftest import ROOT

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "index", *args], cwd=ROOT,
                              env=os.environ.copy(), capture_output=True, text=True,
                              timeout=300)  # fmt: skip

    new = corpus_copy / "retour.txt"
    new.write_text(NEW_ARTICLE, encoding="utf-8")
    assert run("add", str(new)).returncode == 0
    listed = run("list").stdout
    assert "parler-accuse-amazon\tbundled" in listed and "retour\tadded by" in listed
    refused = run("remove", "parler-accuse-amazon")
    assert refused.returncode == 1 and "bundled" in refused.stderr
    removed = run("remove", "retour")
    assert removed.returncode == 0 and "2 articles" in removed.stdout
    assert "retour" not in run("list").stdout
