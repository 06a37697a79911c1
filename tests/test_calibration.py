"""The reliability table: what a stated confidence is worth."""

from __future__ import annotations

import pytest

from bot.eval.calibration import expected_calibration_error, outcomes, reliability
from bot.eval.gold import GoldItem
from bot.eval.run import ItemResult


def test_a_calibrated_confidence_has_no_calibration_error():
    pairs = [(0.9, True)] * 9 + [(0.9, False)] + [(0.3, True)] * 3 + [(0.3, False)] * 7
    table = reliability(pairs)
    assert [(b.count, round(b.accuracy, 2)) for b in table] == [(10, 0.3), (10, 0.9)]
    assert expected_calibration_error(table) == pytest.approx(0.0)


def test_an_overconfident_answerer_shows_its_gap():
    pairs = [(0.95, False)] * 5 + [(0.95, True)] * 5
    assert expected_calibration_error(reliability(pairs)) == pytest.approx(0.45)
    assert expected_calibration_error(reliability([])) is None


def _result(kind, verdict, answer, rank=None, cited=0):
    item = GoldItem("x", "en", kind, "q", verdict=verdict)
    return ItemResult(item, answer, 1.0, rank=rank, cited_total=cited)


def test_only_answers_that_commit_to_something_count():
    results = [
        _result("question", None, {"abstained": False, "verdict": None, "confidence": 0.8}, 1, 1),
        _result("question", None, {"abstained": False, "verdict": None, "confidence": 0.7}, 2, 1),
        _result("unanswerable", None, {"abstained": True, "verdict": None, "confidence": 0.1}),
        _result("claim", "refuted", {"abstained": False, "verdict": "refuted", "confidence": 0.9}),
        _result(
            "claim",
            "supported",
            {"abstained": False, "verdict": "not_enough_info", "confidence": 0.4},
        ),
        _result(
            "claim", "supported", {"abstained": False, "verdict": "refuted", "confidence": 0.6}
        ),
    ]
    assert outcomes(results) == [(0.8, True), (0.7, False), (0.9, True), (0.6, False)]
