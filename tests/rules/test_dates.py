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


LISTS = [
    # days listed together are of one series: one the same and another not is a wrong date
    (
        "Les élections législatives se tiendront les 30 juin et 6 juillet.",
        "fr",
        "Il a annoncé les dates des deux tours : le 30 juin pour le premier tour, et le 7 "
        "juillet pour le second.",
        "fr",
        "contradiction",
    ),
    (
        "Elections will be held on 20 June and 7 July.",
        "en",
        "Le premier tour aura lieu le 30 juin et le second le 7 juillet.",
        "fr",
        "contradiction",
    ),
    (
        "Elections will be held on 30 June and 7 July.",
        "en",
        "Le premier tour aura lieu le 30 juin et le second le 7 juillet.",
        "fr",
        "support",
    ),
    # not a list: two events the claim dates apart, of which the source gives another day
    (
        "The strike began on 3 March, and a vote was held on 9 March.",
        "en",
        "The strike began on 3 March; the talks ended on 12 March.",
        "en",
        "unverified",
    ),
    # a claim that dates both events says which is which; swapped, they are not confirmed
    (
        "Elizabeth married Philip in November 1947 and was crowned on 2 June 1953.",
        "en",
        "Elle avait épousé en novembre 1947 Philip Mountbatten, avant d'y être couronnée le 2 "
        "juin 1953.",
        "fr",
        "support",
    ),
    (
        "Elizabeth married Philip in June 1953 and was crowned in November 1947.",
        "en",
        "Elle avait épousé en novembre 1947 Philip Mountbatten, avant d'y être couronnée en "
        "juin 1953.",
        "fr",
        "unverified",
    ),
]


@pytest.mark.parametrize(("claim", "cl", "evidence", "el", "expected"), LISTS)
def test_dates_listed_and_dated_apart(claim, cl, evidence, el, expected):
    assert outcome("date", claim, cl, evidence, el).outcome == expected


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


def test_months_abbreviated_as_any_country_writes_them_are_dates():
    """Agency English writes "Sept. 13", which babel's plain English abbreviates "Sep"."""
    assert [(d.month, d.day) for d in find_dates("arrested her on Sept. 13 after", "en")] == [
        (9, 13)
    ]
    assert [(d.month, d.day) for d in find_dates("on Sept 13, 2022", "en")] == [(9, 13)]
    assert [(d.month, d.day) for d in find_dates("le 13 sept. 2022", "fr")] == [(9, 13)]


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
        # the source's other day may be the claim's event's: which one the sentence alone
        # does not settle
        (
            "Biden told his staff on Saturday that he was withdrawing.",
            "en",
            "As of Saturday night Biden had planned to stay, but told his staff on Sunday that "
            "he was withdrawing.",
            "en",
            "unverified",
        ),
    ],
)
def test_weekday(claim, cl, evidence, el, expected):
    assert outcome("weekday", claim, cl, evidence, el).outcome == expected


@pytest.mark.parametrize(
    ("claim", "cl", "evidence", "el", "expected"),
    [
        # a span a hundred times another measures something else: one span against one
        (
            "Le couple avait passé 48 heures coincé dans sa cabine.",
            "fr",
            "Un couple de 29 ans a été sauvé après avoir passé 24 heures coincé dans sa cabine.",
            "fr",
            "contradiction",
        ),
        (
            "The couple spent 48 hours trapped in their cabin.",
            "en",
            "The couple, married for 29 years, spent 24 hours trapped in their cabin.",
            "en",
            "contradiction",
        ),
        (
            "The couple spent 48 hours trapped.",
            "en",
            "They spent 24 hours trapped, then 3 days in hospital.",
            "en",
            "unverified",
        ),
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
        # one span told in two units, exact to its last unit
        (
            "La finale a duré 4 heures et 24 minutes.",
            "fr",
            "The final lasted 4 hours and 42 minutes.",
            "en",
            "contradiction",
        ),
        (
            "The final lasted 4 hours 42 minutes.",
            "en",
            "La finale a duré 4 heures et 42 minutes.",
            "fr",
            "support",
        ),
        (
            "The final lasted 4 hours.",
            "en",
            "The final lasted 4 hours and 42 minutes.",
            "en",
            "contradiction",
        ),
    ],
)
def test_duration(claim, cl, evidence, el, expected):
    assert outcome("duration", claim, cl, evidence, el).outcome == expected


@pytest.mark.parametrize(
    ("claim", "cl", "evidence", "el", "expected"),
    [
        # an age is compared with an age, whatever way each language writes it
        ("Mugabe was 83 years old when he stepped down", "en", "The 93-year-old clung on.", "en",
         "contradiction"),
        ("Mugabe avait 93 ans quand il a démissionné", "fr", "The 93-year-old clung on.", "en",
         "support"),
        ("The 93-year-old leader resigned", "en", "Robert Mugabe, 93 ans, a démissionné.", "fr",
         "support"),
        ("Robert Mugabe, âgé de 83 ans, a démissionné", "fr", "Mugabe, 93, resigned after the "
         "93-year-old leader lost the army.", "en", "contradiction"),
        ("Mugabe was 93 years old", "en", "Mugabe resigned after 37 years in power.", "en",
         "unverified"),
        ("Messi was 35 years old when he won", "en",
         "Messi remporte enfin le Mondial à l'âge de 35 ans.", "fr", "support"),
        ("Messi avait 36 ans quand il a gagné", "fr", "Messi won it at the age of 35.", "en",
         "contradiction"),
        # "avait 3 enfants" is no age, and the first of a range is none either
        ("Messi was 35 years old", "en", "Messi avait 3 enfants.", "fr", "unverified"),
        ("The boys were 17 years old", "en", "The boys, aged 11 to 17, were rescued.", "en",
         "unverified"),
        # a span of years between commas after a name is an age, not a duration
        ("Robert Mugabe, 93 ans, a démissionné", "fr", "Mugabe, who ruled for 37 years, quit.",
         "en", "unverified"),
    ],
)  # fmt: skip
def test_age(claim, cl, evidence, el, expected):
    assert outcome("age", claim, cl, evidence, el).outcome == expected


def test_an_apposed_age_is_no_duration():
    assert outcome("duration", "Robert Mugabe, 93 ans, a démissionné", "fr",
                   "Mugabe ruled for 37 years.", "en").outcome == "silence"  # fmt: skip


@pytest.mark.parametrize(
    ("claim", "cl", "evidence", "el", "published", "expected"),
    [
        # a weekday dates its event in the article's week: its year, and its month when the
        # whole week is in one month
        ("Egan Bernal wins 2019 Tour de France", "en",
         "Egan Bernal a remporté dimanche son premier Tour de France.", "fr", "2019-07-28",
         "support"),
        ("Bernal a gagné le Tour en juillet 2019", "fr",
         "Bernal won the Tour on Sunday.", "en", "2019-07-15", "support"),
        # the day itself is never guessed, nor a month the week straddles
        ("Bernal won the Tour on July 28, 2019", "en",
         "Bernal won the Tour on Sunday.", "en", "2019-07-29", "unverified"),
        ("Bernal won the Tour in July 2019", "en",
         "Bernal won the Tour on Sunday.", "en", "2019-08-02", "unverified"),
        # another year is not refuted by a weekday: it may be another event
        ("Bernal won the Tour in 2018", "en",
         "Bernal won the Tour on Sunday.", "en", "2019-07-29", "unverified"),
        ("Bernal won the Tour in 2019", "en", "Bernal won the Tour on Sunday.", "en", None,
         "unverified"),
    ],
)  # fmt: skip
def test_a_weekday_dates_its_article_week(claim, cl, evidence, el, published, expected):
    assert outcome("date", claim, cl, evidence, el, published).outcome == expected


@pytest.mark.parametrize(
    ("claim", "cl", "evidence", "el", "expected"),
    [
        # one year against another, each right after the same predicate: the event misdated
        ("Grenfell Tower was built in 1984.", "en",
         "Grenfell Tower was built in 1974 and contains 120 flats.", "en", "contradiction"),
        ("La tour Grenfell a été construite en 1984.", "fr",
         "Grenfell Tower was built in 1974.", "en", "contradiction"),
        # a year elsewhere in the sentence may date another event
        ("France won the World Cup in 2018", "en",
         "France won its second World Cup after that of 1998.", "en", "unverified"),
        # of several dates, the one written beside the claim's words dates the claim's event
        ("Le musée a été fermé trois semaines en mars 2019 pour travaux.", "fr",
         "Ouvert en 1990, le musée a été fermé trois semaines en mars 2018 pour travaux.",
         "fr", "contradiction"),
        ("The mural first appeared on a wall in Bristol in 2006.", "en",
         "La fresque est apparue sur un mur de Bristol en 2003, puis a été effacée en 2011.",
         "fr", "contradiction"),
        # a period that runs from the claim's start ends where the source says
        ("Le pont a été fermé de 2015 à 2019.", "fr",
         "Le pont a été fermé de 2015 à 2017, puis rouvert en 2018.", "fr", "contradiction"),
        # a year inside the claim's period is no other date of it
        ("The 2010-2014 drought killed thousands of cattle.", "en",
         "Ranchers remember the 2012 drought, which killed thousands of cattle, and the 2016 "
         "floods.", "en", "unverified"),
        # "since" is the date's own word, not its place: two starts of two things
        ("Le virus a tué 500 personnes depuis 2019.", "fr",
         "C'est la troisième alerte depuis 2010, dont une en 2014 pour une épidémie qui a tué "
         "2 000 personnes.", "fr", "unverified"),
    ],
)  # fmt: skip
def test_a_date_in_the_claims_place(claim, cl, evidence, el, expected):
    assert outcome("date", claim, cl, evidence, el).outcome == expected


@pytest.mark.parametrize(
    ("claim", "cl", "evidence", "el", "expected"),
    [
        # "more than two weeks" and "less than two weeks" share no day
        ("Les enfants sont restés bloqués moins de deux semaines dans la grotte.", "fr",
         "The boys were trapped for more than two weeks.", "en", "contradiction"),
        ("The boys were trapped for less than two weeks.", "en",
         "Les garçons sont restés coincés plus de deux semaines.", "fr", "contradiction"),
        # a bound against a figure it does not settle
        ("Le copilote avait plus de 100 heures d'expérience sur ce type d'avion.", "fr",
         "He only had about 100 hours of experience on the type of aircraft.", "en",
         "unverified"),
    ],
)  # fmt: skip
def test_strict_bounds_of_spans(claim, cl, evidence, el, expected):
    assert outcome("duration", claim, cl, evidence, el).outcome == expected


def test_a_span_in_another_unit_than_years_is_no_age_after_a_verb_of_having():
    """ "Il avait 28 ans" is an age; "il avait 630 heures de vol" a span, which the claim
    states and the duration rule must check; "âgé de 6 mois" stays an age."""
    from index.facts import facts_of

    flown = facts_of("Il avait 28 ans et 630 heures de vol.", "fr")
    assert flown.ages == (28.0,) and [d.unit for d in flown.durations] == ["hour"]
    assert facts_of("Le bébé, âgé de 6 mois, a été sauvé.", "fr").durations == ()
    assert facts_of("The baby, aged 6 months, was saved.", "en").durations == ()
    assert [d.unit for d in facts_of("The pilot had 630 hours of flight.", "en").durations] == [
        "hour"
    ]
    claim = "Il avait 28 ans et 630 heures de vol."
    evidence = "The co-pilot, Andreas Lubitz, was a 28 year-old German, with 650 flight hours."
    assert outcome("duration", claim, "fr", evidence, "en").outcome == "unverified"


@pytest.mark.parametrize(
    ("claim", "cl", "evidence", "el", "expected"),
    [
        # the source dates the claim's Monday; the claim's Feb. 28 is another event of it
        ("Pope Benedict XVI announced Monday he will resign Feb. 28.", "en",
         "Lundi 11 février, Benoît XVI a annoncé sa démission.", "fr", "unverified"),
        ("Le pape a annoncé lundi qu'il démissionnera le 28 février.", "fr",
         "On Monday, February 11, Pope Benedict XVI announced his resignation.", "en",
         "unverified"),
        # a weekday naming the claim's own date changes nothing: another date contradicts
        ("Benedict XVI announced on Monday 12 February that he will resign.", "en",
         "Lundi 11 février, Benoît XVI a annoncé sa démission.", "fr", "contradiction"),
        ("Le pape a annoncé le vendredi 15 février sa démission.", "fr",
         "On Monday, February 11, Pope Benedict XVI announced his resignation.", "en",
         "contradiction"),
    ],
)  # fmt: skip
def test_a_date_on_the_claims_weekday_dates_that_event_not_the_other(
    claim, cl, evidence, el, expected
):
    assert outcome("date", claim, cl, evidence, el, "2013-02-11").outcome == expected


def test_an_hour_of_the_clock_is_no_span():
    """ "d'ici 23 heures", "à 17 heures": a time of day, which two sentences may give for two
    events; "a duré 23 heures", "pendant 10 heures" stay spans."""
    from index.facts import facts_of

    assert facts_of("Les aéroports seront fermés d'ici 23 heures jeudi.", "fr").durations == ()
    assert facts_of("Ils ont fermé jeudi à 17 heures.", "fr").durations == ()
    assert facts_of("Un couvre-feu s'applique à partir de 22 heures.", "fr").durations == ()
    assert [d.text for d in facts_of("Les négociations ont duré 23 heures.", "fr").durations] == [
        "23 heures"
    ]
    assert facts_of("The talks lasted 23 hours.", "en").durations[0].unit == "hour"
    claim = "Plus de 20 aéroports devaient être fermés d'ici 23 heures jeudi."
    evidence = "Ont été fermés jeudi à 17 heures les aéroports de Calais et de Lille."
    assert outcome("duration", claim, "fr", evidence, "fr").outcome == "silence"


def test_an_age_the_source_writes_as_a_figure_is_not_refuted_by_another_persons_age():
    """ "Woods, who at 43 became the second-oldest winner, after the then 46-year-old Jack
    Nicklaus": the claim's 43 is written there; 46 is Nicklaus's age."""
    claim = "Woods becomes the second oldest player to win the Masters at age 43."
    evidence = ("Woods, who at 43 became the second-oldest winner of the Masters, after the "
                "then 46-year-old Jack Nicklaus in 1986, won again.")  # fmt: skip
    assert outcome("age", claim, "en", evidence, "en").outcome == "unverified"
    claim = "Woods est devenu à 43 ans le deuxième plus vieux vainqueur."
    evidence = (
        "À 43 ans, Woods devient le deuxième plus âgé derrière Jack Nicklaus, 46 ans en 1986."
    )
    assert outcome("age", claim, "fr", evidence, "fr").outcome != "contradiction"
    assert outcome("age", "Mugabe, 83 years old, resigned.", "en",
                   "The 93-year-old Mugabe resigned.", "en").outcome == "contradiction"  # fmt: skip


RELATIVE = [
    # two times said from the day of writing: "next week" is not "next month"
    (
        "Laver Cup next month will be my final ATP event",
        "en",
        "La Laver Cup la semaine prochaine à Londres sera mon dernier évènement ATP.",
        "fr",
        "contradiction",
    ),
    ("Il a démissionné hier", "fr", "He resigned yesterday.", "en", "support"),
    (
        "He will resign next week",
        "en",
        "Il a annoncé la semaine dernière sa démission.",
        "fr",
        "contradiction",
    ),
    # a day may fall in "this year", and "this week" is in it
    (
        "Monsanto yesterday agreed to the offer",
        "en",
        "This year's biggest deal was agreed.",
        "en",
        "silence",
    ),
    ("Ils se sont rencontrés cette semaine", "fr", "They met this year.", "en", "silence"),
    # "la dernière semaine de mars", "the last week of March": the final week, no relative time
    (
        "The talks ended last week",
        "en",
        "Les pourparlers ont pris fin la dernière semaine de mars.",
        "fr",
        "silence",
    ),
    (
        "The talks ended last week",
        "en",
        "The talks ended in the last week of March.",
        "en",
        "silence",
    ),
    # "the next day" is the day after the event, not tomorrow
    ("He resigned yesterday", "en", "He resigned the next day.", "en", "silence"),
    ("He resigned yesterday", "en", "He will resign tomorrow.", "en", "contradiction"),
]


@pytest.mark.parametrize(("claim", "cl", "evidence", "el", "expected"), RELATIVE)
def test_relative_time(claim, cl, evidence, el, expected):
    assert outcome("relative", claim, cl, evidence, el).outcome == expected


def test_a_span_added_to_another_is_not_the_events_span():
    """ "deux saisons avec une option pour une année supplémentaire" against "a two-year deal
    with the option for a third season": the added year is no length of the deal."""
    from index.facts import facts_of

    assert facts_of("Il a signé avec une année supplémentaire en option.", "fr").durations == ()
    assert facts_of("He will stay two years more.", "en").durations == ()
    claim = "Messi a signé pour deux saisons avec une option pour une année supplémentaire."
    evidence = "Messi signs a two-year deal with Paris Saint-Germain, with an option for a third."
    assert outcome("duration", claim, "fr", evidence, "en").outcome == "silence"
    claim = "Messi a signé un contrat d'une année."
    assert outcome("duration", claim, "fr", evidence, "en").outcome == "contradiction"


@pytest.mark.parametrize(
    ("claim", "cl", "evidence", "el", "expected"),
    [
        # a bare number between commas after a name is an age, as agencies write it
        ("Donald Trump, 78 ans, venait d'entamer son discours.", "fr",
         "Trump, 78, had just started his speech when the shots rang out.", "en", "support"),
        ("Salah Abdeslam, 32, was sentenced on Wednesday.", "en",
         "Salah Abdeslam, 33 ans, a été condamné mercredi.", "fr", "contradiction"),
    ],
)  # fmt: skip
def test_a_bare_number_set_after_a_name_is_its_age(claim, cl, evidence, el, expected):
    assert outcome("age", claim, cl, evidence, el).outcome == expected


def test_an_apposed_age_is_no_figure_of_the_claim():
    """ "Salah Abdeslam, 32," gives his age: no count the quantity rule looks for."""
    from index.facts import facts_of

    assert facts_of("Salah Abdeslam, 32, was sentenced.", "en").quantities == ()
    # a figure with thousands after a name is no age
    assert facts_of("In Paris, 1,000 people marched.", "en").ages == ()


@pytest.mark.parametrize(
    ("text", "lang", "ages", "spans"),
    [
        # a span after a person is an age, after a thing how long it runs
        ("Le joueur de 25 ans reprend sa liberté.", "fr", (25.0,), []),
        ("Un homme de 45 ans a été arrêté.", "fr", (45.0,), []),
        # a word may qualify the person between ("le joueur brésilien de 25 ans")
        ("Le joueur brésilien de 25 ans portera le numéro 10.", "fr", (25.0,), []),
        ("Il a signé un nouveau contrat de deux ans.", "fr", (), ["2 ans"]),
        ("Il a signé un contrat de cinq ans.", "fr", (), ["5 ans"]),
        ("Une peine de 30 ans de prison.", "fr", (), ["30 ans"]),
        ("Il a mis fin à une carrière de 20 ans.", "fr", (), ["20 ans"]),
        ("He ended a career of 20 years.", "en", (), ["20 years"]),
    ],
)  # fmt: skip
def test_a_span_after_a_person_is_an_age(text, lang, ages, spans):
    from index.facts import facts_of

    found = facts_of(text, lang)
    assert found.ages == ages and [d.text for d in found.durations] == spans


@pytest.mark.parametrize(
    ("claim", "cl", "evidence", "el", "expected"),
    [
        # the age set after another's name is that person's
        ("Queen Camilla, 75, was crowned shortly after the King.", "en",
         "Le roi Charles III, 74 ans, a été couronné avec son épouse, la reine Camilla.", "fr",
         "unverified"),
        # after the claim's own name, or after no name, it is the claim's person's
        ("Queen Camilla, 75, was crowned shortly after the King.", "en",
         "Welby also crowned Charles's wife, Queen Camilla, 76.", "en", "contradiction"),
        ("Mugabe, 83, resigned on Tuesday.", "en", "The 93-year-old resigned.", "en",
         "contradiction"),
    ],
)  # fmt: skip
def test_an_age_after_another_name_is_not_the_claims_persons(claim, cl, evidence, el, expected):
    assert outcome("age", claim, cl, evidence, el).outcome == expected


@pytest.mark.parametrize(
    ("claim", "cl", "evidence", "el", "expected"),
    [
        ("China's Chang'e-4 probe touched down on the far side of the moon on January 3.", "en",
         "Le module Chang'e-4, qui avait quitté la Terre le 8 décembre, s'est posé sans "
         "encombre à 10h26.", "fr", "unverified"),
        ("La sonde s'est posée sur la Lune le 4 janvier.", "fr",
         "The probe, which had left Earth on December 8, landed safely on the moon.", "en",
         "unverified"),
        # the relative clause says the claim's own event: its date is the event's
        ("The probe landed on the moon on January 4.", "en",
         "The probe, which landed on the moon on January 3, sent back pictures.", "en",
         "contradiction"),
    ],
)  # fmt: skip
def test_a_date_in_a_relative_clause_dates_its_own_event(claim, cl, evidence, el, expected):
    """ "…, qui avait quitté la Terre le 8 décembre, s'est posé": a date in a relative clause
    that says none of the claim's words is another event's, not the claim's date denied."""
    assert outcome("date", claim, cl, evidence, el, published="2019-01-03").outcome == expected


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("The museum expects up to two million visitors a year.", []),
        ("The ship burned some 2,000 tonnes of fuel a day.", []),
        ("He earns $30,000 a month.", []),
        # a span of one unit that follows no figure, or is dated from one, is a span
        ("He was jailed for a year.", ["a year"]),
        ("In 2019, a year after the crash, the report came out.", ["a year"]),
        ("Five suspects were arrested a week after the attack.", ["a week"]),
        # the number of a name is no figure, nor is a figure read past a function word
        ("The launch of the Vega 2 rocket was delayed by an hour.", ["an hour"]),
        ("The Apollo 13 crew waited a day.", ["a day"]),
    ],
)  # fmt: skip
def test_one_unit_after_a_figure_is_a_rate_not_a_span(text, spans):
    """ "two million visitors a year" says how often, not how long."""
    from index.facts import facts_of

    assert [d.text for d in facts_of(text, "en").durations] == spans


def test_a_rate_is_no_other_span_of_time():
    """ "two million visitors a year" against "more than five years of works": no span of
    time of the claim for the source's to contradict."""
    claim = "The museum expects to welcome up to two million visitors a year."
    evidence = "Les travaux de rénovation du musée ont duré plus de cinq années."
    assert outcome("duration", claim, "en", evidence, "fr").outcome != "contradiction"
