"""The evaluation report: report.md for people, report.json for tools, PNG charts."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from bot.eval.run import ItemResult

HEADLINE = [
    ("Evidence recall@1", ("retrieval", "recall@1"), ("baseline", "recall@1")),
    ("Evidence recall@3", ("retrieval", "recall@3"), ("baseline", "recall@3")),
    ("Evidence recall@5", ("retrieval", "recall@5"), ("baseline", "recall@5")),
    ("Evidence MRR", ("retrieval", "mrr"), ("baseline", "mrr")),
    ("Citation precision", ("citations", "precision"), ("baseline", "citation_precision")),
    ("Citation recall", ("citations", "recall"), ("baseline", "citation_recall")),
    ("Answer contains a gold answer", ("answers", "contains_answer"), None),
    ("Answer token F1 (best quote)", ("answers", "f1"), None),
    ("Hedge rate (answers framed 'only partly')", ("hedging", "rate"), None),
    ("Abstention precision", ("abstention", "precision"), None),
    ("Abstention recall", ("abstention", "recall"), None),
    ("Answer/refuse combined F1", ("abstention", "combined_f1"), None),
    ("Claim verdict accuracy", ("claims", "accuracy"), None),
    ("Confidently wrong verdicts (share of claims)", ("claims", "confidently_wrong_rate"), None),
    ("Claim verdict macro-F1", ("claims", "macro_f1"), None),
    ("FEVER score", ("claims", "fever_score"), None),
    ("Answer in the question's language", ("language", "match"), None),
]


def get(scores: dict[str, Any] | None, path: Sequence[str] | None) -> Any:
    """The figure at ``path`` in nested scores, or None where it is missing or undefined."""
    node: Any = scores
    for key in path or ():
        if not isinstance(node, dict) or key not in node:
            return None
        node = node[key]
    return node if path else None


def summary_rows(scores: dict[str, Any]) -> list[tuple[str, float | None, float | None]]:
    overall = scores["overall"]
    return [(label, get(overall, ours), get(overall, base)) for label, ours, base in HEADLINE]


def format_summary(scores: dict[str, Any]) -> str:
    """The one-screen summary printed at the end of a run."""
    lines = [f"{'metric':<36} {'Vérif':>8} {'tutorial':>9}"]
    for label, ours, base in summary_rows(scores):
        lines.append(f"{label:<36} {_fmt(ours):>8} {_fmt(base):>9}")
    latency = scores["overall"].get("latency_ms", {})
    p50, p95 = latency.get("p50", 0), latency.get("p95", 0)
    lines.append(f"{'Latency p50 / p95 (ms)':<36} {p50:>5.0f} / {p95:.0f}")
    return "\n".join(lines)


def write_report(
    out: Path,
    scores: dict[str, Any],
    results: list[ItemResult],
    meta: dict,
    per_item: bool = True,
) -> None:
    """Write report.md, report.json and the charts. ``per_item=False`` (sealed test stories)
    writes aggregate figures only: no item, question, answer or per-item latency."""
    out.mkdir(parents=True, exist_ok=True)
    records = [
        {
            "id": r.item.id,
            "language": r.item.language,
            "kind": r.item.kind,
            "question": r.item.question,
            "expected_verdict": r.item.verdict,
            "latency_ms": round(r.latency_ms, 1),
            "rank": r.rank,
            "baseline_rank": r.baseline_rank,
            "answer": r.answer,
        }
        for r in results
        if per_item
    ]
    payload = json.dumps(
        {"meta": meta, "scores": scores, "items": records}, ensure_ascii=False, indent=2
    )
    (out / "report.json").write_text(payload, encoding="utf-8")
    charts = _charts(out, scores, results)
    markdown = _markdown(scores, results if per_item else None, meta, charts)
    (out / "report.md").write_text(markdown, encoding="utf-8")


def departures(meta: dict[str, Any]) -> str:
    """The run's departures from the default system, as a report's first line says them."""
    said = ""
    if meta.get("nli"):
        said += f", verdicts checked by the entailment model `{meta['nli']}`"
    if meta.get("rules_off"):
        said += f", rules switched off: `{meta['rules_off']}`"
    return said


def _markdown(
    scores: dict[str, Any], results: list[ItemResult] | None, meta: dict, charts: list[str]
) -> str:
    lines = [
        "# Evaluation report",
        "",
        f"Gold set `{meta['gold']}` ({meta['items']} items), k = {meta['k']}, embedder "
        f"`{meta['embedder']}`{departures(meta)}, {meta['date']}.",
        "",
        "## Headline: Vérif beside the LangChain-tutorial pipeline",
        "",
        "| metric | Vérif | tutorial pipeline |",
        "| --- | ---: | ---: |",
    ]
    for label, ours, base in summary_rows(scores):
        lines.append(f"| {label} | {_fmt(ours)} | {_fmt(base) if base is not None else '—'} |")
    latency = scores["overall"].get("latency_ms", {})
    lines += [
        f"| Latency p50 / p95 | {latency.get('p50', 0):.0f} / {latency.get('p95', 0):.0f} ms | — |",
        "",
        "The tutorial pipeline is scored on retrieval and citations only (its top-3 chunks are "
        'taken as its citations); it has no way to abstain or judge a claim. "Answer contains '
        "a gold answer\" is not SQuAD's exact match: a gold answer appears, as whole words, in "
        "the answer with its quotes, so it can be high while token F1 (best quote against the "
        "short gold answer) is low.",
        "",
        "## By language and kind",
        "",
        "| group | items | recall@3 | MRR | cit. precision | cit. recall | contains answer | F1 "
        "| abst. P | abst. R | verdict acc. | lang. | p50 ms |",
        "| --- |" + " ---: |" * 12,
    ]
    for group, s in scores.items():
        cells = [
            get(s, ("retrieval", "recall@3")),
            get(s, ("retrieval", "mrr")),
            get(s, ("citations", "precision")),
            get(s, ("citations", "recall")),
            get(s, ("answers", "contains_answer")),
            get(s, ("answers", "f1")),
            get(s, ("abstention", "precision")),
            get(s, ("abstention", "recall")),
            get(s, ("claims", "accuracy")),
            get(s, ("language", "match")),
        ]
        p50 = get(s, ("latency_ms", "p50"))
        lines.append(
            f"| {group} | {s['items']} | " + " | ".join(_fmt(c) for c in cells) + f" | {p50:.0f} |"
            if p50 is not None
            else f"| {group} | {s['items']} |"
        )
    claims = scores["overall"].get("claims")
    if claims:
        labels = claims["labels"]
        lines += [
            "",
            "## Claim verdicts (rows: gold, columns: predicted)",
            "",
            "| gold \\ predicted | " + " | ".join(labels) + " |",
            "| --- |" + " ---: |" * len(labels),
        ]
        for label, row in zip(labels, claims["confusion"], strict=True):
            lines.append(f"| {label} | " + " | ".join(str(v) for v in row) + " |")
    lines += ["", "## Charts", ""] + [f"![{c}]({c})" for c in charts]
    if results is None:
        lines += ["", "Sealed set: per-item results are not written.", ""]
        return "\n".join(lines)
    failures = [r for r in results if _failed(r)]
    lines += ["", f"## Items to look at ({len(failures)})", ""]
    for r in failures:
        answer = r.answer
        got = answer.get("error") or (
            f"verdict {answer['verdict']}"
            if r.item.kind == "claim"
            else ("abstained" if answer["abstained"] else f"answered, evidence rank {r.rank}")
        )
        expected = {"claim": f"verdict {r.item.verdict}", "unanswerable": "abstain"}.get(
            r.item.kind, "answer citing gold evidence"
        )
        lines.append(f"- `{r.item.id}` {r.item.question} — expected {expected}, got {got}")
    return "\n".join(lines) + "\n"


def _failed(r: ItemResult) -> bool:
    answer = r.answer
    if "error" in answer:
        return True
    if r.item.kind == "claim":
        return answer["verdict"] != r.item.verdict
    if r.item.kind == "unanswerable":
        return not answer["abstained"]
    return answer["abstained"] or r.cited_correct == 0


def _charts(out: Path, scores: dict[str, Any], results: list[ItemResult]) -> list[str]:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    groups = [g for g in scores if g != "overall"]
    fig, ax = plt.subplots(figsize=(9, 4.2))
    scores_chart(ax, {g: scores[g] for g in groups})
    ax.set_title("Scores by language and kind", pad=28)
    fig.tight_layout()
    fig.savefig(out / "scores.png", dpi=100)
    plt.close(fig)

    fig, ax = plt.subplots(figsize=(6, 3))
    latency_chart(ax, [r.latency_ms for r in results if "error" not in r.answer])
    ax.set_title("ask() latency")
    fig.tight_layout()
    fig.savefig(out / "latency.png", dpi=100)
    plt.close(fig)
    return ["scores.png", "latency.png"]


CHART_METRICS = [
    ("recall@3", ("retrieval", "recall@3")),
    ("cit. precision", ("citations", "precision")),
    ("answer/refuse F1", ("abstention", "combined_f1")),
    ("verdict acc.", ("claims", "accuracy")),
]


def scores_chart(ax, groups: dict[str, dict[str, Any]]) -> None:
    """Grouped bars; a figure that is undefined for a group (no claims, nothing to refuse) is
    marked "n/a" rather than drawn as a score of 0. The legend sits above the axes."""
    names = list(groups)
    width = 0.8 / len(CHART_METRICS)
    for i, (label, path) in enumerate(CHART_METRICS):
        xs = [x + i * width for x in range(len(names))]
        values = [get(groups[g], path) for g in names]
        # An undefined figure gets a bar of height 0 (it keeps the layout) and an "n/a" label.
        ax.bar(xs, [0.0 if v is None else v for v in values], width, label=label)
        for x, v in zip(xs, values, strict=True):
            if v is None:
                ax.text(x, 0.02, "n/a", ha="center", va="bottom", fontsize=7, color="grey")
    ax.set_xticks([x + 0.4 - width / 2 for x in range(len(names))], names, fontsize=8)
    ax.set_ylim(0, 1.05)
    ax.legend(
        fontsize=8,
        ncol=len(CHART_METRICS),
        loc="lower center",
        bbox_to_anchor=(0.5, 1.0),
        frameon=False,
    )


def latency_chart(ax, latencies: list[float]) -> None:
    """Histogram on a log scale of milliseconds, so one slow item does not squash the rest
    into a single bar; the p50 and p95 are marked."""
    import numpy as np

    from bot.eval.metrics import percentile

    values = [v for v in latencies if v > 0]
    if not values:
        ax.text(0.5, 0.5, "no timed items", ha="center", transform=ax.transAxes)
        return
    low, high = min(values), max(values)
    bins = np.geomspace(low, high * 1.001, 30) if high > low else 10
    ax.hist(values, bins=bins)
    ax.set_xscale("log")
    from matplotlib.ticker import FuncFormatter, LogLocator, NullFormatter

    ax.xaxis.set_major_locator(LogLocator(subs=(1.0, 2.0, 5.0)))
    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:g}"))
    ax.xaxis.set_minor_formatter(NullFormatter())
    for q, style in ((50, "-"), (95, "--")):
        value = percentile(values, q)
        ax.axvline(value, color="black", linestyle=style, linewidth=1, label=f"p{q} {value:.0f} ms")
    ax.set_xlabel("ms per item (log scale)")
    ax.legend(fontsize=8, frameon=False)


def _fmt(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}"
