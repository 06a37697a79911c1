"""Is the confidence Vérif shows worth what it says? A reliability table and diagram.

An answered question is right when its first citation is gold evidence; a supported or
refuted verdict when it is the gold verdict. Each such answer's stated confidence is binned,
and each bin's mean confidence is set against the share of right answers in it: a calibrated
confidence lies on the diagonal. Refusals and "not enough information" state no confidence in
an answer and are left out.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from bot.eval.run import ItemResult

BINS = 5


@dataclass(frozen=True)
class Bin:
    low: float
    high: float
    count: int
    confidence: float  # mean stated confidence
    accuracy: float  # share of right answers


def outcomes(results: Iterable[ItemResult]) -> list[tuple[float, bool]]:
    """(stated confidence, was it right) for every answer that commits to something."""
    pairs = []
    for result in results:
        answer, item = result.answer, result.item
        if "error" in answer or answer.get("abstained"):
            continue
        verdict = answer.get("verdict")
        if verdict in ("supported", "refuted"):
            pairs.append((float(answer["confidence"]), verdict == item.verdict))
        elif verdict is None:
            first_right = result.cited_total > 0 and result.rank == 1
            pairs.append((float(answer["confidence"]), item.answerable and first_right))
    return pairs


def reliability(pairs: list[tuple[float, bool]], bins: int = BINS) -> list[Bin]:
    table = []
    for i in range(bins):
        low, high = i / bins, (i + 1) / bins
        inside = [(c, ok) for c, ok in pairs if low <= c < high or (i == bins - 1 and c == 1.0)]
        if inside:
            table.append(
                Bin(
                    low,
                    high,
                    len(inside),
                    sum(c for c, _ in inside) / len(inside),
                    sum(ok for _, ok in inside) / len(inside),
                )
            )
    return table


def expected_calibration_error(table: list[Bin]) -> float | None:
    """The count-weighted mean gap between stated confidence and accuracy."""
    total = sum(b.count for b in table)
    if not total:
        return None
    return sum(b.count * abs(b.confidence - b.accuracy) for b in table) / total


def markdown(table: list[Bin]) -> str:
    lines = ["| confidence | answers | mean confidence | right |", "| --- | ---: | ---: | ---: |"]
    lines += [
        f"| {b.low:.1f}–{b.high:.1f} | {b.count} | {b.confidence:.2f} | {b.accuracy:.2f} |"
        for b in table
    ]
    return "\n".join(lines)


def chart(ax, table: list[Bin], title: str) -> None:
    """The reliability diagram: accuracy against stated confidence, the diagonal beside it."""
    ax.plot([0, 1], [0, 1], linestyle="--", color="grey", linewidth=1, label="calibrated")
    ax.plot(
        [b.confidence for b in table],
        [b.accuracy for b in table],
        marker="o",
        label="Vérif",
    )
    for b in table:
        ax.annotate(str(b.count), (b.confidence, b.accuracy), textcoords="offset points",
                    xytext=(4, -10), fontsize=7)  # fmt: skip
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    ax.set_xlabel("stated confidence")
    ax.set_ylabel("share right")
    ax.set_title(title)
    ax.legend(loc="upper left", fontsize=8)
