"""Who says so: the party a source sentence attributes its content to, if it names one.

A fact-check answer must not turn "Parler argues that…" into a fact. The speaker is taken
verbatim from the sentence (so it stays in the source's language), from the usual shapes of
reported speech in French and English news.
"""

from __future__ import annotations

import re

from index.lang import Pack, languages, pack

# A short noun phrase: "AWS", "le PDG de Parler", "un représentant de la société".
_SPEAKER = (
    r"((?:(?:le|la|les|l['’]|un|une|des|the|a|an)\s+)?[\w’'-]+"
    r"(?:\s+(?:de|du|des|d['’]|of|de la|de l['’])?\s*[\w’'-]+){0,4}?)"
)
_NAME = r"([A-ZÀ-Ý][\w’'-]+(?:\s+[A-ZÀ-Ý][\w’'-]+)*)"


def _verbs(language: Pack) -> str:
    """A verb of saying: "a déclaré", "has argued", "soutient"."""
    forms = rf"(?:(?:{language.alternation('attribution', 'auxiliaries')})\s+)?"
    forms += rf"(?:{language.alternation('attribution', 'participles')})"
    present = language.alternation("attribution", "present")
    return f"{forms}|{present}" if present else forms


def _speech_patterns(language: Pack) -> list[re.Pattern[str]]:
    """The shapes of reported speech that a language's words make."""
    patterns = []
    # "«…», a déclaré un représentant de la société", "«…», dit le ministre", "\"…,\" said X"
    inverted = "|".join(
        filter(None, (language.alternation("attribution", "inverted"), _verbs(language)))
    )
    if inverted:
        after = language.alternation("attribution", "after_inverted") or "(?!)"
        patterns.append(
            re.compile(
                rf"(?:»|”|\")\s*(?:,\s*)?(?:{inverted})\s+{_SPEAKER}(?=\s+(?:{after})\b|[.,;])",
                re.I,
            )
        )
    # "AWS avait déclaré que", "et Parler soutient que", "Amazon said"
    opening = r"^|[,;]\s*"
    conjunctions = language.alternation("attribution", "conjunctions")
    if conjunctions:
        opening += rf"|\b(?:{conjunctions})\s+"
    asides = language.alternation("attribution", "asides")
    aside = rf"(?:(?:{asides})\s*)?" if asides else ""
    patterns.append(re.compile(rf"(?:{opening}){aside}{_SPEAKER}\s+(?:{_verbs(language)})\b", re.I))
    return patterns


_ANY_VERB = "|".join(_verbs(pack(code)) for code in languages())
_PARTICIPLES = "|".join(
    pack(code).alternation("attribution", "present_participles") for code in languages()
)

_PATTERNS = [
    # "Sheryl Sandberg, directrice des opérations de Facebook, a déclaré que"
    re.compile(rf"{_NAME},\s+[^,]{{3,80}},\s+(?:{_ANY_VERB})\b"),
    # "selon le PDG de Parler", "d’après AWS", "according to the letter"
    re.compile(
        rf"\b(?:selon|d['’]après|according to)\s+{_SPEAKER}(?=[,.;:»]|\s+(?:qui|que|à|the|,))",
        re.I,
    ),
    # "si l’on en croit le PDG de Parler"
    re.compile(rf"\bsi l['’]on en croit\s+{_SPEAKER}(?=[,.;])", re.I),
    # "lit-on dans la lettre"
    re.compile(r"\blit-on dans\s+((?:la|le|les|l['’])\s*[\w’'-]+)", re.I),
    *(p for code in languages() for p in _speech_patterns(pack(code))),
]
_NOT_SPEAKERS = re.compile(
    r"^(?:il|elle|ils|elles|on|it|he|she|they|ce|cela|qui|que|a|ont|avait|has|had)$", re.I
)
# "», a-t-il ajouté", "dit-elle": a pronoun joined to its verb names no one.
_INVERTED_PRONOUN = re.compile(r"-(?:t-)?(?:il|elle|ils|elles|on)$", re.I)
_SENTENCE_OPENERS = re.compile(
    r"^(?:le|la|les|l['’]|un|une|des|the|a|an|lundi|mardi|mercredi|jeudi|vendredi|samedi"
    r"|dimanche|monday|tuesday|wednesday|thursday|friday|saturday|sunday|par|dans|en|in|on)$",
    re.I,
)


def speaker(sentence: str) -> str | None:
    """The attributed party, verbatim from the sentence, or None if it states things itself."""
    for pattern in _PATTERNS:
        match = pattern.search(sentence)
        if match:
            who = match.group(1).strip(' ,«»"')
            if (
                who
                and not _NOT_SPEAKERS.match(who)
                and not _INVERTED_PRONOUN.search(who)
                and len(who.split()) <= 7
            ):
                return who
    # "Parler a poursuivi Amazon, faisant valoir que…": the subject of the main clause.
    participle = re.search(rf",\s*(?:{_PARTICIPLES})\b", sentence, re.I)
    if participle:
        for name in re.finditer(_NAME, sentence[: participle.start()]):
            if not _SENTENCE_OPENERS.match(name.group(1)):
                return name.group(1)
    return None
