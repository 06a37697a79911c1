"""Scores and tallies: two figures read as one fact, in either language."""

from __future__ import annotations

import pytest

from index.facts import facts_of

from .conftest import outcome


@pytest.mark.parametrize(
    ("claim", "cl", "evidence", "el", "expected"),
    [
        # a match's score, in either order and either language
        ("France beat Croatia 4-2 to win the World Cup.", "en",
         "La France a battu la Croatie 4-2 en finale.", "fr", "support"),
        ("La Croatie s'est inclinée 2-4 face à la France.", "fr",
         "France beat Croatia 4-2 in Moscow.", "en", "support"),
        # another score is no denial: an event has several (at the break, in a shoot-out)
        ("France beat Croatia 4-1 to win the World Cup.", "en",
         "La France a battu la Croatie 4-2 en finale.", "fr", "unverified"),
        # a tally written with a word of votes after either figure
        ("Le Sénat a adopté le texte jeudi par 194 voix contre 114.", "fr",
         "The Senate had adopted the bill in a 194 to 114 vote on Thursday.", "en", "support"),
        ("MPs rejected the deal by 432 votes to 202.", "en",
         "Les députés ont rejeté l'accord par 432 voix contre 220.", "fr", "unverified"),
        # every set stated
        ("Nadal won 6-3, 6-3, 6-0.", "en", "Nadal s'est imposé 6-3, 6-3, 6-0.", "fr", "support"),
        ("Nadal won 6-3, 6-4, 6-0.", "en", "Nadal s'est imposé 6-3, 6-3, 6-0.", "fr",
         "unverified"),
        # one score among the source's several may be another moment's
        ("Croatia led 1-0 at half-time.", "en",
         "France beat Croatia 4-2 after trailing 1-2 and leading 2-1 at the break.", "en",
         "unverified"),
        # no score in the source settles nothing
        ("France beat Croatia 4-2.", "en", "France won the World Cup in Moscow.", "en",
         "unverified"),
        ("France won the World Cup in Moscow.", "en", "France beat Croatia 4-2.", "en",
         "silence"),
    ],
)  # fmt: skip
def test_score(claim, cl, evidence, el, expected):
    assert outcome("score", claim, cl, evidence, el).outcome == expected


@pytest.mark.parametrize(
    ("text", "lang", "scores"),
    [
        ("Vainqueur de Liverpool (3-1) le 26 mai.", "fr", [(3, 1)]),
        ("by 2,001,926 to 1,617,989 votes", "en", [(2001926, 1617989)]),
        # a model number, a range of years, a range of percentages are no scores
        ("An Alaska Airlines Boeing 737-9 MAX landed.", "en", []),
        ("the 2013-2016 outbreak", "en", []),
        ("between 13.5-17.5% of the vote", "en", []),
    ],
)
def test_scores_are_read_as_one_fact(text, lang, scores):
    assert [(s.first, s.second) for s in facts_of(text, lang).scores] == scores


def test_a_scores_figures_are_no_counts_of_their_own():
    """ "4-2" is the score rule's: the quantity rule does not look for a "4" in the source."""
    claim, evidence = "France beat Croatia 4-2.", "La France a battu la Croatie 4-2."
    assert outcome("quantity", claim, "en", evidence, "fr").outcome == "silence"
