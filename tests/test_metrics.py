"""Metric functions on small examples computed by hand."""

from __future__ import annotations

import pytest

from bot.eval import metrics as m


def test_normalisation_handles_french_articles_elision_and_guillemets():
    assert m.normalize_answer("L’application «Parler» !") == "application parler"
    assert m.normalize_answer("The Capitol's attack") == "capitol s attack"
    assert m.normalize_answer("d'un contenu violent") == "contenu violent"
    assert m.normalize_answer("Les  données   de SensorTower") == "données sensortower"


def test_contains_answer_is_whole_word_containment():
    assert m.contains_answer("Le cours a chuté de plus de 6% lundi.", ["plus de 6%"]) == 1.0
    assert m.contains_answer("Le cours a chuté de 16% lundi.", ["6%"]) == 0.0
    assert m.contains_answer("Sans réponse", ["48 dollars", "48 $"]) == 0.0


def test_token_f1_by_hand():
    # prediction tokens: [cours, chuté, 6] ; gold: [chuté, 6, lundi]
    # overlap 2 -> precision 2/3, recall 2/3 -> F1 2/3
    assert m.token_f1("le cours chuté 6", ["chuté 6 lundi"]) == pytest.approx(2 / 3)
    assert m.token_f1("rien", ["autre chose"]) == 0.0
    assert m.token_f1("a b", ["x", "a b"]) == 1.0


def test_span_matching_by_offsets_and_by_text():
    gold = m.Span("doc", 100, 200, "quote")
    assert m.matches(m.Span("doc", 150, 260, "…"), gold)  # 50 of the shorter 100
    assert not m.matches(m.Span("doc", 160, 400, "…"), gold)  # 40 < 50
    assert not m.matches(m.Span("other", 100, 200, "…"), gold)
    assert m.matches(m.Span(None, None, None, "a long text with the quote inside"), gold)


def test_recall_and_mrr_by_hand():
    ranks = [1, 3, None, 2]
    assert m.recall_at(ranks, 1) == 0.25
    assert m.recall_at(ranks, 3) == 0.75
    assert m.mean_reciprocal_rank(ranks) == pytest.approx((1 + 1 / 3 + 0 + 1 / 2) / 4)
    ranked = [m.Span("d", 0, 10, ""), m.Span("d", 50, 60, "")]
    assert m.first_hit(ranked, [m.Span("d", 52, 58, "")]) == 2


def test_abstention_scores_by_hand():
    # 4 answerable, 2 unanswerable; abstained on 1 answerable and 1 unanswerable.
    answerable = [True, True, True, True, False, False]
    abstained = [True, False, False, False, True, False]
    s = m.abstention_scores(answerable, abstained)
    assert s.precision == 0.5 and s.recall == 0.5 and s.f1 == 0.5
    # answering: tp 3, fp 1 (answered an unanswerable), fn 1 -> P 3/4, R 3/4
    assert s.answer_f1 == pytest.approx(0.75)
    assert s.combined_f1 == pytest.approx(0.625)


def test_abstention_scores_are_undefined_not_halved_when_a_class_is_absent():
    """Issue 17: a subset of unanswerable questions all rightly refused scored 0.5, because the
    answering F1 of a subset with nothing to answer counted as 0."""
    all_refused = m.abstention_scores([False, False, False], [True, True, True])
    assert all_refused.precision == 1.0 and all_refused.recall == 1.0 and all_refused.f1 == 1.0
    assert all_refused.answer_f1 is None and all_refused.combined_f1 == 1.0
    never_refused = m.abstention_scores([True, True, False], [False, False, False])
    assert never_refused.precision is None and never_refused.recall == 0.0
    assert never_refused.f1 == 0.0 and never_refused.combined_f1 == pytest.approx(0.4)
    nothing_to_refuse = m.abstention_scores([True, True], [False, True])
    assert nothing_to_refuse.recall is None and nothing_to_refuse.f1 is None
    assert nothing_to_refuse.precision == 0.0


def test_confidently_wrong_is_a_verdict_asserting_the_wrong_thing():
    assert m.confidently_wrong("supported", "refuted")
    assert m.confidently_wrong("refuted", "supported")
    assert m.confidently_wrong("not_enough_info", "supported")
    assert m.confidently_wrong("not_enough_info", "refuted")
    assert not m.confidently_wrong("supported", "not_enough_info")  # a miss, not an error
    assert not m.confidently_wrong("refuted", "refuted")
    assert not m.confidently_wrong("supported", None)


def test_verdict_metrics_by_hand():
    labels = ["supported", "refuted", "not_enough_info"]
    gold = ["supported", "supported", "refuted", "not_enough_info"]
    predicted = ["supported", "refuted", "refuted", "refuted"]
    assert m.confusion(gold, predicted, labels) == [[1, 1, 0], [0, 1, 0], [0, 1, 0]]
    # supported: P 1, R 1/2 -> 2/3 ; refuted: P 1/3, R 1 -> 1/2 ; nei: 0
    assert m.macro_f1(gold, predicted, labels) == pytest.approx((2 / 3 + 1 / 2 + 0) / 3)


def test_percentile_nearest_rank():
    assert m.percentile([5, 1, 4, 2, 3], 50) == 3
    assert m.percentile(list(range(1, 101)), 95) == 95
    assert m.percentile([], 50) == 0.0


def test_eval_command_writes_its_report(tmp_path, bundled_index):
    """``python -m bot.eval`` on a few gold items: report files, summary, exit code 0; a bad
    gold file is an error (exit 1), low scores are not."""
    import json
    import subprocess
    import sys

    from bot.eval.gold import DEFAULT_GOLD

    from .conftest import ROOT

    lines = DEFAULT_GOLD.read_text(encoding="utf-8").splitlines()
    kinds = {"question": 2, "unanswerable": 1, "claim": 1}
    picked = []
    for line in lines:
        kind = json.loads(line)["kind"]
        if kinds.get(kind, 0) > 0:
            kinds[kind] -= 1
            picked.append(line)
    gold = tmp_path / "small.jsonl"
    gold.write_text("\n".join(picked) + "\n", encoding="utf-8")
    out = tmp_path / "report"
    run = subprocess.run(
        [sys.executable, "-m", "bot.eval", "--gold", str(gold), "--out", str(out), "--k", "3"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    assert "Evidence recall@3" in run.stdout and "tutorial" in run.stdout
    for name in ("report.md", "report.json", "scores.png", "latency.png"):
        assert (out / name).stat().st_size > 0
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert len(report["items"]) == 4
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"id": "x", "kind": "question"}\n', encoding="utf-8")
    failed = subprocess.run(
        [sys.executable, "-m", "bot.eval", "--gold", str(broken), "--out", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert failed.returncode == 1 and "error:" in failed.stderr


def _result(item, abstained=False, verdict=None, notes=()):
    from bot.eval.run import ItemResult

    answer = {
        "text": "…",
        "language": item.language,
        "abstained": abstained,
        "verdict": verdict,
        "citations": [],
        "confidence": 0.9,
        "notes": list(notes),
    }
    return ItemResult(item, answer, 10.0)


def test_group_scores_refusals_hedges_and_confident_errors():
    """The per-kind groups that the charts draw: every unanswerable question refused scores 1
    (not 0.5); hedges count the answered questions framed as partial; confident errors count
    verdicts asserting the wrong thing."""
    from bot.eval.gold import GoldItem
    from bot.eval.run import score_groups

    unanswerable = [GoldItem(f"u{i}", "fr", "unanswerable", "Qui ?") for i in range(3)]
    questions = [GoldItem(f"q{i}", "en", "question", "Who?", ("x",)) for i in range(4)]
    claims = [
        GoldItem("c1", "en", "claim", "X.", verdict="supported"),
        GoldItem("c2", "en", "claim", "Y.", verdict="not_enough_info"),
        GoldItem("c3", "en", "claim", "Z.", verdict="refuted"),
    ]
    results = [_result(i, abstained=True) for i in unanswerable]
    results += [_result(questions[0], abstained=True)]
    results += [_result(questions[1], notes=["framing: answer.lead_weak"])]
    results += [_result(q, notes=["framing: answer.lead"]) for q in questions[2:]]
    results += [
        _result(claims[0], verdict="refuted"),  # confidently wrong
        _result(claims[1], verdict="supported"),  # confidently wrong
        _result(claims[2], verdict="not_enough_info"),  # a miss
    ]
    groups = score_groups(results)
    assert groups["kind=unanswerable"]["abstention"]["combined_f1"] == 1.0
    overall = groups["overall"]
    assert overall["abstention"]["precision"] == 0.75 and overall["abstention"]["recall"] == 1.0
    assert overall["hedging"] == {"hedged": 1, "rate": pytest.approx(1 / 3), "n": 3}
    assert overall["claims"]["confidently_wrong"] == 2
    assert overall["claims"]["confidently_wrong_rate"] == pytest.approx(2 / 3)
    assert overall["claims"]["accuracy"] == 0.0
