"""The evaluation report: report.md for people, report.json for tools, PNG charts."""

from __future__ import annotations

import json
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
    ("Answer exact match", ("answers", "exact_match"), None),
    ("Answer token F1", ("answers", "f1"), None),
    ("Abstention precision", ("abstention", "precision"), None),
    ("Abstention recall", ("abstention", "recall"), None),
    ("Answer/refuse combined F1", ("abstention", "combined_f1"), None),
    ("Claim verdict accuracy", ("claims", "accuracy"), None),
    ("Claim verdict macro-F1", ("claims", "macro_f1"), None),
    ("FEVER score", ("claims", "fever_score"), None),
    ("Answer in the question's language", ("language", "match"), None),
]


def get(scores: dict[str, Any], path: tuple[str, ...] | None) -> float | None:
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


def write_report(out: Path, scores: dict[str, Any], results: list[ItemResult], meta: dict) -> None:
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
    ]
    payload = json.dumps(
        {"meta": meta, "scores": scores, "items": records}, ensure_ascii=False, indent=2
    )
    (out / "report.json").write_text(payload, encoding="utf-8")
    charts = _charts(out, scores, results)
    (out / "report.md").write_text(_markdown(scores, results, meta, charts), encoding="utf-8")


def _markdown(
    scores: dict[str, Any], results: list[ItemResult], meta: dict, charts: list[str]
) -> str:
    lines = [
        "# Evaluation report",
        "",
        f"Gold set `{meta['gold']}` ({meta['items']} items), k = {meta['k']}, embedder "
        f"`{meta['embedder']}`, {meta['date']}.",
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
        "taken as its citations); it has no way to abstain or judge a claim.",
        "",
        "## By language and kind",
        "",
        "| group | items | recall@3 | MRR | cit. precision | cit. recall | EM | F1 "
        "| abst. P | abst. R | verdict acc. | lang. | p50 ms |",
        "| --- |" + " ---: |" * 12,
    ]
    for group, s in scores.items():
        cells = [
            get(s, ("retrieval", "recall@3")),
            get(s, ("retrieval", "mrr")),
            get(s, ("citations", "precision")),
            get(s, ("citations", "recall")),
            get(s, ("answers", "exact_match")),
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

    metrics = [
        ("recall@3", ("retrieval", "recall@3")),
        ("cit. precision", ("citations", "precision")),
        ("abst. F1", ("abstention", "combined_f1")),
        ("verdict acc.", ("claims", "accuracy")),
    ]
    groups = [g for g in scores if g != "overall"]
    fig, ax = plt.subplots(figsize=(9, 4))
    width = 0.8 / len(metrics)
    for i, (label, path) in enumerate(metrics):
        values = [get(scores[g], path) or 0.0 for g in groups]
        ax.bar([x + i * width for x in range(len(groups))], values, width, label=label)
    ax.set_xticks([x + 0.4 - width / 2 for x in range(len(groups))], groups, fontsize=8)
    ax.set_ylim(0, 1.05)
    ax.set_title("Scores by language and kind")
    ax.legend(fontsize=8, ncol=4, loc="lower center")
    fig.tight_layout()
    fig.savefig(out / "scores.png", dpi=100)
    plt.close(fig)

    fig, ax = plt.subplots(figsize=(6, 3))
    ax.hist([r.latency_ms for r in results if "error" not in r.answer], bins=30)
    ax.set_xlabel("ms per item")
    ax.set_title("ask() latency")
    fig.tight_layout()
    fig.savefig(out / "latency.png", dpi=100)
    plt.close(fig)
    return ["scores.png", "latency.png"]


def _fmt(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}"
