"""The benchmark: every evaluation set indexed on its own, then all stories in one index.

Per set: build (or load from the cache) the index of its articles, check the gold spans against
it, answer every item with a warm engine (the first, model-loading question is not timed), and
score. The per-set figures are macro-averaged by split (test, dev, seed). The second figure puts
every selected story in one index and asks each story's items again: what other topics'
articles cost (distraction).
"""

from __future__ import annotations

import contextlib
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bot.eval.gold import GoldEvidence, GoldItem, check_against
from bot.eval.indexes import cached_index, combined_corpus, corpus_files
from bot.eval.report import get
from bot.eval.run import ItemResult, run_item, score, score_groups
from bot.eval.stories import SPLITS, EvalSet

# The headline figures: (key, label, path in score(), path of the tutorial's figure, better).
HEADLINE: list[tuple[str, str, tuple[str, ...], tuple[str, ...] | None, str]] = [
    ("verdict_accuracy", "Claim verdict accuracy", ("claims", "accuracy"), None, "higher"),
    (
        "confidently_wrong_rate",
        "Confidently wrong verdicts (share of claims)",
        ("claims", "confidently_wrong_rate"),
        None,
        "lower",
    ),
    ("abstention_precision", "Abstention precision", ("abstention", "precision"), None, "higher"),
    ("abstention_recall", "Abstention recall", ("abstention", "recall"), None, "higher"),
    (
        "hedge_rate",
        "Hedge rate (answers framed 'only partly')",
        ("hedging", "rate"),
        None,
        "lower",
    ),
    (
        "evidence_recall@3",
        "Evidence recall@3",
        ("retrieval", "recall@3"),
        ("baseline", "recall@3"),
        "higher",
    ),
    (
        "citation_precision",
        "Citation precision",
        ("citations", "precision"),
        ("baseline", "citation_precision"),
        "higher",
    ),
    (
        "contains_answer",
        "Answer contains a gold answer",
        ("answers", "contains_answer"),
        None,
        "higher",
    ),
    ("fever_score", "FEVER score", ("claims", "fever_score"), None, "higher"),
    ("errors", "Items that crashed (count)", ("errors",), None, "lower"),
    ("latency_p50_ms", "Latency p50 (ms)", ("latency_ms", "p50"), None, "lower"),
    ("latency_p95_ms", "Latency p95 (ms)", ("latency_ms", "p95"), None, "lower"),
]


@dataclass
class SetRun:
    """One evaluation set's results, on its own index and (optionally) on the combined one."""

    set: EvalSet
    results: list[ItemResult] = field(default_factory=list)
    scores: dict[str, Any] = field(default_factory=dict)  # score_groups()
    combined: dict[str, Any] | None = None  # score() of the same items in the combined index
    problems: int = 0  # gold items whose quote is not at its span: the set is not scored
    cached: bool = False
    index_seconds: float = 0.0
    answer_seconds: float = 0.0

    @property
    def valid(self) -> bool:
        return not self.problems and bool(self.results)


@dataclass
class Benchmark:
    runs: list[SetRun]
    k: int
    seconds: float
    combined_seconds: float = 0.0

    def splits(self) -> list[str]:
        present = {r.set.split for r in self.runs}
        return [s for s in (*SPLITS, "user") if s in present]

    def macro(self, split: str, combined: bool = False) -> dict[str, float | None]:
        """Headline figures averaged over the split's sets (each set counts once)."""
        runs = [r for r in self.runs if r.set.split == split and r.valid]
        groups = [r.combined for r in runs] if combined else [r.scores["overall"] for r in runs]
        return macro_average([g for g in groups if g is not None])


def headline(scores: dict[str, Any]) -> dict[str, float | None]:
    """The headline figures of one score() dict, Vérif's and (``tutorial:`` keys) the
    tutorial pipeline's, plus the raw count of confidently wrong verdicts."""
    out: dict[str, float | None] = {}
    for key, _, path, base, _ in HEADLINE:
        out[key] = get(scores, path)
        if base is not None:
            out[f"tutorial:{key}"] = get(scores, base)
    out["confidently_wrong"] = get(scores, ("claims", "confidently_wrong"))
    out["claims"] = get(scores, ("claims", "n"))
    out["items"] = scores.get("items")
    return out


def macro_average(groups: Sequence[dict[str, Any]]) -> dict[str, float | None]:
    """Mean of each headline figure over the groups where it is defined; counts are summed."""
    rows = [headline(g) for g in groups]
    out: dict[str, float | None] = {"sets": len(rows)}
    keys = dict.fromkeys(k for row in rows for k in row)
    for key in keys:
        values = [row[key] for row in rows if row.get(key) is not None]
        if key in ("confidently_wrong", "claims", "items", "errors"):
            out[key] = sum(values)
        else:
            out[key] = sum(values) / len(values) if values else None
    return out


def _warm(engine) -> None:
    """Load the models before timing (the first question and claim of a process pay for it)."""
    for text in ("Quand est-ce arrivé ?", "It happened on 12 March 2024."):
        # A crashing pipeline is counted item by item, not here.
        with contextlib.suppress(Exception):
            engine.ask(text)


def run_set(
    eval_set: EvalSet,
    k: int = 5,
    baseline: bool = True,
    cache: Path | None = None,
    progress: bool = True,
) -> SetRun:
    from bot.engine import Engine

    run = SetRun(eval_set)
    started = time.perf_counter()
    index, run.cached = cached_index(eval_set.corpus, cache)
    items = eval_set.items()
    problems = check_against(items, index.articles)
    run.index_seconds = time.perf_counter() - started
    if problems:
        run.problems = len(problems)
        if not eval_set.sealed:  # a sealed set's quotes are never printed
            for problem in problems[:5]:
                print(f"{eval_set.id}: {problem}", file=sys.stderr)
        print(
            f"{eval_set.id}: {len(problems)} gold evidence problems; set not scored",
            file=sys.stderr,
        )
        return run
    engine = Engine(index)
    _warm(engine)
    tutorial = None
    if baseline:
        from bot.eval.baseline import TutorialPipeline

        tutorial = TutorialPipeline(corpus_files(eval_set.corpus))
    started = time.perf_counter()
    run.results = _answer_all(items, engine, tutorial, k, eval_set.id, progress)
    run.answer_seconds = time.perf_counter() - started
    run.scores = score_groups(run.results)
    return run


def _answer_all(
    items: list[GoldItem], engine, tutorial, k: int, name: str, progress: bool
) -> list[ItemResult]:
    ask: Callable = lambda q: engine.ask(q, k=k)  # noqa: E731
    iterable: Any = items
    if progress:
        from tqdm import tqdm

        iterable = tqdm(items, desc=name, unit="item", file=sys.stderr, leave=False)
    return [run_item(item, ask, tutorial, k) for item in iterable]


def run_combined(
    runs: list[SetRun],
    k: int = 5,
    cache: Path | None = None,
    progress: bool = True,
    baseline: bool = False,
) -> float:
    """Ask every story's items again in one index of all the stories' articles; fills
    ``SetRun.combined``. Returns the seconds it took."""
    from bot.engine import Engine

    started = time.perf_counter()
    stories = [r for r in runs if r.valid and r.set.split != "seed"]
    if len(stories) < 2:
        return 0.0
    folder, ids = combined_corpus({r.set.id: r.set.corpus for r in stories}, cache)
    index, _ = cached_index(folder, cache)
    engine = Engine(index)
    _warm(engine)
    tutorial = None
    if baseline:
        from bot.eval.baseline import TutorialPipeline

        tutorial = TutorialPipeline(corpus_files(folder))
    for run in stories:
        items = [_renamed(item, run.set.id, ids) for item in run.set.items()]
        name = f"{run.set.id} (all stories)"
        results = _answer_all(items, engine, tutorial, k, name, progress)
        run.combined = score(results)
    return time.perf_counter() - started


def _renamed(item: GoldItem, set_id: str, ids: dict[tuple[str, str], str]) -> GoldItem:
    evidence = tuple(
        GoldEvidence(ids[(set_id, e.doc_id)], e.quote, e.start, e.end) for e in item.evidence
    )
    return GoldItem(**{**item.__dict__, "evidence": evidence})


def run_benchmark(
    sets: list[EvalSet],
    k: int = 5,
    baseline: bool = True,
    combined: bool = True,
    cache: Path | None = None,
    progress: bool = True,
) -> Benchmark:
    started = time.perf_counter()
    runs = [run_set(s, k, baseline, cache, progress) for s in sets]
    combined_seconds = run_combined(runs, k, cache, progress, baseline) if combined else 0.0
    return Benchmark(runs, k, time.perf_counter() - started, combined_seconds)
