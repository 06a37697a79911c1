"""What makes ``ask()`` a fact-checker: abstaining, claim verdicts, attribution, confidence.

Each case stands for a kind of question or claim (a changed number, a wrong actor…), in both
languages; the answers are checked for their decision and for citing the right passage.
"""

from __future__ import annotations

import pytest

from bot import ask
from bot.judge.model import load_model
from bot.judge.rules import UNVERIFIED
from bot.judge.rules.hedge import check as hedge_check
from bot.question import parse
from index.facts import facts_of, negated_words

from .test_ask import assert_grounded

UNANSWERABLE = [
    # on topic, but the articles do not say
    "Which judge handles the case?",
    "Quel juge est chargé de l'affaire ?",
    "How many employees does Parler have?",
    "Combien de personnes travaillent chez Parler ?",
    "Who is the CEO of Parler?",
    "How much money does Parler ask in damages?",
    "What did Tim Cook say about Parler?",
    # off topic
    "Who won the 2018 World Cup?",
    "Quelle est la recette de la tarte aux pommes ?",
    # aimed at the shop ads removed from the first article
    "Combien coûte la coupe à fruits ?",
    "What is the price of the straight jeans?",
]


@pytest.mark.parametrize("question", UNANSWERABLE)
def test_abstains_when_the_articles_are_silent(bundled_index, question):
    answer = ask(question)
    assert answer.abstained, answer.text
    assert answer.citations == []
    assert answer.verdict is None
    # a refusal's confidence is the model's probability that answering would be right
    assert answer.confidence < load_model("answerable").threshold
    expected = "The sources do not" if answer.language == "en" else "Les sources ne"
    assert answer.text.startswith(expected)


ANSWERABLE = [
    ("Why did Amazon stop hosting Parler?", "violence"),
    ("Pourquoi Amazon a-t-il arrêté d'héberger Parler ?", "violence"),
    ("How many followers did Trump have on Twitter?", "88 millions"),
    ("Combien d'installations Parler a-t-il reçues en 2020 ?", "9,6 millions"),
    ("How long was Parler offline?", "pendant un mois"),
    ("Quand le Capitole a-t-il été attaqué ?", "6 janvier 2021"),
    ("Which companies banned the app from their stores?", "Google et Apple"),
    ("Who is Facebook's chief operating officer?", "Sheryl Sandberg"),
    ("How many installs did Parler get in the United States?", "7,8 millions"),
    ("Où Parler a-t-il déposé sa plainte ?", "Washington"),
]


@pytest.mark.parametrize(("question", "needle"), ANSWERABLE)
def test_answers_with_the_sentence_that_holds_the_answer(bundled_index, question, needle):
    answer = ask(question)
    assert not answer.abstained, answer.notes
    assert needle in answer.citations[0].quote
    assert_grounded(answer, bundled_index)


CLAIMS = [
    # supported, in other words than the source's
    ("Twitter's stock fell more than 6% on Monday", "supported", None),
    ("Trump avait 88 millions d'abonnés", "supported", None),
    ("Parler filed its lawsuit on Monday", "supported", None),
    ("Parler est populaire auprès de l'extrême droite", "supported", None),
    ("Parler was restored two weeks ago", "supported", None),
    ("Facebook does not intend to lift its ban on Trump", "supported", None),
    # refuted: opposite direction
    ("Twitter's stock rose 6% on Monday", "refuted", "direction"),
    ("L'action Twitter a augmenté lundi", "refuted", "direction"),
    # refuted: another number (percentage, count of the same thing)
    ("L'action Twitter a chuté de 3 %", "refuted", "number"),
    ("Parler received 20 million installs worldwide in 2020", "refuted", "number"),
    # refuted: another day, date or duration
    ("Parler a intenté une action en justice mardi", "refuted", "date"),
    ("Parler dropped its federal lawsuit on March 5, 2021", "refuted", "date"),
    ("Parler was offline for a year", "refuted", "date"),
    # refuted: negation
    # refuted: a negated pole is the other pole ("n'avait pas l'intention de lever" = keep)
    ("Facebook a l'intention de lever l'interdiction de Trump", "refuted", "direction"),
    ("Amazon commented on the lawsuit", "refuted", "negation"),
    # refuted: someone else did it
    ("Google sued Amazon", "refuted", "actor"),
    ("Apple a poursuivi Amazon en justice", "refuted", "actor"),
    ("Twitter sued Amazon", "refuted", "actor"),
    # not enough information: on topic, not stated (or only hoped for)
    ("Parler won its lawsuit against Amazon", "not_enough_info", None),
    ("Parler a obtenu des dommages-intérêts", "not_enough_info", None),
    ("Amazon a racheté Parler", "not_enough_info", None),
    ("Parler moved its hosting to Microsoft Azure", "not_enough_info", None),
]


@pytest.mark.parametrize(("claim", "verdict", "why"), CLAIMS)
def test_claim_verdicts(bundled_index, claim, verdict, why):
    answer = ask(claim)
    assert answer.kind == "claim"
    assert answer.verdict == verdict, answer.notes
    assert not answer.abstained
    if verdict != "not_enough_info":
        assert answer.citations, "a verdict always cites its evidence"
    if why:
        assert answer.notes[0] == f"decision: contradicts: {why}"
    assert_grounded(answer, bundled_index)


def test_verdict_is_worded_in_the_claims_language(bundled_index):
    french = ask("L'action Twitter a augmenté lundi")
    english = ask("Twitter's stock rose 6% on Monday")
    assert french.text.startswith("Verdict : réfuté")
    assert english.text.startswith("Verdict: refuted")


def test_is_it_true_that_is_a_claim():
    query = parse("Is it true that Twitter's stock rose 6%?")
    assert query.is_claim
    assert query.proposition == "Twitter's stock rose 6%"
    assert not parse("Did Twitter's stock rise?").is_claim


def test_an_acronym_is_not_a_question_word():
    """A headline about the WHO (or IS, or DO) is a claim; "Who…" and "who…?" are questions."""
    assert parse("WHO declares Ebola outbreak an emergency of international concern").is_claim
    assert not parse("Who declared the emergency").is_claim
    assert not parse("WHO declared the emergency?").is_claim


def test_reported_speech_is_a_claim_even_when_what_is_quoted_asks():
    """A quotation, then who said it, states what was said; so does a statement that ends on
    a quoted question. A question framed whole in quotation marks still asks."""
    assert parse("“What the police are doing is savage,” said the spokesman.").is_claim
    assert parse("« Pourquoi maintenant ? », a demandé le ministre.").is_claim
    assert parse("His lawyer quoted him as saying: “How could this happen in America?”").is_claim
    assert parse("Il a lancé à ses avocats : « Comment est-ce possible ? »").is_claim
    assert not parse("“Why did Amazon stop hosting Parler?”").is_claim
    assert not parse("« Pourquoi Amazon a-t-il arrêté d'héberger Parler ? »").is_claim
    assert not parse("Did the spokesman say “this is savage”?").is_claim
    assert not parse("What did the spokesman call “savage”").is_claim


def test_a_clause_of_time_then_a_main_clause_is_a_claim():
    assert parse("When Canada barred the Max, more than 30 countries had already done so.").is_claim
    assert parse("Quand le Canada l'a interdit, 30 pays l'avaient déjà fait.").is_claim
    assert not parse("When did Canada bar the Max").is_claim
    assert not parse("When, exactly, did Canada bar the Max?").is_claim


@pytest.mark.parametrize(
    ("question", "speaker"),
    [
        ("What did Sheryl Sandberg say about Trump?", "Sheryl Sandberg"),
        ("Why did AWS cut off Parler according to its letter?", "AWS"),
        ("Que pense Amazon de la position de Parler ?", "Amazon"),
        ("Parler affirme que Twitter perdait des parts de marché", "Parler"),
    ],
)
def test_attributed_statements_name_who_says_them(bundled_index, question, speaker):
    answer = ask(question)
    assert answer.citations[0].attribution == speaker
    assert f"{speaker}" in answer.text
    warning = "not an established fact" if answer.language == "en" else "pas d’un fait établi"
    assert warning in answer.text


@pytest.mark.parametrize(("question", "needle"), ANSWERABLE)
def test_an_answer_is_never_framed_as_partial(bundled_index, question, needle):
    """How sure an answer is shows as its confidence, never as a "partly answers" lead."""
    answer = ask(question)
    lead = "Here is what the sources say" if answer.language == "en" else "Voici ce que disent"
    assert answer.text.startswith(lead)
    assert "framing: answer.lead" in " ".join(answer.notes)


def test_durations_are_compared_by_count_and_unit():
    def spans(text: str, lang: str) -> list[tuple[float, str]]:
        return [(round(d.days), d.unit) for d in facts_of(text, lang).durations]

    assert spans("hors circuit pendant un mois", "fr") == [(30, "month")]
    assert spans("restored two weeks ago", "en") == [(14, "week")]
    assert spans("il y a deux mois", "fr") == [(61, "month")]
    assert spans("9,6 millions d'installations", "fr") == []


def test_negation_bears_on_its_own_clause():
    negated = negated_words(
        "la plate-forme n’avait pas l’intention de lever son interdiction", "fr"
    )
    assert {"intention", "lever"} <= negated
    assert "satisfaits" in negated_words(
        "les partisans, n’étant pas satisfaits des résultats", "fr"
    )
    assert "capitole" not in negated_words(
        "n’étant pas satisfaits des résultats, se sont rendus au Capitole", "fr"
    )
    assert negated_words("le plus grand réseau", "fr") == set()  # "plus" without "ne" is "more"


def test_a_no_that_names_an_answer_is_no_negation():
    """ "Greece votes No", "en faveur du « non »": the answer of a vote, not a negation."""
    assert negated_words("Greece votes No to bailout terms", "en") == set()
    assert negated_words("Les Grecs ont voté en faveur du « non » aux propositions", "fr") == set()
    assert negated_words("Ils ont voté non au référendum", "fr") == set()
    assert negated_words("They voted no on the bailout", "en") == set()
    assert "sue" in negated_words("Parler did not sue Amazon", "en")
    assert "hurt" in negated_words("No one was hurt", "en")
    assert "hurt" in negated_words("He said that no one was hurt", "en")
    assert "hurt" in negated_words("He said no one was hurt", "en")


def test_hedged_evidence_does_not_state_the_fact():
    from bot.judge import pair_of

    claim = "Parler a obtenu des dommages-intérêts"
    hoped = pair_of(claim, "fr", "Parler espère obtenir plusieurs dommages-intérêts.", "fr")
    done = pair_of(claim, "fr", "Parler a obtenu plusieurs dommages-intérêts.", "fr")
    assert hedge_check(hoped).outcome == UNVERIFIED
    assert hedge_check(done).outcome != UNVERIFIED


def _order(claim: str, evidence: str, *corpus: str) -> str | None:
    """The word order the verdict reads of ``claim``'s subject in ``evidence`` (English),
    the claim's terms weighed against ``corpus`` (default: the evidence alone)."""
    from bot.judge.verdict import _subject_order
    from bot.question.terms import TermIndex, query_terms, sentence_terms
    from index.lexicon import load_lexicon

    lexicon = load_lexicon()
    texts = list(corpus or [evidence])
    index = TermIndex([sentence_terms(t, "en", lexicon) for t in texts], texts)
    terms = query_terms(claim, "en", lexicon, index, claim=True)
    return _subject_order(claim, terms, evidence, "en")


def test_a_subject_of_two_names_acts_when_one_of_them_does():
    """ "Bayer and Monsanto agree" against "Bayer agreed to buy Monsanto": Bayer comes before
    the verb, so no one else does it (a credit such as "(Bloomberg)" is no actor)."""
    claim = "Bayer and Monsanto agree to a $66 billion deal"
    evidence = "(Bloomberg)—Bayer AG agreed to buy Monsanto Co. in a deal valued at $66 billion."
    assert _order(claim, evidence) == "before"
    other = "(Bloomberg)—Syngenta agreed to buy Monsanto Co. in a deal valued at $66 billion."
    assert _order(claim, other, evidence) != "before"


def test_word_order_reads_names_not_datelines_or_function_words():
    """ "WASHINGTON (AP) — As country after country grounded Boeing's jets, U.S. regulators…"
    names no one else before the verb; "the Federal Aviation Administration of the United
    States grounded" names the United States before it."""
    claim = "US grounds all Boeing 737 Max aircraft"
    wire = (
        "WASHINGTON (AP) — As country after country grounded Boeing's 737 Max jets, U.S. "
        "regulators refused to do so."
    )
    agency = "The Federal Aviation Administration of the United States grounded all 737 Max jets."
    assert _order(claim, wire, wire, agency) == "after"
    assert _order(claim, agency, wire, agency) == "before"


def test_an_auxiliary_keeps_a_subject_and_its_verb_together():
    """ "Monsanto will have to pay Bayer" against "Bayer agreed to pay Monsanto": the roles
    are swapped, whatever auxiliaries stand between the claim's subject and its verb."""
    evidence = "Bayer also agreed to pay Monsanto a break-up fee of $2 billion."
    assert _order("Monsanto will have to pay Bayer a $2 billion fee", evidence) == "after"
    said = "Monsanto, which Bayer is buying, will have to pay a $2 billion fee"
    assert _order(said, evidence) is None


def test_a_predicate_named_as_a_noun_says_no_word_order():
    """ "Musk confirmed it in a post-launch news conference" and "after the rocket's launch"
    name the launch, not who launched: no one else does it."""
    claim = "SpaceX launched its Falcon Heavy rocket from Kennedy Space Center"
    compound = "Musk confirmed it in a post-launch news conference at Kennedy Space Center."
    possessive = "Musk spoke after the rocket's launch from Kennedy Space Center."
    verb = "Musk launched the SpaceX Falcon Heavy rocket from Kennedy Space Center."
    assert _order(claim, compound) is None
    assert _order(claim, possessive) is None
    assert _order(claim, verb) == "other"


def test_an_apposition_after_the_subject_is_not_its_verb():
    """ "Reid Hoffman, co-founder of LinkedIn, approved": "co-founder" is no verb, so a name
    before it in the evidence acts in nothing."""
    claim = "Reid Hoffman, co-founder of LinkedIn, approved the sale"
    evidence = "The deal has the support of Weiner and LinkedIn co-founder Reid Hoffman."
    assert _order(claim, evidence) is None


def test_someone_else_acts_only_in_the_verb_s_own_clause():
    """Names before a dash or a bracket are of another clause than the verb after it."""
    claim = "NASA expected the launch on December 18"
    aside = (
        "Operated by Arianespace for ESA, the last Ariane 5 – whose launch was expected on "
        "December 18 – placed NASA's telescope in orbit."
    )
    same = "Arianespace expected the launch of NASA's telescope on December 18."
    assert _order(claim, aside) == "after"
    assert _order(claim, same) == "other"


def test_a_passive_source_says_nothing_by_its_word_order():
    """ "Mladic was found guilty by the tribunal": the doer comes after the verb."""
    claim = "Serbia convicted Mladic of genocide"
    assert _order(claim, "Mladic was convicted of genocide by Serbia.") is None
    assert _order(claim, "Karadzic convicted the generals of Serbia.") == "other"


@pytest.mark.parametrize("claim", ["WHO", "Parler: Amazon", "C'est Twitter"])
def test_names_alone_state_nothing(bundled_index, claim):
    """A "claim" of names alone asserts nothing: it is never confirmed or refuted."""
    answer = ask(claim)
    assert answer.verdict == "not_enough_info"


def _terms(claim: str, lang: str) -> list:
    from bot.question.terms import TermIndex, query_terms, sentence_terms
    from index.lexicon import load_lexicon

    lexicon = load_lexicon()
    index = TermIndex([sentence_terms(claim, lang, lexicon)], [claim])
    return query_terms(claim, lang, lexicon, index, claim=True)


@pytest.mark.parametrize(
    ("claim", "lang", "figure_noun", "word"),
    [
        ("Plus d'une vingtaine de candidats ont été assassinés.", "fr", "vingtaine", "candidats"),
        ("Deux douzaines de soldats ont été déployés.", "fr", "douzaines", "soldats"),
        ("Two dozen soldiers were deployed.", "en", "dozen", "soldiers"),
    ],
)
def test_the_noun_of_a_figure_is_no_word_to_cover(claim, lang, figure_noun, word):
    """ "une vingtaine" is a figure the quantity rule reads: a source that writes "two dozen"
    for it must not lack a word for it."""
    folded = [t.folded for t in _terms(claim, lang)]
    assert figure_noun not in folded and word in folded


def test_prepositions_and_linking_adverbs_are_no_words_to_cover():
    """ "durant laquelle", "however": a source need not write them to state the claim."""
    french = _terms("Une campagne durant laquelle des candidats ont été tués, pourtant.", "fr")
    english = _terms("However, candidates were killed throughout the campaign.", "en")
    assert {t.folded for t in french} == {"campagne", "candidats", "tues"}
    assert {t.folded for t in english} == {"candidates", "killed", "campaign"}


def test_a_plural_count_noun_with_no_figure_stays_a_word():
    """ "des milliers de soldats" says many, which no rule reads: the word is covered."""
    assert "milliers" in [t.folded for t in _terms("Des milliers de soldats sont arrivés.", "fr")]


@pytest.mark.parametrize(
    ("claim", "lang", "predicate"),
    [
        ("Le plus vieux dirigeant, Robert Mugabe, 93 ans, a mis fin à son règne", "fr", "mis fin"),
        ("Mugabe, 93 years old, stepped down", "en", "stepped"),
        ("Parler won 3 lawsuits", "en", "won"),
        # an adverb qualifies what was done, it is not it
        ("Uber a toujours été bénéficiaire depuis sa création", "fr", "bénéficiaire"),
        ("Uber has always been profitable", "en", "profitable"),
    ],
)
def test_units_ages_and_adverbs_are_no_predicate(claim, lang, predicate):
    from bot.question.terms import predicate_of

    assert predicate_of(_terms(claim, lang)).word == predicate


@pytest.mark.parametrize(
    ("claim", "lang", "predicate"),
    [
        ("Dr Leopoldo Luque, Maradona's personal physician, performed the operation.", "en",
         "performed"),
        ("Reid Hoffman, cofondateur de LinkedIn, a approuvé la cession.", "fr", "approuvé"),
        # no closing comma: no apposition
        ("Reid Hoffman, cofondateur de LinkedIn", "fr", "cofondateur"),
    ],
)  # fmt: skip
def test_an_apposition_between_commas_is_not_the_predicate(claim, lang, predicate):
    from bot.question.terms import predicate_of

    assert predicate_of(_terms(claim, lang), claim).word == predicate


@pytest.mark.parametrize(
    ("claim", "lang", "predicate"),
    [
        ("A day of national mourning was declared in Greece after the disaster.", "en",
         "declared"),
        ("Un jour de deuil national a été décrété en Éthiopie après le crash.", "fr",
         "décrété"),
        # a name that opens the claim in such a phrase is still before its subject
        ("In Seattle, Parler sued Amazon.", "en", "sued"),
        ("Parler sued Amazon in Seattle.", "en", "sued"),
    ],
)  # fmt: skip
def test_a_name_in_a_phrase_of_place_after_the_verb_is_no_subject(claim, lang, predicate):
    """ "were declared *in Greece*": the first name stands in a complement of the verb, so the
    word after it is no predicate; the word before that phrase is what was done."""
    from bot.question.terms import predicate_of

    assert predicate_of(_terms(claim, lang), claim).word == predicate


@pytest.mark.parametrize(
    ("claim", "lang", "absent"),
    [
        ("Fewer than 100 firefighters battled the blaze", "en", "fewer"),
        ("La poussée dépasse les 2.000 tonnes", "fr", "depasse"),
        ("The fine exceeds 4 billion euros", "en", "exceeds"),
        # the unit of time or age of a figure is the figure's
        ("Messi was 35 years old when he won", "en", "years"),
        ("Messi was 35 years old when he won", "en", "old"),
        ("Parler est resté hors ligne 2 mois", "fr", "mois"),
        # the words of an hour of the clock are the hour's, however a source writes it
        ("His death was announced at 2:19 pm Moscow time", "en", "pm"),
        ("The blast happened at 6.30pm on Tuesday", "en", "pm"),
    ],
)
def test_a_figure_s_bound_and_unit_are_no_topic_words(claim, lang, absent):
    """The bound and the unit are checked with their figure by the rules; as rare words they
    would otherwise weigh most in the claim's coverage."""
    assert absent not in {t.folded for t in _terms(claim, lang)}


def test_names_quoted_are_what_is_said_not_who_says_it():
    """ "“Lebanon will not rest,” said Prime Minister Hassan Diab": Lebanon, in the quotation,
    does not say it. A quotation may open in the sentence before ("… », a dit le ministre")."""
    claim = "Prime Minister Hassan Diab said Wednesday would be a day of mourning"
    quoted = "“Lebanon will not rest,” said Prime Minister Hassan Diab."
    assert _order(claim, quoted) != "other"
    unquoted = "Lebanon said that Prime Minister Hassan Diab would resign."
    assert _order(claim, unquoted, quoted, unquoted) == "other"
    from bot.judge.verdict import _quoted_spans

    opened_before = "Lebanon will not rest », a dit le Premier ministre Hassan Diab."
    assert _quoted_spans(opened_before) == [(0, opened_before.index("»") + 1)]


def test_a_figure_no_rule_read_is_not_stated():
    """A claim's figure the sentence does not write counts as stated only when a rule read it
    (as "onze" for 11): with every figure rule silent, nothing checked it."""
    from bot.judge.rules import SILENCE, UNVERIFIED, Signal
    from bot.judge.verdict import FIGURE_RULES, _figures_unread
    from bot.question.terms import TermIndex, query_terms, sentence_terms
    from index.lexicon import load_lexicon

    lexicon = load_lexicon()
    for claim, lang in (("Il avait 630 heures de vol", "fr"), ("He had 630 flight hours", "en")):
        index = TermIndex([sentence_terms(claim, lang, lexicon)], [claim])
        terms = query_terms(claim, lang, lexicon, index, claim=True)
        figure = tuple(t for t in terms if t.is_number)
        silent = tuple(Signal(r, SILENCE) for r in FIGURE_RULES)
        assert _figures_unread(figure, silent)
        read = (*silent, Signal("quantity", UNVERIFIED, "'630' is not stated"))
        assert not _figures_unread(figure, read)
        assert not _figures_unread((), silent)  # the sentence writes every figure


def test_a_claim_opening_with_its_source_is_a_claim_about_what_follows():
    """ "According to reports, Bryant was on board" states something; "According to the
    article, who won" asks. The source named first frames the claim: the subject and the
    predicate are what follows the comma, in either language."""
    from bot.question.terms import TermIndex, predicate_of, query_terms, sentence_terms, subject_of
    from index.lexicon import load_lexicon

    assert parse("According to reports, Bryant was traveling with his daughter.").is_claim
    assert parse("According to Zuckerberg, Facebook plans to alert its users").is_claim
    assert not parse("According to the article, who won the race").is_claim
    assert not parse("According to the article, who won?").is_claim
    lexicon = load_lexicon()
    for claim, lang, subject, predicate in (
        ("According to Sara Danius, Dylan wrote protest songs.", "en", ["Dylan"], "wrote"),
        ("Selon Sara Danius, Bob Dylan a écrit des chansons.", "fr", ["Bob", "Dylan"], "écrit"),
    ):
        index = TermIndex([sentence_terms(claim, lang, lexicon)], [claim])
        terms = query_terms(claim, lang, lexicon, index, claim=True)
        assert [t.word for t in subject_of(terms)] == subject
        assert predicate_of(terms).word == predicate


def test_a_capitalised_word_in_the_source_is_part_of_a_name_not_the_verb():
    """ "Le Conseil fédéral a adopté…" against "The Swiss Federal Council passed…": "fédéral"
    follows the claim's name, but "Federal" there is a name's word, so word order says
    nothing (and "Swiss" does not do it)."""
    from bot.judge.verdict import _subject_order
    from bot.question.terms import TermIndex, query_terms, sentence_terms
    from index.lexicon import load_lexicon

    lexicon = load_lexicon()
    claim = "Le Conseil fédéral a adopté une ordonnance d'urgence."
    evidence = "The Swiss Federal Council passed an emergency ordinance."
    index = TermIndex([sentence_terms(evidence, "en", lexicon)], [evidence])
    terms = query_terms(claim, "fr", lexicon, index, claim=True)
    assert _subject_order(claim, terms, evidence, "en") is None


def test_a_member_joined_by_and_left_wholly_unsaid_is_not_stated():
    """ "… pour aider les victimes et reconstruire le pont" against a sentence that says the
    money will help the victims: the second member is a claim of its own, however little its
    words weigh in the coverage."""
    from bot.judge.verdict import _conjunct_unsaid
    from bot.question.terms import TermIndex, query_terms, sentence_terms
    from index.lexicon import load_lexicon

    lexicon = load_lexicon()
    for claim, lang, member in (
        ("Le gouvernement pourra utiliser 5 millions d'euros pour aider les victimes et "
         "reconstruire le pont.", "fr", {"reconstruire", "pont"}),
        ("The government can use 5 million euros to help the victims and rebuild the bridge.",
         "en", {"rebuild", "bridge"}),
    ):  # fmt: skip
        index = TermIndex([sentence_terms(claim, lang, lexicon)], [claim])
        terms = query_terms(claim, lang, lexicon, index, claim=True)
        unsaid = tuple(t for t in terms if t.word in member)
        assert len(unsaid) == 2 and _conjunct_unsaid(claim, lang, terms, unsaid)
        assert not _conjunct_unsaid(claim, lang, terms, unsaid[:1])  # half of it is said
        victims = tuple(t for t in terms if t.word in {"victimes", "victims"})
        assert not _conjunct_unsaid(claim, lang, terms, victims)  # the first member


def test_a_sentence_that_opens_with_another_party_says_that_party_s_figures():
    """ "Ruud a remporté 8 titres", in an article that names the claim's player only in its
    title or the sentence before: the figure is Ruud's. A pronoun or a description may stand
    for the claim's subject, and a sentence that names it speaks of it."""
    from bot.judge.verdict import _subject_lent
    from bot.question.terms import TermIndex, query_terms, sentence_terms
    from index.lexicon import load_lexicon

    lexicon = load_lexicon()
    article = {
        "fr": "Nadal bat Ruud. Le Norvégien Ruud a perdu la finale. Ruud a remporté 8 titres.",
        "en": "Nadal beats Ruud. The Norwegian Ruud lost the final. Ruud has won 8 titles.",
    }
    for claim, lang, other, pronoun, named in (
        ("Nadal a remporté plus de vingt titres.", "fr", "Ruud a remporté 8 titres.",
         "Il a remporté 22 titres.", "Nadal a remporté 22 titres."),
        ("Nadal has won more than twenty titles.", "en", "Ruud has won 8 titles.",
         "He has won 22 titles.", "Nadal has won 22 titles."),
    ):  # fmt: skip
        index = TermIndex([sentence_terms(article[lang], lang, lexicon)], [article[lang]])
        terms = query_terms(claim, lang, lexicon, index, claim=True)
        assert _subject_lent(terms, other, article[lang], lang)
        assert not _subject_lent(terms, pronoun, article[lang], lang)
        assert not _subject_lent(terms, named, article[lang], lang)


def test_a_subject_that_only_qualifies_another_partys_noun_is_not_what_is_said():
    """ "Quant à Marc Joulaud, l'ancien suppléant de François Fillon, il a été condamné à 20 000
    euros d'amende" says nothing of Fillon's fine: the sentence names Fillon first as the
    complement of another party's noun. Not when the claim says the same ("Barcelona's
    mayor"), when the noun is the claim's own ("le palais de Buckingham" for "Buckingham
    Palace"), nor when the other party speaks for the subject ("a déclaré que…")."""
    from bot.judge.verdict import _subject_qualifies
    from bot.question.terms import TermIndex, query_terms, sentence_terms
    from index.lexicon import load_lexicon

    lexicon = load_lexicon()
    cases = [
        ("François Fillon a été condamné à 375 000 euros d'amende.", "fr",
         "Quant à Marc Joulaud, l'ancien suppléant de François Fillon, il a été condamné à "
         "20 000 euros d'amende.", True),
        ("Parler was cut off on Sunday.", "en",
         "Amazon Web Services, the host of Parler, cut it off on Sunday.", True),
        ("François Fillon a été condamné à cinq ans de prison.", "fr",
         "L'ancien Premier ministre François Fillon a été condamné à cinq ans de prison.", False),
        ("Facebook compte lever l'interdiction de Donald Trump.", "fr",
         "Sheryl Sandberg, directrice des opérations de Facebook, a déclaré que la plate-forme "
         "n'avait pas l'intention de lever son interdiction.", False),
        ("Buckingham Palace released a statement on Thursday.", "en",
         "Le roi Charles a quitté le palais de Buckingham jeudi.", False),
        ("Barcelona's mayor, Ada Colau, called on Mariano Rajoy to resign.", "en",
         "Carles Puigdemont spoke, while the mayor of Barcelona, Ada Colau, called for the "
         "resignation of Mariano Rajoy.", False),
    ]  # fmt: skip
    for claim, lang, evidence, expected in cases:
        index = TermIndex([sentence_terms(evidence, lang, lexicon)], [evidence])
        terms = query_terms(claim, lang, lexicon, index, claim=True)
        assert _subject_qualifies(claim, terms, evidence, lang) is expected, evidence


def test_a_word_of_the_language_that_opens_a_sentence_is_no_other_party():
    """ "Certes, 66 Etats souscrivent…": "Certes" is an adverb, not someone else doing it."""
    from bot.judge.verdict import _others_before

    sentence = "Certes, 66 Etats souscrivent désormais au principe, a annoncé l'ONU."
    assert _others_before(sentence, sentence.index("souscrivent"), {"etats"}, "fr") == []
    named = "Ottawa, 66 Etats souscrivent désormais au principe, a annoncé l'ONU."
    assert _others_before(named, named.index("souscrivent"), {"etats"}, "fr") == ["Ottawa,"]


def test_a_preposition_that_opens_a_claim_is_not_its_subject():
    """ "Amid rising cases, WHO declared…": a capitalised first word the corpus does not know
    is taken for a name unless it is a function word."""
    from bot.question.terms import TermIndex, query_terms, sentence_terms, subject_of
    from index.lexicon import load_lexicon

    lexicon = load_lexicon()
    claim = "Amid rising cases of the disease, the WHO declared a global emergency."
    index = TermIndex([sentence_terms(claim, "en", lexicon)], [claim])
    terms = query_terms(claim, "en", lexicon, index, claim=True)
    assert "Amid" not in [t.word for t in terms]
    assert "Amid" not in [t.word for t in subject_of(terms)]


@pytest.mark.parametrize(
    ("claim", "lang", "subject"),
    [
        (
            "En Amérique latine, le Brésil est le pays le plus touché par le virus.",
            "fr",
            ["Brésil"],
        ),
        ("After Truss resigned, Sunak became prime minister.", "en", ["Sunak"]),
        ("Après la démission de Truss, Sunak est devenu Premier ministre.", "fr", ["Sunak"]),
    ],
)
def test_an_opening_phrase_of_place_or_time_is_not_the_subject(claim, lang, subject):
    """ "En Amérique latine, …", "After Truss resigned, …": the main clause after the comma
    holds the claim's subject; the opening phrase only sets the scene."""
    from bot.question.terms import TermIndex, query_terms, sentence_terms, subject_of
    from index.lexicon import load_lexicon

    lexicon = load_lexicon()
    index = TermIndex([sentence_terms(claim, lang, lexicon)], [claim])
    terms = query_terms(claim, lang, lexicon, index, claim=True)
    assert [t.word for t in subject_of(terms)] == subject
    assert all(t.framed for t in terms if t.word in ("Amérique", "Truss"))


@pytest.mark.parametrize(
    ("claim", "cl", "evidence", "el", "given"),
    [
        ("Cuba has not revealed the cause of his death", "en",
         "Le président cubain n'a pas révélé les causes du décès.", "fr", True),
        ("La Chine a salué la décision", "fr",
         "The Chinese government welcomed the decision.", "en", True),
        ("La Chine a salué la décision", "fr",
         "The Chilean government welcomed the decision.", "en", False),
        ("Cuba has not revealed the cause", "en", "La cuisine cubaine est réputée.", "fr", True),
        ("Cuba has not revealed the cause", "en", "Le président a parlé.", "fr", False),
    ],
)  # fmt: skip
def test_a_place_is_given_by_its_nationality(claim, cl, evidence, el, given):
    """ "le président cubain" names Cuba's side as "Cuba" does: the name is not missing. Another
    nationality ("Chilean" for "Chine") is no spelling of it."""
    from bot.judge.verdict import _as_nationality
    from bot.question.terms import TermIndex, query_terms
    from index.lexicon import load_lexicon

    terms = query_terms(claim, cl, load_lexicon(), TermIndex([]))
    name = next(t for t in terms if t.word in ("Cuba", "Chine"))
    assert _as_nationality(name, evidence, el) is given


def test_a_surname_lent_by_the_title_may_be_another_of_the_family(tmp_path):
    """ "Her husband was also banned", in an article titled with the family's name, does not
    say the claim's "Sophie Dupont" was banned: the first name the sentence lacks is another
    person's. A sentence that names her states it."""
    from index.corpus import build, load_article
    from index.embed import shared_embedder

    (tmp_path / "dupont-en.txt").write_text(
        "Dupont couple convicted\n\n"
        "The court convicted Sophie Dupont of fraud on Monday. She was handed a suspended "
        "sentence. Her husband was also banned from public office for ten years.",
        encoding="utf-8",
    )
    (tmp_path / "dupont-fr.txt").write_text(
        "Les Dupont condamnés\n\n"
        "Le tribunal a condamné lundi Sophie Dupont pour fraude. Elle écope d'une peine avec "
        "sursis. Son mari a aussi été privé de fonction publique pendant dix ans.",
        encoding="utf-8",
    )
    index = build(
        [load_article(tmp_path / f"dupont-{lang}.txt") for lang in ("en", "fr")],
        shared_embedder("e5"), "test", progress=False,
    )  # fmt: skip
    for claim in ("Sophie Dupont was banned from public office for ten years.",
                  "Sophie Dupont a été privée de fonction publique pendant dix ans."):  # fmt: skip
        assert ask(claim, index=index).verdict != "supported"
    for claim in ("Sophie Dupont was convicted of fraud.",
                  "Sophie Dupont a été condamnée pour fraude."):  # fmt: skip
        assert ask(claim, index=index).verdict == "supported"


def test_coverage_finds_cognates_in_either_language_and_only_them():
    """A word is covered by its cognate ("installations" / "installs", "employés" /
    "employees"), found by prefix lookup; a short stem is no cognate of a longer name
    ("micro" / "Microsoft"), and a lookup must not invent matches a scan would not find."""
    from bot.question.terms import TermIndex, covers, query_terms, sentence_terms
    from index.lexicon import load_lexicon

    lexicon = load_lexicon()
    for claim, lang, source, source_lang in (
        (
            "Parler counted 10 million installs",
            "en",
            "Parler a compté 10 millions d'installations.",
            "fr",
        ),
        (
            "Les employés de Parler ont été licenciés",
            "fr",
            "Parler's employees were laid off.",
            "en",
        ),
    ):
        said = sentence_terms(source, source_lang, lexicon)
        terms = query_terms(claim, lang, lexicon, TermIndex([said], [source]), claim=True)
        install_or_employee = [t for t in terms if t.folded[:5] in {"insta", "emplo"}]
        assert install_or_employee and all(covers(t, said) for t in install_or_employee)
    said = sentence_terms("Microsoft bought the studio.", "en", lexicon)
    assert not said.has_cognate("micro")
    assert said.has_cognate("microsoft") and said.has_cognate("studio")


def test_words_describing_the_subject_before_its_role_are_not_the_subject():
    """ "Jailed Iranian activist Narges Mohammadi won…": the capitalised words before the role
    describe the one named after it, even when the corpus writes them capitalised too; a name
    that is also a word stays the subject when a verb, not a role, follows it."""
    from bot.question.terms import TermIndex, query_terms, sentence_terms, subject_of
    from index.lexicon import load_lexicon

    lexicon = load_lexicon()
    for claim, lang, subject in (
        ("Jailed Iranian activist Narges Mohammadi won the prize.", "en", ["Narges", "Mohammadi"]),
        ("Parler a poursuivi Amazon en justice.", "fr", ["Parler"]),
    ):
        texts = [claim, "The prize went to the Jailed Iranian activist, and Parler sued Amazon."]
        index = TermIndex([sentence_terms(t, lang, lexicon) for t in texts], texts)
        terms = query_terms(claim, lang, lexicon, index, claim=True)
        assert [t.word for t in subject_of(terms)] == subject


def test_a_modal_is_no_predicate_whose_doer_word_order_reads():
    """ "Evergrande *peut* encore faire appel" against "la juge … pourrait nommer un
    liquidateur pour Evergrande": "peut" says how likely, not what is done, so another name
    before the source's "pourrait" is no one else doing the claim's act."""
    from bot.judge.verdict import _subject_order
    from bot.question.terms import TermIndex, query_terms, sentence_terms
    from index.lexicon import load_lexicon

    lexicon = load_lexicon()
    claim = "Evergrande peut encore faire appel de l'ordonnance de liquidation."
    evidence = "La juge Linda Chan pourrait nommer un liquidateur pour Evergrande."
    index = TermIndex([sentence_terms(evidence, "fr", lexicon)], [evidence])
    terms = query_terms(claim, "fr", lexicon, index, claim=True)
    assert _subject_order(claim, terms, evidence, "fr") != "other"


def test_a_quotation_opens_with_no_name():
    """'"However, tests found cancer," the princess added.': "However" opens the quotation,
    as a sentence's first word does; a quoted name inside a sentence stays a name."""
    from index.analysis import inner_capitalised

    assert inner_capitalised('"However, tests after the operation found cancer," she said.') == []
    assert inner_capitalised("« Nous ne savons pas », a dit Macron.") == ["Macron"]
    assert inner_capitalised('The group "Wagner" said Putin spoke.') == ["Wagner", "Putin"]


def test_word_order_alone_refutes_no_one(tmp_path, index_of):
    """Another name before the verb and the claim's subject after it ("…, the Commission
    said") is a reported statement or a list, not proof that someone else did it: the
    sentence cannot confirm the claim, and word order alone does not refute it."""
    from bot.engine import Engine

    corpus = tmp_path / "articles"
    corpus.mkdir()
    (corpus / "plan.txt").write_text(
        "Les capitales saluent le plan\n\n"
        "Ottawa, Madrid et Rome ont salué le plan vendredi, a indiqué la Commission. "
        "Le plan prévoit des aides aux pêcheurs.",
        encoding="utf-8",
    )
    engine = Engine(index_of(corpus))
    answer = engine.ask("La Commission a salué le plan vendredi.")
    assert answer.verdict == "not_enough_info", answer.notes


@pytest.mark.parametrize(
    ("claim", "lang", "sentence", "spelled"),
    [
        # an acronym in the claim, its words in the sentence, and back
        ("The FAA grounded the jets on Friday.", "en",
         "The Federal Aviation Administration grounded the jets.", {"FAA"}),
        ("Selon l'AFP, le bilan s'alourdit.", "fr",
         "Selon l'Agence France-Presse, le bilan s'alourdit.", {"AFP"}),
        ("The Islamic State group claimed the attack.", "en",
         "IS claimed the attack on its Telegram channel.", {"Islamic", "State"}),
        ("Le CIO a pris sa décision.", "fr",
         "Le Comité international olympique a pris sa décision.", {"CIO"}),
        # a short acronym needs its every word capitalised
        ("The IS fighters fled.", "en", "Iran said the fighters fled.", set()),
        ("The FBI opened an inquiry.", "en", "The police opened an inquiry.", set()),
    ],
)  # fmt: skip
def test_a_name_written_as_its_acronym_is_named(claim, lang, sentence, spelled):
    from bot.question.terms import spelled_out

    terms = _terms(claim, lang)
    assert {t.word for t in spelled_out(terms, claim, sentence)} == spelled
