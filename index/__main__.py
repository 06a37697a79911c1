"""``python -m index build | add FILE… | list | remove ID | info | clean FILE``: manage the
corpus and its index."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from index import store
from index.corpus import (
    add_articles,
    article_files,
    corpus_checksum,
    list_articles,
    load_article,
    remove_article,
)
from index.errors import VerifError
from index.ingest import PARTITION_SIZE, run_job
from index.settings import load_settings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m index",
        description="Manage the corpus and its index: build it, add, list or remove articles, "
        "describe it, or show what cleaning keeps in a file.",
        formatter_class=argparse.ArgumentDefaultsHelpFormatter,
    )
    commands = parser.add_subparsers(dest="command", required=True)
    build = commands.add_parser(
        "build", help="build the index from scratch, as a resumable job (index/ingest.py)"
    )
    build.add_argument("--workers", type=int, default=1, help="partitions embedded at once")
    build.add_argument(
        "--ray",
        nargs="?",
        const="local",
        metavar="ADDRESS",
        help="run the partitions as Ray tasks: a cluster address (auto, ray://host:10001) "
        "or nothing for a local Ray instance",
    )
    build.add_argument(
        "--partition-size", type=int, default=PARTITION_SIZE, help="articles per partition"
    )
    build.add_argument("--quiet", action="store_true", help="no progress bar")
    add = commands.add_parser("add", help="add article files (.txt, .md, .html) to the corpus")
    add.add_argument("files", nargs="+", type=Path)
    commands.add_parser("list", help="list the articles: bundled or added (by whom, when)")
    remove = commands.add_parser("remove", help="remove an added article by its id")
    remove.add_argument("id")
    commands.add_parser("info", help="describe the index on disk")
    show = commands.add_parser("clean", help="show what cleaning keeps and drops in a file")
    show.add_argument("file", type=Path)
    show.add_argument("--json", action="store_true", help="print the cleaned article as JSON")
    args = parser.parse_args(argv)
    settings = load_settings()
    try:
        if args.command == "build":
            report = run_job(
                settings,
                workers=max(1, args.workers),
                use_ray=args.ray is not None,
                ray_address=None if args.ray in (None, "local") else args.ray,
                partition_size=max(1, args.partition_size),
                progress=not args.quiet,
            )
            index = report.index
            resumed = f", {report.resumed} resumed from an earlier run" if report.resumed else ""
            print(
                f"Built {len(index.chunks)} chunks, {len(index.sentences)} sentences from "
                f"{len(index.articles)} articles in {report.seconds:.1f} s ({report.partitions} "
                f"partitions{resumed}; {report.passages_embedded} passages embedded, "
                f"{report.passages_per_second:.1f}/s) -> {settings.index_dir}"
            )
        elif args.command == "add":
            articles, index = add_articles(args.files, settings)
            for article in articles:
                print(f"Added {article.id!r} ({article.title}): {_dropped_summary(article)}")
                for dropped in article.dropped:
                    print(f"  dropped ({dropped.reason}): {_preview(dropped.text)}")
            print(
                f"The index now holds {len(index.articles)} articles, {len(index.chunks)} chunks."
            )
        elif args.command == "list":
            for article in list_articles(settings):
                origin = (
                    f"added by {article.added_by} on {article.added_at}"
                    if article.origin == "added"
                    else "bundled"
                )
                print(f"{article.id}\t{origin}\t{article.title}")
        elif args.command == "remove":
            index = remove_article(args.id, settings)
            print(f"Removed {args.id!r}; the index now holds {len(index.articles)} articles.")
        elif args.command == "info":
            _print_info(settings)
        elif args.command == "clean":
            article = load_article(args.file)
            if args.json:
                print(json.dumps(article.to_dict(), ensure_ascii=False, indent=2))
            else:
                print(f"{article.title} [{article.language}, {article.published or 'no date'}]")
                print(article.text)
                for dropped in article.dropped:
                    print(f"-- dropped ({dropped.reason}): {_preview(dropped.text)}")
    except VerifError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    return 0


def _print_info(settings) -> None:
    manifest = store.read_manifest(settings.index_dir)
    size = sum((settings.index_dir / f["name"]).stat().st_size for f in manifest["files"].values())
    files = article_files(settings)
    fresh = corpus_checksum(files, manifest["embedder"]["name"]) == manifest["corpus_checksum"]
    index = store.load(settings.index_dir)
    print(f"Index: {settings.index_dir} (format {manifest['format_version']}, {size:,} bytes)")
    print(f"Embedder: {manifest['embedder']['name']} ({manifest['embedder']['dimension']} dims)")
    backend = manifest.get("backend", {"kind": "faiss"})
    if backend["kind"] == "faiss":
        print(f"Search backend: FAISS ({type(index.chunk_vectors).__name__})")
    else:
        print(f"Search backend: {backend['kind']} at {backend['uri']} ({backend['collection']})")
    counts = manifest["counts"]
    print(
        f"{counts['articles']} articles, {counts['chunks']} chunks, {counts['sentences']} sentences"
    )
    print(
        "Up to date with the article files."
        if fresh
        else "Out of date: run `python -m index build`."
    )
    for article in index.articles.values():
        print(
            f"- {article.id}: {article.title} [{article.language}, "
            f"{article.published or 'no date'}] {_dropped_summary(article)}"
        )


def _dropped_summary(article) -> str:
    return f"{len(article.text):,} characters kept, {len(article.dropped)} blocks dropped"


def _preview(text: str, width: int = 90) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


if __name__ == "__main__":
    sys.exit(main())
