"""The words shown to people, in prompts/: both languages say the same things, with the same
placeholders, and the refusals read as sentences (issue 17's "they say nothing about "Cup"")."""

from __future__ import annotations

import string

import pytest

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
