"""Upload and answer timings around a large upload: ``python -m bench.upload``.

Issue 16 found a 1.95 MB upload taking 522 s to index and questions waiting 125-160 s
behind it. This measures, on a private copy of the bundled corpus, what the app's upload
path (``index.upload_worker.add_upload_isolated``, a child process) now does with: a ~2 MB
text file (refused by the text limit), a ~2 MB HTML page whose article text is small
(accepted), and the largest text accepted (``MAX_UPLOAD_CHARS``); and how long questions
take, asked one after another without pause, while that largest upload is indexed.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PARAGRAPH = (
    "Le conseil municipal de {n} a voté mardi un budget de {m} millions d'euros pour rénover "
    "les écoles, après un débat de six heures sur la dette de la ville et les impôts locaux."
)
QUESTIONS = [
    "Pourquoi Amazon a-t-il arrêté d’héberger Parler ?",
    "Why did Amazon stop hosting Parler?",
    "Twitter's stock rose 6% on Monday",
]


def text_of(chars: int, seed: int) -> str:
    paragraphs, n = [f"Budget municipal {seed}"], 0
    while sum(len(p) + 2 for p in paragraphs) < chars:
        paragraphs.append(PARAGRAPH.format(n=f"la commune {seed}-{n}", m=n % 97 + 1))
        n += 1
    return "\n\n".join(paragraphs)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.parse_args(argv)
    scratch = Path(tempfile.mkdtemp(prefix="verif-upload-bench-"))
    os.environ.update(
        VERIF_CORPUS_DIR=str(ROOT / "data" / "articles"),
        VERIF_USER_DIR=str(scratch / "user_articles"),
        VERIF_INDEX_DIR=str(scratch / "index"),
    )
    from bot import ask
    from bot.engine import publish, shared_engine, updating
    from index.corpus import MAX_UPLOAD_CHARS, ensure_index
    from index.errors import ArticleError
    from index.upload_worker import add_upload_isolated

    def add_upload(path: Path, added_by: str):  # as the app does it
        with updating():
            result = add_upload_isolated(path, added_by=added_by)
            publish(result.index)
        return result

    ensure_index(progress=False)
    shared_engine()
    for question in QUESTIONS:
        ask(question)

    big_text = scratch / "two-megabytes.txt"
    big_text.write_text(text_of(1_900_000, 1), encoding="utf-8")
    started = time.perf_counter()
    try:
        add_upload(big_text, "bench")
        outcome = "accepted"
    except ArticleError:
        outcome = "refused"
    print(
        f"{big_text.stat().st_size / 1e6:.2f} MB text file: {outcome} in "
        f"{time.perf_counter() - started:.2f} s"
    )

    page = scratch / "two-megabytes.html"
    markup = "<div class='x'><span>menu</span></div>" * 45_000
    body = "".join(f"<p>{p}</p>" for p in text_of(6_000, 2).split("\n\n"))
    page.write_text(f"<html><body><nav>{markup}</nav><article>{body}</article></body></html>")
    result = add_upload(page, added_by="bench")
    print(
        f"{page.stat().st_size / 1e6:.2f} MB HTML page ({len(result.article.text):,} characters "
        f"of text): indexed in {result.seconds:.1f} s"
    )

    largest = scratch / "largest.txt"
    largest.write_text(text_of(MAX_UPLOAD_CHARS - 200, 3), encoding="utf-8")
    latencies: list[float] = []
    done = threading.Event()

    def asking() -> None:
        i = 0
        while not done.is_set():
            started = time.perf_counter()
            ask(QUESTIONS[i % len(QUESTIONS)])
            latencies.append(time.perf_counter() - started)
            i += 1

    asker = threading.Thread(target=asking)
    asker.start()
    result = add_upload(largest, added_by="bench")
    done.set()
    asker.join()
    print(
        f"largest accepted upload ({len(result.article.text):,} characters, "
        f"{largest.stat().st_size / 1e3:.0f} kB): indexed in {result.seconds:.1f} s"
    )
    print(
        f"{len(latencies)} questions during that upload: p50 "
        f"{statistics.median(latencies) * 1000:.0f} ms, max {max(latencies) * 1000:.0f} ms"
    )
    slow = sorted(latencies)[-5:]
    print("slowest:", ", ".join(f"{t * 1000:.0f} ms" for t in slow))
    started = time.perf_counter()
    ask(QUESTIONS[0])
    print(f"first question after the swap: {(time.perf_counter() - started) * 1000:.0f} ms")


if __name__ == "__main__":
    main()
