"""``ask()``: the answer's shape, its grounding, its language, and bad input."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

from bot import ask
from bot.question.query import MAX_CHARS, parse

from .conftest import ROOT

FRENCH = "Pourquoi Amazon a-t-il arrêté d’héberger Parler ?"
ENGLISH = "Why did Amazon stop hosting Parler?"


def assert_grounded(answer, index) -> None:
    """Every citation is verbatim at its offsets; markers and citations match one to one."""
    markers = {int(n) for n in re.findall(r"\[(\d+)\]", answer.text)}
    assert markers == {c.n for c in answer.citations}
    assert [c.n for c in answer.citations] == list(range(1, len(answer.citations) + 1))
    for citation in answer.citations:
        article = index.articles[citation.doc_id]
        assert article.text[citation.start : citation.end] == citation.quote
        paragraph = article.paragraphs[citation.paragraph]
        assert paragraph.start <= citation.start < citation.end <= paragraph.end


def test_answer_shape_and_json(bundled_index):
    answer = ask(FRENCH)
    assert answer.language == "fr" and answer.kind == "question" and answer.verdict is None
    assert not answer.abstained and answer.citations
    assert_grounded(answer, bundled_index)
    data = json.loads(json.dumps(answer.to_dict()))
    assert set(data) >= {"text", "language", "abstained", "verdict", "citations"}
    assert set(data["citations"][0]) >= {
        "n",
        "doc_id",
        "title",
        "quote",
        "start",
        "end",
        "paragraph",
        "score",
    }


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("Qui est Sheryl Sandberg ?", "fr"),
        ("Who is Sheryl Sandberg?", "en"),
        ("Parler a poursuivi Amazon lundi", "fr"),
        ("Parler sued Amazon", "en"),
        ("Combien d’installations Parler a-t-il reçues en 2020 ?", "fr"),
        ("Twitter's stock rose 6%", "en"),
    ],
)
def test_language_of_short_name_heavy_input(question, language):
    assert parse(question).language == language


def test_answer_words_follow_the_question_language(bundled_index):
    french, english = ask(FRENCH), ask(ENGLISH)
    assert french.text.startswith(("Voici", "Les sources", "D’après"))
    assert english.text.startswith(("Here", "The sources", "According"))
    for answer in (french, english):
        assert_grounded(answer, bundled_index)


def test_ads_and_chrome_are_never_cited(bundled_index):
    for question in (
        "Combien coûte la coupe à fruits Alessi ?",
        "What sizes does the jean come in?",
        "Quel est le menu du restaurant Lounge Champagne Diallo ?",
    ):
        answer = ask(question)
        for citation in answer.citations:
            assert "Coupe à fruits" not in citation.quote and "Jean droit" not in citation.quote


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("", "empty"),
        ("   \n\t ", "empty"),
        ("\u200b\u200e\u2066", "empty"),
        ("?!…", "no words"),
        ("x" * (MAX_CHARS + 1), "too long"),
        ("Почему Amazon отключил Parler?", "French and English"),
        ("亚马逊为什么停止托管Parler", "French and English"),
        (None, "must be text"),
    ],
)
def test_bad_input_is_a_clear_value_error(raw, message):
    with pytest.raises(ValueError, match=message):
        ask(raw)


def test_control_and_zero_width_characters_are_ignored(bundled_index):
    answer = ask("Qui\u200b est\x07 Sheryl\u202e Sandberg ?")
    assert answer.language == "fr" and "Sandberg" in answer.citations[0].quote


def test_bad_k_and_mode():
    with pytest.raises(ValueError, match="k must"):
        ask(FRENCH, k=0)
    with pytest.raises(ValueError, match="mode"):
        ask(FRENCH, mode="magic")


def test_cli_prints_answer_and_json():
    run = subprocess.run(
        [sys.executable, "-m", "bot", "ask", "Qui est Sheryl Sandberg ?", "--json"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout)["citations"][0]["doc_id"] == "parler-accuse-amazon"
    bad = subprocess.run(
        [sys.executable, "-m", "bot", "ask", "   "],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert bad.returncode == 2 and "empty" in bad.stderr and "Traceback" not in bad.stderr


@pytest.mark.parametrize(
    "framed",
    [
        "“Why did Amazon stop hosting Parler?”",
        '"Why did Amazon stop hosting Parler?"',
        "🤔 Pourquoi Amazon a-t-il arrêté d'héberger Parler ? 🤔",
        "« Pourquoi Amazon a-t-il arrêté d'héberger Parler ? »",
    ],
)
def test_a_question_in_quotation_marks_or_emoji_is_still_a_question(framed):
    from bot.question import parse

    assert not parse(framed).is_claim
    assert parse("« Parler a poursuivi Amazon » 📰").is_claim
