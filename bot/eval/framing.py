"""Was an answer framed as only partial ("the sources only partly answer this")?

The hedge rate counts answerable questions answered with that framing. It is read from what
the pipeline records, never from the wording (which lives in prompts/ and changes):

1. a note ``framing: <prompts key>`` in ``Answer.notes``, when the composer records one; the
   partial framings are the ``answer.lead_weak*`` keys of prompts/;
2. otherwise, for a pipeline that records no framing, the composer's former rule (an answer
   whose confidence is below ``0.2 + 0.8 * bot.judge.answerable.CONFIDENT_COVERAGE`` got the
   ``answer.lead_weak`` lead), while that constant exists; without it, no partial framing.

tests/test_eval_framing.py checks the detector against the lead people actually read.
"""

from __future__ import annotations

from typing import Any

FRAMING_NOTE = "framing:"
PARTIAL_KEYS = ("answer.lead_weak", "answer.lead_weak_other_language")


def partial_bound() -> float | None:
    """The confidence under which the composer framed an answer as partial, if it still does."""
    from bot.judge import answerable as decide

    confident = getattr(decide, "CONFIDENT_COVERAGE", None)
    return None if confident is None else 0.2 + 0.8 * confident


def framing_key(answer: dict[str, Any]) -> str | None:
    """The prompts/ key of the answer's lead, when the pipeline noted it."""
    for note in answer.get("notes") or ():
        if note.startswith(FRAMING_NOTE):
            return note[len(FRAMING_NOTE) :].strip()
    return None


def is_hedged(answer: dict[str, Any]) -> bool:
    """True for a question's answer (not a refusal, not a verdict) framed as only partial."""
    if answer.get("abstained") or answer.get("verdict") is not None or "error" in answer:
        return False
    key = framing_key(answer)
    if key is not None:
        return key in PARTIAL_KEYS or "partial" in key or "weak" in key
    bound = partial_bound()
    return bound is not None and float(answer.get("confidence", 0.0)) < bound
