"""An index already built (e.g. by ``bench.scale --keep``) served by another search backend.

    nice -n 10 python -m bench.backend --index /tmp/verif-scale-…/synthetic-index [--backend milvus]

The index folder is copied (hard links), its vectors and terms are written to the backend
(timed: that is the engine's share of ingestion), then the same figures as bench/scale.py are
taken through it: a fresh process's first answer and memory, whole-ask() p50/p95 and the gold
scores.
"""

from __future__ import annotations

import argparse
import os
import shutil
import tempfile
import time
from pathlib import Path

from bench.common import folder_mb, write
from bench.scale import ROOT, print_corpus, serve


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--index", type=Path, required=True, help="a built index folder")
    parser.add_argument("--backend", default="milvus", choices=("faiss", "milvus"))
    parser.add_argument("--uri", help="engine address (default: a Milvus Lite file)")
    parser.add_argument("--out", default="backend")
    args = parser.parse_args(argv)
    from index import store
    from index.backends import BackendConfig, publish
    from index.backends.milvus import close_all

    work = Path(tempfile.mkdtemp(prefix="verif-backend-"))
    try:
        folder = work / "index"
        shutil.copytree(args.index, folder, copy_function=os.link)
        (folder / store.MANIFEST).unlink()
        shutil.copy(args.index / store.MANIFEST, folder / store.MANIFEST)  # rewritten below
        index = store.load(folder)
        started = time.perf_counter()
        config = BackendConfig(args.backend, args.uri or str(work / "milvus.db"), "verif_bench")
        record = publish(index, config)
        store.save(index, folder, backend=record)
        publish_s = time.perf_counter() - started
        close_all()
        del index
        os.environ.update(
            VERIF_BACKEND=args.backend,
            VERIF_BACKEND_URI=config.uri or "",
            VERIF_CORPUS_DIR=str(ROOT / "data" / "articles"),
        )
        result = {
            "backend": args.backend,
            "publish_s": round(publish_s, 1),
            "index_mb": folder_mb(folder),
            "engine_mb": folder_mb(Path(config.uri)) if Path(config.uri).is_dir() else None,
        }
        loaded = store.load(folder)
        result |= {"chunks": len(loaded.chunks), "sentences": len(loaded.sentences)}
        result["embedding"] = f"from {args.index.name}"
        del loaded
        result = serve(result, folder)
        print_corpus(result)
        print(f"          written to {args.backend} in {result['publish_s']} s")
        write(args.out, result)
    finally:
        from index.backends.milvus import close_all as close

        close()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
