"""Direction: the claim takes one pole of a predicate and the evidence the other.

"rose" against "a chuté", "won" against "lost", "allowed" against "interdit". A negation
turns a pole into the other ("no longer forbidden" is allowed; "n'a pas gagné" lost), so a
double negation is no contradiction. A verb that denies its complement ("declined to
comment") is not a pole of its own: "declined" there is no fall in value. A word of two
senses takes an axis's pole only beside that axis's context words ("launched a lawsuit", not
"launched a rocket").
"""

from __future__ import annotations

import re
from functools import cache

from bot.judge.rules import CONTRADICTION, SUPPORT, Pair, Signal, clause_around, rule, silence
from bot.question.terms import covers, first_mention, sentence_terms
from index.analysis import fold, stem, words
from index.facts import bound_spans, facts_of, opens_negated
from index.lang import languages, pack
from index.lexicon import PIVOT, Lexicon, axis_contexts, load_lexicon, opposite_poles

NAME = "direction"
COMPARISON = "comparison"  # the axis of "more" and "less"
# Words that name a pole only after an article, with the pivot word of that pole ("vers
# l'est"; "il est parti" is the verb), in any language's text ("9 a.m. EST" is no east).
ARTICLE_NOUNS = {
    fold(word): pole
    for code in languages()
    for word, pole in pack(code).data["phrases"]["article_nouns"].items()
}


@cache
def _other_pole() -> dict[tuple[str, str], str]:
    by_axis: dict[str, set[str]] = {}
    for pairs in opposite_poles().values():
        for axis, pole in pairs:
            by_axis.setdefault(axis, set()).add(pole)
    return {
        (axis, pole): next(iter(others - {pole}))
        for axis, others in by_axis.items()
        if len(others) == 2
        for pole in others
    }


def pole_set(text: str, lang: str) -> set[tuple[str, str]]:
    """The (axis, pole) pairs a text takes, a negated pole turned into the other one."""
    lexicon: Lexicon = load_lexicon()
    facts = facts_of(text, lang)
    table, flip, contexts = opposite_poles(), _other_pole(), axis_contexts()
    said = {lexicon.normalize(m.group(), lang) for m in words(text)}
    # "more than six months", "plus de 100": a figure's bound, which the quantity rules read
    bounds = bound_spans(text, lang)
    taken: set[tuple[str, str]] = set()
    inner = _name_words(text)
    uncompared = _not_compared_after(lang)
    previous = ""
    for match in words(text):
        before, previous = previous, match.group().casefold()
        if any(a <= match.start() < b for a, b in bounds):
            continue
        word = match.group()
        folded = fold(word)
        if folded in facts.implicative or _agent_noun(folded, lang):
            continue
        if word[0].isupper() and match.start() in inner:
            continue  # a name's word: "North Korea", "United Nations", "Corée du Nord"
        if folded in ARTICLE_NOUNS:
            # "vers l'est" is east; "il est parti" is the verb, no pole
            pivot = lexicon.normalize(ARTICLE_NOUNS[folded], PIVOT)
            found = set(table.get(pivot, ())) if before in uncompared else set()
        else:
            found = set(table.get(lexicon.normalize(word, lang), ())) | set(
                table.get(stem(word, lang), ())
            )
        negated = folded in facts.negated
        for axis, pole in found:
            if axis in contexts and not contexts[axis] & said:
                continue  # "launched a rocket" takes no legal step
            if axis == COMPARISON and before in uncompared:
                continue  # a superlative or "a few": "le plus probable" says no "more"
            if negated and (axis, pole) in flip:
                taken.add((axis, flip[(axis, pole)]))
            elif not negated:
                taken.add((axis, pole))
    return taken


def _name_words(text: str) -> frozenset[int]:
    """Where the words of names start: capitalised words inside a sentence, or opening it
    before another capitalised word ("North Korea fired"). None in a title written with
    capitals ("EU Blocks Siemens-Alstom Merger"), where they may be predicates."""
    tokens = list(words(text))
    long = [m for m in tokens if len(m.group()) > 3]
    if not re.search(r"[.!?»\"”]\s*$", text) and sum(
        m.group()[0].isupper() for m in long
    ) * 2 > len(long):
        return frozenset()
    return frozenset(
        m.start()
        for m, after in zip(tokens, [*tokens[1:], None], strict=True)
        if not re.search(r"(?:^|[.!?:«\"“]\s*)$", text[: m.start()])
        or (after is not None and after.group()[0].isupper())
    )


def _agent_noun(folded: str, lang: str) -> bool:
    """Is the word a noun of people made from a verb ("defendants", "opposants"), not one of
    the listed pole words ("over", "under")? Stemming reads "defendants" as "defend"."""
    return folded.endswith(_agent_noun_endings(lang)) and folded not in _pole_words()


@cache
def _not_compared_after(lang: str) -> frozenset[str]:
    return frozenset(pack(lang).words("phrases", "not_compared_after"))


@cache
def _agent_noun_endings(lang: str) -> tuple[str, ...]:
    return tuple(pack(lang).words("phrases", "agent_noun_endings"))


@cache
def _pole_words() -> frozenset[str]:
    """Every word the packs' opposites.tsv lists, as written."""
    return frozenset(
        fold(word)
        for code in languages()
        for axis, pole, vocabulary, *_ in pack(code).rows("opposites.tsv")
        for word in vocabulary.split()
    )


@cache
def negated_superlative(text: str, lang: str) -> bool:
    """Does ``text`` say a superlative by denying a comparison to everyone else ("Aucun
    monarque n'a régné plus longtemps", "No one has won more")? Its negation turns no pole."""
    if not opens_negated(text, lang):
        return False
    compared = pack(lang).alternation("negation", "comparatives")
    # a comparative word, or an elided one ("qu'Elizabeth")
    marker = rf"(?<![\w-])(?:{compared})(?:(?<=['’])|(?![\w-]))" if compared else "(?!)"
    return any(axis == COMPARISON for axis, _ in pole_set(text, lang)) or bool(
        re.search(marker, text, re.IGNORECASE)
    )


def _poles_where_named(pair: Pair, axis: str) -> set[str]:
    """The poles of ``axis`` taken in the evidence's clauses that name the claim's names or
    its day and say something else of the claim's ("LinkedIn *shares* jumped" for "l'*action*
    LinkedIn a plongé", not for "LinkedIn lost $150 million"; "shares fell on Friday" for
    "shares rose on Friday", beside "rose Wednesday")."""
    lexicon = load_lexicon()
    poles_ = opposite_poles()
    rest = [
        t
        for t in pair.terms
        if not (t.is_name or t.is_number or t.is_time) and not t.stems & poles_.keys()
    ]
    poles: set[str] = set()
    for term in (t for t in pair.terms if t.is_name or t.is_time):
        at = first_mention(term, pair.evidence, pair.evidence_lang, lexicon)
        if at is None:
            continue
        clause = clause_around(pair.evidence, pair.evidence_lang, at, at + len(term.word))
        said = sentence_terms(clause, pair.evidence_lang, lexicon)
        if any(covers(t, said) for t in rest):
            poles |= {p for a, p in pole_set(clause, pair.evidence_lang) if a == axis}
    return poles


@rule(NAME)
def check(pair: Pair) -> Signal:
    mine = pole_set(pair.claim, pair.claim_lang)
    if not mine or negated_superlative(pair.claim, pair.claim_lang):
        return silence(NAME)  # "No monarch reigned longer": not a pole turned by a negation
    theirs = pole_set(pair.evidence, pair.evidence_lang)
    torn = {axis for axis, _ in mine if sum(1 for a, _ in mine if a == axis) > 1}
    agreeing = []
    for axis, pole in sorted(mine):
        if axis in torn:
            continue  # the claim itself takes both sides ("after the ban was lifted, kept…")
        others = {p for a, p in theirs if a == axis}
        if len(others) > 1:
            # "LinkedIn shares jumped, while Microsoft shares fell": the clause of the claim's
            # names says which pole is theirs
            others = _poles_where_named(pair, axis)
        if others and pole not in others:
            return Signal(NAME, CONTRADICTION, f"{axis}: the source says {sorted(others)[0]}")
        if pole in others:
            agreeing.append(axis)
    if agreeing:
        return Signal(NAME, SUPPORT, f"same direction ({', '.join(agreeing)})")
    return silence(NAME)
