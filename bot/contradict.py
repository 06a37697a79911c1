"""Does evidence on a claim's subject say something incompatible with it, and what kind of thing?

Each check compares one kind of fact the two texts both state, so that a sentence that is
merely silent on a point never refutes: a quantity of the same thing (9,6 millions
d'installations against "20 million installs"), a percentage, a sum of money, a year, a date,
a weekday, a duration ("pendant un mois" against "for a year"), the opposite pole of a
predicate (rose / a chuté), and the polarity of the claim's own words (a negation that bears
on what the claim says, not one anywhere in the sentence).
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

from bot.lexicon import OTHER, Lexicon, load_lexicon
from bot.terms import QueryTerm, covers, first_mention, sentence_terms
from index.analysis import fold, stem, words
from index.dates import find_dates, find_weekdays

_PERCENT = re.compile(r"(\d+(?:[.,]\d+)?)\s*(?:%|pour\s?cent|percent|per\s?cent)", re.I)
_MONEY = re.compile(
    r"(?:[$€£]\s*(\d+(?:[.,]\d+)?))|(?:(\d+(?:[.,]\d+)?)\s*(?:\$|€|£|dollars?|euros?|usd|eur))",
    re.I,
)
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
NUMBER = re.compile(r"\b\d+(?:[.,]\d+)?\b")

_SCALES = {
    "mille": 1e3, "thousand": 1e3, "k": 1e3,
    "million": 1e6, "millions": 1e6, "m": 1e6,
    "milliard": 1e9, "milliards": 1e9, "billion": 1e9, "billions": 1e9, "bn": 1e9,
}  # fmt: skip
_COUNT_WORDS = {
    "a": 1, "an": 1, "one": 1, "un": 1, "une": 1, "two": 2, "deux": 2, "three": 3, "trois": 3,
    "four": 4, "quatre": 4, "five": 5, "cinq": 5, "six": 6, "seven": 7, "sept": 7,
    "eight": 8, "huit": 8, "nine": 9, "neuf": 9, "ten": 10, "dix": 10,
}  # fmt: skip
_UNITS = {
    **dict.fromkeys(["hour", "hours", "heure", "heures"], "hour"),
    **dict.fromkeys(["day", "days", "jour", "jours", "journée", "journées"], "day"),
    **dict.fromkeys(["week", "weeks", "semaine", "semaines"], "week"),
    **dict.fromkeys(["month", "months", "mois"], "month"),
    **dict.fromkeys(["year", "years", "an", "ans", "année", "années"], "year"),
}
_COUNT = r"\d+(?:[.,]\d+)?|" + "|".join(_COUNT_WORDS)
DURATION = re.compile(rf"\b({_COUNT})\s+({'|'.join(_UNITS)})\b", re.I)
# A number, its scale word, then (after "of"/"de") the thing counted.
_QUANTITY = re.compile(
    r"\b(\d+(?:[.,]\d+)?)\s*(mille|thousand|millions?|milliards?|billions?|bn|k|m)?\b"
    r"\s*(?:(?:of|de|d['’])\s*)?([^\W\d_]{3,})",
    re.I,
)

# Words that negate what follows them (and, in French, the verb between "ne" and "pas").
_NEGATOR = re.compile(
    r"\b(?:not|never|no|without|cannot|neither|nor|n['’]t|pas|plus|jamais|rien|aucun|aucune"
    r"|sans|nullement|guère|ni)\b",
    re.I,
)
_NE = re.compile(r"\b(?:ne|n['’])", re.I)
NEGATION_SCOPE = 6  # words after a negator that it bears on, within its clause
_CLAUSE_END = re.compile(r"[,;:.!?«»()\[\]]")


def contradiction(
    claim: str, lang: str, evidence: str, evidence_lang: str, terms: list[QueryTerm]
) -> str | None:
    """The kind of contradiction between a claim and evidence on its subject, or None."""
    lexicon = load_lexicon()
    if _quantities_differ(claim, evidence, evidence_lang, terms, lexicon):
        return "number"
    mine_m, theirs_m = _scaled(claim), _scaled(evidence)
    if mine_m and theirs_m and not mine_m & theirs_m:
        return "number"  # "19.6 million" against "9,6 millions", whatever is counted
    for kind, pattern in (("number", _PERCENT), ("number", _MONEY), ("date", _YEAR)):
        mine, theirs = _values(pattern, claim), _values(pattern, evidence)
        if mine and theirs and not mine & theirs:
            return kind
    claim_days, evidence_days = set(find_weekdays(claim)), set(find_weekdays(evidence))
    if claim_days and evidence_days and not claim_days & evidence_days:
        return "date"
    if _dates_differ(claim, evidence):
        return "date"
    mine_d, theirs_d = durations(claim), durations(evidence)
    if mine_d and theirs_d and not mine_d & theirs_d:
        return "date"
    if _opposite_poles(claim, lang, evidence, lexicon):
        return "direction"
    if _polarity_differs(claim, lang, evidence, evidence_lang, terms, lexicon):
        return "negation"
    return None


def specific_kinds(text: str) -> set[str]:
    """The kinds of checkable specifics a text states: what a claim must be compared on."""
    kinds = {
        k
        for k, pattern in (("percent", _PERCENT), ("money", _MONEY), ("year", _YEAR))
        if pattern.search(text)
    }
    if find_weekdays(text):
        kinds.add("weekday")
    if find_dates(text):
        kinds.add("date")
    if durations(text):
        kinds.add("duration")
    if quantities(text):
        kinds.add("quantity")
    lexicon = load_lexicon()
    for lang in ("fr", "en"):
        kinds |= {f"axis:{axis}" for axis, _ in _pole_set(text, lang, lexicon)}
    return kinds


def unstated_numbers(claim: str, evidence: str) -> bool:
    """Numbers the claim gives that the evidence does not: it cannot support them."""
    stated = {_number(n) for n in NUMBER.findall(evidence)}
    return any(_number(n) not in stated for n in NUMBER.findall(claim))


def durations(text: str) -> set[tuple[float, str]]:
    """("un mois" -> (1, "month")): spans of time, compared by count and unit."""
    found = set()
    for match in DURATION.finditer(text):
        count, unit = match.group(1).casefold(), match.group(2).casefold()
        value = _COUNT_WORDS.get(count)
        found.add((value if value is not None else _number(count), _UNITS[unit]))
    return found


def _number(text: str) -> float:
    return float(text.replace(",", "."))


def _values(pattern: re.Pattern[str], text: str) -> set[float]:
    values = set()
    for match in pattern.finditer(text):
        number = next(g for g in match.groups() if g) if match.groups() else match.group()
        values.add(_number(number))
    return values


def _dates_differ(claim: str, evidence: str) -> bool:
    mine = {d.value for d in find_dates(claim)}
    theirs = {d.value for d in find_dates(evidence)}
    return bool(
        mine
        and theirs
        and not any(c.startswith(e) or e.startswith(c) for c in mine for e in theirs)
    )


def quantities(text: str) -> list[tuple[float, str]]:
    """(value, counted word) pairs: "9,6 millions d'installations" -> (9.6e6, "installations")."""
    found = []
    for match in _QUANTITY.finditer(text):
        number, scale, noun = match.groups()
        if noun.casefold() in _UNITS or noun.casefold() in _SCALES:
            continue
        if not scale and _YEAR.fullmatch(number):
            continue  # "en 2020, dont…" is a year, not a count
        factor = _SCALES.get((scale or "").casefold(), 1.0)
        found.append((_number(number) * factor, noun))
    return found


def _scaled(text: str) -> set[float]:
    """Numbers given with a scale word (millions, billion…): large counts, rarely incidental."""
    return {value for value, _ in quantities(text) if value >= 1e3} | {
        _number(m.group(1)) * _SCALES[m.group(2).casefold()]
        for m in re.finditer(r"(\d+(?:[.,]\d+)?)\s*(millions?|milliards?|billions?)\b", text, re.I)
    }


def _quantities_differ(
    claim: str, evidence: str, evidence_lang: str, terms: list[QueryTerm], lexicon: Lexicon
) -> bool:
    """A count of the same thing (the claim's counted word covered by the evidence's) that
    takes no value the evidence gives for it."""
    by_word = {t.word.casefold(): t for t in terms}
    theirs = quantities(evidence)
    for value, noun in quantities(claim):
        term = by_word.get(noun.casefold())
        if term is None:
            continue
        same_thing = [
            v for v, n in theirs if covers(term, sentence_terms(n, evidence_lang, lexicon))
        ]
        if same_thing and not any(abs(v - value) <= 1e-9 * max(v, 1) for v in same_thing):
            return True
    return False


# Words that make what follows a hope, a plan, an attempt or an allegation, not a fact.
_HEDGE = re.compile(
    r"\b(?:esp[èée]r\w*|souhait\w*|veut|veulent|voudrai\w*|vouloir|envisag\w*|pourrai\w*"
    r"|devrai\w*|menac\w*|cherch\w*|tent\w*|seraient|serait|aurai(?:en)?t|sugg[èée]r\w*"
    r"|présum\w*|prétend\w*|prévoi\w*|compte\s+(?=\w+er\b)|hop\w*|want\w*|wish\w*"
    r"|seek\w*|sought|plan\w*|intend\w*|may|might|could|would|threat\w*|tr(?:y|ies|ied)"
    r"|attempt\w*|aim\w*|suggest\w*|alleg\w*|claim\w*)\b",
    re.I,
)
HEDGE_REACH = 4  # words before the predicate that a hedge bears on


def hedged(evidence: str, claim: str, terms: list[QueryTerm], evidence_lang: str) -> bool:
    """The evidence only hopes, plans, tries or alleges what the claim states as done
    ("Parler espère obtenir des dommages-intérêts" against "Parler obtained damages")."""
    if _HEDGE.search(claim):
        return False
    lexicon = load_lexicon()
    tokens = words(evidence)
    for term in terms:
        if term.is_name or term.is_number or term.is_time:
            continue
        at = first_mention(term, evidence, evidence_lang, lexicon)
        if at is None:
            continue
        before = [t for t in tokens if t.start() < at][-HEDGE_REACH:]
        if before and _HEDGE.search(evidence[before[0].start() : at]):
            return True
    return False


def negated_words(text: str) -> set[str]:
    """Words a negation bears on: the verb between "ne" and "pas", and the few words after a
    negator ("n'avait pas l'intention de lever" -> avait, intention, lever…)."""
    tokens = words(text)
    negated: set[str] = set()
    for index, token in enumerate(tokens):
        if not _NEGATOR.fullmatch(token.group()) and not token.group().casefold().endswith("n't"):
            continue
        if token.group().casefold() == "plus" and not _NE.search(text[: token.start()][-40:]):
            continue  # "plus" without "ne" is "more"
        before = tokens[max(0, index - 2) : index]
        after = tokens[index + 1 : index + 1 + NEGATION_SCOPE]
        in_clause = [t for t in after if not _CLAUSE_END.search(text[token.end() : t.start()])] + [
            t for t in before if not _CLAUSE_END.search(text[t.end() : token.start()])
        ]
        negated |= {t.group() for t in in_clause}
    return negated


def _polarity_differs(
    claim: str,
    lang: str,
    evidence: str,
    evidence_lang: str,
    terms: list[QueryTerm],
    lexicon: Lexicon,
) -> bool:
    """One text negates some of the claim's words and the other does not."""
    negated_in_evidence = sentence_terms(" ".join(negated_words(evidence)), evidence_lang, lexicon)
    claim_negated = {fold(w) for w in negated_words(claim)}
    content = [t for t in terms if not (t.is_name or t.is_number or t.is_time)]
    evidence_side = {t.folded for t in content if covers(t, negated_in_evidence)}
    claim_side = {t.folded for t in content if t.folded in claim_negated}
    return bool(evidence_side) != bool(claim_side)


@cache
def _poles() -> dict[tuple[str, str], frozenset[str]]:
    """(axis, pole) -> stems of its words, in both languages."""
    lexicon = load_lexicon()
    table: dict[tuple[str, str], set[str]] = {}
    source = resources.files("bot") / "wordlists" / "opposites.tsv"
    for line in source.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        axis, pole, vocabulary = line.split("\t")
        stems = table.setdefault((axis, pole), set())
        for word in vocabulary.split():
            for lang in ("fr", "en"):
                stems.add(lexicon.normalize(word, lang))
    return {key: frozenset(value) for key, value in table.items()}


_PHRASAL = re.compile(r"\b(?:go|goes|went|gone|going)\s+(up|down)\b", re.I)


def _pole_set(text: str, lang: str, lexicon: Lexicon) -> set[tuple[str, str]]:
    text = _PHRASAL.sub(lambda m: "rise" if m.group(1).casefold() == "up" else "fall", text)
    stems = {lexicon.normalize(m.group(), lang) for m in words(text)}
    stems |= {stem(m.group(), lang) for m in words(text)}
    return {key for key, vocabulary in _poles().items() if stems & vocabulary}


def _opposite_poles(claim: str, lang: str, evidence: str, lexicon: Lexicon) -> bool:
    """The claim takes one pole of an axis and the evidence only the other one."""
    mine = _pole_set(claim, lang, lexicon)
    theirs = _pole_set(evidence, lang, lexicon) | _pole_set(evidence, OTHER[lang], lexicon)
    both = {a for a, _ in mine if sum(1 for b, _ in mine if b == a) > 1}
    for axis, pole in mine:
        if axis in both:
            continue  # the claim itself takes both sides ("après l'arrêt…, est resté")
        others = {p for a, p in theirs if a == axis}
        if others and pole not in others:
            return True
    return False
