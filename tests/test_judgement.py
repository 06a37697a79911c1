"""Which contradiction a judged sentence lets through: the decision's gates, on plain flags."""

from __future__ import annotations

import pytest

from bot.evidence.candidates import Evidence
from bot.judge.rules import CONTRADICTION, Signal
from bot.judge.verdict import FIGURES_ABOUT, Judgement
from bot.retrieve.retriever import ScoredSentence


def _judged(signal: Signal, *, p: float, names_missing: bool, **flags: bool) -> Judgement:
    sentence = ScoredSentence(0, 0, 1.0, 0.9, 0.9, 1.0, 0.8, ())
    return Judgement(
        evidence=Evidence("doc", 0, 0, 10, sentence),
        topic=0.8,
        settled=0.8,
        subject_missing=flags.get("subject_missing", False),
        names_missing=names_missing,
        names_elsewhere=False,
        predicate_missing=False,
        order=None,
        signals=(signal,),
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
