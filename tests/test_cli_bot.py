"""``python -m bot``: help that reads well, notes on stderr, paragraph numbering, exit codes."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

from bot.__main__ import main

from .conftest import ROOT

QUESTION = "Pourquoi Amazon a-t-il arrêté d’héberger Parler ?"


def help_text(*args: str) -> str:
    run = subprocess.run(
        [sys.executable, "-m", "bot", *args, "--help"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    return run.stdout


@pytest.mark.parametrize("command", [(), ("ask",), ("feedback",)])
def test_help_is_plain_text_and_every_option_is_explained(command):
    text = help_text(*command)
    assert "``" not in text and "usage: python -m bot" in text
    # argparse puts an option and its help on one line, or the help alone on the next one.
    lines = text.splitlines()
    for number, line in enumerate(lines):
        option = re.match(r"^\s{2}(-{1,2}[\w-]+)(?:[ ,][^ ].*?)?(\s{2,}\S.*)?$", line)
        if option and option.group(1) != "-h":
            explained = option.group(2) or (
                number + 1 < len(lines) and lines[number + 1].startswith(" " * 10)
            )
            assert explained, f"{option.group(1)} has no help in `{' '.join(command)} --help`"


def test_help_shows_defaults():
    assert "(default: 5)" in help_text("ask")
    assert "default: extractive)" in help_text("ask")
    feedback = " ".join(help_text("feedback").split())
    assert "(default: " in feedback and "gold-drafts.jsonl)" in feedback


def test_paragraphs_count_from_one_in_text_and_from_zero_in_json(bundled_index, capsys):
    assert main(["ask", QUESTION]) == 0
    text = capsys.readouterr().out
    assert main(["ask", QUESTION, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    shown = [int(n) for n in re.findall(r"paragraph (\d+), characters", text)]
    assert shown and shown == [c["paragraph"] + 1 for c in data["citations"]]
    for citation in data["citations"]:  # the JSON number indexes Article.paragraphs
        article = bundled_index.articles[citation["doc_id"]]
        bounds = article.paragraphs[citation["paragraph"]]
        assert bounds.start <= citation["start"] < citation["end"] <= bounds.end


def test_llm_mode_without_a_model_says_so(bundled_index, capsys, monkeypatch):
    for name in ("VERIF_LLM_BASE_URL", "VERIF_LLM_PATH"):
        monkeypatch.delenv(name, raising=False)
    assert main(["ask", "Why did Amazon stop hosting Parler?", "--mode", "llm"]) == 0
    out, err = capsys.readouterr()
    assert "No language model is configured" in err and "VERIF_LLM_BASE_URL" in err
    assert "mode: extractive" in out and "[1]" in out
    assert main(["ask", "Why did Amazon stop hosting Parler?", "--mode", "llm", "--json"]) == 0
    out, err = capsys.readouterr()
    assert json.loads(out)["mode"] == "extractive" and "No language model" in err


def test_extractive_answers_print_no_notes(bundled_index, capsys):
    assert main(["ask", QUESTION]) == 0
    assert capsys.readouterr().err == ""


@pytest.mark.parametrize("k", ["0", "51"])
def test_k_out_of_range_is_an_error_not_a_traceback(bundled_index, capsys, k):
    assert main(["ask", QUESTION, "--k", k]) == 2
    assert "k must be" in capsys.readouterr().err
