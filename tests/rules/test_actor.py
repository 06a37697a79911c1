"""Actor: the source says the same thing of someone else, or puts another name in the slot."""

from __future__ import annotations

import pytest

from bot.judge import pair_of
from bot.judge.rules import RULES

CASES = [
    # the subject: another party does what the claim says, in either language
    (
        "C'est Twitter qui a coupé l'hébergement de Parler",
        "fr",
        "Amazon a coupé l'hébergement de Parler après l'émeute.",
        "fr",
        "",
        "contradiction",
    ),
    (
        "Twitter cut off Parler's web hosting",
        "en",
        "Amazon a coupé l'hébergement web de Parler.",
        "fr",
        "",
        "contradiction",
    ),
    (
        "Amazon cut off Parler's web hosting",
        "en",
        "Amazon a coupé l'hébergement web de Parler.",
        "fr",
        "",
        "silence",
    ),
    # a description of the subject, whose name the article's title gives, is no other party
    (
        "Parler a abandonné son procès contre Amazon",
        "fr",
        "Le réseau social prisé des Américains a abandonné son procès contre Amazon.",
        "fr",
        "Parler abandonne ses poursuites",
        "silence",
    ),
    # a name as an adjective or in the other language is the same name
    (
        "The decision will serve China's interests",
        "en",
        "The decision will serve Chinese interests, Le Maire said.",
        "en",
        "",
        "silence",
    ),
    (
        "La Croatie a perdu la finale",
        "fr",
        "Croatia lost the final in Moscow.",
        "en",
        "",
        "silence",
    ),
    # who said it is not who did it: "X said" and "Y said" may both be true
    (
        "Kurtz said the fix was deployed",
        "en",
        "Smith said the fix was deployed.",
        "en",
        "",
        "silence",
    ),
    # a name the sources never mention, where they name someone else next to the same words
    (
        "The sentence was read out by presiding judge Serge Brammertz",
        "en",
        "The sentence was read out by presiding judge Alphons Orie.",
        "en",
        "",
        "contradiction",
    ),
    (
        "La peine a été lue par le juge président Serge Brammertz",
        "fr",
        "The sentence was read out by presiding judge Alphons Orie.",
        "en",
        "",
        "contradiction",
    ),
    # a headline's label is no subject; first names and titles of the claim's names are theirs
    (
        "Dutch elections: 33 seats for Rutte, 20 for Wilders",
        "en",
        "Aux élections, le parti du Premier ministre Mark Rutte a eu 33 sièges, Geert Wilders 20.",
        "fr",
        "",
        "silence",
    ),
    # a nationality before a title qualifies it: the subject is the name after the title
    (
        "British writer Doris Lessing won the Nobel Prize",
        "en",
        "In Stockholm, the Swedish Academy said writer Doris Lessing won the Nobel Prize.",
        "en",
        "",
        "silence",
    ),
    # a short acronym is most often a name the sources spell out
    (
        "WHO declares Ebola outbreak in DR Congo an emergency of international concern",
        "en",
        "Ebola outbreak in Congo declared an emergency of international concern by the World Health"
        " Organization.",
        "en",
        "",
        "silence",
    ),
    # a name the evidence leaves out, with no other name in its place, refutes nothing
    (
        "The sentence was read out by presiding judge Serge Brammertz",
        "en",
        "The sentence was read out by the presiding judge.",
        "en",
        "",
        "silence",
    ),
    # a nationality standing for the subject ("Le Français") is no other party, nor are the
    # words of the claim's own names ("Tour" of "Tour de France")
    (
        "Julian Alaphilippe a été désigné coureur le plus combatif du Tour de France",
        "fr",
        "Le Français a été désigné dimanche coureur le plus combatif du Tour de France.",
        "fr",
        "",
        "silence",
    ),
    # what the claim says its subject did must be said of the other party too
    (
        "The US grounded all Boeing 737 Max aircraft after the Ethiopia crash",
        "en",
        "The Ethiopia crash followed another crash of the same Boeing 737 Max in Indonesia.",
        "en",
        "",
        "silence",
    ),
]


@pytest.mark.parametrize(("claim", "cl", "evidence", "el", "title", "expected"), CASES)
def test_actor(claim, cl, evidence, el, title, expected):
    pair = pair_of(claim, cl, evidence, el, title=title)
    assert RULES["actor"](pair).outcome == expected


@pytest.mark.parametrize(
    ("claim", "cl", "evidence", "el"),
    [
        ("Lionel Messi scored 105 goals during Neymar's four seasons at Barcelona.", "en",
         "In his four seasons in Spain, Neymar scored 105 goals as Barcelona won the "
         "Champions League and the Club World Cup.", "en"),
        ("Kylian Mbappé a marqué 105 buts pendant les quatre saisons de Neymar à Barcelone.",
         "fr", "En quatre saisons, Neymar a marqué 105 buts tandis que Barcelone remportait "
         "la Ligue des champions et la Coupe du monde des clubs.", "fr"),
    ],
)  # fmt: skip
def test_a_name_after_the_predicate_is_not_who_did_it(claim, cl, evidence, el):
    """The doer of "scored" is the name before it in its clause (here the claim's own
    Neymar); the names after it are what was won, not another scorer."""
    assert RULES["actor"](pair_of(claim, cl, evidence, el)).outcome == "silence"


@pytest.mark.parametrize(
    ("claim", "cl", "evidence", "el"),
    [
        ("Carlos Salinas, the spokesman of the approval camp, conceded defeat.", "en",
         "The approval camp conceded defeat, with its spokesman Vlado Mirosevic saying it "
         "listened with humility.", "en"),
        ("Carlos Salinas, porte-parole du camp de l'approbation, a reconnu la défaite.", "fr",
         "Le camp de l'approbation a reconnu la défaite, son porte-parole Vlado Mirosevic "
         "disant écouter avec humilité.", "fr"),
    ],
)  # fmt: skip
def test_a_role_in_apposition_is_held_by_the_name_beside_it(claim, cl, evidence, el):
    assert RULES["actor"](pair_of(claim, cl, evidence, el)).outcome == "contradiction"


@pytest.mark.parametrize(
    ("claim", "cl", "evidence", "el"),
    [
        ("Le président russe Vladimir Poutine a salué le symbole d'une époque.", "fr",
         "Russian President Vladimir Putin hailed him as the symbol of an era.", "en"),
        ("The Years was nominated for the Brooker prize in 2019.", "en",
         "The Years was nominated for the Man Booker International Prize in 2019.", "en"),
        ("Oussama ben Laden a été tué au Pakistan.", "fr",
         "Osama bin Laden was killed in Pakistan.", "en"),
    ],
)  # fmt: skip
def test_a_name_spelled_another_way_is_the_same_party(claim, cl, evidence, el):
    """A name transliterated ("Poutine", "Putin") or misspelt ("Brooker") is the claim's own
    name: no other party, and the name counts as said."""
    from bot.question.terms import covers
    from index.analysis import sentence_terms
    from index.lexicon import load_lexicon

    pair = pair_of(claim, cl, evidence, el)
    assert RULES["actor"](pair).outcome == "silence"
    stated = sentence_terms(evidence, el, load_lexicon())
    names = [t for t in pair.terms if t.is_name]
    assert names and all(covers(t, stated) for t in names), [t.word for t in names]


@pytest.mark.parametrize(
    ("claim", "cl", "evidence", "el"),
    [
        ("Le putsch a été condamné par l'Union africaine, la Cédéao et l'UE.", "fr",
         "The coup was condemned by the African Union, the bloc Ecowas and the EU.", "en"),
        ("L'AIEA a envoyé des inspecteurs.", "fr", "The IAEA sent inspectors.", "en"),
    ],
)  # fmt: skip
def test_an_international_body_is_one_party_in_either_language(claim, cl, evidence, el):
    """ "Cédéao" is ECOWAS, "AIEA" the IAEA: the lexicon names them across languages, so the
    other acronym is no other party."""
    assert RULES["actor"](pair_of(claim, cl, evidence, el)).outcome == "silence"


def test_names_spelled_far_apart_stay_two_parties():
    """Another place in the slot is still another party: only spellings of one name meet."""
    from bot.question.terms import spelled_alike

    assert spelled_alike("poutine", "putin") and spelled_alike("brooker", "booker")
    assert not spelled_alike("hanoi", "kuala") and not spelled_alike("iran", "irak")
    assert not spelled_alike("bardet", "sagan") and not spelled_alike("gignac", "griezmann")


def test_letters_that_transliterate_one_sound_meet():
    """Russian names reach French and English with other letters for one sound ("x" and
    "ks", "ou" and "u", "ch" and "sh"); a final "y" is a letter of the name ("Harry" is no
    "Harris")."""
    from bot.question.terms import spelled_alike

    assert spelled_alike("axionov", "aksyonov") and spelled_alike("koutouzov", "kutuzov")
    assert spelled_alike("chostakovitch", "shostakovich")
    assert not spelled_alike("harry", "harris") and not spelled_alike("koch", "kosh")
    pair = pair_of(
        "L'ambassade de France à Hanoï a été mobilisée.",
        "fr",
        "L'ambassade de France à Pékin a été mobilisée.",
        "fr",
    )
    assert RULES["actor"](pair).outcome == "contradiction"


@pytest.mark.parametrize(
    ("claim", "cl", "evidence", "el"),
    [
        (
            "Naruhito est le premier empereur du Japon à être né après la Seconde Guerre mondiale.",
            "fr",
            "Naruhito is the first Japanese emperor born after World War Two.",
            "en",
        ),
        (
            "Le Japon a capitulé à la fin de la Seconde Guerre mondiale.",
            "fr",
            "Japan surrendered at the end of World War Two.",
            "en",
        ),
    ],
)
def test_a_number_in_letters_inside_a_name_is_no_other_party(claim, cl, evidence, el):
    """ "Two" or "Second", capitalised in "World War Two", is a figure, not a name standing
    where the claim has another."""
    assert RULES["actor"](pair_of(claim, cl, evidence, el)).outcome == "silence"


@pytest.mark.parametrize(
    ("claim", "cl", "evidence", "el", "expected"),
    [
        # the source lists another name beside the one both write
        ("La société est détenue par Airbus et Thales.", "fr",
         "The company is co-owned by Airbus and Safran.", "en", "contradiction"),
        ("US and French troops entered the city.", "en",
         "US and British troops entered the city.", "en", "contradiction"),
        # the same list, or the name written in full
        ("La société est détenue par Airbus et Safran.", "fr",
         "The company is co-owned by Airbus and Safran.", "en", "silence"),
        ("The meeting brought together Macron and Scholz.", "en",
         "The meeting brought together Macron and Olaf Scholz.", "en", "silence"),
        # the partner described, not named
        ("Macron and Scholz met in Paris.", "en",
         "Macron and his German counterpart met in Paris.", "en", "silence"),
    ],
)  # fmt: skip
def test_another_name_in_the_claims_list_is_another_party(claim, cl, evidence, el, expected):
    """ "Airbus et Thales" against "Airbus and Safran": the name joined to the same partner by a
    word of a list is the claim's name's place."""
    assert RULES["actor"](pair_of(claim, cl, evidence, el)).outcome == expected
