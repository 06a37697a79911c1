"""Deterministic distractor articles, French and English, in the structure of news copy but
about other companies and events: the haystack for the scale benchmark."""

from __future__ import annotations

import random

COMPANIES = """Nordalis Vectra Helion Quorum Basalte Meridia Tessel Arkane Solvane Octavia
    Lumio Ferrix""".split()
PEOPLE = "Claire Dumas|Marc Lefèvre|Ana Ortiz|John Whitaker|Priya Nair|Lena Vogt|Omar Haddad".split(
    "|"
)
CITIES_FR = "Lyon|Lille|Nantes|Bordeaux|Toulouse|Rennes|Grenoble".split("|")
CITIES_EN = "Denver|Leeds|Austin|Glasgow|Portland|Dublin|Toronto".split("|")
FR = [
    "{c} a annoncé {d} un plan de {n} millions d’euros pour moderniser ses usines de {city}.",
    "Selon {p}, directrice financière de {c}, les ventes ont progressé de {k} % sur un an.",
    "Les syndicats de {c} ont appelé à la grève après la fermeture du site de {city}.",
    "{c} conteste devant le tribunal de commerce la décision de son fournisseur {c2}.",
    "Le régulateur a infligé une amende de {n} millions d’euros à {c} pour pratiques déloyales.",
    "{p} a déclaré que {c} ne prévoyait pas de licenciements cette année.",
    "L’action {c} a reculé de {k} % {d} après la publication de résultats décevants.",
    "{c} et {c2} ont signé un accord de distribution couvrant {k} pays européens.",
]
EN = [
    "{c} said on {d} it would invest {n} million dollars in its {city} plant.",
    "According to {p}, the chief financial officer of {c}, revenue grew {k}% year on year.",
    "Workers at {c} walked out after the company closed its {city} warehouse.",
    "{c} sued its supplier {c2} in a {city} court, alleging breach of contract.",
    "Regulators fined {c} {n} million dollars over misleading advertising.",
    "{p} told reporters that {c} had no plans to cut jobs this year.",
    "Shares of {c} fell {k}% on {d} after weaker-than-expected quarterly results.",
    "{c} and {c2} signed a licensing deal covering {k} markets in Asia.",
]
DAYS_FR = "lundi mardi mercredi jeudi vendredi".split()
DAYS_EN = "Monday Tuesday Wednesday Thursday Friday".split()


def article(i: int, paragraphs: int = 4) -> tuple[str, str]:
    """(file name, text) of distractor article ``i``: a title and ``paragraphs`` paragraphs."""
    rng = random.Random(i)
    french = i % 2 == 0
    templates, days, cities = (FR, DAYS_FR, CITIES_FR) if french else (EN, DAYS_EN, CITIES_EN)
    company = rng.choice(COMPANIES)
    title = (
        f"{company} : les dernières nouvelles du groupe ({i})"
        if french
        else f"{company}: the latest from the group ({i})"
    )
    body = []
    for _ in range(paragraphs):
        sentences = [
            rng.choice(templates).format(
                c=company,
                c2=rng.choice(COMPANIES),
                p=rng.choice(PEOPLE),
                city=rng.choice(cities),
                d=rng.choice(days),
                n=rng.randint(2, 900),
                k=rng.randint(2, 40),
            )
            for _ in range(rng.randint(2, 4))
        ]
        body.append(" ".join(sentences))
    return f"distracteur-{i:06d}.txt", title + "\n\n" + "\n\n".join(body)
