"""Language packs: what the code knows of each language, one folder per language.

``<code>/pack.toml`` holds the closed-class words (bounds, negators, hedges, question words,
verbs of reported speech, regular inflections); ``<code>/lexicon.tsv`` its words with the
concepts they express, ``<code>/irregular.tsv`` its irregular forms, ``<code>/opposites.tsv``
the poles of its predicates (read by index/lexicon.py). Code asks the pack ("which words bound
a number?") and never tests ``lang == "fr"``: adding a language is adding a folder beside this
file (and, for now, its Snowball stemmer and stop words in index/analysis.py). Open-class
knowledge comes from libraries instead (numbers: text2num and babel; month and day names:
babel; word rarity: wordfreq).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable

from babel import Locale
from babel.dates import get_day_names, get_month_names
from babel.localedata import locale_identifiers


@dataclass(frozen=True)
class Pack:
    """One language's closed-class vocabulary, as compiled patterns and sets."""

    code: str
    data: dict

    def words(self, *keys: str) -> tuple[str, ...]:
        """The phrases listed under a dotted key ("negation.words"), longest first."""
        node = self.data
        for key in keys:
            node = node[key]
        return tuple(sorted(node, key=len, reverse=True))

    def pattern(self, *keys: str) -> re.Pattern[str]:
        """A case-insensitive pattern matching any phrase of ``keys`` as whole words."""
        return _phrase_pattern(self.words(*keys))

    def alternation(self, *keys: str) -> str:
        """The phrases of ``keys`` as regular-expression alternatives ("a|ont|avait"), to build
        a larger pattern from; "" when the language lists none."""
        return _alternation(self.words(*keys))

    @property
    def months(self) -> dict[str, int]:
        """Month names and abbreviations of this language (babel's CLDR data) -> 1..12."""
        return _months(self.code)

    @property
    def weekdays(self) -> dict[str, int]:
        """Weekday names of this language -> 1 (Monday)..7."""
        return _weekdays(self.code)

    def source(self, name: str) -> Traversable:
        """A data file of this language's folder ("lexicon.tsv"), which may not exist."""
        return resources.files("index.lang") / self.code / name

    def rows(self, name: str) -> list[tuple[str, ...]]:
        """The tab-separated rows of ``<code>/<name>``, without comments and blank lines; none
        when the language has no such file."""
        source = self.source(name)
        if not source.is_file():
            return []
        return [
            tuple(cell.strip() for cell in line.split("\t"))
            for line in source.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")
        ]


@cache
def pack(code: str) -> Pack:
    """The pack of a language code ("fr", "en"); ``KeyError`` for a language without one."""
    source = resources.files("index.lang") / code / "pack.toml"
    if not source.is_file():
        raise KeyError(f"No language pack for {code!r}.")
    return Pack(code, tomllib.loads(source.read_text(encoding="utf-8")))


@cache
def languages() -> tuple[str, ...]:
    """Every language that has a pack."""
    folder = resources.files("index.lang")
    return tuple(sorted(p.name for p in folder.iterdir() if (p / "pack.toml").is_file()))


@cache
def words_of_every_language(*keys: str) -> frozenset[str]:
    """The words listed under ``keys`` in every pack, lowercased: for text whose language
    is not known yet, or for a question about sources in another language."""
    return frozenset(w.casefold() for code in languages() for w in pack(code).words(*keys))


def _alternation(phrases: tuple[str, ...]) -> str:
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in phrases)


@cache
def _phrase_pattern(phrases: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-])(?:{_alternation(phrases)})(?![\w-])", re.IGNORECASE)


def _strip_accents_dot(name: str) -> str:
    return name.casefold().rstrip(".")


@cache
def _months(code: str) -> dict[str, int]:
    """Month names and abbreviations as every country writing the language writes them:
    British and agency English abbreviate September "Sept.", which babel's plain "en" lacks."""
    names: dict[str, int] = {}
    for locale in _regional_locales(code):
        for width in ("wide", "abbreviated"):
            for context in ("format", "stand-alone"):
                for number, name in get_month_names(width, context, locale=locale).items():
                    names.setdefault(_strip_accents_dot(name), number)
    return names


def _regional_locales(code: str) -> list[str]:
    """The language's locale, then its regional ones in its usual script ("en_GB", "fr_CA";
    not "en_Dsrt", English in the Deseret alphabet)."""
    regional = sorted(
        identifier
        for identifier in locale_identifiers()
        if identifier.startswith(code + "_") and Locale.parse(identifier).script is None
    )
    return [code, *regional]


@cache
def _weekdays(code: str) -> dict[str, int]:
    names: dict[str, int] = {}
    for context in ("format", "stand-alone"):
        for number, name in get_day_names("wide", context, locale=code).items():
            names[_strip_accents_dot(name)] = number + 1  # babel: 0 = Monday
    return names
