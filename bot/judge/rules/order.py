"""Order: the claim puts two events the other way round from the source.

"Celine Dion sang … before Perec and Riner lit the cauldron" against "Perec and Riner lit the
cauldron, before Celine Dion sang"; "Ferrari a officialisé l'arrivée de Hamilton avant que
Mercedes n'annonce son départ" against "Ferrari confirmed it after Mercedes announced his
exit". Each text is cut at its first word of order ("before", "after", "avant", "après": the
packs' ``[order]``) into the event that comes first and the one that comes second; the claim's
words of each half are looked for in the source's halves. When each of the claim's halves is
said only in the source's other half, the order is reversed: a contradiction. Anything less
(a text without such a word, a half the source does not say) is silence: coverage and the
other rules judge the rest.
"""

from __future__ import annotations

from bot.judge.rules import CONTRADICTION, Pair, Signal, order_word, rule, silence
from bot.question.terms import QueryTerm, SentenceTerms, covers, sentence_terms
from index.analysis import words
from index.facts import facts_of
from index.lexicon import load_lexicon

NAME = "order"
# Words of a half of the claim the source's half must say (and half of them at least).
MIN_SAID = 2
# Characters either side of the word of order where a span of time makes it measure a time
# taken ("moins de deux jours avant de", "après un total de 14 heures"), not order events.
SPAN_REACH = 30


@rule(NAME)
def check(pair: Pair) -> Signal:
    claimed = _halves(pair.claim, pair.claim_lang)
    stated = _halves(pair.evidence, pair.evidence_lang)
    if claimed is None or stated is None:
        return silence(NAME)
    tokens = words(pair.claim)
    lexicon = load_lexicon()
    first, second = (
        [
            t
            for t in pair.terms
            if not (t.is_number or t.is_time or t.framed)
            and start <= tokens[t.position].start() < end
        ]
        for start, end in claimed
    )
    said_first, said_second = (
        sentence_terms(pair.evidence[start:end], pair.evidence_lang, lexicon)
        for start, end in stated
    )
    if _only_in(first, said_second, said_first) and _only_in(second, said_first, said_second):
        return Signal(NAME, CONTRADICTION, "the source gives the two events the other way round")
    return silence(NAME)


def _only_in(terms: list[QueryTerm], there: SentenceTerms, elsewhere: SentenceTerms) -> bool:
    """Is ``there`` the half of the source that tells this event: it says at least two of
    ``terms`` and half of them, more than ``elsewhere`` does, and none that only
    ``elsewhere`` says?"""
    here = [t for t in terms if covers(t, there)]
    away = [t for t in terms if covers(t, elsewhere)]
    return (
        len(here) >= MIN_SAID
        and 2 * len(here) >= len(terms)
        and len(here) > len(away)
        and all(t in here for t in away)
    )


def _halves(text: str, lang: str) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """The character spans of the event that comes first and the one that comes second,
    around the text's first word of order; None without one, or with nothing on one side."""
    match = order_word(lang).search(text)
    if match is None or not text[: match.start()].strip() or not text[match.end() :].strip():
        return None
    around = text[max(0, match.start() - SPAN_REACH) : match.end() + SPAN_REACH]
    if facts_of(around, lang).durations:
        return None  # "a mis deux jours avant de s'entendre", "after 14 hours": a time taken
    before, after = (0, match.start()), (match.end(), len(text))
    return (before, after) if match.lastgroup == "before" else (after, before)
