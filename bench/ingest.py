"""Ingestion throughput of the build job (index/ingest.py) with 1 and 2 workers.

    nice -n 10 python -m bench.ingest [--articles 48] [--workers 1,2] [--ray]

Each run builds the same distractor corpus (bench/distractors.py) from scratch in a temporary
folder with ``run_job`` and reports passages (chunks + sentences) embedded per second, wall
clock included: reading, cleaning, chunking, embedding, analysis, merge and write.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
from pathlib import Path

from bench.common import write
from bench.distractors import write_articles


def main(argv: list[str] | None = None) -> None:
    from index.ingest import run_job
    from index.settings import Settings

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=48)
    parser.add_argument("--workers", default="1,2")
    parser.add_argument("--partition-size", type=int, default=4)
    parser.add_argument("--ray", action="store_true", help="run the tasks on a local Ray")
    parser.add_argument("--out", default="ingest")
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="verif-ingest-"))
    runs = []
    try:
        corpus = work / "corpus"
        write_articles(corpus, 0, args.articles)
        for workers in (int(w) for w in args.workers.split(",")):
            index_dir = work / f"index-{workers}"
            settings = Settings(corpus, work / "no-user", index_dir, "e5")
            report = run_job(
                settings,
                workers=workers,
                use_ray=args.ray,
                partition_size=args.partition_size,
                progress=False,
            )
            runs.append(
                {
                    "workers": workers,
                    "runner": "ray" if args.ray else "processes",
                    "articles": len(report.index.articles),
                    "chunks": len(report.index.chunks),
                    "passages_embedded": report.passages_embedded,
                    "seconds": round(report.seconds, 1),
                    "passages_per_s": round(report.passages_per_second, 1),
                }
            )
            print(runs[-1], flush=True)
            shutil.rmtree(index_dir, ignore_errors=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    write(args.out, {"runs": runs})


if __name__ == "__main__":
    main()
