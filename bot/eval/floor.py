"""The benchmark floor: headline figures on the dev stories that a change may not drop below.

data/benchmark/floor.json is written by ``python -m bot.eval --benchmark --split dev
--write-floor`` from a real run: each figure measured, minus a margin (plus, for figures where
lower is better), rounded outward. It only ever tightens: a figure already recorded is raised
(or, for a ceiling, lowered), never loosened, so a regression cannot be recorded over. Each
raise is its own commit. The floor names the stories it was measured on; the CI test runs
exactly those, so adding a dev story does not move it. Latency is not floored: CI shares its
machine, and a slow neighbour is not a regression. A dev item that crashes always fails.
"""

from __future__ import annotations

import json
import math
import time
from pathlib import Path
from typing import Any

from bot.eval.benchmark import Benchmark
from bot.eval.stories import BENCHMARK_DIR

FLOOR_FILE = BENCHMARK_DIR / "floor.json"
MARGIN = 0.03
# Higher is better: the run fails below the floor.
FLOORS = (
    "verdict_accuracy",
    "abstention_precision",
    "abstention_recall",
    "evidence_recall@3",
    "citation_precision",
    "contains_answer",
)
# Lower is better: the run fails above the ceiling.
CEILINGS = ("confidently_wrong_rate", "hedge_rate")


def measure(bench: Benchmark, split: str = "dev") -> dict[str, Any]:
    """The figures the floor is about, macro-averaged over the split's stories."""
    macro = bench.macro(split)
    return {key: macro.get(key) for key in (*FLOORS, *CEILINGS)}


def stories_of(bench: Benchmark, split: str = "dev") -> list[str]:
    return sorted(r.set.id for r in bench.runs if r.set.split == split and r.valid)


def tightened(
    bench: Benchmark, previous: dict[str, Any] | None, margin: float = MARGIN
) -> dict[str, Any]:
    """The new floor: measured figures less the margin, never looser than ``previous`` when it
    was measured on the same stories."""
    figures = measure(bench)
    stories = stories_of(bench)
    same = previous is not None and previous.get("stories") == stories
    floors: dict[str, float] = {}
    for key in FLOORS:
        value = figures[key]
        if value is not None:
            floors[key] = max(0.0, math.floor(round((value - margin) * 100, 6)) / 100)
        if same and key in previous.get("floors", {}):
            floors[key] = max(floors.get(key, 0.0), previous["floors"][key])
    ceilings: dict[str, float] = {}
    for key in CEILINGS:
        value = figures[key]
        if value is not None:
            ceilings[key] = min(1.0, math.ceil(round((value + margin) * 100, 6)) / 100)
        if same and key in previous.get("ceilings", {}):
            ceilings[key] = min(ceilings.get(key, 1.0), previous["ceilings"][key])
    return {
        "about": "Written by `python -m bot.eval --benchmark --split dev --write-floor`; "
        "tighten only, one commit per change (bot/eval/floor.py).",
        "split": "dev",
        "stories": stories,
        "margin": margin,
        "measured": {k: None if v is None else round(v, 4) for k, v in figures.items()},
        "measured_at": time.strftime("%Y-%m-%d %H:%M"),
        "floors": floors,
        "ceilings": ceilings,
    }


def load_floor(path: Path = FLOOR_FILE) -> dict[str, Any] | None:
    if not path.is_file():
        return None
    return json.loads(path.read_text(encoding="utf-8"))


def write_floor(bench: Benchmark, path: Path = FLOOR_FILE, margin: float = MARGIN) -> dict:
    floor = tightened(bench, load_floor(path), margin)
    path.write_text(json.dumps(floor, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return floor


def violations(bench: Benchmark, floor: dict[str, Any]) -> list[str]:
    """What fell below its floor or rose above its ceiling (empty when all holds)."""
    figures = measure(bench)
    crashed = bench.macro("dev").get("errors")
    problems = [f"{crashed} dev items crashed"] if crashed else []
    for key, bound in floor.get("floors", {}).items():
        value = figures.get(key)
        if value is None or value < bound:
            problems.append(f"{key} {_fmt(value)} is below its floor {bound:.2f}")
    for key, bound in floor.get("ceilings", {}).items():
        value = figures.get(key)
        if value is None or value > bound:
            problems.append(f"{key} {_fmt(value)} is above its ceiling {bound:.2f}")
    return problems


def _fmt(value: float | None) -> str:
    return "undefined" if value is None else f"{value:.3f}"
