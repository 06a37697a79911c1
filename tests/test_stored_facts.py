"""The judging facts are computed at indexing time, stored with the sentence analysis, and a
served process reads them instead of recomputing them."""

from __future__ import annotations

import io
import json

import numpy as np
import pytest

from index import sentence_analysis, store
from index.corpus import ensure_index
from index.facts import facts as extract
from index.facts import stored
from index.facts.stored import facts_in, facts_of, from_json, sentence_value, to_json
from index.lang import languages
from index.sentence_analysis import SentenceAnalysis, StaleAnalysisError
from index.settings import load_settings

SENTENCES = [
    ("Plus de 1 250 000 abonnés ont quitté la plateforme le 3 mars.", "fr"),
    ("L'entreprise n'a pas déposé plainte et pourrait renoncer d'ici deux mois.", "fr"),
    ("Le tribunal a retenu 10 des 11 chefs d'accusation, mardi 6 janvier 2021.", "fr"),
    ("Il jouera la semaine prochaine, a-t-il annoncé hier.", "fr"),
    ("Environ 2,5 milliards d'euros, soit 9,6 %, il y a trois semaines.", "fr"),
    ("About $2bn was raised by eleven people on March 3, 2021.", "en"),
    ("The company didn't file suit and plans to appeal within 60 days.", "en"),
    ("All 11 charges were dropped; the 3rd defendant, aged 40, declined to comment.", "en"),
    ("Nothing here.", "en"),
    ("", "fr"),
]


@pytest.mark.parametrize(("text", "lang"), SENTENCES)
def test_facts_round_trip_exactly_through_json(text, lang):
    for code in languages():
        facts = extract.facts_of(text, code)
        value = json.loads(json.dumps(to_json(facts)))
        assert from_json(value) == facts
    stored_value = json.loads(json.dumps(sentence_value(text, lang)))
    assert set(stored_value) == set(languages())
    for code in languages():
        assert facts_in(stored_value, code) == extract.facts_of(text, code)


def test_the_round_trip_covers_every_kind_of_fact():
    found = [extract.facts_of(text, lang) for text, lang in SENTENCES]
    kinds = (
        "quantities", "dates", "weekdays", "durations", "negated", "negation_heads", "hedged",
        "relative",
    )  # fmt: skip
    for kind in kinds:
        assert any(getattr(f, kind) for f in found), kind
    assert any(q.role for f in found for q in f.quantities)
    assert any(d.ago for f in found for d in f.durations)


def test_a_broken_stored_value_is_a_clear_error():
    with pytest.raises(ValueError, match="stored facts"):
        from_json({"q": [[1.0, "count"]]})


def test_a_served_index_never_recomputes_a_stored_sentence(bundled_index, monkeypatch):
    """After start-up, the facts of every stored sentence, in every language, come from the
    index; a text that is no stored sentence (a claim, a two-sentence quote) is computed."""
    from bot.engine import Engine

    loaded = store.load(load_settings().index_dir)
    texts = [loaded.text_of(s) for s in loaded.sentences]
    expected = {(t, code): extract.facts_of(t, code) for t in texts for code in languages()}
    engine = Engine(loaded)
    stored.clear_cache()
    calls = []
    real = extract.facts_of

    def counted(text: str, lang: str):
        calls.append(text)
        return real(text, lang)

    monkeypatch.setattr(extract, "facts_of", counted)
    for (text, code), facts in expected.items():
        assert facts_of(text, code) == facts
    assert calls == []
    joined = f"{texts[0]} {texts[1]}"
    assert facts_of(joined, "fr") == real(joined, "fr")
    assert calls == [joined]
    engine.ask("Combien d'abonnés Parler avait-il ?")  # answering reads the store too
    assert all(c not in texts for c in calls)


def test_the_facts_kept_are_bounded_and_the_oldest_forgotten(monkeypatch):
    """A server answers questions for weeks: it keeps the facts of the last REMEMBERED texts,
    not of every question it was ever asked. The first text read is computed again once
    REMEMBERED others have been read after it."""
    stored.clear_cache()
    calls = []
    monkeypatch.setattr(extract, "facts_of", lambda text, lang: calls.append(text) or text)
    facts_of("first", "en")
    facts_of("first", "en")
    assert calls == ["first"]
    for n in range(stored.REMEMBERED):
        facts_of(f"question {n}", "en")
    assert facts_of.cache_info().currsize == stored.REMEMBERED
    facts_of("first", "en")
    assert calls.count("first") == 2
    stored.clear_cache()


def test_changing_the_extractors_makes_the_stored_facts_stale(bundled_index, monkeypatch):
    data = store.load(load_settings().index_dir).ensure_analysis().to_bytes()
    monkeypatch.setattr(sentence_analysis, "FACTS_VERSION", "another")
    with pytest.raises(StaleAnalysisError):
        SentenceAnalysis.from_bytes(data)


def test_an_index_with_stale_facts_is_rebuilt_without_embedding(corpus_copy, monkeypatch, embedded):
    monkeypatch.setattr(sentence_analysis, "FACTS_VERSION", "another")
    assert store.load(load_settings().index_dir).analysis is None  # loads; facts left out
    status = ensure_index(progress=False)
    assert status.action == "rebuilt" and embedded == []
    analysis = store.load(load_settings().index_dir).analysis
    text = status.index.text_of(status.index.sentences[3])
    assert analysis.stored_facts(text, "fr") == extract.facts_of(text, "fr")


def test_a_missing_facts_field_is_refused_clearly(bundled_index):
    data = store.load(load_settings().index_dir).ensure_analysis().to_bytes()
    with np.load(io.BytesIO(data), allow_pickle=False) as npz:
        arrays = {k: npz[k] for k in npz.files if k != "facts.json.offsets"}
    buffer = io.BytesIO()
    np.savez(buffer, **arrays)
    with pytest.raises(ValueError, match=r"facts\.json\.offsets"):
        SentenceAnalysis.from_bytes(buffer.getvalue())


def test_store_misses_are_none(bundled_index):
    analysis = store.load(load_settings().index_dir).ensure_analysis()
    assert analysis.stored_facts("No sentence of the corpus says this.", "en") is None
