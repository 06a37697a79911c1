"""What ``ask()`` returns: the answer text, its numbered citations, and the verdict of a claim."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class Citation:
    """A verbatim passage: ``quote == article.text[start:end]`` for the article ``doc_id``."""

    n: int  # the number of its [n] marker in the answer text
    doc_id: str
    title: str
    quote: str
    start: int
    end: int
    paragraph: int
    score: float
    language: str = "fr"  # language of the source, which the quote keeps
    attribution: str | None = None  # who the source says is speaking, when it says so


@dataclass(frozen=True)
class Passage:
    """A retrieved chunk, for people who want to see what the answer was chosen from."""

    rank: int
    doc_id: str
    title: str
    paragraph: int
    start: int
    end: int
    text: str
    score: float
    dense: float


@dataclass
class Answer:
    question: str
    text: str  # in the question's language, with [1], [2] markers
    language: str  # "fr" | "en": the question's language
    abstained: bool
    verdict: str | None  # None for a question; "supported" | "refuted" | "not_enough_info"
    citations: list[Citation] = field(default_factory=list)
    confidence: float = 0.0  # 0..1: how strongly the evidence backs the answer
    kind: str = "question"  # "question" | "claim"
    mode: str = "extractive"  # "extractive" | "llm"
    passages: list[Passage] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # e.g. why an LLM answer was replaced

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)
