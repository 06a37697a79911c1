"""Actors: the source says the same thing of someone else.

Two shapes, in either language:
- the claim's subject (the names it opens with) is not in the evidence, the rest of the claim
  is, and the evidence names another party: "C'est Twitter qui a privé Parler d'hébergement"
  against "Amazon a cessé d'héberger Parler";
- a name the sources never mention stands where the evidence has another name next to the
  same words: "read out by presiding judge Serge Brammertz" against "presiding judge Alphons
  Orie said".

A name the evidence merely leaves out (a pronoun, a description, an unnamed speaker) refutes
nothing: another name must be there. Capitalised words that are the claim's own names in the
other language or as an adjective ("Chinese" for "China") are not another name.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from functools import cache

from bot.judge.rules import CONTRADICTION, Pair, Signal, clause_span, rule, silence
from bot.judge.rules.direction import pole_set
from bot.question.terms import (
    QueryTerm,
    SentenceTerms,
    covers,
    first_mention,
    is_demonym,
    is_speech,
    is_time_word,
    labelled,
    predicate_of,
    sentence_terms,
    spelled_alike,
    subject_of,
)
from index.analysis import dateline_end, fold, inner_capitalised, is_stopword, words
from index.facts.numbers import with_digits
from index.lang import pack
from index.lexicon import PIVOT, Lexicon, load_lexicon

NAME = "actor"
# Share of the claim's other content words the evidence must state: the same statement.
SUBJECT_REST = 0.7
SLOT_REST = 0.6
# Words either side of an unknown name in the claim that mark its slot, and how far from such
# a word the evidence's other name may stand.
SLOT = 3
REACH = 4
# How alike a name and its adjective or other-language form are ("China", "Chinese"; "France",
# "French"; "Croatia", "Croatie"): difflib's ratio.
SAME_NAME = 0.6


@rule(NAME)
def check(pair: Pair) -> Signal:
    lexicon = load_lexicon()
    stated = sentence_terms(pair.evidence, pair.evidence_lang, lexicon)
    written = {fold(w) for w in _capitalised(pair.evidence)}
    absent = [
        t
        for t in pair.terms
        if t.is_name
        and not covers(t, stated)
        and not any(_alike(t.folded, word) for word in written)
    ]
    content = [t for t in pair.terms if not (t.is_name or t.is_number or t.is_time)]
    if not absent or not content:
        return silence(NAME)
    said = [t for t in content if covers(t, stated)]
    tokens = words(pair.evidence)
    for name in absent:
        if (other := _listed_instead(name, pair, stated, tokens)) is not None:
            return Signal(NAME, CONTRADICTION, f"the source names {other}, not {name.word}")
    others = _other_names(pair, tokens, written)
    if not others:
        return silence(NAME)
    subject = subject_of(list(pair.terms))
    titled = sentence_terms(pair.title, pair.evidence_lang, lexicon)
    others_said = [t for t in pair.terms if t not in subject and not (t.is_number or t.is_time)]
    verb = next((t for t in pair.terms if t not in subject and not t.is_name), None)
    predicate = predicate_of(list(pair.terms), pair.claim)
    if (
        subject
        and not labelled(pair.claim)
        and not (verb is not None and (verb.is_light or is_speech(verb)))  # who said, not did
        # the same thing: what the claim says its subject did is said here too, in its words
        # or in others of the same sense ("a privé Parler d'hébergement", "a cessé d'héberger")
        and (
            predicate is None
            or covers(predicate, stated)
            or pole_set(pair.claim, pair.claim_lang) & pole_set(pair.evidence, pair.evidence_lang)
        )
        and all(t in absent and not covers(t, titled) for t in subject)
        and _share(others_said, stated) >= SUBJECT_REST
        and (doers := _before_predicate(pair, subject, predicate, tokens, others))
    ):
        named = " ".join(tokens[i].group() for i in doers[:3])
        who = " ".join(t.word for t in subject)
        return Signal(NAME, CONTRADICTION, f"the source says it of {named}, not {who}")
    if _share(content, stated) < SLOT_REST:
        return silence(NAME)
    # A short acronym ("DR Congo") is most often a name the sources spell out, not another one.
    # A nationality ("British writer") describes; it is no one's name.
    unknown = [
        t
        for t in absent
        if not t.in_corpus and not (t.word.isupper() and len(t.word) <= 3) and not is_demonym(t)
    ]
    for name in unknown:
        for anchor, side in _anchors(name, list(pair.terms), said):
            at = first_mention(anchor, pair.evidence, pair.evidence_lang, lexicon)
            if at is None:
                continue
            index = next(i for i, token in enumerate(tokens) if token.start() >= at)
            near = [tokens[i].group() for i in others if 0 < (i - index) * side <= REACH]
            if near:
                return Signal(
                    NAME, CONTRADICTION, f"the source names {' '.join(near)}, not {name.word}"
                )
    return silence(NAME)


def _listed_instead(
    name: QueryTerm, pair: Pair, stated: SentenceTerms, tokens: list[re.Match[str]]
) -> str | None:
    """The other name the source lists where the claim lists ``name``: the claim joins it to
    a name the source writes ("Airbus et Thales"), and the source joins that name to another
    ("Airbus and Safran"), each with a word of a list."""
    claim_words = words(pair.claim)
    at = next((i for i, t in enumerate(claim_words) if fold(t.group()) == name.folded), None)
    if at is None or at < 2 or not _list_word(claim_words[at - 1].group(), pair.claim_lang):
        return None
    partner = next((t for t in pair.terms if t.is_name and t.position == at - 2), None)
    if partner is None or not covers(partner, stated):
        return None
    first = first_mention(partner, pair.evidence, pair.evidence_lang, load_lexicon())
    if first is None:
        return None
    start = next((i for i, token in enumerate(tokens) if token.start() >= first), None)
    if start is None or start + 2 >= len(tokens):
        return None
    joined, listed = tokens[start + 1].group(), tokens[start + 2].group()
    # a nationality listed is another as well ("US and French troops" / "US and British")
    if (
        not _list_word(joined, pair.evidence_lang)
        or not listed[:1].isupper()
        or fold(listed) in _claimed_words(pair)
        or _the_claims(
            fold(listed), sentence_terms(listed, pair.evidence_lang, load_lexicon()), pair
        )
    ):
        return None
    return listed


def _list_word(word: str, lang: str) -> bool:
    return pack(lang).pattern("numbers", "list_join").fullmatch(word) is not None


def _claimed_words(pair: Pair) -> set[str]:
    """The claim's terms, folded, and its words one by one too: "Tour" and "France" of its
    "Tour de France"."""
    return {t.folded for t in pair.terms} | {fold(w.group()) for w in words(pair.claim)}


def _the_claims(folded: str, said: SentenceTerms, pair: Pair) -> bool:
    """Is the source's word one of the claim's names spelled otherwise, or a word the claim
    says in either language?"""
    return any(_alike(t.folded, folded) for t in pair.terms if t.is_name) or any(
        covers(t, said) for t in pair.terms
    )


def _before_predicate(
    pair: Pair,
    subject: list[QueryTerm],
    predicate: QueryTerm | None,
    tokens: list[re.Match[str]],
    others: list[int],
) -> list[int]:
    """The other names that may be the doer of the claim's predicate: in its clause, before
    it ("Amazon a cessé d'héberger Parler"). A name after it is what was done, not who did it
    ("Neymar scored 105 goals as Barcelona won the Champions League"). Every other name may
    be where the predicate is said in other words, or where the claim's subject has a role
    in apposition ("Carlos Salinas, the spokesman…"): the role's other holder is named beside
    it, before or after ("with its spokesman Vlado Mirosevic saying")."""
    last = subject[-1].word
    after_subject = pair.claim[pair.claim.find(last) + len(last) :]
    at = (
        None
        if predicate is None
        else first_mention(predicate, pair.evidence, pair.evidence_lang, load_lexicon())
    )
    if at is None or after_subject.lstrip().startswith(","):
        return others
    start, _ = clause_span(pair.evidence, pair.evidence_lang, at, at + 1)
    return [i for i in others if start <= tokens[i].start() < at]


def _capitalised(text: str) -> list[str]:
    """The words ``text`` writes as names, its first word included ("Amazon a coupé…"), its
    dateline left out ("WASHINGTON (AP) —")."""
    text = text[dateline_end(text) :]
    first = text.split()[:1]
    return inner_capitalised(text) + [w for w in first if w[:1].isupper() and not is_stopword(w)]


def _alike(name: str, word: str) -> bool:
    return spelled_alike(name, word) or (
        name[:2] == word[:2] and SequenceMatcher(None, name, word).ratio() >= SAME_NAME
    )


def _share(terms: list[QueryTerm], stated: SentenceTerms) -> float:
    total = sum(t.weight for t in terms)
    return sum(t.weight for t in terms if covers(t, stated)) / total if total else 0.0


def _anchors(
    name: QueryTerm, terms: list[QueryTerm], said: list[QueryTerm]
) -> list[tuple[QueryTerm, int]]:
    """The claim's words right before and after ``name`` (with the side the name is on: +1
    after the word, -1 before it), when the evidence states them. A verb of saying is no
    anchor: "X said" and "Y said" may both be true."""
    before = [t for t in terms if t.position < name.position and not t.is_name]
    after = [t for t in terms if t.position > name.position and not t.is_name]
    found = []
    for word, side in ((before[-1:], 1), (after[:1], -1)):
        for t in word:
            close = abs(t.position - name.position) <= SLOT
            if close and t in said and not (t.is_light or is_speech(t)):
                found.append((t, side))
    return found


@cache
def _demonym_endings() -> tuple[str, ...]:
    """The pivot language's endings of nationalities, and their stemmed forms ("chinese" is
    stemmed "chines")."""
    endings = pack(PIVOT).words("phrases", "demonym_endings")
    return endings + tuple(e[:-1] for e in endings if e.endswith("e"))


def nationality(word: str, lang: str, lexicon: Lexicon) -> bool:
    """Is ``word`` a nationality ("Le Français", "the Briton", "British")? A description of
    someone, not another party's name. The pivot language tells by the word's ending; another
    language by the ending of the word the lexicon translates it to ("français": "french")."""
    endings = _demonym_endings()
    if lang == PIVOT:
        return fold(word).endswith(endings)
    said = lexicon.translate(lexicon.normalize(word.casefold(), lang), lang)
    return any(len(concept) == 1 and concept[0].endswith(endings) for concept in said)


def _other_names(pair: Pair, tokens: list[re.Match[str]], capitalised: set[str]) -> list[int]:
    """Token indexes of the evidence's names (``capitalised``, folded) that are none of the
    claim's names or words."""
    claimed = _claimed_words(pair)
    names = [t for t in pair.terms if t.is_name]
    lexicon = load_lexicon()
    said = [sentence_terms(token.group(), pair.evidence_lang, lexicon) for token in tokens]
    # "Mark Rutte" for "Rutte": words written as names right before one of the claim's names
    # are part of that name.
    own = {i for i, terms in enumerate(said) if any(covers(t, terms) for t in names)}
    joined = set()
    for i in sorted(own):
        j = i - 1
        while j >= 0 and fold(tokens[j].group()) in capitalised:
            joined.add(j)
            j -= 1
    return [
        i
        for i, token in enumerate(tokens)
        if i not in joined
        and (folded := fold(token.group())) in capitalised
        and folded not in claimed
        and len(folded) > 2
        and not is_stopword(token.group())
        and not is_time_word(token.group())
        and not nationality(token.group(), pair.evidence_lang, lexicon)
        and not _in_letters(token.group(), pair.evidence_lang)
        and not _the_claims(folded, said[i], pair)
    ]


def _in_letters(word: str, lang: str) -> bool:
    """Is ``word`` a number or a rank written in letters ("World War *Two*", "the *Second*
    World War")? Capitalised inside a name, it is a figure, which the quantity rule reads,
    not someone else."""
    return with_digits(word, lang)[:1].isdigit()
