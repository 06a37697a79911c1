"""The kind of answer a question asks for, found in a text, and put first among close sentences."""

from __future__ import annotations

import pytest

from bot.judge.answerable import counted_terms, counts, counts_another
from bot.question import Query, parse
from bot.question.answer_type import holds_answer, role_beside_name, role_unnamed
from bot.question.terms import QueryTerm, TermIndex, query_terms, sentence_terms
from index.lexicon import load_lexicon

CASES = [
    ("Who chaired the committee?", "The committee was chaired by Robert Steffen.", True),
    ("Who chaired the committee?", "The committee met for six hours.", False),
    ("Qui présidait le comité ?", "The committee was chaired by Robert Steffen.", True),
    ("How many people died?", "More than 1,600 people have died.", True),
    ("How many people died?", "The outbreak worries the WHO.", False),
    ("Combien de personnes sont mortes ?", "Plus de 1 600 personnes sont mortes.", True),
    # an hour of the day is no answer to how many
    (
        "How many cardinals took part in the conclave?",
        "The cardinals elected the pope at 7:06 p.m. on Wednesday.",
        False,
    ),
    # a count of units of time is answered by a span in that unit, however it reads
    ("How many years did he spend in Guantanamo?", "He said he had spent eight years there.", True),
    (
        "Combien d'années a-t-il passées à Guantanamo ?",
        "Il confiait avoir passé huit ans à Guantanamo.",
        True,
    ),
    ("How many days did the rescue take?", "The rescue began on Monday in the cave.", False),
    # "kph" is a unit of speed
    ("At what speed was the train travelling?", "The train entered a loop track at 128 kph.", True),
    ("When was the emergency declared?", "The emergency was declared on July 17.", True),
    ("When was the emergency declared?", "The emergency was declared in Geneva.", False),
    # a name the question already gives is no answer to it
    ("Who is the director of the WHO?", "The WHO met in Geneva.", False),
    # what something cost is a sum of money, not a count of anything else
    ("How much did the trial cost?", "The trial cost $2.5 million.", True),
    ("How much did the trial cost?", "The trial heard 600 witnesses.", False),
    ("Combien le procès a-t-il coûté ?", "Le procès a coûté 2,5 millions d'euros.", True),
    (
        "Combien d'argent la campagne a-t-elle dépensé ?",
        "Il a obtenu 20,7 millions de voix.",
        False,
    ),
    ("What was Amazon's revenue in 2020?", "Amazon had 1.3 million employees.", False),
    (
        "How much revenue does the group make?",
        "Le groupe réalise 200 milliards d'euros de chiffre d'affaires.",
        True,
    ),
    # "how old" is answered by an age, "how many" by none too
    ("Quel âge a la candidate ?", "La candidate, 48 ans, a été battue.", True),
    ("How old is the candidate?", "The candidate lost by 20 points.", False),
    ("How old is the writer?", "Lessing, who turns 88 next week, was born in Iran.", False),
    ("How old is the writer?", "The 88-year-old writer was born in Iran.", True),
    ("How old was the co-pilot?", "The co-pilot was a 28 year-old German.", True),
    ("Where was the actress raped?", "He raped her in a New York City hotel room.", True),
    ("Où l'a-t-il agressée ?", "Il l'a agressée à son domicile de Cheltenham.", True),
    ("Where did he announce it?", "He announced it outside Downing Street.", True),
    ("Where did he announce it?", "He announced it to the press.", False),
    ("How many of these jets are registered?", "Aucun appareil de ce type n'est enregistré.", True),
    # a date asked at a grain: a year, a day of the month, an hour
    ("In what year was the company founded?", "The company was founded on Tuesday.", False),
    ("In what year was the company founded?", "The company was founded in 2015.", True),
    ("À quelle date le film sort-il ?", "Le film sort mercredi en France.", False),
    ("À quelle date le film sort-il ?", "Le film sort le 5 juin en France.", True),
    ("At what time did the plane take off?", "The plane took off before dawn on Monday.", False),
    ("At what time did the plane take off?", "The plane took off at 3:22 p.m.", True),
    ("À quelle heure l'avion a-t-il décollé ?", "L'avion a décollé à 15h05.", True),
    ("When did the plane take off?", "The plane took off on Monday.", True),
    # someone's age counts nothing, and a share is no count of things
    ("How many children do the couple have?", "Their eldest son Christian, 18, is heir.", False),
    ("Combien d'enfants le couple a-t-il ?", "Leur fils aîné, âgé de 18 ans, hérite.", False),
    ("Combien de vols ont été annulés ?", "L'action a plongé de 7,7 % après l'annulation.", False),
    ("How many flights were cancelled?", "Shares fell 7.7% as 140 flights were cancelled.", True),
    ("By how much did the shares fall?", "Shares fell 7.7% on Monday.", True),
    # "since which vote" asks for a date
    (
        "Since which vote had turnout been so low?",
        "Une abstention jamais atteinte depuis 1969.",
        True,
    ),
    # "comment s'appelait…" asks for a name
    ("Comment s'appelait le pasteur ?", "The man, a pastor, died.", False),
    ("Comment s'appelait le pasteur ?", "The pastor, Jean Dupont, died.", True),
    # a title written with the name is part of it: the name's own words answer
    (
        "Quel président indonésien devait se rendre à Palu ?",
        "Indonesian President Joko Widodo was scheduled to visit Palu.",
        True,
    ),
    ("Which French president knighted him?", "He was knighted by President Jacques Chirac.", True),
    # a name opening the sentence, when it is two words or more
    (
        "Comment s'appelle la directrice de lancement ?",
        "Charlie Blackwell-Thompson, NASA's launch director, told the teams.",
        True,
    ),
    # a wire story's byline and dateline name its authors, no one it is about
    (
        "Comment s'appelle le pilote qui a survécu ?",
        "par Daniel Leussink et Satoshi Sugiyama TOKYO (Reuters) - Le pilote a survécu.",
        False,
    ),
    (
        "Who was the pilot who survived?",
        "By John Smith WASHINGTON (AP) — The pilot, Kenji Sato, survived.",
        True,
    ),
    ("Who chaired the committee?", "Steffen chaired it.", False),
    ("Who chaired the committee?", "The Committee met.", False),
    # the question's own person, by the rest of the name, is no answer
    (
        "Who had Platini urged voters to back against Blatter?",
        "Platini had supported Sepp Blatter in 1998.",
        False,
    ),
    # a length, a weight, a speed is a figure with its unit
    ("Combien pèse le rover ?", "Le rover à six roues a commencé à explorer.", False),
    ("Combien pèse le rover ?", "L'engin pèse 1,8 kg.", True),
    ("How far from Moscow is the prison?", "La colonie se trouve à 1 900 km de Moscou.", True),
    ("How far below the surface were they?", "Ils sont à un kilomètre de profondeur.", True),
    ("How long is the border?", "Finland shares a 1,340-kilometer eastern border.", True),
    ("How long is the border?", "Finland shares a long eastern border.", False),
    # a fall of a share price is a percentage
    ("How far had the shares fallen?", "The shares fell more than 30%.", True),
    # an hour answers "at what time"
    (
        "At what time should the plane have called Ho Chi Minh City?",
        "It was due at 17H22 GMT.",
        True,
    ),
]


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("Which Croatian goalkeeper failed to stop the penalty?", "person"),
        ("Quelle responsable européenne a détaillé les restrictions ?", "person"),
        ("Which judge read the verdict?", "person"),
        ("Which company bought Monsanto?", None),
        ("Which country's president spoke first?", None),
        ("What did the president say?", None),
        ("Quels arguments le groupe avance-t-il ?", None),
    ],
)
def test_a_role_after_which_asks_for_a_person(question, kind):
    assert parse(question).answer_type == kind


def _asked(question: str, text: str) -> tuple[Query, list[QueryTerm]]:
    """The question and its terms, weighed against ``text`` as the retriever would."""
    query = parse(question)
    lexicon = load_lexicon()
    corpus = TermIndex([sentence_terms(text, "en", lexicon)], [text])
    return query, query_terms(query.text, query.language, lexicon, corpus)


@pytest.mark.parametrize(("question", "text", "expected"), CASES)
def test_holds_answer(question, text, expected):
    query, terms = _asked(question, text)
    assert holds_answer(query, text, terms) is expected


def test_close_sentences_holding_the_answer_come_first():
    """Of two sentences about "who chaired the committee", the one naming someone is put
    first when it scores within the fitted answer-type weight of the other; a far better one
    stays first."""
    from types import SimpleNamespace

    from bot.retrieve.retriever import Retriever, ScoredSentence, load_weights

    weight = load_weights()["question"]["answer_type"]

    texts = ["The committee met for six hours.", "The committee was chaired by Robert Steffen."]
    article = SimpleNamespace(text=" ".join(texts))
    sentences = [
        SimpleNamespace(doc_id="a", start=0, end=len(texts[0])),
        SimpleNamespace(doc_id="a", start=len(texts[0]) + 1, end=len(article.text)),
    ]
    retriever = Retriever.__new__(Retriever)
    retriever.index = SimpleNamespace(
        sentences=sentences,
        articles={"a": article},
        text_of=lambda s: article.text[s.start : s.end],
    )
    query = parse("Who chaired the committee?")
    lexicon = load_lexicon()
    corpus = TermIndex([sentence_terms(t, "en", lexicon) for t in texts], texts)
    terms = query_terms(query.text, query.language, lexicon, corpus)

    def scored(gap: float) -> list[ScoredSentence]:
        return [
            ScoredSentence(0, 0, 1.0, 0.9, 0.9, 1.0, 1.0, ()),
            ScoredSentence(1, 0, 1.0 - gap, 0.9, 0.9, 1.0, 1.0, ()),
        ]

    def first(gap: float) -> list[int]:
        return [s.row for s in retriever._typed_first(query, terms, scored(gap), weight)]

    assert first(weight / 2) == [1, 0]
    assert first(weight * 2) == [0, 1]


COUNTS = [
    # what a number counts is a noun with its modifiers, on either side of it
    ("How many tours did he headline?", "He headlined 50 major tours.", True),
    (
        "How many studio albums did he release?",
        "Il compte 52 albums studio et 29 albums live.",
        True,
    ),
    (
        "How many other women testified?",
        "La poursuite a appelé cinq autres femmes à la barre.",
        True,
    ),
    # an irregular plural reaches its translation through its lemma (women -> woman -> femme)
    ("How many women were called?", "Cinq femmes ont été appelées à la barre.", True),
    # a count of another thing is no answer
    ("How many employees does the firm have?", "The firm received 9.6 million installs.", False),
    ("How many tours did he headline?", "He sold 100 million albums.", False),
]


@pytest.mark.parametrize(("question", "text", "expected"), COUNTS)
def test_a_count_answers_only_when_it_counts_what_is_asked(question, text, expected):
    asked = counted_terms(*_asked(question, text))
    assert asked, "a how-many question counts something"
    assert counts(text, asked) is expected


@pytest.mark.parametrize(
    ("question", "text", "expected"),
    [
        ("How many tours did he headline?", "He sold 100 million albums.", True),
        ("How many tours did he headline?", "He headlined 50 major tours.", False),
        # how often something was done counts no other thing
        ("How many times did lawmakers vote down the deal?",
         "Les députés ont refusé par trois fois l'accord.", False),
    ],
)  # fmt: skip
def test_a_count_of_another_thing_is_told_from_a_count_of_occurrences(question, text, expected):
    asked = counted_terms(*_asked(question, text))
    assert counts_another(text, asked) is expected


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        # a later "when", "where", "qui" opens a clause of the question: it asks for nothing
        ("What slogan was on the T-shirt he wore when he arrived?", None),
        ("What was happening on board when the ship was shaken?", None),
        ("Quelle entreprise a racheté la société qui fabrique le vaccin ?", None),
        ("Where did he go when he left the palace?", "place"),
        ("Who said the plane crashed where the river bends?", "person"),
        ("Combien de personnes qui travaillaient là sont mortes ?", "number"),
        # a second question joined to the first asks too
        ("Who paid for the experiment, and how much did it cost?", "money"),
        # "depuis quelle ville" asks for a place, "depuis quelle date" for a date
        ("Depuis quelle ville le ministre a-t-il téléphoné ?", None),
        ("Depuis quelle date le pays est-il en guerre ?", "date"),
        # a height, a distance, a weight asks for a measure
        ("How tall is the rocket?", "measure"),
        ("À quelle distance de la frontière l'avion est-il tombé ?", "measure"),
        ("Combien pèse l'hélicoptère ?", "measure"),
        ("How long did the flight last?", "duration"),
        # "prix" is a price after a verb, a prize before a name or an adjective
        ("Quel est le prix du billet ?", "money"),
        ("À quel prix l'entreprise a-t-elle été rachetée ?", "money"),
        ("Quel prix Nobel siégeait dans le comité ?", None),
        # what something is valued at, or worth, is a sum
        ("What is the start-up currently valued at?", "money"),
        ("À combien est valorisée la start-up ?", "money"),
        # "Who is X?" asks for a description; "Who is X's coach?" for the coach
        ("Who is Sheryl Sandberg?", None),
        ("Who is Carlos Alcaraz's coach?", "person"),
        ("Who was the bank's chief executive?", "person"),
        # an hour asked "exactly" is still an hour; a rate, a population, a turnout a figure
        ("À quelle heure précise l'explosion s'est-elle produite ?", "date"),
        ("At what exact time did the eruption begin?", "date"),
        ("What was the euro zone inflation rate in August?", "number"),
        ("What is the population of the city?", "number"),
        ("Quel est le diamètre du cratère ?", "measure"),
        ("What were the names of the two victims?", "person"),
        ("Quel prix italien le livre a-t-il reçu ?", None),
    ],
)
def test_the_first_interrogative_word_says_what_is_asked(question, kind):
    assert parse(question).answer_type == kind


@pytest.mark.parametrize(
    ("question", "other"),
    [
        ("How many employees does Parler have?", 1.0),
        ("Combien d'installations Parler a-t-il reçues en 2020 ?", 0.0),
    ],
)
def test_a_count_of_another_thing_is_weighed_not_refused_outright(bundled_index, question, other):
    """A quote that counts something else than what is asked may still answer in other words
    ("seven FIFA officials" for "combien de dirigeants"): it is a feature the answering model
    weighs, and the evidence still holds a number."""
    from bot.engine import shared_engine
    from bot.evidence import candidates as evidence
    from bot.judge.answerable import question_features

    engine = shared_engine()
    query = parse(question)
    retrieval = engine.retriever.search(query, 5)
    chosen = evidence.select(retrieval, engine.index)
    _, features, _ = question_features(query, retrieval, chosen, engine.index)
    assert features["counts_other"] == other
    assert features["answer_type_missing"] == 0.0


@pytest.mark.parametrize(
    ("question", "text", "expected"),
    [
        ("Which judge handles the case?", "The case was filed in Seattle by Judge Ann Roth.", True),
        (
            "Quelle responsable de l'OMS a annoncé l'urgence ?",
            "« Nous devons agir », a affirmé la responsable de l'OMS, Margaret Chan.",
            True,
        ),
        # a name, but not written as the role asked about
        ("Which judge handles the case?", "Parler sued Amazon Web Services in Seattle.", False),
        # no role asked: nothing to look for
        ("Who sued Amazon?", "Parler sued Amazon Web Services in Seattle.", True),
    ],
)
def test_the_role_asked_about_is_looked_for_beside_a_name(question, text, expected):
    query, terms = _asked(question, text)
    assert role_beside_name(query, text, terms) is expected


@pytest.mark.parametrize(
    ("question", "text", "expected"),
    [
        # the role written, no one named in it: the person exists, the name is not given
        (
            "What is the name of the doctor who advised the pope?",
            "The pope had been advised by his doctor not to travel.",
            True,
        ),
        (
            "Comment s'appellent les avocats du joueur ?",
            "Les avocats du joueur ont fait appel vendredi.",
            True,
        ),
        # a name is asked of any noun, not only of a role
        (
            "Comment s'appelle la fillette tuée dans l'explosion ?",
            "Une fillette a été tuée dans l'explosion mardi à Beyrouth.",
            True,
        ),
        ("What is the name of the capsule?", "The capsule landed safely after ten minutes.", True),
        ("What is the name of the capsule?", "The capsule, First Step, landed.", False),
        # the role beside a name answers
        (
            "What is the name of the doctor who advised the pope?",
            "His doctor, Patrizio Polisca, advised the pope not to travel.",
            False,
        ),
        # "Which judge…?" may be answered by a description: weighed, not refused
        ("Which judge handled the case?", "The judge handled the case on Monday.", False),
        # the role not written: the quote's names are other people's (the brother, here)
        (
            "What is the name of the doctor who advised the pope?",
            "Georg Ratzinger said the pope had been told not to travel.",
            True,
        ),
        (
            "Comment s'appelle le chauffeur du camion qui a explosé sur le pont ?",
            "A truck exploded on the span's roadway, Vladimir Konstantinov said.",
            True,
        ),
        # the role written in the other language beside a name answers
        (
            "Comment s'appelle le chauffeur du camion qui a explosé ?",
            "The truck's driver, Samir Yusubov, was questioned.",
            False,
        ),
    ],
)
def test_a_role_written_without_a_name_does_not_name_the_person(question, text, expected):
    query, terms = _asked(question, text)
    assert role_unnamed(query, text, terms) is expected
