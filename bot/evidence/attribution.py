"""Who says so: the party a source sentence attributes its content to, if it names one.

A fact-check answer must not turn "Parler argues that…" into a fact. The speaker is taken
verbatim from the sentence (so it stays in the source's language), from the usual shapes of
reported speech in French and English news.
"""

from __future__ import annotations

import re

# A short noun phrase: "AWS", "le PDG de Parler", "un représentant de la société".
_SPEAKER = (
    r"((?:(?:le|la|les|l['’]|un|une|des|the|a|an)\s+)?[\w’'-]+"
    r"(?:\s+(?:de|du|des|d['’]|of|de la|de l['’])?\s*[\w’'-]+){0,4}?)"
)
_VERBS_FR = (
    r"(?:a|ont|avait|avaient)?\s*(?:déclaré|affirmé|fait valoir|dit|estimé|allégué|accusé"
    r"|dénoncé|prétendu|suggéré|annoncé|expliqué|assuré|soutenu|répondu|indiqué|écrit)"
    r"|soutient|affirme|estime|allègue|accuse|dénonce|prétend|assure|explique|déclare|dit"
)
_VERBS_EN = (
    r"(?:has |had )?(?:said|says|argued|argues|claimed|claims|alleged|alleges|stated|states"
    r"|told|wrote|accused|accuses|insisted|insists|suggested|suggests|maintains|maintained)"
)

_NAME = r"([A-ZÀ-Ý][\w’'-]+(?:\s+[A-ZÀ-Ý][\w’'-]+)*)"
_PARTICIPLES = (
    r"(?:alléguant|affirmant|faisant valoir|arguant|accusant|estimant|soutenant"
    r"|arguing|claiming|alleging|saying|insisting|accusing)"
)

_PATTERNS = [
    # "Sheryl Sandberg, directrice des opérations de Facebook, a déclaré que"
    re.compile(rf"{_NAME},\s+[^,]{{3,80}},\s+(?:{_VERBS_FR}|{_VERBS_EN})\b"),
    # "selon le PDG de Parler", "d’après AWS", "according to the letter"
    re.compile(
        rf"\b(?:selon|d['’]après|according to)\s+{_SPEAKER}(?=[,.;:»]|\s+(?:qui|que|à|the|,))",
        re.I,
    ),
    # "si l’on en croit le PDG de Parler"
    re.compile(rf"\bsi l['’]on en croit\s+{_SPEAKER}(?=[,.;])", re.I),
    # "lit-on dans la lettre"
    re.compile(r"\blit-on dans\s+((?:la|le|les|l['’])\s*[\w’'-]+)", re.I),
    # "«…», a déclaré un représentant de la société"
    re.compile(
        rf"(?:»|”|\")\s*(?:,\s*)?(?:a|ont)\s+(?:déclaré|affirmé|dit|expliqué)\s+{_SPEAKER}"
        r"(?=\s+(?:à|au|dans)\b|[.,;])",
        re.I,
    ),
    # "AWS avait déclaré que", "Parler a fait valoir que", "Amazon soutient que"
    re.compile(rf"(?:^|[,;]\s*|\bet\s+)(?:de son côté,\s*)?{_SPEAKER}\s+(?:{_VERBS_FR})\b", re.I),
    re.compile(rf"(?:^|[,;]\s*){_SPEAKER}\s+{_VERBS_EN}\b", re.I),
]
_NOT_SPEAKERS = re.compile(
    r"^(?:il|elle|ils|elles|on|it|he|she|they|ce|cela|qui|que|a|ont|avait|has|had)$", re.I
)
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
            if who and not _NOT_SPEAKERS.match(who) and len(who.split()) <= 7:
                return who
    # "Parler a poursuivi Amazon, faisant valoir que…": the subject of the main clause.
    participle = re.search(rf",\s*{_PARTICIPLES}\b", sentence, re.I)
    if participle:
        for name in re.finditer(_NAME, sentence[: participle.start()]):
            if not _SENTENCE_OPENERS.match(name.group(1)):
                return name.group(1)
    return None
