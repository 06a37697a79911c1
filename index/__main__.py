"""``python -m index build | add FILE… | info | clean FILE``: manage the corpus and its index."""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from index import store
from index.corpus import add_articles, article_files, corpus_checksum, load_article, rebuild
from index.errors import VerifError
from index.settings import load_settings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m index", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("build", help="build the index from scratch")
    add = commands.add_parser("add", help="add article files (.txt, .md, .html) to the corpus")
    add.add_argument("files", nargs="+", type=Path)
    commands.add_parser("info", help="describe the index on disk")
    show = commands.add_parser("clean", help="show what cleaning keeps and drops in a file")
    show.add_argument("file", type=Path)
    show.add_argument("--json", action="store_true", help="print the cleaned article as JSON")
    args = parser.parse_args(argv)
    settings = load_settings()
    try:
        if args.command == "build":
            started = time.perf_counter()
            index = rebuild(settings)
            print(
                f"Built {len(index.chunks)} chunks, {len(index.sentences)} sentences from "
                f"{len(index.articles)} articles in {time.perf_counter() - started:.1f} s "
                f"-> {settings.index_dir}"
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
    print(f"Vector index: {type(index.chunk_vectors).__name__}")
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
