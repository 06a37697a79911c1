"""Words as the lexical side of the tool sees them: tokens, stopwords and Snowball stems.

Shared by the cleaner (does a list item talk about the article?), BM25 and the answer checks,
so that "hébergement", "héberger" and "l’hébergeur" meet on one stem everywhere. A sentence's
terms are computed here once, at indexing time, and stored (index/sentence_analysis.py).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache
from typing import TYPE_CHECKING

import simplemma
import Stemmer
from bm25s.stopwords import STOPWORDS_EN_PLUS, STOPWORDS_FRENCH

if TYPE_CHECKING:
    from index.lexicon import Lexicon

LANGUAGES = ("fr", "en")

_WORD = re.compile(r"\d+(?:[.,]\d+)*%?|[^\W\d_]+", re.UNICODE)
# Capitals with dots: "U.S.", "U.N.", "E.U." (not "M. Dupont": two letters at least).
_DOTTED = re.compile(r"(?<![\w.])(?:[A-Z]\.){2,}")

# Apostrophes of elision ("l’", "d'", "qu’") and hyphens split words; these leftovers carry no
# meaning of their own.
_EXTRA_STOPWORDS = frozenset(
    """l d j m n s t c qu jusqu lorsqu puisqu quelqu also could would should may might can
    did does do done has have had been being was were its it's what which who whom whose when
    where why how whether many much ce cet cette ces cela ça celui celle ceux celles dont où
    quoi quel quelle quels quelles comment pourquoi quand combien lequel laquelle lesquels
    est-ce plus très aussi selon après avant entre sans sous vers chez ainsi alors donc si
    tout tous toute toutes autre autres fait faire être avoir a-t-il a-t-elle t-il t-elle
    il elle ils elles y en le la les un une des du de au aux auprès parmi envers via among
    amongst amid amidst within toward towards despite malgré contre durant pendant lors dès
    jusque hormis outre excepté quant puis enfin ensuite cependant pourtant toutefois
    néanmoins tandis lorsque puisque quoique afin moyennant concernant upon throughout
    besides regarding concerning whereas although though unless nevertheless however thus
    therefore hence meanwhile onto""".split()
)
# Content words that the stock lists drop ("won" for "won't").
_NOT_STOPWORDS = frozenset({"won"})
STOPWORDS = (
    frozenset(STOPWORDS_FRENCH) | frozenset(STOPWORDS_EN_PLUS) | _EXTRA_STOPWORDS
) - _NOT_STOPWORDS

_STEMMER_NAMES = {"fr": "french", "en": "english"}


@cache
def _stemmer(lang: str) -> Stemmer.Stemmer:
    return Stemmer.Stemmer(_STEMMER_NAMES[lang])


@lru_cache(maxsize=65_536)  # every candidate sentence's words, on every question
def fold(word: str) -> str:
    """Lowercase without accents, so that "Etat" and "État" or "éleve" and "élève" meet."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def words(text: str) -> list[re.Match[str]]:
    """Word matches (letters, or numbers with their decimals and %), with their offsets. An
    acronym written with dots is one word without them ("U.S." is "US"), its offsets kept."""
    if "." in text:
        text = _DOTTED.sub(lambda m: m.group().replace(".", "").ljust(len(m.group())), text)
    return list(_WORD.finditer(text))


@lru_cache(maxsize=65_536)
def stem(word: str, lang: str) -> str:
    """Snowball stem of one word, accent-folded after stemming (French stemming needs accents)."""
    return fold(_stemmer(lang).stemWord(word.casefold()))


@lru_cache(maxsize=65536)
def lemma_of(word: str, lang: str) -> str:
    """simplemma's lemma of ``word`` (no part of speech: "rose" stays a flower); the word
    itself in a language simplemma lacks."""
    try:
        return simplemma.lemmatize(word, lang=lang)
    except ValueError:
        return word


def is_stopword(word: str) -> bool:
    """A function word; an acronym in capitals that spells one is a name ("EU", "US",
    "WHO", "IT")."""
    return word.casefold() in STOPWORDS and not (len(word) > 1 and word.isupper())


def content_terms(text: str, lang: str) -> list[str]:
    """Stems of the meaningful words of ``text``, in order (numbers kept verbatim)."""
    terms = []
    for match in words(text):
        word = match.group()
        if word[0].isdigit():
            terms.append(word.replace(",", "."))
        elif len(word) > 1 and not is_stopword(word):
            terms.append(stem(word, lang))
    return terms


@dataclass(frozen=True)
class SentenceTerms:
    """What a sentence says, as the answer checks compare it: stems and folded words."""

    stems: frozenset[str]
    folded: frozenset[str]
    lang: str = "fr"

    def __or__(self, other: SentenceTerms) -> SentenceTerms:
        return SentenceTerms(self.stems | other.stems, self.folded | other.folded, self.lang)

    def has_cognate(self, form: str) -> bool:
        """Does the sentence say ``form`` or a cognate of it? Coverage asks this of every
        question word against every candidate sentence: a lookup by prefix, not a scan."""
        return form in self.stems or has_cognate(form, self._by_prefix)

    @cached_property
    def _by_prefix(self) -> dict[str, list[str]]:
        return by_prefix(self.stems)


def by_prefix(stems: Iterable[str]) -> dict[str, list[str]]:
    """Stems of five letters or more by their first five: cognates share them (``cognate``)."""
    found: dict[str, list[str]] = {}
    for known in stems:
        if len(known) >= 5:
            found.setdefault(known[:5], []).append(known)
    return found


def has_cognate(form: str, prefixed: dict[str, list[str]]) -> bool:
    """Is a cognate of ``form`` among stems grouped by ``by_prefix``?"""
    return any(cognate(form, known) for known in prefixed.get(form[:5], ()))


def cognate(a: str, b: str) -> bool:
    """Stems that share a long common prefix: "employe"/"employ", "instal"/"install"."""
    if a == b:
        return True
    shorter, longer = sorted((len(a), len(b)))
    if shorter < 5 or a[0] != b[0] or (shorter < 6 and shorter < 0.6 * longer):
        return False  # "micro" is no cognate of "microsoft"
    prefix = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        prefix += 1
    return prefix >= max(5, round(0.8 * shorter))


def sentence_terms(text: str, lang: str, lexicon: Lexicon) -> SentenceTerms:
    """Stems (through the lexicon's lemmas) and folded words of ``text``; numbers verbatim."""
    stems, folded = set(), set()
    for match in words(text):
        word = match.group()
        folded.add(number_form(word) if word[0].isdigit() else fold(word))
        if not word[0].isdigit() and not is_stopword(word):
            stems.add(lexicon.normalize(word, lang))
    return SentenceTerms(frozenset(stems), frozenset(folded), lang)


def number_form(word: str) -> str:
    """A number as terms compare it: "9,6" and "9.6" meet."""
    return word.replace(",", ".")


# A wire story's dateline: "WASHINGTON (AP) — ", "STOCKHOLM, Sweden -- ", "PARIS (Reuters) - ".
_DATELINE = re.compile(
    # the byline before it: "par Daniel Leussink et Satoshi Sugiyama TOKYO (Reuters) -"
    r"^\s*(?:(?i:par|by)\s+[A-ZÀ-Ý][\w’'-]*(?:(?:\s+|\s*,\s*|\s+(?:et|and)\s+)[A-ZÀ-Ý][\w’'-]*)*"
    r"\s+(?=[A-ZÀ-Ý][A-ZÀ-Ý.'’ -]*[A-ZÀ-Ý.]\b))?"
    r"[A-ZÀ-Ý][A-ZÀ-Ý.'’ -]*[A-ZÀ-Ý.](?:,\s*[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*)?\s*"
    r"(?:\([^()]{1,40}\))?\s*(?:—|–|--|-)\s+"
)


def dateline_end(text: str) -> int:
    """Where a wire story's dateline ends (0 without one): the byline, city and agency that
    open it are no actors of the sentence, and no answer to "who"."""
    match = _DATELINE.match(text)
    return match.end() if match else 0


def inner_capitalised(text: str) -> list[str]:
    """Capitalised words that do not open a sentence or a quotation ("However, …" in
    "\"However, tests found…\""): how a text writes its names."""
    return re.findall(
        r"(?<![.!?«»\"“]\s)(?<!^)(?<![.!?]\s\s)(?<!^[«\"“‘])(?<![.!?:]\s[«\"“‘])\b[A-Z][\w’'-]*",
        text,
    )


def corpus_names(texts: Iterable[str]) -> set[str]:
    """Folded words the corpus writes as names: capitalised inside a sentence, or opening
    sentences while never written in lowercase ("Google et Apple ont…")."""
    texts = list(texts)
    names = {fold(w) for text in texts for w in inner_capitalised(text)}
    lowercase = {w for text in texts for w in re.findall(r"\b[a-zà-ÿ][\w’'-]*", text)}
    names |= {
        fold(w)
        for text in texts
        for w in re.findall(r"(?:^|[.!?]\s+)([A-Z][\w’'-]*)", text)
        if w.casefold() not in lowercase and not is_stopword(w)
    }
    return names
