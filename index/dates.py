"""Dates and weekdays in French and English text, normalised so that they can be compared.

Used for an article's approximate publication date and, in ``bot``, to check a claim's date
or day against the evidence ("Tuesday" against "lundi").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MONTHS = {
    **dict.fromkeys(["janvier", "january", "jan"], 1),
    **dict.fromkeys(["février", "fevrier", "february", "feb", "fév"], 2),
    **dict.fromkeys(["mars", "march", "mar"], 3),
    **dict.fromkeys(["avril", "april", "apr", "avr"], 4),
    **dict.fromkeys(["mai", "may"], 5),
    **dict.fromkeys(["juin", "june", "jun"], 6),
    **dict.fromkeys(["juillet", "july", "jul"], 7),
    **dict.fromkeys(["août", "aout", "august", "aug"], 8),
    **dict.fromkeys(["septembre", "september", "sept", "sep"], 9),
    **dict.fromkeys(["octobre", "october", "oct"], 10),
    **dict.fromkeys(["novembre", "november", "nov"], 11),
    **dict.fromkeys(["décembre", "decembre", "december", "dec", "déc"], 12),
}
WEEKDAYS = {
    **dict.fromkeys(["lundi", "monday"], 1),
    **dict.fromkeys(["mardi", "tuesday"], 2),
    **dict.fromkeys(["mercredi", "wednesday"], 3),
    **dict.fromkeys(["jeudi", "thursday"], 4),
    **dict.fromkeys(["vendredi", "friday"], 5),
    **dict.fromkeys(["samedi", "saturday"], 6),
    **dict.fromkeys(["dimanche", "sunday"], 7),
}

_MONTH = "|".join(sorted((re.escape(m) for m in MONTHS), key=len, reverse=True))
_DAY_MONTH_YEAR = re.compile(
    rf"\b(\d{{1,2}})(?:er|st|nd|rd|th)?\s+({_MONTH})\.?,?\s+(\d{{4}})\b", re.I
)
_MONTH_DAY_YEAR = re.compile(
    rf"\b({_MONTH})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", re.I
)
_MONTH_YEAR = re.compile(rf"\b({_MONTH})\s+(\d{{4}})\b", re.I)
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_WEEKDAY = re.compile(r"\b(" + "|".join(WEEKDAYS) + r")\b", re.I)


@dataclass(frozen=True)
class DateMention:
    value: str  # "2021-03-02", or "2021-03" when the day is not given
    start: int
    end: int


def find_dates(text: str) -> list[DateMention]:
    """Calendar dates mentioned in ``text``, in order of appearance, without overlaps."""
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []

    def add(start: int, end: int, year: str, month: int, day: str | None) -> None:
        if any(s < end and start < e for s, e in taken):
            return
        if not 1 <= month <= 12 or (day is not None and not 1 <= int(day) <= 31):
            return
        value = f"{int(year):04d}-{month:02d}" + (f"-{int(day):02d}" if day else "")
        found.append(DateMention(value, start, end))
        taken.append((start, end))

    for m in _ISO.finditer(text):
        add(m.start(), m.end(), m.group(1), int(m.group(2)), m.group(3))
    for m in _DAY_MONTH_YEAR.finditer(text):
        add(m.start(), m.end(), m.group(3), MONTHS[m.group(2).lower()], m.group(1))
    for m in _MONTH_DAY_YEAR.finditer(text):
        add(m.start(), m.end(), m.group(3), MONTHS[m.group(1).lower()], m.group(2))
    for m in _MONTH_YEAR.finditer(text):
        add(m.start(), m.end(), m.group(2), MONTHS[m.group(1).lower()], None)
    return sorted(found, key=lambda d: d.start)


def find_weekdays(text: str) -> list[int]:
    """Weekdays named in ``text`` (1 = Monday), in either language."""
    return [WEEKDAYS[m.group(1).lower()] for m in _WEEKDAY.finditer(text)]


def latest_date(text: str) -> str | None:
    """The latest date the text mentions: a lower bound for when it was published."""
    dates = [d.value for d in find_dates(text)]
    return max(dates) if dates else None
