"""Routes: the same two places, each in the other's place, in either language."""

from __future__ import annotations

import pytest

from tests.rules.conftest import outcome

CASES = [
    # the journey the other way round
    ("Flight MH17 was flying from Kuala Lumpur to Amsterdam.", "en",
     "A civilian airliner travelling from Amsterdam to Kuala Lumpur has been shot down.", "en",
     "contradiction"),
    ("Flight MH17 was flying from Kuala Lumpur to Amsterdam.", "en",
     "Le vol MH17, qui était parti d'Amsterdam, aux Pays-Bas, devait rejoindre Kuala Lumpur.",
     "fr", "contradiction"),
    ("Le joueur a rejoint Madrid en provenance de Turin.", "fr",
     "The striker moved from Madrid to Turin in July.", "en", "silence"),
    ("Le joueur est parti de Turin pour Madrid.", "fr",
     "The striker moved from Madrid to Turin in July.", "en", "contradiction"),
    # the same way
    ("The plane was flying from Amsterdam to Kuala Lumpur.", "en",
     "Le vol MH17, parti d'Amsterdam, devait rejoindre Kuala Lumpur.", "fr", "support"),
    # one place only, or two places that are no journey
    ("The plane was flying to Amsterdam.", "en",
     "The plane was flying from Amsterdam to Kuala Lumpur.", "en", "silence"),
    ("Le président de Parler a parlé à Reuters.", "fr",
     "Reuters a interrogé le président de Parler.", "fr", "silence"),
    ("The talks moved from Geneva to Vienna.", "en",
     "Talks in Vienna followed a first round in Geneva.", "en", "silence"),
]  # fmt: skip


@pytest.mark.parametrize(("claim", "claim_lang", "evidence", "evidence_lang", "expected"), CASES)
def test_route(claim, claim_lang, evidence, evidence_lang, expected):
    assert outcome("route", claim, claim_lang, evidence, evidence_lang).outcome == expected
