"""How Vérif behaves as the corpus grows from two articles to a newsroom's archive.

    python -m bench.scale [--sizes 1k,10k,100k] [--ask-sizes 100k] [--queries 200] [--out scale]

Sizes are chunk counts (1k, 10k, 100k, 1m). Everything is built in a temporary folder through
VERIF_USER_DIR / VERIF_INDEX_DIR; data/index is never read or written.

- Up to 10k chunks (``corpus``): distractor articles (bench/distractors.py) are indexed with
  the project's own code and the real e5 embedder, grown incrementally (10k reuses the 1k
  vectors). Build throughput, index size, memory of a fresh process serving it, whole-ask()
  p50/p95, and the haystack check: gold scores with the distractors present against the
  bundled articles alone.
- Beyond (``vectors``): the chunk vector index alone, exact IndexFlatIP against the index the
  project switches to (index.store.vector_index: HNSW beyond EXACT_SEARCH_LIMIT), on vectors
  made from real e5 vectors (blends of two distractor vectors plus noise, so they lie where text
  does) and, at 100k, on isotropic random vectors (the worst case): build time, size, memory,
  search p50/p95, recall@10 against exact search.
- ``--ask-sizes`` (``synthetic``): a whole ask() at that many chunks, the distractor texts
  real but their vectors synthesised the same way, since embedding 100k chunks would take
  an hour on two cores.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from bench.common import RESULTS, ROOT, folder_mb, rss_mb, summary_ms, write
from bench.distractors import write_articles

SIZES = {"1k": 1_000, "10k": 10_000, "100k": 100_000, "1m": 1_000_000}
REAL_LIMIT = 10_000  # sizes up to this are embedded for real
CHUNKS_PER_ARTICLE = 6.4  # measured on bench/distractors.py output with the e5 tokenizer
GOLD_SETS = ("gold.jsonl", "heldout.jsonl")
POOL = RESULTS / "real-vectors.npy"  # e5 vectors of distractors, kept for later runs


def use_folders(work: Path, index: str) -> None:
    """Point the project's settings at the benchmark's folders (read by load_settings)."""
    os.environ.update(
        VERIF_CORPUS_DIR=str(ROOT / "data" / "articles"),
        VERIF_USER_DIR=str(work / "distractors"),
        VERIF_INDEX_DIR=str(work / index),
        VERIF_EMBEDDER="e5",
    )


def haystack(index_dir: Path, rounds: int = 2) -> tuple[dict, list[float]]:
    """Gold and held-out scores through ask() on one index, and the ask() timings."""
    from bot import ask
    from bot.eval.gold import load_gold
    from bot.eval.run import run_item, score

    scores, times = {}, []
    for name in GOLD_SETS:
        path = ROOT / "data" / "gold" / name
        if not path.is_file():
            continue
        items = load_gold(path)
        for _ in range(rounds - 1):  # extra passes for timing only
            for item in items:
                started = time.perf_counter()
                ask(item.question, index=index_dir)
                times.append(time.perf_counter() - started)
        results = [run_item(item, lambda q: ask(q, index=index_dir)) for item in items]
        times += [r.latency_ms / 1000 for r in results]
        overall = score(results)
        cited = [c for r in results for c in r.answer.get("citations", [])]
        scores[name] = {
            "evidence_recall@1": round(overall["retrieval"]["recall@1"], 3),
            "evidence_recall@3": round(overall["retrieval"]["recall@3"], 3),
            "citation_precision": round(overall["citations"]["precision"], 3),
            "abstention_f1": round(overall.get("abstention", {}).get("f1", float("nan")), 3),
            "verdict_accuracy": round(overall.get("claims", {}).get("accuracy", float("nan")), 3),
            "distractor_citations": sum(c["doc_id"].startswith("distractor-") for c in cited),
            "citations": len(cited),
            # Which items go wrong, so a change between sizes can be read item by item.
            "items_citing_distractors": [
                r.item.id
                for r in results
                if any(c["doc_id"].startswith("distractor-") for c in r.answer.get("citations", []))
            ],
            "answered_unanswerable": [
                r.item.id
                for r in results
                if r.item.kind == "unanswerable" and not r.answer.get("abstained", True)
            ],
            "refused_answerable": [
                r.item.id
                for r in results
                if r.item.kind == "question" and r.answer.get("abstained", False)
            ],
        }
    return scores, times


def fresh_process(index_dir: Path, runs: int = 3) -> dict:
    """Load time and resident memory of a new process serving this index (first answer):
    the median run of ``runs``, so one slow moment of a shared machine does not decide."""
    from index.backends.milvus import close_all

    close_all()  # Milvus Lite serves one process per file: let the new process open it
    figures = sorted(
        (_fresh_once(index_dir) for _ in range(runs)), key=lambda f: f["first_answer_s"]
    )
    return {**figures[len(figures) // 2], "runs": [f["first_answer_s"] for f in figures]}


def _fresh_once(index_dir: Path) -> dict:
    code = (
        "import json, time, psutil; t = time.perf_counter(); from bot import ask; "
        f"ask('Pourquoi Parler a-t-il poursuivi Amazon ?', index={str(index_dir)!r}); "
        "print(json.dumps({'first_answer_s': time.perf_counter() - t, "
        "'rss_mb': psutil.Process().memory_info().rss / 2**20}))"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    if done.returncode:
        raise RuntimeError(f"the fresh process failed:\n{done.stderr[-3000:]}")
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    return {key: round(value, 2) for key, value in figures.items()}


def corpus_run(work: Path, chunks: int) -> dict:
    """Grow the distractor folder to about ``chunks`` chunks and index it for real."""
    from index import store
    from index.corpus import ensure_index

    use_folders(work, "index")
    folder = work / "distractors"
    have = len(list(folder.glob("*.txt"))) if folder.is_dir() else 0
    want = max(1, math.ceil(chunks / CHUNKS_PER_ARTICLE))
    write_articles(folder, have, max(0, want - have))
    previous = store.load(work / "index").cached_vectors() if have else {}
    started = time.perf_counter()
    index = ensure_index(progress=True).index
    build_s = time.perf_counter() - started
    texts = {store.text_hash(index.text_of(x)) for x in (*index.chunks, *index.sentences)}
    embedded = len(texts - previous.keys())
    new_chunks = sum(store.text_hash(c.text) not in previous for c in index.chunks)
    result = {
        "chunks": len(index.chunks),
        "sentences": len(index.sentences),
        "articles": len(index.articles),
        "embedding": "e5 (real)",
        "index_type": type(index.chunk_vectors).__name__,
        "build_s": round(build_s, 1),
        "passages_embedded": embedded,
        "passages_embedded_per_s": round(embedded / build_s, 1),
        "chunks_per_s": round(new_chunks / build_s, 1),  # with their sentences embedded too
        "index_mb": folder_mb(work / "index"),
    }
    keep_pool(index)
    return serve(result, work / "index")


def serve(result: dict, index_dir: Path) -> dict:
    from bot.engine import shared_engine

    result["backend"] = os.environ.get("VERIF_BACKEND", "faiss")
    result["fresh_process"] = fresh_process(index_dir)
    started = time.perf_counter()
    shared_engine(index_dir)
    result["engine_load_s"] = round(time.perf_counter() - started, 2)
    scores, times = haystack(index_dir)
    result["ask"] = summary_ms(times)
    result["haystack"] = scores
    result["rss_mb_this_process"] = rss_mb()
    return result


def keep_pool(index) -> None:
    """Save the real distractor vectors, the seed for the synthetic sizes (no pickle)."""
    matrix = np.vstack(
        [
            index.chunk_vectors.reconstruct_n(0, index.chunk_vectors.ntotal),
            index.sentence_vectors.reconstruct_n(0, index.sentence_vectors.ntotal),
        ]
    )
    if not POOL.is_file() or len(np.load(POOL, allow_pickle=False)) < len(matrix):
        RESULTS.mkdir(parents=True, exist_ok=True)
        np.save(POOL, matrix.astype(np.float32), allow_pickle=False)


def pool() -> np.ndarray | None:
    return np.load(POOL, allow_pickle=False) if POOL.is_file() else None


def text_like(n: int, seed: int, real: np.ndarray) -> np.ndarray:
    """``n`` unit vectors where text lies: a real vector moved up to half-way towards another,
    plus a little noise, so the set keeps e5's narrow cone and its clusters without copies."""
    rng = np.random.default_rng(seed)
    out = np.empty((n, real.shape[1]), dtype=np.float32)
    for start in range(0, n, 100_000):  # in blocks, to bound the temporaries at 1M
        size = min(100_000, n - start)
        a = real[rng.integers(0, len(real), size)]
        b = real[rng.integers(0, len(real), size)]
        mix = rng.uniform(0, 0.5, (size, 1)).astype(np.float32)
        noise = rng.standard_normal(a.shape, dtype=np.float32) * (0.25 / math.sqrt(a.shape[1]))
        block = a + mix * (b - a) + noise
        out[start : start + size] = block / np.linalg.norm(block, axis=1, keepdims=True)
    return out


def isotropic(n: int, seed: int) -> np.ndarray:
    data = np.random.default_rng(seed).standard_normal((n, 384), dtype=np.float32)
    return data / np.linalg.norm(data, axis=1, keepdims=True)


class SynthesisedE5:
    """Builds the synthetic corpus: the real e5 tokenizer for chunking, vectors from the real
    pool (seeded by each text's hash, so a text always gets the same one). Named "e5" so that
    questions are embedded by the real model."""

    name = "e5"
    dimension = 384

    def __init__(self, real: np.ndarray) -> None:
        from index.embed import shared_embedder

        self.real = real
        self.e5 = shared_embedder("e5")

    def count_tokens(self, text: str) -> int:
        return self.e5.count_tokens(text)

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        from index.store import text_hash

        return np.vstack([text_like(1, int(text_hash(t)[:12], 16), self.real) for t in texts])


def synthetic_run(work: Path, chunks: int) -> dict:
    """A whole ask() over ``chunks`` chunks whose distractor vectors are synthesised."""
    from index import store
    from index.corpus import article_files, build, corpus_checksum, load_article
    from index.settings import load_settings

    real = pool()
    if real is None:
        raise SystemExit("--ask-sizes needs real vectors first: run with --sizes 1k or 10k.")
    use_folders(work, "synthetic-index")
    folder = work / "distractors"
    have = len(list(folder.glob("*.txt"))) if folder.is_dir() else 0
    want = math.ceil(chunks / CHUNKS_PER_ARTICLE)
    write_articles(folder, have, max(0, want - have))
    settings = load_settings()
    files = article_files(settings)
    cache = {}  # real vectors: the bundled articles' (base) and the real-sized run's (index)
    for built in ("base", "index"):
        if (work / built).is_dir():
            cache |= store.load(work / built).cached_vectors()
    real_cached = len(cache)  # build() adds to the cache: count before
    started = time.perf_counter()
    articles = [load_article(p) for p in files]
    index = build(
        articles, SynthesisedE5(real), corpus_checksum(files, "e5"), cache, progress=False
    )
    store.save(index, settings.index_dir)
    result = {
        "chunks": len(index.chunks),
        "sentences": len(index.sentences),
        "articles": len(index.articles),
        "embedding": f"synthesised from {len(real)} real e5 vectors ({real_cached} texts real)",
        "index_type": type(index.chunk_vectors).__name__,
        "build_without_embedding_s": round(time.perf_counter() - started, 1),
        "index_mb": folder_mb(settings.index_dir),
    }
    del index
    return serve(result, settings.index_dir)


def vectors_run(n: int, data_kind: str, queries: int) -> dict:
    """Exact search against the project's approximate index on ``n`` vectors."""
    import faiss

    from index.store import EXACT_SEARCH_LIMIT, HNSW_EF_SEARCH, HNSW_NEIGHBOURS, vector_index

    real = pool()
    if data_kind == "text-like" and real is not None:
        data = text_like(n, 1, real)
        probes = text_like(queries, 2, real)  # new points near text, not copies of the data
        asked = question_vectors()[:queries]  # and the real questions first
        probes[: len(asked)] = asked
    else:
        data_kind = "isotropic"
        data, probes = isotropic(n, 1), isotropic(queries, 2)

    before = rss_mb()
    started = time.perf_counter()
    exact = faiss.IndexFlatIP(data.shape[1])
    exact.add(data)
    exact_build = time.perf_counter() - started
    started = time.perf_counter()
    approximate = vector_index(data)  # the project's own choice for this size
    build_s = time.perf_counter() - started
    rss_after = rss_mb()
    _, truth = exact.search(probes, 10)
    exact_times, approx_times, hits = [], [], 0
    for i, probe in enumerate(probes):
        started = time.perf_counter()
        exact.search(probe[None], 10)
        exact_times.append(time.perf_counter() - started)
        started = time.perf_counter()
        _, found = approximate.search(probe[None], 10)
        approx_times.append(time.perf_counter() - started)
        hits += len(set(found[0].tolist()) & set(truth[i].tolist()))
    result = {
        "vectors": n,
        "data": data_kind,
        "index": type(approximate).__name__,
        "settings": f"exact up to {EXACT_SEARCH_LIMIT:,}; HNSW M={HNSW_NEIGHBOURS}, "
        f"efSearch={HNSW_EF_SEARCH}",
        "exact_build_s": round(exact_build, 2),
        "index_build_s": round(build_s, 1),
        "exact_mb": round(faiss.serialize_index(exact).nbytes / 2**20, 1),
        "index_mb": round(faiss.serialize_index(approximate).nbytes / 2**20, 1),
        "rss_mb_added_by_both": round(rss_after - before, 1),
        "exact_search": summary_ms(exact_times),
        "index_search": summary_ms(approx_times),
        "recall_at_10": round(hits / (10 * len(probes)), 3),
    }
    if hasattr(approximate, "hnsw"):  # what another efSearch would buy, to tune the constant
        result["ef_search_sweep"] = [
            ef_search(approximate, probes, truth, ef) for ef in (64, 128, 256, 512)
        ]
    del data, exact, approximate
    return result


def ef_search(index, probes: np.ndarray, truth: np.ndarray, ef: int) -> dict:
    from bench.ann import timed_recall

    index.hnsw.efSearch = ef
    return {"ef_search": ef, **timed_recall(index, probes, truth)}


QUESTIONS: list[str] = []


def question_vectors() -> np.ndarray:
    """Real e5 query vectors of the gold and held-out questions: what the index is asked."""
    from bot.eval.gold import load_gold
    from index.embed import shared_embedder

    if not QUESTIONS:
        for name in GOLD_SETS:
            path = ROOT / "data" / "gold" / name
            if path.is_file():
                QUESTIONS.extend(item.question for item in load_gold(path))
    e5 = shared_embedder("e5")
    return np.vstack([e5.embed_question(q) for q in QUESTIONS]).astype(np.float32)


def print_corpus(run: dict) -> None:
    ask, fresh = run["ask"], run["fresh_process"]
    print(
        f"{run['chunks']:>8,} chunks ({run['embedding']}): index {run['index_mb']} MB, "
        f"fresh process {fresh['first_answer_s']} s / {fresh['rss_mb']:.0f} MB, "
        f"ask p50 {ask['p50_ms']} ms p95 {ask['p95_ms']} ms"
    )
    if "passages_embedded_per_s" in run:
        print(
            f"          built in {run['build_s']} s: {run['passages_embedded']} passages "
            f"embedded, {run['passages_embedded_per_s']}/s, {run['chunks_per_s']} chunks/s"
        )
    for name, scores in run["haystack"].items():
        print(f"          {name}: {scores}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="1k,10k,100k", help="from 1k,10k,100k,1m")
    parser.add_argument("--ask-sizes", default="100k", help="whole ask() on synthesised vectors")
    parser.add_argument("--queries", type=int, default=200, help="queries per vector size")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    parser.add_argument("--out", default="scale", help="results file name in bench/results")
    parser.add_argument(
        "--backend", default="faiss", choices=("faiss", "milvus"), help="VERIF_BACKEND to serve"
    )
    args = parser.parse_args(argv)
    os.environ["VERIF_BACKEND"] = args.backend
    sizes = [SIZES[s] for s in filter(None, args.sizes.split(","))]
    ask_sizes = [SIZES[s] for s in filter(None, args.ask_sizes.split(","))]

    work = Path(tempfile.mkdtemp(prefix="verif-scale-"))
    results: dict[str, list | dict] = {"corpus": [], "synthetic": [], "vectors": []}
    try:
        use_folders(work, "base")  # the bundled articles alone: the haystack's baseline
        from index.corpus import ensure_index

        chunks = len(ensure_index(progress=False).index.chunks)
        base = {"chunks": chunks, "embedding": "e5 (real)", "index_mb": folder_mb(work / "base")}
        base = serve(base, work / "base")
        print_corpus(base)
        results["bundled_only"] = base
        for n in (s for s in sizes if s <= REAL_LIMIT):
            run = corpus_run(work, n)
            print_corpus(run)
            results["corpus"].append(run)
            write(args.out, results)  # after each size: a long run keeps what it measured
        for n in ask_sizes:
            run = synthetic_run(work, n)
            print_corpus(run)
            results["synthetic"].append(run)
            write(args.out, results)
        for n in (s for s in sizes if s > REAL_LIMIT):
            for kind in ("text-like", "isotropic") if n <= 100_000 else ("text-like",):
                run = vectors_run(n, kind, args.queries)
                print(
                    f"{n:>8,} vectors ({run['data']}): {run['index']} built in "
                    f"{run['index_build_s']} s, {run['index_mb']} MB; search p50 "
                    f"{run['index_search']['p50_ms']} ms vs exact "
                    f"{run['exact_search']['p50_ms']} ms; recall@10 {run['recall_at_10']}",
                    flush=True,
                )
                for row in run.get("ef_search_sweep", []):
                    print(f"          efSearch {row['ef_search']:3}: recall@10 "
                          f"{row['recall_at_10']}, p50 {row['p50_ms']} ms")  # fmt: skip
                results["vectors"].append(run)
                write(args.out, results)
    finally:
        if args.keep:
            print(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    write(args.out, results)


if __name__ == "__main__":
    main()
