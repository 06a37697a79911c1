"""Warm latency over the gold questions: our whole ask() beside the LangChain-tutorial pipeline.

    python -m bench.latency [--rounds 3] [--k 5]

Both run in the same process, one question each in turn, so that both see the same machine
load (the cores are shared). The tutorial pipeline only retrieves (its answer would come from
an LLM), so it is compared both with our whole ask() and with our retrieval alone.
"""

from __future__ import annotations

import argparse
import statistics
import time

from bench.common import gold_questions, summary_ms, write


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=3, help="passes over the questions")
    parser.add_argument("--k", type=int, default=5)
    args = parser.parse_args(argv)

    from bot import ask
    from bot.engine import shared_engine
    from bot.eval.baseline import TutorialPipeline
    from bot.question import parse
    from index.corpus import article_files, ensure_index
    from index.settings import load_settings

    ensure_index(progress=False)
    started = time.perf_counter()
    tutorial = TutorialPipeline(article_files(load_settings()))
    tutorial_build = time.perf_counter() - started
    retriever = shared_engine().retriever
    questions, source = gold_questions()
    for question in questions[:3]:  # both warm: models loaded, caches filled
        ask(question, k=args.k)
        tutorial.search(question, args.k)

    timings: dict[str, list[float]] = {"ask": [], "retrieval": [], "tutorial": []}
    for _ in range(args.rounds):
        for question in questions:
            started = time.perf_counter()
            ask(question, k=args.k)
            timings["ask"].append(time.perf_counter() - started)
            started = time.perf_counter()
            tutorial.search(question, args.k)
            timings["tutorial"].append(time.perf_counter() - started)
            started = time.perf_counter()
            retriever.search(parse(question), args.k)
            timings["retrieval"].append(time.perf_counter() - started)

    median = {name: statistics.median(values) for name, values in timings.items()}
    result = {
        "questions": len(questions),
        "question_source": source,
        "rounds": args.rounds,
        "k": args.k,
        "ours_ask": summary_ms(timings["ask"]),
        "ours_retrieval_only": summary_ms(timings["retrieval"]),
        "tutorial_retrieval": summary_ms(timings["tutorial"]),
        "p50_ratio_ask_over_tutorial": round(median["ask"] / median["tutorial"], 2),
        "p50_ratio_retrieval_over_tutorial": round(median["retrieval"] / median["tutorial"], 2),
        "tutorial_index_build_s": round(tutorial_build, 2),
        "tutorial_chunks": len(tutorial.chunks),
    }
    print(f"{len(questions)} questions × {args.rounds} rounds ({source}), k={args.k}")
    for name in ("ours_ask", "ours_retrieval_only", "tutorial_retrieval"):
        figures = result[name]
        print(f"  {name:22} p50 {figures['p50_ms']:7.2f} ms   p95 {figures['p95_ms']:7.2f} ms")
    print(f"  ask / tutorial p50        {result['p50_ratio_ask_over_tutorial']}×")
    print(f"  retrieval / tutorial p50  {result['p50_ratio_retrieval_over_tutorial']}×")
    print(f"  tutorial index built in process: {result['tutorial_index_build_s']} s")
    write("latency", result)


if __name__ == "__main__":
    main()
