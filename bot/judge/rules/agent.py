"""Agent: who a passive says did it ("opéré *par Arianespace*", "read out *by judge Orie*").

A claim that names the doer of its verb after "par" / "by" is compared with the evidence's
doer of the same verb: the claim's name among the evidence's ("founded by Larry Page and
Sergey Brin" for "founded by Sergey Brin") supports, another name there contradicts ("Le
lancement a été opéré par la Nasa" against "Opérée par Arianespace"), unless either names its
doers as examples ("applaudi, notamment par le président"): then others may have done it too,
and the claim's doer is only not confirmed. Only names count: "by 2 %", "par action" are no
doers.
"""

from __future__ import annotations

import re
from functools import cache

from bot.judge.rules import CONTRADICTION, SUPPORT, UNVERIFIED, Pair, Signal, rule, silence
from bot.question.terms import covers, sentence_terms
from index.analysis import fold
from index.lang import pack
from index.lexicon import load_lexicon

NAME = "agent"
_NAME = re.compile(r"[A-ZÀ-Ý][\w’'-]*(?:\s+[A-ZÀ-Ý][\w’'-]*)*")


@rule(NAME)
def check(pair: Pair) -> Signal:
    mine = _agents(pair.claim, pair.claim_lang)
    if not mine:
        return silence(NAME)
    theirs = _agents(pair.evidence, pair.evidence_lang)
    lexicon = load_lexicon()
    for verb, doers, some in mine:
        doer = _NAME.match(doers).group()  # the claim's first doer, by its name alone
        term = next((t for t in pair.terms if t.folded == fold(verb)), None)
        if term is None:
            continue
        for their_verb, their_doers, their_some in theirs:
            if not covers(term, sentence_terms(their_verb, pair.evidence_lang, lexicon)):
                continue
            if fold(doer) in fold(their_doers):
                return Signal(NAME, SUPPORT, f"the source names the same doer: {doer!r}")
            if some or their_some:
                return Signal(NAME, UNVERIFIED, f"the source names {their_doers!r} among others")
            return Signal(NAME, CONTRADICTION, f"the source names another doer: {their_doers!r}")
        said = sentence_terms(pair.evidence, pair.evidence_lang, lexicon)
        named = [t for t in pair.terms if t is not term and fold(t.word) in fold(doers)]
        if covers(term, said) and not any(covers(t, said) for t in named):
            # "applaudi par le Premier ministre" against "applaudi par le président": the
            # source says it was done, not that the claim's doer did it
            return Signal(NAME, UNVERIFIED, f"the source does not name {doers!r} as its doer")
    return silence(NAME)


def _agents(text: str, lang: str) -> list[tuple[str, str, bool]]:
    """(verb, the words naming its doers up to the clause's end, whether they are examples)
    for each "verb by Name" or "verb, notably by Name"."""
    return [
        (m.group("verb"), m.group("doers").strip(), m.group("some") is not None)
        for m in _agent_pattern(lang).finditer(text)
    ]


@cache
def _agent_pattern(lang: str) -> re.Pattern[str]:
    language = pack(lang)
    by = language.alternation("passive", "agents")
    articles = language.alternation("hedge", "determiners")
    examples = language.alternation("passive", "agent_examples") or "(?!)"
    return re.compile(
        rf"(?P<verb>[^\W\d_][\w’'-]+)(?:,?\s+(?P<some>{examples}),?)?\s+(?:{by})\s+"
        rf"(?:(?:{articles})\s*)?"
        rf"(?P<doers>[A-ZÀ-Ý][^,.;:()\[\]—–]*)"
    )
