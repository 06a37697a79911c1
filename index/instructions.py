"""Text addressed to a language model rather than to readers ("ignore your instructions…").

Such a sentence in an article is an attack on whatever reads the corpus, never a statement
about the news: the cleaner drops it at indexing time (so it is never quoted as evidence, in
any answer mode) and the LLM path cuts it from anything a model reads, with this one test.
"""

from __future__ import annotations

import re

from index.segment import split_sentences

# Imperatives aimed at a model's instructions, role changes, and prompt vocabulary, in
# French and English. A whole sentence containing one is treated as addressed to a model.
_ADDRESSED_TO_MODEL = re.compile(
    r"\b(?:ignore|disregard|forget|override)\s+(?:\w+\s+){0,3}?"
    r"(?:instructions?|rules|prompts?|guidelines|directives)\b"
    r"|\b(?:ignor|oubli)(?:e|ez|er|ons)\s+(?:\w+\s+){0,3}?(?:instructions?|consignes|règles)\b"
    r"|\b(?:you are now|from now on,? you|tu es maintenant|vous êtes maintenant"
    r"|à partir de maintenant,? (?:tu|vous)|new instructions|nouvelles instructions"
    r"|system prompt|prompt système|as an ai\b|en tant qu['’]ia\b)",
    re.IGNORECASE,
)

# From the words that address a model to the end of their sentence: what the LLM path cuts.
_TO_SENTENCE_END = re.compile(f"(?:{_ADDRESSED_TO_MODEL.pattern})[^.!?]*[.!?]?", re.IGNORECASE)

REASON = "text addressed to a language model, not to readers"
PLACEHOLDER = "[…]"


def addresses_a_model(sentence: str) -> bool:
    """True when ``sentence`` speaks to a model (an instruction, a role to play)."""
    return _ADDRESSED_TO_MODEL.search(sentence) is not None


def model_addressed_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of ``text`` that addresses a model."""
    spans = []
    for paragraph in re.finditer(r"[^\n]+", text):
        for span in split_sentences(text, paragraph.start(), paragraph.end()):
            if addresses_a_model(text[span.start : span.end]):
                spans.append((span.start, span.end))
    return spans


def without_instructions(text: str) -> str:
    """``text`` with what addresses a model, to the end of its sentence, replaced by ``[…]``.

    The index no longer holds such sentences (the cleaner drops them); this is for text that
    reaches a model by another way, and keeps the words before the instruction readable.
    """
    return _TO_SENTENCE_END.sub(PLACEHOLDER, text)
