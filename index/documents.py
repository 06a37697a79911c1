"""The records that flow from ingestion to answering: articles, their paragraphs, and chunks."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class Unit:
    """A block of text read from a file, before cleaning: a paragraph, list item or heading."""

    text: str
    kind: str  # "text" | "list_item" | "heading" | "title" | "caption"


@dataclass(frozen=True)
class Dropped:
    """Something the cleaner removed, and why: shown to whoever adds an article."""

    text: str
    reason: str


@dataclass(frozen=True)
class Paragraph:
    start: int
    end: int
    kind: str  # "title" | "heading" | "body" | "list"


@dataclass
class Article:
    """A cleaned article. ``text`` is what offsets point into; nothing dropped is in it."""

    id: str
    title: str
    language: str
    published: str | None
    source: str
    text: str
    paragraphs: list[Paragraph]
    dropped: list[Dropped] = field(default_factory=list)
    # Provenance, shown beside citations: "bundled" with the tool, or "added" by whom and when.
    origin: str = "bundled"
    added_by: str | None = None
    added_at: str | None = None  # UTC, "2026-11-25T17:40:00Z"
    publisher: str | None = None
    url: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        return cls(
            **{
                **data,
                "paragraphs": [Paragraph(**p) for p in data["paragraphs"]],
                "dropped": [Dropped(**d) for d in data["dropped"]],
            }
        )


@dataclass(frozen=True)
class Sentence:
    doc_id: str
    paragraph: int
    start: int
    end: int


@dataclass(frozen=True)
class Chunk:
    """A retrievable passage: whole sentences of one paragraph, ``article.text[start:end]``."""

    id: str
    doc_id: str
    title: str
    paragraph: int
    start: int
    end: int
    text: str
    sentences: tuple[int, ...]  # rows of the index's sentence table

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)
