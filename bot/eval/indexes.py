"""Indexes for evaluation sets, built by the real indexer and cached by corpus checksum.

Each set's articles are indexed on their own with ``index.corpus.ensure_index`` (the settings
pointed at the set's folder), in a cache folder named by the corpus checksum, so a rerun loads
in a second and a changed article gets a new index. The cache lives outside the checkout by
default (``$VERIF_BENCHMARK_CACHE``, else ``$XDG_CACHE_HOME/verif/benchmark``), so CI's fresh
clones and the floor test reuse it.

``combined_corpus`` puts the articles of several sets in one folder, each file renamed
``<set>--<file>`` so that ids never clash, to measure distraction across topics.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
from pathlib import Path

from index.corpus import article_files, article_id, corpus_checksum, ensure_index
from index.embed import shared_embedder
from index.settings import Settings
from index.store import CorpusIndex

NO_USER_DIR = "no-user-articles"  # never created: the set's folder is the whole corpus


def cache_root() -> Path:
    configured = os.environ.get("VERIF_BENCHMARK_CACHE")
    if configured:
        return Path(configured)
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "verif" / "benchmark"


def corpus_settings(corpus: Path, index_dir: Path, embedder: str = "e5") -> Settings:
    return Settings(
        corpus_dir=corpus,
        user_dir=index_dir / NO_USER_DIR,
        index_dir=index_dir,
        embedder=embedder,
    )


def corpus_files(corpus: Path) -> list[Path]:
    """The article files the indexer would read in ``corpus``."""
    return article_files(corpus_settings(corpus, corpus / NO_USER_DIR))


def cached_index(
    corpus: Path, cache: Path | None = None, embedder: str = "e5"
) -> tuple[CorpusIndex, bool]:
    """The index of ``corpus`` (built on first use) and whether it came from the cache."""
    cache = cache or cache_root()
    checksum = corpus_checksum(corpus_files(corpus), shared_embedder(embedder).name)
    folder = cache / f"index-{checksum[:20]}"
    # Building an index into an empty cache folder is expected here, not a warning.
    quiet = logging.getLogger("index.corpus")
    level = quiet.level
    quiet.setLevel(logging.ERROR)
    try:
        status = ensure_index(corpus_settings(corpus, folder, embedder), progress=False)
    finally:
        quiet.setLevel(level)
    return status.index, status.action == "loaded"


def combined_corpus(
    corpora: dict[str, Path], cache: Path | None = None
) -> tuple[Path, dict[tuple[str, str], str]]:
    """One folder holding the articles of every corpus, and the map (set id, article id) ->
    article id in that folder. Files are copied, renamed ``<set>--<file>``; a sidecar's own
    "id" is dropped so that the new file name gives the id."""
    cache = cache or cache_root()
    digest = hashlib.sha256()
    for name, corpus in sorted(corpora.items()):
        digest.update(name.encode() + b"\0" + corpus_checksum(corpus_files(corpus), "").encode())
    folder = cache / f"combined-articles-{digest.hexdigest()[:16]}"
    ids: dict[tuple[str, str], str] = {}
    staged = folder.with_name(folder.name + ".tmp")
    build = not folder.is_dir()
    if build:
        shutil.rmtree(staged, ignore_errors=True)
        staged.mkdir(parents=True)
    for name, corpus in sorted(corpora.items()):
        for path in corpus_files(corpus):
            sidecar = path.with_name(path.stem + ".meta.json")
            meta = json.loads(sidecar.read_text(encoding="utf-8")) if sidecar.is_file() else {}
            renamed = Path(f"{name}--{path.name}")
            ids[(name, meta.get("id") or article_id(path))] = article_id(renamed)
            if build:
                shutil.copyfile(path, staged / renamed)
                if sidecar.is_file():
                    meta.pop("id", None)
                    target = staged / f"{renamed.stem}.meta.json"
                    target.write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
    if build:
        try:
            staged.rename(folder)
        except OSError:  # another run made it first: theirs is the same
            shutil.rmtree(staged, ignore_errors=True)
    return folder, ids
