"""Does evidence on a claim's subject contradict it, and how? The judge rules, as one call.

Kept for the LLM guard, which checks each generated sentence against the passage it cites
with the same rules that judge claims (bot/judge/rules).
"""

from __future__ import annotations

from bot.judge.rules import CONTRADICTION, Pair, judge
from bot.terms import QueryTerm


def contradiction(
    claim: str,
    lang: str,
    evidence: str,
    evidence_lang: str,
    terms: list[QueryTerm],
    published: str | None = None,
) -> str | None:
    """The kind of the first contradiction the rules find ("number", "date"…), or None."""
    pair = Pair(claim, lang, evidence, evidence_lang, tuple(terms), published)
    return next((s.kind for s in judge(pair) if s.outcome == CONTRADICTION), None)
