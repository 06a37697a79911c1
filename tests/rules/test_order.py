"""Order: two events the claim gives the other way round from the source."""

from __future__ import annotations

import pytest

from .conftest import outcome


@pytest.mark.parametrize(
    ("claim", "cl", "evidence", "el"),
    [
        ('Celine Dion sang "Hymn to Love" before Perec and Riner lit the Olympic cauldron.', "en",
         'Perec and Riner lit the Olympic cauldron, before Celine Dion sang "Hymn to Love".', "en"),
        ("Ferrari a officialisé l'arrivée de Hamilton avant que Mercedes n'annonce son départ.",
         "fr", "Ferrari confirmed Hamilton's arrival minutes after Mercedes announced his exit.",
         "en"),
    ],
)  # fmt: skip
def test_two_events_the_other_way_round_are_a_contradiction(claim, cl, evidence, el):
    assert outcome("order", claim, cl, evidence, el).outcome == "contradiction"


@pytest.mark.parametrize(
    ("claim", "cl", "evidence", "el"),
    [
        # the same order, said with the other word of order
        ('Perec and Riner lit the Olympic cauldron before Celine Dion sang "Hymn to Love".', "en",
         'Céline Dion a chanté « Hymne à l\'amour » après que Perec et Riner ont allumé la vasque.',
         "fr"),
        # "before" that orders nothing the source orders
        ("He appeared before the court on Monday.", "en",
         "After the hearing on Monday, he appeared in court.", "en"),
        # a word of order beside a span of time measures a time taken
        ("Un jury a mis moins de deux jours avant de s'entendre sur un verdict dans le procès.",
         "fr", "Le jury a rendu son verdict après un total de 14 heures. Le procès précédent "
         "s'était terminé sans que le jury ne parvienne à s'entendre sur un verdict.", "fr"),
        # a half of the claim the source's half says too little of
        ("The verdict was delayed for a while after Mladic asked the judge for a bathroom break.",
         "en", "L'accusé a été installé dans une pièce alors que la défense demandait une pause, "
         "après avoir tenté en vain de repousser le jugement.", "fr"),
        # no word of order in the source
        ("Dion sang before Perec and Riner lit the cauldron.", "en",
         "Perec and Riner lit the cauldron and Dion sang.", "en"),
    ],
)  # fmt: skip
def test_the_same_order_or_no_order_is_silence(claim, cl, evidence, el):
    assert outcome("order", claim, cl, evidence, el).outcome == "silence"
