"""``python -m bot.judge.fit``: fit the answering model on the dev sets, write it as data.

Every question of the dev stories and the seed sets (never a sealed test story) goes through
retrieval and evidence selection; its features (bot/decide.py ``question_features``) and
whether it is answerable make one row. A logistic regression (scikit-learn) is scored with
leave-one-set-out cross-validation (a set is a story: the model must carry to stories it has
not seen), the threshold is the one that balances abstention precision and recall under that
cross-validation, and the model fitted on all rows is written to models/answerable.json with
its figures. Run it again whenever a feature or a dev story changes.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import numpy as np

FEATURES = (
    "coverage",
    "best_coverage",
    "dense",
    "chunk_dense",
    "bm25",
    "names_absent",
    "focus_unstated",
    "answer_type_missing",
    "asks_type",
    "largest_missing",
    "dense_margin",
    "cross_lingual",
    "words_absent",
)


@dataclass(frozen=True)
class Row:
    set_id: str
    item_id: str
    features: dict[str, float]
    answerable: bool


def collect(split: str = "dev") -> list[Row]:
    """Feature rows for every question of the dev stories and seed sets."""
    from bot import evidence
    from bot.decide import question_features
    from bot.engine import Engine
    from bot.eval.indexes import cached_index
    from bot.eval.stories import select
    from bot.question import parse

    rows = []
    for eval_set in select(split, seeds=True):
        if eval_set.sealed:
            continue  # sealed test stories are never fitted on
        engine = Engine(cached_index(eval_set.corpus)[0])
        for item in eval_set.items():
            if item.kind == "claim":
                continue
            query = parse(item.question)
            if query.is_claim:
                continue  # a question worded as a statement is judged as a claim anyway
            retrieval = engine.retriever.search(query, 5)
            chosen = evidence.select(retrieval, engine.index)
            if not chosen:
                continue
            _, features, _ = question_features(query, retrieval, chosen, engine.index)
            rows.append(Row(eval_set.id, item.id, features, item.kind == "question"))
    return rows


def abstention_scores(
    answerable: np.ndarray, p: np.ndarray, threshold: float
) -> tuple[float, float]:
    """Abstention precision and recall when refusing below ``threshold``."""
    refused = p < threshold
    unanswerable = ~answerable
    precision = (refused & unanswerable).sum() / max(refused.sum(), 1)
    recall = (refused & unanswerable).sum() / max(unanswerable.sum(), 1)
    return float(precision), float(recall)


def fit(rows: list[Row], c: float = 1.0) -> dict:
    """The model as data, with its leave-one-set-out figures."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.preprocessing import StandardScaler

    x = np.array([[r.features[f] for f in FEATURES] for r in rows], dtype=float)
    y = np.array([r.answerable for r in rows])
    groups = np.array([r.set_id for r in rows])
    held_out = np.zeros(len(rows))
    for group in sorted(set(groups)):
        train, test = groups != group, groups == group
        scaler = StandardScaler().fit(x[train])
        model = LogisticRegression(C=c, class_weight="balanced", max_iter=1000)
        model.fit(scaler.transform(x[train]), y[train])
        held_out[test] = model.predict_proba(scaler.transform(x[test]))[:, 1]
    # The threshold that makes the worse of abstention precision and recall best.
    candidates = np.linspace(0.05, 0.95, 91)
    threshold = max(
        candidates, key=lambda t: (min(abstention_scores(y, held_out, t)), -abs(t - 0.5))
    )
    precision, recall = abstention_scores(y, held_out, threshold)
    scaler = StandardScaler().fit(x)
    model = LogisticRegression(C=c, class_weight="balanced", max_iter=1000)
    model.fit(scaler.transform(x), y)
    return {
        "features": list(FEATURES),
        "coef": [round(float(v), 6) for v in model.coef_[0]],
        "intercept": round(float(model.intercept_[0]), 6),
        "mean": [round(float(v), 6) for v in scaler.mean_],
        "scale": [round(float(v), 6) if v > 0 else 1.0 for v in scaler.scale_],
        "threshold": round(float(threshold), 3),
        "fitted": {
            "date": time.strftime("%Y-%m-%d"),
            "rows": len(rows),
            "answerable": int(y.sum()),
            "sets": sorted(set(groups.tolist())),
            "cross_validation": "leave one set out",
            "cv_abstention_precision": round(precision, 3),
            "cv_abstention_recall": round(recall, 3),
            "cv_accuracy": round(float(((held_out >= threshold) == y).mean()), 3),
        },
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.judge.fit", description=__doc__)
    parser.add_argument(
        "--out",
        type=Path,
        default=Path(str(resources.files("bot.judge") / "models" / "answerable.json")),
        help="where to write the model (default: the one answering uses)",
    )
    args = parser.parse_args(argv)
    rows = collect()
    model = fit(rows)
    args.out.write_text(json.dumps(model, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(model["fitted"], indent=2))
    print(f"Model: {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
