"""``python -m bot feedback``: thumbs-down answers become draft gold items, once each."""

from __future__ import annotations

import html
import json
import subprocess
import sys
from pathlib import Path

import pytest

from bot.eval.gold import GoldError, load_gold
from bot.feedback import draft_from_feedback

from .conftest import ROOT

GOLD = ROOT / "data" / "gold" / "gold.jsonl"


def feedback_lines() -> list:
    """What app.record_feedback writes, plus the oddities a real file accumulates."""
    gold_question = json.loads(GOLD.read_text(encoding="utf-8").splitlines()[0])["question"]
    return [
        {"time": "t1", "liked": True, "question": "Who is Sheryl Sandberg?", "answer": "… [1]"},
        {
            "time": "t2",
            "liked": False,
            "question": "Quand Parler a-t-il été mis hors ligne ?",
            "answer": "Parler a été coupé le 10 janvier [1].  \nL&#x27;application…",
        },
        {
            "time": "t3",
            "liked": False,
            "question": "Parler  sued Amazon in Texas",
            "answer": [{"type": "text", "text": "The sources do not say."}],
        },
        {"time": "t4", "liked": False, "question": "parler sued amazon in texas", "answer": "x"},
        {"time": "t5", "liked": False, "question": gold_question, "answer": "…"},
        {"time": "t6", "liked": False, "question": "   ", "answer": "…"},
        {"time": "t7", "liked": None, "question": "Who owns AWS?", "answer": "…"},
        "not json {",
    ]


@pytest.fixture
def feedback(tmp_path: Path) -> Path:
    path = tmp_path / "feedback.jsonl"
    lines = [
        e if isinstance(e, str) else json.dumps(e, ensure_ascii=False) for e in feedback_lines()
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_thumbs_down_become_drafts_in_the_gold_format(feedback, tmp_path):
    out = tmp_path / "drafts.jsonl"
    summary = draft_from_feedback(feedback, out, [GOLD])
    assert (summary.disliked, summary.drafted, summary.known, summary.unusable) == (5, 2, 2, 2)
    question, claim = read_jsonl(out)

    assert question["language"] == "fr" and question["kind"] == "question"
    assert question["question"] == "Quand Parler a-t-il été mis hors ligne ?"
    assert question["answers"] == [] and question["evidence"] == [] and question["verdict"] is None
    assert question["tags"] == ["draft", "feedback", "was-answered"]
    assert question["review"]["disliked_answer"].startswith("Parler a été coupé")
    assert "L'application" in question["review"]["disliked_answer"]  # entities decoded

    assert claim["language"] == "en" and claim["kind"] == "claim"
    assert claim["question"] == "Parler sued Amazon in Texas"  # cleaned as ask() cleans it
    assert claim["tags"][-1] == "was-refused"
    assert claim["review"] == {"disliked_answer": "The sources do not say.", "time": "t3"}


def test_drafts_load_as_gold_once_reviewed(feedback, tmp_path):
    out = tmp_path / "drafts.jsonl"
    draft_from_feedback(feedback, out, [GOLD])
    # A claim without a verdict cannot be scored by mistake.
    with pytest.raises(GoldError, match="verdict"):
        load_gold(out)
    reviewed = read_jsonl(out)
    reviewed[1]["verdict"] = "not_enough_info"
    out.write_text("".join(json.dumps(i) + "\n" for i in reviewed), encoding="utf-8")
    items = load_gold(out)
    assert [i.kind for i in items] == ["question", "claim"] and "draft" in items[0].tags


def test_command_appends_only_new_drafts(feedback, tmp_path):
    out = tmp_path / "drafts" / "gold-drafts.jsonl"
    command = [sys.executable, "-m", "bot", "feedback", "--file", str(feedback), "--out", str(out)]
    first = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert first.returncode == 0, first.stderr
    assert "5 thumbs-down answers: 2 new drafts" in first.stdout
    ids = [item["id"] for item in read_jsonl(out)]

    with feedback.open("a", encoding="utf-8") as more:
        entry = {"liked": False, "question": "Who owns AWS?", "answer": "…"}
        more.write(json.dumps(entry) + "\n")
    again = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert again.returncode == 0 and "1 new drafts" in again.stdout
    items = read_jsonl(out)
    assert [i["id"] for i in items[:2]] == ids and items[2]["question"] == "Who owns AWS?"
    assert len({i["id"] for i in items}) == 3


def test_missing_feedback_file_is_an_error_not_a_traceback(tmp_path):
    run = subprocess.run(
        [sys.executable, "-m", "bot", "feedback", "--file", str(tmp_path / "none.jsonl")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 1 and "none.jsonl" in run.stderr and "Traceback" not in run.stderr


def test_reads_what_the_app_records(tmp_path, monkeypatch, bundled_index):
    """The contract with app.record_feedback: its lines become drafts unchanged in meaning."""
    gr = pytest.importorskip("gradio")
    import app
    from bot import ask

    monkeypatch.setattr(app, "FEEDBACK_DIR", tmp_path)
    history = []
    for question in ("Who is Sheryl Sandberg?", "Quel temps fera-t-il demain à Lyon ?"):
        answer = f'<div class="answer">{html.escape(ask(question).text)}</div>'  # as shown
        history += [
            {"role": "user", "content": question},
            {"role": "assistant", "content": answer},
        ]
        like = gr.LikeData(None, {"index": len(history) - 1, "value": answer, "liked": False})
        app.record_feedback(like, history)
    summary = draft_from_feedback(tmp_path / "feedback.jsonl", tmp_path / "drafts.jsonl")
    assert (summary.disliked, summary.drafted) == (2, 2)
    answered, refused = read_jsonl(tmp_path / "drafts.jsonl")
    assert answered["question"] == "Who is Sheryl Sandberg?" and answered["language"] == "en"
    assert answered["tags"][-1] == "was-answered" and "[1]" in answered["review"]["disliked_answer"]
    assert refused["language"] == "fr" and refused["tags"][-1] == "was-refused"
