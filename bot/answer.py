"""What ``ask()`` returns: the answer text, its numbered citations, and the verdict of a claim."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class Citation:
    """A verbatim passage: ``quote == article.text[start:end]`` for the article ``doc_id``.

    Numbering: ``paragraph``, like ``start`` and ``end``, is a position for programs and counts
    from 0 (``article.paragraphs[citation.paragraph]`` holds the quote), in Python and in
    ``to_dict()`` JSON alike. What people read (the chat window, ``python -m bot ask``'s text)
    says "paragraph {paragraph + 1}", counting from 1. Only ``n`` is 1-based: it is the marker.
    """

    n: int  # the number of its [n] marker in the answer text, from 1
    doc_id: str  # the article's stable id (from its file name, or its .meta.json)
    title: str
    quote: str
    start: int  # character offsets into the cleaned article text: quote == text[start:end]
    end: int
    paragraph: int  # index into the article's paragraphs, from 0 (shown to people as + 1)
    score: float  # retrieval score of the quoted sentence: compare within one answer only
    language: str = "fr"  # language of the source, which the quote keeps
    attribution: str | None = None  # who the source says is speaking, when it says so


@dataclass(frozen=True)
class Passage:
    """A retrieved chunk, for people who want to see what the answer was chosen from."""

    rank: int  # from 1
    doc_id: str
    title: str
    paragraph: int  # from 0, like Citation.paragraph
    start: int
    end: int
    text: str
    score: float
    dense: float


# Notes that record how an answer was made rather than tell the reader something.
RECORD_TAGS = ("decision:", "framing:", "guard:")


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

    @property
    def messages(self) -> list[str]:
        """The notes meant for people; "decision:", "framing:" and "guard:" notes are records
        of how the answer was made, for the evaluation and for debugging."""
        return [n for n in self.notes if not n.startswith(RECORD_TAGS)]

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)
