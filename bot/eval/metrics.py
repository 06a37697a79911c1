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


def exact_match(prediction: str, answers: Sequence[str]) -> float:
    """1.0 when a normalised expected answer appears, as whole words, in the normalised prediction
    (the prediction is an answer with its quotes, so "exact" means an exact phrase within it)."""
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
    precision: float  # of the abstentions, how many were on unanswerable questions
    recall: float  # of the unanswerable questions, how many were refused
    f1: float
    answer_f1: float  # the same, with "answered an answerable question" as the positive class
    combined_f1: float  # mean of the two F1s (Trust-Score's answering/refusing balance)


def abstention_scores(answerable: Sequence[bool], abstained: Sequence[bool]) -> AbstentionScores:
    pairs = list(zip(answerable, abstained, strict=True))
    tp = sum(not a and x for a, x in pairs)
    fp = sum(a and x for a, x in pairs)
    fn = sum(not a and not x for a, x in pairs)
    p, r, f1 = precision_recall_f1(tp, fp, fn)
    answered_tp = sum(a and not x for a, x in pairs)
    _, _, answer_f1 = precision_recall_f1(answered_tp, fn, fp)
    return AbstentionScores(p, r, f1, answer_f1, (f1 + answer_f1) / 2)


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
