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
import subprocess
import sys
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
    parser.add_argument(
        "--server",
        action="store_true",
        help="serve the Milvus Lite file from a separate process, as a cluster would be: the "
        "app processes connect over gRPC instead of starting the engine themselves",
    )
    parser.add_argument("--out", default="backend")
    args = parser.parse_args(argv)
    from index import store
    from index.backends import BackendConfig, publish
    from index.backends.milvus import close_all

    work = Path(tempfile.mkdtemp(prefix="verif-backend-"))
    engine = None
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
        uri = config.uri or ""
        if args.server and args.backend == "milvus" and not args.uri:
            engine, uri = start_server(uri)
        os.environ.update(
            VERIF_BACKEND=args.backend,
            VERIF_BACKEND_URI=uri,
            VERIF_CORPUS_DIR=str(ROOT / "data" / "articles"),
        )
        result = {
            "backend": args.backend,
            "engine": "separate process (gRPC)" if uri.startswith("http") else "in process",
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
        if engine is not None:
            engine.terminate()
            engine.wait()
        shutil.rmtree(work, ignore_errors=True)


def start_server(path: str) -> tuple[subprocess.Popen, str]:
    """Milvus Lite serving ``path`` from its own process; its gRPC address."""
    code = (
        "import sys, time\n"
        "from milvus_lite.server_manager import server_manager_instance as manager\n"
        "print(manager.start_and_get_uri(sys.argv[1]), flush=True)\n"
        "while True: time.sleep(3600)\n"
    )
    engine = subprocess.Popen([sys.executable, "-c", code, path], stdout=subprocess.PIPE, text=True)
    uri = engine.stdout.readline().strip()
    if not uri.startswith("http"):
        engine.terminate()
        raise SystemExit(f"Milvus Lite did not start: {uri!r}")
    return engine, uri


if __name__ == "__main__":
    main()
