"""Answer or abstain — from evidence, without a generative model (claims: see verdict.py).

A similarity threshold cannot do this with e5 (its cosines bunch between 0.7 and 1.0, and an
on-topic question the articles do not answer scores like one they do). What separates them is
whether the evidence says what was asked: the question's words — above all its rare ones and
the noun it asks about — covered by the evidence in either language, and the kind of answer
asked for (a number, a date, a name) present in it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bot.evidence.candidates import Evidence, runner_up
from bot.judge.model import load_model
from bot.question import Query
from bot.question.answer_type import holds_answer, role_beside_name, role_unnamed
from bot.question.terms import TYPE_NOUNS, QueryTerm, covers, sentence_terms
from bot.retrieve import Retrieval, ScoredSentence
from index.analysis import fold, words
from index.facts import facts_of
from index.facts.numbers import Quantity
from index.lang import languages, pack
from index.lexicon import load_lexicon
from index.store import CorpusIndex

# A question's focus noun missing from the evidence is forgiven as a paraphrase only when the
# best sentence states this much of the rest of the question (weight: two rare words or more).
REST_COVERAGE = 0.6
REST_WEIGHT = 4.5
# A close runner-up that holds the kind of answer asked for (the date, the number) may cover a
# little less of the question than the best sentence: it often paraphrases it.
RUNNER_UP_COVERAGE = 0.35
# Words read after a number as what it counts: a noun and its modifiers ("FIFA officials").
COUNTED_WORDS = 3


@dataclass
class Decision:
    abstained: bool
    verdict: str | None
    evidence: list[Evidence]
    confidence: float
    reason: str  # for people reading the answer: why this decision
    # for refuted claims: "number" | "date" | ...; on "not_enough_info", what two sources
    # disagree on
    contradiction: str | None = None
    unknown_term: str | None = None  # for abstentions: the word the sources never address
    notes: list[str] = field(default_factory=list)


def decide_question(
    query: Query, retrieval: Retrieval, evidence: list[Evidence], index: CorpusIndex
) -> Decision:
    """Answer with the evidence, or refuse: a fitted model weighs whether it says what was
    asked (bot/judge/models/answerable.json); its probability is the answer's confidence."""
    if not evidence:
        return Decision(True, None, [], 0.0, "no passage")
    evidence, features, unknown = question_features(query, retrieval, evidence, index)
    model = load_model("answerable")
    p = model.probability(features)
    # Evidence without the kind of answer asked for (a name for "who", a number for "how
    # many") would cite a sentence that does not answer: refuse, whatever the model says.
    if features["answer_type_missing"]:
        kind = query.answer_type
        return Decision(True, None, [], 0.0, f"no {kind} in the evidence", unknown_term=unknown)
    # A quote that writes the role asked about with no name beside it ("advised by his
    # doctor") says who is meant, not who it is.
    cited = index.articles[evidence[0].doc_id].text[evidence[0].start : evidence[0].end]
    if role_unnamed(query, cited, retrieval.terms):
        return Decision(True, None, [], 0.0, "the evidence names no one in the role asked")
    # Evidence that states none of the question's words answers something else, however far
    # it leads the other sentences.
    if not features["coverage"]:
        return Decision(True, None, [], 0.0, "nothing asked is stated", unknown_term=unknown)
    if p < model.threshold:
        why = f"not answered (p={p:.2f})" + (f": nothing about {unknown!r}" if unknown else "")
        return Decision(True, None, [], round(p, 2), why, unknown_term=unknown)
    return Decision(False, None, evidence, round(p, 2), "answered")


def question_features(
    query: Query, retrieval: Retrieval, evidence: list[Evidence], index: CorpusIndex
) -> tuple[list[Evidence], dict[str, float], str | None]:
    """The evidence that would answer (the sentence holding the kind of answer asked for,
    when a close runner-up has it), the features the answering model weighs, and the word the
    sources say nothing about, if one stands out."""
    best = evidence[0].sentence
    absent = [t for t in retrieval.terms if not t.in_corpus and t.folded not in TYPE_NOUNS]
    names_absent = [t for t in absent if t.is_name]
    focus = _focus(query, retrieval.terms)
    covered_by_any = _covered_in_evidence(retrieval, evidence)
    unstated = [
        asked
        for asked in _compound(query, retrieval.terms, focus)
        if asked.folded not in covered_by_any and not _rest_is_stated(asked, best, retrieval)
    ]
    quotes = index.articles[evidence[0].doc_id].text[evidence[0].start : evidence[0].end]
    counted = _counted(focus, retrieval.terms)
    if query.answer_type == "number" and counted and not counts(quotes, counted):
        # "How many followers": a runner-up that counts followers beats one with any number.
        found = runner_up(retrieval, index, lambda candidate, quote: counts(quote, counted))
        if found is not None:
            evidence = [found]
            quotes = index.articles[found.doc_id].text[found.start : found.end]
    typed = holds_answer(query, quotes, retrieval.terms)
    if not typed:
        found = _widen_to_answer_type(query, evidence[0], index, retrieval.terms)
        if found is None:
            found = runner_up(
                retrieval,
                index,
                lambda candidate, quote: (
                    candidate.coverage >= RUNNER_UP_COVERAGE
                    and not any(t.is_name for t in candidate.missing)
                    and holds_answer(query, quote, retrieval.terms)
                ),
            )
            evidence = [found] if found is not None else evidence
        else:
            evidence = [found, *evidence[1:]]
        typed = found is not None
    counts_other = False
    cited = index.articles[evidence[0].doc_id].text[evidence[0].start : evidence[0].end]
    if typed and query.answer_type == "number" and counted:
        # "How many people": a number of installations may be no answer, and a count of the
        # thing asked about is one ("88 millions d'abonnés" for followers). Only may: the
        # quote often names the thing otherwise ("seven FIFA officials" for "combien de
        # dirigeants"), so the model weighs it with the rest rather than it refusing alone.
        counts_other = counts_another(cited, counted)
    # The sentence that holds the answer may lean on its neighbour for the question's words
    # ("Le même jour, le 2 mars 2021, …"): coverage is the better of the two.
    lead = max((evidence[0].sentence, best), key=lambda s: s.coverage)
    denses = sorted((s.dense for s in retrieval.sentences), reverse=True)
    fifth = denses[min(4, len(denses) - 1)]
    ranked = retrieval.sentences
    features = {
        "coverage": lead.coverage,
        "best_coverage": max(s.coverage for s in retrieval.sentences[:3]),
        # How far the quote stands out from the fifth sentence: e5 cosines bunch, so the gap
        # says more than the value. A quote may hold two sentences ("… Cette décision a mis
        # l'entreprise hors circuit pendant un mois."): it is as close as the closer of them.
        "dense_margin": _quote_dense(evidence[0], retrieval, index) - fifth,
        "names_absent": float(len(names_absent)),
        "answer_type_missing": float(not typed),
        "focus_unstated": float(bool(unstated)),
        "counts_other": float(counts_other),
        "role_apart": float(not role_beside_name(query, cited, retrieval.terms)),
        # How far the best sentence leads the second: a clear winner is more often the answer.
        "score_margin": ranked[0].score - ranked[1].score if len(ranked) > 1 else 0.0,
    }
    if names_absent:
        return evidence, features, _whole_name(names_absent[0], retrieval.terms)
    return evidence, features, unstated[0].word if unstated else None


def _quote_dense(quote: Evidence, retrieval: Retrieval, index: CorpusIndex) -> float:
    """The e5 similarity of the closest sentence of ``quote`` to the question."""
    inside = [
        s.dense
        for s in retrieval.sentences
        if (own := index.sentences[s.row]).doc_id == quote.doc_id
        and quote.start <= own.start
        and own.end <= quote.end
    ]
    return max([quote.sentence.dense, *inside])


def _whole_name(name: QueryTerm, terms: list[QueryTerm]) -> str:
    """The name a term belongs to, with the names right before and after it ("World Cup",
    not "Cup"): what a refusal says the sources never mention."""
    by_position = {t.position: t for t in terms if t.is_name}
    first = last = name.position
    while first - 1 in by_position:
        first -= 1
    while last + 1 in by_position:
        last += 1
    return " ".join(by_position[p].word for p in range(first, last + 1))


def _focus(query: Query, terms: list[QueryTerm]) -> QueryTerm | None:
    """The noun a which/what/how-many question asks about ("which judge" -> judge)."""
    match = re.match(
        r"^(?:which|what|how many|how much|quel|quelle|quels|quelles|combien de|combien d['’]"
        r"|lequel|laquelle)\s+(?:\w+\s+)?",
        query.text,
        re.IGNORECASE,
    )
    if not match:
        return None
    counting = re.match(r"^(?:how many|how much|combien)", query.text, re.IGNORECASE)
    following = query.text[match.start() :].split()[1:6]
    for word in following:
        for term in terms:
            if term.word.split()[0] != word.strip("?,.’'"):
                continue
            # "which company" names a kind of answer; "how many people" what is counted
            if counting or term.folded not in TYPE_NOUNS:
                return term if not term.is_name else None
    return None


def _compound(query: Query, terms: list[QueryTerm], focus: QueryTerm | None) -> list[QueryTerm]:
    """The focus and the noun right after it ("which hosting provider" -> hosting, provider):
    in English the head of a compound comes last, and the sources must say both."""
    if focus is None:
        return []
    after = [t for t in terms if t.position == focus.position + 1 and not t.is_name]
    return [focus, *after] if query.language == "en" else [focus]


def _rest_is_stated(asked: QueryTerm, best: ScoredSentence, retrieval: Retrieval) -> bool:
    """Does the best sentence state everything else the question says, rare words included?
    Then the missing noun is likely a paraphrase ("What job does Sheryl Sandberg hold at
    Facebook?"), not something the sources lack ("How many employees does Parler have?")."""
    rest = [t for t in retrieval.terms if t is not asked and not (t.is_number or t.is_time)]
    covered = sum(t.weight for t in rest if t not in best.missing)
    total = sum(t.weight for t in rest)
    return total > 0 and covered >= REST_WEIGHT and covered / total >= REST_COVERAGE


def _covered_in_evidence(retrieval: Retrieval, evidence: list[Evidence]) -> set[str]:
    rows = {e.sentence.row for e in evidence}
    covered: set[str] = set()
    for sentence in retrieval.sentences:
        if sentence.row in rows:
            missing = {t.folded for t in sentence.missing}
            covered |= {t.folded for t in retrieval.terms if t.folded not in missing}
    return covered


def counts(quote: str, asked: list[QueryTerm]) -> bool:
    """Does the quote give a number of the thing asked about ("88 millions d'abonnés")? The
    thing is a noun with its modifiers on both sides: "how many studio albums" is answered by
    "52 albums studio", "how many other women" by "cinq autres femmes", "combien de
    dirigeants de la FIFA" by "seven FIFA officials"."""
    lexicon = load_lexicon()
    return any(
        any(covers(t, sentence_terms(phrase, lang, lexicon)) for t in asked)
        for quote_lang in languages()
        for q in facts_of(quote, quote_lang).quantities
        if q.counted
        for phrase in _counted_phrases(quote, q.counted)
        for lang in languages()
    )


def counts_another(quote: str, asked: list[QueryTerm]) -> bool:
    """Does the quote give a number of something else than what is asked about, and none of
    it? How often something was done ("refusé par trois fois") counts no other thing."""
    return not counts(quote, asked) and any(
        q.counted and not _occurrences(q, lang)
        for lang in languages()
        for q in facts_of(quote, lang).quantities
    )


def _occurrences(quantity: Quantity, lang: str) -> bool:
    """Does the figure count how often something was done ("refusé par trois fois"), which
    answers "how many times" and counts no other thing?"""
    times = {w.casefold() for w in pack(lang).words("numbers", "times")}
    return quantity.text.split()[-1].casefold() in times


def _counted_phrases(quote: str, counted: str) -> list[str]:
    """The words a number counts: the first word after it and the next ones, where the quote
    writes that word ("FIFA officials including" for "seven FIFA officials, including…")."""
    tokens = [m.group() for m in words(quote)]
    found = [
        " ".join(tokens[at : at + COUNTED_WORDS])
        for at, token in enumerate(tokens)
        if fold(token) == fold(counted)
    ]
    return found or [counted]


def counted_terms(query: Query, terms: list[QueryTerm]) -> list[QueryTerm]:
    """What a how-many question counts: its focus and the word after it, the head of the
    noun in either order ("how many back surgeries", "combien de grandes tournées")."""
    return _counted(_focus(query, terms), terms)


def _counted(focus: QueryTerm | None, terms: list[QueryTerm]) -> list[QueryTerm]:
    if focus is None:
        return []
    after = [t for t in terms if t.position == focus.position + 1 and not t.is_name]
    return [focus, *after]


def _widen_to_answer_type(
    query: Query, top: Evidence, index: CorpusIndex, terms: list[QueryTerm]
) -> Evidence | None:
    """The top quote with the next or previous sentence of its paragraph, when that one holds
    the kind of answer asked for ("Le même jour, le 2 mars 2021, …" for "when")."""
    article = index.articles[top.doc_id]
    row = top.sentence.row
    for near_row in (row + 1, row - 1, row + 2, row - 2):
        if not 0 <= near_row < len(index.sentences):
            continue
        near = index.sentences[near_row]
        if near.doc_id != top.doc_id or near.paragraph != top.paragraph:
            continue
        touching = abs(near.start - top.end) <= 2 or abs(top.start - near.end) <= 2
        if touching and holds_answer(query, article.text[near.start : near.end], terms):
            return Evidence(
                top.doc_id,
                top.paragraph,
                min(top.start, near.start),
                max(top.end, near.end),
                top.sentence,
            )
    return None


def confidence_of(best: ScoredSentence) -> float:
    return round(min(1.0, max(0.0, 0.2 + 0.8 * best.coverage)), 2)
