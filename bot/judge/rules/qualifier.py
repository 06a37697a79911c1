"""Qualifiers: the source gives the claim's title another qualifier.

"la secrétaire à l'Energie, Gina Raimondo" against "Gina Raimondo, la secrétaire américaine au
Commerce"; "Norway's prime minister" against "Norway's justice minister". The claim's word that
says what a title is of is missing from the source, which writes the same title beside a word
of its own that the claim does not say: the same kind of office, another one. Coverage weighs
that one word little in a long claim, so without this the rest of the sentence supported it.

Only titles (the packs' role words) are read, and only qualifiers that are capitalised
(ministries, institutions) or part of an expression ("prime minister"): beside other nouns, or
as a lowercase word, the word next to a noun is too often the claim's verb or object (a
generic version left 99 true dev claims unverified). The qualifier may stand on either side,
as languages differ ("justice minister", "ministre de la Justice"), with only function words
and nationalities between. This never refutes: the source's word may name the same office
otherwise ("Foreign Minister", "ministre des Affaires étrangères") when the lexicon lacks it.
"""

from __future__ import annotations

from bot.judge.rules import UNVERIFIED, Pair, Signal, rule, silence
from bot.judge.rules.actor import nationality
from bot.question.terms import (
    QueryTerm,
    TermIndex,
    covers,
    first_mention,
    query_terms,
    sentence_terms,
)
from index.analysis import is_stopword, words
from index.lang import words_of_every_language
from index.lexicon import load_lexicon

NAME = "qualifier"
# Words between a noun and its qualifier, function words only ("secrétaire à l'Energie").
REACH = 3


@rule(NAME)
def check(pair: Pair) -> Signal:
    lexicon = load_lexicon()
    stated = sentence_terms(pair.evidence, pair.evidence_lang, lexicon)
    plain = [t for t in pair.terms if not (t.is_number or t.is_time or t.framed)]
    tokens = words(pair.claim)
    evidence_tokens = words(pair.evidence)
    for term in plain:
        if covers(term, stated):
            continue
        if " " in term.word:  # "prime minister" against "justice minister": "prime" unsaid
            parts = _words_of(term, pair.claim_lang)
            pairs = [(u, h) for u in parts for h in parts if h is not u and covers(h, stated)]
        elif term.word[:1].isupper() and term.position > 0:
            # a capitalised word beside a title names what the title is of ("la secrétaire à
            # l'Energie"); a lowercase one is most often the claim's verb or complement
            pairs = [(term, head) for head in _beside(term, plain, tokens)]
        else:
            continue
        for unsaid, head in pairs:
            if covers(unsaid, stated) or not covers(head, stated) or not _is_role(head):
                continue
            at = first_mention(head, pair.evidence, pair.evidence_lang, lexicon)
            own = None if at is None else _own_qualifier(at, unsaid, evidence_tokens, pair)
            if own is not None:
                return Signal(
                    NAME, UNVERIFIED, f"the source says {own} beside {head.word}, not {unsaid.word}"
                )
    return silence(NAME)


def _is_role(term: QueryTerm) -> bool:
    """Is the word a title people hold ("minister", "secrétaire", "président")? Other nouns
    are qualified in too many ways for another word beside them to say another thing."""
    return not term.is_name and term.word.casefold() in words_of_every_language("question", "roles")


def _words_of(term: QueryTerm, lang: str) -> list[QueryTerm]:
    """The words of a claim's expression as terms of their own."""
    lexicon, corpus = load_lexicon(), TermIndex([])
    return [t for word in term.word.split() for t in query_terms(word, lang, lexicon, corpus)]


def _beside(term: QueryTerm, terms: list[QueryTerm], tokens: list) -> list[QueryTerm]:
    """The claim's words next to ``term`` with only function words between them."""
    return [
        other
        for other in terms
        if other is not term
        and 0 < abs(other.position - term.position) <= REACH
        and _only_function_words(tokens, term.position, other.position)
    ]


def _only_function_words(tokens: list, one: int, other: int) -> bool:
    low, high = sorted((one, other))
    return all(is_stopword(t.group()) for t in tokens[low + 1 : high])


def _own_qualifier(at: int, unsaid: QueryTerm, tokens: list, pair: Pair) -> str | None:
    """The first word next to the source's noun at offset ``at``, either side, written as the
    claim's unsaid word is (both capitalised, or neither: "Commerce" for "Energie", "justice"
    for "prime"), when it is none of the claim's words; function words and nationalities may
    stand between ("la secrétaire américaine au Commerce")."""
    lexicon = load_lexicon()
    index = next((i for i, t in enumerate(tokens) if t.start() >= at), None)
    if index is None:
        return None
    capital = unsaid.word[:1].isupper()
    for step in (-1, 1):
        for i in range(index + step, index + step * (REACH + 1), step):
            if not 0 <= i < len(tokens):
                break
            word = tokens[i].group()
            if (
                is_stopword(word)
                or word[:1].isupper() != capital
                or (word.islower() and nationality(word, pair.evidence_lang, lexicon))
            ):
                continue  # "la secrétaire *américaine* au Commerce"
            said = sentence_terms(word, pair.evidence_lang, lexicon)
            if (
                len(word) > 2
                and not word[:1].isdigit()
                and not any(covers(t, said) for t in pair.terms)
            ):
                return word
            break
    return None
