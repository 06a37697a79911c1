"""Metric functions, each small enough to check by hand (see tests/test_metrics.py).

Normalisation follows SQuAD (lowercase, no punctuation, no articles, single spaces), extended
for French: its articles (le, la, les, l', un, une, des, du, de, d'), elision (l’, d’, qu’),
guillemets « » and the typographic apostrophe ’.
"""

from __future__ import annotations

import math
import re
import string
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

_ARTICLES = re.compile(r"\b(?:a|an|the|le|la|les|un|une|des|du|de)\b")
_ELISION = re.compile(r"\b(?:l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu)['’]")
_PUNCTUATION = set(string.punctuation) | set("«»’‘“”…–—")


def normalize_answer(text: str) -> str:
    """SQuAD normalisation, made to work for French too."""
    text = unicodedata.normalize("NFKC", text).lower()
    text = _ELISION.sub(" ", text)
    text = "".join(" " if ch in _PUNCTUATION else ch for ch in text)
    text = _ARTICLES.sub(" ", text)
    return " ".join(text.split())


def contains_answer(prediction: str, answers: Sequence[str]) -> float:
    """1.0 when a normalised gold answer appears, as whole words, in the normalised prediction.

    Not SQuAD's exact match: the prediction is a whole answer with its quotes, so this says
    whether the answer contains a gold answer, not whether it is one."""
    predicted = f" {normalize_answer(prediction)} "
    expected = [normalize_answer(a) for a in answers]
    return float(any(f" {a} " in predicted for a in expected if a))


def token_f1(prediction: str, answers: Sequence[str]) -> float:
    """SQuAD token F1 against the best-matching expected answer."""
    predicted = normalize_answer(prediction).split()
    best = 0.0
    for answer in answers:
        expected = normalize_answer(answer).split()
        common = Counter(predicted) & Counter(expected)
        overlap = sum(common.values())
        if not overlap:
            continue
        precision, recall = overlap / len(predicted), overlap / len(expected)
        best = max(best, 2 * precision * recall / (precision + recall))
    return best


@dataclass(frozen=True)
class Span:
    """A passage: where it is (offsets into the cleaned article) or only its text."""

    doc_id: str | None
    start: int | None
    end: int | None
    text: str


def matches(passage: Span, gold: Span) -> bool:
    """Does the passage hold the gold quote? By offsets when known (at least half of the shorter
    one overlaps), by text otherwise (the passage contains the quote)."""
    if passage.start is not None and gold.start is not None:
        if passage.doc_id != gold.doc_id:
            return False
        overlap = min(passage.end, gold.end) - max(passage.start, gold.start)
        shorter = min(passage.end - passage.start, gold.end - gold.start)
        return overlap > 0 and overlap >= 0.5 * shorter
    return gold.text in passage.text


def first_hit(ranked: Sequence[Span], gold: Sequence[Span]) -> int | None:
    """1-based rank of the first passage holding any gold quote, or None."""
    for rank, passage in enumerate(ranked, start=1):
        if any(matches(passage, g) for g in gold):
            return rank
    return None


def recall_at(ranks: Sequence[int | None], k: int) -> float:
    return sum(r is not None and r <= k for r in ranks) / len(ranks) if ranks else 0.0


def mean_reciprocal_rank(ranks: Sequence[int | None]) -> float:
    return sum(1 / r for r in ranks if r) / len(ranks) if ranks else 0.0


def precision_recall_f1(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


@dataclass(frozen=True)
class AbstentionScores:
    """Each score is None when it is undefined for the group (nothing refused, nothing to refuse,
    nothing answerable), so that a group where every refusal was right does not read 0.5."""

    precision: float | None  # of the abstentions, how many were on unanswerable questions
    recall: float | None  # of the unanswerable questions, how many were refused
    f1: float | None
    answer_f1: float | None  # the same, with "answered an answerable question" as the positive
    combined_f1: float | None  # mean of the defined F1s (Trust-Score's answering/refusing balance)


def abstention_scores(answerable: Sequence[bool], abstained: Sequence[bool]) -> AbstentionScores:
    pairs = list(zip(answerable, abstained, strict=True))
    tp = sum(not a and x for a, x in pairs)
    fp = sum(a and x for a, x in pairs)
    fn = sum(not a and not x for a, x in pairs)
    answered_tp = sum(a and not x for a, x in pairs)
    unanswerable, answerable_n = tp + fn, answered_tp + fp
    precision = tp / (tp + fp) if tp + fp else None
    recall = tp / unanswerable if unanswerable else None
    f1 = precision_recall_f1(tp, fp, fn)[2] if unanswerable else None
    answer_f1 = precision_recall_f1(answered_tp, fn, fp)[2] if answerable_n else None
    defined = [v for v in (f1, answer_f1) if v is not None]
    combined = sum(defined) / len(defined) if defined else None
    return AbstentionScores(precision, recall, f1, answer_f1, combined)


def confidently_wrong(gold: str, predicted: str | None) -> bool:
    """A verdict that asserts the wrong thing: supported for refuted or the reverse, or any
    supported/refuted on a claim the articles leave open. Saying "not enough information" on a
    decidable claim is a miss, not a confident error."""
    if predicted not in ("supported", "refuted"):
        return False
    return predicted != gold


def confusion(
    gold: Sequence[str], predicted: Sequence[str], labels: Sequence[str]
) -> list[list[int]]:
    """Rows: gold label; columns: predicted label, in the order of ``labels``."""
    matrix = [[0] * len(labels) for _ in labels]
    for g, p in zip(gold, predicted, strict=True):
        if g in labels and p in labels:
            matrix[labels.index(g)][labels.index(p)] += 1
    return matrix


def macro_f1(gold: Sequence[str], predicted: Sequence[str], labels: Sequence[str]) -> float:
    scores = []
    for label in labels:
        tp = sum(g == label and p == label for g, p in zip(gold, predicted, strict=True))
        fp = sum(g != label and p == label for g, p in zip(gold, predicted, strict=True))
        fn = sum(g == label and p != label for g, p in zip(gold, predicted, strict=True))
        scores.append(precision_recall_f1(tp, fp, fn)[2])
    return sum(scores) / len(scores) if scores else 0.0


def percentile(values: Sequence[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100)."""
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[max(1, math.ceil(q / 100 * len(ordered))) - 1]
