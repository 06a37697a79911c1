"""Ingestion as a job: partitions of the corpus embedded in parallel, resumable, then merged.

    python -m index build --workers 2                 # processes on this machine
    python -m index build --workers 8 --ray auto      # the same tasks on a Ray cluster

The corpus's article files are cut into partitions (``--partition-size`` articles each). A
partition is read, cleaned, segmented, chunked, embedded and analysed (its sentences' terms)
by one task, a plain function (``process_partition``) that a process pool or a Ray worker runs
alike; it returns its result as bytes, so Ray workers need no shared disk. The driver writes
each result atomically into the job folder (``<index>/.ingest/<corpus checksum>/``) as soon as
it arrives. A job that is killed (even ``kill -9``) and started again finds the partitions
already written and runs only the others: nothing is embedded or indexed twice. When every
partition is in, the driver merges them in order, computes the corpus-wide part of the
analysis (term counts, names, BM25) and writes the index to its backend (FAISS files, or
Milvus with upserts keyed by row), then removes the job folder.
"""

from __future__ import annotations

import inspect
import io
import json
import logging
import os
import shutil
import sys
import time
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from dataclasses import dataclass
from multiprocessing import get_context
from pathlib import Path
from typing import Any

import numpy as np

from index import store
from index.analysis import SentenceTerms
from index.corpus import _check_unique_ids, _lock, article_files, corpus_checksum, load_article
from index.documents import Article, Chunk, Sentence
from index.settings import Settings, load_settings
from index.store import _atomic_write

log = logging.getLogger(__name__)

PARTITION_SIZE = 32  # articles per task: a few hundred passages, ~10 s of embedding
JOB_FOLDER = ".ingest"


@dataclass(frozen=True)
class Partition:
    number: int
    files: tuple[str, ...]  # absolute paths
    origins: tuple[str, ...]  # "bundled" | "added", per file


@dataclass
class JobReport:
    index: store.CorpusIndex
    partitions: int
    resumed: int  # partitions found done from an earlier run
    passages_embedded: int  # by this run
    seconds: float

    @property
    def passages_per_second(self) -> float:
        return self.passages_embedded / self.seconds if self.seconds else 0.0


# ---- the task: one partition, anywhere ---------------------------------------------------


def process_partition(partition: Partition, embedder_spec: str) -> bytes:
    """Read, clean, chunk, embed and analyse one partition; its result as .npz bytes.

    Pure: depends only on its arguments and the files, so re-running it gives the same bytes.
    """
    from index.chunk import segment_and_chunk
    from index.embed import shared_embedder
    from index.sentence_analysis import FIELDS, analyse_sentences

    embedder = shared_embedder(embedder_spec)
    articles = [
        _read(Path(f), origin) for f, origin in zip(partition.files, partition.origins, strict=True)
    ]
    sentences, chunks, sentence_texts = segment_and_chunk(articles, embedder.count_tokens)
    passages = [c.text for c in chunks] + sentence_texts
    vectors = embedder.embed_passages(passages) if passages else np.zeros((0, embedder.dimension))
    languages = {a.id: a.language for a in articles}
    values = analyse_sentences(sentence_texts, [languages[s.doc_id] for s in sentences])
    meta = {
        "articles": [a.to_dict() for a in articles],
        "sentences": [[s.doc_id, s.paragraph, s.start, s.end] for s in sentences],
        "chunks": [[c.doc_id, c.paragraph, c.start, c.end, list(c.sentences)] for c in chunks],
        "values": {f.name: [_encode(f.kind, v) for v in values[f.name]] for f in FIELDS},
        "embedded": len(passages),
    }
    buffer = io.BytesIO()
    np.savez(
        buffer,
        vectors=np.asarray(vectors, dtype=np.float32),
        meta=np.frombuffer(json.dumps(meta, ensure_ascii=False).encode("utf-8"), dtype=np.uint8),
        chunk_count=np.array([len(chunks)]),
    )
    return buffer.getvalue()


def _read(path: Path, origin: str) -> Article:
    """As the corpus module reads it, with its provenance when that module records one."""
    if "origin" in inspect.signature(load_article).parameters:
        return load_article(path, origin=origin)  # type: ignore[call-arg]
    return load_article(path)


# ---- runners: a process pool here, or Ray -------------------------------------------------------


Submit = Callable[[list[Partition], str], Iterator[tuple[Partition, bytes]]]


def local_runner(workers: int) -> Submit:
    """Partitions on ``workers`` processes of this machine, the cores shared between them."""

    def run(partitions: list[Partition], embedder: str) -> Iterator[tuple[Partition, bytes]]:
        if workers <= 1:
            for partition in partitions:
                yield partition, process_partition(partition, embedder)
            return
        threads = max(1, (os.cpu_count() or 1) // workers)
        with ProcessPoolExecutor(
            workers,
            mp_context=get_context("spawn"),  # no fork of a process holding OpenMP threads
            initializer=_worker_setup,
            initargs=(threads,),
        ) as pool:
            pending = {pool.submit(process_partition, p, embedder): p for p in partitions}
            while pending:
                done, _ = wait(pending, return_when=FIRST_COMPLETED)
                for future in done:
                    yield pending.pop(future), future.result()

    return run


def _worker_setup(threads: int) -> None:
    os.environ["VERIF_EMBED_THREADS"] = str(threads)
    os.environ["OMP_NUM_THREADS"] = str(threads)


def ray_runner(address: str | None, workers: int) -> Submit:
    """The same tasks on a Ray cluster (``address``: "auto", "ray://host:10001", or None for a
    local Ray instance, as in the tests). Each task asks for one CPU."""

    def run(partitions: list[Partition], embedder: str) -> Iterator[tuple[Partition, bytes]]:
        import ray

        started_here = not ray.is_initialized()
        if started_here:
            if address:
                ray.init(address=address, log_to_driver=False)
            else:
                ray.init(
                    num_cpus=max(1, workers),
                    include_dashboard=False,
                    log_to_driver=False,
                    runtime_env={"env_vars": {"VERIF_EMBED_THREADS": "1", "OMP_NUM_THREADS": "1"}},
                )
        try:
            task = ray.remote(num_cpus=1, max_retries=2)(process_partition)
            pending = {task.remote(p, embedder): p for p in partitions}
            while pending:
                done, _ = ray.wait(list(pending), num_returns=1)
                for ref in done:
                    yield pending.pop(ref), ray.get(ref)
        finally:
            if started_here:
                ray.shutdown()

    return run


# ---- the job --------------------------------------------------------------------------------


def plan(settings: Settings, partition_size: int = PARTITION_SIZE) -> tuple[str, list[Partition]]:
    """The corpus checksum and its partitions, in the corpus's stable file order."""
    from index.embed import shared_embedder

    files = article_files(settings)
    checksum = corpus_checksum(files, shared_embedder(settings.embedder).name)
    user = settings.user_dir.resolve()
    partitions = [
        Partition(
            number,
            tuple(str(p.resolve()) for p in group),
            tuple("added" if p.resolve().parent == user else "bundled" for p in group),
        )
        for number, group in enumerate(
            files[i : i + partition_size] for i in range(0, len(files), partition_size)
        )
    ]
    return checksum, partitions


def run_job(
    settings: Settings | None = None,
    workers: int = 1,
    ray_address: str | None = None,
    use_ray: bool = False,
    partition_size: int = PARTITION_SIZE,
    progress: bool = True,
) -> JobReport:
    """Build the index as a resumable job (see the module's docstring)."""
    from index.embed import shared_embedder

    settings = settings or load_settings()
    started = time.perf_counter()
    checksum, partitions = plan(settings, partition_size)
    folder = settings.index_dir / JOB_FOLDER / checksum[:16]
    folder.mkdir(parents=True, exist_ok=True)
    _atomic_write(
        folder / "plan.json",
        json.dumps({"checksum": checksum, "partitions": [p.files for p in partitions]}).encode(),
    )
    done = {p.number for p in partitions if _readable(_part_path(folder, p))}
    todo = [p for p in partitions if p.number not in done]
    runner = ray_runner(ray_address, workers) if use_ray else local_runner(workers)
    embedded = 0
    bar = _bar(len(partitions), len(done), progress)
    for partition, result in runner(todo, settings.embedder):
        _atomic_write(_part_path(folder, partition), result)
        embedded += _embedded(result)
        bar.update(1)
        bar.set_postfix(passages=embedded)
    bar.close()
    with _lock(settings):
        index = merge(
            [_part_path(folder, p) for p in partitions],
            shared_embedder(settings.embedder),
            checksum,
        )
        store.save(index, settings.index_dir)
    shutil.rmtree(folder, ignore_errors=True)
    if not any(folder.parent.iterdir()):
        folder.parent.rmdir()
    return JobReport(index, len(partitions), len(done), embedded, time.perf_counter() - started)


def merge(paths: list[Path], embedder: Any, checksum: str) -> store.CorpusIndex:
    """Partitions, in order, into one index (rows renumbered); the corpus-wide analysis here."""
    from index.sentence_analysis import FIELDS, SentenceAnalysis

    articles: list[Article] = []
    sentences: list[Sentence] = []
    chunks: list[Chunk] = []
    values: dict[str, list[Any]] = {}
    chunk_vectors, sentence_vectors = [], []
    for path in paths:
        meta, vectors, chunk_count = _load_part(path)
        part_articles = {a["id"]: Article.from_dict(a) for a in meta["articles"]}
        offset = len(sentences)
        articles.extend(part_articles.values())
        sentences.extend(Sentence(*row) for row in meta["sentences"])
        for doc, paragraph, start, end, rows in meta["chunks"]:
            article = part_articles[doc]
            chunks.append(
                Chunk(
                    id=f"{doc}#{start}-{end}",
                    doc_id=doc,
                    title=article.title,
                    paragraph=paragraph,
                    start=start,
                    end=end,
                    text=article.text[start:end],
                    sentences=tuple(offset + r for r in rows),
                )
            )
        for f in FIELDS:
            values.setdefault(f.name, []).extend(_decode(f.kind, v) for v in meta["values"][f.name])
        chunk_vectors.append(vectors[:chunk_count])
        sentence_vectors.append(vectors[chunk_count:])
    _check_unique_ids(articles)
    dimension = embedder.dimension
    chunk_matrix = np.vstack(chunk_vectors) if chunk_vectors else np.zeros((0, dimension))
    sentence_matrix = np.vstack(sentence_vectors) if sentence_vectors else np.zeros((0, dimension))
    by_id = {a.id: a for a in articles}
    analysis = SentenceAnalysis.build(
        [by_id[s.doc_id].text[s.start : s.end] for s in sentences],
        [by_id[s.doc_id].language for s in sentences],
        [(a.title, a.language) for a in articles],
        values=values,
    )
    return store.CorpusIndex(
        embedder=embedder.name,
        dimension=dimension,
        corpus_checksum=checksum,
        articles=by_id,
        sentences=sentences,
        chunks=chunks,
        chunk_vectors=None,
        sentence_vectors=sentence_matrix.astype(np.float32),
        analysis=analysis,
        chunk_matrix=chunk_matrix.astype(np.float32),
    )


def _encode(kind: str, value: Any) -> Any:
    """A field's value as JSON, for the trip from worker to driver."""
    return [sorted(value.stems), sorted(value.folded)] if kind == "terms" else value


def _decode(kind: str, stored: Any) -> Any:
    return SentenceTerms(frozenset(stored[0]), frozenset(stored[1])) if kind == "terms" else stored


def _part_path(folder: Path, partition: Partition) -> Path:
    return folder / f"part-{partition.number:06d}.npz"


def _load_part(path: Path) -> tuple[dict[str, Any], np.ndarray, int]:
    with np.load(path, allow_pickle=False) as stored:
        meta = json.loads(stored["meta"].tobytes().decode("utf-8"))
        return meta, stored["vectors"], int(stored["chunk_count"][0])


def _readable(path: Path) -> bool:
    """A partition result from an earlier run counts only if it reads back whole."""
    if not path.is_file():
        return False
    try:
        _load_part(path)
    except (OSError, ValueError, KeyError, EOFError):
        path.unlink(missing_ok=True)
        return False
    return True


def _embedded(result: bytes) -> int:
    with np.load(io.BytesIO(result), allow_pickle=False) as stored:
        return int(json.loads(stored["meta"].tobytes().decode("utf-8"))["embedded"])


def _bar(total: int, done: int, progress: bool):
    from tqdm import tqdm

    return tqdm(
        total=total,
        initial=done,
        desc="Partitions",
        unit="part",
        file=sys.stderr,
        disable=not progress,
    )
