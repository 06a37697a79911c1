"""The words shown to people, in prompts/: both languages say the same things, with the same
placeholders, and the refusals read as sentences (issue 17's "they say nothing about "Cup"")."""

from __future__ import annotations

import string

import pytest

from bot.answer import Citation
from bot.compose.text import compose, lead_key
from bot.eval.framing import is_hedged
from bot.judge.answerable import Decision
from bot.question import parse
from prompts import text, texts


def leaves(table: dict, prefix: str = "") -> dict[str, object]:
    found = {}
    for key, value in table.items():
        if isinstance(value, dict):
            found |= leaves(value, f"{prefix}{key}.")
        else:
            found[f"{prefix}{key}"] = value
    return found


def placeholders(value: object) -> set[str]:
    if not isinstance(value, str):
        return set()
    return {name for _, name, _, _ in string.Formatter().parse(value) if name}


def test_french_and_english_say_the_same_things():
    fr, en = leaves(texts("fr")), leaves(texts("en"))
    assert set(fr) == set(en)
    for key in fr:
        assert placeholders(fr[key]) == placeholders(en[key]), key


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "The sources do not answer this question (the articles never mention “judge”)."),
        ("fr", "Les sources ne répondent pas à cette question (les articles ne mentionnent "
               "jamais « juge »)."),
    ],
)  # fmt: skip
def test_a_refusal_names_what_is_missing_in_a_sentence(language, expected):
    term = "judge" if language == "en" else "juge"
    assert text(language, "answer.abstain_missing", term=term) == expected


def _citation(n: int, language: str) -> Citation:
    quote = "Le titre a chuté." if language == "fr" else "The stock fell."
    return Citation(n, f"doc-{n}", "Titre", quote, 0, len(quote), 0, 0.5, language)


@pytest.mark.parametrize(
    ("languages", "lead"),
    [
        (("en", "en"), "Here is what the sources say:"),
        (("fr", "fr"), "Here is what the sources say (quoted in French):"),
        # one quote in the question's language: not "quoted in French" for both
        (("en", "fr"), "Here is what the sources say (some quoted in French):"),
    ],
)
def test_an_answers_lead_says_which_quotes_are_in_another_language(languages, lead):
    citations = [_citation(n, language) for n, language in enumerate(languages, start=1)]
    decision = Decision(False, None, [], 0.8, "answered")
    query = parse("Why did the stock fall?")
    answer = compose(query, decision, citations)
    assert answer.splitlines()[0] == lead
    key = lead_key(query, decision, citations)
    assert not is_hedged({"abstained": False, "verdict": None, "notes": [f"framing: {key}"]})
