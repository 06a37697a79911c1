"""Run gold items through ``ask()`` (and the baseline), then score them overall and by group."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from bot.answer import Answer
from bot.eval import metrics as m
from bot.eval.framing import is_hedged
from bot.eval.gold import VERDICTS, GoldItem


@dataclass
class ItemResult:
    item: GoldItem
    answer: dict[str, Any]  # Answer.to_dict(), or {"error": message}
    latency_ms: float
    rank: int | None = None  # first cited-or-retrieved passage holding gold evidence
    cited_correct: int = 0  # citations overlapping gold evidence
    cited_total: int = 0
    baseline_rank: int | None = None
    baseline_cited_correct: int = 0
    baseline_cited_total: int = 0
    flags: list[str] = field(default_factory=list)


def gold_spans(item: GoldItem) -> list[m.Span]:
    return [m.Span(e.doc_id, e.start, e.end, e.quote) for e in item.evidence]


def answer_spans(answer: Answer) -> tuple[list[m.Span], list[m.Span]]:
    """(citations, retrieved passages) as spans, in rank order."""
    cited = [m.Span(c.doc_id, c.start, c.end, c.quote) for c in answer.citations]
    passages = [m.Span(p.doc_id, p.start, p.end, p.text) for p in answer.passages]
    return cited, passages


def run_item(
    item: GoldItem, ask: Callable[[str], Answer], baseline=None, k: int = 5, citations_k: int = 3
) -> ItemResult:
    started = time.perf_counter()
    try:
        answer = ask(item.question)
    except Exception as err:  # a crash is a result to report, not to hide
        return ItemResult(item, {"error": f"{type(err).__name__}: {err}"}, 0.0, flags=["error"])
    latency = (time.perf_counter() - started) * 1000
    result = ItemResult(item, answer.to_dict(), latency)
    gold = gold_spans(item)
    cited, passages = answer_spans(answer)
    if gold:
        result.rank = m.first_hit([*cited, *passages], gold)
        result.cited_correct = sum(any(m.matches(c, g) for g in gold) for c in cited)
    result.cited_total = len(cited)
    if baseline is not None and gold:
        found = baseline.search(item.question, k)
        result.baseline_rank = m.first_hit(found, gold)
        result.baseline_cited_total = min(citations_k, len(found))
        result.baseline_cited_correct = sum(
            any(m.matches(p, g) for g in gold) for p in found[:citations_k]
        )
    return result


def score(results: Sequence[ItemResult]) -> dict[str, Any]:
    """All metrics for a group of results (the keys that do not apply to it are omitted)."""
    ok = [r for r in results if "error" not in r.answer]
    out: dict[str, Any] = {"items": len(results), "errors": len(results) - len(ok)}
    with_evidence = [r for r in ok if r.item.evidence]
    if with_evidence:
        ranks = [r.rank for r in with_evidence]
        out["retrieval"] = {
            "recall@1": m.recall_at(ranks, 1),
            "recall@3": m.recall_at(ranks, 3),
            "recall@5": m.recall_at(ranks, 5),
            "mrr": m.mean_reciprocal_rank(ranks),
            "n": len(ranks),
        }
        cited_total = sum(r.cited_total for r in with_evidence)
        cited_correct = sum(r.cited_correct for r in with_evidence)
        out["citations"] = {
            "precision": cited_correct / cited_total if cited_total else 0.0,
            "recall": sum(r.cited_correct > 0 for r in with_evidence) / len(with_evidence),
            "n": len(with_evidence),
        }
        if any(r.baseline_cited_total for r in with_evidence):
            ranks = [r.baseline_rank for r in with_evidence]
            total = sum(r.baseline_cited_total for r in with_evidence)
            out["baseline"] = {
                "recall@1": m.recall_at(ranks, 1),
                "recall@3": m.recall_at(ranks, 3),
                "recall@5": m.recall_at(ranks, 5),
                "mrr": m.mean_reciprocal_rank(ranks),
                "citation_precision": sum(r.baseline_cited_correct for r in with_evidence) / total,
                "citation_recall": sum(r.baseline_cited_correct > 0 for r in with_evidence)
                / len(with_evidence),
            }
    answered = [r for r in ok if r.item.kind == "question" and not r.answer["abstained"]]
    if answered:
        hedged = sum(is_hedged(r.answer) for r in answered)
        # Of the answerable questions Vérif answered, how many it introduced as only partial.
        out["hedging"] = {"hedged": hedged, "rate": hedged / len(answered), "n": len(answered)}
    questions = [r for r in ok if r.item.kind == "question" and r.item.answers]
    if questions:
        out["answers"] = {
            "contains_answer": _mean(
                m.contains_answer(_prediction(r.answer), r.item.answers) for r in questions
            ),
            "f1": _mean(
                max((m.token_f1(q, r.item.answers) for q in _quotes(r.answer)), default=0.0)
                for r in questions
            ),
            "n": len(questions),
        }
    asked = [r for r in ok if r.item.kind in ("question", "unanswerable")]
    if asked and any(r.item.kind == "unanswerable" for r in asked):
        scores = m.abstention_scores(
            [r.item.kind == "question" for r in asked], [r.answer["abstained"] for r in asked]
        )
        out["abstention"] = {**scores.__dict__, "n": len(asked)}
    claims = [r for r in ok if r.item.kind == "claim"]
    if claims:
        gold = [r.item.verdict for r in claims]
        predicted = [r.answer["verdict"] or "none" for r in claims]
        fever = [
            g == p and (g == "not_enough_info" or r.cited_correct > 0)
            for g, p, r in zip(gold, predicted, claims, strict=True)
        ]
        wrong = sum(m.confidently_wrong(g, p) for g, p in zip(gold, predicted, strict=True))
        out["claims"] = {
            "accuracy": _mean(g == p for g, p in zip(gold, predicted, strict=True)),
            "confidently_wrong": wrong,
            "confidently_wrong_rate": wrong / len(claims),
            "macro_f1": m.macro_f1(gold, predicted, VERDICTS),
            "fever_score": _mean(fever),
            "labels": list(VERDICTS),
            "confusion": m.confusion(gold, predicted, VERDICTS),
            "n": len(claims),
        }
    if ok:
        out["language"] = {"match": _mean(r.answer["language"] == r.item.language for r in ok)}
        latencies = [r.latency_ms for r in ok]
        out["latency_ms"] = {"p50": m.percentile(latencies, 50), "p95": m.percentile(latencies, 95)}
    return out


def score_groups(results: Sequence[ItemResult]) -> dict[str, Any]:
    groups: dict[str, Any] = {"overall": score(results)}
    for language in ("fr", "en"):
        groups[f"language={language}"] = score([r for r in results if r.item.language == language])
    for kind in ("question", "unanswerable", "claim"):
        groups[f"kind={kind}"] = score([r for r in results if r.item.kind == kind])
    return groups


def _prediction(answer: dict[str, Any]) -> str:
    return answer["text"] + " " + " ".join(c["quote"] for c in answer["citations"])


def _quotes(answer: dict[str, Any]) -> list[str]:
    return [c["quote"] for c in answer["citations"]] or [answer["text"]]


def _mean(values) -> float:
    values = [float(v) for v in values]
    return sum(values) / len(values) if values else 0.0
