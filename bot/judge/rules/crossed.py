"""Crossed: the claim gives each of two parties what the source gives the other.

"William walked behind the coffin in civilian clothes, while Harry wore military uniform"
against "William wore military uniform, but Harry wore civilian clothes"; "Lewis was appointed
after Vara resigned" against "Since Lewis's resignation, Vara has been appointed"; a training
on Monday and a news conference on Tuesday against the conference on Monday and the training
on Tuesday. Every word is in the source, so coverage finds it all; what is wrong is which
clause each is in.

Each text is cut into clauses (the clause bounds of the rules, and the words of order). Two
anchors, names or days the source writes in one clause each and the claim in one clause each,
hold their clauses together. The pairing is crossed when, for each anchor, the claim's clause
has more words the source writes only beside the other anchor than only beside its own, three
such words in all. Anything less (one anchor, a clause that keeps as many words as it gives
away) is silence: a paraphrase may move a word or two, not the words of two clauses at once.
"""

from __future__ import annotations

import re
from itertools import combinations

from bot.judge.rules import (
    CONTRADICTION,
    Pair,
    Signal,
    clause_bounds,
    order_word,
    rule,
    silence,
)
from bot.question.terms import QueryTerm, covers, sentence_terms
from index.analysis import words
from index.lexicon import load_lexicon

NAME = "crossed"
# Words of the claim the source must write beside the other anchor, both clauses together: a
# word or two may move in any paraphrase ("his Swiss co-founder and pilot partner").
MIN_MOVED = 3
# After a party's name, a figure makes it a unit ("US$41.57"), not a party.
_UNIT = re.compile(r"\s*[$€£¥\d]")


@rule(NAME)
def check(pair: Pair) -> Signal:
    claimed = _clauses(pair.claim, pair.claim_lang)
    tokens = words(pair.claim)
    terms = [t for t in pair.terms if not (t.framed or t.is_number)]
    clause = {t: _index_of(claimed, tokens[t.position].start()) for t in terms}
    if len({clause[t] for t in terms if t.is_name or t.is_time}) < 2:
        return silence(NAME)  # no two clauses of the claim with a party each
    stated = _clauses(pair.evidence, pair.evidence_lang)
    if len(stated) < 2:
        return silence(NAME)
    lexicon = load_lexicon()
    said = [sentence_terms(pair.evidence[s:e], pair.evidence_lang, lexicon) for s, e in stated]
    where = {t: frozenset(i for i, s in enumerate(said) if covers(t, s)) for t in terms}
    anchors = [t for t in terms if _party(t, pair.claim, tokens) and len(where[t]) == 1]
    for a, b in combinations(anchors, 2):
        if clause[a] == clause[b] or where[a] == where[b]:
            continue
        (own_a,), (own_b,) = where[a], where[b]
        # the anchors' own names ("Shailesh" beside "Vara") hold their clauses as they do
        rest = [
            t
            for t in terms
            if not (
                (t.is_name or t.is_time)
                and (clause[t], where[t]) in {(clause[a], where[a]), (clause[b], where[b])}
            )
        ]
        moved_a = _given_other(rest, clause, where, clause[a], own_a, own_b)
        moved_b = _given_other(rest, clause, where, clause[b], own_b, own_a)
        if moved_a and moved_b and moved_a + moved_b >= MIN_MOVED:
            return Signal(
                NAME,
                CONTRADICTION,
                f"the source says of {b.word} what the claim says of {a.word}, and the other"
                " way round",
            )
    return silence(NAME)


def _given_other(
    terms: list[QueryTerm],
    clause: dict[QueryTerm, int],
    where: dict[QueryTerm, frozenset[int]],
    claimed: int,
    own: int,
    other: int,
) -> int:
    """How many words of the claim's clause ``claimed`` the source writes only in the clause
    of the other anchor, when that is more than it writes only in the anchor's own (else 0)."""
    here = [t for t in terms if clause[t] == claimed and where[t]]
    moved = [t for t in here if other in where[t] and own not in where[t]]
    kept = [t for t in here if own in where[t] and other not in where[t]]
    return len(moved) if len(moved) > len(kept) else 0


def _party(term: QueryTerm, claim: str, tokens: list[re.Match[str]]) -> bool:
    """Can ``term`` hold a clause as its party: a day, or a name that no lexicon translates
    (a person's or a company's, not "Swiss" or "Credit") and that no figure follows?"""
    if term.is_time:
        return True
    return (
        term.is_name
        and not term.translations
        and not _UNIT.match(claim, tokens[term.position].end())
    )


def _clauses(text: str, lang: str) -> list[tuple[int, int]]:
    """The character spans of ``text``'s clauses, cut at clause bounds and words of order."""
    cuts = sorted(
        {m.start() for m in clause_bounds(text, lang)}
        | {m.start() for m in order_word(lang).finditer(text)}
    )
    spans = []
    start = 0
    for cut in [*cuts, len(text)]:
        if text[start:cut].strip(" ,.;:"):
            spans.append((start, cut))
        start = cut
    return spans


def _index_of(spans: list[tuple[int, int]], at: int) -> int:
    return next((i for i, (start, end) in enumerate(spans) if start <= at < end), -1)
