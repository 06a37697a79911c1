"""Which approximate index meets recall@10 >= 0.95 at p50 <= 5 ms on a million chunk vectors.

    nice -n 10 python -m bench.ann [--vectors 1m] [--queries 200] [--out ann]

Candidates, each against exact search (``IndexFlatIP``) on the same text-like vectors
(bench/scale.py ``text_like``: blends of real e5 vectors, so they keep e5's narrow cone), the
real gold and held-out question vectors first among the probes:

- HNSW, M=32 (what the project used up to now) and M=64, at several efSearch;
- IVF-PQ (4096 lists, 48 sub-quantisers of 8 bits) whose candidates are re-ranked with the
  full vectors (``IndexRefineFlat``), at several nprobe and re-ranking depths;
- IVF-Flat (4096 lists of the exact vectors), at several nprobe.

Search is timed one query at a time, as ``ask()`` issues them. Needs the real vector pool
(``python -m bench.scale --sizes 1k`` writes it). Peak memory stays near 6 GB at 1M.
"""

from __future__ import annotations

import argparse
import time

import numpy as np

from bench.common import rss_mb, summary_ms, write
from bench.scale import SIZES, pool, question_vectors, text_like


def timed_recall(index, probes: np.ndarray, truth: np.ndarray) -> dict:
    times, hits = [], 0
    for i, probe in enumerate(probes):
        started = time.perf_counter()
        _, found = index.search(probe[None], 10)
        times.append(time.perf_counter() - started)
        hits += len(set(found[0].tolist()) & set(truth[i].tolist()))
    return {"recall_at_10": round(hits / (10 * len(probes)), 3), **summary_ms(times)}


def hnsw_runs(data, probes, truth, neighbours: int) -> list[dict]:
    import faiss

    started = time.perf_counter()
    index = faiss.IndexHNSWFlat(data.shape[1], neighbours, faiss.METRIC_INNER_PRODUCT)
    index.hnsw.efConstruction = 80
    index.add(data)
    build_s = round(time.perf_counter() - started, 1)
    size = round(faiss.serialize_index(index).nbytes / 2**20, 1)
    rows = []
    for ef in (256, 512, 1024):
        index.hnsw.efSearch = ef
        row = {"index": f"HNSW M={neighbours}", "setting": f"efSearch={ef}", "build_s": build_s}
        rows.append({**row, "mb": size, **timed_recall(index, probes, truth)})
        print(rows[-1], flush=True)
    return rows


def ivfpq_runs(data, probes, truth) -> list[dict]:
    import faiss

    dimension = data.shape[1]
    started = time.perf_counter()
    base = faiss.index_factory(dimension, "IVF4096,PQ48", faiss.METRIC_INNER_PRODUCT)
    sample = data[np.random.default_rng(3).choice(len(data), 200_000, replace=False)]
    base.train(sample)
    index = faiss.IndexRefineFlat(base)
    index.add(data)
    build_s = round(time.perf_counter() - started, 1)
    size = round(faiss.serialize_index(index).nbytes / 2**20, 1)
    rows = []
    for nprobe in (16, 32, 64):
        for k_factor in (8, 16, 32):
            faiss.extract_index_ivf(index).nprobe = nprobe
            index.k_factor = k_factor
            row = {"index": "IVF4096,PQ48 + re-rank (flat)", "build_s": build_s, "mb": size}
            row["setting"] = f"nprobe={nprobe}, k_factor={k_factor}"
            rows.append({**row, **timed_recall(index, probes, truth)})
            print(rows[-1], flush=True)
    return rows


def ivfflat_runs(data, probes, truth) -> list[dict]:
    """Inverted lists of the exact vectors: distances are exact within the lists probed."""
    import faiss

    started = time.perf_counter()
    quantiser = faiss.IndexFlatIP(data.shape[1])
    index = faiss.IndexIVFFlat(quantiser, data.shape[1], 4096, faiss.METRIC_INNER_PRODUCT)
    index.train(data[np.random.default_rng(3).choice(len(data), 200_000, replace=False)])
    index.add(data)
    build_s = round(time.perf_counter() - started, 1)
    size = round(faiss.serialize_index(index).nbytes / 2**20, 1)
    rows = []
    for nprobe in (16, 32, 64, 128):
        index.nprobe = nprobe
        row = {"index": "IVF4096,Flat", "build_s": build_s, "mb": size}
        rows.append({**row, "setting": f"nprobe={nprobe}", **timed_recall(index, probes, truth)})
        print(rows[-1], flush=True)
    return rows


def project_runs(data, probes, truth) -> list[dict]:
    """The index the project builds at this size (index.store.vector_index), nprobe swept."""
    import faiss

    from index import store

    started = time.perf_counter()
    index = store.vector_index(data)
    build_s = round(time.perf_counter() - started, 1)
    size = round(faiss.serialize_index(index).nbytes / 2**20, 1)
    name = type(index).__name__
    rows = []
    settings = (64, 80, 96, 112, 128) if isinstance(index, faiss.IndexIVF) else (None,)
    for nprobe in settings:
        if nprobe is not None:
            index.nprobe = nprobe
        row = {"index": f"project: {name}", "build_s": build_s, "mb": size}
        row["setting"] = f"nprobe={nprobe}" + (" (default)" if nprobe == store.IVF_NPROBE else "")
        rows.append({**row, **timed_recall(index, probes, truth)})
        print(rows[-1], flush=True)
    return rows


def main(argv: list[str] | None = None) -> None:
    import faiss

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--vectors", default="1m", choices=sorted(SIZES))
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--only", default="hnsw32,hnsw64,ivfpq")
    parser.add_argument("--out", default="ann")
    args = parser.parse_args(argv)
    real = pool()
    if real is None:
        raise SystemExit("No real vector pool yet: run `python -m bench.scale --sizes 1k` first.")
    n = SIZES[args.vectors]
    data = text_like(n, 1, real)
    probes = text_like(args.queries, 2, real)
    asked = question_vectors()[: args.queries]
    probes[: len(asked)] = asked
    exact = faiss.IndexFlatIP(data.shape[1])
    exact.add(data)
    _, truth = exact.search(probes, 10)
    results = {"vectors": n, "queries": len(probes), "exact": timed_recall(exact, probes, truth)}
    del exact
    print(results, flush=True)
    runs = []
    for name in args.only.split(","):
        if name.startswith("hnsw"):
            runs += hnsw_runs(data, probes, truth, int(name[4:]))
        elif name == "ivfpq":
            runs += ivfpq_runs(data, probes, truth)
        elif name == "ivfflat":
            runs += ivfflat_runs(data, probes, truth)
        elif name == "project":
            runs += project_runs(data, probes, truth)
        results["runs"] = runs
        results["peak_rss_mb"] = rss_mb()
        write(args.out, results)


if __name__ == "__main__":
    main()
