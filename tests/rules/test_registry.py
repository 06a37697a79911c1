"""The registry's ablation switch: a rule named in VERIF_RULES_OFF is silent, so that the
evaluation can measure on fresh stories what one rule adds."""

from __future__ import annotations

import pytest

from bot.judge import pair_of
from bot.judge.rules import CONTRADICTION, SILENCE, judge
from index.errors import VerifError

PAIRS = [
    ("The bridge cost 60 million euros.", "en", "The bridge cost 48 million euros.", "en"),
    ("Le pont a coûté 60 millions d'euros.", "fr", "L'ouvrage a coûté 48 millions d'euros.", "fr"),
]


@pytest.mark.parametrize("claim, claim_lang, evidence, evidence_lang", PAIRS)
def test_a_switched_off_rule_is_silent_and_the_others_still_speak(
    monkeypatch, claim, claim_lang, evidence, evidence_lang
):
    pair = pair_of(claim, claim_lang, evidence, evidence_lang)
    on = {s.rule: s.outcome for s in judge(pair)}
    assert on["quantity"] == CONTRADICTION
    monkeypatch.setenv("VERIF_RULES_OFF", "quantity, age")
    off = {s.rule: s.outcome for s in judge(pair)}
    assert off["quantity"] == SILENCE and off["age"] == SILENCE
    assert set(off) == set(on)  # every rule still answers, in the same registry


def test_an_unknown_rule_name_is_a_clear_error(monkeypatch):
    monkeypatch.setenv("VERIF_RULES_OFF", "quantity,numbers")
    with pytest.raises(VerifError, match="unknown rules \\['numbers'\\]"):
        judge(pair_of("A claim.", "en", "A sentence.", "en"))


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_every_rule_s_contradiction_has_words_in_every_answer_language(lang):
    """An answer says why a claim is refuted ("a different date or day"): a rule that can
    contradict and whose kind has no wording would crash the answer that cites it. (The hedge
    and missing-entity rules never contradict; their modules do not name a contradiction.)"""
    import inspect
    import sys

    from bot.judge.rules import RULES, Signal
    from prompts import text

    contradicting = [
        name
        for name, check in RULES.items()
        if "CONTRADICTION" in inspect.getsource(sys.modules[check.__module__])
    ]
    assert {"quantity", "date", "relative", "negation", "actor"} <= set(contradicting)
    for name in contradicting:
        assert text(lang, f"verdict.why.{Signal(name, CONTRADICTION, '').kind}")
