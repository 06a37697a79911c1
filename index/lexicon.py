"""Words across French and English: a hand-written news lexicon, irregular forms, and cognates.

The answer checks ask "does this evidence sentence talk about the question's words?" across
languages. Dense vectors answer that for whole sentences, but single words cluster too tightly
in e5 ("judge" sits as close to "tribunal" as "hosting" to "hébergement") to decide on a word.
A lexicon of general news vocabulary plus cognate matching ("employees"/"employés") does.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from index.analysis import fold, is_stopword, stem, words

# Language data shared by indexing (sentence analysis) and answering; a change to these files
# changes ``lexicon_digest`` and so the stored sentence analysis is rebuilt.
WORDLISTS = Path(__file__).resolve().parent / "wordlists"
LEXICON_FILES = ("fr_en.tsv", "en_irregular.tsv", "fr_irregular.tsv")
OTHER = {"fr": "en", "en": "fr"}
MAX_PHRASE = 4  # words in the longest expression looked up as one term
Term = tuple[str, ...]  # a stemmed word, or the stems of a multi-word expression


@dataclass(frozen=True)
class Lexicon:
    translations: dict[tuple[str, str], frozenset[Term]]  # (lang, stem) -> stems in OTHER[lang]
    lemmas: dict[tuple[str, str], str]  # (lang, inflected form) -> lemma, for irregular forms
    # (lang, term) -> same-language terms with the same main translation ("poursuivre" and
    # "intenter une action" both mean "sue" first); through the main translation only, since
    # secondary senses chain into noise (juge -> justice -> "en justice").
    synonyms: dict[tuple[str, Term], frozenset[Term]] = field(default_factory=dict)
    # (lang, stems of a multi-word expression) -> its translations ("united states")
    phrases: dict[tuple[str, Term], frozenset[Term]] = field(default_factory=dict)
    by_prefix: dict[tuple[str, str], tuple[str, ...]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        groups: dict[tuple[str, str], list[str]] = defaultdict(list)
        for lang, known in self.translations:
            if len(known) >= 5:
                groups[(lang, known[:5])].append(known)
        object.__setattr__(self, "by_prefix", {k: tuple(sorted(v)) for k, v in groups.items()})

    def normalize(self, word: str, lang: str) -> str:
        """The stem of a word, through its lemma when the form is irregular ("fell" -> "fall"),
        or when stemming misses a regular inflection the lexicon knows ("sued" -> "sue")."""
        lowered = word.casefold()
        own = self.base(word, lang)
        if (lang, own) in self.translations:
            return own
        if lang == "en":
            for base in _english_bases(lowered):
                if (lang, stem(base, lang)) in self.translations:
                    return stem(base, lang)
        # Stemming leaves some endings ("poursuivi" -> poursuiv, "poursuivre" -> poursuivr).
        return next(
            (k for k in self.by_prefix.get((lang, own[:5]), ()) if k[:-1] == own),
            own,
        )

    def base(self, word: str, lang: str) -> str:
        """The stem through the lemma only: how expressions are keyed."""
        lowered = word.casefold()
        return stem(self.lemmas.get((lang, lowered), lowered), lang)

    def translate(self, term: str, lang: str) -> frozenset[Term]:
        """Stemmed translations of a stemmed ``lang`` word into the other language."""
        return self.translations.get((lang, term), frozenset())

    def synonyms_of(self, term: str, lang: str) -> frozenset[Term]:
        return self.synonyms.get((lang, (term,)), frozenset())

    def phrase_at(self, stems: list[str], lang: str) -> int:
        """How many of ``stems`` (from the first) form a known expression; 0 if none does."""
        for size in range(min(MAX_PHRASE, len(stems)), 1, -1):
            if (lang, tuple(stems[:size])) in self.phrases:
                return size
        return 0


def _english_bases(word: str) -> list[str]:
    """Candidate lemmas of a regular English inflection: sued -> sue, stopped -> stop."""
    bases = []
    for suffix, endings in (
        ("ied", ("y",)),
        ("ies", ("y",)),
        ("ed", ("", "e")),
        ("d", ("",)),
        ("ing", ("", "e")),
        ("es", ("",)),
        ("s", ("",)),
    ):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            root = word[: -len(suffix)]
            bases += [root + e for e in endings]
            if len(root) > 2 and root[-1] == root[-2]:
                bases.append(root[:-1])  # stopped -> stop
    return bases


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


@cache
def load_lexicon() -> Lexicon:
    """Read the lexicon files shipped in ``index/wordlists/`` (once per process)."""
    lemmas: dict[tuple[str, str], str] = {}
    for lang in ("en", "fr"):
        for form, lemma in _pairs(f"{lang}_irregular.tsv"):
            lemmas[(lang, form.casefold())] = lemma.casefold()
    partial = Lexicon({}, lemmas)
    table: dict[tuple[str, str], set[Term]] = defaultdict(set)
    main: dict[tuple[str, Term], Term] = {}  # (lang, term) -> its first-listed translation
    phrases: dict[tuple[str, Term], set[Term]] = defaultdict(set)
    for french, english in _pairs("fr_en.tsv"):
        fr_term = _term(partial, french, "fr")
        en_term = _term(partial, english, "en")
        if not fr_term or not en_term:
            continue
        if len(fr_term) == 1:
            table[("fr", fr_term[0])].add(en_term)
        if len(en_term) == 1:
            table[("en", en_term[0])].add(fr_term)
        if 1 < len(fr_term) <= MAX_PHRASE:
            phrases[("fr", fr_term)].add(en_term)
        if 1 < len(en_term) <= MAX_PHRASE:
            phrases[("en", en_term)].add(fr_term)
        main.setdefault(("fr", fr_term), en_term)
        main.setdefault(("en", en_term), fr_term)
    sharing: dict[tuple[str, Term], set[Term]] = defaultdict(set)
    for (lang, term), translation in main.items():
        sharing[(lang, translation)].add(term)
    synonyms = {
        (lang, term): frozenset(sharing[(lang, translation)] - {term})
        for (lang, term), translation in main.items()
        if len(sharing[(lang, translation)]) > 1
    }
    return Lexicon(
        {key: frozenset(value) for key, value in table.items()},
        lemmas,
        synonyms,
        {key: frozenset(value) for key, value in phrases.items()},
    )


@cache
def opposite_poles() -> dict[str, tuple[tuple[str, str], ...]]:
    """stem -> the (axis, pole) pairs it belongs to in ``opposites.tsv`` ("rise" -> quantity
    up). The file mixes languages, so each word is stemmed as every language would."""
    lexicon = load_lexicon()
    table: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for line in (WORDLISTS / "opposites.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        axis, pole, vocabulary = line.split("\t")
        for word in vocabulary.split():
            for lang in OTHER:
                table[lexicon.normalize(word, lang)].add((axis, pole))
    return {k: tuple(sorted(v)) for k, v in table.items()}


def lexicon_digest() -> str:
    """SHA-256 of the lexicon files: part of the stored analysis's signature."""
    digest = hashlib.sha256()
    for name in LEXICON_FILES:
        path = WORDLISTS / name
        digest.update(name.encode() + b"\0" + (path.read_bytes() if path.is_file() else b""))
    return digest.hexdigest()


def _term(lexicon: Lexicon, phrase: str, lang: str) -> Term:
    return tuple(
        lexicon.normalize(m.group(), lang)
        for m in words(phrase)
        if not is_stopword(m.group()) and len(m.group()) > 1
    )


def _pairs(name: str) -> list[tuple[str, str]]:
    path = WORDLISTS / name
    if not path.is_file():
        return []
    pairs = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        left, _, right = line.partition("\t")
        if left.strip() and right.strip():
            pairs.append((left.strip(), right.strip()))
    return pairs


def folded_words(text: str) -> set[str]:
    """Accent-free lowercase words of ``text``: how names and numbers are compared."""
    return {fold(m.group()) for m in words(text)}
