"""How the tool behaves as the corpus grows, with the gold evidence hidden among distractors.

    python bench/scale.py [--real 1k,10k] [--synthetic 100k] [--vectors 100k,1m]

- real: distractor articles embedded for real with e5 through the project's own build, then
  build throughput, index size, memory, whole-ask() latency and gold evidence recall.
- synthetic: the same, but distractor vectors are random (the bundled articles keep their real
  vectors), to time a whole ask() at sizes where embedding would take hours.
- vectors: the vector index alone, exact (IndexFlatIP) against the approximate index the
  project switches to (HNSW), on clustered random vectors: build time, size, search latency,
  recall@10.
"""

from __future__ import annotations

import argparse
import os
import shutil
import tempfile
import time
from pathlib import Path

import numpy as np
import psutil
from common import ROOT, summary_ms, write
from distractors import article

SIZES = {"1k": 1_000, "10k": 10_000, "100k": 100_000, "1m": 1_000_000}
CHUNKS_PER_ARTICLE = 5  # title + 4 paragraphs, measured on the generator's output


def rss_mb() -> float:
    return round(psutil.Process().memory_info().rss / 2**20, 1)


def folder_mb(folder: Path) -> float:
    return round(sum(p.stat().st_size for p in folder.iterdir()) / 2**20, 2)


def gold_recall(ask) -> tuple[float, list[float]]:
    from bot.eval.gold import DEFAULT_GOLD, load_gold

    hits, total, times = 0, 0, []
    for item in load_gold(DEFAULT_GOLD):
        started = time.perf_counter()
        answer = ask(item.question)
        times.append(time.perf_counter() - started)
        if item.kind != "question":
            continue
        total += 1
        hits += any(
            c.doc_id == e.doc_id and c.start < e.end and e.start < c.end
            for c in answer.citations
            for e in item.evidence
        )
    return round(hits / total, 3), times


class RandomEmbeddings:
    """Stands in for e5 when building: random unit vectors for new text, real ones for the
    bundled articles (from the cache). Named "e5" so that questions use the real model."""

    name = "e5"
    dimension = 384

    def __init__(self, real) -> None:
        self.real = real
        self.rng = np.random.default_rng(0)

    def embed_passages(self, texts):
        vectors = self.rng.standard_normal((len(texts), self.dimension)).astype(np.float32)
        return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)

    def count_tokens(self, text: str) -> int:
        return len(text.split()) * 2


def corpus_run(chunks: int, synthetic: bool) -> dict:
    from bot import ask
    from bot.engine import shared_engine
    from index.corpus import article_files, build, corpus_checksum, ensure_index, load_article
    from index.embed import shared_embedder
    from index.settings import load_settings
    from index.store import load, save

    work = Path(tempfile.mkdtemp(prefix="verif-scale-"))
    corpus = work / "articles"
    shutil.copytree(ROOT / "data" / "articles", corpus)
    for i in range(max(1, chunks // CHUNKS_PER_ARTICLE)):
        name, text = article(i)
        (corpus / name).write_text(text, encoding="utf-8")
    os.environ.update(
        VERIF_CORPUS_DIR=str(corpus),
        VERIF_USER_DIR=str(work / "user"),
        VERIF_INDEX_DIR=str(work / "index"),
    )
    bundled = load(ROOT / "data" / "index").cached_vectors()
    before = rss_mb()
    started = time.perf_counter()
    if synthetic:
        settings = load_settings()
        files = article_files(settings)
        articles = [load_article(p) for p in files]
        fake = RandomEmbeddings(shared_embedder("e5"))
        index = build(articles, fake, corpus_checksum(files, "e5"), dict(bundled), progress=False)
        save(index, settings.index_dir)
    else:
        index = ensure_index(progress=True).index
    build_s = time.perf_counter() - started
    engine_started = time.perf_counter()
    shared_engine(work / "index")
    engine_s = time.perf_counter() - engine_started
    recall, times = gold_recall(lambda q: ask(q, index=work / "index"))
    result = {
        "chunks": len(index.chunks),
        "sentences": len(index.sentences),
        "embedding": "random (bundled articles real)" if synthetic else "e5",
        "build_s": round(build_s, 1),
        "build_chunks_per_s": round(len(index.chunks) / build_s, 1),
        "engine_load_s": round(engine_s, 1),
        "index_mb": folder_mb(work / "index"),
        "rss_mb_added": round(rss_mb() - before, 1),
        "ask": summary_ms(times[1:]),
        "gold_evidence_recall": recall,
    }
    shutil.rmtree(work)
    return result


def clouds(n: int, queries: int, isotropic: bool) -> tuple[np.ndarray, np.ndarray]:
    """Unit vectors. Text embeddings live near a low-dimensional surface (few directions carry
    most variance), which is what graph indexes exploit; ``isotropic`` is the worst case where
    every direction counts and nearest neighbours are barely nearer than anything else."""
    rng = np.random.default_rng(1)
    if isotropic:
        data = rng.standard_normal((n, 384)).astype(np.float32)
    else:
        basis = rng.standard_normal((24, 384)).astype(np.float32)
        data = rng.standard_normal((n, 24)).astype(np.float32) @ basis
        data += 0.5 * rng.standard_normal((n, 384)).astype(np.float32)
    data /= np.linalg.norm(data, axis=1, keepdims=True)
    probes = data[rng.integers(0, n, queries)]
    probes = probes + 0.05 * rng.standard_normal(probes.shape).astype(np.float32)
    probes /= np.linalg.norm(probes, axis=1, keepdims=True)
    return data, probes


def vectors_run(n: int, isotropic: bool, queries: int = 200) -> dict:
    import faiss

    from index.store import vector_index

    data, probes = clouds(n, queries, isotropic)
    exact = faiss.IndexFlatIP(384)
    exact.add(data)
    started = time.perf_counter()
    approximate = vector_index(data)
    build_s = time.perf_counter() - started
    _, truth = exact.search(probes, 10)
    exact_times, approx_times, hits = [], [], 0
    for i, probe in enumerate(probes):
        t = time.perf_counter()
        exact.search(probe[None], 10)
        exact_times.append(time.perf_counter() - t)
        t = time.perf_counter()
        _, found = approximate.search(probe[None], 10)
        approx_times.append(time.perf_counter() - t)
        hits += len(set(found[0]) & set(truth[i]))
    return {
        "vectors": n,
        "data": "isotropic (worst case)" if isotropic else "low intrinsic dimension (text-like)",
        "index": type(approximate).__name__,
        "build_s": round(build_s, 1),
        "size_mb": round(faiss.serialize_index(approximate).nbytes / 2**20, 1),
        "rss_mb": rss_mb(),
        "exact_search": summary_ms(exact_times),
        "index_search": summary_ms(approx_times),
        "recall_at_10": round(hits / (10 * queries), 3),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--real", default="1k", help="sizes embedded with e5, e.g. 1k,10k")
    parser.add_argument("--synthetic", default="100k", help="sizes with random vectors")
    parser.add_argument("--vectors", default="100k,1m", help="vector-index-only sizes")
    args = parser.parse_args()
    results: dict[str, list] = {"corpus": [], "vectors": []}
    for label, synthetic in ((args.real, False), (args.synthetic, True)):
        for size in filter(None, label.split(",")):
            run = corpus_run(SIZES[size], synthetic)
            print(run, flush=True)
            results["corpus"].append(run)
    for size in filter(None, args.vectors.split(",")):
        for isotropic in (False, True):
            run = vectors_run(SIZES[size], isotropic)
            print(run, flush=True)
            results["vectors"].append(run)
    write("scale", results)


if __name__ == "__main__":
    main()
