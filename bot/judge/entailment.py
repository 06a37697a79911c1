"""An optional entailment model that reads what the rules cannot: sense.

The rules check what two texts state point by point (figures, dates, names, negation); what
they cannot tell is whether a word means what the claim's word means. "Le prix Nobel de
chimie" against "the physics prize" shares the claim's every other word; "axed" for "cut"
shares none. A natural-language-inference model (a cross-encoder trained on premise /
hypothesis pairs, such as an mDeBERTa XNLI model, named by ``VERIF_NLI_MODEL``) reads both.

It is consulted on the candidate sentences the evidence stage chose (it never selects
others), and only in ways that keep a wrong verdict rarer than a missed one:

- a claim the rules found stated stays supported only if the model reads it as entailed;
  when the model reads a contradiction in that very sentence (which covers the claim's
  words and names, so is about its subject), the claim is refuted;
- a refutation the rules found in the sense of a word (a direction, a negation, an actor)
  is withdrawn when the model reads the sentence as entailing the claim: the two disagree,
  and that is not enough to decide. A figure or a date the rules found wrong stays wrong;
- a claim the rules left undecided is supported by a sentence the model reads as entailing
  it, if the sentence is on the claim's subject, names its parties and contradicts none of
  its figures or dates; it is refuted by such a sentence the model reads as contradicting
  it only if the sentence also writes the claim's words, as a sentence stating it would
  ("closed higher" for "closed down"): a contradiction read in a sentence that merely
  shares the claim's subject ("Parler filed a lawsuit" for "Parler won its lawsuit") is
  too often another event.

With no model configured, nothing here runs and verdicts are the rules' alone. The
thresholds are starting points: measure a model with ``python -m bot.eval --nli MODEL``.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

from bot.judge.answerable import Decision
from index.errors import VerifError

if TYPE_CHECKING:
    from bot.judge.verdict import Judgement

# The model's probability of entailment above which it confirms a claim (or withdraws a
# refutation), and of contradiction above which it refutes a claim the rules found stated.
ENTAILS = 0.9
CONTRADICTS = 0.9
# The contradiction the answer names when the model refutes (prompts/: verdict.why.meaning).
KIND = "meaning"
ENV = "VERIF_NLI_MODEL"
# Contradictions of figures and dates, which the rules read exactly and entailment models
# read poorly: the model does not withdraw them.
READ_BY_RULES = frozenset({"number", "date"})


class Reading(NamedTuple):
    """How the model reads a (premise, hypothesis) pair: three probabilities."""

    entails: float
    neutral: float
    contradicts: float

    @property
    def entailed(self) -> bool:
        return self.entails >= max(self.neutral, self.contradicts)


# Reads (evidence sentence, claim) pairs, in order.
Entailer = Callable[[Sequence[tuple[str, str]]], list[Reading]]


class CrossEncoderEntailer:
    """A sentence-transformers cross-encoder trained for NLI, by name or local folder. Its
    labels are read from the model's own configuration (``id2label``), whatever their order."""

    def __init__(self, spec: str) -> None:
        from sentence_transformers import CrossEncoder

        try:
            self.model = CrossEncoder(spec, device="cpu")
        except Exception as error:  # a missing folder, a name the hub cannot give offline…
            raise VerifError(f"{ENV}={spec!r} could not be loaded: {error}") from error
        self.name = spec
        self.columns = _label_columns(self.model.model.config.id2label, spec)

    def __call__(self, pairs: Sequence[tuple[str, str]]) -> list[Reading]:
        if not pairs:
            return []
        rows = self.model.predict(list(pairs), apply_softmax=True, show_progress_bar=False)
        return [
            Reading(*(float(row[c]) if c is not None else 0.0 for c in self.columns))
            for row in rows
        ]


def _label_columns(id2label: dict, spec: str) -> tuple[int | None, int | None, int | None]:
    """Which output column is entailment, neutral, contradiction ("entailment",
    "ENTAILMENT", "not_entailment"…): a model with no entailment label is not an NLI model."""
    found: dict[str, int] = {}
    for column, label in id2label.items():
        name = str(label).casefold()
        if name.startswith("entail"):
            found["entails"] = int(column)
        elif name.startswith("contradict"):
            found["contradicts"] = int(column)
        elif name.startswith(("neutral", "not_entail", "non_entail")):
            found["neutral"] = int(column)
    if "entails" not in found:
        labels = ", ".join(str(v) for v in id2label.values())
        raise VerifError(
            f"{ENV}={spec!r} is not an entailment model: its labels are {labels}; "
            "expected entailment, neutral and contradiction."
        )
    return found["entails"], found.get("neutral"), found.get("contradicts")


def configured_entailer() -> Entailer | None:
    """The model ``VERIF_NLI_MODEL`` names, loaded once; None when it names none."""
    spec = os.environ.get(ENV, "").strip()
    return _load(spec) if spec else None


@lru_cache(maxsize=2)
def _load(spec: str) -> CrossEncoderEntailer:
    return CrossEncoderEntailer(spec)


def reconsider(
    decision: Decision,
    judged: list[Judgement],
    texts: list[str],
    claim: str,
    entailer: Entailer,
) -> Decision:
    """The rules' ``decision`` on ``claim``, checked by the entailment model on the candidate
    sentences ``judged`` (whose texts are ``texts``)."""
    if decision.contradiction and decision.verdict == "not_enough_info":
        return decision  # two sources already disagree: a third reading settles nothing
    readings = entailer([(text, claim) for text in texts])
    by_start = {
        (j.evidence.doc_id, j.evidence.start): (j, reading)
        for j, reading in zip(judged, readings, strict=True)
    }
    if decision.verdict in ("supported", "refuted"):
        cited = decision.evidence[0]
        judgement, reading = by_start[(cited.doc_id, cited.start)]
        note = f"entailment: {_percent(reading)}"
        if decision.verdict == "supported" and reading.contradicts >= CONTRADICTS:
            return Decision(
                False, "refuted", [cited], round(reading.contradicts, 2),
                "contradicts: the entailment model reads the opposite", contradiction=KIND,
                notes=[note],
            )  # fmt: skip
        if decision.verdict == "supported" and not reading.entailed:
            return _undecided(judgement, "the entailment model does not read it as stated", note)
        if (
            decision.verdict == "refuted"
            and decision.contradiction not in READ_BY_RULES
            and reading.entails >= ENTAILS
        ):
            return _undecided(judgement, "the entailment model reads it as stated", note)
        return replace(decision, notes=[*decision.notes, note])
    for judgement, reading in zip(judged, readings, strict=True):
        if not judgement.could_state:
            continue
        note = f"entailment: {_percent(reading)}"
        if reading.entails >= ENTAILS:
            return Decision(
                False, "supported", [judgement.evidence], round(reading.entails, 2),
                "stated: the entailment model reads it so", notes=[note],
            )  # fmt: skip
        if reading.contradicts >= CONTRADICTS and judgement.words_said:
            return Decision(
                False, "refuted", [judgement.evidence], round(reading.contradicts, 2),
                "contradicts: the entailment model reads the opposite", contradiction=KIND,
                notes=[note],
            )  # fmt: skip
    return decision


def _undecided(judgement: Judgement, reason: str, note: str) -> Decision:
    return Decision(False, "not_enough_info", [judgement.evidence], 0.4, reason, notes=[note])


def _percent(reading: Reading) -> str:
    return (
        f"entails {reading.entails:.0%}, neutral {reading.neutral:.0%}, "
        f"contradicts {reading.contradicts:.0%}"
    )
