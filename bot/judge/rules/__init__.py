"""Judge rules: small independent checks of one claim against one evidence sentence.

Each rule compares one kind of fact the two texts state and returns a ``Signal``: the
evidence supports the claim on that point, contradicts it, leaves it unverified (the claim
states something the evidence does not confirm, such as a number), or is silent. Rules
register themselves with ``@rule``; ``judge`` runs them all and never names one.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache

from bot.question.terms import QueryTerm
from index.errors import VerifError
from index.lang import pack

SUPPORT, CONTRADICTION, UNVERIFIED, SILENCE = "support", "contradiction", "unverified", "silence"

# Two values this many times apart are not of the same thing (same_magnitude).
OTHER_MAGNITUDE = 100


@dataclass(frozen=True)
class Pair:
    """A claim and one evidence sentence, each in its own language."""

    claim: str
    claim_lang: str
    evidence: str
    evidence_lang: str
    terms: tuple[QueryTerm, ...]  # the claim's words, with their forms in both languages
    published: str | None = None  # the evidence article's date, to place "le 3 mars"
    title: str = ""  # the evidence article's title: a name the sentence leaves to it


@dataclass(frozen=True)
class Signal:
    rule: str
    outcome: str  # SUPPORT | CONTRADICTION | UNVERIFIED | SILENCE
    reason: str = ""  # in words, for people and for the decision's notes
    # a contradiction that gives the claim's own figure or date to another party in the
    # source, beside the subject's own: the same sentence says both
    swapped: bool = False

    @property
    def kind(self) -> str:
        """The kind of contradiction as answers name it ("number", "date"…)."""
        return KINDS.get(self.rule, self.rule)


Rule = Callable[[Pair], Signal]
RULES: dict[str, Rule] = {}
# How answers name each rule's contradiction (prompts/: verdict.why.<kind>).
KINDS = {
    "quantity": "number", "age": "number", "agent": "actor",
    "date": "date", "weekday": "date", "relative": "date", "duration": "date",
    "route": "route", "order": "order", "score": "number", "crossed": "actor",
}  # fmt: skip


def rule(name: str) -> Callable[[Rule], Rule]:
    """Register a rule under ``name``."""

    def register(function: Rule) -> Rule:
        RULES[name] = function
        return function

    return register


def clause_bounds(text: str, lang: str) -> list[re.Match[str]]:
    """Where ``text``'s clauses end: punctuation (not the comma or point inside a number, but
    the one after it: "depuis 2011. L'institution") or words that join clauses ("and",
    "while", "alors que", "face à"), from the language pack."""
    joins = pack(lang).alternation("phrases", "clause_joins")
    return list(re.finditer(rf"(?<!\d)[,.]|[,.](?!\d)|[;:!?()\[\]—–]|\b(?:{joins})\b", text, re.I))


@cache
def order_word(lang: str) -> re.Pattern[str]:
    """The words of order of the language ("before", "après"), grouped as ``before`` and
    ``after``: they cut a text into the event said first and the one said second."""
    language = pack(lang)
    return re.compile(
        rf"(?<![\w-])(?:(?P<before>{language.alternation('order', 'before')})"
        rf"|(?P<after>{language.alternation('order', 'after')}))(?:(?<=['’])|(?![\w-]))",
        re.IGNORECASE,
    )


def clause_around(text: str, lang: str, start: int, end: int) -> str:
    """The clause of ``text`` that holds the characters from ``start`` to ``end``."""
    first, last = clause_span(text, lang, start, end)
    return text[first:last]


def clause_span(text: str, lang: str, start: int, end: int) -> tuple[int, int]:
    """Where the clause that holds the characters from ``start`` to ``end`` begins and ends;
    a span in brackets belongs to the clause before them ("a réduit l'écart (80è)")."""
    bounds = clause_bounds(text, lang)
    first = max((m.end() for m in bounds if m.end() <= start), default=0)
    last = min((m.start() for m in bounds if m.start() >= end), default=len(text))
    if text[:first].endswith("("):
        first = max((m.end() for m in bounds if m.end() < first - 1), default=0)
    return first, last


def same_magnitude(a: float, b: float) -> bool:
    """Could two values be of one thing? A changed figure or span is wrong by a little, not
    by orders of magnitude: OTHER_MAGNITUDE times apart they measure different things."""
    if not a or not b:
        return True
    return max(a, b) / min(a, b) < OTHER_MAGNITUDE


def judge(pair: Pair) -> list[Signal]:
    """Every registered rule's signal on ``pair``; a rule switched off is silent."""
    off = switched_off()
    return [silence(name) if name in off else check(pair) for name, check in RULES.items()]


def switched_off() -> frozenset[str]:
    """Rules named in ``VERIF_RULES_OFF`` (comma-separated): the evaluation's ablation switch,
    to measure on fresh stories what one rule adds before trusting it (``--rules-off``)."""
    return _named_off(os.environ.get("VERIF_RULES_OFF", ""))


@lru_cache(maxsize=8)
def _named_off(setting: str) -> frozenset[str]:
    """The rules a setting names, read once per setting: ``judge`` asks for every pair."""
    named = {n.strip() for n in setting.split(",") if n.strip()}
    unknown = named - RULES.keys()
    if unknown:
        raise VerifError(
            f"VERIF_RULES_OFF names unknown rules {sorted(unknown)}; rules: {sorted(RULES)}"
        )
    return frozenset(named)


def silence(name: str) -> Signal:
    return Signal(name, SILENCE)


def contradiction(
    claim: str,
    lang: str,
    evidence: str,
    evidence_lang: str,
    terms: list[QueryTerm],
    published: str | None = None,
) -> str | None:
    """The kind of the first contradiction the rules find ("number", "date"…), or None: the
    rules as one call, for the LLM guard, which checks each generated sentence against the
    passage it cites with the same rules that judge claims."""
    pair = Pair(claim, lang, evidence, evidence_lang, tuple(terms), published)
    return next((s.kind for s in judge(pair) if s.outcome == CONTRADICTION), None)


def _load() -> None:
    from bot.judge.rules import (  # noqa: F401
        actor,
        agent,
        crossed,
        dates,
        direction,
        hedge,
        missing,
        negation,
        order,
        qualifier,
        quantity,
        route,
        score,
        speaker,
    )


_load()
