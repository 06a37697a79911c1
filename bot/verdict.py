"""Claim verdicts: supported, refuted or not enough information, always with the evidence.

"Refuted" needs evidence on the claim's subject that says something incompatible (see
contradict.py), or evidence that says what the claim says of someone else ("Google sued
Amazon" against "Parler a poursuivi Amazon"). "Supported" needs evidence that covers the
claim's words, names, numbers and dates and contradicts none of it. Anything else is not
enough information.
"""

from __future__ import annotations

from bot.contradict import contradiction, specific_kinds, unstated_numbers
from bot.decide import Decision, confidence_of
from bot.evidence import Evidence, quote_span, runner_up
from bot.question import Query
from bot.retrieve import Retrieval, ScoredSentence
from bot.terms import QueryTerm, inner_capitalised, topic_coverage
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
    if topic >= REFUTE_COVERAGE:
        kind = contradiction(claim, query.language, sentence, article.language, retrieval.terms)
        if kind:
            return Decision(
                False, "refuted", [top], confidence, f"contradicts: {kind}", contradiction=kind
            )
    names_missing = [t for t in best.missing if t.is_name]
    if (
        topic >= TOPIC_COVERAGE
        and best.coverage >= SUPPORT_COVERAGE
        and not names_missing
        and not unstated_numbers(claim, sentence)
    ):
        return Decision(False, "supported", evidence[:2], confidence, "stated")
    other = _said_of_someone_else(retrieval, index)
    if other is not None:
        return Decision(
            False, "refuted", [other], confidence_of(other.sentence), "contradicts: actor",
            contradiction="actor",
        )  # fmt: skip
    if topic < TOPIC_COVERAGE:
        return Decision(False, "not_enough_info", [], 0.2, f"off the subject ({topic:.2f})")
    return Decision(False, "not_enough_info", [top], min(confidence, 0.4), "not stated")


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
    """The best evidence, or a close runner-up on the same subject that states the same kind of
    specific as the claim (a weekday for a weekday, a percentage for a percentage): that is the
    sentence that can confirm or contradict it."""
    best, top = retrieval.sentences[0], evidence[0]
    kinds = specific_kinds(claim)
    text = index.articles[top.doc_id].text
    if not kinds or kinds & specific_kinds(text[top.start : top.end]):
        return best, top
    found = runner_up(
        retrieval,
        index,
        lambda candidate, quote: (
            topic_coverage(retrieval.terms, candidate.missing) >= TOPIC_COVERAGE
            and bool(kinds & specific_kinds(quote))
        ),
    )
    return (found.sentence, found) if found else (best, top)
