"""Thumbs-down answers from the app, turned into draft gold items for a person to review.

The app appends one JSON line per thumb (``time``, ``liked``, ``question``, ``answer``) to
``data/feedback/feedback.jsonl``. A disliked answer is a question the gold set should probably
cover, so each becomes a gold item with what can be guessed filled in (language, question or
claim) and what needs a person left empty (answers, evidence, verdict). Drafts are tagged
``draft`` and keep the answer that was disliked under ``review``; ``bot.eval`` refuses a claim
without a verdict, so an unreviewed draft cannot slip into a scored run.
"""

from __future__ import annotations

import hashlib
import html
import json
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bot.question import parse
from index.settings import ROOT

DRAFTS_NAME = "gold-drafts.jsonl"
# An answer always carries [n] markers; a refusal never does.
_MARKER = re.compile(r"\[\d+\]")


def default_feedback() -> Path:
    """Where the app writes thumbs (``VERIF_FEEDBACK_DIR``, as in app.py)."""
    folder = Path(os.environ.get("VERIF_FEEDBACK_DIR", ROOT / "data" / "feedback"))
    return folder / "feedback.jsonl"


def default_drafts() -> Path:
    return default_feedback().with_name(DRAFTS_NAME)


def default_gold_files() -> list[Path]:
    return sorted((ROOT / "data" / "gold").glob("*.jsonl"))


@dataclass
class Summary:
    disliked: int = 0  # thumbs-down entries read
    drafted: int = 0  # new drafts written
    known: int = 0  # already drafted, already in a gold file, or repeated
    unusable: int = 0  # lines that are not feedback, or questions ask() would refuse

    def describe(self, out: Path) -> str:
        return (
            f"{self.disliked} thumbs-down answers: {self.drafted} new drafts written to {out}, "
            f"{self.known} already drafted or in the gold set, {self.unusable} unusable."
        )


def draft_from_feedback(feedback: Path, out: Path, gold_files: Iterable[Path] = ()) -> Summary:
    """Append a draft to ``out`` for each thumbs-down question not seen before; say what it did."""
    summary = Summary()
    seen = {_key(q) for path in [*gold_files, out] for q in _questions(path)}
    drafts = []
    for entry in _entries(feedback, summary):
        if not _disliked(entry.get("liked")):
            continue
        summary.disliked += 1
        question = _text(entry.get("question")).strip()
        try:
            query = parse(question)
        except ValueError:
            summary.unusable += 1
            continue
        if _key(query.text) in seen:
            summary.known += 1
            continue
        seen.add(_key(query.text))
        drafts.append(draft_item(query.text, query.language, query.is_claim, entry))
    if drafts:
        out.parent.mkdir(parents=True, exist_ok=True)
        with out.open("a", encoding="utf-8") as sink:
            for item in drafts:
                sink.write(json.dumps(item, ensure_ascii=False) + "\n")
    summary.drafted = len(drafts)
    return summary


def draft_item(question: str, language: str, is_claim: bool, entry: dict[str, Any]) -> dict:
    """A gold.jsonl item whose answers, evidence and verdict a person fills in."""
    # The chat bubble is escaped Markdown ("&#x27;", "  \n"): keep what the person read.
    answer = html.unescape(_text(entry.get("answer"))).strip()
    refused = not _MARKER.search(answer)
    kind = "claim" if is_claim else "question"
    digest = hashlib.sha256(_key(question).encode("utf-8")).hexdigest()[:8]
    return {
        "id": f"draft-{language}-{kind[0]}-{digest}",
        "language": language,
        "kind": kind,  # a question the sources cannot answer becomes "unanswerable" on review
        "question": question,
        "answers": [],
        "evidence": [],
        "verdict": None,
        "tags": ["draft", "feedback", "was-refused" if refused else "was-answered"],
        "review": {"disliked_answer": answer, "time": entry.get("time")},
    }


def _entries(path: Path, summary: Summary) -> Iterator[dict[str, Any]]:
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        try:
            entry = json.loads(line)
        except ValueError:
            entry = None
        if isinstance(entry, dict):
            yield entry
        else:
            summary.unusable += 1


def _disliked(liked: object) -> bool:
    # Gradio reports a thumb as a boolean; "dislike" is how some versions spell it.
    return liked is False or liked == "dislike"


def _text(content: object) -> str:
    """Message content as the app stored it: a string, a {"text": …} part, or a list of parts."""
    if isinstance(content, str):
        return content
    if isinstance(content, dict):
        return _text(content.get("text") or content.get("content") or content.get("value"))
    if isinstance(content, list):
        return "\n".join(filter(None, (_text(part) for part in content)))
    return ""


def _questions(path: Path) -> Iterator[str]:
    if not path.is_file():
        return
    for line in path.read_text(encoding="utf-8").splitlines():
        try:
            item = json.loads(line)
        except ValueError:
            continue
        if isinstance(item, dict) and isinstance(item.get("question"), str):
            yield item["question"]


def _key(question: str) -> str:
    """Questions that differ only in case, spacing or apostrophes are the same question."""
    return " ".join(question.casefold().replace("’", "'").split())
