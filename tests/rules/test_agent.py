"""Agent: the doer a passive names after "par" / "by", in French and English."""

from __future__ import annotations

import pytest

from .conftest import outcome

LAUNCH = (
    "Opérée par Arianespace pour le compte de l'Agence spatiale européenne (ESA), la dernière "
    "Ariane 5 a placé le télescope de la NASA sur son orbite."
)


@pytest.mark.parametrize(
    ("claim", "cl", "evidence", "el", "expected"),
    [
        # another doer of the same verb contradicts, in either language
        ("Le lancement a été opéré par la Nasa pour le compte de l'ESA.", "fr", LAUNCH, "fr",
         "contradiction"),
        ("The launch was operated by NASA", "en", LAUNCH, "fr", "contradiction"),
        # the same doer supports, even among several
        ("Le lancement a été opéré par Arianespace.", "fr", LAUNCH, "fr", "support"),
        ("Google was founded by Sergey Brin", "en",
         "Google was founded by Larry Page and Sergey Brin in 1998.", "en", "support"),
        # a doer of another verb says nothing of this one
        ("The verdict was read out by judge Orie", "en",
         "The trial was opened by judge Brammertz.", "en", "silence"),
        # figures and lowercase words are no doers
        ("The price rose by 2%", "en", "The price rose by 3%.", "en", "silence"),
        ("Le lancement a été retardé par la météo", "fr", LAUNCH, "fr", "silence"),
    ],
)  # fmt: skip
def test_agent(claim, cl, evidence, el, expected):
    assert outcome("agent", claim, cl, evidence, el).outcome == expected


@pytest.mark.parametrize(
    ("claim", "cl", "evidence", "el", "expected"),
    [
        # doers given as examples: another one does not exclude the claim's
        ("The landing was applauded by the Prime Minister.", "en",
         "The landing was applauded, notably by the President.", "en", "unverified"),
        # the same verb said without the claim's doer: done, but not said to be by them
        ("Au Cnes, l'exploit a été longuement applaudi, notamment par le Premier ministre.",
         "fr", "Au Cnes, l’exploit a été longuement applaudi, notamment par le président de "
         "la République.", "fr", "unverified"),
        ("The bank was closed by the FDIC.", "en",
         "The California Department of Financial Protection and Innovation closed the bank.",
         "en", "unverified"),
        # the doer named in the other language is the same doer
        ("La banque a été fermée par le Département californien de la protection financière.",
         "fr", "The California Department of Financial Protection and Innovation closed the "
         "bank on Friday.", "en", "silence"),
    ],
)  # fmt: skip
def test_a_doer_the_source_does_not_name_is_unverified(claim, cl, evidence, el, expected):
    assert outcome("agent", claim, cl, evidence, el).outcome == expected


@pytest.mark.parametrize(
    ("claim", "cl", "evidence", "el", "expected"),
    [
        # a passive's doer named by a common noun: the same noun, in either language
        ("The deal must still be approved by the shareholders.", "en",
         "L'accord a été approuvé par les actionnaires vendredi.", "fr", "support"),
        ("The deal must still be approved by LinkedIn's shareholders.", "en",
         "The deal was approved by the shareholders on Friday.", "en", "support"),
        # the same noun described otherwise is not the claim's doer confirmed
        ("Le prix est décerné par un comité élu par le Parlement suédois.", "fr",
         "The prize is decided by a committee elected by the Norwegian Parliament.", "en",
         "unverified"),
        ("Le prix est décerné par un comité élu par le Parlement norvégien.", "fr",
         "The prize is decided by a committee elected by the Norwegian Parliament.", "en",
         "support"),
        # another common noun may name the same doers otherwise: unverified, never refuted
        ("The deal must still be approved by the shareholders.", "en",
         "L'accord a été approuvé par les autorités vendredi.", "fr", "unverified"),
        ("Le rachat doit encore être approuvé par les actionnaires de LinkedIn.", "fr",
         "La transaction a été « pleinement approuvée » par Jeff Weiner et Reid Hoffman, "
         "cofondateur du réseau.", "fr", "unverified"),
        # "by the end of the year", "par la suite" name no one
        ("The deal was completed by the end of the year.", "en",
         "The deal was completed in December.", "en", "silence"),
        ("Le rachat a été finalisé par la suite.", "fr",
         "Le rachat a été finalisé en décembre.", "fr", "silence"),
    ],
)  # fmt: skip
def test_a_passive_doer_named_by_a_noun(claim, cl, evidence, el, expected):
    assert outcome("agent", claim, cl, evidence, el).outcome == expected
