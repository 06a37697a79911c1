"""Quantities: another number of the same thing contradicts; a compatible bound does not.

"more than 40 %" is supported by 45 % and not refuted by it; a count is compared only with a
count of the same thing ("9,6 millions d'installations" with "20 million installs", never
with "88 millions d'abonnés"); percentages with percentages, sums with sums in one currency.
An ordinal is compared with the same thing's ordinal ("le deuxième homme" with "the third
man"); a part with a part ("all 11 charges" is refuted by "10 of the 11 charges"); a
measure in the claim's unit, converted when the source uses another of its dimension ("5,500
miles" against "5 500 kilomètres").
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache, lru_cache
from itertools import pairwise, zip_longest

from bot.judge.rules import (
    CONTRADICTION,
    SUPPORT,
    UNVERIFIED,
    Pair,
    Signal,
    clause_around,
    clause_span,
    rule,
    same_magnitude,
    silence,
)
from bot.judge.rules.slots import in_slot
from bot.question.terms import QueryTerm, SentenceTerms, covers, sentence_terms, subject_of
from index.analysis import fold, inner_capitalised, is_stopword, words
from index.facts import Quantity, Score, compatible, entails, facts_of
from index.facts.numbers import span_of, unit_symbol, with_digits
from index.lang import pack
from index.lexicon import load_lexicon

NAME = "quantity"
# The end of a money kind that is a price of one unit ("$122 a share").
UNIT = "/unit"
# Words either side of a count of people where a word of death makes it a toll.
TOLL_REACH = 3
DEAD, HURT = "dead", "hurt"
# A contradiction made by the claim's figure given to another party in the same sentence.
SWAPPED = "swapped"
# Words of the claim the clause of one of several figures must hold to be the claim's own.
OWN_CLAUSE_WORDS = 2
# Minutes between two hours that may be one moment rounded or told roughly.
CLOCK_APART = 60
# Characters from an hour to the zone it is told in ("16 heures, heure locale").
ZONE_REACH = 4
# The roles of a span's two ends ("500-700 mètres"; index/facts/numbers.py).
SPAN_ENDS = ("from", "to")


@rule(NAME)
def check(pair: Pair) -> Signal:
    claim = facts_of(pair.claim, pair.claim_lang)
    # the figures of a score or a tally are the score rule's: "4-2" is no count of 4
    claimed = tuple(q for q in claim.quantities if not _in_score(q, pair.claim, claim.scores))
    if not claimed:
        return silence(NAME)
    written = facts_of(pair.evidence, pair.evidence_lang).quantities
    outcomes = []
    for mine in claimed:
        # "5,500 miles" against "5 500 kilomètres": compared in the claim's unit
        stated = tuple(in_unit_of(theirs, mine) for theirs in written)
        if mine.kind == "number":
            # A bare number says little of what it counts: it must be stated, and only another
            # bare number in its place (slots.py) contradicts it.
            if not any(_equal(q, mine) or _bounds_agree(q, mine) for q in stated):
                # the claim's other figure, stated, is that figure's and in no one else's
                # place: "lowered the toll to 275 from 288" against "revised down from 288"
                free = tuple(
                    q for q in stated if not any(o is not mine and _equal(q, o) for o in claimed)
                )
                other = _bare_in_its_place(mine, free, pair)
                if other is not None:
                    outcomes.append((CONTRADICTION, f"{mine.text!r} against {other.text!r}"))
                else:
                    outcomes.append((UNVERIFIED, f"{mine.text!r} is not stated"))
            continue
        if mine.kind == "clock":
            # A story's hours mark many moments ("started its descent at 5:20 pm", "touched
            # down at 6:04 pm"): another hour is not the claim's moment denied, unless it
            # stands in its place ("s'est produite vers 7 heures du matin près de la gare"
            # against "occurred around 7pm near the station").
            agreeing = [q for q in stated if q.kind == "clock" and compatible(q, mine)]
            zone = _zone_of(mine, pair.claim, pair.claim_lang)
            if (
                agreeing
                and zone is not None
                and all(
                    (theirs := _zone_of(q, pair.evidence, pair.evidence_lang)) is not None
                    and not _one_zone(theirs, zone)
                    for q in agreeing
                )
            ):  # "06h01 GMT" against "06h01 (heure de Paris)": the same figure, another hour
                outcomes.append((UNVERIFIED, f"{mine.text!r} is told in another zone"))
            elif agreeing:
                outcomes.append((SUPPORT, f"{mine.text!r} agrees with the source"))
            elif (other := _clock_in_its_place(mine, stated, claimed, pair)) is not None:
                outcomes.append((CONTRADICTION, f"{mine.text!r} against {other.text!r}"))
            else:
                outcomes.append((UNVERIFIED, f"{mine.text!r} is not stated"))
            continue
        same = [
            theirs
            for theirs in stated
            if _same_thing(mine, theirs, pair)
            and _same_magnitude(mine, theirs)
            and not _answers_another(theirs, mine, claimed, pair)
        ]
        if (within := _within_span(mine, same, claimed)) is not None:
            # "15 %" against "14.8 to 15.2 percent", or "500 to 700 metres" against "600 m":
            # a value inside a span is neither end of it, nor denied by either
            outcomes.append((UNVERIFIED, within))
            continue
        parts = [theirs for theirs in same if theirs.role == "part"]
        if mine.role == "all" and parts:
            # "all 11 charges" against "10 of the 11 charges": the part is what is compared
            same = parts
        elif (
            parts
            and mine.role is None
            and not any(compatible(p, mine) for p in parts)
            and any(compatible(q, mine) for q in same if q.role != "part")
        ):  # "convicted on 11 charges" against "10 of the 11": the part or the whole?
            given = ", ".join(repr(q.text) for q in parts)
            outcomes.append((UNVERIFIED, f"{mine.text!r}: the source counts {given}"))
            continue
        agrees = any(compatible(theirs, mine) for theirs in same)
        if (
            not same
            and mine.kind == "ordinal"
            and any(q.kind == "ordinal" and q.value == mine.value for q in stated)
        ):  # "France's second World Cup victory" against "won it for the second time"
            outcomes.append((SUPPORT, f"{mine.text!r} agrees with the source"))
        elif not same:
            outcomes.append(_unstated(mine, _free(mine, stated, claimed, pair), pair))
        elif any(entails(theirs, mine) for theirs in same) and not (
            # "all 11 charges" is stated by "all 11 charges", not by "11 charges"
            mine.role == "all"
            and not parts
            and not any(t.role == "all" and entails(t, mine) for t in same)
        ):
            if (own := _swapped(mine, same, pair)) is not None:
                # "the Ethiopian crash that killed 157 people and a Lion Air crash that killed
                # 189" for "the Ethiopian crash killed 189": the figure is another's, and
                # the claim's own subject has its own
                outcomes.append(
                    (SWAPPED, f"{mine.text!r} is said of another; of this, {own.text!r}")
                )
            elif (owner := _given_to_another(mine, same, pair)) is not None:
                # "Zelensky received 62.8% and Poroshenko 34.48%" against "Poroshenko has
                # received 62.8% and Zelensky has 34.48%": the claim's names swapped
                outcomes.append((SWAPPED, f"{mine.text!r} is said of {owner} in the source"))
            elif _of_another(mine, same, pair):
                # the figure is in a clause without the claim's words, which are in another's
                outcomes.append((UNVERIFIED, f"{mine.text!r} is said of another in the source"))
            else:
                outcomes.append((SUPPORT, f"{mine.text!r} agrees with the source"))
        elif not _named_alike(mine, same, pair):
            # "$66 billion deal" against "a break-up fee of $2 billion": another sum of money
            # in the sentence, not the one the claim gives a figure for
            outcomes.append(
                _unstated(mine, _free(mine, stated, claimed, pair), pair, named_otherwise=True)
            )
        elif agrees or (
            mine.kind == "count"
            and any(
                compatible(t, mine)
                for t in stated
                if t.kind in ("count", "number") and t.role is None
            )
        ):  # "9,6 millions d'installations, dont 7,8 millions aux États-Unis": a part
            outcomes.append((UNVERIFIED, f"{mine.text!r} is not settled by the source"))
        else:
            outcomes.append(_disagreement(mine, same, claimed, pair))
    if _dated_earlier(pair) and any(kind == CONTRADICTION for kind, _ in outcomes):
        # "At the time, 3,040 cases had been reported": an earlier count of what has grown
        outcomes = [
            (UNVERIFIED, f"{reason} (an earlier figure)")
            if kind == CONTRADICTION
            else (kind, reason)
            for kind, reason in outcomes
        ]
    for outcome in (SWAPPED, CONTRADICTION, UNVERIFIED):
        found = [reason for kind, reason in outcomes if kind == outcome]
        if found:
            kind = CONTRADICTION if outcome == SWAPPED else outcome
            return Signal(NAME, kind, "; ".join(found), swapped=outcome == SWAPPED)
    if not outcomes:
        return silence(NAME)
    return Signal(NAME, SUPPORT, "; ".join(reason for _, reason in outcomes))


def _equal(one: Quantity, other: Quantity) -> bool:
    return abs(one.value - other.value) <= 1e-9 * max(other.value, 1)


def _bounds_agree(theirs: Quantity, mine: Quantity) -> bool:
    """Does the source's bare number make the claim's true, one of them a bound ("at least 22"
    for "more than 20")? Then it is no other figure in its place; "at least four" does not
    make "at least ten"."""
    if theirs.kind != "number" or theirs.bound == mine.bound == "eq":
        return False
    return entails(theirs, mine)


# What each unit symbol measures and its size in that dimension's base unit (metre, kilogram,
# square metre, km/h): physical constants, the same in every language. A unit of two sizes
# ("ton": short or long) is left out.
UNIT_SIZES: dict[str, tuple[str, float]] = {
    "km": ("length", 1000.0), "m": ("length", 1.0), "cm": ("length", 0.01),
    "mm": ("length", 0.001), "mi": ("length", 1609.344), "ft": ("length", 0.3048),
    "in": ("length", 0.0254), "yd": ("length", 0.9144),
    "kg": ("mass", 1.0), "g": ("mass", 0.001), "t": ("mass", 1000.0), "lb": ("mass", 0.45359237),
    "km²": ("area", 1e6), "m²": ("area", 1.0), "ha": ("area", 1e4), "acre": ("area", 4046.8564),
    "km/h": ("speed", 1.0), "mph": ("speed", 1.609344), "kn": ("speed", 1.852),
}  # fmt: skip


def in_unit_of(theirs: Quantity, mine: Quantity) -> Quantity:
    """``theirs`` in the unit ``mine`` counts, when both measure the same dimension in two
    units ("5,500 miles" is about 8,851 km): approximate, as a converted figure is rounded.
    Otherwise ``theirs`` as it is."""
    one, other = unit_symbol(theirs.counted or ""), unit_symbol(mine.counted or "")
    if not one or not other or one == other:
        return theirs
    (dimension, size), (wanted, unit) = UNIT_SIZES.get(one, ("", 0)), UNIT_SIZES.get(other, ("", 0))
    if not dimension or dimension != wanted:
        return theirs
    bound = "approx" if theirs.bound == "eq" else theirs.bound
    return replace(theirs, value=theirs.value * size / unit, counted=mine.counted, bound=bound)


def _disagreement(
    mine: Quantity, same: list[Quantity], claimed: tuple[Quantity, ...], pair: Pair
) -> tuple[str, str]:
    """The source gives the thing the claim counts, and no figure of it agrees: a
    contradiction, unless the source's figures may be of something else than the claim's.
    Figures that agree with each other are one ("some 40 km (25 miles)")."""
    one_span = tuple(q.role for q in same) == SPAN_ENDS  # "500-700 mètres": one statement
    if not one_span and any(not compatible(one, other) for one in same for other in same):
        own = _own_figure(same, pair)
        series = [q for q in claimed if (q.kind, q.counted) == (mine.kind, mine.counted)]
        if own is None and len(same) == len(series) > 1:
            # "the fourth and fifth women" against "the sixth and seventh women": a list
            # against a list as long, member by member
            own = same[series.index(mine)]
        if own is None:
            # "Labour fell to 9 seats, GroenLinks rose from 4": several counts of one thing
            # are of several parties; none is the one the claim gives a figure for
            given = ", ".join(repr(q.text) for q in same)
            return UNVERIFIED, f"{mine.text!r}: the source counts {given} of others"
        same = [own]
    given = ", ".join(repr(q.text) for q in same)
    if _qualifier_unsaid(mine, same, pair):
        # "150 passagers néerlandais" against "34 passagers sans nationalité confirmée": a
        # count of other passengers
        return UNVERIFIED, f"{mine.text!r}: the source counts {given}"
    if _other_years(same, pair):
        # "tué 11.000 personnes en 2014" against "1 668 personnes depuis 2018"
        return UNVERIFIED, f"{mine.text!r}: the source counts {given} of other years"
    return CONTRADICTION, f"{mine.text!r} against {given}"


def _within_span(mine: Quantity, same: list[Quantity], claimed: tuple[Quantity, ...]) -> str | None:
    """Why the claim's figure is inside one of the source's spans ("de 14,8 à 15,2 %"), or a
    figure of the source inside the claim's own span; None when neither is."""
    if mine.role not in SPAN_ENDS:
        for low, high in _span_ends(same):
            if low.value <= mine.value <= high.value:
                return f"{mine.text!r} lies between {low.text!r} and {high.text!r}"
        return None
    for low, high in _span_ends(list(claimed)):
        if mine in (low, high):
            inside = [q for q in same if q.role is None and low.value < q.value < high.value]
            if inside:
                return f"the source gives {inside[0].text!r}, inside the claim's span"
    return None


def _span_ends(figures: list[Quantity]) -> list[tuple[Quantity, Quantity]]:
    """The (from, to) ends of the spans among ``figures``, as written one after the other."""
    return [(low, high) for low, high in pairwise(figures) if (low.role, high.role) == SPAN_ENDS]


def _own_figure(same: list[Quantity], pair: Pair) -> Quantity | None:
    """Of several figures of the thing the claim counts, the one said of what the claim says:
    its clause holds more of the claim's words than any other's ("a relevé ses taux de 50
    points, davantage que la hausse de 25 points prévue" for "a relevé ses taux de 75
    points"). None when no clause stands out."""
    words_ = [t for t in pair.terms if not (t.is_number or t.is_time or t.is_light)]
    if not all(_clause_of(q.text, pair) for q in same):
        return None  # a figure written otherwise than read ("quatre sièges"): where is it?
    scored = sorted(
        (
            (sum(covers(t, said) for t in words_), q)
            for q in same
            for said in [_clause_terms(q, pair)]
        ),
        key=lambda scored: -scored[0],
    )
    (best, own), (runner_up, _) = scored[0], scored[1]
    if best < OWN_CLAUSE_WORDS or best <= runner_up:
        return None
    return own


def _qualifier_unsaid(mine: Quantity, same: list[Quantity], pair: Pair) -> bool:
    """Does the claim qualify what it counts with a word right after it ("passagers
    *néerlandais*") that no clause of the source's figures says?"""
    if not mine.counted or not pack(pair.claim_lang).data["numbers"].get("qualifier_after"):
        return False  # a percentage, a sum, an English noun: what follows qualifies nothing
    following = _words_after(mine, pair.claim, pair.claim_lang, 2)
    after = following[0] if following else ""
    complements = {
        w.casefold() for w in pack(pair.claim_lang).words("numbers", "qualifier_not_before")
    }
    if len(following) > 1 and following[1].casefold() in complements:
        return False  # "cinq morts *lors* des manifestations": a complement, no adjective
    qualifier = next(
        (
            t
            for t in pair.terms
            if after and t.folded == fold(after)
            and not (t.is_name or t.is_number or t.is_time or t.is_light)
        ),
        None,
    )  # fmt: skip
    if qualifier is None:
        return False
    return not any(covers(qualifier, _clause_terms(q, pair)) for q in same)


def _answers_another(
    theirs: Quantity, mine: Quantity, claimed: tuple[Quantity, ...], pair: Pair
) -> bool:
    """Is the source's figure the one that states another figure of the claim, nearer to it
    than to this one? One figure answers one: "his fifth Masters" states the claim's "fifth
    Masters title", not its "22nd Masters appearance"; "around $222 billion" states "$212
    billion", not "$200 billion" too. The very figure of another of the claim's, of the same
    kind, answers it whatever noun each writes after it: "rejected by 230 votes" is the claim's
    "a majority of 230 against", not its "432 votes to 202"."""
    return any(
        other is not mine
        and abs(theirs.value - other.value) < abs(theirs.value - mine.value)
        and (
            (_same_thing(other, theirs, pair) and entails(theirs, other))
            or (theirs.value == other.value and _kinds_alike(theirs, other))
        )
        for other in claimed
    )


def _dated_earlier(pair: Pair) -> bool:
    """Does the source's sentence open by dating itself before the time of writing ("At the
    time", "Earlier reports said", "À l'époque")?"""
    earlier = pack(pair.evidence_lang).alternation("numbers", "earlier")
    return (
        bool(earlier) and re.match(rf"\W*(?:{earlier})(?![\w’'])", pair.evidence, re.I) is not None
    )


def _free(
    mine: Quantity, stated: tuple[Quantity, ...], claimed: tuple[Quantity, ...], pair: Pair
) -> tuple[Quantity, ...]:
    """The source's figures that state no other figure of the claim (``_answers_another``):
    only those may stand in this one's place."""
    return tuple(t for t in stated if not _answers_another(t, mine, claimed, pair))


def _in_score(quantity: Quantity, text: str, scores: tuple[Score, ...]) -> bool:
    """Is the figure one of a score's two ("4" of "4-2")?"""
    at = text.find(quantity.text)
    return any(s.start <= at < s.end for s in scores)


def _unstated(
    mine: Quantity, stated: tuple[Quantity, ...], pair: Pair, named_otherwise: bool = False
) -> tuple[str, str]:
    """No figure of the source is of the claim's thing by its noun: unverified, unless one
    stands in the claim's figure's place. There it is the same thing in other words: it
    disagrees ("some 371 million Alibaba shares changed hands" against "some 271 million
    shares changed hands") or states the claim's figure ("deux navires de sa marine vers les
    Tonga" for "two Navy ships to Tonga"), unless the source names that sum otherwise
    (``named_otherwise``: "$240 billion in liabilities" against "240 milliards d'actifs")."""
    theirs = _in_its_place(mine, stated, pair)
    if theirs is not None and not compatible(theirs, mine):
        # "20 million installs" and "88 millions d'abonnés" count two things; a figure that
        # names nothing ("injured more than 100") may count another thing than the claim's
        # named one ("injured in the two Brussels attacks")
        if not _counts_another_noun(mine, theirs) and not (mine.counted and not theirs.counted):
            return CONTRADICTION, f"{mine.text!r} against {theirs.text!r}"
    elif theirs is not None and not named_otherwise and entails(theirs, mine):
        return SUPPORT, f"{mine.text!r} agrees with {theirs.text!r}, in its place"
    return UNVERIFIED, f"{mine.text!r} is not stated"


def _in_its_place(mine: Quantity, stated: tuple[Quantity, ...], pair: Pair) -> Quantity | None:
    """The source's figure in the claim's figure's place, of the same kind and magnitude, in
    a sentence that does not date itself otherwise: the same thing, whatever noun each
    writes after it."""
    theirs = _in_place(mine, stated, pair)
    if theirs is None or not (_kinds_alike(mine, theirs) and _same_magnitude(mine, theirs)):
        return None
    return None if _dated_otherwise(pair) else theirs


def _bare_in_its_place(mine: Quantity, stated: tuple[Quantity, ...], pair: Pair) -> Quantity | None:
    """The source's bare number in the claim's bare number's place, of one magnitude ("after
    surviving 12 US administrations" against "after surviving 11 US administrations"); never
    a part of a clock time or of a score ("5:20 pm", "6-3")."""
    if not _standalone(mine, pair.claim):
        return None
    theirs = _in_place(mine, stated, pair, names=False)
    if theirs is None or theirs.kind != "number" or not same_magnitude(mine.value, theirs.value):
        return None
    if not _standalone(theirs, pair.evidence) or _dated_otherwise(pair):
        return None
    return theirs


def _clock_in_its_place(
    mine: Quantity, stated: tuple[Quantity, ...], claimed: tuple[Quantity, ...], pair: Pair
) -> Quantity | None:
    """The source's hour that denies the claim's: the one hour in the claim's zone when the
    claim names its zone ("2100 GMT" against "1900 GMT"); otherwise the one in its place,
    when both texts are in one language and neither names a zone (a French paper's "17h" may
    be London's 4pm), and no other hour of the claim is the source's (the same moment, told
    in another zone)."""
    # hours told near one another may round one moment ("shortly before 6 a.m.", "5h50")
    clocks = tuple(
        q for q in stated if q.kind == "clock" and abs(q.value - mine.value) >= CLOCK_APART
    )
    zone = _zone_of(mine, pair.claim, pair.claim_lang)
    if zone is not None:
        zoned = [
            q for q in clocks if _one_zone(_zone_of(q, pair.evidence, pair.evidence_lang), zone)
        ]
        return zoned[0] if len(zoned) == 1 else None
    if (
        not clocks
        or pair.claim_lang != pair.evidence_lang  # a French paper tells Paris's hours
        or _zones(pair.claim, pair.claim_lang)
        or _zones(pair.evidence, pair.evidence_lang)
    ):
        return None
    if any(
        o is not mine and o.kind == "clock" and compatible(q, o) for o in claimed for q in clocks
    ):
        return None
    return _in_place(mine, clocks, pair)


def _zones(text: str, lang: str, places: bool = False) -> list[re.Match[str]]:
    """Where ``text`` names a time zone or a place's time ("GMT", "heure locale"), written as
    the packs write them: "ET" is a zone, "et" a French word. With ``places``, any place's
    time too ("Beijing time", "heure de Pékin", "8h07 en France"), read only beside an hour."""
    return list(_zone_pattern(lang, places).finditer(text))


@cache
def _zone_pattern(lang: str, places: bool) -> re.Pattern[str]:
    durations = pack(lang).data["durations"]
    names = [*durations["time_zones"], *durations["local_times"]]
    place = r"[A-Z][\w'’-]+"
    after = "|".join(rf"{place}\s+(?i:{re.escape(w)})" for w in durations["place_time_after"])
    before = "|".join(rf"(?i:{re.escape(w)})\s*{place}" for w in durations["place_time_before"])
    # "22H00 locales": a word that names the local hour only right after one
    beside = "|".join(map(re.escape, durations["local_after"]))
    found = (after, before, beside) if places else ()
    zones = "|".join(filter(None, ("|".join(map(re.escape, names)), *found)))
    return re.compile(rf"(?<![\w-])(?:{zones})(?![\w-])")


def _zone_of(clock: Quantity, text: str, lang: str) -> frozenset[str] | None:
    """The zone written with an hour or right after it ("2100 GMT", "16 heures, heure
    locale"), as the keys it is known by in either language, or None."""
    at = span_of(clock.text, text, lang)
    if at is None:
        return None
    after = next(
        (m for m in _zones(text, lang, places=True) if at[0] < m.start() <= at[1] + ZONE_REACH),
        None,
    )
    return None if after is None else _zone_keys(after.group(), lang)


@cache
def _zone_keys(zone: str, lang: str) -> frozenset[str]:
    """What a zone is called whatever the language: "GMT" and "temps universel" are "utc",
    "heure locale", "22H00 locales" and "local time" are "local", "EST" and "Eastern time"
    "eastern" (the packs' `[durations] zone_names`); a place's time is its place, named in
    either language ("heure de Moscou", "Moscow time"). Two hours are told in one zone when
    their keys meet."""
    named = {k.casefold(): v for k, v in pack(lang).data["durations"]["zone_names"].items()}
    folded = zone.casefold()
    if folded in named:
        return frozenset({named[folded]})
    lexicon = load_lexicon()
    places = [w.group() for w in words(zone) if w.group()[:1].isupper()]
    keys = {fold(p) for p in places}
    keys |= {t[0] for p in places for t in lexicon.translate(lexicon.normalize(p, lang), lang)}
    return frozenset(keys) if keys else frozenset({folded})


def _one_zone(one: frozenset[str] | None, other: frozenset[str] | None) -> bool:
    return one is not None and other is not None and bool(one & other)


def _in_place(
    mine: Quantity, stated: tuple[Quantity, ...], pair: Pair, names: bool = True
) -> Quantity | None:
    """The source's figure in the place of the claim's (bot/judge/rules/slots.py)."""
    found = [
        (theirs, at)
        for theirs in stated
        if (at := span_of(theirs.text, pair.evidence, pair.evidence_lang)) is not None
    ]
    claimed_at = span_of(mine.text, pair.claim, pair.claim_lang)
    if not found or claimed_at is None:
        return None
    index = in_slot(pair, claimed_at, [at for _, at in found], names=names)
    return None if index is None else found[index][0]


def _dated_otherwise(pair: Pair) -> bool:
    """Does the claim date what it says with a year the source does not write? Then the
    figure in its place may be of another time ("hit the $1 trillion mark in 2018" against
    "in 2022 … reach a market value of $3 trillion")."""
    mine = facts_of(pair.claim, pair.claim_lang).years
    return not mine <= facts_of(pair.evidence, pair.evidence_lang).years


def _counts_another_noun(mine: Quantity, theirs: Quantity) -> bool:
    """Do both figures name what they count, each its own common noun, or each its own name?
    A name after a figure qualifies the noun after it ("371 million Alibaba shares"): against
    a figure without it, it names no other thing; against another name ("three Labour MPs",
    "118 Tory MPs"), another group."""
    nouns = _counted_words(mine, theirs)
    return _another_group(mine, theirs) or all(noun and not noun[:1].isupper() for noun in nouns)


def _another_group(mine: Quantity, theirs: Quantity) -> bool:
    """Does each figure name its own group by a name after it ("three Labour MPs", "118 Tory
    MPs")? Then they count two groups, whatever noun follows."""
    names = _counted_words(mine, theirs)
    return all(name[:1].isupper() for name in names) and fold(names[0]) != fold(names[1])


def _counted_words(*figures: Quantity) -> list[str]:
    """The word each figure counts, as written after it ("" for a figure that names none)."""
    return [q.text.split()[-1] if q.counted else "" for q in figures]


def _kinds_alike(one: Quantity, other: Quantity) -> bool:
    """Of one kind, or one a bare number ("a majority of 230 against", "230 votes")."""
    return one.kind == other.kind or "number" in (one.kind, other.kind)


def _named_alike(mine: Quantity, same: list[Quantity], pair: Pair) -> bool:
    """Can a sum refute the claim's sum? Only when it is said of the same thing, if the claim
    says of what ("a $66 billion *deal*"): one article gives several sums ("a break-up fee of
    $2 billion if the deal fails")."""
    if not mine.kind.startswith("money") or not mine.counted:
        return True
    term = _term_for(mine.counted, pair.terms)
    if term is None:
        return True
    lexicon = load_lexicon()
    for theirs in same:
        # the word after the sum ("$66 billion deal") or the two before it ("offer of $66bn")
        at = pair.evidence.find(theirs.text)
        before = words(pair.evidence[:at])[-2:] if at >= 0 else []
        said = " ".join([theirs.counted or "", *(w.group() for w in before)])
        if covers(term, sentence_terms(said, pair.evidence_lang, lexicon)):
            return True
    return False


def _other_years(same: list[Quantity], pair: Pair) -> bool:
    """Does the claim date what it says with years the source does not give, while the
    clauses of the source's figures give years of their own? The figures may then be of
    another time ("tué 11.000 personnes en 2014" against "1 668 personnes depuis 2018"; not
    "du jamais-vu depuis 2011. Elle a relevé ses taux de 50 points")."""
    mine = facts_of(pair.claim, pair.claim_lang).years
    clauses = " ; ".join(_clause_of(q.text, pair) for q in same)
    theirs = facts_of(clauses, pair.evidence_lang).years
    return bool(mine and theirs and not mine & theirs)


def _of_another(mine: Quantity, same: list[Quantity], pair: Pair) -> bool:
    """Is the figure that agrees with the claim's said of something else? It is when a word of
    the claim is in the clause of a figure that disagrees and in no clause of one that agrees
    ("the Ethiopian crash that killed 157 people and a Lion Air crash that killed 189" for
    "the Ethiopian crash killed 189"; "le non l'emporte avec 61 %, face au oui à 39 %" for
    "le oui l'a emporté avec 61 %")."""
    agreeing = [theirs for theirs in same if entails(theirs, mine)]
    words_ = [t for t in pair.terms if not (t.is_number or t.is_time)]
    if not words_ or len(agreeing) == len(same) or any(q.role == "subset" for q in agreeing):
        return False  # a part ("2,700 of them") owes its words to its whole's clause
    own = [_clause_terms(q, pair) for q in agreeing]
    subject = subject_of(words_)
    if subject and any(all(covers(t, said) for t in subject) for said in own):
        return False  # the agreeing figure is the claim's subject's, whatever else is near
    others = [_clause_terms(q, pair) for q in same if q not in agreeing]
    return any(
        covers(t, said) and not any(covers(t, theirs) for theirs in own)
        for t in words_
        for said in others
    )


def _given_to_another(mine: Quantity, same: list[Quantity], pair: Pair) -> str | None:
    """The claim's other party that the source gives the claim's figure to, when the claim
    gives figures to two parties ("Zelensky received 62.8% and Poroshenko 34.48%" against
    "Poroshenko has received 62.8% and Zelensky has 34.48%"): no clause of an agreeing figure
    names the figure's party, and each names the other."""
    owners = {
        q.text: owner
        for q in facts_of(pair.claim, pair.claim_lang).quantities
        if (owner := _party_of(q, pair)) is not None
    }
    owner = owners.get(mine.text)
    rivals = {t.folded: t for t in owners.values() if t.folded != owner.folded} if owner else {}
    if not rivals:
        return None
    named = set()
    for theirs in same:
        if not entails(theirs, mine):
            continue
        said = _clause_terms(theirs, pair)
        rival = [t.word for t in rivals.values() if covers(t, said)]
        if covers(owner, said) or not rival:
            return None
        named.update(rival)
    return " / ".join(sorted(named)) or None


def _party_of(quantity: Quantity, pair: Pair) -> QueryTerm | None:
    """The claim's name nearest before its figure, in the figure's clause ("Zelensky" for
    "62.8%" in "Zelensky received 62.8% and Poroshenko 34.48%")."""
    at = pair.claim.find(quantity.text)
    if at < 0:
        return None
    first, _ = clause_span(pair.claim, pair.claim_lang, at, at + len(quantity.text))
    tokens = words(pair.claim)
    before = [
        t
        for t in pair.terms
        if t.is_name and not t.framed and first <= tokens[t.position].start() < at
    ]
    return max(before, key=lambda t: t.position, default=None)


def _swapped(mine: Quantity, same: list[Quantity], pair: Pair) -> Quantity | None:
    """The figure the source gives the claim's own subject, when the claim gives it another
    party's: the subject (its opening names, or its first word) is in the clause of a figure
    that disagrees, while each agreeing figure's clause names someone else — "a Lion Air
    crash that killed 189", "le « non » l'emporte avec 61 %". Without that other name the
    sentence may be one clause badly cut, and nothing is concluded."""
    words_ = [t for t in pair.terms if not (t.is_number or t.is_time)]
    subject = subject_of(words_) or words_[:1]
    agreeing = [theirs for theirs in same if entails(theirs, mine)]
    if not subject or not agreeing or len(agreeing) == len(same):
        return None
    if any(q.role == "subset" for q in agreeing):
        return None  # "27,000 flights, 2,700 of them in the U.S.": the claim's is the part
    lexicon = load_lexicon()
    claimed = {t.folded for t in pair.terms}

    def said_in(quantity: Quantity) -> str:
        return _clause_of(quantity.text, pair)

    def names_another(clause: str) -> bool:
        named = inner_capitalised(clause) + re.findall(r"[«“\"]\s*(\w+)\s*[»”\"]", clause)
        return any(fold(name) not in claimed and not is_stopword(name) for name in named)

    def has_subject(clause: str) -> bool:
        said = sentence_terms(clause, pair.evidence_lang, lexicon)
        return all(covers(t, said) for t in subject)

    if any(has_subject(said_in(q)) or not names_another(said_in(q)) for q in agreeing):
        return None
    return next((q for q in same if q not in agreeing and has_subject(said_in(q))), None)


def _clause_of(figure: str, pair: Pair) -> str:
    """The clause of the evidence that holds ``figure`` (its number, not a decimal comma)."""
    at = pair.evidence.find(figure)
    if at < 0:
        return ""
    number = re.match(r"\S*\d[\d.,\s]*%?", figure)
    after = at + (number.end() if number else len(figure))
    return clause_around(pair.evidence, pair.evidence_lang, at, after)


def _clause_terms(quantity: Quantity, pair: Pair) -> SentenceTerms:
    """What the clause of the evidence that holds the figure says."""
    return sentence_terms(_clause_of(quantity.text, pair), pair.evidence_lang, load_lexicon())


def _same_magnitude(mine: Quantity, theirs: Quantity) -> bool:
    """Could the two figures be of one thing? A sum a hundred times another is of something
    else ("a levé 8 milliards de dollars" and "un prix de 45 dollars"). Percentages and
    ordinals are never so far."""
    return mine.kind in ("percent", "ordinal") or same_magnitude(mine.value, theirs.value)


def _same_thing(mine: Quantity, theirs: Quantity, pair: Pair) -> bool:
    """Percentages with percentages, money in one currency, counts of the same noun. A price
    ("$50 a share") and a sum said without its unit ("un prix de 45 dollars") are alike;
    their magnitudes (_same_magnitude) tell a price from a total."""
    if mine.kind.removesuffix(UNIT) != theirs.kind.removesuffix(UNIT):
        return False
    if (mine.role == "difference") != (theirs.role == "difference"):
        return False  # "25 points d'écart" is no score of 499 points
    if mine.kind not in ("count", "ordinal"):
        return True
    if mine.kind == "ordinal" and not (mine.counted and theirs.counted):
        return True  # "à la 25e" against "(23è)": a lone rank is of what the sentence ranks
    states = (
        _state(mine, pair.claim, pair.claim_lang),
        _state(theirs, pair.evidence, pair.evidence_lang),
    )
    if states == (DEAD, DEAD):  # "plus de 2 100 morts" and "killed at least 2,122 people"
        return True
    if all(states) and states[0] != states[1]:
        return False  # "300 people were injured" and "killed about 34 people": two counts
    if mine.counted and theirs.counted and fold(mine.counted) == fold(theirs.counted):
        return True  # "121 m" and "121 m", whatever the claim's terms keep of so short a word
    units = (unit_symbol(mine.counted or ""), unit_symbol(theirs.counted or ""))
    if any(units):  # "6,5 m" and "6.5 metres", "1 600 pieds" and "1600ft"; not km and miles
        return units[0] == units[1]
    if _another_group(mine, theirs):
        return False  # "three Labour MPs" and "118 Tory MPs"
    lexicon = load_lexicon()
    # what is counted, or the word right after it, on either side ("11 workers *missing*"
    # for "11 missing", "160 uniformed *firefighters*" for "160 sapeurs-pompiers")
    said = f"{theirs.counted or ''} {_word_after(theirs, pair.evidence, pair.evidence_lang)}"
    stated = sentence_terms(said, pair.evidence_lang, lexicon)
    return any(
        term is not None and covers(term, stated)
        for term in (
            _term_for(mine.counted or "", pair.terms),
            _term_for(_word_after(mine, pair.claim, pair.claim_lang), pair.terms)
            if mine.counted
            else None,
        )
    )


@lru_cache(maxsize=1024)
def counts_dead(text: str, lang: str) -> bool:
    """Does the text give a death toll, a count that grows as it is updated: a count of the
    dead, or a bare number given as the toll ("the death toll has risen to 48")?"""
    quantities = facts_of(text, lang).quantities
    if any(_state(q, text, lang) == DEAD for q in quantities):
        return True
    tolls = pack(lang).alternation("numbers", "toll_nouns")
    return any(q.kind == "number" for q in quantities) and bool(
        tolls and re.search(rf"(?<![\w-])(?:{tolls})(?![\w-])", text, re.IGNORECASE)
    )


def _state(quantity: Quantity, text: str, lang: str) -> str | None:
    """Does the figure count the dead (DEAD: "2 100 morts", "killed 2,122 people", "1 668
    personnes ont été tuées") or the hurt (HURT: "340 blessés", "300 people were injured")?
    A count of people is by the nearest such word of its clause within TOLL_REACH words
    ("killed 78 people, injured more than 4,000 people": 78 dead, 4,000 hurt)."""
    counted = (quantity.counted or "").casefold()
    numbers = pack(lang).data["numbers"]
    if counted in numbers["toll"]:
        return DEAD
    if counted in numbers["hurt"]:
        return HURT
    if counted not in numbers["toll_persons"]:
        return None
    if (at := text.find(quantity.text)) < 0:
        text = with_digits(text, lang)  # "Trente-deux personnes" is read as "32 personnes"
        if (at := text.find(quantity.text)) < 0:
            return None
    end = at + len(quantity.text)
    first, last = clause_span(text, lang, at, end)  # "32 tuées et 340 autres blessées"
    before = [w.group().casefold() for w in words(text[first:at])[-TOLL_REACH:]]
    after = [w.group().casefold() for w in words(text[end:last])[:TOLL_REACH]]
    by_distance = [w for two in zip_longest(reversed(before), after) for w in two if w]
    for word in by_distance:
        if word in numbers["toll_deaths"]:
            return DEAD
        if word in numbers["hurt"]:
            return HURT
    return None


def _word_after(quantity: Quantity, text: str, lang: str) -> str:
    """The word right after a figure's words in ``text``, if any."""
    following = _words_after(quantity, text, lang, 1)
    return following[0] if following else ""


def _words_after(quantity: Quantity, text: str, lang: str, count: int) -> list[str]:
    """Up to ``count`` words right after a figure's words in ``text``, where it writes them, in
    its clause: "120 km/h, peu avant minuit" has none."""
    at = span_of(quantity.text, text, lang)
    if at is None:
        return []
    return [w.group() for w in words(re.split(r"[,;:!?()\[\]]", text[at[1] :])[0])[:count]]


def _standalone(quantity: Quantity, text: str) -> bool:
    """Is the figure a number of its own, not a part of a time, a score or a range ("5:20",
    "6-3", "1969-1972", "19h50")?"""
    at = text.find(quantity.text)
    if at < 0:
        return False
    before, after = text[at - 1 : at], text[at + len(quantity.text) : at + len(quantity.text) + 1]
    return not re.match(r"[\w:/–-]", before) and not re.match(r"[\w:/–-]", after)


def _term_for(word: str, terms: tuple[QueryTerm, ...]) -> QueryTerm | None:
    """The claim's term for a counted word (terms are built from the claim as typed)."""
    folded = fold(word)
    return next((t for t in terms if t.folded == folded or folded.startswith(t.folded)), None)
