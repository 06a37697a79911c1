"""Negation: one text denies what the other says of the claim's own words.

A negation counts only where it bears on one of the claim's content words (its verb, its
object), not anywhere in the sentence; "didn't", "isn't" are negations; words of a
predicate with two poles are left to the direction rule, which turns them instead. "Never"
up to a time ("before this victory he had never won") is not denied by the event itself; a
word the evidence says only a little of ("avait peu progressé") is not stated as the claim
states it. A claim's denial is confirmed only by a source that denies something: one that
neither states nor denies the denied verb leaves it unverified.
"""

from __future__ import annotations

import re

from bot.judge.rules import CONTRADICTION, UNVERIFIED, Pair, Signal, rule, silence
from bot.judge.rules.direction import negated_superlative
from bot.question.terms import QueryTerm, SentenceTerms, covers, sentence_terms
from index.analysis import fold, words
from index.facts import Facts, avoided_words, facts_of
from index.lang import pack
from index.lexicon import load_lexicon, opposite_poles

NAME = "negation"


@rule(NAME)
def check(pair: Pair) -> Signal:
    if negated_superlative(pair.claim, pair.claim_lang):
        return Signal(NAME, UNVERIFIED, "the claim denies a comparison to all: a superlative")
    if negated_superlative(pair.evidence, pair.evidence_lang):
        return silence(NAME)  # "jamais un second tour aussi serré": the closest ever, no denial
    denial = _denial(pair)
    if denial is not None:
        return denial
    # a predicate with two poles too: "avait peu progressé" does not state "gained ground"
    words = [t for t in pair.terms if not (t.is_name or t.is_number or t.is_time)]
    in_claim = _played_down(pair.claim, pair.claim_lang, words)
    played_down = [
        t for t in _played_down(pair.evidence, pair.evidence_lang, words) if t not in in_claim
    ]
    if played_down:
        said = ", ".join(t.word for t in played_down)
        return Signal(NAME, UNVERIFIED, f"the source says little of {said}")
    return silence(NAME)


def _denial(pair: Pair) -> Signal | None:
    """A contradiction when one text denies a content word the other states."""
    lexicon = load_lexicon()
    content = [
        t
        for t in pair.terms
        if not (t.is_name or t.is_number or t.is_time) and not (t.stems & opposite_poles().keys())
    ]
    if not content:
        return None
    evidence_facts = facts_of(pair.evidence, pair.evidence_lang)
    claim_facts = facts_of(pair.claim, pair.claim_lang)
    denied = sentence_terms(
        _as_written(pair.evidence, evidence_facts.negated), pair.evidence_lang, lexicon
    )
    in_evidence = [t for t in content if covers(t, denied)]
    if in_evidence and _turned(evidence_facts, pair):
        # "the only countries that don't *support* the deal" for "opposing the agreement":
        # the source denies a pole the claim names the other side of; the direction rule
        # weighs that ("not support" is "oppose"), and the deal is not denied
        in_evidence = []
    # The claim denying a word the evidence never says is no contradiction: the evidence must
    # state it ("not a cyberattack" against a sentence about a software update says nothing);
    # and what the claim denies is its negation's head, not the head's complements ("never
    # *met* in an official match" is not denied by a match).
    stated = sentence_terms(pair.evidence, pair.evidence_lang, lexicon)
    heads = _denied(claim_facts, pair.claim, pair.claim_lang)
    in_claim = [t for t in content if covers(t, heads) and covers(t, stated)]
    if in_evidence and in_claim:
        # Both deny: the same thing, or not ("did not acquit him of rape" against "found not
        # guilty of the other charges").
        if any(t in in_evidence for t in in_claim):
            return None
        said = ", ".join(t.word for t in in_claim)
        return Signal(NAME, UNVERIFIED, f"the source does not deny {said}")
    if in_evidence and not in_claim:
        scope = _scope(claim_facts, pair.claim, pair.claim_lang)
        if any(covers(t, scope) for t in in_evidence):
            # "does not put his position in question" against "his position is not in
            # question": the claim's negation heads another word ("put"), but what the source
            # denies is inside the claim's own denial, so both deny it
            return None
    if not in_evidence and not in_claim:
        # a denial the source may say in other words ("sans l'accord", "without the
        # approval") leaves it to coverage; a source that denies nothing cannot confirm one
        return None if evidence_facts.negated else _denial_unstated(content, heads)
    if _kept_from(in_evidence, pair.claim, pair.claim_lang) or _kept_from(
        in_claim, pair.evidence, pair.evidence_lang
    ):
        # "urged residents to avoid travel" against "told them not to travel", "ruled out an
        # accident" against "could not have been caused by an accident": both deny it
        return None
    text, lang = (
        (pair.evidence, pair.evidence_lang) if in_evidence else (pair.claim, pair.claim_lang)
    )
    if _never_until(text, lang):
        # "had never flown before this launch" is not denied by a flight; nor is it stated
        return None if in_evidence else Signal(NAME, UNVERIFIED, "the source does not say never")
    side = "the source denies" if in_evidence else "the claim denies"
    denial = ", ".join(t.word for t in in_evidence or in_claim)
    return Signal(NAME, CONTRADICTION, f"{side} {denial}")


def _denial_unstated(content: list[QueryTerm], heads: SentenceTerms) -> Signal | None:
    """The claim denies a plain verb ("La police n'a pas utilisé de gaz lacrymogène") that a
    source denying nothing does not state ("a plume of what appears to be police tear gas"):
    what it says of the rest cannot confirm the denial. ``heads`` is what the claim denies
    (``_denied``); a verb with two poles is the direction rule's to turn ("did not win" is
    "lost")."""
    if not heads.stems or heads.stems & opposite_poles().keys():
        return None
    denied = [t for t in content if covers(t, heads)]
    if not denied:
        return None
    said = denied[0].word
    return Signal(NAME, UNVERIFIED, f"the source neither states nor denies {said}")


def _kept_from(terms: list[QueryTerm], text: str, lang: str) -> bool:
    """Does ``text`` keep from one of ``terms`` with a verb that denies it ("avoid travel")?"""
    kept = sentence_terms(" ".join(avoided_words(text, lang)), lang, load_lexicon())
    return any(covers(t, kept) for t in terms)


def _denied(facts: Facts, text: str, lang: str) -> SentenceTerms:
    """What a claim's negations deny: their heads; all the words they bear on when a head is
    a word with two poles, which the direction rule turns ("didn't *file* a new lawsuit"
    denies the lawsuit of this claim). A source's negation is read whole: "does not
    recommend any restrictions on travel" denies the restrictions a claim says it advised."""
    heads = sentence_terms(_as_written(text, facts.negation_heads), lang, load_lexicon())
    if heads.stems & opposite_poles().keys():
        return _scope(facts, text, lang)
    return heads


def _scope(facts: Facts, text: str, lang: str) -> SentenceTerms:
    """Every word a text's negations bear on, not only their heads."""
    return sentence_terms(_as_written(text, facts.negated), lang, load_lexicon())


def _as_written(text: str, folded: frozenset[str]) -> str:
    """The words of ``text`` whose folded forms are ``folded``, as the text writes them: a
    French word is lemmatised with its accents ("élue" is of "élire"; "elue" of nothing)."""
    kept = [w.group() for w in words(text) if fold(w.group()) in folded]
    return " ".join(kept + [w for w in folded if w.isdigit()])


def _turned(evidence: Facts, pair: Pair) -> bool:
    """Does a negation of the source bear on a word with two poles (its head) whose other pole
    the claim names ("don't support" for "oppose")?"""
    poles = opposite_poles()
    heads = sentence_terms(
        _as_written(pair.evidence, evidence.negation_heads), pair.evidence_lang, load_lexicon()
    )
    denied = {pole for stem in heads.stems for pole in poles.get(stem, ())}
    claimed = {pole for t in pair.terms for stem in t.stems for pole in poles.get(stem, ())}
    return any(
        axis == other_axis and pole != other_pole
        for axis, pole in denied
        for other_axis, other_pole in claimed
    )


def _never_until(text: str, lang: str) -> bool:
    """Is the negation "never" up to a time ("had never won before")?"""
    language = pack(lang)
    return bool(
        language.pattern("negation", "never").search(text)
        and language.pattern("negation", "until").search(text)
    )


def _played_down(text: str, lang: str, content: list[QueryTerm]) -> list[QueryTerm]:
    """The content words that ``text`` says only a little of: right after "peu", "little"
    ("avait peu progressé", "little changed"), not after "un peu", "a little"."""
    language = pack(lang)
    downtoner = language.alternation("negation", "downtoners")
    exceptions = {w.casefold() for w in language.words("negation", "downtoner_exceptions")}
    lexicon = load_lexicon()
    found: list[QueryTerm] = []
    for match in re.finditer(rf"(?<![\w-])({downtoner})\s+([\w’'-]+)", text, re.IGNORECASE):
        before = re.findall(r"[\w’'-]+", text[: match.start()])
        if before and before[-1].casefold() in exceptions:
            continue
        said = sentence_terms(match.group(2), lang, lexicon)
        found += [t for t in content if covers(t, said) and t not in found]
    return found
