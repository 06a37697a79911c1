"""Quantities in text: numbers written in digits or words, with their scale, unit and bound.

"more than 40 %", "plus de 1 250 000 abonnés", "eleven people", "$2bn", "9,6 millions
d'installations" all become ``Quantity`` values that can be compared as intervals: a claim
of "more than 40 %" is consistent with 45 %, and "45 %" is not refuted by "more than 40 %".
Number words go through text2num; separators follow the text's own language (its pack says
which character groups thousands and which one marks decimals).
"""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass, replace
from difflib import SequenceMatcher
from functools import cache, lru_cache

from text_to_num import alpha2digit

from index.analysis import is_stopword, lemma_of
from index.dates import MONTHS, WEEKDAYS
from index.lang import Pack, languages, pack

# Characters before an hour where a word making it a time of day may stand ("d'ici 23 heures").
CLOCK_REACH = 16

# The years news dates events with ("en 2021", "in 1998"): read as dates, never as counts.
YEAR = r"1[89]\d\d|20\d\d"


def is_year(text: str) -> bool:
    """Is ``text`` a year written in digits?"""
    return re.fullmatch(YEAR, text) is not None


# Relative tolerance of an exact figure (rounding: "9.6 million" for 9,612,000) and of one
# given as approximate ("about 10 million", "près de 10 millions").
EXACT_TOLERANCE = 0.006
APPROX_TOLERANCE = 0.12
# How far an approximate figure of a source is read to stray, at most, when it is set against a
# claim's bound: "quelque 17.000 cellules" is more than 15,000, "almost $3.4m" more than $3
# million. A figure written to more digits strays less: by half its last digit.
APPROX_AGAINST_BOUND = 0.05
# Above this share of capitalised words a text is a headline in title case, where a capital
# before a number says nothing of a name.
TITLE_CASE = 0.6
# How far past its figure a bound stated by a source may reach ("more than 6 %": up to 9 %).
TIGHT_BOUND = 1.5
# How many points past its figure a claim's bound on a percentage may reach: "more than 45 %"
# is not what one says of 62 %, though 62 is under 45 × TIGHT_BOUND; "more than half" may be 61 %.
TIGHT_POINTS = 15.0


@dataclass(frozen=True)
class Quantity:
    """A number as stated: its value, what kind of thing it measures, and how it is bounded."""

    value: float
    # "percent" | "money:<ISO code>" | "count" or "ordinal" (with ``counted``) | "number" |
    # "rank" ("one of the 20 largest": bound "le", compared only with ranks) | "clock" (an
    # hour of the day, as the minute of the day: "20h", "8 p.m.")
    kind: str
    bound: str  # "eq" | "approx" | "gt" | "ge" | "lt" | "le"
    counted: str | None  # the word after the number ("abonnés", "installs"), if any
    text: str  # the words stated, for reasons shown to people
    # In "10 of the 11 charges", 10 is the "part" and 11 the "whole"; "all 11 charges" is
    # "all": a part that is the whole. In "27,000 flights, 2,700 of them in the U.S." (or
    # "dont 2 700"), 2,700 is a "subset": the count before it stays the event's own. In
    # "500-700 mètres", 500 is "from" and 700 "to": the ends of one span.
    role: str | None = None

    def interval(self, tight: bool = False) -> tuple[float, float]:
        """The values the statement allows (open bounds are closed by a hair). ``tight``
        reads a bound as news writes it: "more than 6 %" is not 12 %, or it would say so; "at
        least six dead" stays a floor, as a provisional toll is."""
        v = self.value
        # "at least six dead" is a floor: a toll that rises later is no contradiction of it
        if tight and self.bound == "gt":
            return v, v * TIGHT_BOUND
        if tight and self.bound in ("lt", "le"):
            return v / TIGHT_BOUND, v
        if self.bound == "eq":
            return v * (1 - EXACT_TOLERANCE), v * (1 + EXACT_TOLERANCE)
        if self.bound == "approx":
            return v * (1 - APPROX_TOLERANCE), v * (1 + APPROX_TOLERANCE)
        if self.bound == "gt":
            return v * (1 + 1e-9) + 1e-9, float("inf")
        if self.bound == "ge":
            return v, float("inf")
        if self.bound == "lt":
            return float("-inf"), v * (1 - 1e-9) - 1e-9
        return float("-inf"), v  # "le"


def _caps(evidence: Quantity, claim: Quantity) -> bool:
    """Do both state a maximum ("up to 5 %", "jusqu'à 10 %")? Then they state one figure, the
    cap, and two caps differ as two values do."""
    return evidence.bound == claim.bound == "le"


def compatible(evidence: Quantity, claim: Quantity) -> bool:
    """Can both statements be true of the same quantity? The evidence's bounds are read
    tight, as a reporter rounds ("more than 27,000 flights" is not 72,000). Ranks never
    exclude each other: one of the 20 largest may be one of the 10 largest."""
    if "rank" in (evidence.kind, claim.kind):
        return True
    if _caps(evidence, claim):
        return abs(evidence.value - claim.value) <= EXACT_TOLERANCE * max(abs(claim.value), 1e-9)
    low_a, high_a = evidence.interval(tight=True)
    low_b, high_b = claim.interval()
    return low_a <= high_b and low_b <= high_a


def entails(evidence: Quantity, claim: Quantity) -> bool:
    """Does the evidence's statement make the claim's true ("45 %" makes "more than 40 %")?"""
    if evidence.kind == "rank" or claim.kind == "rank":
        return evidence.kind == claim.kind and evidence.value <= claim.value
    if _caps(evidence, claim):
        return compatible(evidence, claim)
    if evidence.bound == "ge" and claim.bound in ("eq", "approx"):
        # "six morts" says what "au moins six morts" says: the toll as it stands
        return abs(evidence.value - claim.value) <= EXACT_TOLERANCE * max(claim.value, 1e-9)
    low_e, high_e = evidence.interval()
    if evidence.bound == "eq" and claim.bound in ("ge", "le"):
        # "133 morts" makes "au moins 133" true: a floor or a cap includes its own figure
        low_e = high_e = evidence.value
    if evidence.bound == "approx" and claim.bound in ("gt", "ge", "lt", "le"):
        stray = min(APPROX_AGAINST_BOUND, _last_digit(evidence.value))
        low_e = evidence.value * (1 - stray)
        high_e = evidence.value * (1 + stray)
    # A claim's bound is read as a reporter writes one, like a source's (``compatible``): "more
    # than 25 %" is not what one says of 95 %, so 95 % leaves it unsettled rather than true. A
    # bound the source gives is compared as a bound: "more than 1,600" makes "more than 1,500".
    low_c, high_c = claim.interval(tight=evidence.bound in ("eq", "approx"))
    if evidence.bound in ("eq", "approx") and claim.bound in ("gt", "ge"):
        # "at least 50 MPs" is no more what one says of 357 than "more than 50" is
        # (the source's figure rounded as exact ones are: "$150 million" for "more than 100")
        high_c = _reach(claim) * (1 + EXACT_TOLERANCE)
    if claim.bound in ("eq", "approx") and evidence.bound in ("eq", "approx"):
        return compatible(evidence, claim)
    bounds = {evidence.bound, claim.bound}
    if bounds <= {"gt", "ge"} or bounds <= {"lt", "le"}:
        # Two floors (or two ceilings) far apart are two statements of the figure, not one
        # implied by the other: whoever knows "at least 100" does not write "at least 50".
        ratio = max(evidence.value, claim.value) / max(min(evidence.value, claim.value), 1e-9)
        if ratio > TIGHT_BOUND:
            return False
    return low_c <= low_e and high_e <= high_c


def _last_digit(value: float) -> float:
    """Half the unit of a figure's last significant digit, relative to the figure: who writes
    "about $312 billion" rounds to the billion, so the figure is over $300 billion; "about $300
    billion" says nothing so precise."""
    whole, _, decimals = f"{abs(value):.6f}".rstrip("0").rstrip(".").partition(".")
    places = -len(decimals) if decimals else len(whole) - len(whole.rstrip("0"))
    return 0.5 * 10.0**places / abs(value) if value else 1.0


def _reach(claim: Quantity) -> float:
    """The highest figure a claim's floor is written of, read as a reporter rounds."""
    high = claim.value * TIGHT_BOUND
    return min(high, claim.value + TIGHT_POINTS) if claim.kind == "percent" else high


def with_digits(text: str, lang: str) -> str:
    """Number words written as digits ("onze" -> "11", "three million" -> "3000000"), the
    rest of the text unchanged; percent words first become "%" so they are not read as 100."""
    language = pack(lang)
    text = _fractions_as_percent(text, language)
    text = language.pattern("numbers", "percent").sub("%", text)
    # A scale word after digits ("9,6 millions") stays a word: text2num would read it alone.
    scales: list[str] = []

    def hide(match: re.Match[str]) -> str:
        scales.append(match.group(2))
        return f"{match.group(1)}SCALE{len(scales) - 1}Q"

    scale_words = _alternatives(tuple(language.data["numbers"]["scales"]), bounded=False)
    # "a 75-billion-dollar offer", "a $2-billion bid": the figure, its scale and currency
    text = _hyphenated_sum(lang).sub(lambda m: " " + m.group(1).replace("-", " "), text)
    text = re.sub(rf"(\d\s*)({scale_words})(?![\w-])", hide, text, flags=re.IGNORECASE)
    # A plural scale with no number before it ("short billions of dollars", "des milliards")
    # says "many", not one billion: it stays a word.
    vague = _alternatives(tuple(language.words("numbers", "vague")))
    if vague:
        text = re.sub(
            rf"(?<![\w-])((?:[^\W\d_][\w'’-]*\s+)?)({vague})(?![\w-])",
            lambda m: m.group() if m.group(1) and _is_cardinal_word(m.group(1), lang) else hide(m),
            text,
            flags=re.IGNORECASE,
        )
    # "a two-year contract": a number word joined to its unit is read as the number
    text = re.sub(
        r"(?<![\w-])([^\W\d_]+)-(?=[^\W\d_])",
        lambda m: f"{m.group(1)} " if _is_cardinal_word(m.group(1), lang) else m.group(),
        text,
    )
    # "200 cubic metres a second" is a rate, not a rank ("a second eruption" is one)
    per_second = _alternatives(tuple(language.words("numbers", "per_second")))
    if per_second:
        text = re.sub(
            rf"(?<![\w-])()({per_second})(?![\w-])(?![ \t]+[^\W\d_])",
            hide,
            text,
            flags=re.IGNORECASE,
        )
    # "un", "one" stay words; a language text2num lacks keeps its digits only
    with contextlib.suppress(ValueError, KeyError, IndexError):
        text = alpha2digit(text, lang, threshold=2)
    text = _units_joined(_count_words(_halves(_roman_ordinals(text, language), language), language))
    return re.sub(r"SCALE(\d+)Q", lambda m: scales[int(m.group(1))], text)


@cache
def _hyphenated_sum(lang: str) -> re.Pattern[str]:
    """The hyphens of "75-billion-dollar", "$2-billion": after a figure, before its scale and
    the scale's currency."""
    numbers = pack(lang).data["numbers"]
    scales = _alternatives(tuple(numbers["scales"]), bounded=False)
    currencies = _alternatives(tuple(numbers["currencies"]), bounded=False)
    return re.compile(
        rf"(?<=\d)-((?:{scales})(?![\w-])|(?:{scales})-(?=(?:{currencies})(?![\w-])))",
        re.IGNORECASE,
    )


# A Roman numeral up to 399, with at least two letters or one of I, V, X: "Le" and "Ce" are
# words, not 50 and 100 followed by an ordinal's "e".
_ROMAN = r"(?=[IVXLC]{2,}|[IVX])C{0,3}(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})"
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def _roman_ordinals(text: str, language: Pack) -> str:
    """Ordinals in Roman numerals ("le XIème arrondissement", "au XXe siècle") in digits ("11ème",
    "20e"), their suffix kept, as ordinals in digits are read."""
    pattern = _roman_pattern(language.code)
    return text if pattern is None else pattern.sub(_roman_in_digits, text)


@cache
def _roman_pattern(lang: str) -> re.Pattern[str] | None:
    """A Roman numeral and one of the language's ordinal suffixes; None when it lists none.
    Compiled once: ``with_digits`` reads every figure of every sentence."""
    suffixes = pack(lang).alternation("numbers", "ordinal_suffixes")
    return re.compile(rf"(?<![\w-])({_ROMAN})({suffixes})(?![\w-])") if suffixes else None


def _roman_in_digits(match: re.Match[str]) -> str:
    values = [_ROMAN_VALUES[letter] for letter in match.group(1)]
    after = [*values[1:], 0]  # a letter before a greater one is subtracted: "IX" is 9
    value = sum(-v if v < a else v for v, a in zip(values, after, strict=True))
    return f"{value}{match.group(2)}"


@lru_cache(maxsize=4096)
def span_of(fragment: str, text: str, lang: str) -> tuple[int, int] | None:
    """Where the words of a figure read from ``text`` stand in it: a quantity's words are
    those of ``with_digits(text)`` ("2 navires" of "deux navires"), which moves the offsets;
    the characters both texts share map them back. Cached: the quantity rule asks for the
    same figure once for each of the source's figures."""
    at = text.find(fragment)
    if at >= 0:
        return at, at + len(fragment)
    digits = with_digits(text, lang)
    at = digits.find(fragment)
    if at < 0:
        return None
    blocks = SequenceMatcher(None, digits, text, autojunk=False).get_opcodes()

    def moved(position: int, end: bool) -> int:
        for tag, i1, i2, j1, j2 in blocks:
            if i1 <= position < i2 or (end and position == i2):
                if tag == "equal":
                    return j1 + position - i1
                return j2 if end else j1
        return len(text)

    start, stop = moved(at, end=False), moved(at + len(fragment), end=True)
    return (start, stop) if start < stop else None


def _halves(text: str, language: Pack) -> str:
    """ "2 saisons et demie", "2 and a half years" -> "2,5 saisons", "2.5 years": the half
    belongs to the figure, so that both read as the same span."""
    half = language.alternation("numbers", "half")
    if not half:
        return text
    return re.sub(
        rf"(?<![\d.,])(\d+)((?:\s+[^\W\d_]+)?)\s+(?:{half})(?![\w-])",
        lambda m: f"{m.group(1)}{language.data['numbers']['decimal']}5{m.group(2)}",
        text,
        flags=re.IGNORECASE,
    )


def _count_words(text: str, language: Pack) -> str:
    """Words for a number of things ("une centaine de", "a dozen") written as the approximate
    figure they say, with the word that joins them to the thing counted ("de", "d'", "of"):
    "Une centaine de pompiers" is "~100 pompiers", "une trentaine d'expéditions" "~30
    expéditions". After a figure they multiply it ("two dozen", "deux douzaines": ~24); after
    a bound ("more than a dozen", "plus d'une vingtaine") the bound is the figure's, so it
    is written without the "~" that would take its place."""
    patterns = _count_patterns(language.code)
    if patterns is None:
        return text
    multiplied, counted, counts = patterns
    nouns = count_nouns(language.code)
    bounded = _bound_ends(language.code)

    def figure(match: re.Match[str], value: float) -> str:
        exact = bounded.search(match.string, 0, match.start()) is not None
        return f"{'' if exact else '~'}{value:g} "

    text = multiplied.sub(lambda m: figure(m, int(m.group(1)) * nouns[m.group(2).casefold()]), text)
    return counted.sub(lambda m: figure(m, counts[m.group(1).casefold()]), text)


@cache
def _count_patterns(
    lang: str,
) -> tuple[re.Pattern[str], re.Pattern[str], dict[str, float]] | None:
    """A figure times a count noun ("deux douzaines de"), and a count word alone ("une
    centaine de"), each with the word joining it to what it counts, and the count words'
    values: built once per language, since every figure of every sentence goes through them."""
    numbers = pack(lang).data["numbers"]
    if not numbers["counts"]:
        return None
    of = _alternatives(tuple(numbers["count_of"]))
    joined = rf"\s*(?:(?:{of})(?:\s+|(?<=['’])))?"
    nouns = _alternatives(tuple(count_nouns(lang)))
    counts = _alternatives(tuple(k.casefold() for k in numbers["counts"]))
    return (
        re.compile(rf"(?<![\d.,])(\d+)\s+({nouns})s?(?![\w-]){joined}", re.IGNORECASE),
        re.compile(rf"({counts})(?![\w-])(?!\s+(?:(?:{of})\s+)?\d){joined}", re.IGNORECASE),
        {k.casefold(): v for k, v in numbers["counts"].items()},
    )


@cache
def count_nouns(lang: str) -> dict[str, float]:
    """The nouns of the words for a number of things, with what one of them counts
    ("douzaine": 12, "dozen": 12), scales apart ("two million" is no approximate count)."""
    numbers = pack(lang).data["numbers"]
    nouns: dict[str, float] = {}
    # the shortest phrase says what one noun counts: "a dozen", not "half a dozen"
    for phrase, value in sorted(numbers["counts"].items(), key=lambda kv: len(kv[0]), reverse=True):
        nouns[phrase.split()[-1].casefold()] = value
    return {n: v for n, v in nouns.items() if n not in numbers["scales"]}


@cache
def _bound_ends(lang: str) -> re.Pattern[str]:
    """A bound other than "about" ending the text before a figure ("plus d'", "more than ")."""
    language = pack(lang)
    kinds = [k for k in BOUNDS if k != "approx"]
    phrases = tuple(p for k in kinds for p in language.words("numbers", "bounds", k))
    return re.compile(rf"(?:{_alternatives(phrases)})\s*['’]?\s*\Z", re.IGNORECASE)


def _is_cardinal_word(word: str, lang: str) -> bool:
    """Is ``word`` a number written in letters ("two", "trois"), not an ordinal ("first")?"""
    with contextlib.suppress(ValueError, KeyError, IndexError):
        return alpha2digit(word.strip(), lang, threshold=0).isdigit()
    return False


def _fractions_as_percent(text: str, language: Pack) -> str:
    """ "la moitié des sénateurs" -> "la 50 % des sénateurs", "two-thirds of the vote" ->
    "66.67 % of the vote": a fraction that counts something is a share of it. Only before
    what it counts ("of", "des"): "half an hour", "the first half" stay words."""
    numbers = language.data["numbers"]
    fractions = numbers.get("fractions", {})
    if not fractions:
        return text
    after = _alternatives(tuple(numbers["fraction_after"]))
    pattern = re.compile(
        rf"(?<![\w-])({_alternatives(tuple(fractions), bounded=False)})(?=\s+(?:{after}))", re.I
    )

    def share(match: re.Match[str]) -> str:
        value = f"{fractions[match.group(1).casefold()]:g}".replace(".", numbers["decimal"])
        return f"{value} %"

    return pattern.sub(share, text)


@cache
def _quantity_pattern(lang: str) -> re.Pattern[str]:
    language = pack(lang)
    numbers = language.data["numbers"]
    group = re.escape(numbers["group"])
    if numbers["group"] == " ":
        group = r"[ \u00a0\u202f.]"
    decimal = re.escape(numbers["decimal"])
    digits = rf"\d{{1,3}}(?:(?:{group}|['’])\d{{3}})+(?:{decimal}\d+)?|\d+(?:[.,]\d+)?"
    bounds = bound_groups(lang)
    currencies = _alternatives(tuple(numbers["currencies"]))
    # A one-letter scale ("$2m", "50k") is written against its figure: "121 m" is metres.
    scales = _alternatives(tuple(s for s in numbers["scales"] if len(s) > 1), bounded=False)
    letters = _alternatives(tuple(s for s in numbers["scales"] if len(s) == 1), bounded=False)
    measures = _alternatives(tuple(numbers.get("measures", ())), bounded=False) or "(?!)"
    # ... or a capital apart from it: "2,5 M€"
    capitals = "".join(s.upper() for s in numbers["scales"] if len(s) == 1)
    determiners = _alternatives(
        tuple(d for d in language.words("hedge", "determiners") if d[-1].isalpha())
        + tuple(p for p in numbers["partitive"] if " " not in p)  # "3 sur 4": no thing counted
    )
    whole = _alternatives(tuple(numbers["whole"]))
    articles = _alternatives(tuple(numbers.get("bound_articles", ()))) or "(?!)"
    ordinal = "|".join(sorted(map(re.escape, numbers["ordinal_suffixes"]), key=len, reverse=True))
    return re.compile(
        rf"(?:(?:{bounds})(?:['’]|\s*)(?:(?:{articles})\s*)?)?"
        rf"(?:(?P<whole>{whole})\s+)?"
        rf"(?:(?P<cur_before>{currencies})\s*)?"
        rf"(?P<number>{digits})"
        rf"(?:(?P<ordinal>{ordinal})(?![\w-]))?"
        rf"(?:(?:\s*(?P<scale>{scales})|(?P<letter_scale>{letters})"
        rf"|\s(?P<capital_scale>(?-i:[{capitals}])))(?![\w-]))?"
        rf"(?:\s*(?P<percent>%))?"
        rf"(?:\s*(?P<cur_after>{currencies})(?![\w-]))?"
        rf"(?:\s+(?:(?:of|de|des)\s+|d['’])?(?:(?:{determiners})\s+)?(?:[A-Z][\w-]*['’]s?\s+)?(?:\d{{4}}\s+)?(?!(?:{determiners})(?![\w’'-]))(?P<counted>(?:{measures})(?![\w’'-])|[^\W\d_][\w’'-]{{2,}}))?",
        re.IGNORECASE,
    )


BOUNDS = ("gt", "ge", "lt", "le", "approx")
# The groups of the quantity pattern that write the figure itself, before what it counts.
_FIGURE_GROUPS = ("number", "ordinal", "scale", "letter_scale", "capital_scale", "percent")


def bound_groups(lang: str) -> str:
    """A regex with one named group per kind of bound ("more than" -> ``gt``)."""
    language = pack(lang)
    return "|".join(
        rf"(?P<{kind}>{_alternatives(language.words('numbers', 'bounds', kind))})"
        for kind in BOUNDS
    )


@cache
def _bound_before_figure(lang: str) -> re.Pattern[str]:
    numbers = pack(lang).data["numbers"]
    articles = _alternatives(tuple(numbers.get("bound_articles", ()))) or "(?!)"
    return re.compile(rf"(?:{bound_groups(lang)})(?=(?:['’]|\s*)(?:(?:{articles})\s*)?\d)", re.I)


@lru_cache(maxsize=4096)
def bound_spans(text: str, lang: str) -> tuple[tuple[int, int], ...]:
    """Where ``text`` bounds a figure ("*fewer than* 100", "*plus de* 400", "*more than* six"):
    words that belong to the quantity, not to what the text is about."""
    digits = with_digits(text, lang)
    found = [m.group() for m in _bound_before_figure(lang).finditer(digits)]
    # Number words were rewritten as digits, bound words were not: the n-th bound found in
    # the rewritten text is the n-th occurrence of its words in the original.
    spans, start = [], 0
    for phrase in found:
        at = text.find(phrase, start)
        if at < 0:
            break
        spans.append((at, at + len(phrase)))
        start = at + len(phrase)
    return tuple(spans)


def bound_of(match: re.Match[str]) -> str:
    """The kind of bound a match of ``bound_groups`` found, or "eq" for none."""
    return next((kind for kind in BOUNDS if match.group(kind)), "eq")


def _alternatives(phrases: tuple[str, ...], bounded: bool = True) -> str:
    """Regex alternatives, longest first; ``bounded`` ones must not follow a letter or digit."""
    ordered = sorted(phrases, key=len, reverse=True)
    escaped = (re.escape(p).replace(r"\ ", r"\s+") for p in ordered)
    return "|".join(rf"(?<![\w-]){p}" if bounded and p[:1].isalnum() else p for p in escaped)


def parse_number(raw: str, lang: str) -> float:
    """A numeral as its language writes it: "1 250 000" and "9,6" in French, "1,250,000" and
    "9.6" in English. A lone comma or dot with three digits after it groups thousands."""
    numbers = pack(lang).data["numbers"]
    # spaces of either kind and the Swiss apostrophe ("25'000") group thousands in any locale
    compact = re.sub(r"[ \u00a0\u202f]|(?<=\d)['’](?=\d{3})", "", raw)
    decimal = numbers["decimal"]
    group = "," if decimal == "." else "."
    if re.fullmatch(
        rf"\d{{1,3}}(?:{re.escape(group)}\d{{3}})+(?:{re.escape(decimal)}\d+)?", compact
    ):
        compact = compact.replace(group, "")
    return float(compact.replace(",", "."))


def quantities(text: str, lang: str, skip: list[tuple[int, int]] = ()) -> list[Quantity]:
    """Every quantity ``text`` states, outside the character spans in ``skip`` (its dates)."""
    language = pack(lang)
    digits = with_digits(text, lang)
    if digits != text:
        skip = ()  # offsets moved; dates are found again on the rewritten text by the caller
    found: list[tuple[re.Match[str], Quantity]] = []
    for match in _quantity_pattern(lang).finditer(digits):
        start = match.start("number")
        if any(s <= start < e for s, e in skip):
            continue
        if any(
            q.kind == "clock" and m.start() <= start < m.start() + len(q.text) for m, q in found
        ):
            continue  # the minutes of "15 heures 30"
        quantity = _quantity(match, lang, language)
        if quantity is not None:
            found.append((match, quantity))
    found = _spans(_listed(found, digits, lang, language), digits, lang, language)
    counted = _with_antecedents(found, digits, language, _with_parts(found, digits, language))
    return [_unnamed(q, language) for q in counted]


def _spans(
    found: list[tuple[re.Match[str], Quantity]], text: str, lang: str, language: Pack
) -> list[tuple[re.Match[str], Quantity]]:
    """ "500-700 mètres", "from 14.8 to 15.2 percent", "entre 50 et 60 millions": the two ends
    of one span of values, marked "from" and "to" (``Quantity.role``). A value inside the span
    is not denied by either end. A bare first end is of the second's scale and kind ($50
    million), as "between $50 million and $60 million" writes."""
    join = language.pattern("numbers", "range_join")
    bare_join = language.pattern("numbers", "range_bare_join")
    result = list(found)
    for i in range(len(result) - 1):
        (first, low), (second, high) = result[i], result[i + 1]
        if low.role or high.role:
            continue
        between = text[_figure_end(first) : second.start()].strip()
        opened = _opens_range(text[: first.start()], language)
        if not (
            between in ("-", "–")
            or bare_join.fullmatch(between)
            or (opened and join.fullmatch(between))
        ):
            continue
        # "50 and": a count of a function word is a bare figure
        bare = low.kind == "number" or (low.counted is not None and is_stopword(low.counted))
        if bare and high.kind != "number" and (taken := _of_second(low, high, lang)) is not None:
            result[i] = (first, low := taken)
        if (
            low.kind in ("number", "clock")  # "6-3", "14h-16h": a score, hours
            or (low.kind, low.counted) != (high.kind, high.counted)
            or not low.value < high.value
        ):
            continue
        result[i] = (first, replace(low, role="from"))
        result[i + 1] = (second, replace(high, role="to"))
    return result


def _opens_range(before: str, language: Pack) -> bool:
    """Does the text before a figure end with a word that opens a range ("entre", "between")?"""
    opening = language.alternation("numbers", "range_open")
    return bool(opening) and re.search(rf"(?:{opening})\s*$", before, re.I) is not None


def _of_second(low: Quantity, high: Quantity, lang: str) -> Quantity | None:
    """The first figure of "50 et 60 millions de dollars" in the second's scale, kind and
    noun; None when so scaled it passes the second, which a range or a list does not."""
    figure = re.match(r"\D*(\d[\d\s.,]*\d|\d)", high.text)
    written = parse_number(figure.group(1), lang) if figure else 0.0
    scale = high.value / written if written else 1.0  # "0-1", a figure without digits
    if low.value * scale > high.value:
        return None
    return replace(low, value=low.value * scale, kind=high.kind, counted=high.counted)


def _listed(
    found: list[tuple[re.Match[str], Quantity]], text: str, lang: str, language: Pack
) -> list[tuple[re.Match[str], Quantity]]:
    """ "aux 24e et 26e minutes", "three or four goals": figures listed before one noun all
    count it. A bare figure right before a list word and a figure of its kind that names what
    it counts takes that noun: otherwise "24e" is a rank of anything, and another's "16e but"
    denies it. A year is not listed ("en 2014 et 15 morts"), nor a range's first figure."""
    join = language.pattern("numbers", "list_join")
    result = list(found)
    for i in range(len(found) - 2, -1, -1):
        (first, low), (second, high) = found[i], result[i + 1]
        bare = low.counted is None or is_stopword(low.counted)  # "24th and"
        if not bare or high.counted is None or is_year(low.text):
            continue
        if (low.kind, high.kind) not in (("ordinal", "ordinal"), ("number", "count")):
            continue
        between = text[_figure_end(first) : second.start()].strip()
        if between != "," and join.fullmatch(between) is None:
            continue
        if _opens_range(text[: first.start()], language):
            continue  # "entre 50 et 60 millions": a range, ``_spans`` reads it
        if (taken := _of_second(low, high, lang)) is not None:
            result[i] = (first, taken)
    return result


def _unnamed(quantity: Quantity, language: Pack) -> Quantity:
    """A count whose word after the figure is a function word ("25 were on life support",
    "six qui y étaient favorables") counts nothing it names: a bare number. "340 autres"
    keeps its word, which ``_with_antecedents`` could not resolve."""
    counted = quantity.counted or ""
    others = {w.casefold() for w in language.words("numbers", "others")}
    if (
        quantity.kind != "count"
        or not is_stopword(counted)
        or counted in others
        or unit_symbol(counted)  # "121 m"
    ):
        return quantity
    return replace(quantity, kind="number", counted=None)


def _with_parts(
    found: list[tuple[re.Match[str], Quantity]], text: str, language: Pack
) -> list[Quantity]:
    """ "10 of the 11 charges": the first number counts the second one's thing, as a part of it."""
    between = language.pattern("numbers", "partitive")
    result = [q for _, q in found]
    for i in range(len(found) - 1):
        (first, part), (second, whole) = found[i], found[i + 1]
        gap = text[first.end() : second.start()].strip()
        if whole.kind != "count" or part.kind not in ("number", "count") or not gap:
            continue
        if between.fullmatch(gap) is None or part.value > whole.value:
            continue
        stated = f"{part.text} {gap} {whole.text}"
        result[i] = replace(part, kind="count", counted=whole.counted, text=stated, role="part")
        result[i + 1] = replace(whole, role="whole")
    return result


def _with_antecedents(
    found: list[tuple[re.Match[str], Quantity]], text: str, language: Pack, result: list[Quantity]
) -> list[Quantity]:
    """A number that counts what the count before it counts: a part of it ("27,000 flights
    were delayed, 2,700 of them in the U.S.", "9,6 millions d'installations, dont 7,8 millions
    aux États-Unis") or more of it ("32 personnes tuées et 340 autres blessées")."""
    of_them = language.pattern("numbers", "of_them")
    including = language.alternation("numbers", "including")
    others = {w.casefold() for w in language.words("numbers", "others")}
    for i in range(1, len(found)):
        match, this = found[i][0], result[i]
        if this.role or this.kind not in ("number", "count"):
            continue
        counted = (this.counted or "").casefold()
        unnamed = this.kind == "number" or counted in others or is_stopword(counted)
        part = of_them.match(text, _skip_spaces(text, _figure_end(match))) is not None or (
            unnamed
            and bool(including)
            and re.search(rf"\b(?:{including})\s*$", text[: match.start()], re.I) is not None
        )
        if not part and counted not in others:
            continue
        whole = next(
            (
                q
                for q in reversed(result[:i])
                if q.kind == "count"
                and q.counted
                and q.counted not in others
                and (not part or (q.role not in ("part", "subset") and q.value > this.value))
            ),
            None,
        )
        if whole is not None:
            result[i] = replace(
                this, kind="count", counted=whole.counted, role="subset" if part else None
            )
    return result


def _figure_end(match: re.Match[str]) -> int:
    """Where the figure of a quantity match ends, before the word it counts."""
    return max(match.end(g) for g in _FIGURE_GROUPS if match.group(g))


def _skip_spaces(text: str, at: int) -> int:
    while at < len(text) and text[at].isspace():
        at += 1
    return at


def _quantity(match: re.Match[str], lang: str, language: Pack) -> Quantity | None:
    numbers = language.data["numbers"]
    raw = match.group("number")
    if _names_part(match):
        return None
    if re.search(r"\d[:hH]$", match.string[: match.start("number")]):
        return None  # the minutes of an hour ("6:30", "19h06")
    if (clock := _clock_time(match, language)) is not None:
        return Quantity(clock[0], "clock", bound_of(match), None, clock[1])
    if (hour := _hour_word(match, language)) is not None:
        return Quantity(hour[0], "clock", bound_of(match), None, hour[1])
    try:
        value = parse_number(raw, lang)
    except ValueError:
        return None
    scale = match.group("scale") or match.group("letter_scale") or match.group("capital_scale")
    if scale:
        value *= numbers["scales"][scale.casefold()]
    bound = bound_of(match)
    counted = match.group("counted")
    if counted and not scale and _is_month(counted):
        return None  # "6 janvier": a date, which dates.py reads in its own language
    currency = match.group("cur_before") or match.group("cur_after")
    if not currency and counted and counted.casefold() in numbers["currencies"]:
        currency = counted  # "2,5 milliards d'euros"
    if counted and match.group("ordinal") and _superlative(counted, lang, numbers):
        # "the third youngest", "le troisième plus jeune": a rank, not the third of anything
        # the sentence counts ("a second major")
        return Quantity(value, "rank", "eq", None, match.group())
    if counted and _ranks(match, counted, lang, language):
        # "one of the 20 largest banks": 20th or better, which "the 10 largest" is too
        return Quantity(value, "rank", "le", None, match.group())
    if match.group("ordinal"):
        kind = "ordinal"  # "le 3e homme", or a lone "(23è)", a minute or a rank
    elif match.group("percent"):
        kind, counted = "percent", None
    elif currency:
        kind = f"money:{numbers['currencies'][currency.casefold()]}"
        if _per_unit(match, language, currency_counted=counted == currency):
            kind, counted = f"{kind}/unit", None  # "$122 a share": a price, not a total
        elif counted and counted.casefold() in numbers["currencies"]:
            counted = None  # "2,5 milliards d'euros"
    elif counted and counted.casefold() in numbers["times"]:
        # "installed 19.6 million times": a count of what the verb before it says, past the
        # words between ("prononcée que quatre fois", "prononcée qu'à quatre reprises")
        before = [
            w
            for w in re.findall(r"[^\W\d_][\w-]{2,}", match.string[: match.start()])
            if not is_stopword(w)
        ]
        kind, counted = ("count", before[-1]) if before else ("number", None)
    elif counted and (
        counted in numbers.get("measures", ()) or not _is_unit_word(counted, language)
    ):
        kind = "count"  # "40 abonnés", "121 m": a count of a thing or a measure
    else:
        kind, counted = "number", None
    if not scale and is_year(raw) and (kind == "number" or (counted or "")[:1].isupper()):
        return None  # "en 2021", "2021 Parler…": a year, which dates.py reads
    role = "all" if match.group("whole") and kind == "count" else None
    gap = language.alternation("numbers", "difference")
    after = match.string[match.end() :]
    if kind == "count" and gap and re.match(rf"\s*(?:{gap})(?![\w-])", after, re.IGNORECASE):
        role = "difference"  # "25 points d'écart", "3 seats ahead": a gap, not a total
    counted = counted.casefold() if counted else None
    return Quantity(value, kind, bound, counted, match.group(), role)


def _names_part(match: re.Match[str]) -> bool:
    """Is the number part of a name ("Chandrayaan-3", "Luna-25", "Artemis 1 mission", "Boeing
    737 jets", "G20"): written against a word or after its hyphen, or in digits alone right
    after a capitalised word inside the sentence, with no bound, unit or scale? Not a date
    ("March 3") nor a score ("Croatia 4-2")."""
    if match.start() != match.start("number"):
        return False  # a bound, a currency or "all" before it: a figure
    text, at = match.string, match.start("number")
    if re.search(r"[^\W\d_]-?$", text[:at]):
        return True
    if any(match.group(g) for g in ("ordinal", "scale", "letter_scale", "percent", "cur_after")):
        return False
    before = re.search(r"(?:^|[^\w’'-])([^\W\d_][\w’'-]*) $", text[:at])
    if before is None or not before.group(1)[:1].isupper() or is_stopword(before.group(1)):
        return False
    opening = text[: before.start(1)].rstrip()
    if not opening or opening[-1] in '.!?:;«“"(—–':
        return False  # the sentence's first word: "Trois", "Eleven" read as digits
    long_words = re.findall(r"[^\W\d_]{4,}", text)
    if sum(w[0].isupper() for w in long_words) > TITLE_CASE * len(long_words):
        return False  # a headline in title case: "Oil Rig Explosion Leaves 11 Missing"
    if before.group(1).casefold() in MONTHS or before.group(1).casefold() in WEEKDAYS:
        return False  # "March 3", "Sunday 6": a date
    if (match.group("counted") or "").casefold() in _units():
        return False  # "Augusto Pinochet 41 years ago", "Paris 2 km": a measure
    after = text[match.end("number") :]
    return match.group("number").isdigit() and not re.match(r"\s*[-–:/]\s*\d", after)


def _clock_time(match: re.Match[str], language: Pack) -> tuple[float, str] | None:
    """The minute of the day the figure names, and its words, if it is an hour ("19h06",
    "20h", "6:30 p.m.", "12.30pm"): it says when, not how many, and is compared only with
    hours."""
    after = match.string[match.end("number") :]
    raw = match.group("number")
    zones = language.alternation("durations", "time_zones")
    zoned = re.match(rf"\s?(?:{zones})\b", after) if zones else None
    if zoned and re.fullmatch(r"[0-2]\d[0-5]\d", raw):
        # "1900 GMT", "0647 GMT": hours and minutes written together, then the time zone
        return _minute_of_day(int(raw[:2]), int(raw[2:]), match, zoned.end())
    # "19h06", "20h", "19 h 30", "18 h", "6:30 p.m."
    found = re.match(
        r"(?:[hH](\d{2})?(?!\w)|\s[hH]\s(\d{2})(?!\d)|\s[hH](?![\w’'])|:(\d{2}))?"
        r"(?:\s?(?i:([ap])\.?m)\b\.?)?",  # "p.m.", "PM": written either case
        after,
    )
    if not found.group() or not re.fullmatch(r"\d{1,2}(?:[.:]\d{2})?", raw):
        return None
    hours, _, minutes = raw.replace(":", ".").partition(".")
    hour = int(hours)
    minute = int(minutes or found.group(1) or found.group(2) or found.group(3) or 0)
    half = (found.group(4) or "").casefold()
    if half == "p" and hour < 12:
        hour += 12
    elif half == "a" and hour == 12:
        hour = 0
    return _minute_of_day(hour, minute, match, found.end())


def _minute_of_day(
    hour: int, minute: int, match: re.Match[str], after: int
) -> tuple[float, str] | None:
    """The minute of the day and the words that state it, ``after`` characters past the
    figure; None for what no clock shows ("24h", "48h": hours counted)."""
    if hour >= 24 or minute > 59:
        return None
    return float(hour * 60 + minute), match.string[match.start() : match.end("number") + after]


def _hour_word(match: re.Match[str], language: Pack) -> tuple[float, str] | None:
    """The minute of the day of an hour written with the word for hours ("peu après 14
    heures", "à 17 heures 30"), and its words."""
    counted = match.group("counted") or ""
    raw = match.group("number")
    if not raw.isdigit() or not is_clock_hour(
        match.string, match.start("number"), match.end(), counted, float(raw), language
    ):
        return None
    minutes = re.match(r"\s+(\d{2})(?!\d)", match.string[match.end() :])
    end = match.end() + (minutes.end() if minutes else 0)
    minute = int(minutes.group(1)) if minutes else 0
    return float(int(raw) * 60 + minute), match.string[match.start() : end]


def is_clock_hour(
    text: str, start: int, end: int, unit_word: str, value: float, language: Pack
) -> bool:
    """Is "N hours" at ``start``-``end`` an hour of the clock ("à 17 heures", "peu après 14
    heures", "d'ici 23 heures"), a point in time, not a span? Only after a word that sets a
    time or before a time zone ("17 heures, heure de Paris"), and not when it measures
    something ("après 15 heures de négociations": a span)."""
    units = language.data["durations"]["units"]
    before = language.alternation("durations", "clock_before")
    if not before or units.get(unit_word.casefold()) != "hour" or value > 24:
        return False
    after = language.alternation("durations", "clock_after")
    if after and re.match(rf"\W*(?:{after})(?![\w’'])", text[end:], re.IGNORECASE):
        return True  # "(17 heures, heure de Paris)": the time zone makes it an hour
    not_after = language.alternation("durations", "clock_not_after")
    if not_after and re.match(rf"\s*(?:{not_after})(?![\w’'])", text[end:], re.IGNORECASE):
        return False
    return bool(
        re.search(
            rf"(?<![\w-])(?:{before})\s*$", text[max(0, start - CLOCK_REACH) : start], re.IGNORECASE
        )
    )


@cache
def _units() -> frozenset[str]:
    """Words a figure measures in, in any language (a text may be read as another's): units
    of time and of measure."""
    return measure_units() | frozenset(
        w.casefold() for code in languages() for w in pack(code).data["durations"]["units"]
    )


@cache
def _unit_symbols() -> dict[str, str]:
    """Every language's units of measure, as symbols or words, -> the symbol they are
    written with ("kilomètres", "kilometers", "km" -> "km")."""
    symbols: dict[str, str] = {}
    for code in languages():
        numbers = pack(code).data["numbers"]
        symbols.update({m.casefold(): m.casefold() for m in numbers.get("measures", ())})
        symbols.update({w.casefold(): u for w, u in numbers.get("unit_words", {}).items()})
    return symbols


def unit_symbol(word: str) -> str | None:
    """The symbol of a unit of measure, in any language ("pieds", "feet", "ft" -> "ft")."""
    return _unit_symbols().get(word.casefold())


@cache
def measure_units() -> frozenset[str]:
    """Units of measure in every language, as symbols and words."""
    return frozenset(_unit_symbols())


@cache
def _joined_unit() -> re.Pattern[str]:
    """A figure with a unit of two letters or more written against it or by a hyphen."""
    units = _alternatives(tuple(u for u in measure_units() if len(u) > 1), bounded=False)
    return re.compile(rf"(\d)-?((?:{units})(?![\w’'-]))", re.IGNORECASE)


def _units_joined(text: str) -> str:
    """A figure and its unit written together, apart: "1600ft" is "1600 ft", "a
    1,340-kilometer border" "a 1,340 kilometer border", "a 50m-high section" "a 50 m high
    section" (otherwise a one-letter symbol stays joined: "$2m" is two million)."""
    text = _joined_unit().sub(r"\1 \2", text)
    return re.sub(r"(\d)(m|t|g)-(?=[^\W\d_])", r"\1 \2 ", text)  # "a 50m-high section"


def _ranks(match: re.Match[str], counted: str, lang: str, language: Pack) -> bool:
    """Is the figure a rank bound: after "the"/"les" and before a superlative ("the 20
    largest", "des 20 plus grandes")?"""
    numbers = language.data["numbers"]
    before = match.string[: match.start()].rstrip().casefold()
    if not before.endswith(tuple(f" {w}" for w in numbers.get("rank_before", ()))) and not any(
        before == w for w in numbers.get("rank_before", ())
    ):
        return False
    return _superlative(counted, lang, numbers)


def _superlative(word: str, lang: str, numbers: dict) -> bool:
    """Is ``word`` a superlative, or the word that makes one ("largest", "plus", "most")?"""
    word = word.casefold()
    if word in numbers.get("rank_words", ()):
        return True
    return any(
        word.endswith(suffix) and lemma_of(word, lang) != word
        for suffix in numbers.get("rank_suffixes", ())
    )


def _per_unit(match: re.Match[str], language: Pack, currency_counted: bool = False) -> bool:
    """Is the sum of ``match`` a price per unit ("$122 a share", "128 dollars US par action",
    "$2bn a year", "2 milliards de dollars par an")? ``currency_counted``: the currency was
    read as the thing counted ("de dollars"), so the sum ends after it."""
    groups = ["number", "scale", "percent", "cur_after"]
    words = language.words("numbers", "per")
    if currency_counted:
        # an elided article after the currency is a date's more often than a unit's: "44
        # milliards de dollars l'année dernière"
        groups.append("counted")
        words = tuple(w for w in words if not w.endswith(("'", "’")))
    ends = [match.end(g) for g in groups if match.group(g)]
    after = match.string[max(ends) :]
    per = _alternatives(words, bounded=False)
    return re.match(rf"\s*(?:[A-Z]{{2,3}}\s+)?(?:{per})\s*[^\W\d_]{{2,}}", after) is not None


def _is_unit_word(word: str, language: Pack) -> bool:
    lowered = word.casefold()
    return (
        lowered in language.data["durations"]["units"]
        or lowered in language.data["numbers"]["scales"]
        or lowered in language.months
    )


def _is_month(word: str) -> bool:
    """A month of any language: quotes are read in every language, and "le 6 janvier" read
    as English is still a day of a month, not a figure."""
    return any(word.casefold() in pack(code).months for code in languages())
