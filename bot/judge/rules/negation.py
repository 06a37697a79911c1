"""Negation: one text denies what the other says of the claim's own words.

A negation counts only where it bears on one of the claim's content words (its verb, its
object), not anywhere in the sentence; "didn't", "isn't" are negations; words of a
predicate with two poles are left to the direction rule, which turns them instead.
"""

from __future__ import annotations

from bot.judge.rules import CONTRADICTION, Pair, Signal, rule, silence
from bot.question.terms import covers, sentence_terms
from index.analysis import fold
from index.facts import facts_of
from index.lexicon import load_lexicon, opposite_poles

NAME = "negation"


@rule(NAME)
def check(pair: Pair) -> Signal:
    lexicon = load_lexicon()
    content = [
        t
        for t in pair.terms
        if not (t.is_name or t.is_number or t.is_time) and not (t.stems & opposite_poles().keys())
    ]
    if not content:
        return silence(NAME)
    evidence_facts = facts_of(pair.evidence, pair.evidence_lang)
    claim_facts = facts_of(pair.claim, pair.claim_lang)
    denied = sentence_terms(" ".join(evidence_facts.negated), pair.evidence_lang, lexicon)
    in_evidence = [t for t in content if covers(t, denied)]
    # The claim denying a word the evidence never says is no contradiction: the evidence must
    # state it ("not a cyberattack" against a sentence about a software update says nothing).
    stated = sentence_terms(pair.evidence, pair.evidence_lang, lexicon)
    in_claim = [
        t
        for t in content
        if (t.folded in claim_facts.negated or fold(t.word) in claim_facts.negated)
        and covers(t, stated)
    ]
    if bool(in_evidence) == bool(in_claim):
        return silence(NAME)
    words = in_evidence or in_claim
    side = "the source denies" if in_evidence else "the claim denies"
    return Signal(NAME, CONTRADICTION, f"{side} {', '.join(t.word for t in words)}")
