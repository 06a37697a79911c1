"""Language packs: every language lists the same kinds of words, and code reads them there."""

from __future__ import annotations

import pytest

import index.lexicon
from bot.evidence.attribution import speaker
from bot.evidence.candidates import _ANAPHOR
from bot.judge.verdict import _PASSIVE
from bot.question.terms import FRAME_WORDS, LIGHT_WORDS, SPEECH_VERBS, TYPE_NOUNS
from index.lang import Pack, languages, pack, words_of_every_language
from index.lexicon import load_lexicon


def _keys(node: dict, prefix: tuple[str, ...] = ()) -> set[tuple[str, ...]]:
    keys = set()
    for key, value in node.items():
        # A table of tables or lists is a section; a table of words to values is a word list.
        if isinstance(value, dict) and any(isinstance(v, dict | list) for v in value.values()):
            keys |= _keys(value, (*prefix, key))
        else:
            keys.add((*prefix, key))
    return keys


def test_every_pack_has_the_same_keys():
    """Adding a language is filling in a pack: no key is missing from one of them."""
    first, *others = languages()
    for code in others:
        assert _keys(pack(code).data) == _keys(pack(first).data), code


def test_question_words_come_from_every_pack():
    assert {"according", "selon"} <= FRAME_WORDS
    assert {"company", "entreprise"} <= TYPE_NOUNS
    assert {"filed", "déposé"} <= LIGHT_WORDS
    assert {"argue", "soutenir"} <= SPEECH_VERBS
    assert words_of_every_language("question", "wh") >= {"which", "quel"}


@pytest.mark.parametrize(
    ("sentence", "who"),
    [
        ("Amazon said it would appeal.", "Amazon"),
        ("Parler avait déclaré que le service reviendrait.", "Parler"),
        ("« Nous ferons appel », a déclaré un porte-parole à l'AFP.", "un porte-parole"),
        ("Parler a poursuivi Amazon, faisant valoir que le contrat était rompu.", "Parler"),
        ("The shares rose by 4%.", None),
        # after a quote: any verb of reported speech, and verbs that are such only there
        ("« C'est grave », a prévenu le gouverneur du Texas Greg Abbott, sur Fox News.",
         "le gouverneur du Texas Greg Abbott"),
        ("« C'est grave », dit le ministre.", "le ministre"),
        ('"It is bad," warned Greg Abbott, the governor of Texas.', "Greg Abbott"),
        ("AWS a averti Parler le 9 janvier.", None),
        # a pronoun joined to its verb names no one
        ("« Nous commencerons la semaine prochaine », a-t-il déclaré.", None),
    ],
)  # fmt: skip
def test_speaker_from_pack_verbs(sentence, who):
    assert speaker(sentence) == who


def test_anaphor_and_passive_in_both_languages():
    assert _ANAPHOR.match("Il n’a pas d’autres options.")
    assert _ANAPHOR.match("« This was expected.")
    assert not _ANAPHOR.match("Amazon a retiré Parler.")
    assert _PASSIVE.search("Parler was quickly removed by Amazon")
    assert _PASSIVE.search("Parler a été retiré par Amazon")
    assert not _PASSIVE.search("Amazon removed Parler")


def test_lexicon_translates_through_concepts_both_ways():
    lexicon = load_lexicon()
    judge, juge = lexicon.normalize("judge", "en"), lexicon.normalize("juge", "fr")
    assert (judge,) in lexicon.translate(juge, "fr")
    assert (juge,) in lexicon.translate(judge, "en")


def test_a_regular_inflection_the_stemmer_leaves_meets_the_lexicon():
    """French present plurals ("s'opposent", "annoncent") keep their ending through the
    stemmer; through the pack's regular endings they meet the verb the lexicon knows. A word
    the lexicon knows as it is keeps its own sense ("président" is no "présider"), and a name's
    parts stay as they are ("États-Unis")."""
    lexicon = load_lexicon()
    for plural, infinitive in (("opposent", "opposer"), ("annoncent", "annoncer")):
        assert lexicon.normalize(plural, "fr") == lexicon.normalize(infinitive, "fr")
        assert lexicon.translate(lexicon.normalize(plural, "fr"), "fr")
    assert lexicon.normalize("président", "fr") != lexicon.normalize("présider", "fr")
    assert lexicon.normalize("Unis", "fr") == lexicon.base("Unis", "fr")


def test_an_irregular_form_meets_the_lexicon_through_its_lemma():
    """Irregular plurals no ending undoes ("women", "teeth") reach the word the lexicon
    knows through simplemma's lemma, and so their translation; a form the pack lists keeps
    the pack's lemma ("rose" is the past of "rise", not a flower)."""
    lexicon = load_lexicon()
    for form, lemma in (("women", "woman"), ("teeth", "tooth")):
        assert lexicon.normalize(form, "en") == lexicon.normalize(lemma, "en")
        assert lexicon.translate(lexicon.normalize(form, "en"), "en")
    assert lexicon.normalize("rose", "en") == lexicon.normalize("rise", "en")


def test_the_lexicon_remembers_what_it_normalised_and_still_pickles(monkeypatch):
    """Coverage normalises every word of every candidate sentence on each question: each word
    is worked out once (until NORMALIZED_KEPT are kept, then afresh), and the lexicon can
    still be sent to another process (an ingestion or Ray worker)."""
    import pickle

    lexicon = load_lexicon()
    monkeypatch.setattr(index.lexicon, "NORMALIZED_KEPT", 2)
    worked = []
    real = type(lexicon)._normalize
    monkeypatch.setattr(
        type(lexicon), "_normalize", lambda self, w, lang: worked.append(w) or real(self, w, lang)
    )
    lexicon._normalized.clear()
    assert [lexicon.normalize("sued", "en") for _ in range(3)] == ["sue"] * 3
    assert worked == ["sued"]
    for word in ("women", "teeth", "fell"):
        lexicon.normalize(word, "en")
    assert len(lexicon._normalized) <= 2
    assert pickle.loads(pickle.dumps(lexicon)).normalize("women", "en") == "woman"
    lexicon._normalized.clear()


def test_an_acronym_in_capitals_is_a_name_in_either_language():
    """ "WHO", "EU", "UN" spell function words but are names; the lexicon pairs them with
    the French acronyms ("OMS", "UE", "ONU")."""
    from index.analysis import is_stopword

    assert is_stopword("who") and is_stopword("eu")
    assert not is_stopword("WHO") and not is_stopword("EU")
    lexicon = load_lexicon()
    oms, who = lexicon.normalize("OMS", "fr"), lexicon.normalize("WHO", "en")
    assert (oms,) in lexicon.translate(who, "en")
    assert (lexicon.normalize("EU", "en"),) in lexicon.translate(
        lexicon.normalize("UE", "fr"), "fr"
    )


def test_dotted_acronyms_and_datelines():
    """ "U.S." is the word "US" (its offsets kept); a wire dateline acts in nothing."""
    from index.analysis import dateline_end, words

    text = "Flights were delayed in the U.S. on Friday."
    found = [(m.group(), text[m.start() : m.start() + 2]) for m in words(text)]
    assert ("US", "U.") in found
    assert [m.group() for m in words("M. Dupont a dit")] == ["M", "Dupont", "a", "dit"]
    opening = "WASHINGTON (AP) — As country after country grounded the jets"
    assert opening[dateline_end(opening) :].startswith("As country")
    assert dateline_end("STOCKHOLM, Sweden -- English writer Doris Lessing") == 21
    assert dateline_end("EU blocks Siemens-Alstom merger") == 0


def test_a_headline_in_title_case_names_only_its_names():
    from bot.question.terms import TermIndex, query_terms, sentence_terms

    evidence = "Bayer agreed to buy Monsanto after a takeover battle, securing the deal."
    lexicon = load_lexicon()
    corpus = TermIndex([sentence_terms(evidence, "en", lexicon)], [evidence])
    names = {
        t.word: t.is_name
        for t in query_terms(
            "Bayer Secures Monsanto Takeover With $56 Billion Bid",
            "en",
            lexicon,
            corpus,
            claim=True,
        )
    }
    assert names["Bayer"] and names["Monsanto"]
    assert not (names["Secures"] or names["Takeover"] or names["Bid"])
    # a sentence full of names is no headline: a word in lower case says so, and the place
    # it names ("Spain", known to the lexicon, never written by the corpus) is a name
    sentence = "Ernaux's book The Years won the Premio Strega in Spain in 2016."
    names = {t.word: t.is_name for t in query_terms(sentence, "en", lexicon, corpus, claim=True)}
    assert names["Spain"] and names["Strega"] and not names["book"]


def test_a_first_word_common_only_in_its_language_is_no_name():
    """A capitalised first word the corpus never writes is a name when the language at large
    does not know it as its own word: "Besides" and "Pourtant" are words of English and French
    (wordfreq), "Tesla" or "Kipchoge" are names in both."""
    from bot.question.terms import TermIndex, language_word, query_terms, sentence_terms

    assert language_word("Besides", "en") and language_word("Pourtant", "fr")
    assert language_word("Roughly", "en") and language_word("Finalement", "fr")
    assert not any(language_word(w, "en") for w in ("Tesla", "Microsoft", "Chirac", "Britain"))
    assert not language_word("Macron", "fr")

    evidence = "The film won best picture, and Tesla built a factory."
    lexicon = load_lexicon()
    corpus = TermIndex([sentence_terms(evidence, "en", lexicon)], [evidence])
    claim = "Finally, the film took three awards besides best picture."
    names = {t.word: t.is_name for t in query_terms(claim, "en", lexicon, corpus, claim=True)}
    assert not names["Finally"]
    names = {
        t.word: t.is_name
        for t in query_terms("Kipchoge ran the race.", "en", lexicon, corpus, claim=True)
    }
    assert names["Kipchoge"]


def test_the_word_before_a_questions_interrogative_is_no_name():
    """ "Depuis combien de jours…": a preposition capitalised as a first word is no name when
    the interrogative word follows it; "Kipchoge, quand…" stays one."""
    from bot.question.terms import TermIndex, query_terms, sentence_terms

    evidence = "Le cercueil a été exposé cinq jours à Westminster Hall."
    lexicon = load_lexicon()
    corpus = TermIndex([sentence_terms(evidence, "fr", lexicon)], [evidence])
    question = "Depuis combien de jours le cercueil est-il exposé ?"
    names = {t.word: t.is_name for t in query_terms(question, "fr", lexicon, corpus)}
    assert not names["Depuis"]
    names = {
        t.word: t.is_name
        for t in query_terms("Kipchoge, quand a-t-il couru ?", "fr", lexicon, corpus)
    }
    assert names["Kipchoge"]


def test_a_preposition_opening_a_claim_is_no_name():
    """ "Pendant une période de transition…", "During the transition…": a preposition that
    opens a phrase before the main clause (the pack's [phrases] fronted) is capitalised as a
    first word is, and no name, whether or not the corpus writes it."""
    from bot.question.terms import TermIndex, query_terms, sentence_terms

    lexicon = load_lexicon()
    for claim, lang in (
        ("Pendant une période de transition, le Royaume-Uni appliquera les règles.", "fr"),
        ("During the transition period, Britain will follow the rules.", "en"),
    ):
        corpus = TermIndex([sentence_terms("Britain", "en", lexicon)], ["Britain"])
        names = {t.word: t.is_name for t in query_terms(claim, lang, lexicon, corpus, claim=True)}
        assert not names.get("Pendant", names.get("During"))


def test_a_headword_that_another_language_writes_as_a_function_word_is_kept():
    """French "but" (goal) and "an" (year) are English function words: the shared stop list
    must not drop them from the lexicon, or "sept buts" never meets "six goals"."""
    lexicon = load_lexicon()
    goal, year = lexicon.normalize("goal", "en"), lexicon.normalize("year", "en")
    assert (goal,) in lexicon.translate(lexicon.normalize("buts", "fr"), "fr")
    assert (year,) in lexicon.translate(lexicon.normalize("ans", "fr"), "fr")


def test_a_third_language_is_one_more_lexicon_file(monkeypatch):
    """A word of a new language reaches both others through the concept it lists."""
    real_pack, real_stem = index.lexicon.pack, index.lexicon.stem

    class NewPack(Pack):
        def rows(self, name: str) -> list[tuple[str, ...]]:
            return [("klagen", "sue")] if name == "lexicon.tsv" else []

    new = NewPack("xx", {"inflection": {"endings": [], "undouble": False}})
    monkeypatch.setattr(index.lexicon, "languages", lambda: ("en", "fr", "xx"))
    monkeypatch.setattr(index.lexicon, "pack", lambda c: new if c == "xx" else real_pack(c))
    monkeypatch.setattr(index.lexicon, "stem", lambda w, c: w if c == "xx" else real_stem(w, c))
    lexicon = index.lexicon.load_lexicon.__wrapped__()
    sue, poursuivre = lexicon.normalize("sue", "en"), lexicon.normalize("poursuivre", "fr")
    assert lexicon.translate("klagen", "xx") >= {(sue,), (poursuivre,)}
    assert ("klagen",) in lexicon.translate(poursuivre, "fr")
    assert ("klagen",) in lexicon.translate(sue, "en")
