"""Deterministic distractor articles in French and English: the haystack for bench/scale.py.

They follow the shape of wire copy (lede, quoted reaction, background, figures, outlook) and
deliberately share the bundled articles' vocabulary — lawsuits, hosting, social networks,
regulators, share prices — so that they compete for retrieval. Every company, person and
event is invented; none mentions Parler, Amazon or AWS, so a citation of one is always wrong.
"""

from __future__ import annotations

import random
from pathlib import Path

PLATFORMS = "Fluxo Kavio Mirable Tesselo Orbitane Vocalis Pixelune Quorra Sylvea Hublo".split()
HOSTS = "Nuvora Cirrane Datalpe Hexacloud Stratix Azuline Nimbeo Serveris Cloudane".split()
FIRMS = "Nordalis Vectra Helion Basalte Meridia Arkane Solvane Octavia Lumio Ferrix".split()
PEOPLE = [
    "Claire Dumas", "Marc Lefèvre", "Ana Ortiz", "John Whitaker", "Priya Nair", "Lena Vogt",
    "Omar Haddad", "Sophie Marchand", "David Okafor", "Hélène Brun", "Tom Reilly", "Yuki Sato",
]  # fmt: skip
FR = {
    "cities": "Lyon Lille Nantes Bordeaux Toulouse Rennes Grenoble Strasbourg Montpellier".split(),
    "days": "lundi mardi mercredi jeudi vendredi samedi".split(),
    "months": "janvier février mars avril mai juin septembre octobre novembre".split(),
    "roles": ["directrice générale", "porte-parole", "avocat", "analyste", "directeur technique"],
    "courts": ["le tribunal de commerce", "la cour d’appel", "le tribunal judiciaire"],
    "reasons": [
        "des retards de paiement répétés",
        "une faille de sécurité non corrigée",
        "des contenus violant ses conditions d’utilisation",
        "une hausse brutale des tarifs",
        "la rupture d’un contrat d’exclusivité",
        "des soupçons d’entente sur les prix",
    ],
    "title": [
        "{p} accuse {h} de l’avoir privé de serveurs",
        "{f} : {n} emplois menacés à {city}",
        "Le régulateur enquête sur {h} et {f}",
        "{p} saisit la justice contre {h}",
    ],
    "lede": [
        "Le réseau social {p} a assigné {h} en justice {d}, estimant que la suspension de son "
        "hébergement était abusive.",
        "{h} a cessé {d} de fournir ses services d’hébergement à {p}, invoquant {reason}.",
        "Le groupe {f} a annoncé {d} la suppression de {n} postes dans son usine de {city}.",
        "L’autorité de la concurrence a ouvert une enquête sur {h} pour {reason}.",
        "{f} a déposé une plainte contre son fournisseur {h} devant {court} de {city}.",
    ],
    "quote": [
        "« Nous n’avons eu aucun préavis », a déclaré {person}, {role} de {p}.",
        "« Cette décision est motivée par {reason} », a affirmé {person}, {role} de {h}.",
        "Selon {person}, {role} chez {f}, le litige pourrait durer plusieurs années.",
        "{person}, {role} de {f}, a refusé de commenter la procédure en cours.",
    ],
    "background": [
        "{p}, lancé en {year}, revendique {n} millions d’utilisateurs en Europe.",
        "{h} héberge les données de plus de {k} 000 entreprises depuis son centre de {city}.",
        "Le contrat liant {f} et {h} avait été renouvelé en {month} {year} pour {k} ans.",
        "La plainte demande des dommages et intérêts de {n} millions d’euros.",
        "Ce n’est pas la première fois que {h} est mis en cause pour {reason}.",
    ],
    "figures": [
        "L’action {f} a reculé de {k} % {d} à la Bourse de Paris.",
        "Le chiffre d’affaires de {h} a progressé de {k} % sur un an, à {n} millions d’euros.",
        "{p} affirme avoir perdu {k} % de ses utilisateurs actifs en {month}.",
    ],
    "outlook": [
        "Une audience est prévue le {k} {month} devant {court} de {city}.",
        "{f} espère parvenir à un accord avec {h} avant la fin de l’année.",
        "Les syndicats de {f} appellent à la grève {d} prochain à {city}.",
    ],
}
EN = {
    "cities": "Denver Leeds Austin Glasgow Portland Dublin Toronto Phoenix Melbourne".split(),
    "days": "on Monday|on Tuesday|on Wednesday|on Thursday|on Friday|on Saturday".split("|"),
    "months": "January February March April May June September October November".split(),
    "roles": ["chief executive", "spokeswoman", "lawyer", "analyst", "chief technology officer"],
    "courts": ["a district court", "the court of appeals", "a state court"],
    "reasons": [
        "repeated late payments",
        "an unpatched security flaw",
        "content breaching its terms of service",
        "a sudden increase in prices",
        "the end of an exclusivity contract",
        "suspected price fixing",
    ],
    "title": [
        "{p} says {h} cut off its servers",
        "{f} to cut {n} jobs in {city}",
        "Regulator opens inquiry into {h} and {f}",
        "{p} takes {h} to court",
    ],
    "lede": [
        "Social network {p} sued {h} {d}, arguing that the suspension of its hosting was unfair.",
        "{h} stopped providing hosting services to {p} {d}, citing {reason}.",
        "{f} said {d} it would cut {n} jobs at its {city} plant.",
        "The competition authority opened an investigation into {h} over {reason}.",
        "{f} filed a complaint against its supplier {h} in {court} in {city}.",
    ],
    "quote": [
        '"We were given no notice at all," said {person}, {role} of {p}.',
        '"This decision was driven by {reason}," said {person}, {role} at {h}.',
        "According to {person}, {role} at {f}, the dispute could last for years.",
        "{person}, {role} of {f}, declined to comment on the proceedings.",
    ],
    "background": [
        "{p}, launched in {year}, claims {n} million users in North America.",
        "{h} hosts data for more than {k},000 businesses from its {city} data centre.",
        "The contract between {f} and {h} was renewed in {month} {year} for {k} years.",
        "The lawsuit seeks damages of {n} million dollars.",
        "It is not the first time {h} has faced criticism for {reason}.",
    ],
    "figures": [
        "Shares of {f} fell {k}% {d} in New York.",
        "Revenue at {h} grew {k}% year on year to {n} million dollars.",
        "{p} says it lost {k}% of its active users in {month}.",
    ],
    "outlook": [
        "A hearing is scheduled for {month} {k} in {court} in {city}.",
        "{f} hopes to reach a settlement with {h} before the end of the year.",
        "Unions at {f} have called a strike in {city} next week.",
    ],
}
SHAPE = ("lede", "quote", "background", "figures", "outlook")


def article(i: int) -> tuple[str, str]:
    """(file name, text) of distractor ``i``: a title, then five or six short paragraphs.

    Even ``i`` are French, odd English; the same ``i`` always gives the same text, so a
    benchmark run can be repeated exactly."""
    rng = random.Random(i)
    words = FR if i % 2 == 0 else EN
    cast = {
        "p": rng.choice(PLATFORMS),
        "h": rng.choice(HOSTS),
        "f": rng.choice(FIRMS),
        "city": rng.choice(words["cities"]),
        "court": rng.choice(words["courts"]),
    }

    def fill(template: str) -> str:
        return template.format(
            **cast,
            d=rng.choice(words["days"]),
            month=rng.choice(words["months"]),
            year=rng.randint(2009, 2024),
            n=rng.randint(2, 950),
            k=rng.randint(2, 28),
            person=rng.choice(PEOPLE),
            role=rng.choice(words["roles"]),
            reason=rng.choice(words["reasons"]),
        )

    # Each paragraph: one or two sentences of its role, sometimes a line of background;
    # no template twice in one article, as a reporter would not repeat a sentence.
    unused = {part: rng.sample(words[part], len(words[part])) for part in SHAPE}
    paragraphs = []
    for part in SHAPE + tuple(rng.sample(SHAPE[1:4], rng.randint(0, 1))):
        chosen = [unused[part].pop() for _ in range(min(len(unused[part]), rng.randint(1, 2)))]
        if unused["background"] and (rng.random() < 0.5 or len(chosen) < 2):
            chosen.append(unused["background"].pop())
        if chosen:
            paragraphs.append(" ".join(fill(t) for t in chosen))
    title = fill(rng.choice(words["title"]))
    return f"distractor-{i:06d}.txt", f"{title}\n\n" + "\n\n".join(paragraphs) + "\n"


def write_articles(folder: Path, first: int, count: int) -> list[Path]:
    """Write distractors ``first`` .. ``first + count - 1`` into ``folder``, with a sidecar
    giving their language so that indexing them does not spend its time detecting it."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(first, first + count):
        name, text = article(i)
        path = folder / name
        path.write_text(text, encoding="utf-8")
        language = "fr" if i % 2 == 0 else "en"
        path.with_name(path.stem + ".meta.json").write_text(
            f'{{"language": "{language}", "published": "2023-05"}}', encoding="utf-8"
        )
        paths.append(path)
    return paths


if __name__ == "__main__":
    for i in range(2):
        print(article(i)[1])
