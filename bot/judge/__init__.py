"""The judging stage: from a query and its chosen evidence to an answer, a refusal or a verdict.

A registry of small rules (``rules/``) compares the facts of a claim and of one evidence
sentence (the fact layer, ``index.facts``); ``answerable.py`` decides whether a question is
answered or refused, ``verdict.py`` whether a claim is supported, refuted or left without
enough information, both with models fitted by ``fit.py`` and stored in ``models/`` (read by
``model.py``). It is a stage because it is the only place that decides: it receives the
evidence chosen before it and hands a decision to the wording after it."""

from __future__ import annotations

from bot.judge.rules import Pair, Signal, judge
from bot.question.terms import TermIndex, query_terms, sentence_terms
from index.lexicon import load_lexicon

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
