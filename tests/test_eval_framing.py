"""The hedge rate's detector agrees with the framing people actually read.

``is_hedged`` reads what the pipeline records (a ``framing:`` note, else the composer's
confidence rule), never the wording; this test checks it against the wording, over the seed
gold questions, so that a change to the composer's rule that is not recorded in a note fails
here rather than silently skewing the benchmark's hedge rate.
"""

from __future__ import annotations

import contextlib

import pytest

from bot.eval.framing import PARTIAL_KEYS, is_hedged
from bot.eval.gold import DEFAULT_GOLD, load_gold
from prompts import text as t


def _partial_leads(lang: str) -> set[str]:
    """The partial leads as shown (none once prompts/ no longer has them)."""
    leads = set()
    for source in ("fr", "en"):
        name = t(lang, f"language.{source}")
        for key in PARTIAL_KEYS:
            with contextlib.suppress(KeyError):
                leads.add(t(lang, key, source_language=name))
    return leads


def test_hedge_detector_matches_the_lead_shown(bundled_index):
    from bot.engine import Engine

    engine = Engine(bundled_index)
    questions = [i for i in load_gold(DEFAULT_GOLD) if i.kind == "question"]
    checked = 0
    for item in questions:
        answer = engine.ask(item.question).to_dict()
        if answer["abstained"]:
            assert not is_hedged(answer)
            continue
        shown_partial = answer["text"].splitlines()[0] in _partial_leads(answer["language"])
        assert is_hedged(answer) == shown_partial, (item.id, answer["text"].splitlines()[0])
        checked += 1
    assert checked >= 20


@pytest.mark.parametrize(
    ("notes", "confidence", "hedged"),
    [
        (["decision: answered", "framing: answer.lead_weak"], 0.99, True),
        (["framing: answer.lead_weak_other_language"], 0.99, True),
        (["framing: answer.lead"], 0.01, False),  # a recorded framing wins over confidence
        (["framing: answer.lead"], 0.0, False),
    ],
)
def test_hedge_detector_prefers_a_recorded_framing(notes, confidence, hedged):
    answer = {"abstained": False, "verdict": None, "confidence": confidence, "notes": notes}
    assert is_hedged(answer) is hedged


def test_refusals_and_verdicts_are_never_hedges():
    assert not is_hedged({"abstained": True, "verdict": None, "confidence": 0.0, "notes": []})
    claim = {"abstained": False, "verdict": "supported", "confidence": 0.1, "notes": []}
    assert not is_hedged(claim)
    assert not is_hedged({"error": "ValueError: empty"})
