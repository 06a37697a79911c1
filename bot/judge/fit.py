"""``python -m bot.judge.fit``: fit the two decision models on the dev sets, write them as data.

- answerable.json: every question of the dev stories and the seed sets (never a sealed test
  story) goes through retrieval and evidence selection; its features (bot/judge/answerable.py
  ``question_features``) and whether answering it is right (it is answerable, and the quote
  that would lead the answer is gold evidence) make one row.
- claim_evidence.json: every candidate sentence of every claim, with its features
  (bot/judge/verdict.py ``claim_features``) and whether it is the gold evidence of the claim (a
  not_enough_info claim has none).

Each is a logistic regression (scikit-learn) scored with leave-one-set-out cross-validation
(a set is a story: a model must carry to stories it has not seen). The threshold is chosen
under that cross-validation: for questions, the one that gives most right answers for fewest
wrong ones (a refusal counts nothing); for claims, the one that gets most verdicts right
while a confidently wrong verdict costs five right ones, and then, under the same cost, the
floor below which a sentence refutes nothing (never one that makes the seed sets worse).
The models fitted on all rows are written with their figures. Run it again whenever a
feature or a dev story changes.
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

# Chosen by forward selection under the same cross-validation (five did as well as the
# thirteen first tried: similarities, BM25, absent words, language…; fewer weights fitted on a
# few hundred rows generalise better), plus the noun asked about being unstated and the best
# sentence's lead over the second. That lead took held-out answers on the dev stories from 39
# right and 32 wrong to 44 right and 27 wrong, the seed sets staying level. (The quote being in
# the other language than the question predicts a right answer better still, but only because
# of how the benchmark's questions were written: it made the seed sets refuse less well.)
# Tried and not kept: the count of the question's words the quote leaves unsaid and the share
# of its words the articles never mention. Refitted on the 218 dev stories, they raised held-out
# utility (right answers minus wrong ones) from 1310 to 1367, a gradient-boosted model on the
# same features doing no better (1377); but the refit answered fewer answerable questions of the
# held-out seed set (contains 0.68 -> 0.59) and of pool 28, blind then and dev since (0.75 -> 0.71).
QUESTION_FEATURES = (
    "coverage",
    "best_coverage",
    "answer_type_missing",
    "dense_margin",
    "names_absent",
    "focus_unstated",
    "score_margin",
    "counts_other",
    "role_apart",
)


@dataclass(frozen=True)
class Row:
    set_id: str
    item_id: str
    features: dict[str, float]
    answerable: bool


def dev_engines():
    """(set id, engine, items) for the dev stories and seed sets, never a sealed story."""
    from bot.engine import Engine
    from bot.eval.indexes import cached_index
    from bot.eval.stories import select

    for eval_set in select("dev", seeds=True):
        if not eval_set.sealed:
            yield eval_set.id, Engine(cached_index(eval_set.corpus)[0]), eval_set.items()


def collect() -> list[Row]:
    """Feature rows for every question of the dev stories and seed sets."""
    from bot.evidence import candidates as evidence
    from bot.judge.answerable import question_features
    from bot.question import parse

    rows = []
    for set_id, engine, items in dev_engines():
        for item in items:
            if item.kind == "claim":
                continue
            query = parse(item.question)
            if query.is_claim:
                continue  # a question worded as a statement is judged as a claim anyway
            retrieval = engine.retriever.search(query, 5)
            chosen = evidence.select(retrieval, engine.index)
            if not chosen:
                continue
            cited, features, _ = question_features(query, retrieval, chosen, engine.index)
            # Answering is right only when the quote that leads the answer is gold evidence:
            # an answer citing the wrong sentence is an error, not a success.
            right = item.kind == "question" and any(
                g.doc_id == cited[0].doc_id and g.start < cited[0].end and cited[0].start < g.end
                for g in item.evidence
            )
            rows.append(Row(set_id, item.id, features, right))
    return rows


@dataclass
class Claim:
    """One dev claim, its candidates judged, and what the gold says."""

    set_id: str
    verdict: str
    judged: list  # bot.judge.verdict.Judgement, best first
    labels: list[bool]  # is each candidate gold evidence of the claim?
    retrieval: object
    index: object


def collect_claims() -> list[Claim]:
    from bot.evidence import candidates as evidence
    from bot.judge.model import load_model
    from bot.judge.verdict import judge_candidate
    from bot.question import parse

    load_model.cache_clear()
    claims = []
    for set_id, engine, items in dev_engines():
        for item in items:
            if item.kind != "claim":
                continue
            query = parse(item.question)
            retrieval = engine.retriever.search(query, 5)
            spans = evidence.candidates(retrieval, engine.index)
            judged = [
                judge_candidate(query, retrieval.terms, span, engine.index, rank)
                for rank, span in enumerate(spans)
            ]
            labels = [
                any(
                    g.doc_id == j.evidence.doc_id
                    and g.start < j.evidence.end
                    and j.evidence.start < g.end
                    for g in item.evidence
                )
                for j in judged
            ]
            claims.append(Claim(set_id, item.verdict, judged, labels, retrieval, engine.index))
    return claims


def claim_verdicts(
    claims: list[Claim], p: list[np.ndarray], threshold: float, floor: float = 0.0
) -> list[str]:
    """The verdicts bot/judge/verdict.py gives with these candidate probabilities, threshold
    and floor."""
    from dataclasses import replace

    from bot.judge.verdict import verdict_of

    verdicts = []
    for claim, probabilities in zip(claims, p, strict=True):
        judged = [
            replace(j, p=float(q), threshold=threshold, floor=floor)
            for j, q in zip(claim.judged, probabilities, strict=True)
        ]
        verdict = verdict_of(judged, claim.retrieval, claim.index).verdict if judged else None
        verdicts.append(verdict or "not_enough_info")
    return verdicts


def verdict_score(claims: list[Claim], verdicts: list[str]) -> tuple[float, float]:
    """(accuracy, confidently wrong rate): a verdict on a not_enough_info claim, or the
    opposite verdict, is confidently wrong."""
    right = sum(v == c.verdict for v, c in zip(verdicts, claims, strict=True))
    wrong = sum(
        v != c.verdict and v != "not_enough_info" for v, c in zip(verdicts, claims, strict=True)
    )
    return right / max(len(claims), 1), wrong / max(len(claims), 1)


def fit_claims(claims: list[Claim], c: float = 1.0) -> dict:
    from bot.judge.verdict import claim_features  # noqa: F401 (the features' definition)

    names = list(claims[0].judged[0].features) if claims and claims[0].judged else []
    rows = [(c_, j, label) for c_ in claims for j, label in zip(c_.judged, c_.labels, strict=True)]
    x = np.array([[j.features[n] for n in names] for _, j, _ in rows], dtype=float)
    y = np.array([label for _, _, label in rows])
    groups = np.array([c_.set_id for c_, _, _ in rows])
    held_out = held_out_probabilities(x, y, groups, c)
    per_claim, at = [], 0
    for claim in claims:
        per_claim.append(held_out[at : at + len(claim.judged)])
        at += len(claim.judged)

    def objective(t: float, floor: float = 0.0) -> float:
        accuracy, wrong = verdict_score(claims, claim_verdicts(claims, per_claim, t, floor))
        return accuracy - 5 * wrong

    candidates = np.linspace(0.3, 0.99, 70)
    threshold = max(candidates, key=lambda t: (objective(t), t))
    # Then the floor under which a sentence refutes nothing, however much of the claim it
    # says (the lowest of equally good ones: it takes refutations away), among those that
    # leave the seed sets no worse: they are the product's own articles, and its promise.
    seed_ids = _seed_ids()
    seeds = [c for c in claims if c.set_id in seed_ids]
    seed_p = [p_ for c, p_ in zip(claims, per_claim, strict=True) if c.set_id in seed_ids]

    def seeds_right(floor: float) -> float:
        return verdict_score(seeds, claim_verdicts(seeds, seed_p, threshold, floor))[0]

    level = seeds_right(0.0)
    floors = [f for f in np.linspace(0.0, 0.9, 19) if seeds_right(f) >= level]
    floor = max(floors, key=lambda f: (objective(threshold, f), -f))
    accuracy, wrong = verdict_score(claims, claim_verdicts(claims, per_claim, threshold, floor))
    never = verdict_score(claims, claim_verdicts(claims, per_claim, 1.01))
    unfloored = verdict_score(claims, claim_verdicts(claims, per_claim, threshold))
    model = stored_model(
        names,
        x,
        y,
        c,
        threshold,
        {
            "claims": len(claims),
            "candidates": len(rows),
            "gold_evidence_candidates": int(y.sum()),
            "sets": sorted(set(groups.tolist())),
            "cv_verdict_accuracy": round(accuracy, 3),
            "cv_confidently_wrong_rate": round(wrong, 3),
            "cv_rules_alone_accuracy": round(never[0], 3),
            "cv_rules_alone_confidently_wrong_rate": round(never[1], 3),
            "cv_without_floor_accuracy": round(unfloored[0], 3),
            "cv_without_floor_confidently_wrong_rate": round(unfloored[1], 3),
        },
    )
    return {**model, "floor": round(float(floor), 3)}


def _seed_ids() -> set[str]:
    from bot.eval.stories import seed_sets

    return {s.id for s in seed_sets()}


def answering_utility(right: np.ndarray, p: np.ndarray, threshold: float) -> int:
    """Right answers minus wrong ones when answering at or above ``threshold``."""
    answered = p >= threshold
    return int((answered & right).sum() - (answered & ~right).sum())


def abstention_scores(
    answerable: np.ndarray, p: np.ndarray, threshold: float
) -> tuple[float, float]:
    """Abstention precision and recall when refusing below ``threshold``."""
    refused = p < threshold
    unanswerable = ~answerable
    precision = (refused & unanswerable).sum() / max(refused.sum(), 1)
    recall = (refused & unanswerable).sum() / max(unanswerable.sum(), 1)
    return float(precision), float(recall)


def held_out_probabilities(
    x: np.ndarray, y: np.ndarray, groups: np.ndarray, c: float
) -> np.ndarray:
    """Each row's probability from a model fitted without its set (leave one set out)."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.preprocessing import StandardScaler

    held_out = np.zeros(len(y))
    for group in sorted(set(groups)):
        train, test = groups != group, groups == group
        scaler = StandardScaler().fit(x[train])
        model = LogisticRegression(C=c, class_weight="balanced", max_iter=1000)
        model.fit(scaler.transform(x[train]), y[train])
        held_out[test] = model.predict_proba(scaler.transform(x[test]))[:, 1]
    return held_out


def stored_model(
    names: list[str], x: np.ndarray, y: np.ndarray, c: float, threshold: float, fitted: dict
) -> dict:
    """The model fitted on every row, as the data bot/judge/model.py reads."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.preprocessing import StandardScaler

    scaler = StandardScaler().fit(x)
    model = LogisticRegression(C=c, class_weight="balanced", max_iter=1000)
    model.fit(scaler.transform(x), y)
    return {
        "features": list(names),
        "coef": [round(float(v), 6) for v in model.coef_[0]],
        "intercept": round(float(model.intercept_[0]), 6),
        "mean": [round(float(v), 6) for v in scaler.mean_],
        "scale": [round(float(v), 6) if v > 0 else 1.0 for v in scaler.scale_],
        "threshold": round(float(threshold), 3),
        "fitted": {
            "date": time.strftime("%Y-%m-%d"),
            "cross_validation": "leave one set out",
            **fitted,
        },
    }


def fit(rows: list[Row], c: float = 1.0) -> dict:
    """The model as data, with its leave-one-set-out figures."""
    x = np.array([[r.features[f] for f in QUESTION_FEATURES] for r in rows], dtype=float)
    y = np.array([r.answerable for r in rows])
    groups = np.array([r.set_id for r in rows])
    held_out = held_out_probabilities(x, y, groups, c)
    # The threshold that answers most questions right for fewest wrong: a right answer
    # counts one, an answer that is wrong (nothing to answer, or the wrong quote) minus one,
    # a refusal nothing.
    candidates = np.linspace(0.05, 0.95, 91)
    threshold = max(candidates, key=lambda t: (answering_utility(y, held_out, t), -abs(t - 0.5)))
    precision, recall = abstention_scores(y, held_out, threshold)
    return stored_model(
        list(QUESTION_FEATURES),
        x,
        y,
        c,
        threshold,
        {
            "rows": len(rows),
            "answerable": int(y.sum()),
            "sets": sorted(set(groups.tolist())),
            "cv_abstention_precision": round(precision, 3),
            "cv_abstention_recall": round(recall, 3),
            "cv_accuracy": round(float(((held_out >= threshold) == y).mean()), 3),
        },
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.judge.fit", description=__doc__)
    parser.add_argument(
        "--models",
        type=Path,
        default=Path(str(resources.files("bot.judge") / "models")),
        help="folder to write answerable.json and claim_evidence.json to (default: the one "
        "answering uses)",
    )
    args = parser.parse_args(argv)
    for name, build in (
        ("answerable", lambda: fit(collect())),
        ("claim_evidence", lambda: fit_claims(collect_claims())),
    ):
        model = build()
        out = args.models / f"{name}.json"
        out.write_text(json.dumps(model, indent=2) + "\n", encoding="utf-8")
        print(f"{out}: {json.dumps(model['fitted'])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
