"""French or English? Lingua's bundled models, made reliable on short, name-heavy questions.

Lingua alone calls "Qui est Sheryl Sandberg ?" English: the names outweigh two French words.
So names, acronyms and numbers are masked before detection, and on very short text the
function words and French typography (space before ?, elisions, accents) decide.
"""

from __future__ import annotations

import re
from functools import lru_cache

_FRENCH_WORDS = frozenset(
    """le la les un une des du de au aux et est sont ont qui que quoi quel quelle quels quelles
    pourquoi comment quand combien où ou dans sur pour par avec sans ce cette ces son sa ses
    leur leurs il elle ils elles on nous vous je tu ne pas plus n'est c'est d'un d'une l'
    qu'est-ce est-ce selon après avant été fait dit aussi mais donc""".split()
)
_ENGLISH_WORDS = frozenset(
    """the an and is are was were has have had who what which why how when where whom whose
    of in on for with without this that these those its his her their it he she they we you
    not did does do said says also but so after before been by from to at as than""".split()
)
_NAME = re.compile(r"\b[A-ZÀ-Ý][\w'’-]*|\d[\d.,%]*")
_FRENCH_TYPOGRAPHY = re.compile(
    r"\s[?!:;»]|«\s|\b[ldjmnstc]['’][aeiouyhéèêàâîôû]|-t-(?:il|elle|on)\b"
    r"|[éèêàçùûôîœ]",
    re.IGNORECASE,
)


@lru_cache(maxsize=1)
def _detector():
    from lingua import Language, LanguageDetectorBuilder

    return (
        LanguageDetectorBuilder.from_languages(Language.ENGLISH, Language.FRENCH)
        .with_preloaded_language_models()
        .build()
    )


def detect_language(text: str, default: str = "en") -> str:
    """``"fr"`` or ``"en"``: the language the text is written in (names do not count)."""
    # Capitalised words are names unless they are function words ("Pourquoi", "Who").
    masked = _NAME.sub(lambda m: m.group() if _is_function_word(m.group()) else " ", text)
    tokens = re.findall(r"[^\W\d_]+(?:['’][^\W\d_]+)?", masked.casefold())
    french = sum(t in _FRENCH_WORDS or t.split("'")[0] + "'" in _FRENCH_WORDS for t in tokens)
    english = sum(t in _ENGLISH_WORDS for t in tokens)
    cues = len(_FRENCH_TYPOGRAPHY.findall(masked))
    if len(tokens) <= 6 and (french + english + cues) > 0:
        return "fr" if french + cues > english else "en"
    if not tokens:
        return default
    values = {
        c.language.name: c.value
        for c in _detector().compute_language_confidence_values(" ".join(tokens))
    }
    score = values.get("FRENCH", 0.0) - values.get("ENGLISH", 0.0)
    # Function words and typography break near-ties that Lingua leaves open.
    score += 0.1 * (french + cues - english) / max(len(tokens), 1)
    return "fr" if score > 0 else "en"


def _is_function_word(word: str) -> bool:
    word = word.casefold().split("'")[0].split("’")[0]
    return word in _FRENCH_WORDS or word in _ENGLISH_WORDS
