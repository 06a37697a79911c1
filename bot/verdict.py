"""Claim verdicts: supported, refuted or not enough information, always with the evidence.

"Refuted" needs evidence on the claim's subject that says something incompatible: another
number of the same kind (a percentage against a percentage), another date or weekday, the
opposite pole of a predicate (rose / chuté, kept / lever), the opposite polarity (a negation),
or another actor doing what the claim says. "Supported" needs evidence that covers the claim's
words, names, numbers and dates and contradicts none of it. Anything else is not enough info.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

from bot.decide import Decision, confidence_of
from bot.evidence import Evidence, quote_span
from bot.lexicon import Lexicon, load_lexicon
from bot.question import Query
from bot.retrieve import Retrieval, ScoredSentence
from bot.terms import topic_coverage
from index.analysis import stem, words
from index.dates import find_dates, find_weekdays
from index.store import CorpusIndex

# Share of the claim's (rarity-weighted) words its evidence must cover to support it.
SUPPORT_COVERAGE = 0.7
# Below this the closest sentence is not on the claim's subject: nothing can be concluded.
TOPIC_COVERAGE = 0.45
# A contradiction refutes only evidence that is about the same thing as the claim.
REFUTE_COVERAGE = 0.5
# Runners-up considered when the best evidence lacks the claim's kind of specific.
RUNNERS_UP = 6
RUNNER_UP_MARGIN = 0.08

_NEGATION = re.compile(
    r"\b(?:not|no|never|none|nobody|nothing|neither|nor|n['’]t|cannot"
    r"|ne|n['’]|pas|jamais|aucun|aucune|rien|ni|nullement)\b",
    re.IGNORECASE,
)
_PERCENT = re.compile(r"(\d+(?:[.,]\d+)?)\s*(?:%|pour\s?cent|percent|per\s?cent)", re.I)
_MONEY = re.compile(
    r"(?:[$€£]\s*(\d+(?:[.,]\d+)?))|(?:(\d+(?:[.,]\d+)?)\s*(?:\$|€|£|dollars?|euros?|usd|eur))",
    re.I,
)
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_NUMBER = re.compile(r"\b\d+(?:[.,]\d+)?\b")


def decide_claim(
    query: Query, retrieval: Retrieval, evidence: list[Evidence], index: CorpusIndex
) -> Decision:
    if not evidence:
        return Decision(False, "not_enough_info", [], 0.0, "no passage")
    claim = query.proposition
    best, top = _evidence_with_specifics(claim, retrieval, evidence, index)
    topic = topic_coverage(retrieval.terms, best.missing)
    if topic < TOPIC_COVERAGE:
        return Decision(False, "not_enough_info", [], 0.2, f"off the subject ({topic:.2f})")
    sentence = index.articles[top.doc_id].text[top.start : top.end]
    lexicon = load_lexicon()
    contradiction = contradiction_between(claim, query.language, sentence, lexicon)
    names_missing = [t for t in best.missing if t.is_name]
    if contradiction is None and names_missing and _names_in(sentence):
        contradiction = "actor"  # the evidence names someone else doing it
    confidence = confidence_of(best)
    if contradiction and topic >= REFUTE_COVERAGE:
        return Decision(
            False,
            "refuted",
            [top],
            confidence,
            f"contradicts: {contradiction}",
            contradiction=contradiction,
        )
    specifics_stated = not names_missing and not _unstated_specifics(claim, sentence)
    if best.coverage >= SUPPORT_COVERAGE and specifics_stated:
        return Decision(False, "supported", evidence[:2], confidence, "stated")
    return Decision(False, "not_enough_info", [top], min(confidence, 0.4), "not stated")


def _evidence_with_specifics(
    claim: str, retrieval: Retrieval, evidence: list[Evidence], index: CorpusIndex
) -> tuple[ScoredSentence, Evidence]:
    """The best evidence, or a close runner-up on the same subject that states the same kind of
    specific as the claim (a weekday for a weekday, a percentage for a percentage): that is the
    sentence that can confirm or contradict it."""
    best, top = retrieval.sentences[0], evidence[0]
    kinds = _specific_kinds(claim)
    text = index.articles[top.doc_id].text
    if not kinds or kinds & _specific_kinds(text[top.start : top.end]):
        return best, top
    for candidate in retrieval.sentences[1:RUNNERS_UP]:
        if candidate.score < best.score - RUNNER_UP_MARGIN:
            break
        span = quote_span(candidate, index)
        quote = index.articles[span.doc_id].text[span.start : span.end]
        on_topic = topic_coverage(retrieval.terms, candidate.missing) >= TOPIC_COVERAGE
        if on_topic and kinds & _specific_kinds(quote):
            return candidate, span
    return best, top


def _specific_kinds(text: str) -> set[str]:
    kinds = {
        k
        for k, pattern in (("percent", _PERCENT), ("money", _MONEY), ("year", _YEAR))
        if pattern.search(text)
    }
    if find_weekdays(text):
        kinds.add("weekday")
    if find_dates(text):
        kinds.add("date")
    return kinds


def contradiction_between(claim: str, lang: str, evidence: str, lexicon: Lexicon) -> str | None:
    """The kind of contradiction between a claim and evidence on its subject, or None."""
    for kind, pattern in (("number", _PERCENT), ("number", _MONEY), ("date", _YEAR)):
        mine, theirs = _values(pattern, claim), _values(pattern, evidence)
        if mine and theirs and not mine & theirs:
            return kind
    claim_days, evidence_days = set(find_weekdays(claim)), set(find_weekdays(evidence))
    if claim_days and evidence_days and not claim_days & evidence_days:
        return "date"
    claim_dates = {d.value for d in find_dates(claim)}
    evidence_dates = {d.value for d in find_dates(evidence)}
    if (
        claim_dates
        and evidence_dates
        and not any(c.startswith(e) or e.startswith(c) for c in claim_dates for e in evidence_dates)
    ):
        return "date"
    if _opposite_poles(claim, lang, evidence, lexicon):
        return "direction"
    if bool(_NEGATION.search(claim)) != bool(_NEGATION.search(evidence)):
        return "negation"
    return None


def _values(pattern: re.Pattern[str], text: str) -> set[float]:
    values = set()
    for match in pattern.finditer(text):
        number = next(g for g in match.groups() if g) if match.groups() else match.group()
        values.add(float(number.replace(",", ".")))
    return values


def _unstated_specifics(claim: str, evidence: str) -> bool:
    """Numbers the claim gives that the evidence does not: it cannot support them."""
    stated = {float(n.replace(",", ".")) for n in _NUMBER.findall(evidence)}
    return any(float(n.replace(",", ".")) not in stated for n in _NUMBER.findall(claim))


def _names_in(text: str) -> bool:
    return bool(re.search(r"(?<!^)(?<![.!?]\s)\b[A-Z][\w’'-]+", text))


@cache
def _poles() -> dict[tuple[str, str], frozenset[str]]:
    """(axis, pole) -> stems of its words, in both languages."""
    lexicon = load_lexicon()
    table: dict[tuple[str, str], set[str]] = {}
    source = resources.files("bot") / "wordlists" / "opposites.tsv"
    for line in source.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        axis, pole, vocabulary = line.split("\t")
        stems = table.setdefault((axis, pole), set())
        for word in vocabulary.split():
            for lang in ("fr", "en"):
                stems.add(lexicon.normalize(word, lang))
    return {key: frozenset(value) for key, value in table.items()}


def _pole_set(text: str, lang: str, lexicon: Lexicon) -> set[tuple[str, str]]:
    stems = {lexicon.normalize(m.group(), lang) for m in words(text)}
    stems |= {stem(m.group(), lang) for m in words(text)}
    return {key for key, vocabulary in _poles().items() if stems & vocabulary}


def _opposite_poles(claim: str, lang: str, evidence: str, lexicon: Lexicon) -> bool:
    """The claim takes one pole of an axis and the evidence only the other one."""
    evidence_lang = "fr" if lang == "en" else "en"
    mine = _pole_set(claim, lang, lexicon)
    theirs = _pole_set(evidence, lang, lexicon) | _pole_set(evidence, evidence_lang, lexicon)
    for axis, pole in mine:
        others = {p for a, p in theirs if a == axis}
        if others and pole not in others:
            return True
    return False
