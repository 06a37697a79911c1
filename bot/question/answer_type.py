"""The kind of answer a question asks for, and whether a text holds one.

A "who" question is answered by a name the question does not already give, "how many" by a
number (or none), "how much did it cost" by a sum of money, "how old" by an age, "when" by a
date, "where" by a place after a preposition of place. Used twice: to rank the sentences that
could answer (bot/retrieve) and to refuse evidence without such an answer
(bot/judge/answerable.py).
"""

from __future__ import annotations

import re

from bot.question.query import Query
from bot.question.terms import QueryTerm, covers, sentence_terms
from index.analysis import content_terms, dateline_end, is_stopword, lemma_of, words
from index.facts import facts_of
from index.facts.numbers import measure_units
from index.lang import languages, pack, words_of_every_language
from index.lexicon import load_lexicon

_TIME = re.compile(
    r"\b(?:hier|aujourd['’]hui|demain|week-end|semaine|mois|année|il y a|depuis|yesterday|today"
    r"|tomorrow|weekend|week|month|year|ago|since)\b",
    re.IGNORECASE,
)
# A name after a preposition of place: "à Washington", "devant la cour de l'Etat de Washington",
# "à son domicile de Cheltenham", "in a New York hotel", "outside Downing Street".
_PLACE = re.compile(
    r"\b(?:à|au|aux|en|dans|devant|vers|près de|in|at|near|from|to|into|onto|outside|inside)"
    r"\s+(?:(?:la|le|les|l['’]|un|une|son|sa|ses|leur|the|a|an|his|her|its|their)\s*)?"
    r"(?:\w+\s+(?:de|d['’]|of)\s*(?:la\s+|l['’]|the\s+)?)?"
    r"([A-ZÀ-Ý][\w’'-]+)"
)
# Someone's age: "48 ans", "the 39-year-old" (or "39 year-old"), "aged 74", "at age 13",
# "Winterkorn, 68,".
_AGE = re.compile(
    r"\b\d{1,3}(?:\s+ans\b|[\s-]years?[\s-]old)|\b(?:aged?|âgée?s?\s+de)\s+\d{1,3}\b"
    r"|[A-ZÀ-Ý][\w’'-]+,\s+\d{1,3},",
    re.IGNORECASE,
)
# A count of zero: "aucun appareil n'est enregistré", "none of them".
_NONE = re.compile(
    r"\b(?:aucun|aucune|zéro|none|zero|not a single|pas un seul|pas une seule)\b", re.I
)
_NAME = re.compile(r"\b[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)*")
_HONORIFIC = re.compile(r"(?:M|Mme|Mlle|Mr|Mrs|Ms|Dr)\.?")
_SENTENCE_START = re.compile(r"(?:^|[.!?«]\s)$")


def holds_answer(query: Query, quotes: str, terms: list[QueryTerm]) -> bool:
    """Does ``quotes`` hold the kind of answer the question asks for: a number for "how many"
    (not one the question gives), a date for "when", a name the question does not give for
    "who" or "where"? True for questions that ask for no particular kind."""
    kind = query.answer_type
    asked = set(re.findall(r"\w+", query.text.casefold()))
    if kind == "duration":
        # "How long is the border?" asks for a length
        return any(facts_of(quotes, lang).durations for lang in languages()) or _measures(quotes)
    if kind == "measure":
        # "How far had the shares fallen?" is answered by a percentage
        return _measures(quotes) or any(
            q.kind == "percent" for lang in languages() for q in facts_of(quotes, lang).quantities
        )
    if kind == "age":
        return bool(_AGE.search(quotes))
    if kind == "money":
        return any(
            q.kind.startswith("money")
            for lang in languages()
            for q in facts_of(quotes, lang).quantities
        )
    if kind == "number":
        # "le 6 janvier 2021", "à 19h06" or "il y a deux mois" is no answer to "how many";
        # "aucun appareil", "none" is one (zero). Someone's age ("Christian, 18") counts
        # nothing, and a share ("7,7 %") is no count of things ("combien de vols").
        things = bool(pack(query.language).pattern("question", "counts_things").search(query.text))
        if _spans_counted(query, asked, quotes):
            return True
        return bool(_NONE.search(quotes)) or any(
            q.text.split()[0].casefold() not in asked
            and q.kind != "clock"
            and not (things and q.kind == "percent")
            for lang in languages()
            for q in facts_of(_AGE.sub(" ", quotes), lang).quantities
        )
    if kind == "date":
        facts = [facts_of(quotes, lang) for lang in languages()]
        grain = _date_grain(query)
        if grain == "year":
            return any(d.year for f in facts for d in f.dates)
        if grain == "day":
            return any(d.day for f in facts for d in f.dates) or any(f.relative for f in facts)
        if grain == "clock":
            return any(q.kind == "clock" for f in facts for q in f.quantities)
        return bool(
            any(f.dates or f.weekdays or any(d.ago for d in f.durations) for f in facts)
            or any(q.kind == "clock" for f in facts for q in f.quantities)  # "at what time"
            or _TIME.search(quotes)
        )
    if kind == "place":
        return any(_new_name(m.group(1), terms) for m in _PLACE.finditer(quotes))
    if kind == "person":
        names = [(n, at) for n, at in _names(quotes) if _new_name(n, terms)]
        roles = words_of_every_language("question", "roles")
        if asked & roles:
            # "Who is the CEO?" wants a person's name (two words or a Mr), not the company's;
            # whether the role is written beside it is weighed by bot/judge/answerable.py
            return any(
                " " in n or re.search(rf"{_HONORIFIC.pattern}\s+{re.escape(n)}", quotes)
                for n, _ in names
            )
        return bool(names)
    return True


def _date_grain(query: Query) -> str | None:
    """The grain of a date asked for: "year", "day" (of the month), "clock" or None (any)."""
    language = pack(query.language)
    return next(
        (
            grain
            for grain in ("year", "day", "clock")
            if language.pattern("question", f"asks_{grain}").search(query.text)
        ),
        None,
    )


def role_beside_name(query: Query, quotes: str, terms: list[QueryTerm]) -> bool:
    """Does the quote write the role asked about ("Which judge…?") beside a name the question
    does not give ("Judge Lewis Kaplan", "la directrice de l'OMS, Margaret Chan")? Often the
    quote names the role otherwise ("head" for "director"), so this is evidence to weigh, not
    a condition: True when the question asks for no role."""
    roles = words_of_every_language("question", "roles")
    asked_roles = [t for t in terms if t.word.casefold() in roles]
    if query.answer_type != "person" or not asked_roles:
        return True
    return _named_beside(quotes, terms, asked_roles)


def _spans_counted(query: Query, asked: set[str], quotes: str) -> bool:
    """Does a "how many years / combien de jours" question find a span in that unit ("avoir
    passé huit ans", "for six days")? A count of units of time is a span, read as one."""
    units = pack(query.language).data["durations"]["units"]
    counted = {units[word] for word in asked if word in units}
    facts = [facts_of(quotes, lang) for lang in languages()]
    # "avoir passé huit ans" reads as an age (a verb of having before it): years all the same
    return bool(counted) and any(
        any(span.unit in counted for span in found.durations) or ("year" in counted and found.ages)
        for found in facts
    )


def _named_beside(quotes: str, terms: list[QueryTerm], roles: list[QueryTerm]) -> bool:
    """Is one of ``roles`` written near a name the question does not give?"""
    return any(_near(quotes, at, len(n), roles) for n, at in _names(quotes) if _new_name(n, terms))


def role_unnamed(query: Query, quotes: str, terms: list[QueryTerm]) -> bool:
    """Does the quote leave unnamed the role a question asks the name of: written with no
    name beside it ("advised by his doctor", "les avocats"), which says the person exists,
    not who they are; or not written at all, so that its names are other people's ("A truck
    exploded…" for "Comment s'appelle le chauffeur du camion ?")?"""
    # "What is the name of the doctor…?"; "Which judge…?" may be answered by a description
    asks_name = pack(query.language).pattern("question", "asks_name").search(query.text)
    if query.answer_type != "person" or not asks_name:
        return False
    asked_roles = _asked_roles(query, terms) or _noun_named(query, asks_name.end(), terms)
    if not asked_roles:
        return False
    lexicon = load_lexicon()
    said = [sentence_terms(quotes, lang, lexicon) for lang in languages()]
    written = any(covers(t, terms_) for terms_ in said for t in asked_roles)
    return not written or not _named_beside(quotes, terms, asked_roles)


def _noun_named(query: Query, after: int, terms: list[QueryTerm]) -> list[QueryTerm]:
    """The noun whose name is asked, the first word after "what is the name of" that is no
    name itself ("the girl" in "Comment s'appelle la fillette tuée…?", "the capsule" in "Quel
    est le nom de la capsule…?"): as a role, written with no name beside it, it is no answer."""
    start = len(words(query.text[:after]))
    following = [t for t in terms if t.position >= start and not (t.is_name or t.is_number)]
    return sorted(following, key=lambda t: t.position)[:1]


def _asked_roles(query: Query, terms: list[QueryTerm]) -> list[QueryTerm]:
    """The roles a question asks about, in the singular or the plural ("les juges")."""
    roles = words_of_every_language("question", "roles")
    return [
        t
        for t in terms
        if t.word.casefold() in roles or lemma_of(t.word.casefold(), query.language) in roles
    ]


# How far from a name its title is written: "la directrice de l'OMS, Margaret Chan".
_ROLE_REACH = 40


def _near(text: str, at: int, length: int, roles: list[QueryTerm]) -> bool:
    """Is one of the question's role words written near the name at ``at``, in the name
    ("President Jacques Chirac") or beside it?"""
    around = text[max(0, at - _ROLE_REACH) : at + length + _ROLE_REACH]
    lexicon = load_lexicon()
    return any(
        covers(t, sentence_terms(around, lang, lexicon)) for lang in languages() for t in roles
    )


def _measures(quotes: str) -> bool:
    """Does the quote give a figure with a unit of measure ("65 km", "quatre kilomètres",
    "a 1,340-kilometer border", "300 mph")?"""
    units = measure_units()
    if any(
        (q.counted or "").casefold() in units
        for lang in languages()
        for q in facts_of(quotes, lang).quantities
    ):
        return True
    return any(m.group(1).casefold() in units for m in _ONE_UNIT.finditer(quotes))


# "One" written as an article ("à un kilomètre", "more than a mile"): no count of the facts
# layer.
_ONE_UNIT = re.compile(r"\b(?:un|une|a|one)\s+([^\W\d_]+)", re.IGNORECASE)


def _names(text: str) -> list[tuple[str, int]]:
    """Runs of capitalised words. At a sentence's start every word is capitalised, so there
    the first word counts only as the start of a longer run ("Charlie Blackwell-Thompson,
    NASA's first female launch director"), and never when it is a function word ("The").
    A wire story's byline and dateline ("par Daniel Leussink TOKYO (Reuters) -") name its
    authors and where it was written: no one the story is about."""
    found = []
    for match in _NAME.finditer(text, dateline_end(text)):
        name, at = match.group(), match.start()
        if _SENTENCE_START.search(text, 0, match.start()):
            first, _, rest = name.partition(" ")
            if not rest or is_stopword(first):
                name, at = rest, at + len(first) + 1
        if name:
            found.append((name, at))
    return found


def _new_name(name: str, terms: list[QueryTerm]) -> bool:
    """A name the question does not already give, in either language ("PDG" is no answer to
    "Who is the CEO?", nor "Sepp Blatter" to a question naming Blatter). A title run together
    with a name counts by its new words: "Indonesian President Joko Widodo" answers "Which
    Indonesian president…?"."""
    lexicon = load_lexicon()
    said = [
        [sentence_terms(word, lang, lexicon) for lang in languages()]
        for word in name.split()
        if not _HONORIFIC.fullmatch(word) and any(content_terms(word, lang) for lang in languages())
    ]
    if any(covers(t, w) for ws in said for w in ws for t in terms if t.is_name):
        return False
    return any(not any(covers(t, w) for w in ws for t in terms) for ws in said)
