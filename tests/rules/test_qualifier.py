"""Qualifier: a title the source qualifies otherwise ("au Commerce" for "à l'Energie")."""

from __future__ import annotations

import pytest

from .conftest import outcome


@pytest.mark.parametrize(
    ("claim", "cl", "evidence", "el"),
    [
        ("Joe Biden a été informé, a indiqué dimanche la secrétaire à l'Energie, Gina Raimondo.",
         "fr",
         "Joe Biden a été informé, a indiqué dimanche Gina Raimondo, la secrétaire américaine au "
         "Commerce.", "fr"),
        ("Knut Storberget, who was Norway's prime minister at the time, hailed the sentence.",
         "en",
         "Knut Storberget, who was Norway's justice minister at the time, hailed the sentence.",
         "en"),
        ("Donald Tusk, le président de la Commission européenne, a estimé que le risque avait "
         "augmenté.", "fr",
         "Le président du Conseil européen, Donald Tusk, a estimé que le risque avait augmenté.",
         "fr"),
    ],
)  # fmt: skip
def test_a_title_the_source_qualifies_otherwise_leaves_the_claim_unverified(
    claim, cl, evidence, el
):
    assert outcome("qualifier", claim, cl, evidence, el).outcome == "unverified"


@pytest.mark.parametrize(
    ("claim", "cl", "evidence", "el"),
    [
        # the same title, in the other language or with a nationality between
        ("Joe Biden a été informé, a indiqué dimanche la secrétaire au Commerce, Gina Raimondo.",
         "fr",
         "Joe Biden a été informé, a indiqué dimanche Gina Raimondo, la secrétaire américaine au "
         "Commerce.", "fr"),
        ("Energy Secretary Jennifer Granholm spoke on Sunday.", "en",
         "La secrétaire à l'Energie Jennifer Granholm a parlé dimanche.", "fr"),
        ("Knut Storberget, Norway's justice minister, hailed the sentence.", "en",
         "Knut Storberget, ministre norvégien de la Justice, a salué la peine.", "fr"),
        # a lowercase word beside a title is the claim's verb or object, not what it is of
        ("Donald Trump a écouté les interventions du Premier ministre indien Narendra Modi.",
         "fr", "Trump listened to two other speakers, Indian Prime Minister Narendra Modi.", "en"),
        # another noun than a title: qualified in too many ways to tell
        ("Sweden became the 32nd member of the Atlantic Alliance on Thursday.", "en",
         "Sweden became the 32nd member of the North Atlantic Treaty Organization on Thursday.",
         "en"),
    ],
)  # fmt: skip
def test_the_same_title_or_another_word_beside_it_is_no_other_qualifier(claim, cl, evidence, el):
    assert outcome("qualifier", claim, cl, evidence, el).outcome == "silence"
