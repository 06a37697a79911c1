"""The fitted decision models: stored as data, applied without scikit-learn, in step with the
features the answering code computes."""

from __future__ import annotations

import json

import numpy as np
import pytest

from bot.judge.fit import QUESTION_FEATURES, Row, fit
from bot.judge.model import Model, load_model


def _model(data: dict) -> Model:
    return Model(
        "test", tuple(data["features"]), tuple(data["coef"]), data["intercept"],
        tuple(data["mean"]), tuple(data["scale"]), data["threshold"], data["fitted"],
    )  # fmt: skip


def test_stored_model_gives_the_probabilities_scikit_learn_gives():
    from sklearn.linear_model import LogisticRegression
    from sklearn.preprocessing import StandardScaler

    rng = np.random.default_rng(7)
    rows = []
    for i in range(120):
        answerable = bool(i % 3)
        values = {f: float(rng.normal(1.0 if answerable else 0.0, 1.0)) for f in QUESTION_FEATURES}
        rows.append(Row(f"story-{i % 4}", f"item-{i}", values, answerable))
    data = json.loads(json.dumps(fit(rows)))  # as written to disk
    x = np.array([[r.features[f] for f in QUESTION_FEATURES] for r in rows])
    y = np.array([r.answerable for r in rows])
    scaler = StandardScaler().fit(x)
    reference = LogisticRegression(class_weight="balanced", max_iter=1000)
    reference.fit(scaler.transform(x), y)
    expected = reference.predict_proba(scaler.transform(x))[:, 1]
    got = [_model(data).probability(r.features) for r in rows]
    assert np.allclose(got, expected, atol=1e-4)
    # cross-validated by story, and the figures say so
    assert data["fitted"]["cross_validation"] == "leave one set out"
    assert 0.05 <= data["threshold"] <= 0.95
    # separable-ish data: the held-out figures are far better than chance
    assert data["fitted"]["cv_accuracy"] > 0.7


def test_a_missing_feature_is_an_error_not_a_zero():
    model = load_model("answerable")
    with pytest.raises(KeyError):
        model.probability({})


def test_shipped_models_use_the_features_the_code_computes(bundled_index):
    from bot.engine import shared_engine
    from bot.evidence import candidates as evidence
    from bot.judge.answerable import question_features
    from bot.judge.verdict import judge_candidate
    from bot.question import parse

    engine = shared_engine()
    query = parse("Pourquoi Amazon a-t-il arrêté d'héberger Parler ?")
    retrieval = engine.retriever.search(query, 5)
    chosen = evidence.select(retrieval, engine.index)
    _, features, _ = question_features(query, retrieval, chosen, engine.index)
    assert set(load_model("answerable").features) == set(features)

    claim = parse("Twitter's stock rose 6% on Monday")
    retrieval = engine.retriever.search(claim, 5)
    span = evidence.candidates(retrieval, engine.index)[0]
    judged = judge_candidate(claim, retrieval.terms, span, engine.index)
    assert set(load_model("claim_evidence").features) == set(judged.features)
    for name in ("answerable", "claim_evidence"):
        fitted = load_model(name).fitted
        assert "seed-gold" in fitted["sets"]
        assert not any(s in fitted["sets"] for s in _sealed_story_ids())


def _sealed_story_ids() -> list[str]:
    from bot.eval.stories import discover

    return [s.id for s in discover() if s.sealed]
