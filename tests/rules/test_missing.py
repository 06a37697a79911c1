"""Missing specifics: a heavy word of the claim, used by the sources, absent from the evidence."""

from __future__ import annotations

import pytest

from bot.judge import pair_of
from bot.judge.rules import RULES
from bot.question.terms import TermIndex, sentence_terms
from index.lexicon import load_lexicon

# A small corpus: the evidence plus another sentence of the same story, so that a word the
# sources use elsewhere is known to them.
OTHER = {
    "en": "But the judges acquitted him of genocide in the municipalities, and he never explained "
    "publicly why.",
    "fr": "Mais les juges l'ont acquitté du génocide dans les municipalités, sans jamais "
    "expliquer publiquement pourquoi.",
}

CASES = [
    (
        "Judges found him guilty of genocide in the municipalities",
        "en",
        "The judges found him guilty of genocide and crimes against humanity.",
        "en",
        "unverified",
    ),
    (
        "Les juges l'ont reconnu coupable de génocide dans les municipalités",
        "fr",
        "The judges found him guilty of genocide and crimes against humanity.",
        "en",
        "unverified",
    ),
    (
        "He explained publicly why he dropped the lawsuit",
        "en",
        "He dropped the lawsuit and explained why in a filing.",
        "en",
        "unverified",
    ),
    # the evidence states it, in either language
    (
        "Judges found him guilty of genocide in the municipalities",
        "en",
        "Les juges l'ont reconnu coupable de génocide dans les municipalités.",
        "fr",
        "silence",
    ),
    # a word the sources never use is left to coverage: most often a paraphrase
    (
        "Amazon axed Parler's web hosting",
        "en",
        "Amazon cut off web hosting for Parler.",
        "en",
        "silence",
    ),
]


@pytest.mark.parametrize(("claim", "cl", "evidence", "el", "expected"), CASES)
def test_missing(claim, cl, evidence, el, expected):
    lexicon = load_lexicon()
    texts = [evidence, OTHER[el]]
    corpus = TermIndex([sentence_terms(t, el, lexicon) for t in texts], texts)
    pair = pair_of(claim, cl, evidence, el, corpus=corpus)
    assert RULES["missing"](pair).outcome == expected
