"""Direction (with negation turning a pole), negation (contractions, scope), hedges."""

from __future__ import annotations

import pytest

from index.facts import facts_of

from .conftest import outcome

DIRECTION = [
    # moods and unity have two poles too
    (
        "Bach s'est dit inquiet pour les Jeux",
        "fr",
        "Bach said he was confident about the Games.",
        "en",
        "contradiction",
    ),
    (
        "The members were deeply divided over the choice",
        "en",
        "Les membres ont manifesté une grande cohésion dans ce choix.",
        "fr",
        "contradiction",
    ),
    ("Les membres étaient unanimes", "fr", "The members were unanimous.", "en", "support"),
    # a change of condition: a worsening against an improvement, across languages
    (
        "Ses proches faisaient état d'une dégradation de son état",
        "fr",
        "His relatives reported an improvement in his condition.",
        "en",
        "contradiction",
    ),
    ("His health improved", "en", "Son état de santé s'est amélioré.", "fr", "support"),
    # speed: faster against more slowly, in either language
    (
        "Lava flowed more slowly than before",
        "en",
        "Lava flowed faster than before.",
        "en",
        "contradiction",
    ),
    (
        "La lave coulait plus lentement",
        "fr",
        "Lava was flowing faster than ever.",
        "en",
        "contradiction",
    ),
    (
        "La lave coulait plus vite qu'avant",
        "fr",
        "Lava flowed faster than before.",
        "en",
        "support",
    ),
    ("Twitter's stock rose", "en", "L'action de Twitter a chuté de 6 %.", "fr", "contradiction"),
    ("L'action de Twitter a augmenté", "fr", "Twitter shares fell 6%.", "en", "contradiction"),
    ("Twitter's shares fell", "en", "Les actions de Twitter ont baissé.", "fr", "support"),
    # double negation: "no longer forbidden" is allowed
    (
        "Gatherings are allowed again",
        "en",
        "Les rassemblements ne sont plus interdits.",
        "fr",
        "support",
    ),
    (
        "Gatherings are still banned",
        "en",
        "Gatherings are no longer banned.",
        "en",
        "contradiction",
    ),
    ("Parler n'a pas gagné son procès", "fr", "Parler lost its lawsuit.", "en", "support"),
    # both poles in the source: the clause that names the claim's party says which is its
    (
        "L'action LinkedIn a plongé à l'ouverture",
        "fr",
        "LinkedIn shares jumped 47 per cent, while Microsoft shares fell 4%.",
        "en",
        "contradiction",
    ),
    (
        "Microsoft shares fell",
        "en",
        "LinkedIn shares jumped 47 per cent, while Microsoft shares fell 4%.",
        "en",
        "support",
    ),
    # ... or the clause that names the claim's day
    (
        "Shares of both companies rose on Friday, the day the merger was announced.",
        "en",
        "Shares of both companies rose Wednesday when news of the merger leaked, but shares fell "
        "on Friday.",
        "en",
        "contradiction",
    ),
    (
        "Les actions des deux groupes ont grimpé mercredi.",
        "fr",
        "Shares of both companies rose Wednesday when news of the merger leaked, but shares fell "
        "on Friday.",
        "en",
        "support",
    ),
    # ... only a clause that says something else of the claim's: shares, not money lost
    (
        "LinkedIn lost $150 million in 2015",
        "en",
        "LinkedIn shares jumped 47 per cent, while Microsoft shares fell 4%.",
        "en",
        "silence",
    ),
    # "no one reigned longer" says a superlative: its negation turns no pole
    (
        "Aucun monarque britannique n'a régné plus longtemps qu'Elizabeth II.",
        "fr",
        "Avec sa disparition s'achève le plus long règne de l'histoire de l'Angleterre.",
        "fr",
        "silence",
    ),
    # profit and loss are two poles
    (
        "Uber a toujours été bénéficiaire",
        "fr",
        "Uber a toujours été déficitaire depuis sa création.",
        "fr",
        "contradiction",
    ),
    ("Uber has been profitable", "en", "Uber est rentable depuis 2020.", "fr", "support"),
    # a word of two senses takes its axis only beside the axis's context: "launched a
    # lawsuit" is a legal step, "launched a rocket" is not
    ("Parler launched a lawsuit", "en", "Parler a abandonné sa plainte.", "fr", "contradiction"),
    (
        "SpaceX launched the rocket",
        "en",
        "SpaceX dropped the booster into the sea.",
        "en",
        "silence",
    ),
    ("SpaceX a lancé la fusée", "fr", "SpaceX a retiré la fusée du pas de tir.", "fr", "silence"),
    # "stopped hosting" is the deny pole, said with a noun or a verb
    (
        "Après l'arrêt de son hébergement, Parler est resté hors ligne",
        "fr",
        "Amazon a arrêté d'héberger Parler.",
        "fr",
        "support",
    ),
    # polysemy: "declined to comment" is no fall in value
    ("The shares fell", "en", "The company declined to comment on its shares.", "en", "silence"),
    (
        "Les actions ont augmenté",
        "fr",
        "The company declined to comment on the shares.",
        "en",
        "silence",
    ),
    # polysemy: "defeat" is a loss as a noun and a win as a verb ("X defeats Y")
    ("Macron defeats Le Pen", "en", "Macron won a landslide victory over Le Pen.", "en", "silence"),
    ("Le Pen lost the election", "en", "La défaite de Marine Le Pen est nette.", "fr", "support"),
]


@pytest.mark.parametrize(("claim", "cl", "evidence", "el", "expected"), DIRECTION)
def test_direction(claim, cl, evidence, el, expected):
    assert outcome("direction", claim, cl, evidence, el).outcome == expected


NEGATION = [
    # English contractions are negations
    (
        "Parler filed a new lawsuit",
        "en",
        "Parler didn't file a new lawsuit.",
        "en",
        "contradiction",
    ),
    (
        "Amazon explained its decision",
        "en",
        "Amazon hasn't explained its decision.",
        "en",
        "contradiction",
    ),
    (
        "Amazon n'a pas expliqué sa décision",
        "fr",
        "Amazon didn't explain its decision.",
        "en",
        "silence",
    ),
    (
        "Amazon n'a pas expliqué sa décision",
        "fr",
        "Amazon explained its decision.",
        "en",
        "contradiction",
    ),
    (
        "Amazon explained its decision",
        "en",
        "Amazon n'a donné aucune explication de sa décision.",
        "fr",
        "contradiction",
    ),
    # a verb that denies its complement bears on the complement only
    (
        "Amazon a cessé d'héberger Parler après avoir constaté des menaces",
        "fr",
        "Après avoir constaté des menaces, Amazon a arrêté d'héberger Parler.",
        "fr",
        "silence",
    ),
    # a negation elsewhere in the sentence does not bear on the claim
    ("Parler sued Amazon", "en", "Parler sued Amazon, which did not reply.", "en", "silence"),
    # the claim denying what the evidence never mentions is no contradiction; nor can a
    # source that denies nothing confirm the denial
    (
        "It was not a cyberattack",
        "en",
        "The outage came from a faulty software update.",
        "en",
        "unverified",
    ),
    (
        "Les pompiers n'ont pas utilisé de canons à eau contre le feu.",
        "fr",
        "Footage shows firefighters and a jet of what appears to be a water cannon.",
        "en",
        "unverified",
    ),
    # a source that denies in its own words leaves the denial to coverage
    (
        "La loi permet la fusion sans l'accord des actionnaires.",
        "fr",
        "The law allows the merger without the approval of shareholders.",
        "en",
        "silence",
    ),
    (
        "Ce n'était pas une cyberattaque",
        "fr",
        "It was a cyberattack, the agency said.",
        "en",
        "contradiction",
    ),
    # "jamais" without "ne" is "ever": "le plus important jamais réalisé"
    (
        "The deal is the largest by a German company",
        "en",
        "C'est le plus gros rachat jamais réalisé par une entreprise allemande.",
        "fr",
        "silence",
    ),
    ("Parler a été hors ligne", "fr", "Parler n'a jamais été hors ligne.", "fr", "contradiction"),
    # "pas loin de" is "close to": a bound, not a negation
    (
        "The group has 140,000 employees",
        "en",
        "Le groupe a pas loin de 140 000 employés.",
        "fr",
        "silence",
    ),
    # "plus de" is "more than", not "no more"
    ("Parler a reçu des menaces", "fr", "Parler a reçu plus de 100 menaces.", "fr", "silence"),
    # "never" up to a time is not denied by the event itself, nor stated by it
    (
        "Avant cette victoire, il n'avait jamais remporté d'élection.",
        "fr",
        "Il a remporté l'élection présidentielle dimanche.",
        "fr",
        "unverified",
    ),
    (
        "Before this victory he had never won an election",
        "en",
        "Il a remporté l'élection présidentielle dimanche.",
        "fr",
        "unverified",
    ),
    (
        "The booster had never flown before this launch",
        "en",
        "The booster, which SpaceX will use again, is to fly in the coming months.",
        "en",
        "unverified",
    ),
    (
        "Before this victory he had never won an election",
        "en",
        "Avant dimanche, il n'avait jamais remporté d'élection.",
        "fr",
        "silence",
    ),
    # a denied comparison said of everyone is a superlative, not a denial to compare
    (
        "No British monarch has reigned longer than Elizabeth II",
        "en",
        "Elizabeth II had the longest reign in British history.",
        "en",
        "unverified",
    ),
    # … and in the source too, after a connective: "never so close" is the closest ever
    (
        "This is the closest second round in Brazil's history",
        "en",
        "Par ailleurs, jamais le Brésil n'avait connu un second tour aussi serré.",
        "fr",
        "silence",
    ),
    (
        "It was the closest vote ever held",
        "en",
        "However, never before had a vote been so close.",
        "en",
        "silence",
    ),
    ("Nobody was hurt", "en", "Nobody was hurt in the fire.", "en", "silence"),
    # the time a negation is said up to is not denied ("not … before the vote")
    ("The vote took place", "en", "He did not resign before the vote.", "en", "silence"),
    # a negation in a clause of an earlier event denies nothing the sentence states
    (
        "Mugabe has resigned",
        "en",
        "Mugabe has stood down two days after he refused to resign.",
        "en",
        "silence",
    ),
    (
        "Mugabe a démissionné",
        "fr",
        "Mugabe est parti deux jours après avoir refusé de démissionner.",
        "fr",
        "silence",
    ),
    ("Mugabe has resigned", "en", "After the vote, Mugabe did not resign.", "en", "contradiction"),
    ("He had never won an election", "en", "He won the election on Sunday.", "en", "contradiction"),
    # a word the source says only a little of is not stated ("avait peu progressé")
    (
        "In 2002, Le Pen gained a great deal of ground between the two rounds",
        "en",
        "En 2002, Le Pen avait peu progressé entre les deux tours.",
        "fr",
        "unverified",
    ),
    ("Share prices changed", "en", "Share prices were little changed.", "en", "unverified"),
    # a denied verb that denies its complement affirms it: "n'a cessé de nier"
    (
        "He has always denied the accusations",
        "en",
        "Il n'a cessé de nier les accusations.",
        "fr",
        "silence",
    ),
    (
        "Il a toujours nié les accusations",
        "fr",
        "He never stopped denying the accusations.",
        "en",
        "silence",
    ),
    ("Amazon kept hosting Parler", "en", "Amazon did not stop hosting Parler.", "en", "silence"),
    # a negation denies its head; the words after it are the head's complements
    (
        "The court did not acquit him of fraud",
        "en",
        "He was acquitted of fraud.",
        "en",
        "contradiction",
    ),
    # both deny, not the same thing: the source does not deny the claim's head
    (
        "The jury did not clear him of the fraud charge",
        "en",
        "He was found not guilty of the other charges. He was cleared of fraud.",
        "en",
        "unverified",
    ),
    (
        "Cette victoire ne changera pas l'issue du match",
        "fr",
        "The computer won the match 3-0.",
        "en",
        "unverified",
    ),
    (
        "They have never met in an official match",
        "en",
        "Ils ont joué un match officiel dimanche.",
        "fr",
        "unverified",
    ),
    # "pas de", "not any": the denied verb's object is denied with it
    (
        "Woods n'a pas concédé de bogey sur le dernier trou",
        "fr",
        "Woods made a bogey on the final hole.",
        "en",
        "contradiction",
    ),
    ("He did not make any mistake", "en", "Il a commis une erreur.", "fr", "contradiction"),
    # words of willingness pass the denial on to what they introduce
    (
        "Zuckerberg would not be willing to testify",
        "en",
        "Zuckerberg a dit qu'il serait heureux de venir témoigner.",
        "fr",
        "contradiction",
    ),
    (
        "He did not sign the budget law",
        "en",
        "No budget was presented, and he signed the law.",
        "en",
        "unverified",
    ),
    ("He did not sign the budget", "en", "The budget was not signed.", "en", "silence"),
    # a verb of replying denies what it replies to
    (
        "Amazon a commenté la plainte",
        "fr",
        "Amazon n'a pas répondu aux demandes de commentaires sur la plainte.",
        "fr",
        "contradiction",
    ),
    (
        "The systems were not affected by the flaw",
        "en",
        "The systems are not affected.",
        "en",
        "silence",
    ),
    # "without", "sans" deny the word they qualify, not the rest of the clause
    (
        "The Commission vetoed the merger",
        "en",
        "La Commission a sans surprise mis son veto à la fusion.",
        "fr",
        "silence",
    ),
    (
        "He was held pending sentencing",
        "en",
        "He was held without bail pending sentencing.",
        "en",
        "silence",
    ),
    # "dépourvu de", "dénué de", "lacking", "devoid of" deny what they qualify, as "sans"
    # and "without" do
    (
        "Le village avait l'électricité.",
        "fr",
        "Le village était dépourvu d'électricité.",
        "fr",
        "contradiction",
    ),
    (
        "Le village n'avait pas d'électricité.",
        "fr",
        "Le village était dépourvu d'électricité.",
        "fr",
        "silence",
    ),
    (
        "Le texte était dénué de fondement.",
        "fr",
        "Le texte avait un fondement solide.",
        "fr",
        "contradiction",
    ),
    (
        "The village had electricity.",
        "en",
        "The village was lacking electricity.",
        "en",
        "contradiction",
    ),
    (
        "The village had electricity.",
        "en",
        "The village was devoid of electricity.",
        "en",
        "contradiction",
    ),
    (
        "The village had no electricity.",
        "en",
        "The village was lacking electricity.",
        "en",
        "silence",
    ),
    # a privative prefix is a denial of the rest of its word, in either language
    (
        "He denied all accusations of non-consensual sex",
        "en",
        "Il a nié les accusations de relations sexuelles non consenties.",
        "fr",
        "silence",
    ),
    ("Le PIB a progressé", "fr", "Le PIB a un peu progressé.", "fr", "silence"),
    # a source that denies one pole ("don't support") of what the claim names the other pole
    # of ("opposing") leaves it to the direction rule; the object is not denied
    (
        "Only Nicaragua and Syria oppose the climate agreement",
        "en",
        "The only other countries that don't support the climate deal are Nicaragua and Syria.",
        "en",
        "silence",
    ),
    (
        "Seuls le Nicaragua et la Syrie s'opposent à l'accord sur le climat",
        "fr",
        "The only countries that don't support the climate deal are Nicaragua and Syria.",
        "en",
        "silence",
    ),
    # what is done "instead of" is not done
    (
        "L'outil ajoute un gène nouveau",
        "fr",
        "Au lieu d'ajouter un gène nouveau, l'outil modifie un gène existant.",
        "fr",
        "contradiction",
    ),
    (
        "The tool adds a new gene",
        "en",
        "L'outil modifie un gène existant plutôt que d'ajouter un gène nouveau.",
        "fr",
        "contradiction",
    ),
    (
        "The tool edits an existing gene",
        "en",
        "Instead of adding a new gene, the tool edits an existing one.",
        "en",
        "silence",
    ),
    # without a pole in the claim, the denied object still counts
    (
        "Nicaragua and Syria signed the climate agreement",
        "en",
        "Nicaragua and Syria did not sign the climate deal.",
        "en",
        "contradiction",
    ),
]


@pytest.mark.parametrize(("claim", "cl", "evidence", "el", "expected"), NEGATION)
def test_negation(claim, cl, evidence, el, expected):
    assert outcome("negation", claim, cl, evidence, el).outcome == expected


HEDGE = [
    (
        "Parler obtained damages",
        "en",
        "Parler espère obtenir des dommages-intérêts.",
        "fr",
        "unverified",
    ),
    (
        "Parler a obtenu des dommages-intérêts",
        "fr",
        "Parler hopes to obtain damages.",
        "en",
        "unverified",
    ),
    (
        "The company cut 1,250 jobs",
        "en",
        "The company plans to cut 1,250 jobs.",
        "en",
        "unverified",
    ),
    (
        "L'entreprise a licencié 300 salariés",
        "fr",
        "L'entreprise aurait licencié 300 salariés.",
        "fr",
        "unverified",
    ),
    # what may befall is not what happened
    (
        "Volkswagen a payé 16 milliards d'euros d'amende",
        "fr",
        "Volkswagen risque près de 16 milliards d'euros d'amende.",
        "fr",
        "unverified",
    ),
    (
        "Volkswagen was fined $18 billion",
        "en",
        "Volkswagen risks fines of $18 billion.",
        "en",
        "unverified",
    ),
    ("Le risque est élevé", "fr", "Le risque est élevé, selon l'OMS.", "fr", "silence"),
    # a noun that looks like a hedging verb is no hedge
    ("The government approved the budget", "en", "The plan approved the budget.", "en", "silence"),
    ("The board approved the merger", "en", "The board approved the merger plan.", "en", "silence"),
    # a hedged claim is not made stronger by a hedged source
    (
        "Parler hopes to obtain damages",
        "en",
        "Parler espère obtenir des dommages-intérêts.",
        "fr",
        "silence",
    ),
]


@pytest.mark.parametrize(("claim", "cl", "evidence", "el", "expected"), HEDGE)
def test_hedge(claim, cl, evidence, el, expected):
    assert outcome("hedge", claim, cl, evidence, el).outcome == expected


@pytest.mark.parametrize(
    ("claim", "cl", "evidence", "el"),
    [
        ("Georg Ratzinger had known of the plan for more than six months.", "en",
         'Georg Ratzinger said he had known "a few months" of the plan.', "en"),
        ("Il connaissait le projet depuis plus de six mois.", "fr",
         "Il connaissait le projet depuis moins de six mois.", "fr"),
    ],
)  # fmt: skip
def test_a_figures_bound_is_no_pole_of_comparison(claim, cl, evidence, el):
    """ "more than six months", "plus de 100": bounds the quantity rules read, not a
    comparison one sentence makes and the other denies ("a few" is no "fewer")."""
    assert outcome("direction", claim, cl, evidence, el).outcome == "silence"


@pytest.mark.parametrize(
    ("claim", "cl", "evidence", "el"),
    [
        # "defendants" is no one defending, "opposants" no one opposing
        ("Gilbert Azibert et Thierry Herzog ont été condamnés à trois ans de prison.", "fr",
         "Sarkozy's co-defendants, Thierry Herzog and Gilbert Azibert, were also found guilty.",
         "en"),
        ("The supporters of the reform were fined.", "en",
         "Les opposants à la réforme ont reçu une amende.", "fr"),
        # "porter atteinte", "bring attention": light verbs, no legal step
        ("The court held that cases could be settled through secret deals.", "en",
         "Les prévenus ont porté atteinte à la confiance en laissant croire que les procédures "
         "devant la Cour peuvent faire l'objet d'arrangements.", "fr"),
    ],
)  # fmt: skip
def test_nouns_of_people_and_light_verbs_take_no_pole(claim, cl, evidence, el):
    assert outcome("direction", claim, cl, evidence, el).outcome != "contradiction"


def test_nothing_and_no_one_before_ne_are_negations():
    """ "rien ne change", "personne n'a été blessé": the negator before "ne" is the subject."""
    from index.facts import negated_words

    assert "change" in negated_words("Pour Instagram et WhatsApp, rien ne change.", "fr")
    assert "blesse" in negated_words("Personne n'a été blessé.", "fr")
    assert negated_words("Il y a plus de 40 morts.", "fr") == set()
    claim = "Instagram and WhatsApp are not changing their names."
    evidence = "Pour Instagram, Messenger et WhatsApp, rien ne change."
    assert outcome("negation", claim, "en", evidence, "fr").outcome != "contradiction"


@pytest.mark.parametrize(
    ("claim", "cl", "evidence", "el"),
    [
        ("Environ 6 000 soldats ont été déployés pour sécuriser l'aéroport et les évacuations.",
         "fr", "Comme promis, ils n'ont pas empêché les évacuations de ressortissants étrangers "
         "qui se poursuivaient depuis l'aéroport.", "fr"),
        ("The evacuation of foreigners from the airport went on.", "en",
         "The fighters did not prevent the evacuation of foreigners from the airport.", "en"),
    ],
)  # fmt: skip
def test_not_preventing_a_thing_does_not_deny_it(claim, cl, evidence, el):
    """A verb that keeps something from happening ("prevent", "empêcher"), denied, lets it
    happen: the negation bears on the verb, not on its object."""
    assert outcome("negation", claim, cl, evidence, el).outcome != "contradiction"


def test_the_scope_of_a_negation_follows_its_construction():
    """ "Aucune … n'a survécu": "ne" alone after a word of none denies the verb; "créanciers non
    garantis": "non" denies the word after it only; "pas pour l'argent mais pour aider", "not
    for the money but to help": a correction denies the reason, not the act — unless a comma
    ends the clause first ("did not resign, but said…")."""
    from index.facts import negated_words

    assert "survecu" in negated_words("Aucune des 298 personnes à bord n'a survécu.", "fr")
    assert "sait" in negated_words("Nul ne sait pourquoi.", "fr")
    assert negated_words("Il faut partir avant qu'il ne pleuve.", "fr") == set()
    assert negated_words("Citigroup est parmi les créanciers non garantis.", "fr") == {"garantis"}
    assert negated_words("Il n'a pas racheté Twitter pour l'argent mais pour aider.", "fr") == set()
    assert negated_words("He did not buy Twitter for the money but to help.", "en") == set()
    assert "resign" in negated_words("He did not resign, but said he would.", "en")
    # "ne … que" is "only": the "plus" of "de plus" after it is "more", not "no longer"
    assert negated_words("Il n'a eu besoin que de deux ans de plus pour y arriver.", "fr") == set()
    assert "viendra" in negated_words("Il ne reste que deux ans et il ne viendra plus.", "fr")
    # "instead of", "au lieu d'": the word it qualifies, elided or not, and nothing else
    assert negated_words("Au lieu d'ajouter un gène, l'outil le modifie.", "fr") == {"ajouter"}
    assert negated_words("It edits a gene instead of adding one.", "en") == {"adding"}
    assert "cafe" in negated_words("Il a choisi le thé plutôt que le café.", "fr")
    assert negated_words("He chose the lieu of tea over coffee.", "en") == set()
    claim = "Aucune des 298 personnes à bord n'a survécu au crash."
    evidence = "The crash killed 298 people and there were no survivors."
    assert outcome("negation", claim, "fr", evidence, "en").outcome != "contradiction"
    claim = "Musk noted that he would cut jobs before buying Twitter."
    evidence = "Musk a précisé qu'il n'avait pas racheté Twitter pour l'argent mais pour aider."
    assert outcome("negation", claim, "en", evidence, "fr").outcome != "contradiction"


@pytest.mark.parametrize(
    ("claim", "cl", "evidence", "el"),
    [
        ("The mayor urged residents to avoid travel and events were cancelled.", "en",
         "The mayor told residents to avoid travelling and all events were cancelled.", "en"),
        ("The minister said the size of the holes ruled out an accident.", "en",
         "The size of the holes indicates the leaks could not have been caused by an accident.",
         "en"),
        ("La police a écarté la piste d'un accident.", "fr",
         "Police said the crash was not an accident.", "en"),
    ],
)  # fmt: skip
def test_a_claim_that_keeps_from_what_the_source_denies_denies_it_too(claim, cl, evidence, el):
    """ "avoid travel", "ruled out an accident": the claim denies with a verb what the source
    denies with "not" (or with a verb that reaches further): no contradiction."""
    assert outcome("negation", claim, cl, evidence, el).outcome == "silence"


def test_a_claim_that_states_what_the_source_keeps_from_is_still_denied():
    claim = "The mayor urged residents to travel."
    evidence = "The mayor told residents to avoid travelling."
    assert outcome("negation", claim, "en", evidence, "en").outcome == "contradiction"
    claim = "Police said the crash was an accident."
    evidence = "La police a dit que ce n'était pas un accident."
    assert outcome("negation", claim, "en", evidence, "fr").outcome == "contradiction"


@pytest.mark.parametrize(
    ("claim", "cl", "evidence", "el", "expected"),
    [
        # older / younger
        ("Basil Rajapaksa, the president's elder brother, also fled.", "en",
         "Son frère cadet Basil Rajapaksa a aussi fui.", "fr", "contradiction"),
        ("His younger brother Basil also fled the country.", "en",
         "His younger brother Basil, a former minister, also fled.", "en", "support"),
        # a verdict
        ("Azibert and Herzog were acquitted of violating professional secrecy.", "en",
         "Azibert et Herzog ont été reconnus coupables de violation du secret professionnel.",
         "fr", "contradiction"),
        # praise / criticise
        ("The sports minister criticised the resignation.", "en",
         "Le ministre des Sports a salué la démission.", "fr", "contradiction"),
        # the points of the compass
        ("À Sukkur, à 1000 kilomètres au nord de Swat, les champs étaient inondés.", "fr",
         "In Sukkur, 1,000 kilometres south of Swat, fields were under water.", "en",
         "contradiction"),
        ("The fire spread to the western districts.", "en",
         "Le feu a gagné les quartiers de l'ouest.", "fr", "support"),
        # glad / sorry, heeded / ignored, kept / fired
        ("Marine Le Pen said she regretted that the merger would not go ahead.", "en",
         "Marine Le Pen s'est dite ravie que la fusion n'ait pas lieu.", "fr", "contradiction"),
        ("Morgan said the appeal had been heeded by world leaders.", "en",
         "« L'appel a été ignoré par les dirigeants », dit Morgan.", "fr", "contradiction"),
        ("Après le rachat, Musk a maintenu Parag Agrawal à son poste de directeur général.", "fr",
         "After the takeover, Musk fired chief executive Parag Agrawal.", "en", "contradiction"),
        ("Lessing has always embraced the label of feminist icon.", "en",
         "Lessing has consistently refused the label of feminist icon.", "en", "contradiction"),
    ],
)  # fmt: skip
def test_poles_of_age_verdict_praise_compass_feeling_and_tenure(claim, cl, evidence, el, expected):
    assert outcome("direction", claim, cl, evidence, el).outcome == expected


@pytest.mark.parametrize(
    ("claim", "cl", "evidence", "el", "expected"),
    [
        # a side of the body, a wing, a bank: left against right
        ("The bullet pierced the upper part of his left ear.", "en",
         "A bullet pierced the upper part of his right ear, he said.", "en", "contradiction"),
        ("Une balle lui a transpercé l'oreille droite.", "fr",
         "A bullet pierced the upper part of his right ear.", "en", "support"),
        ("He broke his left wrist in the fall.", "en",
         "Il s'est cassé le poignet droit en tombant.", "fr", "contradiction"),
        # inside against outside
        ("Le tireur se trouvait à l'intérieur de l'enceinte du meeting.", "fr",
         "The gunman was outside the rally grounds, the prosecutor said.", "en", "contradiction"),
        ("The ceremony was moved indoors because of the wind.", "en",
         "La cérémonie s'est tenue à l'intérieur à cause du vent.", "fr", "support"),
    ],
)  # fmt: skip
def test_sides_and_inside_outside_are_poles(claim, cl, evidence, el, expected):
    assert outcome("direction", claim, cl, evidence, el).outcome == expected


@pytest.mark.parametrize(
    ("claim", "cl", "evidence", "el"),
    [
        # "left" the verb, "right" a title to something: no side without a side's word
        ("The maid left the room and alerted colleagues.", "en",
         "The maid said she had the right to leave the room.", "en"),
        ("Le palais a invoqué son droit à la vie privée.", "fr",
         "The palace said she left hospital on Friday.", "en"),
    ],
)  # fmt: skip
def test_left_and_right_take_a_side_only_beside_a_side(claim, cl, evidence, el):
    assert outcome("direction", claim, cl, evidence, el).outcome == "silence"


@pytest.mark.parametrize(
    ("claim", "cl", "evidence", "el"),
    [
        ("The official said the eruption would most likely weaken and end within a few days.",
         "en", "« Le plus probable est que l'éruption diminue », a estimé une responsable.", "fr"),
        ("C'est l'une des plus grandes villes du pays.", "fr",
         "Only a few cities in the country are larger.", "en"),
    ],
)  # fmt: skip
def test_a_superlative_or_a_few_compares_nothing(claim, cl, evidence, el):
    """ "le plus probable", "a few days": an article before the comparison word makes it no
    "more" or "less" of what the sentence says."""
    assert outcome("direction", claim, cl, evidence, el).outcome != "contradiction"


def test_a_comparison_still_takes_its_pole():
    claim = "Le candidat a obtenu plus de voix que son rival."
    evidence = "The candidate won fewer votes than his rival."
    assert outcome("direction", claim, "fr", evidence, "en").outcome == "contradiction"


@pytest.mark.parametrize(
    ("claim", "cl", "evidence", "el"),
    [
        ("North Korea fired a missile on Sunday.", "en",
         "South Korea said a missile was fired on Sunday.", "en"),
        ("La Corée du Sud a tiré un missile dimanche.", "fr",
         "North Korea fired a missile on Sunday.", "en"),
        ("The United States rejected the plan.", "en",
         "Washington rejected the plan, a divided council said.", "en"),
    ],
)  # fmt: skip
def test_a_word_of_a_name_takes_no_pole(claim, cl, evidence, el):
    """ "North Korea", "Corée du Sud", "United States": names, not a direction or unity."""
    assert outcome("direction", claim, cl, evidence, el).outcome != "contradiction"


@pytest.mark.parametrize(
    ("text", "lang", "heads"),
    [
        # an adverb after the negator denies nothing: the verb after it is denied
        ("Les attentats n’ont pas encore été revendiqués.", "fr", {"revendiques"}),
        ("Il n'a toujours pas signé.", "fr", {"signe"}),
        # "no one": the rest of the negator denies nothing
        ("No one had claimed responsibility for the attack.", "en",
         {"claimed", "responsibility"}),
    ],
)  # fmt: skip
def test_a_negation_denies_the_verb_past_adverbs_and_its_own_words(text, lang, heads):
    assert facts_of(text, lang).negation_heads == heads


def test_a_denial_not_yet_made_agrees_with_no_one_having_made_it():
    claim = "No one had claimed responsibility for the attacks."
    evidence = "Les attentats n’ont pas encore été revendiqués."
    assert outcome("negation", claim, "en", evidence, "fr").outcome != "contradiction"


@pytest.mark.parametrize(
    ("claim", "cl", "evidence", "el"),
    [
        ("C'est fin août que la Nasa a décidé de faire revenir Starliner sans ses deux "
         "astronautes.", "fr",
         "NASA decided in late August to send Starliner back without the astronauts.", "en"),
        ("The ship sailed on without its three engineers.", "en",
         "Le navire est reparti sans les ingénieurs.", "fr"),
    ],
)  # fmt: skip
def test_without_a_figure_denies_what_is_counted(claim, cl, evidence, el):
    """ "sans ses deux astronautes": "without" qualifies the astronauts, not the figure before
    them, so both texts deny the same thing."""
    assert outcome("negation", claim, cl, evidence, el).outcome != "contradiction"


def test_not_x_but_y_denies_x_when_y_takes_its_place():
    """ "n'est pas élue mais nommée", "not elected but appointed": the "but" corrects the word
    itself, which is denied; "not for the money but to help" corrects a phrase of its own and
    denies nothing (test_the_scope_of_a_negation_follows_its_construction)."""
    from index.facts import negated_words

    assert "elue" in negated_words("Mme Lam, qui n'est pas élue mais nommée, a parlé.", "fr")
    assert "elected" in negated_words("Lam was not elected but appointed.", "en")
    assert "nommee" not in negated_words("Lam n'est pas élue mais nommée.", "fr")


def test_cannot_leaves_its_subject_stated():
    """ "The government cannot ignore": as in "can't", the word before is the subject, which
    a claim naming the government in a denial of its own states as well."""
    from index.facts import negated_words

    assert "government" not in negated_words("The government cannot ignore these numbers.", "en")
    assert "ignore" in negated_words("The government cannot ignore these numbers.", "en")
    claim = "« Le gouvernement ne peut pas ignorer ces chiffres », a lancé Peter Chan."
    evidence = "“The government cannot ignore these numbers,” protester Peter Chan told AFP."
    assert outcome("negation", claim, "fr", evidence, "en").outcome != "contradiction"


def test_a_french_denial_is_read_with_its_accents():
    """A denied French word is lemmatised as written: "n'est pas élue" denies "élire", which
    "elected" names (folded, "elue" is no word of the lexicon)."""
    claim = "Carrie Lam was elected leader of Hong Kong."
    evidence = "Mme Lam n'a pas été élue par la population."
    assert outcome("negation", claim, "en", evidence, "fr").outcome == "contradiction"


def test_east_after_an_article_is_a_pole_and_the_verb_is_not():
    """French writes east as the verb "est": "vers l'est" names the pole, "il est parti" and
    "a été" name none, nor does "9 a.m. EST"."""
    from bot.judge.rules.direction import pole_set

    assert ("compass_ew", "east") in pole_set("Il a d'abord volé vers l’est.", "fr")
    assert pole_set("Il est parti et la motion n'a pas été adoptée.", "fr") == set()
    assert pole_set("The launch is at 9 a.m. EST on Monday.", "en") == set()
    claim = "Le dernier avion à quitter Damas a d'abord volé vers l'ouest."
    evidence = "Il a d’abord volé vers l’est, avant de tourner en direction du nord."
    assert outcome("direction", claim, "fr", evidence, "fr").outcome == "contradiction"


@pytest.mark.parametrize(
    ("claim", "cl", "evidence", "el"),
    [
        ("Saudi authorities said they had treated more than 2,000 pilgrims but gave no "
         "information on deaths.", "en",
         "Les autorités saoudiennes ont affirmé avoir traité plus de 2.000 pèlerins, sans "
         "fournir d'informations sur des décès.", "fr"),
        ("Les autorités n'ont donné aucune information sur les décès.", "fr",
         "The authorities treated the pilgrims without giving any information on deaths.",
         "en"),
    ],
)  # fmt: skip
def test_without_a_verb_denies_its_partitive_object(claim, cl, evidence, el):
    """ "sans fournir d'informations", "without giving any information": the privative denies
    the verb and the object it takes with "de", "any", as "pas de" does."""
    assert outcome("negation", claim, cl, evidence, el).outcome != "contradiction"


@pytest.mark.parametrize(
    ("claim", "cl", "evidence", "el"),
    [
        ("The ruling does not put the mayor's own seat on the council in doubt.", "en",
         "The ruling concerns only the budget, which doesn't change who is mayor: the "
         "mayor's seat is not in doubt.", "en"),
        ("The ruling does not put the mayor's own seat on the council in question.", "en",
         "Le jugement ne change pas qui est maire, et le siège du maire au conseil n'est pas "
         "en question.", "fr"),
    ],
)  # fmt: skip
def test_a_word_both_texts_deny_is_no_contradiction_whatever_heads_each_denial(
    claim, cl, evidence, el
):
    """ "does not put the mayor's seat in doubt" against "the mayor's seat is not in doubt":
    the claim's negation heads its verb ("put"), the source's the words it denies ("doubt"),
    but what the source denies is inside the claim's own denial, so both deny it."""
    assert outcome("negation", claim, cl, evidence, el).outcome != "contradiction"


@pytest.mark.parametrize(
    ("claim", "cl", "evidence", "el", "expected"),
    [
        # what follows the noun phrase is not denied
        ("The plane crashed in the northern province.", "en",
         "The plane crashed with no survivors in the northern province.", "en", "silence"),
        ("L'avion s'est écrasé dans la province du nord.", "fr",
         "The plane crashed with no survivors in the northern province.", "en", "silence"),
        ("The avalanche buried the village.", "en",
         "Il n'y a aucun survivant dans le village enseveli par l'avalanche.", "fr", "silence"),
        # the noun phrase is
        ("Survivors were found in the northern province.", "en",
         "The plane crashed with no survivors in the northern province.", "en", "contradiction"),
        ("Serious injuries were reported after the landing.", "en",
         "No serious injuries were reported after the landing.", "en", "contradiction"),
        ("Des survivants ont été retrouvés dans la région.", "fr",
         "Il n'y a aucun survivant dans la région.", "fr", "contradiction"),
        # followed by a verb, it denies the clause
        ("Other board members were consulted before the vote.", "en",
         "No other board member was consulted before the vote.", "en", "contradiction"),
        ("The agreement will be renegotiated.", "en",
         "L'accord ne sera en aucun cas renégocié.", "fr", "contradiction"),
        ("The company will sell the plant.", "en",
         "The company has no intention of selling the plant.", "en", "contradiction"),
    ],
)  # fmt: skip
def test_a_negating_determiner_denies_its_noun_phrase(claim, cl, evidence, el, expected):
    """ "no survivors in the region", "aucun survivant dans la région": "no" denies the
    survivors, not the region. A verb after the noun ("no member was consulted") is denied
    with it, and so is what "of" opens ("no intention of selling the plant")."""
    assert outcome("negation", claim, cl, evidence, el).outcome == expected


@pytest.mark.parametrize(
    ("claim", "cl", "evidence", "el", "expected"),
    [
        ("The group's shares closed higher on Friday.", "en",
         "The group's shares closed down 3 cents on Friday.", "en", "contradiction"),
        ("The index ended the session lower.", "en",
         "L'indice a clôturé la séance en hausse.", "fr", "contradiction"),
        ("Les actions du groupe ont terminé en baisse.", "fr",
         "The group's shares closed up 2%.", "en", "contradiction"),
        ("The group's shares closed higher on Friday.", "en",
         "The group's shares closed up 2% on Friday.", "en", "support"),
        # without a market beside them the words take no direction
        ("The company set up a new plant.", "en", "The company closed down a plant.", "en",
         "silence"),
    ],
)  # fmt: skip
def test_a_market_moves_higher_or_lower(claim, cl, evidence, el, expected):
    """ "closed higher" against "closed down": beside shares, an index or a price, "higher",
    "lower", "up" and "down" are a market's moves, as "rose" and "fell" are."""
    assert outcome("direction", claim, cl, evidence, el).outcome == expected
