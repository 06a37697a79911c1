"""Slots: what the source writes in the place of the claim's date or figure.

A sentence may give several dates or figures, of several events or things. The one written
beside the same words as the claim's is of the same thing: "hospitalisé une quinzaine de jours
en décembre 2016" against "…notamment une quinzaine de jours en décembre 2015, pour
affaiblissement", "some 371 million Alibaba shares changed hands" against "some 271 million
shares changed hands". The others may be of something else, so only that one can contradict.
"""

from __future__ import annotations

from bot.judge.rules import Pair
from bot.question.terms import QueryTerm, covers, is_speech, sentence_terms
from index.analysis import words
from index.lexicon import load_lexicon

# Claim words from its date or figure to a word of its own that marks the place, and source
# words from that word to the source's date or figure there.
SLOT = 3
REACH = 4


def in_slot(
    pair: Pair,
    span: tuple[int, int],
    spans: list[tuple[int, int]],
    markers: frozenset[str] = frozenset(),
    names: bool = True,
) -> int | None:
    """Which of the source's ``spans`` (character offsets in the evidence) stands where the
    claim's ``span`` stands: after a word of the claim that comes right before it in the
    claim, or before one that comes right after it. The nearest such word decides. Words of
    ``markers`` (the "since" of "since 2018") belong to the date or figure, not its place; a
    name marks no place of a bare number (``names``): "Coleman, couloir 5" and "Coleman
    (9.94)" give him two figures."""
    tokens = words(pair.claim)
    first = next((i for i, t in enumerate(tokens) if t.end() > span[0]), None)
    last = next((i for i in reversed(range(len(tokens))) if tokens[i].start() < span[1]), None)
    if first is None or last is None:
        return None
    anchors = sorted(
        (
            (distance, anchor, side)
            for anchor in pair.terms
            if _marks_a_place(anchor, markers) and (names or not anchor.is_name)
            for side, distance in ((1, first - anchor.position), (-1, anchor.position - last))
            if 0 < distance <= SLOT
        ),
        key=lambda found: found[0],
    )
    if not anchors:
        return None
    lexicon = load_lexicon()
    said = words(pair.evidence)
    # each word of the source read once, whichever anchors are looked for in it
    read = [sentence_terms(token.group(), pair.evidence_lang, lexicon) for token in said]
    for _, anchor, side in anchors:
        for at, terms in enumerate(read):
            if not covers(anchor, terms):
                continue
            apart = [(_words_apart(said, at, s, side), i) for i, s in enumerate(spans)]
            near = [(n, i) for n, i in apart if 0 < n <= REACH]
            if near:
                return min(near)[1]
    return None


def _marks_a_place(term: QueryTerm, markers: frozenset[str]) -> bool:
    """Can the word mark where a date or figure stands? Not another figure or date, nor a
    verb that only frames ("said", "made"), nor the figure's own word."""
    return not (
        term.is_number
        or term.is_time
        or term.is_light
        or is_speech(term)
        or term.word.casefold() in markers
    )


def _words_apart(tokens: list, at: int, span: tuple[int, int], side: int) -> int:
    """How many words from token ``at`` to ``span`` on ``side`` (1: the span after the word,
    -1: before it), the span's first word counted; 0 when it is on the other side."""
    if side == 1:
        return sum(1 for t in tokens[at + 1 :] if t.start() <= span[0])
    return sum(1 for t in tokens[:at] if t.end() >= span[1])
