"""The facts a sentence states, read once per sentence: what the judging rules compare.

Quantities (numbers.py), calendar dates with or without a year, weekdays, durations, the
words a negation bears on, and the words a hedge ("hopes to", "pourrait", "allegedly") bears
on. Everything language-specific comes from the language pack, so this code names no
language. ``facts_of`` is cached: a sentence met again costs nothing.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import cache, lru_cache

from index.analysis import fold, is_stopword
from index.facts.numbers import (
    YEAR,
    Quantity,
    bound_groups,
    bound_of,
    is_clock_hour,
    parse_number,
    quantities,
    with_digits,
)
from index.lang import Pack, pack

# Words after a negator, or after a hedge, that it bears on (within its clause).
NEGATION_SCOPE = 6
HEDGE_SCOPE = 5
# Characters before a span of years where a word saying it is an age may stand ("at the age of").
AGE_REACH = 16
# What an implicative denies: the verb after its "to" or "de" (not that verb's object), or
# a noun's complement after "de son".
VERB_SCOPE = 2
NOUN_SCOPE = 3
# A denial this close before a verb that denies its complement ("n'a jamais cessé de") denies
# that verb: the complement is then affirmed.
IMPLICATIVE_DENIAL_REACH = 3
_CLAUSE_END = re.compile(r"[,;:.!?«»()\[\]—–]|\b(?:but|mais|while|alors que|tandis que)\b", re.I)
_TOKEN = re.compile(r"[^\W\d_][\w’'-]*|\d+(?:[.,]\d+)*", re.UNICODE)


@dataclass(frozen=True)
class DateFact:
    year: int | None
    month: int | None
    day: int | None
    start: int
    end: int
    # "le 1er août dernier", "last August": the last such date before the article was written
    last: bool = False
    # "depuis le 1er août", "since 2018": when something began, not when it happened
    since: bool = False

    def fields(self) -> dict[str, int]:
        return {
            k: v for k, v in (("year", self.year), ("month", self.month), ("day", self.day)) if v
        }


@dataclass(frozen=True)
class Duration:
    days: float  # the span in days, for comparing "two months" with "60 jours"
    unit: str
    bound: str  # as for quantities: "eq" | "approx" | "gt" | "ge" | "lt" | "le"
    text: str
    ago: bool = False  # "two weeks ago", "il y a deux mois": a point in time, not a span

    @property
    def to_the_unit(self) -> bool:
        """Is the span told down to its last unit ("4 heures et 24 minutes")? Then it is
        exact to that unit, not to a share of the whole."""
        return len(re.findall(r"\d+", self.text)) > 1

    @property
    def unit_days(self) -> float:
        return _DAYS[self.unit]


@dataclass(frozen=True)
class Score:
    """A score or a tally, as written: "4-2", "6-3", "432 votes to 202", "194 voix contre
    114". Its two figures are one fact: neither is a count of its own."""

    first: float
    second: float
    start: int
    end: int

    def same_as(self, other: Score) -> bool:
        """The same two figures, in either order ("beat Croatia 4-2", "lost 2-4")."""
        return sorted((self.first, self.second)) == sorted((other.first, other.second))


@dataclass(frozen=True)
class Facts:
    quantities: tuple[Quantity, ...]
    dates: tuple[DateFact, ...]
    weekdays: tuple[int, ...]
    durations: tuple[Duration, ...]
    ages: tuple[float, ...]  # someone's age in years ("93-year-old", "âgé de 93 ans")
    negated: frozenset[str]  # folded words that a negation bears on
    hedged: frozenset[str]  # folded words that a hedge bears on
    implicative: frozenset[str]  # verbs that deny their complement ("declined" to comment)
    # the first content word of each negation: what it denies ("did not *sue* Amazon")
    negation_heads: frozenset[str] = frozenset()
    # times said relative to the article's day, as "next week", "last day" ("hier")
    relative: tuple[str, ...] = ()
    scores: tuple[Score, ...] = ()  # "4-2", "by 432 votes to 202"

    @property
    def years(self) -> frozenset[int]:
        """The years the text's dates give."""
        return frozenset(d.year for d in self.dates if d.year)


def facts_of(text: str, lang: str) -> Facts:
    """The facts ``text`` (in language ``lang``) states. Not cached here: answering reads
    them through index/facts/stored.py, which keeps them, and indexing reads each once."""
    dates = tuple(find_dates(text, lang))
    durations_ = tuple(find_durations(text, lang))
    taken = [(d.start, d.end) for d in dates]
    digits = with_digits(text, lang)
    # "pas loin de 140 000", "not far from": a bound, whose negator negates nothing
    negated, heads = negations(_without_bounds(digits, lang), lang)
    if digits != text:
        taken = [(d.start, d.end) for d in find_dates(digits, lang)]
    duration_spans = _duration_spans(digits, lang)
    apposed = [m.span(1) for m in _APPOSED_AGE.finditer(digits)]
    return Facts(
        quantities=tuple(quantities(digits, lang, taken + duration_spans + apposed)),
        dates=dates,
        weekdays=tuple(find_weekdays(text, lang)),
        durations=durations_,
        ages=tuple(find_ages(digits, lang)),
        negated=frozenset(negated),
        negation_heads=frozenset(heads),
        implicative=frozenset(implicative_words(text, lang)),
        hedged=frozenset(hedged_words(text, lang)),
        relative=tuple(find_relative(text, lang)),
        scores=tuple(find_scores(text, lang)),
    )


# --- dates -----------------------------------------------------------------------------


@cache
def _date_patterns(lang: str) -> list[tuple[str, re.Pattern[str]]]:
    names = sorted(pack(lang).months, key=len, reverse=True)
    month = "|".join(re.escape(n) for n in names)
    day = r"(?P<day>[0-3]?\d)(?:er|st|nd|rd|th|e)?"
    year = rf"(?P<year>{YEAR})"
    before = pack(lang).alternation("phrases", "month_before")
    zones = pack(lang).alternation("durations", "time_zones") or "(?!)"
    return [
        ("iso", re.compile(r"\b(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})\b")),
        ("dmy", re.compile(rf"\b{day}\s+(?P<month>{month})\.?,?\s+{year}\b", re.I)),
        ("mdy", re.compile(rf"\b(?P<month>{month})\.?\s+{day},?\s+{year}\b", re.I)),
        ("my", re.compile(rf"\b(?P<month>{month})\.?\s+(?:de\s+|of\s+)?{year}\b", re.I)),
        ("dm", re.compile(rf"\b{day}\s+(?P<month>{month})\b\.?", re.I)),
        ("md", re.compile(rf"\b(?P<month>{month})\.?\s+{day}\b(?!\s*[,.]?\s*\d)", re.I)),
        # not an hour written with its time zone ("1900 GMT")
        ("y", re.compile(rf"(?<![\d.,])\b{year}\b(?![.,]?\d)(?!\s?(?:{zones})\b)")),
        ("m", re.compile(rf"(?<![\w-])(?:{before})\s*(?P<month>{month})\b", re.I)),
    ]


@cache
def _date_context(lang: str) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The words after or before a date that make it the last one ("août dernier", "last
    August"), and before it a start ("depuis le", "since")."""
    language = pack(lang)
    article = r"(?:(?:le|la|l['’]|the)\s+)?"

    def listed(key: str) -> str:
        return language.alternation("dates", key) or "(?!)"  # a language may list none

    return (
        re.compile(rf"\s+(?:{listed('last_after')})\b", re.I),
        re.compile(rf"\b(?:{listed('last_before')})\s+$", re.I),
        re.compile(rf"\b(?:{listed('since_before')})\s+{article}$", re.I),
    )


def find_dates(text: str, lang: str) -> list[DateFact]:
    """Calendar dates: full, without a year ("le 3 mars", "March 3"), a month and year, a year
    alone, or a month alone after a preposition ("in July"); the longest reading of each
    stretch of text wins."""
    months = pack(lang).months
    last_after, last_before, since_before = _date_context(lang)
    found: list[DateFact] = []
    for _, pattern in _date_patterns(lang):
        for m in pattern.finditer(text):
            if any(d.start < m.end() and m.start() < d.end for d in found):
                continue
            groups = m.groupdict()
            month = groups.get("month")
            if month is not None and not month.isdigit():
                month = months.get(month.casefold().rstrip("."))
            elif month is not None:
                month = int(month)
            day = int(groups["day"]) if groups.get("day") else None
            if (month is not None and not 1 <= month <= 12) or (day and not 1 <= day <= 31):
                continue
            year = int(groups["year"]) if groups.get("year") else None
            # the words before the month may be part of the match ("in last August")
            lead = m.start("month") if month is not None and m.start("month") >= 0 else m.start()
            last = bool(last_after.match(text, m.end()) or last_before.search(text, 0, lead))
            since = bool(since_before.search(text, 0, m.start()))
            found.append(DateFact(year, month, day, m.start(), m.end(), last, since))
    return sorted(found, key=lambda d: d.start)


def find_weekdays(text: str, lang: str) -> list[int]:
    names = pack(lang).weekdays
    pattern = re.compile(r"\b(" + "|".join(map(re.escape, names)) + r")\b", re.I)
    return [names[m.group(1).casefold()] for m in pattern.finditer(text)]


def find_relative(text: str, lang: str) -> list[str]:
    """Times said relative to the article's day ("next week", "la semaine dernière", "hier"),
    as the pivot words "next week", "last day": which week or day they are depends on the
    article's date, but "next week" and "next month" differ whatever it is."""
    dates = pack(lang).data["dates"]
    units = pack(lang).data["durations"]["units"]
    found: list[tuple[int, str]] = []
    unit = "|".join(sorted(map(re.escape, units), key=len, reverse=True))
    refused = "|".join(map(re.escape, dates.get("relative_not_before", ())))
    not_of = rf"(?!\s+(?:{refused})\b)" if refused else ""  # "the last week of March"
    # "the next day", "his last year": said from the event or the person, not from today
    not_after = {w.casefold() for w in dates.get("relative_not_after", ())}
    for key, shape in (
        ("relative_before", r"({anchor})\s+({unit})"),
        ("relative_after", r"({unit})\s+({anchor})"),
    ):
        anchors = dates.get(key, {})
        if not anchors:
            continue
        anchor = "|".join(sorted(map(re.escape, anchors), key=len, reverse=True))
        pattern = rf"(?i)(?<![\w-]){shape.format(anchor=anchor, unit=unit)}(?![\w-]){not_of}"
        for m in re.finditer(pattern, text):
            before = text[: m.start()].split()
            if before and before[-1].casefold() in not_after:
                continue
            said, counted = (m.group(1), m.group(2))
            if key == "relative_after":
                said, counted = counted, said
            found.append((m.start(), f"{anchors[said.casefold()]} {units[counted.casefold()]}"))
    words_ = dates.get("relative_words", {})
    if words_:
        alternation = "|".join(sorted(map(re.escape, words_), key=len, reverse=True))
        for m in re.finditer(rf"(?i)(?<![\w-])(?:{alternation})(?![\w-])", text):
            found.append((m.start(), words_[m.group().casefold()]))
    return [said for _, said in sorted(found)]


def resolve_year(date: DateFact, published: str | None) -> DateFact:
    """A date without a year takes the year of the article that states it (the year before
    when that would put it well after publication: "le 15 décembre" in a January article)."""
    if date.year is not None or date.month is None or not published:
        return date
    match = re.match(r"(\d{4})(?:-(\d{2}))?", published)
    if not match:
        return date
    year = int(match.group(1))
    published_month = int(match.group(2) or 12)
    if date.last and date.month >= published_month:
        year -= 1  # "le 1er août dernier" in a July article: August of the year before
    elif date.month > published_month + 2:
        year -= 1
    return DateFact(year, date.month, date.day, date.start, date.end, date.last, date.since)


# --- scores ----------------------------------------------------------------------------

# Two small figures joined by a dash ("4-2", "(3-1)", "6-3"), not part of a longer figure, a
# time or a model number written against a name ("Boeing 737-9").
_SCORE = re.compile(r"(?<![\w.,:/–-])(\d{1,3})\s?[-–]\s?(\d{1,3})(?![\w:/%–-]|[.,]\d)")


@cache
def _tally_pattern(lang: str) -> re.Pattern[str]:
    """ "432 votes to 202", "194 voix contre 114", "a 194 to 114 vote": two figures joined by
    a word of the pack's, with a noun of votes after the first or the second."""
    language = pack(lang)
    nouns = language.alternation("numbers", "tally_nouns")
    joins = language.alternation("numbers", "tally_joins")
    figure = r"\d{1,3}(?:[,.\u202f\u00a0 ]\d{3})+|\d+"
    return re.compile(
        rf"(?<![\w.,])(?P<a>{figure})\s+(?:(?:{nouns})\s+(?:{joins})\s+(?P<b>{figure})"
        rf"|(?:{joins})\s+(?P<c>{figure})\s+(?:{nouns}))\b",
        re.IGNORECASE,
    )


def find_scores(text: str, lang: str) -> list[Score]:
    """Scores and tallies written in figures ("4-2", "by 432 votes to 202"), each two figures
    of one fact, with their offsets in ``text``."""
    found = []
    for m in _tally_pattern(lang).finditer(text):
        second = m.group("b") or m.group("c")
        found.append(
            Score(parse_number(m.group("a"), lang), parse_number(second, lang), m.start(), m.end())
        )
    for m in _SCORE.finditer(text):
        before = text[: m.start()].rstrip()
        if int(m.group(1)) >= 100 and before[-1:].isalpha() and before.split()[-1][:1].isupper():
            continue  # "Boeing 737-9": a model, not a score
        if any(s.start <= m.start() < s.end for s in found):
            continue
        found.append(Score(float(m.group(1)), float(m.group(2)), m.start(), m.end()))
    return sorted(found, key=lambda s: s.start)


# --- durations -------------------------------------------------------------------------

_DAYS = {
    "second": 1 / 86400, "minute": 1 / 1440, "hour": 1 / 24, "day": 1, "week": 7,
    "fortnight": 14, "month": 30.44, "year": 365.25, "decade": 3652.5, "century": 36525,
}  # fmt: skip


@cache
def _duration_pattern(lang: str) -> re.Pattern[str]:
    language = pack(lang)
    units = "|".join(re.escape(u) for u in language.words("durations", "units"))
    ones = "|".join(re.escape(u) for u in language.words("durations", "one"))
    return re.compile(
        rf"(?:(?:{bound_groups(lang)})\s*)?\b(?P<count>\d+(?:[.,]\d+)?|{ones})[\s-]+(?P<unit>{units})\b",
        re.I,
    )


def find_durations(text: str, lang: str) -> list[Duration]:
    """Spans of time: "for two months", "pendant un mois", "plus de 10 ans"."""
    language = pack(lang)
    units = language.data["durations"]["units"]
    ones = {w.casefold() for w in language.words("durations", "one")}
    rates = {w.casefold() for w in language.words("durations", "per_unit")}
    before = (
        language.pattern("durations", "ago_before")
        if language.words("durations", "ago_before")
        else None
    )
    after = language.pattern("durations", "ago_after")
    digits = with_digits(text, lang)
    joins = language.pattern("numbers", "list_join")
    found: list[Duration] = []
    last: re.Match[str] | None = None  # the span found before
    for m in _duration_pattern(lang).finditer(digits):
        count = m.group("count").casefold()
        value = 1.0 if count in ones else float(count.replace(",", "."))
        unit = units[m.group("unit").casefold()]
        if _increment(digits, m, language):
            continue  # "une année supplémentaire": a span added to another, not the event's
        aged = _is_age(digits, m, language) and _age_unit(digits, m, unit, language)
        if (
            aged
            or _apposed(digits, m)
            or is_clock_hour(digits, m.start(), m.end(), m.group("unit"), value, language)
        ):
            continue
        ago = bool(
            (before and before.search(digits[max(0, m.start() - 12) : m.start()]))
            or after.match(digits[m.end() :].lstrip())
        )
        if count in rates and not ago and _after_figure(digits[: m.start()]):
            continue  # "two million visitors a year": a rate, not a span
        if last is not None and _continues(digits, last, found[-1].unit, m, unit, joins):
            # "4 heures et 24 minutes", "2 years 3 months": one span told in two units
            first = found.pop()
            text_of = digits[last.start() : m.end()]
            found.append(
                Duration(first.days + value * _DAYS[unit], unit, first.bound, text_of, first.ago)
            )
        else:
            found.append(Duration(value * _DAYS[unit], unit, bound_of(m), m.group(), ago))
        last = m
    return found


def _continues(
    text: str, before: re.Match[str], its_unit: str, match: re.Match[str], unit: str, joins
) -> bool:
    """Does ``match`` finish the span ``before`` (in ``its_unit``) in a smaller unit, joined by
    nothing or by "and"/"et", with no bound of its own?"""
    gap = text[before.end() : match.start()].strip()
    return (
        _DAYS[unit] < _DAYS[its_unit]
        and bound_of(match) == "eq"
        and (not gap or joins.fullmatch(gap) is not None)
    )


def find_ages(text: str, lang: str) -> list[float]:
    """Ages in years: "83 years old", "the 93-year-old", "âgé de 93 ans", and a span or a bare
    number set between commas after a name ("Robert Mugabe, 93 ans, a…", "Trump, 78, had")."""
    language = pack(lang)
    units = language.data["durations"]["units"]
    spans = [
        float(m.group("count").replace(",", "."))
        for m in _duration_pattern(lang).finditer(text)
        if m.group("count")[:1].isdigit()
        and units[m.group("unit").casefold()] == "year"
        and bound_of(m) == "eq"
        and (_is_age(text, m, language) or _apposed(text, m))
    ]
    bare = _bare_age_pattern(lang)
    apposed = [float(m.group(1)) for m in _APPOSED_AGE.finditer(text)]
    return spans + apposed + ([float(m.group(1)) for m in bare.finditer(text)] if bare else [])


# A bare number set between commas right after a name, or ending the sentence after it, is
# its age, as agencies write it ("Trump, 78, had just started", "Queen Camilla, 75."); not a
# figure with thousands ("Paris, 1,000 people") nor a year.
_APPOSED_AGE = re.compile(r"\b[A-Z][\w’'-]*,\s*(\d{1,3})(?:,(?=\s)|\.?$)")


@cache
def _bare_age_pattern(lang: str) -> re.Pattern[str] | None:
    """ "at the age of 35", "aged 74": a bare number after a word of age; not the first of a
    range ("aged 11 to 17", "âgés de 11 à 16 ans"), whose short joining word is skipped."""
    language = pack(lang)
    if not language.words("durations", "age_bare"):
        return None
    units = "|".join(map(re.escape, language.data["durations"]["units"]))
    return re.compile(
        rf"(?:{language.alternation('durations', 'age_bare')})\s+(\d{{1,3}})\b(?![.,]?\d)"
        rf"(?!\s*(?:{units})\b)(?!\s*\S{{0,2}}\s*\d)",
        re.I,
    )


def _apposed(text: str, match: re.Match[str]) -> bool:
    """Is the span set between commas right after a capitalised word, as an age is?"""
    return bool(
        re.search(r"\b[A-Z][\w’'-]*,\s*$", text[: match.start()])
        and re.match(r"\s*[,)]", text[match.end() :])
    )


def _age_unit(text: str, match: re.Match[str], unit: str, language) -> bool:
    """Can the span be an age? Ages are told in years ("il avait 28 ans"); in another unit
    only after a word of age ("âgé de 6 mois"): "il avait 630 heures de vol" is a span."""
    return unit == "year" or bool(
        language.words("durations", "age_bare")
        and language.pattern("durations", "age_bare").search(
            text[max(0, match.start() - AGE_REACH) : match.start()]
        )
    )


def _is_age(text: str, match: re.Match[str], language) -> bool:
    before = language.words("durations", "age_before")
    after = language.words("durations", "age_after")
    return _of_person(text[: match.start()], language) or bool(
        (
            before
            and language.pattern("durations", "age_before").search(
                text[max(0, match.start() - AGE_REACH) : match.start()]
            )
        )
        or (
            after
            and language.pattern("durations", "age_after").match(text[match.end() :].lstrip(" -"))
        )
    )


def _of_person(before: str, language) -> bool:
    """Does the span qualify a person ("le joueur de 25 ans", "un homme de 45 ans"), so that
    it is an age, not how long a contract or a career runs ("un contrat de cinq ans", "a
    career of 20 years")? The packs list the nouns of persons: an ending of agents would take
    "secteur" or "career" for one."""
    joins = language.alternation("numbers", "count_of")
    # the noun, or the noun before one word that qualifies it ("le joueur brésilien de 25 ans")
    found = (
        re.search(rf"([^\W\d_]+)(?:\s+([^\W\d_]+))?\s+(?:{joins})\s*$", before) if joins else None
    )
    persons = {w.casefold() for w in language.words("durations", "age_persons")}
    return found is not None and any((noun or "").casefold() in persons for noun in found.groups())


def _after_figure(before: str) -> bool:
    """Does a figure come right before, or the noun it counts ("visitors", "tonnes of fuel"),
    in the same clause? Not a function word ("delayed by an hour"), nor the number of a name
    ("Apollo 13 was delayed")."""
    found = re.search(
        r"(\S*)\s+[$€£]?\d(?:[\w.,$€£%]*[\w%])?((?:\s+[^\W\d_]+){0,3})\s+$", f" {before}"
    )
    if found is None or found.group(1)[:1].isupper():
        return False
    counted = found.group(2).split()
    return not counted or not is_stopword(counted[-1])


def _increment(text: str, match: re.Match[str], language) -> bool:
    """Is the span one added to another ("une année supplémentaire", "two years more")?"""
    after = language.alternation("durations", "increment_after")
    return (
        bool(after) and re.match(rf"\s*(?:{after})(?![\w-])", text[match.end() :], re.I) is not None
    )


def _duration_spans(text: str, lang: str) -> list[tuple[int, int]]:
    """The figures of spans of time, which are no quantities; an hour of the clock ("à 17
    heures") is one, compared with other hours."""
    language = pack(lang)
    return [
        m.span("count")
        for m in _duration_pattern(lang).finditer(text)
        if not (
            m.group("count").isdigit()
            and is_clock_hour(
                text, m.start(), m.end(), m.group("unit"), float(m.group("count")), language
            )
        )
    ]


# --- negation and hedges -----------------------------------------------------------------


def _in_clause(text: str, tokens: list[re.Match[str]], at: int, reach: int) -> list[str]:
    """Words after token ``at`` up to ``reach`` of them, stopping at the end of its clause."""
    kept = []
    for token in tokens[at + 1 : at + 1 + reach]:
        if _CLAUSE_END.search(text[tokens[at].end() : token.start()]):
            break
        kept.append(token.group())
    return kept


def _bare(token: str) -> str:
    """A token without its elided article, lowercased: "l'arrêt" -> "arrêt"; "didn't" stays."""
    lowered = token.casefold()
    parts = re.split(r"['’]", lowered, maxsplit=1)
    elided = len(parts) == 2 and len(parts[0]) <= 2 and parts[1] and parts[1] != "t"
    return parts[1] if elided else lowered


def _folded(words: list[str]) -> set[str]:
    """Folded words and their parts ("d'autres" -> d'autres, d, autres), as terms see them."""
    found = set()
    for word in words:
        found.add(fold(word))
        found |= {fold(part) for part in re.split(r"['’-]", word) if part}
    return found


def _without_bounds(digits: str, lang: str) -> str:
    """``digits`` (a text with its number words as digits) with the bounds of its numbers
    blanked out ("pas loin de 140 000" is "about 140 000"); "il n'y a plus de vols" keeps its
    negation: no number follows."""
    pattern = re.compile(rf"(?:{bound_groups(lang)})(?=\s*\d)", re.IGNORECASE)
    return pattern.sub(lambda m: " " * len(m.group()), digits)


def negated_words(text: str, lang: str) -> set[str]:
    """Folded words a negation bears on (``negations``)."""
    return negations(text, lang)[0]


def _restricted(before: str, language: Pack) -> bool:
    """Has the "ne" in ``before`` (the text before a particle word) been taken by "que", which
    makes it "only" rather than a negation?"""
    restrictive = language.words("negation", "restrictive")
    particles = list(re.finditer(_words_pattern(language.words("negation", "particles")), before))
    if not restrictive or not particles:
        return False
    return bool(re.search(_words_pattern(restrictive), before[particles[-1].end() :]))


def _words_pattern(words: list[str]) -> str:
    """Whole words, case aside; an elided word ("n'", "qu'") ends at its apostrophe."""
    return "(?i)" + "|".join(
        rf"(?<!\w){re.escape(w)}" + ("" if w[-1] in "'’" else r"\b") for w in words
    )


def _idle(word: str, idle: set[str]) -> bool:
    """Is the word one a negation cannot deny: a function word, an adverb, the rest of a
    negator?"""
    return is_stopword(word) or fold(word) in idle


def _noun_phrase(scope: list[str], idle: set[str], ends: set[str]) -> list[str]:
    """What a negating determiner ("no", "aucun") bears on when a preposition of place or time
    follows its noun phrase: that phrase ("no survivors in the region", "aucun survivant dans
    la région"). Followed by a verb ("no member was consulted", "ne sera en aucun cas
    renégocié") or by "of" ("no intention of selling the plant"), it denies the clause."""
    start = next((n for n, w in enumerate(scope) if not is_stopword(_bare(w))), None)
    if start is None or _idle(_bare(scope[start]), idle):
        return scope  # "no one", "no more than": the rest of a negator, not a noun
    end = next((n for n in range(start, len(scope)) if is_stopword(_bare(scope[n]))), len(scope))
    return scope[:end] if end < len(scope) and _bare(scope[end]) in ends else scope


def _longer_negator(word: str, scope: list[str], multiword: list[list[str]]) -> bool:
    """Does the word open a negator of several words ("no longer", "pas encore")?"""
    return any(
        first == word and [_bare(w) for w in scope[: len(rest)]] == rest
        for first, *rest in multiword
    )


def negations(text: str, lang: str) -> tuple[set[str], set[str]]:
    """Folded words a negation bears on: the words after a negator in its clause, and the
    verb before it ("did not sue", "n'a pas déposé", "didn't file", "ne sont plus interdits"),
    and the complement of a verb that denies it ("refused to pay"). French "plus", "rien",
    "personne" negate only after "ne". And the heads: the first content word of each
    negation, what it denies ("did not *sue* Amazon", "de ne pas *devenir* un pays
    indépendant"); the words after it are that word's own complements."""
    language = pack(lang)
    negators = {w.casefold() for w in language.words("negation", "words")}
    particle_words = {w.casefold() for w in language.words("negation", "particle_words")}
    particles = language.words("negation", "particles")
    contraction = language.data["negation"]["contraction"]
    implicative = {w.casefold() for w in language.words("negation", "implicative")}
    privative = {w.casefold() for w in language.words("negation", "privative")}
    transparent = {w.casefold() for w in language.words("negation", "transparent")}
    partitive = {w.casefold() for w in language.words("negation", "partitive")}
    determiners = {w.casefold() for w in language.words("negation", "determiners")}
    phrase_ends = {w.casefold() for w in language.words("negation", "phrase_ends")}
    multiword = [w.casefold().split() for w in language.words("negation", "words") if " " in w]
    # what a negation cannot deny: an adverb ("n'ont pas *encore* été revendiqués") or the
    # rest of the negator ("No *one* had claimed")
    idle = {fold(w) for w in language.words("phrases", "adverbs")} | {
        fold(w) for w in language.words("negation", "negator_ends")
    }
    tokens = list(_TOKEN.finditer(text))
    later = _time_clause_starts(text, language)
    negated: set[str] = set()
    heads: set[str] = set()

    def deny(scope: list[str]) -> None:
        negated.update(_folded(scope))
        # the first run of content words: "n'a jamais été *hors ligne*", "did not *sue*";
        # a verb of replying denies what it replies to ("n'a pas répondu aux demandes de
        # *commentaires*")
        start = next(
            (n for n, w in enumerate(scope) if not _idle(_bare(w), idle)),
            len(scope),
        )
        run = scope[start:]
        if not (run and _bare(run[0]) in transparent):
            head = list(itertools.takewhile(lambda w: not is_stopword(_bare(w)), run))
            # a verb's object after "pas de", "not any" is denied with it ("n'a pas concédé
            # de *bogey*")
            rest = run[len(head) : len(head) + 2]
            if len(rest) == 2 and rest[0].casefold() in partitive:
                head.append(rest[1])
            run = head
        heads.update(fold(_bare(w)) for w in run if not is_stopword(_bare(w)))

    prefixes = tuple(language.words("negation", "privative_prefixes"))
    for i, token in enumerate(tokens):
        word = _bare(token.group())
        if prefixes and word.startswith(prefixes):
            deny([re.sub(r"^\w+\W", "", word)])  # "non-consensual"
        is_contraction = bool(contraction) and re.search(rf"{contraction}$", word) is not None
        if _in_time_clause(text, token.start(), later):
            continue  # "stood down two days after he refused to resign": another event
        if word in implicative:
            reach = _denies_complement(text, tokens, i, language)
            if reach and not _denied_before(text, tokens, i, language):
                deny(_in_clause(text, tokens, i, reach))
            continue
        if _bare_ne(text, tokens, i, language):
            # "Aucune des 298 personnes n'a survécu": "ne" alone, after a word of none
            deny(_in_clause(text, tokens, i, NEGATION_SCOPE))
            continue
        if not is_contraction and word not in negators:
            continue
        if _named_answer(text, tokens, i, language):
            continue  # "Greece votes No", "en faveur du « non »": the answer, not a negation
        if word in particle_words:
            before = text[max(0, token.start() - 40) : token.start()].casefold()
            after = text[token.end() : token.end() + 4].casefold()
            if not any(
                re.search(rf"(?<![\w]){re.escape(p)}(?:\s|$|\b)", before)
                or re.match(rf"\s*{re.escape(p)}(?:\s|\b)", after)  # "rien ne change"
                for p in particles
            ):
                continue  # "plus de 40 %" is "more than", not a negation
            if _restricted(before, language):
                continue  # "n'a eu besoin que de deux ans de plus": "ne … que" is "only"
        scope = _until_time(_in_clause(text, tokens, i, NEGATION_SCOPE), language)
        if (corrected := _corrected(scope, tokens[i + 1 + len(scope) :], language)) is not None:
            if not corrected:
                continue  # "pas pour l'argent mais pour aider": the reason is denied, not the act
            scope = scope[:corrected]  # "n'est pas élue mais nommée": "élue" is denied
        scope = _up_to_implicative(scope, implicative)
        if word in determiners and not _longer_negator(word, scope, multiword):
            # "no survivors in the region": the survivors are denied, not the region
            scope = _noun_phrase(scope, idle, phrase_ends)
        if word in privative:
            # "créanciers non garantis", "held without the bail": only the word it qualifies
            # a figure is not what it qualifies: "sans ses deux astronautes" lacks astronauts
            end = next((n + 1 for n, w in enumerate(scope) if not _idle_figure(w, language)), 1)
            scope = scope[: end + _partitive_object(scope[end:], partitive)]
        deny(scope)
        if (
            word not in privative
            and i > 0
            and not is_contraction  # "the booster wasn't": the word before is its subject
            and not _CLAUSE_END.search(text[tokens[i - 1].end() : token.start()])
        ):
            before = tokens[i - 1].group()  # "n'a pas déposé", "did not sue"
            negated |= _folded([before])
            if not _idle(_bare(before), idle):
                heads.add(fold(_bare(before)))  # "ne changera pas": the verb is denied
        if is_contraction:
            negated.add(fold(re.sub(rf"{contraction}$", "", word)))
    instead = language.alternation("negation", "instead")
    # a whole phrase, or an elided one ("au lieu d'") that ends inside the word it qualifies
    phrase = rf"(?i)(?<![\w-])(?:{instead})(?:(?<=['’])|(?![\w-]))"
    for match in re.finditer(phrase, text) if instead else ():
        # "au lieu d'ajouter un gène, l'outil en modifie un", "instead of adding": what is
        # done instead of is not done; only the word it qualifies is denied, as by "without"
        after = [_bare(t.group()) for t in tokens if t.end() > match.end()][:NEGATION_SCOPE]
        deny(after[: next((n + 1 for n, w in enumerate(after) if not is_stopword(w)), 1)])
    return negated, heads


def _denied_before(text: str, tokens: list[re.Match[str]], at: int, language) -> bool:
    """Is the implicative word at ``at`` itself denied ("n'a cessé de nier", "never stopped
    denying", "did not refuse to pay")? Then its complement is not denied: two denials."""
    negators = {w.casefold() for w in language.words("negation", "words")}
    particles = {p.casefold() for p in language.words("negation", "particles")}
    contraction = language.data["negation"]["contraction"]
    for token in reversed(tokens[max(0, at - IMPLICATIVE_DENIAL_REACH) : at]):
        if _CLAUSE_END.search(text[token.end() : tokens[at].start()]):
            return False
        word = token.group().casefold()
        elided = re.split(r"['’]", word, maxsplit=1)[0] + "'" if re.search(r"['’]", word) else ""
        if (
            word in negators
            or word in particles
            or elided in particles
            or (contraction and re.search(rf"{contraction}$", word))
        ):
            return True
    return False


def _up_to_implicative(scope: list[str], implicative: set[str]) -> list[str]:
    """A negation's words up to a verb that denies its complement, which it then bears on
    alone ("did not *stop* hosting", "n'a pas *cessé* de nier"): the complement is said."""
    for n, word in enumerate(scope[:IMPLICATIVE_DENIAL_REACH]):
        if _bare(word) in implicative:
            return scope[: n + 1]
    return scope


def _bare_ne(text: str, tokens: list[re.Match[str]], at: int, language) -> bool:
    """Is token ``at`` a French "ne"/"n'" with no "pas" after it, whose negation is a word of
    none earlier in its clause ("Aucune des 298 personnes n'a survécu", "Nul ne sait")?"""
    particles = tuple(p.casefold() for p in language.words("negation", "particles"))
    word = tokens[at].group().casefold()
    if not particles or not (word in particles or word.startswith(("n'", "n’"))):
        return False
    negators = {w.casefold() for w in language.words("negation", "words")}
    following = {_bare(t.group()) for t in tokens[at + 1 : at + 4]}
    if following & negators:
        return False  # "n'a pas survécu": "pas" carries the negation
    opening = {w.casefold() for w in language.words("negation", "opening")}
    for token in reversed(tokens[:at]):
        if _CLAUSE_END.search(text[token.end() : tokens[at].start()]):
            return False
        if _bare(token.group()) in opening:
            return True
    return False


def _corrected(scope: list[str], rest: list[re.Match[str]], language) -> int | None:
    """Is the negation a correction, "not X but Y" with no comma before the "but"? None when it
    is not; after a comma ("did not resign, but said…") the clause has ended and the denial
    stands. When Y is a phrase of its own ("n'a pas racheté Twitter pour l'argent mais *pour*
    aider"), what is denied is X against Y, not the verb: 0, nothing denied. When Y is a word
    in X's place ("n'est pas élue mais *nommée*", "not elected but appointed"), X is denied:
    the position of the "but", where the denial ends. ``rest`` is the text's words after the
    scope, which ends at the "but" when the "but" ends a clause."""
    contrast = {w.casefold() for w in language.words("negation", "correction")}
    at = next((n for n, word in enumerate(scope) if _bare(word) in contrast), None)
    if at is None:
        return None
    after = [*scope[at + 1 :], *(token.group() for token in rest)][:1]
    return at if at and after and not is_stopword(_bare(after[0])) else 0


def _partitive_object(rest: list[str], partitive: set[str]) -> int:
    """How many of the words after a privative's verb are its object, denied with it: "sans
    fournir *d'informations*", "without giving *any information*"; none otherwise."""
    if len(rest) > 1 and rest[0].casefold() in partitive:
        return 2
    elided = tuple(p for p in partitive if p.endswith(("'", "’")))
    return 1 if rest and elided and rest[0].casefold().startswith(elided) else 0


def _idle_figure(word: str, language) -> bool:
    """Is the word one a privative does not deny: a function word or a figure ("sans *ses
    deux* astronautes", "without its *two* engines")?"""
    return is_stopword(word) or bool(re.fullmatch(r"\d+", with_digits(word, language.code)))


def opens_negated(text: str, lang: str) -> bool:
    """Does ``text`` open with a negative quantifier ("Aucun monarque…", "No one has…"), maybe
    after a connective set off by a comma ("Par ailleurs, jamais le Brésil…")?"""
    language = pack(lang)
    if not language.words("negation", "opening"):
        return False
    body = _LEADING_CONNECTIVE.sub("", text.lstrip(), count=1)
    return language.pattern("negation", "opening").match(body) is not None


# A short phrase and a comma before a sentence's main clause: "Par ailleurs,", "However,".
_LEADING_CONNECTIVE = re.compile(r"^(?:[^\W\d_][\w’'-]*\s+){0,2}[^\W\d_][\w’'-]*\s*,\s*")


def _until_time(scope: list[str], language) -> list[str]:
    """The words a negation bears on end where the time it is said up to begins ("had never
    flown *before this launch*", "n'a pas démissionné *avant le vote*"): the launch and the
    vote are not denied."""
    bounds = {fold(p) for p in language.words("negation", "until") if " " not in p} | {
        fold(p.split()[0]) for p in language.words("negation", "time_clauses")
    }
    for n, word in enumerate(scope):
        if fold(word) in bounds:
            return scope[:n]
    return scope


def _time_clause_starts(text: str, language) -> list[int]:
    """Where clauses of an earlier or later event open ("after he refused", "avant de
    partir"), when a main clause comes before them: a sentence that opens with one ("After
    the vote he did not resign") says what its main clause negates."""
    if not language.words("negation", "time_clauses"):
        return []
    pattern = language.pattern("negation", "time_clauses")
    return [m.start() for m in pattern.finditer(text) if re.search(r"\w", text[: m.start()])]


def _in_time_clause(text: str, at: int, starts: list[int]) -> bool:
    """Is offset ``at`` in a clause opened by one of ``starts``, with no clause end between?"""
    return any(start < at and not _CLAUSE_END.search(text[start:at]) for start in starts)


def _named_answer(text: str, tokens: list[re.Match[str]], at: int, language) -> bool:
    """Is the negator at ``at`` the name of an answer ("votes No", "le « non »", "the no
    vote", "a voté non")? Capitalised inside a sentence, in quotes, after an article or a verb
    of answering."""
    token = tokens[at]
    if at == 0:
        return False
    before = text[tokens[at - 1].end() : token.start()]
    articles = {a.casefold() for a in language.words("negation", "answer_articles")}
    answering = {v.casefold() for v in language.words("negation", "answer_verbs")}
    capitalised = token.group()[0].isupper() and not re.search(r"[.!?:]\s*$", before)
    quoted = re.search(r"[«\"“'‘]\s*$", before) is not None
    previous = _bare(tokens[at - 1].group()).rstrip("'’")
    return capitalised or quoted or previous in articles or previous in answering


def _denies_complement(text: str, tokens: list[re.Match[str]], at: int, language) -> int:
    """How many words after the implicative word at ``at`` it denies (0: none). A verb
    denies an action ("a cessé d'héberger", "refused to pay"), not a thing ("a renoncé à un
    procès" drops it); a noun denies its complement ("l'arrêt de son hébergement")."""
    token = tokens[at].group()
    previous = _bare(tokens[at - 1].group()).rstrip("'’") if at > 0 else ""
    determiners = {d.casefold().rstrip("'’") for d in language.words("hedge", "determiners")}
    if _bare(token) != token.casefold() or previous in determiners:
        return NOUN_SCOPE  # "l'arrêt de son hébergement", "the halt of": a noun
    rest = [t.group() for t in tokens[at + 1 : at + 3]]
    complements = {c.casefold().rstrip("'’") for c in language.words("hedge", "complements")}
    if not rest:
        return 0
    if rest[0].casefold().endswith("ing"):
        return VERB_SCOPE  # "stopped hosting"
    first = _bare(rest[0])
    if rest[0].casefold().rstrip("'’") in complements or first != rest[0].casefold():
        verb = first if first != rest[0].casefold() else (_bare(rest[1]) if len(rest) > 1 else "")
        # an infinitive after "de", "d'", "à", or anything after "to"
        infinitive = rest[0].casefold() == "to" or re.search(r"(?:er|ir|re|oir)$", verb)
        return VERB_SCOPE if infinitive else 0
    return 0


def implicative_words(text: str, lang: str) -> set[str]:
    """The words of ``text`` that deny their complement here ("stopped hosting", "declined
    to comment"): not predicates of their own."""
    language = pack(lang)
    implicative = {w.casefold() for w in language.words("negation", "implicative")}
    tokens = list(_TOKEN.finditer(text))
    return {
        fold(_bare(t.group()))
        for i, t in enumerate(tokens)
        if _bare(t.group()) in implicative and _denies_complement(text, tokens, i, language)
    }


@lru_cache(maxsize=4096)
def avoided_words(text: str, lang: str) -> frozenset[str]:
    """Folded words right after a verb that keeps from them ("avoid travel", "ruled out an
    accident", "a renoncé au voyage"), within its clause: not stated as done, though the verb
    denies a thing only loosely (what was renounced may have been begun)."""
    language = pack(lang)
    verbs = {w.casefold() for w in language.words("negation", "implicative")}
    phrases = language.alternation("negation", "excluding")
    tokens = list(_TOKEN.finditer(text))
    starts = [i for i, t in enumerate(tokens) if _bare(t.group()) in verbs]
    for match in re.finditer(rf"(?i)(?<![\w-])(?:{phrases})(?![\w-])", text) if phrases else ():
        starts += [i for i, t in enumerate(tokens) if t.end() == match.end()]
    return frozenset(
        fold(_bare(word)) for i in starts for word in _in_clause(text, tokens, i, NOUN_SCOPE)
    )


def hedged_words(text: str, lang: str) -> set[str]:
    """Folded words a hedge bears on: after a hedging verb used as a verb ("plans to buy",
    "espère obtenir"; not "the plan"), after a modal ("could", "pourrait"), or after an
    adverb of allegation ("allegedly")."""
    language = pack(lang)
    verbs = {w.casefold() for w in language.words("hedge", "verbs")}
    modals = {w.casefold() for w in language.words("hedge", "modals")}
    determiners = {w.casefold().rstrip("'’") for w in language.words("hedge", "determiners")}
    complements = {w.casefold().rstrip("'’") for w in language.words("hedge", "complements")}
    tokens = list(_TOKEN.finditer(text))
    hedged: set[str] = set()
    for i, token in enumerate(tokens):
        word = token.group().casefold()
        if word not in verbs and word not in modals:
            continue
        previous = tokens[i - 1].group().casefold().rstrip("'’") if i > 0 else ""
        if previous in determiners:
            continue  # "the plan", "le projet": a noun
        following = tokens[i + 1].group().casefold().rstrip("'’") if i + 1 < len(tokens) else ""
        is_adverb = word.endswith(("ly", "ment"))
        # A verb hedges when a complement or an infinitive follows: "hopes to", "veut que",
        # "espère obtenir".
        takes_complement = following in complements or re.search(r"(?:er|ir|re)$", following)
        if word in verbs and not is_adverb and not takes_complement:
            continue
        hedged |= _folded(_in_clause(text, tokens, i, HEDGE_SCOPE))
    return hedged
