"""The fact layer: what a sentence states that the judging rules compare, read once.

``numbers.py`` reads quantities (digits or words, scale, unit, bound) and compares them as
intervals; ``facts.py`` reads dates with or without a year, weekdays, durations and the
words a negation or a hedge bears on. It lives in ``index`` (which never imports ``bot``)
so that facts can be computed at indexing time; answering code asks it through the names
below.
"""

from index.facts.facts import (
    DateFact,
    Duration,
    Facts,
    Score,
    avoided_words,
    find_dates,
    find_weekdays,
    negated_words,
    opens_negated,
    resolve_year,
)
from index.facts.numbers import (
    APPROX_TOLERANCE,
    Quantity,
    bound_spans,
    compatible,
    count_nouns,
    entails,
    is_year,
    parse_number,
    quantities,
)
from index.facts.stored import facts_of

__all__ = [
    "APPROX_TOLERANCE",
    "DateFact",
    "Duration",
    "Facts",
    "Quantity",
    "Score",
    "avoided_words",
    "bound_spans",
    "compatible",
    "count_nouns",
    "entails",
    "facts_of",
    "find_dates",
    "find_weekdays",
    "is_year",
    "negated_words",
    "opens_negated",
    "parse_number",
    "quantities",
    "resolve_year",
]
