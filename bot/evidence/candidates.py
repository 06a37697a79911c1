"""From ranked sentences to quotes: the sentence that answers, made readable, plus support.

A quote is always a contiguous span of the cleaned article. A sentence that opens with a
pronoun ("Il n’a pas d’autres options.") takes the sentence before it along, so the quote
makes sense on its own; a second or third sentence is cited only when it adds something.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from bot.retrieve import Retrieval, ScoredSentence
from index.documents import Sentence
from index.lang import languages, pack
from index.store import CorpusIndex

MAX_CITATIONS = 3
# A supporting sentence must score within this of the best one.
SUPPORT_MARGIN = 0.05
# Runners-up considered when the best sentence lacks what the question or claim needs.
RUNNERS_UP = 6
RUNNER_UP_MARGIN = 0.08

# A sentence opening with a pronoun ("Il n’a pas d’autres options.") needs the one before it.
_ANAPHOR = re.compile(
    r"^[«\"“\s]*(?:{})\b".format(
        "|".join(pack(code).alternation("evidence", "anaphors") for code in languages())
    ),
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Evidence:
    doc_id: str
    paragraph: int
    start: int
    end: int
    sentence: ScoredSentence


def select(retrieval: Retrieval, index: CorpusIndex, limit: int = MAX_CITATIONS) -> list[Evidence]:
    """The best sentence, and others that are nearly as good and cover what it misses."""
    if not retrieval.sentences:
        return []
    best = retrieval.sentences[0]
    chosen = [quote_span(best, index)]
    missing = {t.folded for t in best.missing}
    for candidate in retrieval.sentences[1:]:
        if len(chosen) >= limit or candidate.score < best.score - SUPPORT_MARGIN:
            break
        span = quote_span(candidate, index)
        if any(_overlaps(span, other) for other in chosen):
            continue
        adds = missing - {t.folded for t in candidate.missing}
        if adds or candidate.coverage >= best.coverage:
            chosen.append(span)
            missing -= adds
    return chosen


def candidates(retrieval: Retrieval, index: CorpusIndex, limit: int = RUNNERS_UP) -> list[Evidence]:
    """The sentences a claim is judged against: the best and its close runners-up, as quotes.

    Chosen here once; the judge weighs each and cites the ones that decide, and never goes
    back to the retrieval for more."""
    if not retrieval.sentences:
        return []
    best = retrieval.sentences[0]
    chosen: list[Evidence] = []
    for candidate in retrieval.sentences[:limit]:
        if candidate.score < best.score - RUNNER_UP_MARGIN:
            break
        span = quote_span(candidate, index)
        if not any(_overlaps(span, other) for other in chosen):
            chosen.append(span)
    # Each other article's best sentence too, however far behind: another source may say
    # something else, and a fact-check must see it.
    seen = {span.doc_id for span in chosen}
    for candidate in retrieval.sentences[: 4 * limit]:
        doc_id = index.sentences[candidate.row].doc_id
        if doc_id not in seen:
            seen.add(doc_id)
            chosen.append(quote_span(candidate, index))
    return chosen


def runner_up(
    retrieval: Retrieval, index: CorpusIndex, accept: Callable[[ScoredSentence, str], bool]
) -> Evidence | None:
    """The first close runner-up whose quote ``accept`` takes: the sentence after the best
    that holds the kind of answer asked for (a number for "how many"), or the specific a claim
    must be checked against (a weekday for a weekday)."""
    best = retrieval.sentences[0]
    for candidate in retrieval.sentences[1:RUNNERS_UP]:
        if candidate.score < best.score - RUNNER_UP_MARGIN:
            break
        span = quote_span(candidate, index)
        if accept(candidate, index.articles[span.doc_id].text[span.start : span.end]):
            return span
    return None


def quote_span(sentence: ScoredSentence, index: CorpusIndex) -> Evidence:
    own = index.sentences[sentence.row]
    start, end = own.start, own.end
    previous = _previous_in_paragraph(index, sentence.row)
    if previous is not None and _ANAPHOR.match(index.text_of(own)):
        start = previous.start
    if sentence.neighbour is not None:
        near = index.sentences[sentence.neighbour]
        start, end = min(start, near.start), max(end, near.end)
    return Evidence(own.doc_id, own.paragraph, start, end, sentence)


def _previous_in_paragraph(index: CorpusIndex, row: int) -> Sentence | None:
    if row == 0:
        return None
    own, before = index.sentences[row], index.sentences[row - 1]
    if before.doc_id == own.doc_id and before.paragraph == own.paragraph:
        return before
    return None


def _overlaps(a: Evidence, b: Evidence) -> bool:
    return a.doc_id == b.doc_id and a.start < b.end and b.start < a.end
