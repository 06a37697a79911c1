"""Rules are tested on plain strings: no index, no model."""

from __future__ import annotations

from bot.judge import pair_of
from bot.judge.rules import RULES, Signal


def outcome(rule: str, claim: str, claim_lang: str, evidence: str, evidence_lang: str,
            published: str | None = None) -> Signal:  # fmt: skip
    return RULES[rule](pair_of(claim, claim_lang, evidence, evidence_lang, published=published))
