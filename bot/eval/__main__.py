"""Score Vérif against gold items and write a report.

  python -m bot.eval [--gold FILE] [--corpus DIR]      one gold set (default: the seed tuning
                                                       set over the configured corpus)
  python -m bot.eval --benchmark [--split dev|test|all] [--stories a,b] [--seeds]
                                                       the benchmark stories of data/benchmark

Exits 1 when the evaluation itself fails (bad gold file, broken index), 2 when --check-floor
finds a figure below the recorded floor, never because scores are low.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path
from typing import Any

from bot.eval.gold import DEFAULT_GOLD, GoldError
from index.errors import VerifError
from index.settings import ROOT


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m bot.eval",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--gold",
        type=Path,
        default=None,
        help=f"gold JSON Lines file (default: {DEFAULT_GOLD})",
        metavar="FILE",
    )
    parser.add_argument(
        "--corpus",
        type=Path,
        default=None,
        help="folder of article files to index and score --gold against "
        "(default: the configured corpus)",
        metavar="DIR",
    )
    parser.add_argument(
        "--benchmark", action="store_true", help="run the benchmark stories of data/benchmark"
    )
    parser.add_argument(
        "--split",
        choices=("dev", "test", "all"),
        default="all",
        help="benchmark stories to run (default: all)",
    )
    parser.add_argument(
        "--stories",
        default=None,
        help="comma-separated story ids (default: every story)",
        metavar="IDS",
    )
    parser.add_argument(
        "--stories-dir",
        type=Path,
        default=None,
        help="folder of benchmark stories (default: data/benchmark)",
        metavar="DIR",
    )
    parser.add_argument(
        "--floor",
        type=Path,
        default=None,
        help="floor file for --write-floor and --check-floor (default: data/benchmark/floor.json)",
        metavar="FILE",
    )
    parser.add_argument(
        "--seeds", action="store_true", help="add the two seed gold sets to the benchmark"
    )
    parser.add_argument(
        "--no-combined",
        action="store_true",
        help="skip the second figure (all stories in one index)",
    )
    parser.add_argument("--no-baseline", action="store_true", help="skip the tutorial pipeline")
    parser.add_argument(
        "--cache",
        type=Path,
        default=None,
        help="folder for cached indexes (default: $VERIF_BENCHMARK_CACHE or "
        "~/.cache/verif/benchmark)",
        metavar="DIR",
    )
    parser.add_argument(
        "--write-floor",
        action="store_true",
        help="record the dev stories' figures, less a margin, in data/benchmark/floor.json "
        "(the stories it was measured on, unless --stories names others)",
    )
    parser.add_argument(
        "--check-floor",
        action="store_true",
        help="exit 2 when a dev figure is below data/benchmark/floor.json",
    )
    parser.add_argument(
        "--update-readme",
        action="store_true",
        help="write the run's tables into README.md's generated benchmark block",
    )
    parser.add_argument(
        "--out",
        type=Path,
        default=None,
        help="report folder (default: reports/eval, or reports/benchmark with --benchmark)",
        metavar="DIR",
    )
    parser.add_argument(
        "--rules-off",
        default=None,
        help="comma-separated judge rules to switch off, to measure what each adds "
        "(sets VERIF_RULES_OFF; rules are listed in bot/judge/rules)",
        metavar="RULES",
    )
    parser.add_argument(
        "--nli",
        default=None,
        help="an entailment (NLI) cross-encoder, by name or local folder, to check the "
        "verdicts with (sets VERIF_NLI_MODEL; see bot/judge/entailment.py)",
        metavar="MODEL",
    )
    parser.add_argument(
        "--k", type=int, default=5, help="passages retrieved per item (default 5)", metavar="N"
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.rules_off is not None:
            from bot.judge.rules import switched_off

            os.environ["VERIF_RULES_OFF"] = args.rules_off
            switched_off()  # an unknown name is an error now, not a crash in every item
        if args.nli is not None:
            from bot.judge.entailment import ENV, configured_entailer

            os.environ[ENV] = args.nli
            configured_entailer()  # a model that cannot load is one error, now
        if args.benchmark:
            return _benchmark(args)
        if args.corpus is not None:
            return _own_corpus(args)
        return _configured_corpus(args)
    except (GoldError, VerifError, OSError) as err:
        print(f"error: {err}", file=sys.stderr)
        return 1


def _settings(args: argparse.Namespace) -> dict[str, Any]:
    return {"k": args.k, "embedder": "e5", "split": args.split, **_departures()}


def _departures() -> dict[str, str]:
    """What the run changed in the system, for its report: a verdict checked by an
    entailment model or with rules switched off is not the default system's figure."""
    named = {"nli": "VERIF_NLI_MODEL", "rules_off": "VERIF_RULES_OFF"}
    return {key: os.environ[var] for key, var in named.items() if os.environ.get(var)}


def _stories_to_run(args: argparse.Namespace, floor_file: Path) -> list[str] | None:
    """The stories named by --stories; else, to check or raise the floor, the ones it was
    measured on: a floor written over another set of stories would not be a tightening of
    the old one, and could be looser than it (None: every story of the split)."""
    if args.stories:
        return [s.strip() for s in args.stories.split(",") if s.strip()]
    if args.check_floor or args.write_floor:
        from bot.eval import floor

        recorded = floor.load_floor(floor_file)
        return recorded["stories"] if recorded else None
    return None


def _benchmark(args: argparse.Namespace) -> int:
    from bot.eval import floor
    from bot.eval.benchmark import run_benchmark
    from bot.eval.benchmark_report import (
        format_console,
        update_readme,
        write_benchmark_report,
    )
    from bot.eval.stories import BENCHMARK_DIR, select

    floor_file = args.floor or floor.FLOOR_FILE
    names = _stories_to_run(args, floor_file)
    sets = select(args.split, names, args.stories_dir or BENCHMARK_DIR, seeds=args.seeds)
    if not sets:
        raise GoldError(f"no benchmark stories for split {args.split!r} in data/benchmark")
    bench = run_benchmark(
        sets,
        k=args.k,
        baseline=not args.no_baseline,
        combined=not args.no_combined,
        cache=args.cache,
    )
    out = args.out or Path("reports/benchmark")
    write_benchmark_report(out, bench, _settings(args))
    print(format_console(bench))
    print(f"Report: {out / 'report.md'}")
    if args.update_readme:
        readme = ROOT / "README.md"
        update_readme(readme, (out / "table.md").read_text(encoding="utf-8"))
        print(f"Updated the benchmark tables in {readme}")
    status = 0
    if args.write_floor:
        if not floor.stories_of(bench):
            raise GoldError("--write-floor needs the dev stories in the run (--split dev)")
        written = floor.write_floor(bench, floor_file)
        print(f"Floor written to {floor_file}: {written['floors']} {written['ceilings']}")
    if args.check_floor:
        recorded = floor.load_floor(floor_file)
        problems = floor.violations(bench, recorded) if recorded else ["no floor recorded"]
        for problem in problems:
            print(f"floor: {problem}", file=sys.stderr)
        status = 2 if problems else 0
    return status


def _own_corpus(args: argparse.Namespace) -> int:
    """A user's own articles and gold items, indexed in the cache and scored like a story."""
    from bot.eval.benchmark import run_benchmark
    from bot.eval.report import format_summary, write_report
    from bot.eval.stories import EvalSet, is_sealed_gold

    gold = args.gold or DEFAULT_GOLD
    if not args.corpus.is_dir():
        raise GoldError(f"--corpus {args.corpus}: not a folder of articles")
    split = "test" if is_sealed_gold(gold) else "user"
    user_set = EvalSet(gold.stem, split, gold.stem, args.corpus, gold, "your gold set")
    bench = run_benchmark([user_set], args.k, not args.no_baseline, False, args.cache)
    run = bench.runs[0]
    if not run.valid:
        raise GoldError(f"{gold}: {run.problems} evidence quotes are not at their spans")
    meta = _meta(gold, len(run.results), args.k, "e5", f"corpus {args.corpus}")
    out = args.out or Path("reports/eval")
    write_report(out, run.scores, run.results, meta, per_item=not user_set.sealed)
    print(format_summary(run.scores))
    print(f"Report: {out / 'report.md'}")
    return 0


def _configured_corpus(args: argparse.Namespace) -> int:
    from tqdm import tqdm

    from bot import ask
    from bot.engine import shared_engine
    from bot.eval.gold import check_against, load_gold
    from bot.eval.report import format_summary, write_report
    from bot.eval.run import run_item, score_groups
    from bot.eval.stories import is_sealed_gold
    from index.corpus import article_files
    from index.settings import load_settings

    gold = args.gold or DEFAULT_GOLD
    sealed = is_sealed_gold(gold)
    items = load_gold(gold)
    engine = shared_engine()
    problems = check_against(items, engine.index.articles)
    if problems:
        raise GoldError(f"{len(problems)} evidence problems" if sealed else "; ".join(problems[:5]))
    baseline = None
    if not args.no_baseline:
        from bot.eval.baseline import TutorialPipeline

        baseline = TutorialPipeline(article_files(load_settings()))
    if items:  # load the models before timing
        ask(items[0].question, k=args.k)
    results = [
        run_item(item, lambda q: ask(q, k=args.k), baseline, args.k)
        for item in tqdm(items, desc="Evaluating", unit="item", file=sys.stderr)
    ]
    scores = score_groups(results)
    out = args.out or Path("reports/eval")
    meta = _meta(gold, len(items), args.k, engine.index.embedder)
    write_report(out, scores, results, meta, per_item=not sealed)
    print(format_summary(scores))
    print(f"Report: {out / 'report.md'}")
    return 0


def _meta(gold: Path, items: int, k: int, embedder: str, corpus: str = "") -> dict:
    return {
        "gold": f"{gold}{f', {corpus}' if corpus else ''}",
        "items": items,
        "k": k,
        "embedder": embedder,
        "date": time.strftime("%Y-%m-%d %H:%M"),
        **_departures(),
    }


if __name__ == "__main__":
    sys.exit(main())
