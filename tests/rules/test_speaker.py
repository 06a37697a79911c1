"""Speakers: who the claim says said it, against who the source gives the words to."""

from __future__ import annotations

import pytest

from tests.rules.conftest import outcome

SAID = (
    "« C'est grave et ça va empirer », a prévenu le gouverneur du Texas Greg Abbott, soulignant "
    "que les dégâts atteindront « des milliards de dollars »."
)
ROLE_APART = (
    "Sergio Caglieris, director of the 112 emergency service, said the child was believed to be "
    "10 years old."
)

CASES = [
    # the words given to someone else
    ("Selon le maire de Houston, les dégâts atteindront des milliards de dollars.", "fr",
     SAID, "fr", "unverified"),
    ("According to the mayor of Houston, the damage will reach billions of dollars.", "en",
     SAID, "fr", "unverified"),
    # the same speaker, by name or by the role the source gives in an apposition
    ("According to Texas governor Greg Abbott, the damage will reach billions of dollars.", "en",
     SAID, "fr", "support"),
    ("D'après le directeur du service d'urgence 112, l'enfant aurait eu 10 ans.", "fr",
     ROLE_APART, "en", "support"),
    # no speaker on one side: nothing to compare
    ("Les dégâts atteindront des milliards de dollars.", "fr", SAID, "fr", "silence"),
    ("Selon le maire de Houston, les dégâts atteindront des milliards de dollars.", "fr",
     "Les dégâts atteindront des milliards de dollars.", "fr", "silence"),
]  # fmt: skip


@pytest.mark.parametrize(("claim", "claim_lang", "evidence", "evidence_lang", "expected"), CASES)
def test_speaker(claim, claim_lang, evidence, evidence_lang, expected):
    assert outcome("speaker", claim, claim_lang, evidence, evidence_lang).outcome == expected
