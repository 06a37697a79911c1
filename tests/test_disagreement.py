"""When two articles disagree on a claim's fact, the verdict says so and quotes both."""

from __future__ import annotations

from dataclasses import replace

from bot import ask
from bot.judge import verdict
from index.corpus import build, load_article
from index.embed import shared_embedder

ARTICLES = {
    "stade-fr.txt": (
        "Le nouveau stade de Lyon ouvre ses portes\n\n"
        "Le nouveau stade de Lyon compte 59 000 places, a annoncé la mairie lundi. "
        "Les travaux ont duré trois ans."
    ),
    "stadium-en.txt": (
        "Lyon opens its new stadium\n\n"
        "Lyon's new stadium has 80,000 seats, the club said on Monday. "
        "Construction took three years."
    ),
}


def _index(folder, articles=ARTICLES):
    """An index of ``articles`` (file name -> text), written to ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in articles.items():
        (folder / name).write_text(text, encoding="utf-8")
    loaded = [load_article(folder / name) for name in sorted(articles)]
    return build(loaded, shared_embedder("e5"), "test", progress=False)


def test_sources_that_disagree_give_not_enough_information_with_both_quotes(tmp_path):
    index = _index(tmp_path)
    for claim in (
        "Lyon's new stadium has 80,000 seats",
        "Le nouveau stade de Lyon compte 59 000 places",
    ):
        answer = ask(claim, index=index)
        assert answer.verdict == "not_enough_info", answer.notes
        assert {c.doc_id for c in answer.citations} == {"stade-fr", "stadium-en"}
        assert answer.notes[0].startswith("decision: sources disagree")
        lead = "The sources disagree" if answer.language == "en" else "Les sources se contredisent"
        assert lead in answer.text


def test_another_party_doing_it_does_not_deny_that_the_subject_did(tmp_path):
    """Many parties do the same thing in the news: "China barred the plane" is no
    disagreement with the sentence that says Canada did."""
    articles = {
        "canada-en.txt": (
            "Canada bars the Boeing 737 Max\n\n"
            "Canada barred the Boeing 737 Max from its airspace on Wednesday, the transport "
            "minister said."
        ),
        "chine-fr.txt": (
            "La Chine interdit le Boeing 737 Max\n\n"
            "La Chine a interdit le Boeing 737 Max dans son espace aérien lundi, a annoncé "
            "l'autorité de l'aviation civile."
        ),
    }
    index = _index(tmp_path, articles)
    answer = ask("Canada barred the Boeing 737 Max", index=index)
    assert answer.verdict == "supported", answer.notes
    assert answer.citations[0].doc_id == "canada-en"


def test_a_date_of_another_event_refutes_nothing(tmp_path):
    """ "Dimanche soir, le plus vieux dirigeant … avait prononcé un discours" dates a speech;
    another sentence dates the claim's event on Tuesday: the claim is not refuted."""
    text = (
        "Robert Mugabe quitte le pouvoir\n\n"
        "Robert Mugabe a quitté le pouvoir mardi, a annoncé le président du Parlement.\n\n"
        "L'armée avait pris le contrôle du pays la semaine précédente. Les rues de Harare ont "
        "fêté la nouvelle.\n\n"
        "Dimanche soir, le plus vieux dirigeant du monde, Robert Mugabe, avait prononcé un long "
        "discours à la télévision."
    )
    (tmp_path / "mugabe-fr.txt").write_text(text, encoding="utf-8")
    index = build([load_article(tmp_path / "mugabe-fr.txt")], shared_embedder("e5"), "test",
                  progress=False)  # fmt: skip
    answer = ask("Le plus vieux dirigeant du monde, Robert Mugabe, a quitté le pouvoir mardi",
                 index=index)  # fmt: skip
    assert answer.verdict != "refuted", answer.notes
    speech = ask("Robert Mugabe a prononcé un long discours à la télévision mardi", index=index)
    assert speech.verdict == "refuted", speech.notes


def test_an_article_s_year_is_no_statement_of_the_claim_s(tmp_path):
    """ "Yesterday (July 21)" in a 2022 article is in 2022, but it dates the rate rise, not the
    claim's "peak in the autumn of 2022": the year is not counted as stated."""
    text = (
        "ECB raises rates\n\n"
        "The European Central Bank raised interest rates by more than expected yesterday "
        "(July 21) as inflation soared in the eurozone."
    )
    (tmp_path / "ecb-en.txt").write_text(text, encoding="utf-8")
    (tmp_path / "ecb-en.meta.json").write_text(
        '{"title": "ECB raises rates", "published": "2022-07-22", "language": "en"}',
        encoding="utf-8",
    )
    index = build([load_article(tmp_path / "ecb-en.txt")], shared_embedder("e5"), "test",
                  progress=False)  # fmt: skip
    answer = ask("The ECB said it expects eurozone inflation to peak in the autumn of 2022",
                 index=index)  # fmt: skip
    assert answer.verdict == "not_enough_info", answer.notes


def test_an_earlier_death_toll_does_not_refute_the_updated_one(tmp_path, monkeypatch):
    """Death tolls grow as they are updated: "400 people were killed" is an earlier count, not
    a denial of the 832 dead another sentence gives. Without the updated toll, the lower count
    still refutes, unless the sentence itself says it is of earlier ("Earlier reports said…",
    "At the time, …"): then it is no denial of a count given later.

    The fitted floor under which a sentence refutes nothing is set aside here: the French
    claim's English sentence sits just under it (p 0.61 against 0.65), and what is tested is
    how tolls are read, not that gate (tests/test_judgement.py tests it)."""
    model = verdict.load_model("claim_evidence")
    monkeypatch.setattr(verdict, "load_model", lambda name: replace(model, floor=0.0))
    articles = {
        "bilan-fr.txt": (
            "Séisme en Indonésie : le bilan s'alourdit\n\n"
            "Le bilan du séisme s'élève désormais à 832 morts, a déclaré dimanche l'agence de "
            "gestion des catastrophes. Les secours peinent à atteindre la région."
        ),
        "toll-en.txt": (
            "Indonesia quake toll rises\n\n"
            "Officials said 400 people were killed in the quake as hospitals struggled to "
            "cope. Rescuers scrambled to reach the stricken region."
        ),
    }
    both = _index(tmp_path / "both", articles)
    lower = _index(tmp_path / "lower", {"toll-en.txt": articles["toll-en.txt"]})
    earlier = _index(
        tmp_path / "earlier",
        {"toll-en.txt": articles["toll-en.txt"].replace("Officials said", "Earlier reports said")},
    )
    for claim in ("Plus de 800 personnes ont été tuées dans le séisme.",
                  "More than 800 people were killed in the quake."):  # fmt: skip
        assert ask(claim, index=both).verdict != "refuted"
        assert ask(claim, index=lower).verdict == "refuted"
        assert ask(claim, index=earlier).verdict == "not_enough_info"


def test_a_later_toll_on_another_day_does_not_refute_the_first(tmp_path):
    """A toll given on one day and another given later are two updates: a sentence with
    another count on another day denies neither the count nor the day of the first, which
    another sentence gives. Alone, it still refutes."""
    articles = {
        "bilan-fr.txt": (
            "Ouragan : nouveau bilan\n\n"
            "L'ouragan a fait 43 morts, selon un nouveau bilan fourni dimanche par les autorités."
        ),
        "toll-en.txt": (
            "Storm kills 27\n\n"
            "Twenty-seven people are dead after the hurricane made landfall, the mayor said."
        ),
    }
    claim = "L'ouragan a fait 27 morts, selon un premier bilan annoncé jeudi."
    both = _index(tmp_path / "both", articles)
    assert ask(claim, index=both).verdict != "refuted"
    later = _index(tmp_path / "later", {"bilan-fr.txt": articles["bilan-fr.txt"]})
    assert ask(claim, index=later).verdict == "refuted"
