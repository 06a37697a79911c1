"""Agent: who a passive says did it ("opéré *par Arianespace*", "read out *by judge Orie*").

A claim that names the doer of its verb after "par" / "by" is compared with the evidence's
doer of the same verb: the claim's name among the evidence's ("founded by Larry Page and
Sergey Brin" for "founded by Sergey Brin") supports, another name there contradicts ("Le
lancement a été opéré par la Nasa" against "Opérée par Arianespace"), unless either names its
doers as examples ("applaudi, notamment par le président"): then others may have done it too,
and the claim's doer is only not confirmed. In a passive, a common noun after its article is
a doer too ("approuvé par les actionnaires"), compared by meaning and never refuting, since
another noun may name the same people. Figures and idioms are no doers: "by 2 %", "par
action", "by the end of the year", "par la suite".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from bot.judge.rules import (
    CONTRADICTION,
    SUPPORT,
    UNVERIFIED,
    Pair,
    Signal,
    clause_span,
    rule,
    silence,
)
from bot.question.terms import QueryTerm, covers, first_mention, sentence_terms
from index.analysis import SentenceTerms, fold
from index.lang import pack
from index.lexicon import load_lexicon

NAME = "agent"
_POSSESSOR = re.compile(r"^[A-ZÀ-Ý][\w-]*['’]s\s+")
_NAME = re.compile(r"[A-ZÀ-Ý][\w’'-]*(?:\s+[A-ZÀ-Ý][\w’'-]*)*")


@rule(NAME)
def check(pair: Pair) -> Signal:
    mine = _agents(pair.claim, pair.claim_lang)
    if not mine:
        return silence(NAME)
    theirs = _agents(pair.evidence, pair.evidence_lang)
    lexicon = load_lexicon()
    for agent in mine:
        term = next((t for t in pair.terms if t.folded == fold(agent.verb)), None)
        if term is None:
            continue
        head = next((t for t in pair.terms if t is not term and _heads(t, agent.doers)), None)
        for their in theirs:
            if not covers(term, sentence_terms(their.verb, pair.evidence_lang, lexicon)):
                continue
            doers = sentence_terms(their.doers, pair.evidence_lang, lexicon)
            same_name = bool(agent.named) and fold(agent.named) in fold(their.doers)
            if same_name or (head is not None and covers(head, doers)):
                if same_name or _described_alike(agent.doers, doers, pair):
                    return Signal(NAME, SUPPORT, f"the source names the same doer: {agent.doers!r}")
                # "le Parlement suédois" against "the Norwegian Parliament": the same noun,
                # described otherwise
                return Signal(NAME, UNVERIFIED, f"the source names {their.doers!r} as doers")
            if agent.some or their.some or not agent.named:
                # examples exclude no one; "shareholders" may be named otherwise
                return Signal(NAME, UNVERIFIED, f"the source names {their.doers!r} as doers")
            return Signal(NAME, CONTRADICTION, f"the source names another doer: {their.doers!r}")
        at = first_mention(term, pair.evidence, pair.evidence_lang, lexicon)
        if at is None:
            continue
        # the doer of an active verb comes before it, a passive's after it in its clause
        _, end = clause_span(pair.evidence, pair.evidence_lang, at, at + len(term.word))
        doing = sentence_terms(pair.evidence[:end], pair.evidence_lang, lexicon)
        if head is None or not covers(head, doing):
            # "applaudi par le Premier ministre" against "applaudi, notamment par le
            # président": the source says it was done, not that the claim's doer did it
            return Signal(NAME, UNVERIFIED, f"the source does not name {agent.doers!r} as doer")
    return silence(NAME)


@dataclass(frozen=True)
class Agent:
    verb: str
    doers: str  # the words naming the doers, up to the clause's end
    named: str | None  # the first doer's name, when a name ("Arianespace"), not a noun
    some: bool  # named as examples ("notamment par")


def _described_alike(mine: str, theirs: SentenceTerms, pair: Pair) -> bool:
    """Does the evidence's doer carry every word of the claim's doer ("Parlement suédois")?"""
    own = sentence_terms(mine, pair.claim_lang, load_lexicon())
    return all(covers(t, theirs) for t in pair.terms if covers(t, own))


def _heads(term: QueryTerm, doers: str) -> bool:
    """Is ``term`` the first word of ``doers`` ("Premier ministre" of "Premier ministre
    français", "actionnaires" of "actionnaires de LinkedIn")?"""
    return fold(doers).startswith(fold(term.word))


def _agents(text: str, lang: str) -> list[Agent]:
    """Each "verb by Name", "verb, notably by Name", and in a passive "was approved by the
    shareholders": a doer named by a common noun after its article."""
    found = []
    for pattern in (_agent_pattern(lang), _agent_pattern(lang, common_noun=True)):
        for m in pattern.finditer(text):
            # "LinkedIn's shareholders": the doers are the shareholders, whose owner is named
            doers = _POSSESSOR.sub("", m.group("doers").strip())
            if not doers or fold(doers.split()[0]) in _idioms(lang):
                continue  # "by the end of the year", "par la suite": no one
            named = _NAME.match(doers)
            found.append(
                Agent(m.group("verb"), doers, named and named.group(), m.group("some") is not None)
            )
    return found


@cache
def _idioms(lang: str) -> frozenset[str]:
    return frozenset(fold(w) for w in pack(lang).words("passive", "agent_idioms"))


@cache
def _agent_pattern(lang: str, common_noun: bool = False) -> re.Pattern[str]:
    """ "verb by Name", maybe "verb, notably by Name"; with ``common_noun``, a passive's
    participle, then "by"/"par", an article and a lowercase noun ("was approved by the
    shareholders")."""
    language = pack(lang)
    articles = language.alternation("hedge", "determiners")
    examples = language.alternation("passive", "agent_examples") or "(?!)"
    by = rf"(?:,?\s+(?P<some>{examples}),?)?\s+(?:{language.alternation('passive', 'agents')})\s+"
    if common_noun:
        return re.compile(
            rf"\b(?:{language.alternation('passive', 'auxiliaries')})\s+(?:[^\W\d_]+\s+)?"
            rf"(?P<verb>[^\W\d_]+(?:{language.alternation('passive', 'participle_endings')}))"
            rf"{by}(?:{articles})\s*(?P<doers>[a-zà-ÿ][^,.;:()\[\]—–]*)"
        )
    return re.compile(
        rf"(?P<verb>[^\W\d_][\w’'-]+){by}(?:(?:{articles})\s*)?"
        rf"(?P<doers>[A-ZÀ-Ý][^,.;:()\[\]—–]*)"
    )
