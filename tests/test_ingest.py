"""Ingestion as a job: parallel partitions (processes, Ray) give the index a plain build gives,
and a job killed with SIGKILL resumes where it stopped, embedding nothing twice."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest

from bench.distractors import write_articles
from index import ingest, store
from index.settings import Settings

ROOT = Path(__file__).resolve().parent.parent


def settings_for(tmp: Path, corpus: Path) -> Settings:
    return Settings(
        corpus_dir=corpus, user_dir=tmp / "user", index_dir=tmp / "index", embedder="e5"
    )


def same_index(built: store.CorpusIndex, reference: store.CorpusIndex) -> None:
    assert [c.id for c in built.chunks] == [c.id for c in reference.chunks]
    assert [c.sentences for c in built.chunks] == [c.sentences for c in reference.chunks]
    assert list(built.sentences) == list(reference.sentences)
    assert built.corpus_checksum == reference.corpus_checksum
    assert np.allclose(built.chunk_matrix, reference.chunk_matrix, atol=1e-5)
    assert np.allclose(built.sentence_vectors, reference.sentence_vectors, atol=1e-5)
    ours, theirs = built.ensure_analysis(), reference.ensure_analysis()
    assert ours.vocabulary == theirs.vocabulary and ours.names == theirs.names
    assert all(ours.terms(r) == theirs.terms(r) for r in range(len(ours)))


def test_parallel_job_builds_what_a_plain_build_does(tmp_path, bundled_index):
    settings = settings_for(tmp_path, ROOT / "data" / "articles")
    report = ingest.run_job(settings, workers=2, partition_size=1, progress=False)
    assert report.partitions == 2 and report.resumed == 0
    assert report.passages_embedded == len(bundled_index.chunks) + len(bundled_index.sentences)
    same_index(store.load(settings.index_dir), bundled_index)
    assert not (settings.index_dir / ingest.JOB_FOLDER).exists()  # the job cleans up


@pytest.mark.slow
def test_the_same_job_runs_on_ray(tmp_path, bundled_index, monkeypatch):
    pytest.importorskip("ray")
    monkeypatch.setenv("RAY_AUTH_MODE", "disabled")
    settings = settings_for(tmp_path, ROOT / "data" / "articles")
    report = ingest.run_job(settings, workers=2, use_ray=True, partition_size=1, progress=False)
    assert report.partitions == 2
    same_index(store.load(settings.index_dir), bundled_index)


@pytest.mark.slow
def test_killed_job_resumes_without_embedding_twice(tmp_path, monkeypatch):
    corpus = tmp_path / "corpus"
    write_articles(corpus, 0, 10)
    settings = settings_for(tmp_path, corpus)
    env = {
        **os.environ,
        "VERIF_CORPUS_DIR": str(corpus),
        "VERIF_USER_DIR": str(settings.user_dir),
        "VERIF_INDEX_DIR": str(settings.index_dir),
    }
    job = subprocess.Popen(
        [sys.executable, "-m", "index", "build", "--partition-size", "1", "--quiet"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    parts = settings.index_dir / ingest.JOB_FOLDER
    deadline = time.monotonic() + 240
    while len(list(parts.glob("*/part-*.npz"))) < 3:
        assert job.poll() is None, "the job ended before it could be killed"
        assert time.monotonic() < deadline
        time.sleep(0.05)
    job.send_signal(signal.SIGKILL)
    job.wait()
    written = {p.name: p.stat().st_mtime_ns for p in parts.glob("*/part-*.npz")}
    assert 3 <= len(written) < 10 and not (settings.index_dir / store.MANIFEST).exists()

    processed: list[int] = []
    real = ingest.process_partition

    def spy(partition, embedder):
        processed.append(partition.number)
        return real(partition, embedder)

    monkeypatch.setattr(ingest, "process_partition", spy)
    report = ingest.run_job(settings, workers=1, partition_size=1, progress=False)
    done_before = {int(name[5:11]) for name in written}
    assert report.resumed == len(written)
    assert sorted(processed) == sorted(set(range(10)) - done_before)  # each partition once
    index = store.load(settings.index_dir)
    ids = [c.id for c in index.chunks]
    assert len(ids) == len(set(ids)) and len(index.articles) == 10  # nothing indexed twice
    assert len(index.sentence_vectors) == len(index.sentences)
    assert [c.sentences[0] for c in index.chunks] == sorted(c.sentences[0] for c in index.chunks)
