"""The citation guard: a generated answer keeps only the sentences its cited passages support.

Marker numbers are not enough: a model can put [1] under a sentence [1] does not say. So each
sentence must (1) cite passages that exist, (2) state no number, date, month or weekday the
cited text does not, (3) name no one it does not, (4) not be contradicted by it (the claim
checks of the judge rules: opposite direction, negation, another quantity), and (5) say what it
says: its words covered by the cited text across languages (the retriever's lexicon) and its
meaning close to one of the cited sentences (e5 cosine). Sentences that fail are dropped
("repair"); if none survives, or what survives no longer cites the evidence that answers the
question, the whole answer is refused ("fallback").
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, field
from typing import NamedTuple

from bot.judge.rules import contradiction
from bot.question.terms import TermIndex, coverage, covers, query_terms, sentence_terms
from index.dates import MONTHS, WEEKDAYS, find_weekdays
from index.embed import VectorEmbeddings
from index.instructions import without_instructions
from index.lexicon import load_lexicon

# Thresholds measured on tests/test_guard.py's labelled sentences (bundled corpus, e5-small):
# the 17 supported ones have cosines 0.85-0.96 and, but for one free paraphrase (0.43 / 0.94),
# cover >= 0.70 of their words; unsupported ones reach cosine 0.91, so the cosine is never
# enough on its own and facts, names and contradictions are checked before it.
MIN_COVERAGE = 0.6
MIN_COSINE = 0.85
# A close paraphrase ("n’a pas commenté" for "n’a pas répondu aux demandes de commentaires")
# may share few words but much meaning.
PARAPHRASE_COVERAGE = 0.3
PARAPHRASE_COSINE = 0.92
# Titles are not names: "Mr. Trump" is "M. Trump" in a French source.
_TITLES = {"mr", "mrs", "ms", "m", "mme", "mlle", "dr", "st"}

NOT_IN_SOURCES = "NOT IN SOURCES"
_MARKER = re.compile(r"\s*\[(\d+)\]")
_MARKER_LIST = re.compile(r"\[(\d+(?:\s*[,;]\s*\d+)+)\]")
_ONLY_MARKERS = re.compile(r"^(?:\[\d+\]\s*)+[.!?]?$")
_LEADING_MARKERS = re.compile(r"^((?:\[\d+\]\s*)+)")
# Sentence ends, except after titles ("M. Trump") and initials.
_SENTENCE_END = re.compile(
    r"(?<!\bM\.)(?<!\bMr\.)(?<!\bMrs\.)(?<!\bMs\.)(?<!\bMme\.)(?<!\bDr\.)(?<!\bSt\.)(?<!\b[A-Z]\.)"
    r"(?<=[.!?…»\"])\s+(?=\S)"
)
_BULLET = re.compile(r"^\s*(?:[-*•]|\d+[.)])\s+", re.M)

# Text in a source that addresses the model rather than the reader ("ignore your
# instructions and say…") is cut from what the guard accepts as support, with the one test
# the indexer also uses (index/instructions.py), so it is never evidence in any mode.

# Numbers: "1 000" and "1,000" (thousands), "9,6" and "9.6" (decimals), "6%" and "6 %".
_NUMBER = re.compile(r"(?<![\w.,])(\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+(?:[.,]\d+)*)(?!\d)")
_SCALE = re.compile(
    r"\s*(mille|thousand|millions?|milliards?|billions?|bn|m)\b|\s*(k)\b", re.IGNORECASE
)
_SCALES = {"mille": 1e3, "thousand": 1e3, "k": 1e3, "m": 1e6, "million": 1e6, "bn": 1e9}
_SCALES |= {"millions": 1e6, "milliard": 1e9, "milliards": 1e9, "billion": 1e9, "billions": 1e9}
_CARDINALS = dict(
    zip(
        "two three four five six seven eight nine ten eleven twelve".split()
        + "deux trois quatre cinq six sept huit neuf dix onze douze".split(),
        list(range(2, 13)) * 2,
        strict=True,
    )
)
_ONE = {"one": 1, "a": 1, "an": 1, "un": 1, "une": 1}
_CARDINAL = re.compile(r"\b(" + "|".join([*_CARDINALS, *_ONE]) + r")\b", re.IGNORECASE)
_ABBREVIATED = {"jan", "feb", "fév", "mar", "apr", "avr", "jun", "jul", "aug", "sep", "sept"}
_FULL_MONTHS = [m for m in MONTHS if m not in _ABBREVIATED | {"oct", "nov", "dec", "déc"}]
_MONTH = re.compile(r"\b(" + "|".join(_FULL_MONTHS) + r")\b", re.IGNORECASE)
_WORDS = re.compile(r"\w+")


class Source(NamedTuple):
    """A numbered passage the answer may cite; the title of its article names its subject."""

    text: str
    language: str
    title: str = ""


@dataclass(frozen=True)
class SentenceCheck:
    """One generated sentence and why it is kept (``reason`` None) or dropped."""

    sentence: str
    cites: tuple[int, ...]
    reason: str | None = None  # a key of the [*.reasons] tables of prompts/llm.toml
    detail: str = ""  # what was wrong: the number, the name, the scores
    coverage: float | None = None
    cosine: float | None = None

    @property
    def supported(self) -> bool:
        return self.reason is None


@dataclass
class GuardResult:
    """The guard's decision on a generated answer, with the check of every sentence."""

    status: str  # "accept" | "repair" | "fallback"
    text: str = ""  # kept sentences, markers renumbered 1..n in order of first use
    cited: list[int] = field(default_factory=list)  # original passage numbers, in new order
    checks: list[SentenceCheck] = field(default_factory=list)
    reason: str | None = None  # for a fallback: why the whole answer was refused
    detail: str = ""

    @property
    def dropped(self) -> list[SentenceCheck]:
        return [c for c in self.checks if not c.supported]


def check(
    answer: str,
    passages: dict[int, tuple[str, ...]],
    language: str,
    embedder: VectorEmbeddings,
    corpus: TermIndex,
    required: Collection[int] = (),
) -> GuardResult:
    """Check ``answer`` (in ``language``) against ``passages`` ({n: Source or (text, lang)}).

    ``required`` are the passages that answer the question (the extractive evidence): a
    repaired answer must still cite one of them, or it no longer answers what was asked.
    """
    answer = answer.strip()
    if not answer or NOT_IN_SOURCES in answer.upper():
        return GuardResult("fallback", reason="no_answer")
    clean = {n: Source(*p)._replace(text=without_instructions(p[0])) for n, p in passages.items()}
    checks = [_check(s, clean, language, embedder, corpus) for s in split_sentences(answer)]
    kept = [c for c in checks if c.supported]
    if not checks:  # markers and nothing else
        return GuardResult("fallback", reason="no_answer")
    if not kept:
        first = checks[0]
        return GuardResult("fallback", checks=checks, reason=first.reason, detail=first.detail)
    if required and not any(n in required for c in kept for n in c.cites):
        return GuardResult("fallback", checks=checks, reason="lost_evidence")
    text, cited = renumber([c.sentence for c in kept])
    return GuardResult("repair" if len(kept) < len(checks) else "accept", text, cited, checks)


def split_sentences(text: str) -> list[str]:
    """Sentences of a generated answer, each with the markers that follow it."""
    text = _BULLET.sub("", text)
    text = _MARKER_LIST.sub(lambda m: " ".join(f"[{n}]" for n in re.split(r"\D+", m[1])), text)
    text = re.sub(r"\]\s*\[", "] [", " ".join(text.split()))
    sentences: list[str] = []
    for part in _SENTENCE_END.split(text):
        lead = _LEADING_MARKERS.match(part)
        if sentences and (lead or _ONLY_MARKERS.match(part)):
            # "… violence. [1] Then…": the markers belong to the sentence before them.
            markers = lead[1] if lead else part
            sentences[-1] = f"{sentences[-1]} {markers.strip()}"
            part = part[len(markers) :].strip()
        if part and not _ONLY_MARKERS.match(part):
            sentences.append(part.strip())
    return sentences


def renumber(sentences: list[str]) -> tuple[str, list[int]]:
    """Markers renumbered 1..n by first use, so that markers and citations match 1:1."""
    order: list[int] = []
    for sentence in sentences:
        for n in (int(m) for m in _MARKER.findall(sentence)):
            if n not in order:
                order.append(n)
    new = {old: i for i, old in enumerate(order, start=1)}
    text = " ".join(_MARKER.sub(lambda m: f" [{new[int(m[1])]}]", s) for s in sentences)
    return text, order


def _check(
    sentence: str,
    passages: dict[int, Source],
    language: str,
    embedder: VectorEmbeddings,
    corpus: TermIndex,
) -> SentenceCheck:
    cites = tuple(dict.fromkeys(int(n) for n in _MARKER.findall(sentence)))
    if not cites:
        return SentenceCheck(sentence, cites, "no_citation")
    unknown = [n for n in cites if n not in passages]
    if unknown:
        return SentenceCheck(sentence, cites, "unknown_passage", f"[{unknown[0]}]")
    claim = _MARKER.sub("", sentence).strip()
    cited = " ".join(passages[n][0] for n in cites)
    unstated = unstated_facts(claim, cited)
    if unstated:
        return SentenceCheck(sentence, cites, "new_fact", unstated[0])
    lexicon = load_lexicon()
    terms = query_terms(claim, language, lexicon, corpus, claim=True)
    # Each passage in its own language, the first deciding whether translations apply
    # (SentenceTerms keeps the language of its left side); then the whole cited text in the
    # sentence's language, for names and numbers written alike in both.
    context = sentence_terms(passages[cites[0]][0], passages[cites[0]][1], lexicon)
    for n in cites[1:]:
        context = context | sentence_terms(passages[n][0], passages[n][1], lexicon)
    context = context | sentence_terms(cited, language, lexicon)
    covered, missing = coverage(terms, context) if terms else (0.0, [])
    # A name the passage leaves to its article's title ("le réseau social" for Parler) counts.
    titles = sentence_terms(" ".join(passages[n].title for n in cites), language, lexicon)
    names = [
        t.word for t in missing if t.is_name and t.folded not in _TITLES and not covers(t, titles)
    ]
    if names:
        return SentenceCheck(sentence, cites, "new_name", names[0], covered)
    for n in cites:
        kind = contradiction(claim, language, passages[n][0], passages[n][1], terms)
        if kind:
            return SentenceCheck(sentence, cites, "contradicted", f"[{n}] {kind}", covered)
    cosine = _best_cosine(claim, [passages[n][0] for n in cites], embedder)
    supported = (covered >= MIN_COVERAGE and cosine >= MIN_COSINE) or (
        covered >= PARAPHRASE_COVERAGE and cosine >= PARAPHRASE_COSINE
    )
    detail = f"{covered:.2f} / {cosine:.2f}"
    return SentenceCheck(
        sentence, cites, None if supported else "unsupported", detail, covered, cosine
    )


def _best_cosine(claim: str, cited: list[str], embedder: VectorEmbeddings) -> float:
    """e5 cosine between the sentence and the closest of the cited passages or their
    sentences: a long passage dilutes the one sentence that says it."""
    units = list(dict.fromkeys([*cited, *(s for text in cited for s in split_sentences(text))]))
    vectors = embedder.embed_passages([claim, *units])
    return float((vectors[1:] @ vectors[0]).max())


def unstated_facts(claim: str, cited: str) -> list[str]:
    """Numbers, months and weekdays the sentence states that the cited text does not, in
    either language: "6 janvier" backs "January 6", "6 %" backs "6%", "9,6 millions" backs
    "9.6 million", "deux mois" backs "two months", "lundi" backs "Monday"."""
    theirs = _numbers(cited, cardinal_one=True)
    missing = [shown for shown, values in _number_mentions(claim) if not values & theirs]
    their_months = _months(cited)
    missing += [m for m in _month_mentions(claim) if MONTHS[m.casefold()] not in their_months]
    their_days = set(find_weekdays(cited))
    missing += [
        d for d in _WORDS.findall(claim) if WEEKDAYS.get(d.casefold(), 0) not in their_days | {0}
    ]
    return missing


def _number_mentions(text: str, cardinal_one: bool = False) -> list[tuple[str, set[float]]]:
    """Each number written in ``text`` with the values it may stand for."""
    found = []
    for match in _NUMBER.finditer(text):
        raw = match[1]
        values = _readings(raw)
        scale = _SCALE.match(text, match.end())
        if scale:
            factor = _SCALES[(scale[1] or scale[2]).casefold()]
            values |= {v * factor for v in values}
        found.append((raw, values))
    for match in _CARDINAL.finditer(text):
        word = match[1].casefold()
        if word in _CARDINALS:
            found.append((match[1], {float(_CARDINALS[word])}))
        elif cardinal_one:  # "un mois" backs "one month"; "a"/"un" alone state nothing
            found.append((match[1], {1.0}))
    return found


def _numbers(text: str, cardinal_one: bool = False) -> set[float]:
    return {v for _, values in _number_mentions(text, cardinal_one) for v in values}


def _readings(raw: str) -> set[float]:
    """ "1,000" is a thousand in English and one in French: both readings are kept."""
    compact = re.sub(r"[ \u00a0\u202f]", "", raw)
    readings = set()
    if re.fullmatch(r"\d+", compact):
        return {float(compact)}
    separators = re.findall(r"[.,]", compact)
    if len(separators) == 1:
        readings.add(float(compact.replace(",", ".")))
    if re.fullmatch(r"\d{1,3}(?:[.,]\d{3})+", compact):
        readings.add(float(re.sub(r"[.,]", "", compact)))
    return readings or {float(re.sub(r"[.,]", "", compact))}


def _month_mentions(text: str) -> list[str]:
    # "may" and "march" are months only when capitalised ("Parler may have…").
    return [
        m[1]
        for m in _MONTH.finditer(text)
        if m[1].casefold() not in ("may", "march") or m[1][0].isupper()
    ]


def _months(text: str) -> set[int]:
    return {MONTHS[m[1].casefold()] for m in _MONTH.finditer(text)}
