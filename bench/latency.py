"""Warm ask() latency over the gold questions, beside the LangChain-tutorial pipeline, and
cold start (new process -> first answer, index on disk) for both.

    python bench/latency.py [--rounds 3] [--cold 3]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time

from common import ROOT, gold_questions, summary_ms, write

OURS_COLD = "from bot import ask; ask('Pourquoi Amazon a-t-il arrêté d’héberger Parler ?')"
TUTORIAL_COLD = (
    "from bot.eval.baseline import TutorialPipeline;"
    "from index.corpus import article_files; from index.settings import load_settings;"
    "TutorialPipeline(article_files(load_settings()))"
    ".search('Why did Amazon stop hosting Parler?', 3)"
)


def cold(code: str, runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True, capture_output=True)
        times.append(time.perf_counter() - started)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--cold", type=int, default=3)
    args = parser.parse_args()

    from bot import ask
    from bot.eval.baseline import TutorialPipeline
    from index.corpus import article_files, ensure_index
    from index.settings import load_settings

    ensure_index(progress=False)
    tutorial = TutorialPipeline(article_files(load_settings()))
    questions = gold_questions()
    ask(questions[0])
    tutorial.search(questions[0], 3)  # both warm
    ours, theirs = [], []
    for _ in range(args.rounds):
        for question in questions:  # alternating, so both see the same machine load
            started = time.perf_counter()
            ask(question)
            ours.append(time.perf_counter() - started)
            started = time.perf_counter()
            tutorial.search(question, 3)
            theirs.append(time.perf_counter() - started)
    ours_cold, theirs_cold = cold(OURS_COLD, args.cold), cold(TUTORIAL_COLD, args.cold)
    result = {
        "questions": len(questions),
        "rounds": args.rounds,
        "warm_ask": summary_ms(ours),
        "warm_tutorial_retrieval": summary_ms(theirs),
        "p50_ratio_ours_over_tutorial": round(
            statistics.median(ours) / statistics.median(theirs), 2
        ),
        "cold_start_ours_s": round(statistics.median(ours_cold), 2),
        "cold_start_tutorial_s": round(statistics.median(theirs_cold), 2),
    }
    for key, value in result.items():
        print(f"{key:34} {value}")
    write("latency", result)


if __name__ == "__main__":
    main()
