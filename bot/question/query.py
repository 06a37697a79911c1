"""What the user typed: cleaned and checked, its language, whether it is a claim, what it asks for.

Bad input is refused here with a ``ValueError`` a user can read, before any tokenizer or FAISS
sees it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from index.analysis import is_stopword
from index.lang import words_of_every_language
from index.language import detect_language

MAX_CHARS = 2000

_INVISIBLE = {"Cf", "Cc", "Co", "Cs", "Cn"}
# Quotation marks, emoji and other symbols that may frame a question: initial and final
# quotes, open and close punctuation, symbols (emoji are "So").
_FRAME_CATEGORIES = {
    "Pi",
    "Pf",
    "Ps",
    "Pe",
    "So",
    "Sk",
    "Sm",
}  # format (zero-width, bidi marks), control, private

_QUESTION_START = re.compile(
    r"^(?:who|whom|whose|what|when|where|why|how|which|did|does|do|is|are|was|were|can|could"
    r"|has|have|had|will|would|should|according|tell|explain|describe|list|give|name"
    r"|qui|que|qu['’]|quoi|quel|quelle|quels|quelles|quand|où|ou\s+est|pourquoi|comment"
    r"|combien|est-ce|lequel|laquelle|lesquels|lesquelles|selon\s+qui|d['’]apr[èe]s\s+qui"
    r"|dis-moi|dites-moi|explique|expliquez|raconte|décris|donne|cite)\b",
    re.IGNORECASE,
)
# "When Canada barred the Max, more than 30 countries had already done so.": a clause of time
# or place, a comma, a main clause and a full stop make a statement, not a question.
# "When the bridge fell, 43 died.", "According to reports, Bryant was on board": statements.
_SUBORDINATE_STATEMENT = re.compile(
    r"^(?:when|where|quand|où)\b[^?]*,[^?]*\.$|^according\s+to\b[^?]*,\s*"
    r"(?!\s*(?:who|whom|whose|what|when|where|why|how|which)\b)[^?]*$",
    re.IGNORECASE,
)
# A quotation that closes before the text ends, then who said it: «Pourquoi ?», a-t-il dit;
# "What the police did is savage," said the spokesman. It reports speech: a statement.
_REPORTED_SPEECH = re.compile(r"^\s*[«“\"][^«»“”\"]+[»”\"]\s*[,;:–—-]?\s*[^\W\d_]")
# A question quoted at the end of a statement: "Weinstein told his team: “How could this
# happen?”" asks nothing of the reader.
_QUOTED_QUESTION_AT_END = re.compile(r"\S.*[«“\"][^«»“”\"]*\?\s*[»”\"]\s*$")
_INVERSION = re.compile(r"\w+-(?:t-)?(?:il|elle|ils|elles|on)\b", re.IGNORECASE)
_CLAIM_PREFIX = re.compile(
    r"^(?:is it true that|is it correct that|is it the case that|true or false\s*:|claim\s*:"
    r"|fact[- ]check\s*:|est-il vrai que|est-ce vrai que|c['’]est vrai que|vrai ou faux\s*:"
    r"|affirmation\s*:|v[ée]rifie[rz]?\s*:?)\s*",
    re.IGNORECASE,
)

# What kind of answer the question wants, from its opening words.
_ANSWER_TYPES = [
    ("age", r"\b(?:how old|what age|at what age|quel âge|à quel âge)\b"),
    (
        "duration",
        r"\b(?:how long|for how long|combien de temps|pendant combien de temps"
        r"|durant combien de temps|quelle durée|what duration)\b",
    ),
    (
        # a sum of money: a count of anything else is no answer to what something cost
        "money",
        r"\b(?:how much (?:money|revenue|turnover|profit"
        r"|did\b.{0,60}\b(?:cost|spend|pay|earn|raise|offer|bid)|does\b.{0,60}\bcost)"
        r"|what (?:is |was |were )?(?:the |\w+['’]s )?(?:cost|price|revenue|turnover)\b"
        r"|what (?:is|was|are|were)\b.{0,60}\b(?:valued at|worth)\b"  # "What is X valued at?"
        r"|combien d['’]argent|combien\b.{0,60}\b(?:coûté|coûte|coûtera|dépensé|payé|rapporté"
        r"|valorisée?s?|vaut|valait)"
        r"|quel(?:le)? (?:est |était |a été )?(?:le |la )?"
        r"(?:coût|montant|chiffre d['’]affaires)\b"
        # "prix" is a price after a verb ("quel est le prix") and a prize before a name or an
        # adjective ("quel prix Nobel", "quel prix italien")
        r"|quel(?:le)? (?:est |était |a été )(?:le |la )?prix\b|à quel prix)",
    ),
    (
        # a length, a height, a weight, a speed: a figure with its unit
        "measure",
        r"\b(?:how (?:tall|heavy|deep|high|wide|far)|(?:at |from )?what (?:distance|depth|weight"
        r"|height|altitude|length|speed|area|mass|diameter)|(?:à |jusqu['’]à )?quel(?:le)? "
        r"(?:est |était )?(?:la |le )?(?:distance|profondeur|hauteur|longueur|taille|altitude"
        r"|superficie|surface|vitesse|poids|masse|diamètre)"
        r"|combien (?:pèse|pesait|pesaient|pèsent|mesure|mesurait|mesurent))\b",
    ),
    (
        "number",
        r"\b(?:how (?:many|much)|combien|what (?:is |was |are |were )?(?:the )?"
        r"(?:percentage|share|number|amount|price|cost|figure|total|sum|toll|rate|population"
        r"|turnout|score)"
        # "What was the euro zone inflation rate": a few words before the figure's noun
        r"|what (?:is|was) the (?:[\w-]+ ){1,3}(?:rate|population|turnout|score)"
        r"|quel(?:le)? (?:est |était |a été )?(?:le |la )?(?:pourcentage|nombre|montant"
        r"|coût|part|total|somme|bilan|taux|chiffre)|à combien|by how much)\b",
    ),
    (
        "date",
        r"\b(?:when|what (?:exact |precise )?(?:day|date|year|month|time)"
        r"|which (?:day|date|year|month)|quand"
        r"|quel(?:le)? (?:jour|date|année|mois|heure)|en quelle année|à quelle date|depuis quand"
        r"|since (?:which|what)|depuis quel(?:le)?s? (?:date|année|jour|mois|heure|époque))\b",
    ),
    (
        "person",
        r"\b(?:who|whom|whose|qui|quelle personne|which person|names? of|what names|noms? d[ue]"
        r"|s['’]appel(?:le|lent|ait|aient)|called|named)\b",
    ),
    (
        "place",
        r"\b(?:where|où|in which (?:state|city|country|court)|dans quel(?:le)? "
        r"(?:état|ville|pays|tribunal))\b",
    ),
    (
        "reason",
        r"\b(?:why|for what reason|pourquoi|pour quelle raison|what (?:reason|cause)"
        r"|quelle raison|quel motif)\b",
    ),
]


# Interrogative words: the first one asks; a later one opens a clause of the question.
INTERROGATIVE = re.compile(
    r"\b(?:what|which|who|whom|whose|when|where|why|how|quel(?:le)?s?|qui|quand|où|combien"
    r"|pourquoi|comment|lequel|laquelle)\b",
    re.IGNORECASE,
)


def _answer_type(text: str) -> str | None:
    """The kind of answer asked for, from the words that ask it. A "when", "who" or "où" after
    the question's own interrogative word opens a clause ("What slogan was he wearing *when*
    he arrived?", "le juge *qui* a lu le verdict"): it asks for nothing."""
    first = INTERROGATIVE.search(text)
    for kind, pattern in _ANSWER_TYPES:
        for match in re.finditer(pattern, text, re.IGNORECASE):
            later = first is not None and match.start() > first.start()
            clause = later and INTERROGATIVE.match(text, match.start())
            if not clause or _SECOND_QUESTION.search(text, 0, match.start()):
                return kind
    return None


# "Who paid for it, and how much did it cost?": a second question, joined to the first.
_SECOND_QUESTION = re.compile(r"\b(?:and|or|et|ou)\s+$", re.IGNORECASE)


_WHO_IS_NAME = re.compile(  # case matters for the name: "who is the CEO" asks for a person
    r"^(?i:who|qui)\s+(?i:is|was|are|were|est|était|sont|c['’]est)\s+"
    r"(?:(?i:m\.|mr\.?|mme|ms\.?)\s+)?[A-ZÀ-Ý]"
    # "Who is Carlos Alcaraz's coach?" asks for the coach
    r"(?![\w’'-]*(?:\s+[A-ZÀ-Ý][\w’'-]*)*['’]s\b)"
)


@dataclass(frozen=True)
class Query:
    text: str  # cleaned input
    language: str  # "fr" | "en"
    is_claim: bool
    proposition: str  # the claim itself (prefix such as "Is it true that" removed), or the text
    # "duration" | "measure" | "number" | "date" | "person" | "place" | "reason" | None
    answer_type: str | None


def clean_input(raw: object) -> str:
    """Visible text only, whitespace collapsed; ``ValueError`` with a readable reason otherwise."""
    if not isinstance(raw, str):
        raise ValueError("The question must be text.")
    if len(raw) > 50 * MAX_CHARS:
        raise ValueError(f"The question is too long: keep it under {MAX_CHARS:,} characters.")
    text = unicodedata.normalize("NFC", raw)
    text = "".join(
        " " if ch.isspace() else ch
        for ch in text
        if unicodedata.category(ch) not in _INVISIBLE or ch.isspace()
    )
    text = re.sub(r"\s+", " ", text).strip()
    if not text:
        raise ValueError("The question is empty: type a question or a claim to check.")
    if len(text) > MAX_CHARS:
        raise ValueError(
            f"The question is too long ({len(text):,} characters): keep it under {MAX_CHARS:,}."
        )
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        raise ValueError(
            "The question has no words: type a question or a claim in French or English."
        )
    latin = sum(1 for ch in letters if "LATIN" in unicodedata.name(ch, ""))
    if latin < 0.6 * len(letters):
        raise ValueError("Only French and English are supported: please ask in one of them.")
    return text


def unframed(text: str) -> str:
    """The text without what frames it: quotation marks around it, emoji or symbols before
    or after it ("“Why did Amazon stop hosting Parler?” 🤔"). What is framed is what counts:
    a question in quotation marks is still a question."""
    edge = lambda ch: (  # noqa: E731
        ch.isspace() or ch in "\"'" or unicodedata.category(ch) in _FRAME_CATEGORIES
    )
    start, end = 0, len(text)
    while start < end and edge(text[start]):
        start += 1
    while end > start and edge(text[end - 1]):
        end -= 1
    return text[start:end] or text


def _is_acronym(word: str) -> bool:
    return len(word) > 1 and word.isupper()


def _asks_for_role(text: str) -> bool:
    """Does a which/what question ask for someone by role ("Which judge", "Which Croatian
    goalkeeper", "Quelle responsable européenne")? The role may follow an adjective or two; a
    noun of another kind first ("which company's") asks for that kind."""
    opening = re.match(
        r"^(?:which|what|quel|quelle|quels|quelles)\s+((?:[\w-]+\s+){0,3})", text + " ", re.I
    )
    if not opening:
        return False
    roles = words_of_every_language("question", "roles")
    kinds = words_of_every_language("question", "type_nouns")
    following = opening.group(1).casefold().split()
    for at, word in enumerate(following):
        if word in roles or " ".join(following[at : at + 2]) in roles:
            return True
        if word in kinds or is_stopword(word):
            return False  # "which company's CEO"; "what did the president say"
    return False


def _opens_as_question(text: str, language: str) -> bool:
    """Does the text open as a question does, question mark or not?"""
    start = _QUESTION_START.match(text)
    return bool(
        # an acronym written in capitals ("WHO declares…") is a name, not a question word
        (start and not _is_acronym(start.group()) and not _SUBORDINATE_STATEMENT.match(text))
        # French inversion ("a-t-il", "peut-on") in the first clause; later it is an incise
        # ("«…», lit-on dans la lettre").
        or (language == "fr" and _INVERSION.search(text.split(",")[0]))
    )


def parse(raw: object) -> Query:
    """Clean, detect the language, tell a claim from a question, and guess the answer type."""
    cleaned = clean_input(raw)
    text = unframed(cleaned)
    language = detect_language(text)
    prefixed = _CLAIM_PREFIX.match(text)
    if prefixed and len(text) > prefixed.end() + 3:
        proposition = text[prefixed.end() :].rstrip(" ?")
        proposition = proposition[0].upper() + proposition[1:]
        return Query(text, language, True, proposition, None)
    is_question = (text.endswith("?") and not _QUOTED_QUESTION_AT_END.match(cleaned)) or (
        not _REPORTED_SPEECH.match(cleaned) and _opens_as_question(text, language)
    )
    answer_type = _answer_type(text)
    if answer_type is None and _asks_for_role(text):
        answer_type = "person"  # "Which judge…?", "Quel juge…?": a person's name
    if answer_type == "person" and _WHO_IS_NAME.match(text):
        answer_type = None  # "Who is Sheryl Sandberg?" asks for a description, not a name
    return Query(text, language, not is_question, text, answer_type if is_question else None)
