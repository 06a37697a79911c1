"""Scores and tallies: "4-2", "6-3, 7-6, 6-3", "by 432 votes to 202", "194 voix contre 114".

A score's two figures are one fact (index/facts ``Score``): "France beat Croatia 4-2" is
stated by "la France a battu la Croatie 4-2" and by "Croatia lost 2-4". Another score leaves
it unverified and never refutes it: one event has several (at the break, in the shoot-out,
at each report), which a sentence does not tell apart. On the dev stories, refuting by the
source's only score was wrong twice ("beat France 4-2 in a penalty shootout" against the
match's 3-3) and right never.
"""

from __future__ import annotations

from bot.judge.rules import SUPPORT, UNVERIFIED, Pair, Signal, rule, silence
from index.facts import facts_of

NAME = "score"


@rule(NAME)
def check(pair: Pair) -> Signal:
    claimed = facts_of(pair.claim, pair.claim_lang).scores
    if not claimed:
        return silence(NAME)
    stated = facts_of(pair.evidence, pair.evidence_lang).scores
    if not stated:
        return Signal(NAME, UNVERIFIED, "the source gives no score")
    if all(any(mine.same_as(theirs) for theirs in stated) for mine in claimed):
        return Signal(NAME, SUPPORT, "same score")
    # Another score is never a denial: a match has several (at the break, after extra time,
    # the shoot-out), and a contest its score at each report ("3-0" before it ends 4-1).
    written = ", ".join(pair.evidence[s.start : s.end] for s in stated)
    return Signal(NAME, UNVERIFIED, f"the source gives the score {written}")
