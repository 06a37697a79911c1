"""The benchmark's report: macro-averages by split, each story, the all-stories index, timings.

Sealed test stories are reported in aggregate only: their per-set report, report.json and the
console never carry an item, a question, an answer or a per-item latency. Per-item detail is
written for dev stories, seed sets and a user's own gold set.
"""

from __future__ import annotations

import json
import re
import subprocess
import time
from pathlib import Path
from typing import Any

from bot.eval.benchmark import HEADLINE, Benchmark, SetRun, headline
from bot.eval.indexes import corpus_files
from bot.eval.report import departures, latency_chart, scores_chart, write_report

SPLIT_NAMES = {
    "test": "sealed test stories",
    "dev": "dev stories",
    "seed": "seed sets (tuned on)",
    "user": "your gold set",
}
# What the all-stories table compares (a subset of HEADLINE).
DISTRACTION_KEYS = [
    "verdict_accuracy",
    "confidently_wrong_rate",
    "abstention_precision",
    "abstention_recall",
    "hedge_rate",
    "evidence_recall@3",
    "citation_precision",
]
LABELS = {key: label for key, label, *_ in HEADLINE}
LOWER_IS_BETTER = {key for key, *_, better in HEADLINE if better == "lower"}


def write_benchmark_report(out: Path, bench: Benchmark, meta: dict[str, Any]) -> None:
    out.mkdir(parents=True, exist_ok=True)
    meta = {**meta, "commit": _commit(), "date": time.strftime("%Y-%m-%d %H:%M")}
    for run in bench.runs:
        if run.valid:
            set_meta = {
                "gold": run.set.id if run.set.sealed else str(run.set.gold),
                "items": len(run.results),
                "k": bench.k,
                "embedder": meta.get("embedder", "e5"),
                "date": meta["date"],
            }
            folder = out / "sets" / run.set.id
            write_report(folder, run.scores, run.results, set_meta, per_item=not run.set.sealed)
    payload = {
        "meta": meta,
        "seconds": _timings(bench),
        "macro": {
            split: {
                "own_index": bench.macro(split),
                "all_stories_index": bench.macro(split, combined=True),
            }
            for split in bench.splits()
        },
        "sets": [_set_record(run) for run in bench.runs],
    }
    text = json.dumps(payload, ensure_ascii=False, indent=2)
    (out / "report.json").write_text(text, encoding="utf-8")
    charts = _charts(out, bench)
    (out / "report.md").write_text(_markdown(bench, meta, charts), encoding="utf-8")
    (out / "table.md").write_text(readme_tables(bench, meta), encoding="utf-8")


def readme_tables(bench: Benchmark, meta: dict[str, Any]) -> str:
    """What the README's Evaluation section shows, as the run measured it."""
    timings = _timings(bench)
    cached = sum(r.cached for r in bench.runs)
    caption = (
        f"Run of {meta['date']} (commit `{meta['commit']}`, k = {bench.k}, a 2-core machine): "
        f"the whole benchmark took {timings['total']:.0f} s — indexes {timings['index']:.0f} s "
        f"({cached} of {len(bench.runs)} loaded from the cache), answering "
        f"{timings['answer']:.0f} s, all stories in one index "
        f"{timings['all_stories_index']:.0f} s."
    )
    tables = [caption, composition_table(bench), summary_table(bench)]
    tables.append("Each set on its own index (and in the all-stories index):")
    tables.append("\n".join(_per_set_table(bench, links=False)))
    if any(r.combined for r in bench.runs):
        tables.append("All stories in one index (distraction across topics), macro-averages:")
        tables.append(distraction_table(bench))
    return "\n\n".join(tables) + "\n"


README_START = "<!-- benchmark-table:start -->"
README_END = "<!-- benchmark-table:end -->"


def update_readme(readme: Path, tables: str) -> None:
    """Replace the generated block of the README (between its two markers) with ``tables``."""
    text = readme.read_text(encoding="utf-8")
    start, end = text.find(README_START), text.find(README_END)
    if start < 0 or end < start:
        raise ValueError(f"{readme}: no {README_START} ... {README_END} block to update")
    block = f"{README_START}\n{tables}{README_END}"
    readme.write_text(text[:start] + block + text[end + len(README_END) :], encoding="utf-8")


def composition_table(bench: Benchmark) -> str:
    """What each set holds (counts only, so sealed sets can be listed too)."""
    lines = [
        "| set | what it is | articles | items | questions | unanswerable | claims "
        "| real claim wordings |",
        "| --- | --- |" + " ---: |" * 6,
    ]
    for run in bench.runs:
        if not run.valid:
            continue
        items = [r.item for r in run.results]
        kinds = [
            sum(i.kind == kind for i in items) for kind in ("question", "unanswerable", "claim")
        ]
        real = sum(i.source_url is not None for i in items if i.kind == "claim")
        cells = [run.set.id, run.set.label, len(corpus_files(run.set.corpus)), len(items)]
        lines.append("| " + " | ".join(str(c) for c in [*cells, *kinds, real]) + " |")
    return "\n".join(lines)


def _set_record(run: SetRun) -> dict[str, Any]:
    record: dict[str, Any] = {
        "id": run.set.id,
        "split": run.set.split,
        "label": run.set.label,
        "title": run.set.title,
        "gold_problems": run.problems,
        "index_cached": run.cached,
        "index_seconds": round(run.index_seconds, 2),
        "answer_seconds": round(run.answer_seconds, 2),
        "scores": run.scores,
        "all_stories_index": run.combined,
    }
    if not run.set.sealed:
        record["report"] = f"sets/{run.set.id}/report.md"
    return record


def _timings(bench: Benchmark) -> dict[str, float]:
    return {
        "total": round(bench.seconds, 1),
        "index": round(sum(r.index_seconds for r in bench.runs), 1),
        "answer": round(sum(r.answer_seconds for r in bench.runs), 1),
        "all_stories_index": round(bench.combined_seconds, 1),
    }


def summary_columns(bench: Benchmark) -> list[tuple[str, dict[str, Any]]]:
    """(header, figures) per column: the macro-average of the test and of the dev stories, then
    each seed set on its own (they mean different things: one tuned on, one held out once)."""
    columns = []
    for split in bench.splits():
        runs = [r for r in bench.runs if r.set.split == split and r.valid]
        if split == "seed":
            columns += [(r.set.label, headline(r.scores["overall"])) for r in runs]
        else:
            columns.append((f"{SPLIT_NAMES[split]} ({len(runs)})", bench.macro(split)))
    return columns


def summary_table(bench: Benchmark) -> str:
    """Headline figures, Vérif beside the tutorial pipeline (the README's table)."""
    columns = summary_columns(bench)
    header = ["metric"]
    for name, _ in columns:
        header += [f"{name}: Vérif", "tutorial"]
    lines = ["| " + " | ".join(header) + " |", "| --- |" + " ---: |" * (len(header) - 1)]
    for key, label, _, base, _ in HEADLINE:
        cells = [label]
        for _, figures in columns:
            cells.append(_cell(key, figures))
            cells.append(_fmt(figures.get(f"tutorial:{key}")) if base else "—")
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def distraction_table(bench: Benchmark) -> str:
    """The stories' macro-averages on their own index beside all stories in one index."""
    splits = [s for s in bench.splits() if s in ("test", "dev")]
    header = ["metric"] + [
        f"{SPLIT_NAMES[s]}: {which}" for s in splits for which in ("own index", "all stories")
    ]
    lines = ["| " + " | ".join(header) + " |", "| --- |" + " ---: |" * (len(header) - 1)]
    for key in DISTRACTION_KEYS:
        cells = [LABELS[key]]
        for split in splits:
            cells += [_cell(key, bench.macro(split)), _cell(key, bench.macro(split, True))]
        lines.append("| " + " | ".join(cells) + " |")
        tutorial = f"tutorial:{key}"
        if any(bench.macro(split, True).get(tutorial) is not None for split in splits):
            cells = [f"{LABELS[key]}: tutorial pipeline"]
            for split in splits:
                cells += [_fmt(bench.macro(split).get(tutorial))]
                cells += [_fmt(bench.macro(split, True).get(tutorial))]
            lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def _cell(key: str, figures: dict[str, Any]) -> str:
    value = figures.get(key)
    if key == "confidently_wrong_rate" and figures.get("claims"):
        return f"{_fmt(value)} ({figures.get('confidently_wrong')}/{figures['claims']})"
    if key.startswith("latency") or key == "errors":
        return "—" if value is None else f"{value:.0f}"
    return _fmt(value)


def _markdown(bench: Benchmark, meta: dict[str, Any], charts: list[str]) -> str:
    timings = _timings(bench)
    lines = [
        "# Benchmark report",
        "",
        f"{meta['date']}, commit `{meta['commit']}`, k = {bench.k}, embedder "
        f"`{meta.get('embedder', 'e5')}`{departures(meta)}. {len(bench.runs)} sets; the whole "
        f"run took {timings['total']:.0f} s (indexes {timings['index']:.0f} s, answering "
        f"{timings['answer']:.0f} s, all stories in one index "
        f"{timings['all_stories_index']:.0f} s).",
        "",
        "Test stories are sealed: they are reported in aggregate only and never used to tune. "
        "Dev stories and the seed sets may be tuned on; the seed sets were.",
        "",
        "## Headline: macro-average over sets, each indexed on its own",
        "",
        summary_table(bench),
        "",
        "Confidently wrong: supported for refuted or the reverse, or a supported/refuted verdict "
        "on a not_enough_info claim (rate over claims; the count in brackets). Hedge rate: of "
        "the answerable questions Vérif answered, the share introduced as only partly "
        "answered. The tutorial pipeline (LangChain's RAG tutorial) is scored on retrieval and "
        "citations only: it cannot refuse or judge a claim.",
    ]
    if any(r.combined for r in bench.runs):
        lines += ["", "## All stories in one index (distraction across topics)", ""]
        lines += [distraction_table(bench)]
    lines += ["", "## Each set", "", *_per_set_table(bench)]
    tags = tag_table(bench)
    if tags:
        lines += ["", "## Dev stories by tag (items pooled over the dev stories)", "", tags]
    paths = path_table(bench)
    if paths:
        lines += [
            "", "## Dev verdicts by what decided them (claims pooled over the dev stories)", "",
            "Each supported or refuted verdict comes from one path: a sentence stating the "
            "claim, or a contradiction of one kind. A path right less often than the others "
            "is where confident errors come from.", "", paths,
        ]  # fmt: skip
    invalid = [r for r in bench.runs if not r.valid]
    if invalid:
        lines += ["", "Not scored (their gold evidence does not match their articles):"]
        lines += [f"- `{r.set.id}` ({r.set.split}): {r.problems} problems" for r in invalid]
    lines += ["", *_calibration_section(bench)]
    lines += ["", "## Charts", ""] + [f"![{c}]({c})" for c in charts]
    lines += [
        "",
        "Per-set reports: `sets/<id>/report.md` (per-item detail for dev and seed sets only).",
    ]
    return "\n".join(lines) + "\n"


def _open_results(bench: Benchmark) -> list:
    """Results of the dev stories and seed sets (never a sealed story's items)."""
    return [r for run in bench.runs if run.valid and not run.set.sealed for r in run.results]


def _calibration_section(bench: Benchmark) -> list[str]:
    from bot.eval import calibration

    table = calibration.reliability(calibration.outcomes(_open_results(bench)))
    if not table:
        return []
    lines = [
        "## Calibration (dev stories and seed sets)",
        "",
        "Answers that commit to something (an answered question, a supported or refuted "
        "verdict), binned by the confidence they state; right = the first citation is gold "
        "evidence, or the verdict is the gold one.",
        "",
        calibration.markdown(table),
    ]
    for split in ("dev", "seed", "test"):
        results = [
            r for run in bench.runs if run.valid and run.set.split == split for r in run.results
        ]
        ece = calibration.expected_calibration_error(
            calibration.reliability(calibration.outcomes(results))
        )
        if ece is not None:
            lines.append(f"\nExpected calibration error, {split}: {ece:.2f}")
    return lines


def tag_table(bench: Benchmark) -> str:
    """Figures by item tag (real wording, mutation kind, cross-lingual...) over the dev
    stories' items pooled. Never for sealed stories: a tag group is a handful of items."""
    from bot.eval.run import score

    results = [r for run in bench.runs if run.set.split == "dev" and run.valid for r in run.results]
    tags = sorted({t for r in results for t in r.item.tags})
    if not tags:
        return ""
    lines = [
        "| tag | items | verdict acc. | confidently wrong | abst. P | abst. R | answered "
        "| recall@3 | cit. P |",
        "| --- |" + " ---: |" * 8,
    ]
    for tag in tags:
        group = [r for r in results if tag in r.item.tags]
        h = headline(score(group))
        questions = [r for r in group if r.item.kind == "question" and "error" not in r.answer]
        answered = (
            _fmt(sum(not r.answer["abstained"] for r in questions) / len(questions))
            if questions
            else "—"
        )
        cells = [
            tag,
            str(len(group)),
            _fmt(h["verdict_accuracy"]),
            _cell("confidently_wrong_rate", h),
            _fmt(h["abstention_precision"]),
            _fmt(h["abstention_recall"]),
            answered,
            _fmt(h["evidence_recall@3"]),
            _fmt(h["citation_precision"]),
        ]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def path_table(bench: Benchmark) -> str:
    """Dev claims by the path that decided their verdict ("stated", "contradicts: number"…),
    with how often it was right and what the gold verdicts were. Never for sealed stories:
    which path misfires there is not to be known."""
    results = [
        r
        for run in bench.runs
        if run.set.split == "dev" and run.valid
        for r in run.results
        if r.item.kind == "claim" and "error" not in r.answer
    ]
    groups: dict[tuple[str, str], list[str]] = {}
    for r in results:
        verdict = r.answer.get("verdict") or "none"
        groups.setdefault((verdict, decision_of(r.answer)), []).append(r.item.verdict)
    if not groups:
        return ""
    lines = [
        "| verdict | decided by | claims | right | gold supported / refuted / not enough info |",
        "| --- | --- | ---: | ---: | ---: |",
    ]
    for (verdict, path), golds in sorted(groups.items()):
        right = sum(g == verdict for g in golds)
        spread = " / ".join(str(golds.count(v)) for v in VERDICT_ORDER)
        lines.append(f"| {verdict} | {path} | {len(golds)} | {right / len(golds):.2f} | {spread} |")
    return "\n".join(lines)


VERDICT_ORDER = ("supported", "refuted", "not_enough_info")


def decision_of(answer: dict[str, Any]) -> str:
    """What decided an answer, from its notes ("decision: contradicts: number"), without the
    figures and quotes that make each decision's note its own ("off the subject (0.23)")."""
    notes = answer.get("notes") or []
    note = next((n.removeprefix("decision: ") for n in notes if n.startswith("decision: ")), "—")
    return re.split(r" \(|: ['\"«]", note)[0]


def _per_set_table(bench: Benchmark, links: bool = True) -> list[str]:
    header = (
        "| set | split | items | verdict acc. | confidently wrong | abst. P | abst. R | hedge "
        "| recall@3 (tutorial) | cit. P (tutorial) | p50 ms | all-stories: verdict acc. "
        "| all-stories: recall@3 |"
    )
    lines = [header, "| --- | --- |" + " ---: |" * 11]
    for run in bench.runs:
        if not run.valid:
            continue
        h = headline(run.scores["overall"])
        c = headline(run.combined) if run.combined else {}
        name = run.set.id
        if links and not run.set.sealed:
            name = f"[{run.set.id}](sets/{run.set.id}/report.md)"
        cells = [
            name,
            run.set.split,
            str(h["items"]),
            _fmt(h["verdict_accuracy"]),
            _cell("confidently_wrong_rate", h),
            _fmt(h["abstention_precision"]),
            _fmt(h["abstention_recall"]),
            _fmt(h["hedge_rate"]),
            f"{_fmt(h['evidence_recall@3'])} ({_fmt(h.get('tutorial:evidence_recall@3'))})",
            f"{_fmt(h['citation_precision'])} ({_fmt(h.get('tutorial:citation_precision'))})",
            _cell("latency_p50_ms", h),
            _fmt(c.get("verdict_accuracy")),
            _fmt(c.get("evidence_recall@3")),
        ]
        lines.append("| " + " | ".join(cells) + " |")
    return lines


def _charts(out: Path, bench: Benchmark) -> list[str]:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    runs = [r for r in bench.runs if r.valid]
    if not runs:
        return []
    fig, ax = plt.subplots(figsize=(max(8, 1.1 * len(runs)), 4.5))
    scores_chart(ax, {f"{r.set.id}\n({r.set.split})": r.scores["overall"] for r in runs})
    ax.tick_params(axis="x", labelrotation=30, labelsize=7)
    ax.set_title("Each set on its own index", pad=28)
    fig.tight_layout()
    fig.savefig(out / "sets.png", dpi=100)
    plt.close(fig)

    fig, ax = plt.subplots(figsize=(6, 3))
    latency_chart(
        ax, [r.latency_ms for run in runs for r in run.results if "error" not in r.answer]
    )
    ax.set_title("ask() latency, all sets")
    fig.tight_layout()
    fig.savefig(out / "latency.png", dpi=100)
    plt.close(fig)
    charts = ["sets.png", "latency.png"]

    from bot.eval import calibration

    table = calibration.reliability(calibration.outcomes(_open_results(bench)))
    if table:
        fig, ax = plt.subplots(figsize=(4.5, 4.5))
        calibration.chart(ax, table, "Reliability, dev and seed sets")
        fig.tight_layout()
        fig.savefig(out / "calibration.png", dpi=100)
        plt.close(fig)
        charts.append("calibration.png")
    return charts


def format_console(bench: Benchmark) -> str:
    """What the command prints: the summary table and the time taken (aggregates only)."""
    timings = _timings(bench)
    return (
        summary_table(bench)
        + f"\n\nBenchmark time: {timings['total']:.0f} s (indexes {timings['index']:.0f} s, "
        f"answering {timings['answer']:.0f} s, all stories in one index "
        f"{timings['all_stories_index']:.0f} s)"
    )


def _commit() -> str:
    try:
        done = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            cwd=Path(__file__).parent,
            timeout=10,
        )
        return done.stdout.strip() or "unknown"
    except (OSError, subprocess.SubprocessError):
        return "unknown"


def _fmt(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}"
