"""The question's meaningful words, and whether a sentence covers them, in either language.

A term is covered by a sentence when the sentence has the same stem or word (names, numbers),
a cognate ("employees"/"employés"), or a lexicon translation ("judge"/"juge"). Coverage is
weighted by rarity in the corpus, so "Parler" (everywhere) counts less than "Sandberg".
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from difflib import SequenceMatcher
from functools import cache, lru_cache

from bot.question.query import INTERROGATIVE
from index.analysis import (
    SentenceTerms,
    by_prefix,
    corpus_names,
    fold,
    has_cognate,
    inner_capitalised,  # noqa: F401 (answering code takes it from here)
    is_stopword,
    number_form,
    sentence_terms,
    stem,
    words,
)
from index.dates import MONTHS, WEEKDAYS
from index.facts import bound_spans, count_nouns, facts_of
from index.facts.numbers import span_of, with_digits
from index.lang import languages, pack, words_of_every_language
from index.lexicon import (
    MAX_PHRASE,
    Lexicon,
    Term,
    load_lexicon,
    opposite_poles,
)

# A word the corpus never uses: as common as "said" (zipf 6) it keeps UNSEEN_FLOOR of the
# weight of an unseen word; at zipf 2 and below ("Brammertz", "axed" is 2.8) all of it.
COMMON_ZIPF = 6.0
ZIPF_SPAN = 4.0
UNSEEN_FLOOR = 0.2
# A capitalised first word this much more frequent (zipf) in its own language than in any
# other is a word of that language, not a name (language_word).
OWN_LANGUAGE_ZIPF = 2.5

# The question's closed-class words, from every language's pack (index/lang/): a question is
# read with the words of its own language and of the sources'.
FRAME_WORDS = words_of_every_language("question", "frame")  # "according", "selon"
TYPE_NOUNS = words_of_every_language("question", "type_nouns")  # "which company", "quel jour"
_WH = words_of_every_language("question", "wh")
_HOW_MANY = words_of_every_language("question", "how_many")
_REPORTED = words_of_every_language("question", "reported")  # "says that", "affirme que"
_DAY_OF_WEEK = re.compile(r"\b(day|jour) (?:of the week|de la semaine)\b", re.IGNORECASE)
_FRONTED = words_of_every_language("phrases", "fronted")  # "Pendant", "During"
_COUNT_WORDS = words_of_every_language("question", "count_words")  # "which two companies"
# Verbs that mostly carry the noun after them ("file a lawsuit", "déposer une plainte"): they
# count for little, so a paraphrase with another such verb still covers the question.
LIGHT_WORDS = words_of_every_language("question", "light")
LIGHT_WEIGHT = 0.25
# Verbs of saying and opining: asking what someone "thinks" is answered by what they "argue",
# "declare" or "maintain". Lemmas; stemmed when used.
SPEECH_VERBS = words_of_every_language("question", "speech")
_NUMBER = re.compile(r"^\d+(?:[.,]\d+)?%?$")


@dataclass(frozen=True)
class QueryTerm:
    word: str  # as typed
    lang: str  # the question's language
    folded: str  # lowercase, no accents
    stems: frozenset[str]  # in the question's language, plus the other stemmer for names
    translations: frozenset[Term]  # stemmed, in the other language
    synonyms: frozenset[Term]  # same language, through the other one ("poursuivre" -> "intenter")
    is_name: bool
    is_number: bool
    is_time: bool  # a weekday or month name, checked as a date rather than as a topic word
    weight: float  # rarity in the corpus (idf); high for words the corpus never uses
    in_corpus: bool  # the corpus has the word or a translation of it somewhere
    position: int = 0  # of its first word in the question, for word order
    # A verb that frames or carries the claim rather than says what happened: "says that",
    # "vient de", "filed": never taken for the claim's predicate, and weighs little.
    is_light: bool = False
    # In the claim's opening attribution ("According to Sara Danius, …"): who says it, not
    # the claim's subject or predicate.
    framed: bool = False


class TermIndex:
    """Document frequencies of stems over the corpus sentences, for weights and presence, and
    the words the corpus writes capitalised inside a sentence (its names)."""

    def __init__(self, sentences: list[SentenceTerms], texts: list[str] = ()) -> None:
        df: Counter[str] = Counter()
        for terms in sentences:
            df.update(terms.stems | terms.folded)
        self._set(len(sentences), df, corpus_names(texts))

    @classmethod
    def from_counts(cls, count: int, df: Mapping[str, int], names: set[str]) -> TermIndex:
        """From statistics stored in the index (index/sentence_analysis.py): nothing recounted."""
        index = cls.__new__(cls)
        index._set(count, df, names)
        return index

    def _set(self, count: int, df: Mapping[str, int], names: set[str]) -> None:
        self.count = count
        self.df = df
        self.names = names
        self.by_prefix = by_prefix(self.df)

    def frequency(self, forms: set[str]) -> int:
        return max((self.df.get(f, 0) for f in forms), default=0)

    def phrase_frequency(self, term: Term) -> int:
        """At most how many sentences hold every word of an expression."""
        return min(self.df.get(part, 0) for part in term)

    def has_phrase(self, term: Term) -> bool:
        return all(self.df.get(part, 0) > 0 or self.has_cognate(part) for part in term)

    def has_cognate(self, form: str) -> bool:
        return has_cognate(form, self.by_prefix)

    def idf(self, df: int) -> float:
        return math.log(1 + (self.count + 1) / (df + 0.5))


def _title_case(tokens: list[re.Match[str]]) -> bool:
    """Are the text's longer words capitalised, as in an English headline? A longer word in
    lower case that is no function word ("Ernaux's *book* The Years won the Premio Strega in
    Spain") makes it a sentence, however many names it holds."""
    long = [t.group() for t in tokens if len(t.group()) > 3 and t.group()[0].isalpha()]
    return (
        len(long) >= 3
        and sum(w[0].isupper() for w in long) >= 0.75 * len(long)
        and all(w[0].isupper() or is_stopword(w) for w in long)
    )


def query_terms(
    text: str, lang: str, lexicon: Lexicon, corpus: TermIndex, claim: bool = False
) -> list[QueryTerm]:
    """Content words of the question with their forms in both languages and their weight.
    In a claim, verbs of saying only frame what is said ("Parler says it has no options")."""
    text = _DAY_OF_WEEK.sub(lambda m: m.group(1), text)
    terms: dict[str, QueryTerm] = {}
    tokens = words(text)
    # A headline in Title Case ("Bayer Secures Monsanto Takeover With $56 Billion Bid")
    # capitalises every word: each is read as a sentence's first word is.
    title_case = _title_case(tokens)
    consumed: set[int] = set()
    for term, positions in _phrases(text, tokens, lang, lexicon, corpus):
        terms[term.folded] = term
        consumed |= positions
    # "fewer than 100 firefighters", "35 years old": the bound and the unit of time or age
    # are the figure's, checked with it by the rules
    bounds = bound_spans(text, lang)
    consumed |= _inside(tokens, bounds)
    consumed |= _units_of_figures(tokens, lang)
    consumed |= _count_nouns_of_figures(tokens, lang)
    consumed |= _clock_words(text, tokens, lang)
    for position, match in enumerate(tokens):
        if position in consumed:
            continue
        word = match.group()
        folded = number_form(word) if word[0].isdigit() else fold(word)
        if folded in terms or (not word[0].isdigit() and len(word) < 2):
            continue
        framing = folded in FRAME_WORDS or fold(word) in FRAME_WORDS
        if framing and claim and lexicon.normalize(word, lang) in _speech_stems(lang):
            framing = False  # in a claim, "a expliqué pourquoi" is what is claimed
        if is_stopword(word) or framing:
            continue
        asked_for = {fold(t.group()) for t in tokens[max(0, position - 3) : position]}
        if (folded in TYPE_NOUNS or folded in _COUNT_WORDS) and asked_for & _WH:
            continue  # "which two companies": the kind of answer, not what it is about
        if folded in words_of_every_language("numbers", "times") and (
            asked_for & _HOW_MANY
            or asked_for & {"million", "millions", "milliard", "billion"}
            or any(t[0].isdigit() for t in asked_for)
        ):
            continue  # "how many times", "19.6 million times": a count, not a topic
        if (
            folded in _legal_suffixes(lang)
            and position > 0
            and tokens[position - 1].group()[0].isupper()
        ):
            continue  # "Amazon.com Inc.", "Alstom SA": the company is the name before it
        is_number = bool(_NUMBER.match(word))
        is_name = (
            not is_number
            and word[0].isupper()
            # The first word is capitalised anyway: a name if the corpus writes it so, or
            # if neither the corpus nor the lexicon knows it ("Microsoft a poursuivi…").
            and (
                (position > 0 and not title_case)
                or word.isupper()
                or folded in corpus.names
                or _unknown(word, lang, lexicon, corpus)
            )
            and word.casefold() not in WEEKDAYS
            and word.casefold() not in MONTHS
            # "Pendant une période de transition…", "During…": a preposition that opens a
            # phrase before the main clause, capitalised as a first word is
            and not (position == 0 and word.casefold() in _FRONTED)
            # "Pendant combien de jours…", "During which year…": the word right before
            # the question's interrogative word is a preposition ("Macron, quand…" is not)
            and not (
                position == 0
                and len(tokens) > 1
                and INTERROGATIVE.fullmatch(tokens[1].group()) is not None
                and not text[match.end() : tokens[1].start()].strip()
            )
        )
        own = lexicon.normalize(word, lang)
        stems = {own} if not is_number else {folded}
        if is_name:
            stems.update(stem(word, other) for other in languages() if other != lang)
        translations = frozenset() if is_number else lexicon.translate(own, lang)
        synonyms = frozenset() if is_number else lexicon.synonyms_of(own, lang)
        # In a claim, a verb of saying that introduces what is said ("Parler says it…",
        # "affirme que…") only frames it; "a expliqué pourquoi" is itself the claim.
        reporting = (
            claim
            and own in _speech_stems(lang)
            and position + 1 < len(tokens)
            and fold(tokens[position + 1].group()) in _REPORTED
        )
        light = word.casefold() in LIGHT_WORDS or reporting
        if claim:  # a claim's predicate, in other words: "a perdu" for "a chuté"
            mates = pole_mates(own, lang)
            translations, synonyms = translations | mates, synonyms | mates
        if own in _speech_stems(lang):
            speech = frozenset((s,) for s in _speech_stems("fr") | _speech_stems("en"))
            translations, synonyms = translations | speech, synonyms | speech
        forms = set(stems) | {folded}
        forms |= {t[0] for t in translations if len(t) == 1}
        df = corpus.frequency(forms)
        phrases = [t for t in translations | synonyms if len(t) > 1]
        in_corpus = (
            df > 0
            or any(corpus.has_cognate(f) for f in forms)
            or any(corpus.has_phrase(t) for t in phrases)
        )
        weight = corpus.idf(df)
        if not in_corpus and not is_name and not is_number:
            weight *= unseen_share(word, lang)
        terms[folded] = QueryTerm(
            word=word,
            lang=lang,
            folded=folded,
            stems=frozenset(stems),
            translations=translations,
            synonyms=synonyms,
            is_name=is_name,
            is_number=is_number,
            is_time=word.casefold() in WEEKDAYS or word.casefold() in MONTHS,
            weight=weight * (LIGHT_WEIGHT if light else 1.0),
            in_corpus=in_corpus,
            position=position,
            is_light=light,
        )
    framed = _attribution_end(text, lang) if claim else 0
    return sorted(
        (
            replace(t, framed=True) if tokens[t.position].start() < framed else t
            for t in terms.values()
        ),
        key=lambda t: t.position,
    )


def _attribution_end(text: str, lang: str) -> int:
    """Where an opening attribution ("Selon Sara Danius, …") or an opening phrase of place or
    time ("En Amérique latine, …", "Amid rising cases, …") ends, or 0 without one: neither
    is the claim's subject or predicate."""
    language = pack(lang)
    openers = "|".join(
        alternation
        for alternation in (
            language.alternation("attribution", "openers"),
            language.alternation("phrases", "fronted"),
        )
        if alternation
    )
    found = (
        re.match(rf"\s*(?:{openers})\s+[^,?]{{1,80}},", text, re.IGNORECASE) if openers else None
    )
    return found.end() if found else 0


def _units_of_figures(tokens: list[re.Match[str]], lang: str) -> set[int]:
    """Positions of the units of time or age right after a figure ("35 *years old*")."""
    units = _figure_units(lang)
    found: set[int] = set()
    for i, token in enumerate(tokens):
        if fold(token.group()) in units and i > 0:
            before = tokens[i - 1].group()
            if before[0].isdigit() or (i - 1 in found):
                found.add(i)
    return found


def _count_nouns_of_figures(tokens: list[re.Match[str]], lang: str) -> set[int]:
    """Positions of the nouns that write a figure: "une *vingtaine* de", "two *dozen*",
    "deux *douzaines*". The quantity rule reads them with it. A plural with no number before
    it ("des milliers") says "many", which no rule reads: it stays a word to cover."""
    nouns = count_nouns(lang)
    found: set[int] = set()
    for i, token in enumerate(tokens):
        word = fold(token.group())
        if word in nouns or (
            word.removesuffix("s") in nouns
            and i > 0
            and with_digits(tokens[i - 1].group(), lang)[:1].isdigit()
        ):
            found.add(i)
    return found


def _clock_words(text: str, tokens: list[re.Match[str]], lang: str) -> set[int]:
    """Positions of the words of an hour of the clock ("2:19 *pm*", "14 *h* 19", "à 10
    *heures*"): the quantity rule reads the hour whole, in any language's way of writing it,
    so "pm" is no word a source that writes "14 h 19" must also write."""
    spans = [
        at
        for q in facts_of(text, lang).quantities
        if q.kind == "clock" and (at := span_of(q.text, text, lang)) is not None
    ]
    return {i for i in _inside(tokens, spans) if not tokens[i].group()[0].isdigit()}


def _inside(tokens: list[re.Match[str]], spans: Sequence[tuple[int, int]]) -> set[int]:
    """Positions of the tokens that start within one of ``spans``."""
    return {i for i, t in enumerate(tokens) if any(a <= t.start() < b for a, b in spans)}


def unseen_share(word: str, lang: str) -> float:
    """How much of its rarity weight a word the corpus never uses keeps: by how rare it is in
    the language at large (wordfreq), so that an ordinary word a claim adds ("axed", "seeking")
    does not sink it, while a rare one still counts in full."""
    from wordfreq import zipf_frequency  # 0.1 s to import: only when a word is unseen

    zipf = zipf_frequency(word, lang)
    return min(1.0, max(UNSEEN_FLOOR, (COMMON_ZIPF - zipf) / ZIPF_SPAN))


def language_word(word: str, lang: str) -> bool:
    """Is ``word`` a word of its language ("Besides", "Pourtant", "Roughly") rather than a
    name? Names travel: "Microsoft", "Chirac" or "Federer" are about as frequent in every
    language's text (wordfreq), while an adverb or a preposition is common only in its own."""
    from wordfreq import zipf_frequency

    own = zipf_frequency(word, lang)
    return all(
        own - zipf_frequency(word, other) >= OWN_LANGUAGE_ZIPF
        for other in languages()
        if other != lang
    )


@cache
def _legal_suffixes(lang: str) -> frozenset[str]:
    return frozenset(fold(w.rstrip(".")) for w in pack(lang).words("phrases", "legal_suffixes"))


def _unknown(word: str, lang: str, lexicon: Lexicon, corpus: TermIndex) -> bool:
    own = lexicon.normalize(word, lang)
    return (
        not is_stopword(word)
        and not language_word(word, lang)
        and not lexicon.translate(own, lang)
        and corpus.frequency({own, fold(word)}) == 0
        and not corpus.has_cognate(own)
    )


def _phrases(
    text: str, tokens: list[re.Match[str]], lang: str, lexicon: Lexicon, corpus: TermIndex
) -> list[tuple[QueryTerm, set[int]]]:
    """Expressions the lexicon knows ("United States", "chief operating officer"), as single
    terms: their words mean something else one by one."""
    content = [
        (i, lexicon.base(t.group(), lang))
        for i, t in enumerate(tokens)
        if not t.group()[0].isdigit() and not is_stopword(t.group()) and len(t.group()) > 1
    ]
    found = []
    at = 0
    while at < len(content):
        size = lexicon.phrase_at([stem_ for _, stem_ in content[at : at + MAX_PHRASE]], lang)
        if size == 0:
            at += 1
            continue
        positions = [i for i, _ in content[at : at + size]]
        stems = tuple(stem_ for _, stem_ in content[at : at + size])
        span = text[tokens[positions[0]].start() : tokens[positions[-1]].end()]
        translations = lexicon.phrases[(lang, stems)]
        words_ = [tokens[i].group() for i in positions]
        term = QueryTerm(
            word=span,
            lang=lang,
            folded=fold(span),
            stems=frozenset(),
            translations=translations,
            synonyms=frozenset({stems}) | lexicon.synonyms.get((lang, stems), frozenset()),
            is_name=all(w[0].isupper() for w in words_),
            is_number=False,
            is_time=False,
            weight=corpus.idf(max(map(corpus.phrase_frequency, {stems, *translations}))),
            in_corpus=corpus.has_phrase(stems) or any(corpus.has_phrase(t) for t in translations),
            position=positions[0],
        )
        found.append((term, set(range(positions[0], positions[-1] + 1))))
        at += size
    return found


def covers(term: QueryTerm, sentence: SentenceTerms) -> bool:
    """Does the sentence say this word, in either language?"""
    if term.folded in sentence.folded or term.stems & sentence.stems:
        return True
    if term.is_number:
        return False
    if (
        term.is_name
        and not term.translations  # the lexicon knows "Austria" from "Australia"
        and any(spelled_alike(term.folded, word) for word in sentence.folded)
    ):
        return True
    if any(sentence.has_cognate(s) for s in term.stems):
        return True
    return any(
        all(sentence.has_cognate(part) for part in t)
        for t in (term.synonyms if sentence.lang == term.lang else term.translations)
    )


# How alike two spellings of one name are ("Putin", "Poutine"; "Oussama", "Osama"): difflib's
# ratio, for words of SPELLING_MIN letters or more that begin alike.
SPELLED_ALIKE = 0.8
SPELLING_MIN = 5


@lru_cache(maxsize=65_536)  # coverage asks it of a name against every word of each candidate
def spelled_alike(name: str, word: str) -> bool:
    """Are two folded words one name spelled two ways: in two languages ("Poutine" for
    "Putin", "Axionov" for "Aksyonov") or with a typo ("Brooker" for "Booker")? Names are
    transliterated and misspelt more than any other word, and a pivot lexicon cannot list
    them all."""
    return _alike(name, word) or _alike(_sounded(name), _sounded(word))


def _alike(name: str, word: str) -> bool:
    return (
        name[:1] == word[:1]
        and min(len(name), len(word)) >= SPELLING_MIN
        and abs(len(name) - len(word)) <= 2
        and SequenceMatcher(None, name, word).ratio() >= SPELLED_ALIKE
    )


# Letters that transliterations of one sound differ by, in the order they are replaced:
# French "tch", "ch", "ou" for English "ch", "sh", "u" ("Tchaïkovski", "Chostakovitch",
# "Poutine"), and "x", "kh", "w", a "y" before a vowel for "ks", "h", "v", "i" in either
# ("Axionov", "Aksyonov"). A final "y" stays: "Harry" is not "Harris".
_SOUNDS = (("tch", "ch"), ("sch", "sh"), ("ch", "sh"), ("ou", "u"), ("x", "ks"), ("kh", "h"),
           ("w", "v"), ("ya", "ia"), ("ye", "ie"), ("yo", "io"), ("yu", "iu"))  # fmt: skip


def _sounded(word: str) -> str:
    """A folded word with the letters that transliterate one sound made the same."""
    for letters, sound in _SOUNDS:
        word = word.replace(letters, sound)
    return word


# The lengths of an acronym read against the words it stands for ("EU", "IFRC").
ACRONYM_LETTERS = range(2, 7)


def spelled_out(terms: list[QueryTerm], claim: str, sentence: str) -> frozenset[QueryTerm]:
    """The claim's names the sentence writes as their acronym or its expansion: "AFP" for
    "Agence France-Presse", "Federal Aviation Administration" for "FAA", and back. Each word
    of the expansion is capitalised, but for a longer acronym's words after the first
    ("Comité international olympique")."""
    names = [t for t in terms if t.is_name]
    found: set[QueryTerm] = set()
    for acronym in _acronyms(claim):
        if _expansion(acronym, sentence) is not None:
            found |= {t for t in names if t.word == acronym}
    for acronym in _acronyms(sentence):
        run = _expansion(acronym, claim)
        if run is not None:
            found |= {t for t in names if any(fold(t.word) == fold(w) for w in run)}
    return frozenset(found)


def _acronyms(text: str) -> list[str]:
    return [w for w in re.findall(r"(?<![\w-])[A-Z]+(?![\w-])", text) if len(w) in ACRONYM_LETTERS]


def _expansion(acronym: str, text: str) -> list[str] | None:
    """The words of ``text`` whose initials spell ``acronym``, function words skipped."""
    content = [w for w in re.findall(r"[^\W\d_]+", text) if not is_stopword(w)]
    letters = fold(acronym)
    for start in range(len(content) - len(letters) + 1):
        run = content[start : start + len(letters)]
        capitals = run if len(letters) < 3 else run[:1]
        if run == [acronym] or not all(w[0].isupper() for w in capitals):
            continue
        if "".join(fold(w[0]) for w in run) == letters:
            return run
    return None


@cache
def _pole_table() -> dict[str, frozenset[str]]:
    """stem -> stems on a same pole of an axis of the opposites (rise, grimper, hausse…), both
    languages: a claim saying "perdu" is covered by evidence saying "a chuté"."""
    members: dict[tuple[str, str], set[str]] = {}
    for one, pairs in opposite_poles().items():
        for pair in pairs:
            members.setdefault(pair, set()).add(one)
    return {
        one: frozenset().union(*(members[pair] for pair in pairs))
        for one, pairs in opposite_poles().items()
    }


def pole_mates(own: str, lang: str) -> frozenset[Term]:
    return frozenset((s,) for s in _pole_table().get(own, ()) if s != own)


@cache
def is_speech(term: QueryTerm) -> bool:
    """Is ``term`` a verb of saying ("said", "a déclaré")?"""
    return bool(term.stems & _speech_stems(term.lang))


@cache
def _speech_stems(lang: str) -> frozenset[str]:
    lexicon = load_lexicon()
    return frozenset(lexicon.normalize(w, lang) for w in SPEECH_VERBS)


def first_mention(term: QueryTerm, text: str, lang: str, lexicon: Lexicon) -> int | None:
    """Where ``text`` first says ``term`` (a character offset), or None: for word order.
    An expression ("intenté une action", "the United States" for "US") is found by a window of
    three words; the earlier of the word and the expression counts."""
    tokens = words(text)
    alone = next(
        (t.start() for t in tokens if covers(term, sentence_terms(t.group(), lang, lexicon))),
        None,
    )
    for i, token in enumerate(tokens):
        end = tokens[min(i + 2, len(tokens) - 1)].end()
        if alone is not None and end > alone:
            break  # a window reaching the word itself says nothing earlier
        if covers(term, sentence_terms(text[token.start() : end], lang, lexicon)):
            return token.start()
    return alone


def is_time_word(word: str) -> bool:
    return word.casefold().strip(",.") in WEEKDAYS or word.casefold().strip(",.") in MONTHS


def coverage(terms: list[QueryTerm], sentence: SentenceTerms) -> tuple[float, list[QueryTerm]]:
    """Weighted share of the question's terms the sentence covers, and the terms it misses."""
    if not terms:
        return 0.0, []
    missing = [t for t in terms if not covers(t, sentence)]
    total = sum(t.weight for t in terms)
    return 1.0 - sum(t.weight for t in missing) / total, missing


# Words of a title between a qualifying name and the subject's own ("British *writer* Doris
# Lessing", "German *chemicals firm* Bayer").
TITLE_WORDS = 2


# Characters at the head of a claim where a colon makes what precedes it a label.
LABEL = 40


def labelled(claim: str) -> bool:
    """Does the claim open with a headline's label ("Dutch elections: 33 seats for Rutte")?
    What comes before the colon names the topic, not who acts."""
    return ":" in claim[:LABEL]


def subject_of(terms: list[QueryTerm]) -> list[QueryTerm]:
    """The names a claim opens with ("Google and Apple removed…" -> Google, Apple). A name
    that only qualifies a title before the subject's own name is not it: "British writer Doris
    Lessing won…", "French President Emmanuel Macron said…" -> Doris Lessing, Emmanuel Macron."""
    terms = [t for t in terms if not t.framed]
    subject = _leading_names(terms)
    if subject:
        rest = terms[len(subject) :]
        title = [t for t in rest[:TITLE_WORDS] if not t.is_name]
        named = _leading_names(rest[len(title) :])
        if (
            title
            and named
            and named[0].position - title[-1].position == 1
            and (all(is_demonym(t) for t in subject) or _described(subject, title))
        ):
            return named
    return subject


def _described(subject: list[QueryTerm], title: list[QueryTerm]) -> bool:
    """Are the capitalised words before a role only words of the language that describe the
    one named after it ("*Jailed Iranian* activist Narges Mohammadi won…")? A name that is
    also a word ("Parler a poursuivi Amazon") is followed by a verb, not by a role."""
    roles = words_of_every_language("question", "roles")
    return any(t.folded in roles for t in title) and all(
        is_demonym(t) or language_word(t.word, t.lang) for t in subject
    )


def is_demonym(term: QueryTerm) -> bool:
    """Is ``term`` a capitalised adjective of nationality ("British", "Dutch")?"""
    endings = pack(term.lang).words("phrases", "demonym_endings")
    return any(term.folded.endswith(e) for e in endings)


def _leading_names(terms: list[QueryTerm]) -> list[QueryTerm]:
    names = []
    for term in terms:
        if not term.is_name:
            break
        names.append(term)
    return names


def predicate_of(terms: list[QueryTerm], claim: str = "") -> QueryTerm | None:
    """The word after the claim's first name ("Parler *won* its lawsuit", "le tribunal de
    Washington a *tranché*"), past verbs that only frame it ("Kurtz *said* that…") and, when
    the ``claim`` is given, an apposition between commas ("Dr Luque, Maradona's personal
    physician, *performed*…"): most often what the claim says was done. Supporting evidence
    must state it; the rest of the claim may be paraphrased."""
    terms = [t for t in terms if not t.framed]
    first = next((i for i, t in enumerate(terms) if t.is_name), None)
    if first is None:
        return None

    def acts(t: QueryTerm) -> bool:
        return not (
            t.is_name or t.is_number or t.is_time or t.is_light
        ) and t.folded not in _not_predicates(t.lang)

    if claim and _in_complement(claim, terms[first]):
        # "Three days of mourning were *declared* in Greece": a name in a phrase of place or
        # time after the verb is no subject; the word before that phrase is what was done
        before = [t for t in terms[:first] if acts(t)]
        if before:
            return before[-1]
    rest = terms[first + 1 :]
    aside = _apposition(claim, terms[first : first + 1] + rest) if claim else range(0)
    return next((t for t in rest if acts(t) and t.position not in aside), None)


def _in_complement(claim: str, name: QueryTerm) -> bool:
    """Is the claim's first name, not its first word, right after a preposition that opens a
    phrase of place or time ("declared *in* Greece", "décrété *en* Éthiopie")?"""
    tokens = words(claim)
    at = name.position
    return 1 < at < len(tokens) and tokens[at - 1].group().casefold() in _FRONTED


def _apposition(claim: str, terms: list[QueryTerm]) -> range:
    """The word positions of an apposition between commas right after the claim's first name
    and the names that follow it ("Reid Hoffman, cofondateur de LinkedIn, a approuvé")."""
    tokens = words(claim)
    last = terms[0].position
    for t in terms[1:]:
        if (
            not t.is_name
            or t.position != last + 1
            or "," in claim[tokens[last].end() : tokens[t.position].start()]
        ):
            break
        last = t.position
    if last + 1 >= len(tokens):
        return range(0)
    between = claim[tokens[last].end() : tokens[last + 1].start()]
    if "," not in between:
        return range(0)
    closing = claim.find(",", tokens[last + 1].start())
    if closing < 0:
        return range(0)
    end = next((i for i, w in enumerate(tokens) if w.start() > closing), len(tokens))
    return range(last + 1, end)


@cache
def _figure_units(lang: str) -> frozenset[str]:
    """Units of time and words of age: what a figure measures ("93 *ans*", "35 *years old*")."""
    language = pack(lang)
    units = (*language.data["durations"]["units"], *language.words("durations", "age_after"))
    return frozenset(fold(w) for w in units)


@cache
def _not_predicates(lang: str) -> frozenset[str]:
    """What a figure measures, and adverbs: how much or how often, never what a claim says
    was done ("Robert Mugabe, 93 *ans*, a mis fin…", "Uber a *toujours* été bénéficiaire")."""
    adverbs = {fold(w) for w in pack(lang).words("phrases", "adverbs")}
    return _figure_units(lang) | adverbs


@cache
def _not_acts(lang: str) -> frozenset[str]:
    """Words that are no predicate, and modals: how likely, never what was done."""
    return _not_predicates(lang) | {fold(w) for w in pack(lang).words("hedge", "modals")}


def says_what_is_done(term: QueryTerm) -> bool:
    """Can the word be the act whose doer word order reads: no measure, adverb or modal
    ("Evergrande *peut* encore faire appel": "peut" is found in any "pourrait")?"""
    return term.folded not in _not_acts(term.lang)


def settled_coverage(
    terms: list[QueryTerm],
    missing: tuple[QueryTerm, ...] | list[QueryTerm],
    unsaid: tuple[QueryTerm, ...] | list[QueryTerm] = (),
) -> float:
    """Coverage of a claim whose numbers and dates the judge rules have settled: those count as
    stated however the evidence writes them ("2 700" for "2,700", "vingt" for 20, "Jan. 6"),
    except ``unsaid`` ones, which the evidence only implies. Only meaningful once the rules
    found every one of them supported."""
    total = sum(t.weight for t in terms)
    if not total:
        return 1.0
    unsettled = [t for t in missing if not (t.is_number or t.is_time) or t in unsaid]
    return 1.0 - sum(t.weight for t in unsettled) / total


def topic_coverage(
    terms: list[QueryTerm], missing: tuple[QueryTerm, ...] | list[QueryTerm]
) -> float:
    """Coverage of the words that say what a claim is about, leaving out its numbers and dates:
    those are checked against the evidence as facts, not used to find the subject."""
    topical = [t for t in terms if not (t.is_number or t.is_time)]
    if not topical:
        return 1.0
    total = sum(t.weight for t in topical)
    lost = sum(t.weight for t in missing if not (t.is_number or t.is_time))
    return 1.0 - lost / total
