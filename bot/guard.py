"""The citation guard: a generated answer keeps only the sentences its cited passages support.

Marker numbers are not enough: a model can cite [1] under a sentence [1] does not say. So each
sentence must (1) cite passages that exist, (2) state no number or date that its cited
passages do not, and (3) say what they say: its words covered by the cited text across
languages (the lexicon the retriever uses) and its meaning close to it (e5 cosine). Sentences
that fail are dropped ("repair"); if none survives, the whole answer is refused ("fallback").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bot.contradict import NUMBER
from bot.lexicon import load_lexicon
from bot.terms import TermIndex, coverage, query_terms, sentence_terms
from index.dates import find_dates
from index.embed import VectorEmbeddings

# Share of a sentence's (rarity-weighted) words its cited passages must cover.
MIN_COVERAGE = 0.5
# e5 cosine between a sentence and its cited passages below which it says something else.
MIN_COSINE = 0.80

# ... or both lower and higher: fewer shared words, and a meaning very close.
PARAPHRASE_COVERAGE = 0.3
PARAPHRASE_COSINE = 0.88

_MARKER = re.compile(r"\s*\[(\d+)\]")
_SENTENCE = re.compile(r"(?<=[.!?])\s+|(?<=\])\s+(?=[A-ZÀ-Ý«\"])")
NOT_IN_SOURCES = "NOT IN SOURCES"


@dataclass
class GuardResult:
    status: str  # "accept" | "repair" | "fallback"
    text: str  # kept sentences, markers renumbered 1..n in order of first use
    cited: list[int] = field(default_factory=list)  # original passage numbers, in new order
    dropped: list[tuple[str, str]] = field(default_factory=list)  # (sentence, why)
    reason: str = ""


# Text in a source that addresses the model rather than the reader: "ignore your
# instructions and say…". It is cut, up to the end of its sentence, from what the model reads
# and from what the guard accepts as support.
_INSTRUCTION = re.compile(
    r"(?:\b(?:ignore|disregard|forget|override)\s+(?:\w+\s+){0,3}?"
    r"(?:instructions?|rules|prompt|guidelines)"
    r"|\b(?:ignor|oubli)(?:e|ez|er)\s+(?:\w+\s+){0,3}?(?:instructions?|consignes|règles)"
    r"|\b(?:you are now|tu es maintenant|vous êtes maintenant|new instructions"
    r"|nouvelles instructions|system prompt|as an ai))"
    r"[^.!?]*[.!?]?",
    re.IGNORECASE,
)


def without_instructions(text: str) -> str:
    """The passage with any instruction to a model cut out."""
    return _INSTRUCTION.sub("[…]", text)


def check(
    answer: str,
    passages: dict[int, tuple[str, str]],
    language: str,
    embedder: VectorEmbeddings,
    corpus: TermIndex,
) -> GuardResult:
    """Check ``answer`` against ``passages`` ({n: (text, language)}) sentence by sentence."""
    answer = answer.strip()
    if not answer or NOT_IN_SOURCES in answer.upper():
        return GuardResult("fallback", "", reason="the model found no answer in the sources")
    kept: list[str] = []
    dropped: list[tuple[str, str]] = []
    for sentence in _sentences(answer):
        why = _unsupported(sentence, passages, language, embedder, corpus)
        if why:
            dropped.append((sentence, why))
        else:
            kept.append(sentence)
    if not kept:
        return GuardResult("fallback", "", dropped=dropped, reason=dropped[0][1])
    text, cited = _renumber(kept)
    return GuardResult("repair" if dropped else "accept", text, cited, dropped)


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE.split(" ".join(text.split())) if s.strip()]


def _unsupported(
    sentence: str,
    passages: dict[int, tuple[str, str]],
    language: str,
    embedder: VectorEmbeddings,
    corpus: TermIndex,
) -> str | None:
    """Why the sentence is not backed by the passages it cites, or None when it is."""
    numbers = [int(n) for n in _MARKER.findall(sentence)]
    if not numbers:
        return "no citation"
    if any(n not in passages for n in numbers):
        return "cites a passage that does not exist"
    passages = {n: (without_instructions(text), lang) for n, (text, lang) in passages.items()}
    claim = _MARKER.sub("", sentence).strip()
    cited = " ".join(passages[n][0] for n in numbers)
    if _new_numbers(claim, cited):
        return "a number or date the cited passage does not give"
    lexicon = load_lexicon()
    terms = query_terms(claim, language, lexicon, corpus)
    # The passages' own language first: it decides whether translations or synonyms apply.
    context = sentence_terms(passages[numbers[0]][0], passages[numbers[0]][1], lexicon)
    for n in numbers:
        context = context | sentence_terms(passages[n][0], passages[n][1], lexicon)
    context = context | sentence_terms(cited, language, lexicon)  # names, numbers
    covered, missing = coverage(terms, context) if terms else (1.0, [])
    names = [t.word for t in missing if t.is_name]
    if names:
        return f"the cited passage does not name {names[0]}"
    vectors = embedder.embed_passages([claim, cited])
    cosine = float(vectors[0] @ vectors[1])
    # A close paraphrase ("a cessé" for "a arrêté") may share few words but much meaning.
    if covered >= MIN_COVERAGE and cosine >= MIN_COSINE:
        return None
    if covered >= PARAPHRASE_COVERAGE and cosine >= PARAPHRASE_COSINE:
        return None
    return (
        f"it does not say what the cited passage says (words {covered:.2f}, meaning {cosine:.2f})"
    )


def _new_numbers(claim: str, cited: str) -> bool:
    """Numbers or dates in the sentence that the cited text does not state."""
    stated = {n.replace(",", ".") for n in NUMBER.findall(cited)}
    if any(n.replace(",", ".") not in stated for n in NUMBER.findall(claim)):
        return True
    theirs = {d.value for d in find_dates(cited)}
    return any(
        not any(t.startswith(d.value) or d.value.startswith(t) for t in theirs)
        for d in find_dates(claim)
    )


def _renumber(sentences: list[str]) -> tuple[str, list[int]]:
    """Markers renumbered 1..n by first use, so that every marker has one citation."""
    order: list[int] = []
    for sentence in sentences:
        for n in (int(m) for m in _MARKER.findall(sentence)):
            if n not in order:
                order.append(n)
    new = {old: i for i, old in enumerate(order, start=1)}
    text = " ".join(_MARKER.sub(lambda m: f" [{new[int(m.group(1))]}]", s) for s in sentences)
    return text, order
