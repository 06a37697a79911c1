"""The gold set: JSON Lines, one question, unanswerable question or claim per line.

Evidence points at a stable article id plus the verbatim quote and its character span in the
cleaned article, never at chunks, so re-chunking never breaks the set. Answers follow SQuAD
(several acceptable strings), evidence BEIR-style relevance (article id + passage), verdicts
FEVER's three labels (SUPPORTS / REFUTES / NOT ENOUGH INFO as supported / refuted /
not_enough_info).
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

from index.documents import Article

KINDS = ("question", "claim", "unanswerable")
VERDICTS = ("supported", "refuted", "not_enough_info")
DEFAULT_GOLD = Path(__file__).resolve().parents[2] / "data" / "gold" / "gold.jsonl"


@dataclass(frozen=True)
class GoldEvidence:
    doc_id: str
    quote: str
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True)
class GoldItem:
    id: str
    language: str
    kind: str
    question: str
    answers: tuple[str, ...] = ()
    evidence: tuple[GoldEvidence, ...] = ()
    verdict: str | None = None
    tags: tuple[str, ...] = field(default_factory=tuple)
    source_url: str | None = None  # where a claim's real wording was copied from, if it was

    @property
    def answerable(self) -> bool:
        return self.kind == "question"

    def to_dict(self) -> dict:
        data = asdict(self)
        data["answers"] = list(self.answers)
        data["tags"] = list(self.tags)
        data["evidence"] = [asdict(e) for e in self.evidence]
        if self.source_url is None:
            del data["source_url"]
        return data


class GoldError(ValueError):
    """A gold file that does not follow the format, with the line at fault."""


def load_gold(path: Path = DEFAULT_GOLD) -> list[GoldItem]:
    items = []
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            items.append(_item(json.loads(line)))
        except (ValueError, KeyError, TypeError) as err:
            raise GoldError(f"{path}:{number}: {err}") from err
    ids = [item.id for item in items]
    duplicates = {i for i in ids if ids.count(i) > 1}
    if duplicates:
        raise GoldError(f"{path}: duplicate ids {sorted(duplicates)}")
    return items


def _item(data: dict) -> GoldItem:
    if data["kind"] not in KINDS:
        raise ValueError(f"kind must be one of {KINDS}, not {data['kind']!r}")
    if data["language"] not in ("fr", "en"):
        raise ValueError(f"language must be fr or en, not {data['language']!r}")
    verdict = data.get("verdict")
    if (data["kind"] == "claim") != (verdict in VERDICTS):
        raise ValueError(f"{data['id']}: claims need a verdict in {VERDICTS}, others none")
    return GoldItem(
        id=data["id"],
        language=data["language"],
        kind=data["kind"],
        question=data["question"],
        answers=tuple(data.get("answers") or ()),
        evidence=tuple(GoldEvidence(**e) for e in data.get("evidence") or ()),
        verdict=verdict,
        tags=tuple(data.get("tags") or ()),
        source_url=_url(data.get("source_url")),
    )


def _url(value: object) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not value.startswith(("http://", "https://")):
        raise ValueError(f"source_url must be an http(s) URL, not {value!r}")
    return value


def check_against(items: list[GoldItem], articles: dict[str, Article]) -> list[str]:
    """Problems of the gold set against the cleaned corpus (empty when all is well)."""
    problems = []
    for item in items:
        for evidence in item.evidence:
            article = articles.get(evidence.doc_id)
            if article is None:
                problems.append(f"{item.id}: unknown article {evidence.doc_id!r}")
            elif evidence.quote not in article.text:
                problems.append(
                    f"{item.id}: quote not in {evidence.doc_id}: {evidence.quote[:60]!r}"
                )
            elif evidence.start is None or not _span_is_quote(article, evidence):
                problems.append(f"{item.id}: span {evidence.start}:{evidence.end} is not the quote")
    return problems


def _span_is_quote(article: Article, evidence: GoldEvidence) -> bool:
    return article.text[evidence.start : evidence.end] == evidence.quote


def with_spans(items: list[GoldItem], articles: dict[str, Article]) -> list[GoldItem]:
    """The items with each quote's span filled in (its first occurrence in the cleaned text)."""
    filled = []
    for item in items:
        evidence = []
        for e in item.evidence:
            start = articles[e.doc_id].text.find(e.quote)
            if start < 0:
                raise GoldError(f"{item.id}: quote not found in {e.doc_id}: {e.quote[:60]!r}")
            evidence.append(GoldEvidence(e.doc_id, e.quote, start, start + len(e.quote)))
        filled.append(GoldItem(**{**item.__dict__, "evidence": tuple(evidence)}))
    return filled


def save_gold(items: list[GoldItem], path: Path) -> None:
    lines = [json.dumps(item.to_dict(), ensure_ascii=False) for item in items]
    Path(path).write_text("\n".join(lines) + "\n", encoding="utf-8")
