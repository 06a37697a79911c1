"""Quantities: bounds, number words, separators of either locale, like with like."""

from __future__ import annotations

import pytest

from index.facts import facts_of, parse_number, quantities

from .conftest import outcome

CASES = [
    # bounds: "more than 40 %" is exactly what 45 % makes true
    ("More than 40% of voters turned out", "en", "Turnout reached 45%.", "en", "support"),
    (
        "Plus de 40 % des électeurs ont voté",
        "fr",
        "La participation a atteint 45 %.",
        "fr",
        "support",
    ),
    # a bound the source states does not settle an exact claim, and does not refute it
    ("Turnout was 45%", "en", "More than 40% of voters turned out.", "en", "unverified"),
    ("More than 50% of voters turned out", "en", "Turnout reached 45%.", "en", "contradiction"),
    # two floors far apart are two statements of the figure: neither implies the other
    (
        "Candidates need the backing of at least 50 MPs",
        "en",
        "Les candidats devront avoir au moins 100 parrainages de députés.",
        "fr",
        "unverified",
    ),
    # a death toll is one count, whether of the dead or of people killed, in either language
    (
        "Le séisme a fait plus de 2 100 morts.",
        "fr",
        "The quake killed at least 2,122 people and injured more than 2,400.",
        "en",
        "support",
    ),
    (
        "More than 1,600 people died.",
        "en",
        "L'épidémie a déjà tué 1.668 personnes.",
        "fr",
        "support",
    ),
    (
        "The quake killed 3,000 people.",
        "en",
        "Le séisme a fait 2 122 morts.",
        "fr",
        "contradiction",
    ),
    # people injured beside people killed are no toll
    ("Le séisme a fait 2 400 morts.", "fr", "The quake injured 2,400 people.", "en", "unverified"),
    # a claim's floor is read as a reporter writes one, "at least" as "more than": far
    # under the source's figure, it is not what the source says (nor refuted by it)
    (
        "Candidates need the backing of at least 50 MPs",
        "en",
        "Le groupe compte 357 députés.",
        "fr",
        "unverified",
    ),
    ("Au moins 50 députés ont voté le texte", "fr", "55 MPs voted for the bill.", "en", "support"),
    # on a percentage, a floor reaches a few points past its figure, not half as far again
    (
        "Plus de 45 % des votants ont dit oui",
        "fr",
        "64 % des votants ont dit oui.",
        "fr",
        "unverified",
    ),
    ("More than 45% of voters said yes", "en", "52% of voters said yes.", "en", "support"),
    (
        "Plus de 1 500 vols ont été annulés",
        "fr",
        "More than 1,600 flights were cancelled.",
        "en",
        "support",
    ),
    (
        "Moins de 30 % des électeurs ont voté",
        "fr",
        "La participation a atteint 45 %.",
        "fr",
        "contradiction",
    ),
    # number words, either language
    (
        "Eleven people died in the fire",
        "en",
        "Onze personnes sont mortes dans l'incendie.",
        "fr",
        "support",
    ),
    (
        "Twelve people died in the fire",
        "en",
        "Onze personnes sont mortes dans l'incendie.",
        "fr",
        "contradiction",
    ),
    ("Onze personnes sont mortes", "fr", "Eleven people died, officials said.", "en", "support"),
    # thousands separators of either locale
    (
        "The company has 1,250,000 subscribers",
        "en",
        "L'entreprise compte 1 250 000 abonnés.",
        "fr",
        "support",
    ),
    (
        "L'entreprise compte 1 250 000 abonnés",
        "fr",
        "The company has 1,250,000 subscribers.",
        "en",
        "support",
    ),
    (
        "The company has 1,350,000 subscribers",
        "en",
        "L'entreprise compte 1 250 000 abonnés.",
        "fr",
        "contradiction",
    ),
    # scales and decimals of either locale
    (
        "Parler had 9.6 million installs",
        "en",
        "Parler a enregistré 9,6 millions d'installations.",
        "fr",
        "support",
    ),
    (
        "Parler had 19.6 million installs",
        "en",
        "Parler a enregistré 9,6 millions d'installations.",
        "fr",
        "contradiction",
    ),
    # a part of the count ("dont 7,8 millions aux États-Unis") states the claim's part
    (
        "Roughly 7.8 million of Parler's installs were in the US",
        "en",
        "Parler a reçu 9,6 millions d'installations, dont 7,8 millions aux États-Unis.",
        "fr",
        "support",
    ),
    # a bound a source states is read as a reporter rounds: "more than 6 %" is not 12 %
    (
        "L'action a chuté de 12 %",
        "fr",
        "Shares fell more than 6% on Monday.",
        "en",
        "contradiction",
    ),
    ("Shares fell about 7%", "en", "L'action a chuté de plus de 6 % lundi.", "fr", "unverified"),
    # a count of one thing never refutes a count of another
    (
        "Trump had 20 million installs",
        "en",
        "Trump avait 88 millions d'abonnés.",
        "fr",
        "unverified",
    ),
    (
        "The deal is worth $2bn",
        "en",
        "L'accord est estimé à 2 milliards de dollars.",
        "fr",
        "support",
    ),
    (
        "The deal is worth €2bn",
        "en",
        "L'accord est estimé à 2 milliards de dollars.",
        "fr",
        "unverified",
    ),
    (
        "About 10 million people watched",
        "en",
        "Some 9.6 million people watched the final.",
        "en",
        "support",
    ),
    # ordinals, in words or digits, of the same thing
    (
        "Elle est devenue la deuxième femme à diriger le parti",
        "fr",
        "She became the third woman to lead the party.",
        "en",
        "contradiction",
    ),
    (
        "She is the 3rd woman to lead the party",
        "en",
        "Elle est la troisième femme à le diriger.",
        "fr",
        "support",
    ),
    (
        "Le club remporte son deuxième titre",
        "fr",
        "The club won its third cup.",
        "en",
        "unverified",
    ),
    (
        "It was the club's second title",
        "en",
        "The club won the cup for the second time.",
        "en",
        "support",
    ),
    # a part of a whole: "all 11" is not "10 of the 11"; an unqualified 11 may be the whole
    (
        "He was convicted on all 11 charges",
        "en",
        "The court convicted him on 10 of the 11 charges.",
        "en",
        "contradiction",
    ),
    (
        "L'usine a licencié tous les onze employés",
        "fr",
        "The plant laid off ten of the eleven employees.",
        "en",
        "contradiction",
    ),
    (
        "The plant laid off 10 employees",
        "en",
        "L'usine a licencié dix des onze employés.",
        "fr",
        "support",
    ),
    (
        "He was convicted on 11 charges",
        "en",
        "The court convicted him on 10 of the 11 charges.",
        "en",
        "unverified",
    ),
    ("He was convicted on all 11 charges", "en", "He faced 11 charges.", "en", "unverified"),
    # "all 12" is stated by "all 12", in either language
    (
        "All 12 boys have been rescued",
        "en",
        "Tous les 12 garçons ont été secourus.",
        "fr",
        "support",
    ),
    # a price per unit is not a total, and a sum said of something else refutes nothing
    (
        "Bayer agreed to a $66 billion offer",
        "en",
        "Bayer signed at 128 dollars US par action.",
        "fr",
        "unverified",
    ),
    (
        "Bayer agreed to a $66 billion offer",
        "en",
        "Bayer will pay a break-up fee of $2 billion if the deal fails.",
        "en",
        "unverified",
    ),
    (
        "Bayer agreed to a $60 billion offer",
        "en",
        "Bayer made an offer of $66 billion for Monsanto.",
        "en",
        "contradiction",
    ),
    (
        "Bayer offered $125 a share",
        "en",
        "Bayer raised its offer to $128 a share.",
        "en",
        "contradiction",
    ),
    # a claim's bound is read as a reporter writes one: "more than 25 %" is not said of 95 %
    (
        "Le parti a obtenu plus de 25 % des voix",
        "fr",
        "The party won 95% of the vote.",
        "en",
        "unverified",
    ),
    (
        "Le parti a obtenu plus de 25 % des voix",
        "fr",
        "The party won 31% of the vote.",
        "en",
        "support",
    ),
    ("More than 1,500 people died", "en", "Plus de 1 600 personnes sont mortes.", "fr", "support"),
    # several counts of one thing are of several parties: none refutes another party's count
    (
        "The VVD won 33 seats",
        "en",
        "Les travaillistes tombent à 9 sièges, les écologistes passent de 4 à 14 sièges.",
        "fr",
        "unverified",
    ),
    ("The VVD won 33 seats", "en", "The VVD won 31 seats.", "en", "contradiction"),
    # a cap is one figure: "up to 10 %" is not "up to 5 %"; "exceeds" is a bound
    (
        "Fines could reach up to 10% of turnover",
        "en",
        "Les amendes pourraient atteindre jusqu'à 5 % du chiffre d'affaires.",
        "fr",
        "contradiction",
    ),
    (
        "Fines could reach up to 5% of turnover",
        "en",
        "Fines of up to 5% of turnover.",
        "en",
        "support",
    ),
    (
        "The fine exceeds 4 billion euros",
        "en",
        "L'amende atteint 4,34 milliards d'euros.",
        "fr",
        "support",
    ),
    # a bound may take an article before its figure ("dépasse les 2.000 tonnes")
    (
        "La poussée dépasse les 2.000 tonnes",
        "fr",
        "Les moteurs génèrent 2.500 tonnes de poussée.",
        "fr",
        "support",
    ),
    (
        "Thrust exceeds the 3,000 tonnes mark",
        "en",
        "The engines produce 2,500 tonnes of thrust.",
        "en",
        "contradiction",
    ),
    # a sum a hundred times another is of something else: a price is no amount raised
    (
        "Uber a levé plus de 8 milliards de dollars",
        "fr",
        "Uber avait choisi un prix d'introduction de 45 dollars.",
        "fr",
        "unverified",
    ),
    ("Uber raised $8 billion", "en", "Uber a levé 6 milliards de dollars.", "fr", "contradiction"),
    # a price per unit and a sum said without its unit are alike when of one magnitude
    (
        "Uber set its IPO price at $50 a share",
        "en",
        "Uber avait choisi un prix d'introduction au plus bas : 45 dollars.",
        "fr",
        "contradiction",
    ),
    (
        "Uber set its IPO price at $45 a share",
        "en",
        "Uber avait choisi un prix d'introduction au plus bas : 45 dollars.",
        "fr",
        "support",
    ),
    # "at least six dead" is a floor: a higher toll later is no contradiction, only unsettled
    (
        "Douze personnes sont mortes",
        "fr",
        "The fire killed at least six people.",
        "en",
        "unverified",
    ),
    (
        "Douze personnes sont mortes",
        "fr",
        "The fire killed more than six people.",
        "en",
        "contradiction",
    ),
    # a figure that is the floor says what the floor says
    ("Six morts dans l'incendie", "fr", "The fire killed at least six people.", "en", "support"),
    ("Six personnes sont mortes", "fr", "The fire killed at least six people.", "en", "support"),
    # a lone rank or minute ("(23è)") is compared with the claim's
    (
        "Messi a marqué à la 25e minute",
        "fr",
        "Messi a ouvert la marque sur penalty (23è).",
        "fr",
        "contradiction",
    ),
    (
        "Mbappé a marqué à la 80e minute",
        "fr",
        "Mbappé a réduit l'écart (80è, s.p.).",
        "fr",
        "support",
    ),
    (
        "Mbappé scored in the 80th minute",
        "en",
        "Messi a marqué (23è), Mbappé a réduit l'écart (80è), puis égalisé (81è).",
        "fr",
        "support",
    ),
    # the figure in brackets is of the clause before them, whose subject may be another
    (
        "Messi scored in the 80th minute",
        "en",
        "Messi a marqué (23è), Mbappé a réduit l'écart (80è), puis égalisé (81è).",
        "fr",
        "contradiction",
    ),
    (
        "Di Maria scored in the 80th minute",
        "en",
        "Messi a marqué (23è), Mbappé a réduit l'écart (80è), puis égalisé (81è).",
        "fr",
        "unverified",
    ),
    # units of measure are counted things, however short; a one-letter scale is written
    # against its figure ("$2m"), so "121 m" is metres
    (
        "La plateforme mesure 131 m de long",
        "fr",
        "La plateforme mesure 121 m de long.",
        "fr",
        "contradiction",
    ),
    ("The rig is 121 m long", "en", "La plateforme mesure 121 m de long.", "fr", "support"),
    (
        "Il s'est séparé à plus de 1 000 km d'altitude",
        "fr",
        "La séparation est intervenue à 1.400 km d'altitude.",
        "fr",
        "support",
    ),
    ("Bayer paid a $2m fee", "en", "Bayer paid a fee of $3 million.", "en", "contradiction"),
    # the word after what the source counts may be what the claim counts ("11 missing")
    (
        "Oil Rig Explosion Leaves 11 Missing",
        "en",
        "Ships searched for at least 11 workers missing after the explosion.",
        "en",
        "support",
    ),
    # a fraction of what it counts is a share of it
    (
        "Moins de la moitié des sénateurs ont voté pour",
        "fr",
        "Une majorité de plus des deux tiers des sénateurs a voté pour.",
        "fr",
        "contradiction",
    ),
    (
        "More than half of the senators voted for it",
        "en",
        "61 % des sénateurs ont voté pour.",
        "fr",
        "support",
    ),
    (
        "Two-thirds of the vote went to Macron",
        "en",
        "Macron a obtenu 66,67 % des voix.",
        "fr",
        "support",
    ),
    # "half an hour", "the first half" count nothing
    ("The match lasted half an hour", "en", "The match lasted 30 minutes.", "en", "silence"),
    # "pas loin de", "not far from" are bounds
    (
        "The group will have close to 140,000 employees",
        "en",
        "Le groupe aura pas loin de 140 000 employés.",
        "fr",
        "support",
    ),
    # a figure of the same thing in another party's clause is not the claim's; the figure in
    # the clause of the claim's own subject is, and it refutes the claim
    (
        "The Ethiopian Airlines crash killed 189 people",
        "en",
        "The Ethiopian Airlines crash killed 157 people and a Lion Air crash killed 189 people.",
        "en",
        "contradiction",
    ),
    (
        "The Lion Air crash killed 189 people",
        "en",
        "The Ethiopian Airlines crash killed 157 people and a Lion Air crash killed 189 people.",
        "en",
        "support",
    ),
    (
        "L'accident d'Ethiopian Airlines a tué 189 personnes",
        "fr",
        "L'accident d'Ethiopian Airlines a tué 157 personnes, celui de Lion Air 189 personnes.",
        "fr",
        "contradiction",
    ),
    # the figure goes with the other answer ("non … 61 % face au oui … 39 %")
    (
        "Le « oui » l'a emporté avec 61,31 % des voix",
        "fr",
        "Le « non » l'emporte avec 61,31 % face au « oui » crédité de 38,69 %.",
        "fr",
        "contradiction",
    ),
    (
        "Le « non » l'a emporté avec 61,31 % des voix",
        "fr",
        "Le « non » l'emporte avec 61,31 % face au « oui » crédité de 38,69 %.",
        "fr",
        "support",
    ),
    # without another party named beside the agreeing figure, the clauses may be cut badly:
    # nothing is concluded
    (
        "Bayer will pay a $2 billion fee",
        "en",
        "Bayer agreed to buy Monsanto for $66 billion, and will pay a $2 billion fee.",
        "en",
        "unverified",
    ),
    (
        "Bayer paiera une indemnité de 2 milliards de dollars",
        "fr",
        "Bayer rachète Monsanto pour 66 milliards de dollars et paiera une indemnité de 2 "
        "milliards de dollars.",
        "fr",
        "unverified",
    ),
    # a figure of other years is not the claim's
    (
        "L'épidémie a tué 1 668 personnes depuis 2018",
        "fr",
        "En 2014, l'épidémie d'Ebola a tué 11.000 personnes en Afrique de l'Ouest.",
        "fr",
        "unverified",
    ),
    (
        "The outbreak has killed 1,668 people since 2018",
        "en",
        "Since 2018, the outbreak has killed 2,000 people.",
        "en",
        "contradiction",
    ),
    # of several rate rises, the one whose clause says what the claim says is compared
    (
        "La BCE a relevé ses trois taux directeurs de 75 points de base.",
        "fr",
        "Elle a relevé ses trois taux directeurs de 50 points de base, davantage que la "
        "hausse de 25 points initialement prévue.",
        "fr",
        "contradiction",
    ),
    (
        "About 720,000 people agreed to take the personality test.",
        "en",
        "Environ 270 000 personnes ont accepté de passer le test, mais les données de plus "
        "de 50 millions de personnes ont été collectées.",
        "fr",
        "contradiction",
    ),
    (
        "Labour won 12 seats.",
        "en",
        "Labour won 9 seats, while the Greens won 14 seats.",
        "en",
        "contradiction",
    ),
    # no clause stands out: the figures may be of other parties
    (
        "Labour won 12 seats.",
        "en",
        "The count gave 9 seats to one party and 14 seats to another.",
        "en",
        "unverified",
    ),
    (
        "Les travaillistes ont obtenu 12 sièges.",
        "fr",
        "Le décompte donne 9 sièges à un parti et 14 sièges à un autre.",
        "fr",
        "unverified",
    ),
    # a bare number between the same words as another is another figure of one thing
    (
        "Castro died after surviving 12 US administrations.",
        "en",
        "Castro died late Friday after surviving 11 US administrations.",
        "en",
        "contradiction",
    ),
    (
        "Il a survécu à 12 présidents américains.",
        "fr",
        "Il a survécu à 11 présidents américains.",
        "fr",
        "contradiction",
    ),
    # in its place a few words off, in the other language
    (
        "The controllers asked the crew to set the distress code 7500.",
        "en",
        "Les contrôleurs demandent alors le code de détresse (7600).",
        "fr",
        "contradiction",
    ),
    # a name marks no place of a bare number: each may be given its own
    (
        "Smith a pris le départ au couloir 4, à côté de Jones, couloir 5.",
        "fr",
        "Jones (9,94) a devancé Smith (9,95).",
        "fr",
        "unverified",
    ),
    # other words around it: it may count anything
    (
        "Castro died after surviving 12 US administrations.",
        "en",
        "Castro ruled Cuba for 11 years before his brother.",
        "en",
        "unverified",
    ),
    # a part of a clock time or a score is no figure of its own
    (
        "The lander started its descent at 5:20 pm.",
        "en",
        "The lander touched down at 6:04 pm.",
        "en",
        "unverified",
    ),
    (
        "Casper Ruud had won 3 titles before the final.",
        "en",
        "Nadal beat Casper Ruud 6-3 6-3 6-0 in the final.",
        "en",
        "unverified",
    ),
    # people hurt are not the people killed
    (
        "More than 300 people were injured in the attacks.",
        "en",
        "The attacks killed about 34 people.",
        "en",
        "unverified",
    ),
    (
        "Plus de 300 personnes ont été blessées dans les attentats.",
        "fr",
        "Les attentats ont tué 34 personnes.",
        "fr",
        "unverified",
    ),
    # a toll against a toll is still compared
    (
        "The attacks killed 30 people.",
        "en",
        "Les attentats ont tué 34 personnes.",
        "fr",
        "contradiction",
    ),
    # the nearest word says what a count of people counts
    (
        "More than 4,000 people were injured.",
        "en",
        "The blast killed 78 people, injured more than 4,000 people.",
        "en",
        "support",
    ),
    (
        "Plus de 300 personnes ont été blessées.",
        "fr",
        "Les attentats ont tué 32 personnes et blessé 340 personnes.",
        "fr",
        "support",
    ),
    # a source's approximate figure against a claim's bound: read as written, not ±12 %
    (
        "More than 15,000 photovoltaic cells cover its wings.",
        "en",
        "Ses ailes portent quelque 17.000 cellules photovoltaïques.",
        "fr",
        "support",
    ),
    (
        "Cosby paid Constand more than $3 million in 2006.",
        "en",
        "Cosby had paid Ms Constand almost $3.4m in 2006.",
        "en",
        "support",
    ),
    # ... and strays no further than half its last digit: "about 312" is rounded to the unit
    (
        "The group has more than $300 billion of debt.",
        "en",
        "The group has about $312 billion of debt.",
        "en",
        "support",
    ),
    (
        "Le séisme a fait plus de 1 400 morts.",
        "fr",
        "Le séisme a fait près de 1 450 morts.",
        "fr",
        "support",
    ),
    (
        "The group has more than $312 billion of debt.",
        "en",
        "The group has about $312 billion of debt.",
        "en",
        "unverified",
    ),
    # a floor as far below the figure as a reporter rounds, the figure rounded as exact
    (
        "Ils sont accusés de plus de 100 millions de dollars de pots-de-vin.",
        "fr",
        "They are accused of involvement in $150 million of bribes.",
        "en",
        "support",
    ),
    (
        "Ils sont accusés de plus de 100 millions de dollars de pots-de-vin.",
        "fr",
        "They are accused of involvement in $160 million of bribes.",
        "en",
        "unverified",
    ),
    # words for a number of things are figures too
    (
        "Paul-Henri Nargeolet avait participé à une centaine d'expéditions vers l'épave.",
        "fr",
        "L'ancien militaire Paul-Henri Nargeolet a participé à une trentaine d'expéditions vers "
        "l'épave.",
        "fr",
        "contradiction",
    ),
    # hours of the day are compared with hours
    (
        "He said he would resign effective 8 p.m. on Feb. 28.",
        "en",
        "Sa démission prendra effet le 28 février prochain, à 20h.",
        "fr",
        "support",
    ),
    # another hour may be another moment of the story: unverified, not denied
    (
        "The airports were closed from 3pm on Thursday.",
        "en",
        "Les aéroports sont fermés à partir de 17h jeudi.",
        "fr",
        "unverified",
    ),
    # an hour is no count: "à 19h06" says nothing of how many cardinals voted
    (
        "115 cardinals took part in the conclave.",
        "en",
        "Les cardinaux, en conclave depuis mardi, ont élu le pape à 19h06.",
        "fr",
        "unverified",
    ),
    # a figure in the claim's place, beside the same words, is of the same thing, whatever
    # name the claim writes before its noun
    (
        "About 45 million Zoom shares changed hands on Monday.",
        "en",
        "About 80 million shares changed hands on Monday, twice the usual volume.",
        "en",
        "contradiction",
    ),
    (
        "The company sold 3 million Galaxy phones in May.",
        "en",
        "The company sold 2 million phones in May and 5 million in June.",
        "en",
        "contradiction",
    ),
    # the same place in a sentence of another year: the figure may be of another time
    (
        "The company sold 3 million Galaxy phones in May 2019.",
        "en",
        "The company sold 8 million phones in May 2023.",
        "en",
        "unverified",
    ),
    # the same place, but each figure names its own noun: two things counted
    (
        "Le club compte 40 000 abonnés cette saison.",
        "fr",
        "Le club compte 25 000 supporters dans son stade cette saison.",
        "fr",
        "unverified",
    ),
    # an adjective between the figure and its noun: the noun after it is what is counted
    (
        "Some 160 uniformed firefighters received a standing ovation.",
        "en",
        "160 sapeurs-pompiers en uniforme ont défilé au sein de la cathédrale.",
        "fr",
        "support",
    ),
    (
        "Some 250 uniformed firefighters received a standing ovation.",
        "en",
        "160 sapeurs-pompiers en uniforme ont défilé au sein de la cathédrale.",
        "fr",
        "contradiction",
    ),
    (
        "Some 250 uniformed firefighters received a standing ovation.",
        "en",
        "160 police officers in uniform received an ovation.",
        "en",
        "unverified",
    ),
]


@pytest.mark.parametrize(("claim", "cl", "evidence", "el", "expected"), CASES)
def test_quantity(claim, cl, evidence, el, expected):
    assert outcome("quantity", claim, cl, evidence, el).outcome == expected


def test_silent_without_a_number():
    assert (
        outcome("quantity", "Parler sued Amazon", "en", "Parler a poursuivi Amazon.", "fr").outcome
        == "silence"
    )


@pytest.mark.parametrize(
    ("raw", "lang", "value"),
    [("1 250 000", "fr", 1250000), ("1,250,000", "en", 1250000), ("9,6", "fr", 9.6),
     ("9.6", "en", 9.6), ("1.250.000", "fr", 1250000), ("1\u202f250", "fr", 1250)],
)  # fmt: skip
def test_parse_number_follows_the_texts_locale(raw, lang, value):
    assert parse_number(raw, lang) == value


def test_a_word_after_a_sum_is_what_it_measures():
    """ "$66 billion offer" measures an offer ("of" + "fer" is no reading of it)."""
    (offer,) = quantities("a $66 billion offer from Bayer", "en")
    assert (offer.kind, offer.counted) == ("money:USD", "offer")


def test_years_and_dates_are_not_counts():
    assert quantities("En 2021, Parler a porté plainte", "fr") == []


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # a quote is read in every language: a day of a month in the other one is no figure
        ("Ils se sont rendus au Capitole le 6 janvier 2021.", "en"),
        ("They stormed the Capitol on 6 January.", "fr"),
    ],
)
def test_a_day_of_a_month_in_either_language_is_no_figure(text, lang):
    assert quantities(text, lang) == []


@pytest.mark.parametrize(
    ("claim", "cl", "evidence", "el", "expected"),
    [
        # "one of the 20 largest" ranks 20th or better: it leaves "among the ten largest" open
        ("La SVB figurait parmi les dix plus grandes banques des États-Unis.", "fr",
         "La SVB est l'une des 20 plus grandes banques des États-Unis.", "fr", "unverified"),
        ("SVB was one of the 10 largest US banks.", "en",
         "SVB was one of the 20 largest banks in the United States.", "en", "unverified"),
        # and "among the ten largest" makes "one of the 20 largest" true, across languages
        ("SVB was one of the 20 largest US banks.", "en",
         "La SVB est l'une des dix plus grandes banques des États-Unis.", "fr", "support"),
        ("La SVB est l'une des 20 plus grandes banques.", "fr",
         "SVB was among the 10 biggest US lenders.", "en", "support"),
    ],
)  # fmt: skip
def test_a_figure_before_a_superlative_is_a_rank_bound(claim, cl, evidence, el, expected):
    assert outcome("quantity", claim, cl, evidence, el).outcome == expected


def test_a_count_before_a_word_ending_like_a_superlative_stays_a_count():
    """ "the 5 interest payments": "interest" is no superlative (its lemma is itself)."""
    (payments,) = quantities("the 5 interest payments were made", "en")
    assert payments.kind == "count"
    (plus,) = [q for q in quantities("Il a marqué 10 plus tard", "fr") if q.value == 10]
    assert plus.kind != "rank"  # no "les"/"des" before it: no rank


def test_the_swiss_apostrophe_groups_thousands():
    assert parse_number("25'000", "fr") == 25000 and parse_number("1’250’000", "en") == 1250000
    (staff,) = [q for q in quantities("et 25'000 employés sur le carreau", "fr")]
    assert (staff.value, staff.counted) == (25000, "employés")
    claim = "Lehman a laissé 25.000 employés sur le carreau."
    evidence = "La banque laisse 25'000 employés sur le carreau."
    assert outcome("quantity", claim, "fr", evidence, "fr").outcome == "support"


@pytest.mark.parametrize(
    ("claim", "cl", "evidence", "el", "expected"),
    [
        # the source's "fifth" states the claim's fifth title, not its 22nd appearance
        ("This is the fifth Masters title for Woods in his 22nd Masters appearance.", "en",
         "Woods a remporté dimanche son cinquième Masters.", "fr", "unverified"),
        ("C'est le cinquième Masters de Woods, pour sa 22e participation au Masters.", "fr",
         "Woods won his fifth Masters on Sunday.", "en", "unverified"),
        # "around $222 billion" cannot state both of the claim's sums
        ("His net worth rose from $200 billion to $212 billion.", "en",
         "Sa fortune est estimée à environ 222 milliards de dollars.", "fr", "unverified"),
        # each figure still answers its own
        ("His net worth rose from $200 billion to $212 billion.", "en",
         "His fortune rose from $200 billion to $212 billion.", "en", "support"),
    ],
)  # fmt: skip
def test_one_figure_of_the_source_answers_one_of_the_claim(claim, cl, evidence, el, expected):
    assert outcome("quantity", claim, cl, evidence, el).outcome == expected


def test_a_count_qualified_after_its_noun_is_not_refuted_by_another_count():
    """ "150 passagers néerlandais" against "34 passagers sans nationalité confirmée": a count
    of other passengers. English puts the adjective before ("154 Dutch passengers"), where
    what is counted already differs."""
    claim = "Plus de 150 passagers néerlandais se trouvaient à bord."
    others = "« Trente-quatre passagers sont toujours sans nationalité confirmée », a-t-il dit."
    assert outcome("quantity", claim, "fr", others, "fr").outcome == "unverified"
    same = "Il y avait 154 passagers néerlandais à bord."
    assert (
        outcome("quantity", "Il y avait 200 passagers néerlandais.", "fr", same, "fr").outcome
        == "contradiction"
    )
    assert (
        outcome("quantity", "Thrust exceeds the 3,000 tonnes mark", "en",
                "The engines produce 2,500 tonnes of thrust.", "en").outcome
        == "contradiction"
    )  # fmt: skip


def test_a_plural_scale_with_no_number_says_many_not_one():
    """ "short billions of dollars", "des milliards de dollars": no figure to hold a claim's
    32 billion against. A number before the scale still makes one ("trois millions")."""
    assert quantities("FTX, short billions of dollars, filed for bankruptcy.", "en") == []
    assert quantities("Thousands of people marched.", "en") == []
    assert quantities("La plateforme a perdu des milliards de dollars.", "fr") == []
    assert [q.value for q in quantities("trois millions de personnes", "fr")] == [3_000_000]
    assert [q.value for q in quantities("three million people", "en")] == [3_000_000]
    for claim, cl, evidence, el in (
        ("FTX était valorisée 32 milliards de dollars.", "fr",
         "FTX, short billions of dollars, filed for bankruptcy.", "en"),
        ("FTX was valued at $32 billion.", "en",
         "La plateforme FTX a perdu des milliards de dollars.", "fr"),
    ):  # fmt: skip
        assert outcome("quantity", claim, cl, evidence, el).outcome == "unverified"


def test_a_gap_is_compared_with_a_gap_not_with_a_total():
    """ "25 points d'écart" is no score: the winner's 524 and the runner-up's 499 say it."""
    assert [q.role for q in quantities("avec 25 points d'écart", "fr")] == ["difference"]
    assert [q.role for q in quantities("Labour finished 3 seats ahead", "en")] == ["difference"]
    claim = "Avec seulement 25 points d'écart, elle décroche la deuxième place."
    total = "She finished second with 499 points."
    assert outcome("quantity", claim, "fr", total, "en").outcome == "unverified"
    claim = "Pravi a terminé avec 25 points de retard sur le vainqueur."
    gap = "Pravi finished 25 points behind the winner."
    assert outcome("quantity", claim, "fr", gap, "en").outcome == "support"
    wider = "Pravi finished 40 points behind the winner."
    assert outcome("quantity", claim, "fr", wider, "en").outcome == "contradiction"


def test_a_number_word_joined_to_its_unit_is_a_number():
    """ "a two-year contract", "trois-ans": the span is two years; "first-degree" stays an
    adjective (an ordinal joined to its noun is not a count)."""
    from index.facts import facts_of
    from index.facts.numbers import with_digits

    assert [d.days for d in facts_of("He signed a two-year contract.", "en").durations] == [730.5]
    assert "2 year" in with_digits("a two-year contract", "en")
    assert with_digits("first-degree rape", "en") == "first-degree rape"
    assert with_digits("a well-known case", "en") == "a well-known case"


def test_a_year_in_another_clause_does_not_date_the_figure():
    """ "du jamais-vu depuis 2011" dates a comparison, not the rise of 50 points; and a
    point after a year still ends its sentence, as after a word."""
    claim = "En juillet 2022, la BCE a relevé ses taux directeurs de 75 points de base."
    evidence = (
        "La BCE a augmenté ses taux, du jamais-vu depuis 2011. Elle a relevé ses taux "
        "directeurs de 50 points de base."
    )
    assert outcome("quantity", claim, "fr", evidence, "fr").outcome == "contradiction"
    claim = "In July 2022 the ECB raised its key rates by 75 basis points."
    evidence = (
        "Rates rose for the first time since 2011. The ECB raised its key rates by 50 basis points."
    )
    assert outcome("quantity", claim, "en", evidence, "en").outcome == "contradiction"
    same_clause = "In 2011 the ECB raised its key rates by 50 basis points."
    assert outcome("quantity", claim, "en", same_clause, "en").outcome == "unverified"


@pytest.mark.parametrize(
    ("claim", "cl", "evidence", "el", "expected"),
    [
        # the claim gives each party a figure; the source gives them the other way round
        ("In Lviv, Zelensky received 62.8% of the vote and Poroshenko 34.48%.", "en",
         "In Lviv, Poroshenko has received 62.8% of the vote and Zelensky has 34.48%.", "en",
         "contradiction"),
        ("À Lviv, Zelensky a obtenu 62,8 % des voix et Porochenko 34,48 %.", "fr",
         "In Lviv, Poroshenko has received 62.8% of the vote and Zelensky has 34.48%.", "en",
         "contradiction"),
        ("À Lviv, Zelensky a obtenu 62,8 % des voix et Porochenko 34,48 %.", "fr",
         "À Lviv, Zelensky a obtenu 62,8 % des voix, et Porochenko 34,48 %.", "fr",
         "support"),
        # one party with figures, other names about it: nothing is swapped
        ("Silicon Valley Bank had 17 branches in California and Massachusetts.", "en",
         "The lender had 17 branches in California and Massachusetts.", "en", "support"),
    ],
)  # fmt: skip
def test_figures_given_to_the_claims_parties_the_other_way_round_contradict(
    claim, cl, evidence, el, expected
):
    signal = outcome("quantity", claim, cl, evidence, el)
    assert signal.outcome == expected
    assert signal.swapped == (expected == "contradiction")


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("27,000 flights were delayed, 2,700 of them in the US.", "en",
         [(27000, "flights", None), (2700, "flights", "subset")]),
        ("Plus de 27 000 vols ont été retardés, dont plus de 2 700 aux États-Unis.", "fr",
         [(27000, "vols", None), (2700, "vols", "subset")]),
        ("27 000 vols ont été retardés, 2 700 d'entre eux aux États-Unis.", "fr",
         [(27000, "vols", None), (2700, "vols", "subset")]),
        # more of the same thing, not a part of it
        ("Trente-deux personnes sont tuées et 340 autres sont blessées.", "fr",
         [(32, "personnes", None), (340, "personnes", None)]),
        ("The blast killed 78 people and injured 4,000 others.", "en",
         [(78, "people", None), (4000, "people", None)]),
        # a number that names what it counts keeps it
        ("2,000 people were evacuated, including 300 children.", "en",
         [(2000, "people", None), (300, "children", None)]),
    ],
)  # fmt: skip
def test_a_number_without_its_noun_counts_what_the_count_before_it_counts(text, lang, expected):
    assert [(q.value, q.counted, q.role) for q in quantities(text, lang)] == expected


def test_a_part_counted_by_reference_is_compared_with_the_claims_count():
    """ "Plus de 2 000 vols retardés aux États-Unis" is stated by "2,700 of them in the U.S."
    after "27,000 flights", and "More than 300 people were injured" by "340 autres"."""
    assert outcome("quantity", "Plus de 2 000 vols ont été retardés aux États-Unis.", "fr",
                   "More than 27,000 flights were delayed worldwide, with more than 2,700 of "
                   "them in the U.S.", "en").outcome == "support"  # fmt: skip
    assert outcome("quantity", "More than 300 people were injured in the attacks.", "en",
                   "Trente-deux personnes sont tuées et 340 autres sont blessées dans ces "
                   "attentats.", "fr").outcome == "support"  # fmt: skip
    assert outcome("quantity", "More than 500 people were injured in the attacks.", "en",
                   "Trente-deux personnes sont tuées et 340 autres sont blessées dans ces "
                   "attentats.", "fr").outcome == "contradiction"  # fmt: skip


def test_us_dollars_written_after_their_sign_are_dollars():
    """ "$US209 billion", as Australian papers write it, is a sum in US dollars."""
    for text, lang in (
        ("The bank had about $US209 billion in total assets.", "en"),
        ("La banque détenait environ 209 milliards $US d'actifs.", "fr"),
    ):
        assert [q.kind for q in quantities(text, lang)] == ["money:USD"]
    claim = "The bank held more than $200 billion in total assets."
    evidence = "The bank had $US209 billion in total assets."
    assert outcome("quantity", claim, "en", evidence, "en").outcome == "support"


@pytest.mark.parametrize(
    ("text", "lang", "figures"),
    [
        ("India's Chandrayaan-3 mission cost less than 70 million euros.", "en", [70_000_000]),
        ("La sonde russe Luna-25 s'est écrasée.", "fr", []),
        ("NASA's Artemis 1 lunar mission lifted off with 3 mannequins.", "en", [3]),
        ("The G20 summit and the A380 order", "en", []),
        # not a name: the first word, a date, a score, a bound, a headline in title case
        ("Eleven people were rescued.", "en", [11]),
        ("On Sunday 6 March, 300 people marched.", "en", [300]),
        ("France beat Croatia 4-2 in Moscow.", "en", [4, 2]),
        ("Oil Rig Explosion Leaves 11 Missing", "en", [11]),
    ],
)
def test_a_number_that_is_part_of_a_name_is_no_figure(text, lang, figures):
    assert [q.value for q in facts_of(text, lang).quantities] == figures


@pytest.mark.parametrize(
    ("text", "lang", "clocks"),
    [
        ("Les fidèles ont appris mercredi à 19h06 qu'un pape avait été élu.", "fr", [1146]),
        ("À 20h, 300 personnes attendaient.", "fr", [1200]),
        ("He resigned at 8 p.m. with 12 aides.", "en", [1200]),
        ("At 6:30 p.m., 40 people were waiting.", "en", [1110]),
        ("Airports were closed from 3pm.", "en", [900]),
        # the half of the day in capitals, as agencies write it
        ("The launch is set for 6 PM with 4 astronauts.", "en", [1080]),
        ("Doors open at 9:15 P.M. for 200 guests.", "en", [1275]),
        ("La course des 24h du Mans a réuni 62 voitures.", "fr", []),
        ("Elle a signé peu après 14 heures son acte, devant 31 ministres.", "fr", [840]),
        ("Il est arrivé à 15 heures 30 avec 7 gardes.", "fr", [930]),
        # the typographic "18 h", alone or before the minutes
        ("Un couvre-feu à compter de 18 h (heure locale) pour 3 villes.", "fr", [1080]),
        ("Il est arrivé à 19 h 30 avec 7 gardes.", "fr", [1170]),
        ("Après 15 heures de négociations, 7 pays ont signé.", "fr", []),
        ("Il était à 15 heures de route, avec 7 camions.", "fr", []),
    ],
)
def test_an_hour_of_the_day_is_a_clock_not_a_count(text, lang, clocks):
    """The hour is one figure, the minute of the day; its minutes are no count of their own."""
    found = facts_of(text, lang).quantities
    assert [q.value for q in found if q.kind == "clock"] == clocks
    assert all(q.value != 6 and q.value != 30 for q in found if q.kind != "clock")


def test_a_number_after_a_name_that_measures_is_a_figure():
    """ "Augusto Pinochet 41 years ago": a unit after the number makes it a measure, in
    whichever language the sentence is read."""
    text = "A charter imposed by the dictatorship of Augusto Pinochet 41 years ago"
    for lang in ("en", "fr"):
        assert [q.value for q in quantities(text, lang)] == [41]


@pytest.mark.parametrize(
    ("text", "lang", "value", "counted"),
    [
        ("Une centaine de pompiers ont été dépêchés.", "fr", 100, "pompiers"),
        ("Il a tué une dizaine d’otages.", "fr", 10, "otages"),
        ("A dozen firefighters were sent.", "en", 12, "firefighters"),
        ("Il a participé à une trentaine d'expéditions.", "fr", 30, "expéditions"),
    ],
)
def test_words_for_a_number_of_things_are_approximate_counts(text, lang, value, counted):
    (found,) = facts_of(text, lang).quantities
    assert (found.value, found.bound, found.counted) == (value, "approx", counted)


@pytest.mark.parametrize(
    ("text", "lang", "value", "bound"),
    [
        # a figure before the word multiplies it: "two dozen" is 24, not a 2 and a 12
        ("More than two dozen candidates were murdered.", "en", 24, "gt"),
        ("Three dozen people were hurt.", "en", 36, "approx"),
        ("Half a dozen people were hurt.", "en", 6, "approx"),
        ("Deux douzaines de manifestants ont été arrêtés.", "fr", 24, "approx"),
        ("Trois centaines de soldats ont été déployés.", "fr", 300, "approx"),
        # a bound before it is its bound, not lost to "about"
        ("Plus d'une vingtaine de candidats ont été assassinés.", "fr", 20, "gt"),
        ("Au moins une centaine de personnes sont mortes.", "fr", 100, "ge"),
        ("Moins d'une dizaine de blessés ont été hospitalisés.", "fr", 10, "lt"),
        ("More than a dozen people were hurt.", "en", 12, "gt"),
        ("Environ une centaine de personnes sont mortes.", "fr", 100, "approx"),
    ],
)
def test_a_word_for_a_number_of_things_takes_the_figure_and_bound_before_it(
    text, lang, value, bound
):
    (found,) = facts_of(text, lang).quantities
    assert (found.value, found.bound) == (value, bound)


def test_a_bound_elided_before_digits_is_read():
    """ "plus d'1,5 million": the bound's elided "de" joins the figure."""
    (found,) = facts_of("Il compte plus d'1,5 million d'abonnés.", "fr").quantities
    assert (found.value, found.bound) == (1_500_000, "gt")


def test_more_than_two_dozen_states_more_than_about_twenty_across_languages():
    claim = "Plus d'une vingtaine de candidats locaux ont été assassinés."
    evidence = "More than two dozen aspiring local politicians have been murdered."
    assert outcome("quantity", claim, "fr", evidence, "en").outcome == "support"
    fewer = "Plus d'une trentaine de candidats locaux ont été assassinés."
    assert outcome("quantity", fewer, "fr", evidence, "en").outcome != "support"


def test_counts_of_a_noun_meet_across_languages_through_the_lexicon():
    claim = "Griezmann comptait sept buts au moment de la finale."
    evidence = "Griezmann had six goals before the final."
    assert outcome("quantity", claim, "fr", evidence, "en").outcome == "contradiction"


@pytest.mark.parametrize(
    ("text", "value", "kind"),
    [
        ("Comcast made a 75-billion-dollar offer.", 75e9, "money:USD"),
        ("It made a $2-billion bid.", 2e9, "money:USD"),
        ("It paid a 10-million-euro fine.", 1e7, "money:EUR"),
    ],
)
def test_a_figure_joined_to_its_scale_and_currency_by_hyphens_is_a_sum(text, value, kind):
    (found,) = facts_of(text, "en").quantities
    assert (found.value, found.kind) == (value, kind)


def test_a_couple_is_no_count():
    """ "A couple from Texas" are two spouses, not a figure the claim could be checked on."""
    assert facts_of("A couple from Texas died in the flood.", "en").quantities == ()


def test_a_second_of_time_is_no_rank():
    """ "200 cubic metres a second" is a rate: no "2nd" to set against "the fourth eruption";
    "a second eruption" is one."""
    assert [
        q.kind for q in quantities("Lava flowed at 200 cubic metres a second, it said.", "en")
    ] == ["count"]
    (second,) = quantities("It was a second eruption.", "en")
    assert (second.kind, second.value) == ("ordinal", 2.0)


def test_a_figure_the_claim_gives_elsewhere_answers_that_one():
    """ "rejected by 230 votes" is the claim's "majority of 230 against"; the tally "432 votes
    to 202" is one fact, the score rule's, which the margin neither states nor denies."""
    evidence = "The deal has been rejected by 230 votes, the largest defeat in history."
    both = "MPs rejected the deal by 432 votes to 202, a majority of 230 against the government."
    assert outcome("quantity", both, "en", evidence, "en").outcome == "silence"
    alone = "MPs rejected the deal by 432 votes to 202."
    assert outcome("quantity", alone, "en", evidence, "en").outcome == "silence"
    assert outcome("score", alone, "en", evidence, "en").outcome == "unverified"


def test_an_hour_written_with_the_word_for_hours_is_compared_with_the_sources_hour():
    """ "peu après 15 heures" against "peu après 14 heures", each after "signé": the source's
    hour in the claim's place denies it (it had been read as two spans of about the same
    length, which supported it)."""
    claim = "La reine a signé son acte d'abdication peu après 15 heures, au palais."
    evidence = "Au palais, elle a signé peu après 14 heures son acte d'abdication."
    assert outcome("quantity", claim, "fr", evidence, "fr").outcome == "contradiction"
    assert outcome("duration", claim, "fr", evidence, "fr").outcome == "silence"
    same = "Au palais, elle a signé peu après 15 heures son acte d'abdication."
    assert outcome("quantity", claim, "fr", same, "fr").outcome == "support"


@pytest.mark.parametrize(
    ("claim", "cl", "evidence", "el", "expected"),
    [
        # a unit written as a word, as a symbol, joined to its figure or by a hyphen
        ("Long d'environ 6,5 m, le Titan était conçu pour cinq personnes.", "fr",
         "Le Titan, conçu pour cinq personnes, était long d'environ 6,5 mètres.", "fr",
         "support"),
        ("Le cône arrière a été localisé à environ 1 600 pieds de la proue.", "fr",
         "The tail cone was found approximately 1600ft from the bow.", "en", "support"),
        ("La Finlande partage avec la Russie une frontière de 1340 km.", "fr",
         "Finland shares a 1,340-kilometer eastern border with Russia.", "en", "support"),
        ("Finland shares a 1,300-kilometre border with Russia.", "en",
         "La Finlande partage avec la Russie une frontière de 1340 km.", "fr", "contradiction"),
        # another unit of the same dimension is compared once converted, as a rounded figure
        ("The border is 1,340 miles long.", "en",
         "La frontière est longue de 1340 km.", "fr", "contradiction"),
        ("Finland shares an 830-mile border with Russia.", "en",
         "La Finlande partage avec la Russie une frontière de 1340 km.", "fr", "support"),
        ("The pipeline stretches 5,500 kilometres to the mid-Atlantic.", "en",
         "The pipeline stretches 5,500 miles to the mid-Atlantic.", "en", "contradiction"),
        ("The tail cone was found about 500 metres from the bow.", "en",
         "The tail cone was found approximately 1600ft from the bow.", "en", "support"),
        # a figure given in two units is one figure
        ("L'avion s'est écrasé à quelque 80 km de la frontière russe.", "fr",
         "It came down at Torez, some 40 km (25 miles) from the Russia border.", "en",
         "contradiction"),
        # a unit of another dimension is another thing
        ("The ship weighs 1,340 tonnes.", "en", "The border is 1340 km long.", "en",
         "unverified"),
    ],
)  # fmt: skip
def test_a_unit_is_one_whether_written_as_a_word_or_a_symbol_and_others_are_converted(
    claim, cl, evidence, el, expected
):
    assert outcome("quantity", claim, cl, evidence, el).outcome == expected


@pytest.mark.parametrize(
    ("text", "lang", "value", "kind", "counted"),
    [
        # a function word after the figure counts nothing
        ("Of the 202 injured, 25 were on life support.", "en", 25, "number", None),
        ("Neuf membres étaient contre, six qui y étaient favorables.", "fr", 6, "number", None),
        # a unit joined to its figure
        ("A 50m-high section of the bridge fell.", "en", 50, "count", "m"),
        ("It stopped 1600ft from the bow.", "en", 1600, "count", "ft"),
    ],
)  # fmt: skip
def test_what_a_figure_counts(text, lang, value, kind, counted):
    (found,) = [q for q in facts_of(text, lang).quantities if q.value == value]
    assert (found.kind, found.counted) == (kind, counted)


def test_a_count_of_what_a_function_word_follows_is_stated_by_the_same_figure():
    claim = "A prosecutor said that of the 202 people injured, 25 were on life support."
    evidence = "A prosecutor said that of the 202 people injured, 25 are on life support."
    assert outcome("quantity", claim, "en", evidence, "en").outcome == "support"


def test_a_one_letter_scale_joined_to_its_figure_stays_a_scale():
    """ "$2m" is two million dollars, not two metres; "50m-high" is 50 metres."""
    (raised,) = facts_of("He raised $2m for the plan.", "en").quantities
    assert (raised.kind, raised.value) == ("money:USD", 2e6)


@pytest.mark.parametrize(
    ("text", "lang", "values"),
    [
        # a half belongs to the figure before it, in either order
        ("Le contrat s'étendra sur deux saisons et demie.", "fr", [2.5]),
        ("The deal runs for two and a half seasons.", "en", [2.5]),
        ("He played 3 seasons and a half abroad.", "en", [3.5]),
        # the bare first figure of a range takes the scale of the second
        ("Il touchera entre 50 et 60 millions de dollars.", "fr", [50e6, 60e6]),
        ("He will earn between 50 and 60 million dollars.", "en", [50e6, 60e6]),
        ("Between 3 and 5 people were hurt.", "en", [3, 5]),
        # a figure without "between" is no range: "60 to 40" is a score
        ("The motion passed 60 to 40 million.", "en", [60, 40e6]),
    ],
)  # fmt: skip
def test_halves_and_ranges_read_as_written(text, lang, values):
    assert [q.value for q in facts_of(text, lang).quantities] == values


@pytest.mark.parametrize(
    ("text", "lang", "counted"),
    [
        # figures listed before one noun all count it
        ("Toni Kroos a marqué aux 24e et 26e minutes.", "fr", ["minutes", "minutes"]),
        ("Kroos scored in the 24th and 26th minutes.", "en", ["minutes", "minutes"]),
        ("Il a marqué 2, 3 ou 4 buts.", "fr", ["buts", "buts", "buts"]),
        ("Three or four people were hurt.", "en", ["people", "people"]),
        # a year before "and" is no member of the list
        ("Elle a été élue en 2014 et 15 députés l'ont suivie.", "fr", ["députés"]),
    ],
)  # fmt: skip
def test_listed_figures_count_the_noun_after_the_last(text, lang, counted):
    assert [q.counted for q in facts_of(text, lang).quantities] == counted


def test_a_listed_rank_is_not_denied_by_a_rank_of_another_thing():
    """ "aux 24e et 26e minutes" ranks minutes: another player's "16e but" says nothing of
    them; another minute does."""
    claim = "Toni Kroos a inscrit un doublé, aux 24e et 26e minutes."
    evidence = "Miroslav Klose a inscrit un 16e but record au Mondial."
    assert outcome("quantity", claim, "fr", evidence, "fr").outcome != "contradiction"
    evidence = "Kroos scored in the 24th and 29th minutes."
    assert outcome("quantity", claim, "fr", evidence, "en").outcome == "contradiction"


def test_a_range_of_sums_a_year_is_the_same_in_both_languages():
    claim = "His deal will pay him between $50 million and $60 million a year."
    evidence = "Il sera rémunéré entre 50 et 60 millions de dollars par an."
    assert outcome("quantity", claim, "en", evidence, "fr").outcome == "support"
    assert outcome("quantity", evidence, "fr", claim, "en").outcome == "support"
    # "l'année dernière" after a sum dates it; it is no rate
    (total,) = facts_of("Il l'a achetée 44 milliards de dollars l’année dernière.", "fr").quantities
    assert total.kind == "money:USD"


@pytest.mark.parametrize(
    ("claim", "cl", "expected"),
    [
        ("Elle devient la troisième plus jeune lauréate du prix.", "fr", "support"),
        ("She became the third youngest winner of the prize.", "en", "support"),
        ("She became the second youngest winner of the prize.", "en", "unverified"),
    ],
)
def test_an_ordinal_before_a_superlative_is_a_rank_not_a_count(claim, cl, expected):
    """ "third youngest" ranks; "a second title" in the same sentence counts titles."""
    evidence = "It was a second title for the 20-year-old, the third youngest winner of the prize."
    assert outcome("quantity", claim, cl, evidence, "en").outcome == expected


@pytest.mark.parametrize(
    ("text", "lang", "minute"),
    [
        ("The vote is expected at about 1900 GMT on Wednesday.", "en", 19 * 60),
        ("The rocket lifted off at 1:47 a.m. EST (0647 GMT).", "en", 6 * 60 + 47),
        ("L'annonce est officialisée à 19 h 30.", "fr", 19 * 60 + 30),
        ("Il reste empereur jusqu'à minuit (17 heures, heure de Paris).", "fr", 17 * 60),
    ],
)
def test_hours_with_a_time_zone_or_a_spaced_h_are_clock_times(text, lang, minute):
    clocks = [q.value for q in facts_of(text, lang).quantities if q.kind == "clock"]
    assert minute in clocks
    assert not facts_of(text, lang).dates  # "1900 GMT" is no year


def test_a_year_before_a_comma_stays_a_year():
    assert [d.year for d in facts_of("In 1999, GMT was renamed.", "en").dates] == [1999]


@pytest.mark.parametrize(
    ("claim", "cl", "evidence", "el", "expected"),
    [
        # a figure written in words has its place in the text as written ("deux navires")
        ("La Nouvelle-Zélande envoie deux navires de sa marine vers les Tonga.", "fr",
         "New Zealand will send two Navy ships to Tonga despite uncertainty.", "en", "support"),
        ("La Nouvelle-Zélande envoie trois navires de sa marine vers les Tonga.", "fr",
         "New Zealand will send two Navy ships to Tonga despite uncertainty.", "en",
         "contradiction"),
        # in the claim's figure's place, the source's figure states it whatever noun each
        # writes ("matches", "duels"); another value there with another noun stays unsaid
        ("Sinner had won his last three matches against Medvedev.", "en",
         "Le tombeur de Novak Djokovic avait gagné ses trois derniers duels contre Medvedev.",
         "fr", "support"),
        ("Sinner had won his last four matches against Medvedev.", "en",
         "Le tombeur de Novak Djokovic avait gagné ses trois derniers duels contre Medvedev.",
         "fr", "unverified"),
        # the source's figure is the claim's other figure, in its own place: no denial
        ("Authorities lowered the death toll to 275 from 288 after finding that some bodies "
         "had been counted twice.", "en", "The death toll from Friday's crash was revised down "
         "from 288 after it was found that some bodies had been counted twice.", "en",
         "unverified"),
        ("The toll rose to 300 from 288 on Sunday.", "en",
         "The toll rose to 310 from 288 on Sunday.", "en", "contradiction"),
        # a source's figure that names nothing may count another thing than the claim's
        ("More than 300 people were injured in the two Brussels attacks.", "en",
         "The attacks in Brussels killed about 34 people and injured more than 100.", "en",
         "unverified"),
    ],
)  # fmt: skip
def test_a_figure_in_the_claims_place_states_or_denies_it(claim, cl, evidence, el, expected):
    assert outcome("quantity", claim, cl, evidence, el).outcome == expected


@pytest.mark.parametrize(
    ("claim", "cl", "evidence", "el", "expected"),
    [
        # the source's hour in the claim's place, both texts in one language
        ("The collision happened on Friday around 7am near the station.", "en",
         "The crash involving two trains occurred around 7pm near the station.", "en",
         "contradiction"),
        # an hour told in the claim's zone
        ("The rocket took off at 4pm local time (2100 GMT) from Kourou.", "en",
         "La fusée a décollé à 16h00 heure locale (1900 GMT) de Kourou.", "fr", "contradiction"),
        # hours of other moments of the story
        ("The rocket took off at 3pm from Kourou.", "en",
         "The capsule started its descent at 5:20 pm and touched down at 6:04 pm.", "en",
         "unverified"),
        # another language or another zone may count the same moment otherwise
        ("La collision s'est produite vendredi vers 7 heures du matin près de la gare.", "fr",
         "The crash occurred around 7pm near the station.", "en", "unverified"),
        ("The plane landed at 9pm in Paris.", "en", "The plane landed at 3pm ET in New York.",
         "en", "unverified"),
        # one moment, rounded
        ("Putin opened hostilities shortly before 6 a.m. (0300 GMT).", "en",
         "Poutine a lancé l'opération vers 5h50 heure de Moscou (2h50 GMT).", "fr",
         "unverified"),
    ],
)  # fmt: skip
def test_an_hour_in_the_claims_place_or_zone_denies_it(claim, cl, evidence, el, expected):
    assert outcome("quantity", claim, cl, evidence, el).outcome == expected


def test_a_figure_written_in_words_is_found_where_it_is_written():
    from index.facts.numbers import span_of

    text = "La Nouvelle-Zélande envoie deux navires de sa marine."
    start, end = span_of("2 navires", text, "fr")
    assert text[start:end] == "deux navires"
    text = "Vingt et une personnes sont mortes."
    start, end = span_of("21 personnes", text, "fr")
    assert text[start:end] == "Vingt et une personnes"
    assert span_of("45 %", "soit 45 % des voix", "fr") == (5, 9)
    assert span_of("12 navires", "deux navires", "fr") is None


@pytest.mark.parametrize(
    ("claim", "cl", "evidence", "el", "expected"),
    [
        # a word opening a complement ("lors des") is no adjective qualifying the count
        ("Le gouverneur a fait état de cinq morts lors des manifestations.", "fr",
         "Le gouverneur a fait état de « trois morts » lors des manifestations.", "fr",
         "contradiction"),
        ("Il a participé à une centaine d'expéditions autour de l'épave.", "fr",
         "Il a participé à une trentaine d'expéditions autour du paquebot.", "fr",
         "contradiction"),
        # each figure names its own group by a name: two groups, whatever noun follows
        ("Only three Labour MPs voted in favour of the deal.", "en",
         "In total, 118 Tory MPs voted against the deal.", "en", "unverified"),
        ("Only three Labour MPs voted in favour of the deal.", "en",
         "Only five Labour MPs voted in favour of the deal.", "en", "contradiction"),
        # a sentence that dates its figure earlier gives an earlier count, no denial
        ("More than 15,000 monkeypox cases have been reported.", "en",
         "At the time, 3,040 cases of monkeypox had been reported to the WHO.", "en",
         "unverified"),
        ("Plus de 15 000 cas de variole du singe ont été signalés.", "fr",
         "À l'époque, 3 040 cas de variole du singe avaient été signalés à l'OMS.", "fr",
         "unverified"),
        ("More than 15,000 monkeypox cases have been reported.", "en",
         "So far, 3,040 cases of monkeypox have been reported to the WHO.", "en",
         "contradiction"),
    ],
)  # fmt: skip
def test_what_a_count_counts_and_when(claim, cl, evidence, el, expected):
    assert outcome("quantity", claim, cl, evidence, el).outcome == expected


@pytest.mark.parametrize(
    ("claim", "cl", "evidence", "el", "expected"),
    [
        # an exact figure is that figure: it makes a floor or a cap at it true
        ("Au moins 133 personnes ont été tuées dans l'attaque.", "fr",
         "Le dernier bilan de l'attaque est de 133 morts.", "fr", "support"),
        ("Up to 20,000 people could have died in the city.", "en",
         "Le bilan pourrait s'alourdir à 20 000 morts dans la ville.", "fr", "support"),
        # but not a floor above it, which the rounding of "133" leaves open
        ("More than 133 people were killed in the attack.", "en",
         "Le dernier bilan de l'attaque est de 133 morts.", "fr", "unverified"),
    ],
)  # fmt: skip
def test_an_exact_figure_makes_a_bound_at_it_true(claim, cl, evidence, el, expected):
    assert outcome("quantity", claim, cl, evidence, el).outcome == expected


def test_a_list_of_ranks_is_compared_with_a_list_as_long_member_by_member():
    """ "the fourth and fifth women" against "the sixth and seventh women": each rank against
    its counterpart, not "several counts of others"."""
    claim = "Charpentier and Doudna are the fourth and fifth women to win the prize."
    evidence = "Charpentier et Doudna sont les sixième et septième femmes à obtenir le prix."
    assert outcome("quantity", claim, "en", evidence, "fr").outcome == "contradiction"
    evidence = "Charpentier et Doudna sont les quatrième et cinquième femmes à obtenir le prix."
    assert outcome("quantity", claim, "en", evidence, "fr").outcome == "support"


@pytest.mark.parametrize(
    ("claim", "cl", "evidence", "el", "expected"),
    [
        # "fois", "reprises", "times", "occasions" count what the verb before them says,
        # past the words between
        ("La perpétuité réelle n'avait été prononcée que quatre fois en France.", "fr",
         "Elle n’a été prononcée qu’à quatre reprises auparavant.", "fr", "support"),
        ("La peine n'avait été prononcée que quatre fois.", "fr",
         "Elle n’a été prononcée qu’à cinq reprises auparavant.", "fr", "contradiction"),
        ("It had been handed down on four occasions.", "en",
         "It had been handed down four times before.", "en", "support"),
    ],
)  # fmt: skip
def test_occurrences_count_the_verb_before_them(claim, cl, evidence, el, expected):
    assert outcome("quantity", claim, cl, evidence, el).outcome == expected


@pytest.mark.parametrize(
    ("text", "lang", "roles"),
    [
        ("La fissure est longue d'environ 500-700 mètres.", "fr", ["from", "to"]),
        ("The fissure is about 500 to 700 metres long.", "en", ["from", "to"]),
        ("Le parti obtiendrait de 14,8 à 15,2 % des voix.", "fr", ["from", "to"]),
        ("La température est passée de 0 à 5 degrés.", "fr", ["from", "to"]),
        # a score, a vote, a list: no span
        ("He won 6-3, 3-6.", "en", [None, None, None, None]),
        ("The motion passed 60 to 40.", "en", [None, None]),
        ("Il a marqué 2, 3 et 4 buts.", "fr", [None, None, None]),
    ],
)  # fmt: skip
def test_two_figures_joined_by_a_dash_or_to_are_the_ends_of_one_span(text, lang, roles):
    assert [q.role for q in facts_of(text, lang).quantities] == roles


@pytest.mark.parametrize(
    ("claim", "cl", "evidence", "el", "expected"),
    [
        # a span against the same span, written otherwise
        ("The fissure is about 500 to 700 metres long.", "en",
         "La fissure est longue d'environ 500-700 mètres.", "fr", "support"),
        # a value inside a span is not denied by its ends, nor stated by them
        ("Le parti a obtenu 15 % des voix.", "fr",
         "The party won between 14.8 and 15.2 percent of the vote.", "en", "unverified"),
        ("The fissure is about 500 to 700 metres long.", "en",
         "The fissure is 600 metres long.", "en", "unverified"),
        # a value outside it is
        ("La fissure mesure 900 mètres.", "fr",
         "The fissure is about 500 to 700 metres long.", "en", "contradiction"),
    ],
)  # fmt: skip
def test_a_span_is_one_statement_of_the_values_between_its_ends(claim, cl, evidence, el, expected):
    assert outcome("quantity", claim, cl, evidence, el).outcome == expected


@pytest.mark.parametrize(
    ("claim", "cl", "evidence", "el", "expected"),
    [
        ("More than 20 UN staff members were among those killed in the crash.", "en",
         "At least 22 UN staff were among the 157 killed in the crash.", "en", {"silence"}),
        ("Plus de 20 membres du personnel de l'ONU figurent parmi les 157 morts.", "fr",
         "At least 22 UN staff were among the 157 killed in the crash.", "en",
         {"silence", "support"}),
        # a floor is not made true by a lower floor: the claim's figure stays unstated
        ("Authorities reported the killings of at least ten da Silva supporters.", "en",
         "Authorities reported the killings of at least four da Silva supporters.", "en",
         {"unverified"}),
    ],
)  # fmt: skip
def test_a_bare_number_is_compared_with_its_bound(claim, cl, evidence, el, expected):
    """A bare number that makes the claim's bound true ("at least 22" for "more than 20") is
    no other figure in its place; one that does not ("at least four" for "at least ten") is
    not that figure stated."""
    assert outcome("quantity", claim, cl, evidence, el).outcome in expected


@pytest.mark.parametrize(
    ("text", "value", "counted"),
    [
        ("dans le XIème arrondissement de Paris", 11, "arrondissement"),
        ("au XXe siècle", 20, "siècle"),
        ("sous la Ve République", 5, "république"),
    ],
)
def test_an_ordinal_in_roman_numerals_is_read(text, value, counted):
    """ "le XIème arrondissement", "le XXe siècle": French writes ordinals in Roman numerals;
    "Le" and "Ce" stay words."""
    found = quantities(text, "fr")
    assert [(q.value, q.kind, q.counted) for q in found] == [(value, "ordinal", counted)]
    assert quantities("Le chat et Ce chien dorment.", "fr") == []


def test_an_ordinal_in_roman_numerals_is_compared():
    claim = "The gunmen opened fire in Charlie Hebdo's offices in the 15th arrondissement of Paris."
    evidence = (
        "Des coups de feu ont été tirés au siège de Charlie Hebdo dans le XIème arrondissement."
    )
    assert outcome("quantity", claim, "en", evidence, "fr").outcome == "contradiction"


def test_a_word_after_a_comma_does_not_qualify_a_figure():
    """ "à 120 km/h, peu avant minuit": the word after the comma qualifies nothing the figure
    counts, so the source's other speed of the same collision contradicts it."""
    claim = "Les deux trains se sont percutés à 120 km/h, peu avant minuit."
    evidence = "La veille, deux trains se sont percutés à 160 km/h."
    assert outcome("quantity", claim, "fr", evidence, "fr").outcome == "contradiction"


@pytest.mark.parametrize(
    ("evidence", "el", "expected"),
    [
        # the same figure in another zone is another hour
        ("Elle s'est posée en douceur à 06h01 (heure de Paris) sur la base de White Sands.", "fr",
         "unverified"),
        # "TU" is GMT: the source's hour in the claim's zone
        ("La capsule s'est posée en douceur à 4h01 TU sur la base de White Sands.", "fr",
         "contradiction"),
        ("The capsule landed at 0601 UTC at White Sands.", "en", "support"),
        # an hour without a zone may be the claim's
        ("La capsule s'est posée à 06h01 sur la base de White Sands.", "fr", "support"),
    ],
)  # fmt: skip
def test_an_hour_is_compared_in_its_zone(evidence, el, expected):
    """A claim that names its zone ("06h01 GMT") is stated by the same hour in that zone or in
    another name of it (UTC, TU), not by the same figure told in another zone."""
    claim = "La capsule Starliner s'est posée samedi à 06h01 GMT sur la base de White Sands."
    assert outcome("quantity", claim, "fr", evidence, el).outcome == expected


@pytest.mark.parametrize(
    ("text", "lang", "toll"),
    [
        ("The death toll from Hurricane Otis has risen to 48, with six people still missing.",
         "en", True),
        ("Le bilan s'élève désormais à 48, selon les autorités.", "fr", True),
        ("Le bilan s'élève à 48 morts.", "fr", True),
        ("The motorway toll rose to 12 dollars.", "en", False),
        ("Shares rose 38% on Friday.", "en", False),
    ],
)  # fmt: skip
def test_a_toll_given_as_a_bare_number_is_a_death_toll(text, lang, toll):
    """ "the death toll has risen to 48": a bare number given as the toll counts the dead, a
    count updated again and again, so an earlier count elsewhere is no denial of it."""
    from bot.judge.rules.quantity import counts_dead

    assert counts_dead(text, lang) is toll


@pytest.mark.parametrize(
    ("evidence", "el", "expected"),
    [
        # the hour in the claim's place's time, written in capitals or not
        ("The return capsule landed in Siziwang Banner at 2:07 p.m. (Beijing Time) on Tuesday.",
         "en", "contradiction"),
        # the claim's figure told as another place's time: not the claim's hour
        ("Ce mardi, à 14h07 heure de Beijing (8h07 en France), la capsule s'est posée.", "fr",
         "unverified"),
        # an hour with no place may be the claim's
        ("The capsule landed at 8:07 a.m. on Tuesday.", "en", "support"),
    ],
)  # fmt: skip
def test_a_places_time_is_a_zone(evidence, el, expected):
    """ "8:07 a.m. Beijing time", "14h07 heure de Pékin", "8h07 en France": any place's time
    written beside an hour is its zone (the packs' `[durations] place_time_after`,
    `place_time_before`), not only the zones the packs list."""
    claim = "The capsule landed in the morning, at 8:07 a.m. Beijing time."
    assert outcome("quantity", claim, "en", evidence, el).outcome == expected


@pytest.mark.parametrize(
    ("claim", "cl", "evidence", "el", "expected"),
    [
        # one zone, named otherwise in the other language or in the same one
        ("Russian prison authorities announced his death at 2:19 pm Moscow time on Friday.", "en",
         "Son décès a été annoncé à 14 h 19, heure de Moscou (11 h 19 GMT), vendredi.", "fr",
         "support"),
        ("“Touchdown confirmed,” she said at about 3:55 p.m. EST.", "en",
         "“Touchdown confirmed,” she said at around 3:55 pm Eastern Time (2055 GMT).", "en",
         "support"),
        ("Les funérailles ont débuté à 11 heures, heure locale, à l'abbaye.", "fr",
         "The funeral began at 11 a.m. local time at the abbey.", "en", "support"),
        ("The funeral began at 9 a.m. local time at the abbey.", "en",
         "Les funérailles ont débuté à 11 heures, heure locale, à l'abbaye.", "fr",
         "contradiction"),
        # "locales" right after an hour makes it the local one
        ("L'explosion s'est produite mardi à 10 heures, heure locale.", "fr",
         "L'explosion est survenue mardi à 22H00 locales (03H00 GMT mercredi).", "fr",
         "contradiction"),
        # another place's time is still another zone
        ("The capsule landed at 6:01 GMT.", "en",
         "La capsule s'est posée à 6h01 (heure de Paris).", "fr", "unverified"),
    ],
)  # fmt: skip
def test_a_zone_is_one_whatever_it_is_called(claim, cl, evidence, el, expected):
    """ "Moscow time" and "heure de Moscou", "EST" and "Eastern Time", "heure locale",
    "locales" and "local time" name one zone (the packs' `[durations] zone_names`, a place
    through the lexicon): an hour told in it is compared, not set aside as another zone's."""
    assert outcome("quantity", claim, cl, evidence, el).outcome == expected
