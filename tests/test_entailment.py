"""The optional entailment model: how it is loaded, and what it may and may not change.

The models are real transformers cross-encoders built on disk by the test
(tests/fakes/nli_model.py), each reading every pair one way, so that each part of the policy
is seen to act: a model that reads everything as entailed still cannot support a claim whose
parties the source does not name, nor undo a wrong figure; a model that reads every pair as
a contradiction refutes only through a sentence that writes the claim's words.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot import ask
from bot.judge.entailment import ENV, CrossEncoderEntailer, configured_entailer
from index.errors import VerifError

from .fakes.nli_model import build_nli_model
from .test_ask import assert_grounded


@pytest.fixture(scope="module")
def models(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("nli")
    return {
        reads: build_nli_model(root / reads, reads)
        for reads in ("entailment", "neutral", "contradiction")
    }


def _reading_with(monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
    monkeypatch.setenv(ENV, str(folder))


def test_labels_are_read_from_the_models_own_configuration(tmp_path):
    # entailment in the first column here, in the last one in the models above
    folder = build_nli_model(tmp_path, "entailment", ("entailment", "neutral", "contradiction"))
    (reading,) = CrossEncoderEntailer(str(folder))([("the source", "the claim")])
    assert reading.entails > 0.9
    assert reading.entailed
    assert reading.contradicts < 0.05


def test_a_two_label_model_reads_no_contradiction(tmp_path):
    folder = build_nli_model(tmp_path, "not_entailment", ("entailment", "not_entailment"))
    (reading,) = CrossEncoderEntailer(str(folder))([("the source", "the claim")])
    assert reading.neutral > 0.9
    assert reading.contradicts == 0.0
    assert not reading.entailed


def test_a_model_without_entailment_labels_is_refused(tmp_path):
    folder = build_nli_model(tmp_path, "LABEL_0", ("LABEL_0", "LABEL_1"))
    with pytest.raises(VerifError, match="not an entailment model: its labels are LABEL_0"):
        CrossEncoderEntailer(str(folder))


def test_a_model_that_cannot_load_is_a_clear_error(tmp_path, monkeypatch):
    monkeypatch.setenv(ENV, str(tmp_path / "missing"))
    with pytest.raises(VerifError, match=f"{ENV}=.*could not be loaded"):
        configured_entailer()


def test_no_model_is_configured_by_default(monkeypatch):
    monkeypatch.delenv(ENV, raising=False)
    assert configured_entailer() is None


def test_a_stated_claim_the_model_reads_as_contradicted_is_refuted(
    bundled_index, models, monkeypatch
):
    claim = "Twitter's stock fell more than 6% on Monday"
    assert ask(claim).verdict == "supported"  # by the rules alone
    _reading_with(monkeypatch, models["contradiction"])
    answer = ask(claim)
    assert answer.verdict == "refuted"
    assert answer.notes[0] == "decision: contradicts: the entailment model reads the opposite"
    assert answer.text.startswith("Verdict: refuted. The sources say otherwise (what the source")
    assert "6" in answer.citations[0].quote
    assert_grounded(answer, bundled_index)


def test_a_stated_claim_the_model_does_not_read_as_entailed_is_left_open(
    bundled_index, models, monkeypatch
):
    _reading_with(monkeypatch, models["neutral"])
    answer = ask("Trump avait 88 millions d'abonnés")
    assert answer.verdict == "not_enough_info"
    assert answer.text.startswith("Verdict : informations insuffisantes")
    assert "88" in answer.citations[0].quote  # the closest evidence is still shown
    assert_grounded(answer, bundled_index)


def test_a_model_reading_everything_as_entailed_supports_only_what_names_its_parties(
    bundled_index, models, monkeypatch
):
    _reading_with(monkeypatch, models["entailment"])
    assert ask("Twitter's stock fell more than 6% on Monday").verdict == "supported"
    # parties the sources never name, and a figure the rules read as another
    assert ask("Parler moved its hosting to Microsoft Azure").verdict == "not_enough_info"
    wrong_figure = ask("L'action Twitter a chuté de 3 %")
    assert wrong_figure.verdict == "refuted"
    assert wrong_figure.notes[0] == "decision: contradicts: number"


def test_a_refutation_by_the_sense_of_a_word_is_withdrawn_when_the_model_reads_it_stated(
    bundled_index, models, monkeypatch
):
    claim = "Amazon commented on the lawsuit"
    assert ask(claim).verdict == "refuted"  # a negation, by the rules
    _reading_with(monkeypatch, models["entailment"])
    answer = ask(claim)
    assert answer.verdict == "not_enough_info"
    assert answer.notes[0] == "decision: the entailment model reads it as stated"


def test_an_undecided_claim_the_model_reads_as_stated_is_supported_with_its_sentence(
    bundled_index, models, monkeypatch
):
    claim = "Parler is favoured by the far right"  # "populaire parmi l'extrême droite"
    assert ask(claim).verdict == "not_enough_info"  # "favoured" is no word the rules know
    _reading_with(monkeypatch, models["entailment"])
    answer = ask(claim)
    assert answer.verdict == "supported"
    assert answer.notes[0] == "decision: stated: the entailment model reads it so"
    assert "extrême droite" in answer.citations[0].quote
    assert_grounded(answer, bundled_index)


def test_an_undecided_claim_is_refuted_only_by_a_sentence_that_writes_its_words(
    bundled_index, models, monkeypatch
):
    # "magasins" for "boutiques": the rules leave it open; the sentence writes the rest
    claim = "Google et Apple ont retiré l'application de leurs boutiques"
    assert ask(claim).verdict == "not_enough_info"
    _reading_with(monkeypatch, models["contradiction"])
    answer = ask(claim)
    assert answer.verdict == "refuted"
    assert answer.text.startswith("Verdict : réfuté. Les sources disent autre chose (ce que")
    assert "Google et Apple" in answer.citations[0].quote
    assert_grounded(answer, bundled_index)
    # a sentence that only shares the claim's subject ("a intenté une action") does not
    assert ask("Parler won its lawsuit against Amazon").verdict == "not_enough_info"
