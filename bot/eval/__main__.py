"""``python -m bot.eval [--gold FILE] [--out DIR] [--k N]``: score ask() on a gold set.

Exits non-zero only when the evaluation itself fails (bad gold file, broken index), never
because scores are low.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from bot.eval.gold import DEFAULT_GOLD, GoldError, check_against, load_gold
from bot.eval.report import format_summary, write_report
from bot.eval.run import run_item, score_groups
from index.errors import VerifError


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.eval", description=__doc__)
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD, help="gold JSON Lines file")
    parser.add_argument("--out", type=Path, default=Path("reports/eval"), help="report folder")
    parser.add_argument("--k", type=int, default=5, help="passages retrieved per item")
    parser.add_argument("--no-baseline", action="store_true", help="skip the tutorial pipeline")
    args = parser.parse_args(argv)
    try:
        from tqdm import tqdm

        from bot import ask
        from bot.engine import shared_engine
        from index.corpus import article_files
        from index.settings import load_settings

        items = load_gold(args.gold)
        engine = shared_engine()
        problems = check_against(items, engine.index.articles)
        if problems:
            raise GoldError("; ".join(problems[:5]))
        baseline = None
        if not args.no_baseline:
            from bot.eval.baseline import TutorialPipeline

            baseline = TutorialPipeline(article_files(load_settings()))
        results = [
            run_item(item, lambda q: ask(q, k=args.k), baseline, args.k)
            for item in tqdm(items, desc="Evaluating", unit="item", file=sys.stderr)
        ]
    except (GoldError, VerifError, OSError) as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    scores = score_groups(results)
    meta = {
        "gold": str(args.gold),
        "items": len(items),
        "k": args.k,
        "embedder": engine.index.embedder,
        "date": time.strftime("%Y-%m-%d %H:%M"),
    }
    write_report(args.out, scores, results, meta)
    print(format_summary(scores))
    print(f"Report: {args.out / 'report.md'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
