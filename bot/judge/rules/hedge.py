"""Hedges: the evidence only hopes, plans, tries or alleges what the claim states as done.

"Parler espère obtenir des dommages-intérêts" does not support "Parler obtained damages":
the claim's predicate is under a hedge in the evidence and not in the claim. A noun that
looks like a hedging verb ("the plan") is no hedge (the language pack says how to tell).
"""

from __future__ import annotations

from bot.judge.rules import UNVERIFIED, Pair, Signal, rule, silence
from bot.question.terms import covers, predicate_of, sentence_terms
from index.facts import facts_of
from index.lexicon import load_lexicon

NAME = "hedge"


@rule(NAME)
def check(pair: Pair) -> Signal:
    if facts_of(pair.claim, pair.claim_lang).hedged:
        return silence(NAME)  # the claim itself only says it is hoped or alleged
    hedged = facts_of(pair.evidence, pair.evidence_lang).hedged
    if not hedged:
        return silence(NAME)
    lexicon = load_lexicon()
    under = sentence_terms(" ".join(hedged), pair.evidence_lang, lexicon)
    words = [
        t.word
        for t in pair.terms
        if not (t.is_name or t.is_number or t.is_time) and covers(t, under)
    ]
    if not words:
        return silence(NAME)
    # A hedge in a side clause ("blocked the merger because of concerns it could have on
    # competition") leaves the main statement asserted: when the evidence states the claim's
    # predicate outside the hedge, the claim is not under it.
    predicate = predicate_of(list(pair.terms), pair.claim)
    stated = sentence_terms(pair.evidence, pair.evidence_lang, lexicon)
    if predicate is not None and covers(predicate, stated) and not covers(predicate, under):
        return silence(NAME)
    return Signal(
        NAME,
        UNVERIFIED,
        f"the source only says it is hoped, planned or alleged: {', '.join(words)}",
    )
