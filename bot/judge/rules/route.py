"""Routes: a journey, a move or a transfer said the other way round.

"flying from Kuala Lumpur to Amsterdam" is refuted by "travelling from Amsterdam to Kuala
Lumpur" and by "parti d'Amsterdam, devait rejoindre Kuala Lumpur": the same two places, each
in the other's place. Only places written as names count; the language pack lists the words
that open a journey's start ("from", "parti de") and its end ("to", "à destination de").
"""

from __future__ import annotations

import re
from functools import cache

from bot.judge.rules import CONTRADICTION, SUPPORT, Pair, Signal, rule, silence
from bot.question.terms import QueryTerm, covers, sentence_terms
from index.lang import pack
from index.lexicon import load_lexicon

NAME = "route"
# How far after a journey's start its end may be named ("parti d'Amsterdam, aux Pays-Bas,
# devait rejoindre Kuala Lumpur").
ROUTE_REACH = 60
# A name: capitalised words, maybe joined by a hyphen or a short lowercase particle
# ("Kuala Lumpur", "Rio de Janeiro", "Saint-Denis").
_NAME = r"[A-ZÀ-Ý][\w’'-]*(?:\s+(?:(?:de|da|del|do|dos|du|of|upon|la|le)\s+)?[A-ZÀ-Ý][\w’'-]*)*"


@rule(NAME)
def check(pair: Pair) -> Signal:
    claimed = _routes(pair.claim, pair.claim_lang)
    if not claimed:
        return silence(NAME)
    start, end = claimed[0]
    origin, destination = _term(start, pair.terms), _term(end, pair.terms)
    if origin is None or destination is None or origin is destination:
        return silence(NAME)
    lexicon = load_lexicon()

    def names(place: str, term: QueryTerm) -> bool:
        return covers(term, sentence_terms(place, pair.evidence_lang, lexicon))

    for their_start, their_end in _routes(pair.evidence, pair.evidence_lang):
        if names(their_start, destination) and names(their_end, origin):
            return Signal(NAME, CONTRADICTION, f"the source goes from {their_start} to {their_end}")
        if names(their_start, origin) and names(their_end, destination):
            return Signal(NAME, SUPPORT, f"from {start} to {end}, as the source says")
    return silence(NAME)


def _routes(text: str, lang: str) -> list[tuple[str, str]]:
    """The journeys ``text`` names: a start place, then an end place soon after it."""
    starts = list(_marker(lang, "start").finditer(text))
    ends = list(_marker(lang, "end").finditer(text))
    return [
        (start.group("name"), end.group("name"))
        for start in starts
        for end in ends
        if 0 <= end.start() - start.end() <= ROUTE_REACH
    ]


@cache
def _marker(lang: str, side: str) -> re.Pattern[str]:
    words = pack(lang).alternation("route", side)
    return re.compile(rf"(?<![\w’'-])(?:{words})\s*(?P<name>{_NAME})")


def _term(name: str, terms: tuple[QueryTerm, ...]) -> QueryTerm | None:
    """The claim's name term for a place it names (its first word)."""
    first = name.split()[0].casefold()
    return next((t for t in terms if t.is_name and t.word.casefold() == first), None)
