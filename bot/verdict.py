"""Claim verdicts: supported, refuted or not enough information, always with the evidence.

"Refuted" needs evidence on the claim's subject that says something incompatible (see
contradict.py), or evidence that says what the claim says of someone else ("Google sued
Amazon" against "Parler a poursuivi Amazon"). "Supported" needs evidence that covers the
claim's words, names, numbers and dates and contradicts none of it. Anything else is not
enough information.
"""

from __future__ import annotations

import re

from bot.contradict import contradiction, hedged, specific_kinds, unstated_numbers
from bot.decide import Decision, confidence_of
from bot.evidence import Evidence, quote_span, runner_up
from bot.lexicon import load_lexicon
from bot.question import Query
from bot.retrieve import Retrieval, ScoredSentence
from bot.terms import QueryTerm, first_mention, inner_capitalised, is_time_word, topic_coverage
from index.analysis import fold
from index.store import CorpusIndex

# Share of the claim's (rarity-weighted) words its evidence must cover to support it.
SUPPORT_COVERAGE = 0.7
# Below this the closest sentence is not on the claim's subject: nothing can be concluded.
TOPIC_COVERAGE = 0.45
# A contradiction refutes only evidence that is about the same thing as the claim.
REFUTE_COVERAGE = 0.5
# Sentences looked at for the same statement made of someone else.
RUNNERS_UP = 6


_PASSIVE = re.compile(
    r"\b(?:was|were|been|being|is|are)\s+(?:\w+ly\s+)?\w+(?:ed|en|wn|ht|un)\b"
    r"|\b(?:été|est|sont|était|étaient)\s+\w+(?:é|ée|és|ées|is|ise|it|ite|u|ue|us|ues)\b",
    re.IGNORECASE,
)
_POSSESSIVE = re.compile(r"^\s*(?:['’]s?\b|\s+de\b)")


def decide_claim(
    query: Query, retrieval: Retrieval, evidence: list[Evidence], index: CorpusIndex
) -> Decision:
    if not evidence:
        return Decision(False, "not_enough_info", [], 0.0, "no passage")
    claim = query.proposition
    best, top = _evidence_with_specifics(claim, retrieval, evidence, index)
    topic = topic_coverage(retrieval.terms, best.missing)
    article = index.articles[top.doc_id]
    sentence = article.text[top.start : top.end]
    confidence = confidence_of(best)
    names_missing = _names_missing(retrieval.terms, best.missing)
    subject_missing = any(t in best.missing for t in _subject(retrieval.terms))
    if topic >= REFUTE_COVERAGE and not subject_missing:
        kind = contradiction(claim, query.language, sentence, article.language, retrieval.terms)
        agreeing = _agreeing_runner_up(kind, claim, query, retrieval, index)
        if agreeing is not None:
            return Decision(False, "supported", [agreeing], confidence, "stated")
        if kind:
            return Decision(
                False, "refuted", [top], confidence, f"contradicts: {kind}", contradiction=kind
            )
    order = _subject_order(claim, retrieval.terms, sentence, article.language)
    if order == "other" and topic >= REFUTE_COVERAGE:
        return Decision(
            False, "refuted", [top], confidence, "contradicts: actor", contradiction="actor"
        )
    if (
        topic >= TOPIC_COVERAGE
        and best.coverage >= SUPPORT_COVERAGE
        and not names_missing
        and order != "after"
        and not unstated_numbers(claim, sentence)
    ):
        if hedged(sentence, claim, retrieval.terms, article.language):
            return Decision(
                False, "not_enough_info", [top], min(confidence, 0.4),
                "the source only says it is hoped, planned or alleged",
            )  # fmt: skip
        return Decision(False, "supported", evidence[:2], confidence, "stated")
    other = _said_of_someone_else(retrieval, index)
    if other is not None:
        return Decision(
            False, "refuted", [other], confidence_of(other.sentence), "contradicts: actor",
            contradiction="actor",
        )  # fmt: skip
    against = _contradicting_runner_up(claim, query, retrieval, index)
    if against is not None:
        span, kind = against
        return Decision(
            False, "refuted", [span], confidence_of(span.sentence), f"contradicts: {kind}",
            contradiction=kind,
        )  # fmt: skip
    if topic < TOPIC_COVERAGE:
        return Decision(False, "not_enough_info", [], 0.2, f"off the subject ({topic:.2f})")
    return Decision(False, "not_enough_info", [top], min(confidence, 0.4), "not stated")


def _agreeing_runner_up(
    kind: str | None, claim: str, query: Query, retrieval: Retrieval, index: CorpusIndex
) -> Evidence | None:
    """When the best sentence only seems to negate the claim, a close runner-up that states
    it plainly wins: a negation is the weakest sign of contradiction ("le site avait de
    nombreuses options…" as the CEO claimed, then "Il n'a pas d'autres options")."""
    if kind != "negation":
        return None

    def states_it(candidate: ScoredSentence, quote: str) -> bool:
        if candidate.coverage < SUPPORT_COVERAGE or any(t.is_name for t in candidate.missing):
            return False
        language = index.articles[index.sentences[candidate.row].doc_id].language
        return contradiction(claim, query.language, quote, language, retrieval.terms) is None

    return runner_up(retrieval, index, states_it)


def _contradicting_runner_up(
    claim: str, query: Query, retrieval: Retrieval, index: CorpusIndex
) -> tuple[Evidence, str] | None:
    """A close runner-up on the claim's subject that contradicts it, when the best sentence
    neither states nor contradicts it ("L'entreprise n'a donné aucune explication")."""
    subject = _subject(retrieval.terms)
    found: list[str] = []

    def contradicts(candidate: ScoredSentence, quote: str) -> bool:
        if topic_coverage(retrieval.terms, candidate.missing) < REFUTE_COVERAGE:
            return False
        if any(t in candidate.missing for t in subject):
            return False
        language = index.articles[index.sentences[candidate.row].doc_id].language
        kind = contradiction(claim, query.language, quote, language, retrieval.terms)
        found.append(kind or "")
        return kind is not None

    span = runner_up(retrieval, index, contradicts)
    return (span, found[-1]) if span is not None else None


def _said_of_someone_else(retrieval: Retrieval, index: CorpusIndex) -> Evidence | None:
    """Evidence that states the claim's predicate and object, but of another actor than the
    claim's subject (the names it opens with)."""
    subject = _subject(retrieval.terms)
    rest = [t for t in retrieval.terms if t not in subject and not (t.is_number or t.is_time)]
    if not subject or not rest:
        return None
    claimed = {t.folded for t in retrieval.terms}
    total = sum(t.weight for t in rest)
    for candidate in retrieval.sentences[:RUNNERS_UP]:
        missing = set(candidate.missing)
        if not all(t in missing for t in subject):
            continue
        if sum(t.weight for t in rest if t not in missing) / total < SUPPORT_COVERAGE:
            continue
        span = quote_span(candidate, index)
        text = index.articles[span.doc_id].text[span.start : span.end]
        if any(fold(name) not in claimed for name in inner_capitalised(text) + text.split()[:1]):
            return span
    return None


def _names_missing(terms: list[QueryTerm], missing: tuple[QueryTerm, ...]) -> list[QueryTerm]:
    """Names the evidence does not give; a first name is forgiven when the surname right
    after it is there ("Donald Trump" against "M. Trump")."""
    by_position = {t.position: t for t in terms}
    return [
        t
        for t in missing
        if t.is_name
        and not (
            (after := by_position.get(t.position + 1)) is not None
            and after.is_name
            and after not in missing
        )
    ]


def _subject_order(claim: str, terms: list[QueryTerm], sentence: str, lang: str) -> str | None:
    """Does the evidence name the claim's subject before its predicate, as the doer?

    "before" when it does; "other" when another name comes before the predicate and the
    subject only after it ("Parler a intenté une action … au profit de Twitter" against
    "Twitter sued Amazon"); "after" when only the subject comes after it; None when word
    order says nothing (the subject is implied by the article, or a word is not found).
    """
    subject = _subject(terms)
    predicate = next((t for t in terms if t not in subject and not t.is_number), None)
    if not subject or predicate is None or _PASSIVE.search(claim):
        return None
    if predicate.position - subject[-1].position > 3 or _POSSESSIVE.match(
        claim[claim.find(subject[-1].word) + len(subject[-1].word) :]
    ):
        return None  # not a subject and its verb: "Twitter's stock", "Capitol … on January 6"
    lexicon = load_lexicon()
    verb_at = first_mention(predicate, sentence, lang, lexicon)
    subject_at = [first_mention(t, sentence, lang, lexicon) for t in subject]
    if verb_at is None or any(at is None for at in subject_at):
        return None
    if all(at < verb_at for at in subject_at):
        return "before"
    claimed = {t.folded for t in terms}
    others = [
        name
        for name in inner_capitalised(sentence) + sentence.split()[:1]
        if fold(name) not in claimed and not is_time_word(name) and len(name) > 1
        and sentence.find(name) < verb_at
    ]  # fmt: skip
    return "other" if others else "after"


def _subject(terms: list[QueryTerm]) -> list[QueryTerm]:
    """The names a claim opens with ("Google and Apple removed…" -> Google, Apple)."""
    subject = []
    for term in terms:
        if not term.is_name:
            break
        subject.append(term)
    return subject


def _evidence_with_specifics(
    claim: str, retrieval: Retrieval, evidence: list[Evidence], index: CorpusIndex
) -> tuple[ScoredSentence, Evidence]:
    """The best evidence, or a close runner-up on the same subject that states more of the
    kinds of specifics the claim does (a weekday for a weekday, a percentage for a percentage,
    a rise or fall for a rise): that is the sentence that can confirm or contradict it."""
    best, top = retrieval.sentences[0], evidence[0]
    kinds = specific_kinds(claim)
    if not kinds:
        return best, top
    text = index.articles[top.doc_id].text
    shared = len(kinds & specific_kinds(text[top.start : top.end]))
    if shared == len(kinds):
        return best, top
    found = runner_up(
        retrieval,
        index,
        lambda candidate, quote: (
            topic_coverage(retrieval.terms, candidate.missing) >= TOPIC_COVERAGE
            and len(kinds & specific_kinds(quote)) > shared
        ),
    )
    return (found.sentence, found) if found else (best, top)
