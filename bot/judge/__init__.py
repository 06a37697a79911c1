"""Judging a claim against evidence: a fact layer (facts.py, numbers.py), a registry of small
rules (rules/), and the decision that combines their signals (decision.py)."""

from __future__ import annotations

from bot.judge.rules import Pair, Signal, judge
from bot.lexicon import load_lexicon
from bot.terms import TermIndex, query_terms, sentence_terms

__all__ = ["Pair", "Signal", "judge", "pair_of"]


def pair_of(
    claim: str,
    claim_lang: str,
    evidence: str,
    evidence_lang: str,
    corpus: TermIndex | None = None,
    published: str | None = None,
    title: str = "",
) -> Pair:
    """A ``Pair`` from plain strings; the claim's terms are weighed against ``corpus`` (the
    evidence alone when None), as the retriever would."""
    lexicon = load_lexicon()
    if corpus is None:
        corpus = TermIndex([sentence_terms(evidence, evidence_lang, lexicon)], [evidence])
    terms = query_terms(claim, claim_lang, lexicon, corpus, claim=True)
    return Pair(claim, claim_lang, evidence, evidence_lang, tuple(terms), published, title)
