"""Fitted decisions: a logistic regression's coefficients, stored as data beside the script
that fits them (``python -m bot.judge.fit``), applied here without scikit-learn.

The answering code computes named features (coverage, similarity, the rules' outputs); a
model turns them into a probability, which is both the decision (against the threshold the
fit chose under cross-validation by story) and the confidence shown to people.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cache
from importlib import resources


@dataclass(frozen=True)
class Model:
    name: str
    features: tuple[str, ...]
    coef: tuple[float, ...]
    intercept: float
    mean: tuple[float, ...]  # standardisation learnt with the coefficients
    scale: tuple[float, ...]
    threshold: float  # decide "yes" at or above this probability
    fitted: dict  # what it was fitted on, and its cross-validated figures
    # below this probability the answer is "no" whatever else is known (claims: a sentence
    # that cannot refute, however many of the claim's words it has)
    floor: float = 0.0

    def probability(self, values: dict[str, float]) -> float:
        """P(yes) for the named feature values (a missing feature is an error, not a 0)."""
        z = self.intercept
        for name, coef, mean, scale in zip(
            self.features, self.coef, self.mean, self.scale, strict=True
        ):
            z += coef * (float(values[name]) - mean) / scale
        return 1.0 / (1.0 + math.exp(-z))


@cache
def load_model(name: str) -> Model:
    """The fitted model ``bot/judge/models/<name>.json``."""
    source = resources.files("bot.judge") / "models" / f"{name}.json"
    data = json.loads(source.read_text(encoding="utf-8"))
    return Model(
        name=name,
        features=tuple(data["features"]),
        coef=tuple(data["coef"]),
        intercept=float(data["intercept"]),
        mean=tuple(data["mean"]),
        scale=tuple(data["scale"]),
        threshold=float(data["threshold"]),
        fitted=data.get("fitted", {}),
        floor=float(data.get("floor", 0.0)),
    )
