"""Paragraph and sentence boundaries as character offsets into the cleaned article text.

Offsets are the contract with ``bot/``: a quote is always ``text[start:end]``. A small rule-based
splitter is used because the usual libraries either need downloaded data (NLTK punkt), lose
offsets, or stumble on French typography (« … », « M. Trump », spaces before punctuation).
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Span:
    start: int
    end: int


_PARAGRAPH = re.compile(r"[^\n]+(?:\n(?!\s*\n)[^\n]+)*")

# A sentence ends at . ! ? or … , optionally followed by closing quotes or brackets, when the
# next sentence starts with a capital, a digit, an opening quote or a dash.
_BOUNDARY = re.compile(
    r"""(?<=[.!?…])(?:[\s\u00a0]*[»"”’)\]])*"""
    r"""(?=\s+[\u00a0]*[«"“(\[—–-]?[\u00a0 ]*[A-ZÀ-ÖØ-Þ0-9«"“])"""
)

# Words after which a period is not the end of a sentence.
_ABBREVIATIONS = frozenset(
    """m mm mme mmes mlle mr mrs ms dr pr prof st ste jr sr inc corp co ltd etc vs cf av apr
    no nos p pp vol art al gén gen col sgt lt capt gov sen rep jan feb fév mar apr avr aug août
    sept sep oct nov dec déc env ex fig""".split()
)


def split_paragraphs(text: str) -> list[Span]:
    """Paragraphs are blocks separated by blank lines, trimmed of surrounding spaces."""
    spans = []
    for match in _PARAGRAPH.finditer(text):
        span = _trim(text, match.start(), match.end())
        if span is not None:
            spans.append(span)
    return spans


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Sentences of ``text[start:end]`` (one paragraph), as offsets into ``text``."""
    end = len(text) if end is None else end
    spans: list[Span] = []
    begin = start
    for match in _BOUNDARY.finditer(text, start, end):
        cut = match.end()
        if _ends_with_abbreviation(text, begin, match.start()):
            continue
        span = _trim(text, begin, cut)
        if span is not None:
            spans.append(span)
        begin = cut
    last = _trim(text, begin, end)
    if last is not None:
        spans.append(last)
    return spans


def _ends_with_abbreviation(text: str, begin: int, stop: int) -> bool:
    """True when the period at ``stop - 1`` ends an abbreviation or an initial (``M.``, ``J.``)."""
    if text[stop - 1] != ".":
        return False
    word = re.search(r"([\w-]+)\.$", text[begin:stop])
    if word is None:
        return False
    token = word.group(1)
    return token.lower() in _ABBREVIATIONS or (len(token) == 1 and token.isupper())


def _trim(text: str, start: int, end: int) -> Span | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end) if end > start else None
