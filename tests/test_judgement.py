"""Which contradiction a judged sentence lets through: the decision's gates, on plain flags."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.evidence.candidates import Evidence
from bot.judge.rules import CONTRADICTION, SUPPORT, UNVERIFIED, Signal
from bot.judge.verdict import FIGURES_ABOUT, Judgement, verdict_of
from bot.retrieve.retriever import ScoredSentence


def _judged(
    *signals: Signal, p: float, names_missing: bool, at: int = 0, **flags: bool
) -> Judgement:
    sentence = ScoredSentence(at, 0, 1.0, 0.9, 0.9, 1.0, 0.8, ())
    return Judgement(
        evidence=Evidence("doc", 0, at * 100, at * 100 + 50, sentence),
        topic=0.8,
        settled=0.8,
        subject_missing=flags.get("subject_missing", False),
        names_missing=names_missing,
        names_elsewhere=False,
        predicate_missing=flags.get("predicate_missing", False),
        order=None,
        signals=signals,
        family_lent=flags.get("family_lent", False),
        p=p,
        threshold=0.96,
    )


FIGURE = Signal("quantity", CONTRADICTION, "'25 kilomètres' against '25 miles'")
SENSE = Signal("direction", CONTRADICTION, "the opposite direction")


@pytest.mark.parametrize(
    ("signal", "p", "flags", "refutes"),
    [
        # another name of the claim left out ("the capital's centre" for Kiev): a figure still
        # counts when the model is sure the sentence is about the claim
        (FIGURE, FIGURES_ABOUT + 0.05, {}, True),
        (FIGURE, FIGURES_ABOUT - 0.05, {}, False),
        # the sense of a word depends on who it is said of: never without all the names
        (SENSE, 0.99, {}, False),
        # the subject itself missing, or lent by the family's name: nothing counts
        (FIGURE, 0.99, {"subject_missing": True}, False),
        (FIGURE, 0.99, {"family_lent": True}, False),
    ],
)
def test_a_sentence_missing_a_name_refutes_only_by_a_figure_when_surely_about(
    signal, p, flags, refutes
):
    judged = _judged(signal, p=p, names_missing=True, **flags)
    assert (judged.contradiction is not None) is refutes


def test_a_sentence_naming_everyone_refutes_by_any_rule():
    assert _judged(SENSE, p=0.99, names_missing=False).contradiction is not None


@pytest.mark.parametrize(("p", "refutes"), [(0.3, False), (0.6, True), (0.99, True)])
def test_a_sentence_the_model_finds_unlikely_to_decide_refutes_nothing(p, refutes):
    """Its words cover the claim (topic 0.8), but below the fitted floor (here 0.5) the
    model gives it little chance of being the claim's evidence: its other figure is likely
    another thing's."""
    judged = replace(_judged(FIGURE, p=p, names_missing=False), floor=0.5)
    assert (judged.contradiction is not None) is refutes


UNDATED = Signal("weekday", UNVERIFIED, "the source gives no day")
DATED = Signal("weekday", SUPPORT, "same day")


@pytest.mark.parametrize(
    ("other", "verdict"),
    [
        # another sentence naming the parties gives the day: supported, both cited
        (_judged(DATED, p=0.5, names_missing=False, at=1, predicate_missing=True), "supported"),
        # a sentence without the claim's names dates something else
        (_judged(DATED, p=0.5, names_missing=True, at=1, predicate_missing=True),
         "not_enough_info"),
        # nothing gives the day
        (_judged(p=0.5, names_missing=False, at=1, predicate_missing=True), "not_enough_info"),
    ],
)  # fmt: skip
def test_a_sentence_stating_all_but_the_date_is_supported_when_another_dates_it(other, verdict):
    """ "Taliban fighters entered Kabul and Ghani left Afghanistan" beside "Ghani flew out of
    Afghanistan on Sunday", for "Ghani left the country on Sunday"."""
    undated = _judged(UNDATED, p=0.99, names_missing=False)
    decision = verdict_of([undated, other], None, None)
    assert decision.verdict == verdict
    if verdict == "supported":
        assert [e.start for e in decision.evidence] == [0, 100]
