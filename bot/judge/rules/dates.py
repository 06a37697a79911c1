"""Dates, weekdays, durations and ages: another day, month, year, span or age contradicts.

A date is compared field by field on what both texts give ("le 3 mars" against "March 2,
2021" differs by its day; against "2021" it says nothing), a start ("since 2018") only with a
start. Of several dates, which may be of several events, the one in the claim's date's place
(beside the same words, bot/judge/rules/slots.py) is the claim's event's own. A date without
a year in the evidence takes its article's year, or the year before for "août dernier", "last
August". A weekday is compared with a weekday, a span with a span,
in days ("two months" against "60 jours"), with the bounds of quantities.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import cache
from itertools import pairwise

from bot.judge.rules import (
    CONTRADICTION,
    SUPPORT,
    UNVERIFIED,
    Pair,
    Signal,
    clause_around,
    rule,
    same_magnitude,
    silence,
)
from bot.judge.rules.slots import in_slot
from bot.question.terms import covers, sentence_terms
from index.analysis import fold, is_stopword
from index.facts import APPROX_TOLERANCE, DateFact, Duration, facts_of, find_weekdays, resolve_year
from index.facts.numbers import with_digits
from index.lang import pack, words_of_every_language
from index.lexicon import load_lexicon

# How far from its article's date a weekday it names may be ("on Sunday", "mardi prochain").
WEEK = 7
# Characters before a date where a weekday names that date's day ("Monday, 12 February").
WEEKDAY_REACH = 12


@rule("date")
def check_date(pair: Pair) -> Signal:
    claimed = facts_of(pair.claim, pair.claim_lang).dates
    if not claimed:
        return silence("date")
    evidence = facts_of(pair.evidence, pair.evidence_lang)
    stated = [resolve_year(d, pair.published) for d in evidence.dates]
    if not stated:
        week = _week_of(evidence.weekdays, pair.published)
        if week is not None and all(
            not mine.since and _date_outcome(mine, [week]) == SUPPORT for mine in claimed
        ):
            return Signal("date", SUPPORT, "same date (the day named in the article's week)")
        return Signal("date", UNVERIFIED, "the source gives no date")
    # a start ("depuis le 1er août") is compared with a start, an event's date with a date
    verdicts = [
        _date_outcome(mine, [d for d in stated if d.since == mine.since]) for mine in claimed
    ]
    if CONTRADICTION in verdicts and (len(claimed) > 1 or len(stated) > 1):
        # Several dates on either side may be of several events: another date only says
        # the source does not confirm this one.
        verdicts = [
            UNVERIFIED if v == CONTRADICTION and not _same_precision_only(claimed, stated) else v
            for v in verdicts
        ]
    if CONTRADICTION in verdicts and _on_claimed_weekday(pair, stated):
        # "announced Monday he will resign Feb. 28" against "Lundi 11 février, il a annoncé
        # sa démission": the source dates the claim's Monday; its Feb. 28 is another event
        return Signal("date", UNVERIFIED, "the source dates another event of the claim")
    if CONTRADICTION in verdicts and all(
        _in_relative_clause(theirs, pair)
        for theirs in stated
        if any(_differs(mine, theirs) for mine in claimed)
    ):
        # "Chang'e-4, qui avait quitté la Terre le 8 décembre, s'est posé à 10h26": the date
        # of a clause that says something else of a noun is another event's
        return Signal("date", UNVERIFIED, "the source's date is of another event")
    if CONTRADICTION in verdicts:
        return Signal("date", CONTRADICTION, "the source gives another date")
    if UNVERIFIED in verdicts:
        listed = _list_against_list(pair, claimed, stated)
        if listed is not None:
            return Signal("date", CONTRADICTION, f"the source dates them {listed}")
        for mine, verdict in zip(claimed, verdicts, strict=True):
            theirs = _slot_date(mine, pair, claimed, stated) if verdict == UNVERIFIED else None
            if (
                theirs is not None
                and _differs(mine, theirs)
                and not _in_range(theirs, pair, claimed, stated)
            ):
                written = pair.evidence[theirs.start : theirs.end]
                return Signal("date", CONTRADICTION, f"the source dates it {written}")
        return Signal("date", UNVERIFIED, "the source does not give that date")
    if any(_dates_another_event(mine, stated, claimed) for mine in claimed):
        # "an offer in May, and then in July raised it": the claim's July may date the other
        # event; the sentence alone does not say which is which
        return Signal("date", UNVERIFIED, "the source gives that date and another one")
    if any(
        (theirs := _in_place(mine, pair, stated)) is not None and _differs(mine, theirs)
        for mine in claimed
    ):
        # every date is the source's, but one stands where the source writes another:
        # "married in 1953 and crowned in 1947" against "married in 1947, crowned in 1953"
        return Signal("date", UNVERIFIED, "the source gives these dates to other events")
    return Signal("date", SUPPORT, "same date")


def _in_relative_clause(theirs: DateFact, pair: Pair) -> bool:
    """Is the source's date in a relative clause ("…, which had left Earth on 8 December,")
    that says none of the claim's words? A relative clause that does ("…, which landed on 3
    January,") dates the claim's event."""
    clause = clause_around(pair.evidence, pair.evidence_lang, theirs.start, theirs.end)
    opening = re.match(r"\s*([\w’'-]+)", clause)
    relatives = {w.casefold() for w in pack(pair.evidence_lang).words("phrases", "relatives")}
    if opening is None or opening.group(1).casefold() not in relatives:
        return False
    said = sentence_terms(clause, pair.evidence_lang, load_lexicon())
    return not any(
        covers(t, said) for t in pair.terms if not (t.is_name or t.is_number or t.is_time)
    )


def _on_claimed_weekday(pair: Pair, stated: list[DateFact]) -> bool:
    """Does a full date of the source fall on a weekday the claim names apart from its own
    dates ("announced Monday he will resign Feb. 28", not "Monday 12 February")?"""
    claim = facts_of(pair.claim, pair.claim_lang)
    named = set(claim.weekdays)
    if any(
        find_weekdays(pair.claim[max(0, d.start - WEEKDAY_REACH) : d.start], pair.claim_lang)
        for d in claim.dates
    ):
        return False  # the weekday is the claim's date's own
    for d in stated:
        if named and d.year and d.month and d.day:
            try:
                if date(d.year, d.month, d.day).isoweekday() in named:
                    return True
            except ValueError:
                continue  # "30 février": no day of the week
    return False


def _slot_date(
    mine: DateFact, pair: Pair, claimed: tuple[DateFact, ...], stated: list[DateFact]
) -> DateFact | None:
    """The source's date in the place of the claim's (bot/judge/rules/slots.py): a sentence
    that dates several events ("first appeared in London in 2002, but was removed in 2014")
    dates the claim's where it writes the same words ("appeared … in London in 2006"). The
    end of a period is the end of the source's period in the same place ("fermé de 2015 à
    2019" against "fermé de 2015 à 2017")."""
    start = _period_start(mine, claimed, pair.claim, pair.claim_lang)
    if start is not None:
        # "de 1969" and "from 1969" open a period whether or not read as a start
        theirs = _in_place(start, pair, stated)
        return next(
            (
                d
                for d in stated
                if theirs is not None
                and _period_start(d, stated, pair.evidence, pair.evidence_lang) is theirs
            ),
            None,
        )
    theirs = _in_place(mine, pair, stated)
    # a start ("since 2018") is compared with a start, an event's date with a date
    return None if theirs is None or theirs.since != mine.since else theirs


def _in_place(mine: DateFact, pair: Pair, stated: list[DateFact]) -> DateFact | None:
    """The source's date in the place of the claim's date (slots.py); the words of a date
    itself ("since", "in", "depuis") mark no place."""
    markers = words_of_every_language("dates", "since_before") | words_of_every_language(
        "phrases", "month_before"
    )
    at = in_slot(pair, (mine.start, mine.end), [(d.start, d.end) for d in stated], markers)
    return None if at is None else stated[at]


def _period_start(
    end: DateFact, dates: tuple[DateFact, ...] | list[DateFact], text: str, lang: str
) -> DateFact | None:
    """The date that opens the period ``end`` closes: "2015" of "de 2015 à 2019", of
    "2015-2019"."""
    joins = _range_joins(lang) | {"-", "–"}
    return next(
        (
            d
            for d in dates
            if d.end <= end.start and text[d.end : end.start].strip().casefold() in joins
        ),
        None,
    )


def _in_range(
    theirs: DateFact, pair: Pair, claimed: tuple[DateFact, ...], stated: list[DateFact]
) -> bool:
    """Is the source's year within the years the claim spans ("the 2013-2016 outbreak"
    against "the 2014 epidemic")? A year inside a period is no other date of it, unless the
    source spans a period from the claim's start ("from 1969-1972" against "de 1969 à
    1975"): then its end is the claim's end, another one."""
    years = {d.year for d in claimed if d.year}
    if len(years) < 2 or theirs.year is None:
        return False
    start = _period_start(theirs, stated, pair.evidence, pair.evidence_lang)
    return min(years) <= theirs.year <= max(years) and not (start and start.year in years)


def _differs(mine: DateFact, theirs: DateFact) -> bool:
    """Do two dates give another value for a field both give (a year, a month, a day)?"""
    given = theirs.fields()
    return any(k in given and given[k] != v for k, v in mine.fields().items())


def _week_of(weekdays: tuple[int, ...], published: str | None) -> DateFact | None:
    """What a weekday ("dimanche", "on Sunday") dates in a news article: a day of the week
    around its publication, so its year and month when every such day shares them. Only
    what all the candidates share is kept; the day itself is never guessed."""
    if not weekdays or not published:
        return None
    try:
        day = date.fromisoformat(published[:10])
    except ValueError:
        return None
    near = [day + timedelta(days=n) for n in range(-WEEK, WEEK + 1)]
    candidates = [d for d in near if d.isoweekday() in weekdays]
    years = {d.year for d in candidates}
    months = {(d.year, d.month) for d in candidates}
    if len(years) != 1:
        return None
    month = next(iter(months))[1] if len(months) == 1 else None
    return DateFact(next(iter(years)), month, None, 0, 0)


def _dates_another_event(
    mine: DateFact, stated: list[DateFact], claimed: tuple[DateFact, ...]
) -> bool:
    """Does the source give, besides the claim's day or month, another one just as precise
    that the claim does not date anything with? (Years alone are left out: "sa deuxième
    Coupe du monde après celle de 1998" in 2018.) A claim that gives both dates ("married in
    November 1947 and crowned on 2 June 1953") says which is which itself."""
    wanted = sorted(k for k in mine.fields() if k != "year")
    if not wanted:
        return False

    def key(d: DateFact) -> tuple[int | None, ...]:
        return tuple(d.fields().get(k) for k in wanted)

    own = {key(d) for d in claimed if d is not mine}
    given = {key(d) for d in stated} - own
    given = {g for g in given if None not in g}
    return len(given) > 1 or (len(given) == 1 and key(mine) not in given)


def _list_against_list(
    pair: Pair, claimed: tuple[DateFact, ...], stated: list[DateFact]
) -> str | None:
    """The source's dates, in its words, when the claim lists as many days in a row ("les 30
    juin et 6 juillet", "on 20 June and 7 July") as the source gives, one of them the same
    and another not: the two rounds of a vote, the days of a meeting, dated otherwise ("le 30
    juin pour le premier tour, et le 7 juillet pour le second"). Dates listed together are of
    one series, so the other one is the claim's."""
    listed = sorted((d for d in claimed if "day" in d.fields()), key=lambda d: d.start)
    if len(listed) < 2 or any(
        not _joined(pair.claim[a.end : b.start], pair.claim_lang) for a, b in pairwise(listed)
    ):
        return None
    theirs = sorted((d for d in stated if "day" in d.fields()), key=lambda d: d.start)
    if len(theirs) != len(listed):
        return None
    pairs = list(zip(listed, theirs, strict=True))
    if any(_differs(a, b) for a, b in pairs) and any(not _differs(a, b) for a, b in pairs):
        return " and ".join(pair.evidence[d.start : d.end] for d in theirs)
    return None


@cache
def _range_joins(lang: str) -> frozenset[str]:
    """The words that join two figures or dates of a range or a list ("and", "to", "et")."""
    return frozenset(w.casefold() for w in pack(lang).words("numbers", "range_join"))


def _joined(between: str, lang: str) -> bool:
    """Is ``between`` only what joins two items of a list ("et", ", and", "et au", "and on")?"""
    joins = _range_joins(lang)
    tokens = re.findall(r"[\w’']+", between.casefold())
    return (
        0 < len(tokens) <= 3
        and any(t in joins for t in tokens)
        and all(t in joins or is_stopword(t) for t in tokens)
    ) or between.strip() == ","


def _same_precision_only(claimed: tuple[DateFact, ...], stated: list[DateFact]) -> bool:
    """One full date against one full date of the source (plus years alone beside them):
    then another day is another day, whatever else the sentences date."""
    full = [d for d in claimed if d.day]
    theirs = [d for d in stated if d.day]
    return len(full) == 1 and len(theirs) == 1


def _date_outcome(mine: DateFact, stated: list[DateFact]) -> str:
    wanted = mine.fields()
    agreeing = [d for d in stated if all(d.fields().get(k, v) == v for k, v in wanted.items())]
    if any(set(wanted) <= set(d.fields()) for d in agreeing):
        return SUPPORT
    if agreeing:
        return UNVERIFIED  # "in March" against "in 2021": nothing to compare
    # Contradiction only against a date of the same precision (a day against a day)
    for d in stated:
        given = set(d.fields())
        # A year against a year alone may date two events ("sa deuxième Coupe du monde après
        # celle de 1998" against "Mondial 2018"); a year against a full date does not.
        if (set(wanted) - {"year"}) & given or (wanted.keys() == {"year"} and len(given) > 1):
            return CONTRADICTION
    return UNVERIFIED


@rule("weekday")
def check_weekday(pair: Pair) -> Signal:
    claimed = set(facts_of(pair.claim, pair.claim_lang).weekdays)
    if not claimed:
        return silence("weekday")
    stated = set(facts_of(pair.evidence, pair.evidence_lang).weekdays)
    if claimed < stated:
        # "as of Saturday night had planned to stay, but told staff on Sunday": which of
        # its days is the claim's event the sentence alone does not settle
        return Signal("weekday", UNVERIFIED, "the source gives other days too")
    return _compare_values("weekday", "day", claimed, stated, several_contradict=True)


@rule("relative")
def check_relative(pair: Pair) -> Signal:
    """ "next week" against "next month", "hier" against "today": both said from the day the
    text was written, so two different ones differ. Against a calendar date there is nothing
    to compare without knowing the claim's own day."""
    claimed = set(facts_of(pair.claim, pair.claim_lang).relative)
    stated = set(facts_of(pair.evidence, pair.evidence_lang).relative)
    if not claimed or not stated:
        return silence("relative")
    if claimed <= stated:
        return Signal("relative", SUPPORT, "same time")
    if len(claimed) == len(stated) == 1 and _at_odds(next(iter(claimed)), next(iter(stated))):
        return Signal("relative", CONTRADICTION, "the source gives another time")
    return silence("relative")


def _at_odds(mine: str, theirs: str) -> bool:
    """Can two relative times not be the same? "last week" and "next week" cannot, nor "next
    week" and "next month"; "yesterday" may be "this year", and "this week" is in it."""
    anchor, unit = mine.split()
    other_anchor, other_unit = theirs.split()
    if unit == other_unit:
        return anchor != other_anchor
    return anchor == other_anchor != "this"


@rule("duration")
def check_duration(pair: Pair) -> Signal:
    claimed = facts_of(pair.claim, pair.claim_lang).durations
    if not claimed:
        return silence("duration")
    stated = facts_of(pair.evidence, pair.evidence_lang).durations
    if not stated:
        return Signal("duration", UNVERIFIED, "the source gives no span of time")
    if all(any(_within(theirs, mine) for theirs in stated) for mine in claimed):
        return Signal("duration", SUPPORT, "same span of time")
    # A span a hundred times another measures something else ("un couple de 29 ans" beside
    # "24 heures coincés", for "48 heures"): a changed span is wrong by a little.
    stated = tuple(d for d in stated if any(same_magnitude(d.days, m.days) for m in claimed))
    # Another span contradicts only one span against one: several may measure several things.
    alone = len(claimed) == 1 and len([d for d in stated if d.ago == claimed[0].ago]) == 1
    if alone and any(not any(_overlap(theirs, mine) for theirs in stated) for mine in claimed):
        return Signal("duration", CONTRADICTION, "the source gives another span of time")
    return Signal("duration", UNVERIFIED, "the span of time is not settled by the source")


@rule("age")
def check_age(pair: Pair) -> Signal:
    """Someone's age against an age: "83 years old" is refuted by "the 93-year-old"."""
    claimed = set(facts_of(pair.claim, pair.claim_lang).ages)
    if not claimed:
        return silence("age")
    evidence = facts_of(pair.evidence, pair.evidence_lang)
    stated = set(evidence.ages)
    written = {q.value for q in evidence.quantities}
    if stated and not claimed <= stated and claimed <= stated | written:
        # "Woods, who at 43 became the second-oldest winner, after the then 46-year-old
        # Jack Nicklaus": the claim's 43 is there; the age read is another person's
        return Signal("age", UNVERIFIED, "the source gives that figure and another age")
    # several ages may be of several people: only one against one contradicts
    signal = _compare_values("age", "age", claimed, stated, several_contradict=False)
    if signal.outcome == CONTRADICTION and (other := _age_named_by_another(pair, stated)):
        # "le roi Charles III, 74 ans, a été couronné avec la reine Camilla": his age
        return Signal("age", UNVERIFIED, f"the source gives the age of {other}")
    return signal


def _age_named_by_another(pair: Pair, ages: set[float]) -> str | None:
    """The name the source sets right before its age ("Charles III, 74 ans"), when it is none
    of the claim's names; None when the age follows one of them or no name."""
    claimed = {t.folded for t in pair.terms if t.is_name}
    text = with_digits(pair.evidence, pair.evidence_lang)
    for age in ages:
        for found in re.finditer(rf"(?<![\d,.]){age:g}(?![\d,.]\d)", text):
            near = text[max(0, found.start() - 40) : found.start()]
            before = re.findall(r"[^\W\d_][\w’'-]*", near)
            names = [w for w in before[-3:] if w[0].isupper() and not is_stopword(w)]
            if names and not any(fold(w) in claimed for w in names):
                return " ".join(names)
    return None


def _compare_values(
    rule_: str, thing: str, claimed: set[float], stated: set[float], several_contradict: bool
) -> Signal:
    """The claim's values (days, ages) against the sentence's: all of them there is support,
    some of them unverified, none of them a contradiction."""
    if not stated:
        return Signal(rule_, UNVERIFIED, f"the source gives no {thing}")
    if claimed <= stated:
        return Signal(rule_, SUPPORT, f"same {thing}")
    if claimed & stated or not (several_contradict or len(claimed) == len(stated) == 1):
        return Signal(rule_, UNVERIFIED, f"the source gives other {thing}s too")
    return Signal(rule_, CONTRADICTION, f"the source gives another {thing}")


def _interval(d: Duration) -> tuple[float, float]:
    slack = d.days * (0.05 if d.bound == "eq" else APPROX_TOLERANCE)
    if d.bound == "eq" and d.to_the_unit:
        slack = d.unit_days / 2  # "4 heures et 24 minutes" is not "4 heures et 42 minutes"
    low, high = d.days - slack, d.days + slack
    # "more than two weeks" and "less than two weeks" share no day: strict bounds are open
    return {
        "gt": (d.days * (1 + 1e-9), float("inf")),
        "ge": (d.days, float("inf")),
        "lt": (0.0, d.days * (1 - 1e-9)),
        "le": (0.0, d.days),
    }.get(d.bound, (low, high))


def _overlap(theirs: Duration, mine: Duration) -> bool:
    if theirs.ago != mine.ago:
        return True  # a point in time ("two weeks ago") and a span say nothing of each other
    (a, b), (c, d) = _interval(theirs), _interval(mine)
    return a <= d and c <= b


def _within(theirs: Duration, mine: Duration) -> bool:
    if theirs.ago != mine.ago:
        return False
    if theirs.bound in ("eq", "approx") and mine.bound in ("eq", "approx"):
        return _overlap(theirs, mine)  # "two months" and "60 days" are the same span
    (a, b), (c, d) = _interval(theirs), _interval(mine)
    return c <= a and b <= d
