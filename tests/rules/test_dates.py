"""Dates with and without a year, weekdays, durations."""

from __future__ import annotations

import pytest

from index.facts import find_dates

from .conftest import outcome

DATES = [
    # a month alone after a preposition is a date; two in one sentence may date two events
    (
        "Bayer made its first offer in July",
        "en",
        "Bayer a fait sa première offre en mai.",
        "fr",
        None,
        "contradiction",
    ),
    (
        "Bayer made its first offer in May",
        "en",
        "Bayer a fait sa première offre en mai.",
        "fr",
        None,
        "support",
    ),
    (
        "Bayer made its first offer in July",
        "en",
        "Bayer first offered $122 in May, and then in July raised it to $125.",
        "en",
        None,
        "unverified",
    ),
    (
        "Parler sued on March 2, 2021",
        "en",
        "Parler a porté plainte le 2 mars 2021.",
        "fr",
        None,
        "support",
    ),
    (
        "Parler sued on March 3",
        "en",
        "Parler a porté plainte le 2 mars 2021.",
        "fr",
        None,
        "contradiction",
    ),
    (
        "Parler a porté plainte le 2 avril",
        "fr",
        "Parler filed suit on March 2.",
        "en",
        None,
        "contradiction",
    ),
    (
        "Parler a porté plainte le 2 mars",
        "fr",
        "Parler filed suit on March 2.",
        "en",
        None,
        "support",
    ),
    # a date without a year takes the article's year
    (
        "Parler sued on March 2, 2021",
        "en",
        "Parler a porté plainte le 2 mars.",
        "fr",
        "2021-03-05",
        "support",
    ),
    (
        "Parler sued on March 2, 2020",
        "en",
        "Parler a porté plainte le 2 mars.",
        "fr",
        "2021-03-05",
        "contradiction",
    ),
    (
        "Parler sued in 2020",
        "en",
        "Parler a porté plainte le 2 mars 2021.",
        "fr",
        None,
        "contradiction",
    ),
    # a year against a year alone may date two events; against a full date it contradicts
    (
        "France won its second title after the 1998 one",
        "en",
        "Mondial 2018 : la France gagne.",
        "fr",
        None,
        "unverified",
    ),
    # a year alone says nothing of the day
    ("Parler sued on March 2", "en", "Parler a porté plainte en 2021.", "fr", None, "unverified"),
    # a start is compared with a start: "since August 1" does not date the declaration
    (
        "The WHO declared the emergency on July 17, 2019",
        "en",
        "L'épidémie a tué 1 668 personnes depuis le 1er août dernier.",
        "fr",
        "2019-07-18",
        "unverified",
    ),
    (
        "The outbreak began on August 1, 2019",
        "en",
        "L'épidémie a tué 1 668 personnes depuis le 1er août dernier.",
        "fr",
        "2019-07-18",
        "unverified",
    ),
    (
        "The outbreak has raged since August 2018",
        "en",
        "L'épidémie sévit depuis le 1er août dernier.",
        "fr",
        "2019-07-18",
        "support",
    ),
    (
        "The outbreak has raged since August 2019",
        "en",
        "L'épidémie sévit depuis le 1er août dernier.",
        "fr",
        "2019-07-18",
        "contradiction",
    ),
]


@pytest.mark.parametrize(("claim", "cl", "evidence", "el", "published", "expected"), DATES)
def test_date(claim, cl, evidence, el, published, expected):
    assert outcome("date", claim, cl, evidence, el, published).outcome == expected


def test_last_and_since_are_read_with_the_date():
    """ "le 1er août dernier" in a July article is August of the year before; "depuis",
    "since" make a date a start."""
    from index.facts import resolve_year

    (date,) = find_dates("depuis le 1er août dernier", "fr")
    assert date.since and date.last
    assert resolve_year(date, "2019-07-18").year == 2018
    (date,) = find_dates("since last August", "en")
    assert date.since and date.last
    (date,) = find_dates("le 17 juillet 2019", "fr")
    assert not (date.since or date.last)


def test_dates_without_a_year_are_found_in_both_languages():
    assert [(d.month, d.day, d.year) for d in find_dates("le 3 mars", "fr")] == [(3, 3, None)]
    assert [(d.month, d.day, d.year) for d in find_dates("on March 3 it rained", "en")] == [
        (3, 3, None)
    ]


@pytest.mark.parametrize(
    ("claim", "cl", "evidence", "el", "expected"),
    [
        (
            "Twitter's stock fell on Monday",
            "en",
            "L'action de Twitter a chuté lundi.",
            "fr",
            "support",
        ),
        (
            "Twitter's stock fell on Tuesday",
            "en",
            "L'action de Twitter a chuté lundi.",
            "fr",
            "contradiction",
        ),
        ("L'action a chuté mardi", "fr", "Twitter's stock fell on Monday.", "en", "contradiction"),
    ],
)
def test_weekday(claim, cl, evidence, el, expected):
    assert outcome("weekday", claim, cl, evidence, el).outcome == expected


@pytest.mark.parametrize(
    ("claim", "cl", "evidence", "el", "expected"),
    [
        (
            "Parler was offline for a month",
            "en",
            "Parler est resté hors ligne pendant un mois.",
            "fr",
            "support",
        ),
        (
            "Parler was offline for two months",
            "en",
            "Parler est resté hors ligne pendant un mois.",
            "fr",
            "contradiction",
        ),
        (
            "Parler est resté hors ligne deux mois",
            "fr",
            "Parler stayed offline for 60 days.",
            "en",
            "support",
        ),
        (
            "Parler was offline for more than a week",
            "en",
            "Parler est resté hors ligne pendant un mois.",
            "fr",
            "support",
        ),
        (
            "Parler was offline for a year",
            "en",
            "Parler stayed offline for more than a month.",
            "en",
            "unverified",
        ),
    ],
)
def test_duration(claim, cl, evidence, el, expected):
    assert outcome("duration", claim, cl, evidence, el).outcome == expected
