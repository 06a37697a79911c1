"""Crossed: the claim gives each of two parties what the source gives the other."""

from __future__ import annotations

import pytest

from .conftest import outcome


@pytest.mark.parametrize(
    ("claim", "cl", "evidence", "el"),
    [
        # two people, each wearing what the other wore
        ("Prince William walked behind the coffin in civilian clothes, while Prince Harry wore "
         "military uniform.", "en",
         "William wore military uniform, but Harry wore civilian clothes.", "en"),
        # who resigned and who was appointed, across languages and a word of order
        ("Ana Ruiz a été nommée ministre de la Santé après la démission de Paul Mercier.", "fr",
         "Since Ms Ruiz's resignation on Thursday, Paul Mercier has been appointed health "
         "minister, the government said.", "en"),
        # two days, each given the other's event
        ("The first training session is set for Monday, with an official news conference to "
         "follow on Tuesday.", "en",
         "Une conférence de presse officielle est prévue lundi, et la première séance "
         "d'entraînement est attendue mardi.", "fr"),
    ],
)  # fmt: skip
def test_two_parties_given_each_others_part_are_a_contradiction(claim, cl, evidence, el):
    assert outcome("crossed", claim, cl, evidence, el).outcome == "contradiction"


@pytest.mark.parametrize(
    ("claim", "cl", "evidence", "el"),
    [
        # the same pairing, in other words and another order
        ("Harry wore civilian clothes, while William was in military uniform.", "en",
         "William wore military uniform, but Harry wore civilian clothes.", "en"),
        ("Paul Mercier a été nommé ministre de la Santé après la démission d'Ana Ruiz.", "fr",
         "Since Ms Ruiz's resignation on Thursday, Paul Mercier has been appointed health "
         "minister, the government said.", "en"),
        ("La conférence de presse aura lieu lundi et l'entraînement mardi.", "fr",
         "An official news conference is set for Monday, and the first training session "
         "for Tuesday.", "en"),
        # one party only: nothing to cross
        ("William wore civilian clothes at the funeral.", "en",
         "William wore military uniform, but Harry wore civilian clothes.", "en"),
        # both parties in one clause of the claim
        ("William and Harry wore military uniform, and the King walked behind them.", "en",
         "William wore military uniform, but Harry wore civilian clothes.", "en"),
        # an apposition and a list of greeters: a word or two on either side is no crossing
        ("Marc Dubois a été accueilli mardi par l'autre pilote, son compatriote suisse Jean "
         "Keller, à son arrivée.", "fr",
         "Upon arrival in the dark, Dubois was greeted by his Swiss co-founder and pilot partner "
         "Jean Keller, the minister and others.", "en"),
        # a currency's letters are no party ("US$41.57")
        ("The stock closed at US$41.57, and Uber joined a small group of major IPOs that ended "
         "their first day down.", "en",
         "The tumultuous debut makes Uber the newest member of a stock market club no one would "
         "choose to join: Since the start of the decade, just seven other companies that raised "
         "more than US$1 billion in their IPO have ended their first day of trading below their "
         "IPO price.", "en"),
        # a nationality and a word of a company's name are no parties
        ("UBS takes over the crisis bank Credit Suisse (CS) for three billion Swiss francs.", "en",
         "Swiss authorities pushed for UBS to take over its smaller rival after a plan for Credit "
         "Suisse to borrow up to $54 billion failed to reassure investors and the bank's "
         "customers.", "en"),
        # the source says it all in one clause
        ("Prince William walked behind the coffin in civilian clothes, while Prince Harry wore "
         "military uniform.", "en",
         "William and Harry walked behind the coffin in military uniform.", "en"),
    ],
)  # fmt: skip
def test_the_same_pairing_or_nothing_to_cross_is_silence(claim, cl, evidence, el):
    assert outcome("crossed", claim, cl, evidence, el).outcome == "silence"
