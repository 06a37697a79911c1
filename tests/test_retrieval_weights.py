"""The sentence score's fitted weights (bot/retrieve/fit.py, weights.json) and the per-language
similarity they weigh: plain arrays, no index or model."""

from __future__ import annotations

import numpy as np
import pytest

from bot.retrieve.fit import Ranked, cross_validated, first_is_gold, fit_weights
from bot.retrieve.retriever import best_by_language, load_weights


def _item(story: str, gold_row: int, rows: list[list[float]], claim: bool = False) -> Ranked:
    gold = np.zeros(len(rows), dtype=bool)
    gold[gold_row] = True
    return Ranked(story, claim, np.array(rows, dtype=float), gold)


def _stories(count: int) -> list[Ranked]:
    """Items where the gold sentence is a little less similar than a distractor but covers
    the question and holds the kind of answer asked for: what a good score must learn."""
    items = []
    for n in range(count):
        gap = 0.01 + 0.002 * (n % 5)
        items.append(
            _item(
                f"story-{n % 4}",
                1,
                [
                    # sentence, chunk, bm25, coverage, answer type
                    [0.0, 0.0, 0.4, 0.3, 0.0],
                    [-gap, -0.01, 0.8, 0.9, 1.0],
                    [-0.08, -0.05, 0.1, 0.2, 0.0],
                ],
            )
        )
        # and items where similarity alone is right, so that it keeps a positive weight
        items.append(
            _item(
                f"story-{n % 4}",
                0,
                [[0.0, 0.0, 0.5, 0.6, 1.0], [-0.09, -0.05, 0.5, 0.6, 1.0]],
            )
        )
    return items


def test_fitted_weights_rank_the_covering_sentence_first():
    items = _stories(40)
    weights = fit_weights(items, claim=False)
    assert weights["sentence"] == 1.0
    assert weights["coverage"] > 0 and weights["answer_type"] >= 0
    assert all(first_is_gold(i, weights, typed_rerank=12) for i in items)
    similarity_only = {"sentence": 1.0, "chunk": 0.0, "bm25": 0.0, "coverage": 0.0}
    assert not all(first_is_gold(i, similarity_only, typed_rerank=12) for i in items)
    assert cross_validated(items, claim=False, typed_rerank=12) == 1.0


def test_claims_are_ranked_without_the_answer_type():
    """A claim asks for no kind of answer: its weights have none, and holding a name or a
    number moves no claim candidate up."""
    items = [
        _item(i.set_id, int(np.flatnonzero(i.gold)[0]), i.features.tolist(), True)
        for i in _stories(12)
    ]
    weights = fit_weights(items, claim=True)
    assert "answer_type" not in weights
    typed_only = {"sentence": 0.0, "chunk": 0.0, "bm25": 0.0, "coverage": 0.0, "answer_type": 9.0}
    tied = _item("s", 1, [[0, 0, 0, 0, 0], [0, 0, 0, 0, 1]], claim=True)
    assert not first_is_gold(tied, typed_only, typed_rerank=12)


def test_a_fit_where_similarity_ranks_gold_last_writes_nothing():
    items = [_item("a", 1, [[0.0, 0, 0, 0, 0], [-0.1, 0, 0, 0, 0]]) for _ in range(10)]
    with pytest.raises(ValueError, match="similarity"):
        fit_weights(items, claim=False)


def test_stored_weights_cover_both_kinds():
    weights = load_weights()
    for kind, names in (
        ("question", {"sentence", "chunk", "bm25", "coverage", "answer_type"}),
        ("claim", {"sentence", "chunk", "bm25", "coverage"}),
    ):
        assert names <= weights[kind].keys()
        assert weights[kind]["sentence"] == 1.0
        assert all(value >= 0 for value in weights[kind].values())


def test_similarity_is_compared_within_each_language():
    """e5 scores a sentence in the question's language above its translation: the best
    French and the best English candidates both start level, whatever their raw cosines."""
    languages = ["fr", "en", "fr", "en", "fr"]
    best = best_by_language([0, 1, 2, 3], np.array([0.81, 0.88, 0.84, 0.86]), languages)
    assert best == {"fr": pytest.approx(0.84), "en": pytest.approx(0.88)}
    assert best_by_language([1, 3], np.array([0.8, 0.7]), languages) == {"en": pytest.approx(0.8)}
