"""Shared by the benchmark scripts: percentiles, the machine they ran on, questions, JSON output."""

from __future__ import annotations

import json
import os
import platform
import statistics
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
GOLD = ROOT / "data" / "gold" / "gold.jsonl"

# Used only when the gold set is missing, so the scripts still run on a bare checkout.
FALLBACK_QUESTIONS = [
    "Pourquoi Parler a-t-il poursuivi Amazon ?",
    "Quand Amazon a-t-il coupé l’hébergement de Parler ?",
    "Quel juge a rejeté la demande de Parler ?",
    "Combien d’utilisateurs Parler revendiquait-il ?",
    "Devant quel tribunal Parler a-t-il déposé sa nouvelle plainte ?",
    "Qui a fondé Parler ?",
    "Que reproche Parler à Amazon ?",
    "Parler a-t-il retrouvé un hébergeur ?",
    "Amazon a rompu son contrat avec Parler.",
    "Parler a déposé une plainte le 2 mars 2021.",
    "Why did Parler sue Amazon?",
    "When did Amazon stop hosting Parler?",
    "Which judge turned down Parler's request?",
    "How many users did Parler claim?",
    "In which court did Parler file its new complaint?",
    "What does Parler accuse Amazon of?",
    "What is the capital of Australia?",
    "Amazon kept hosting Parler after the attack on the Capitol.",
    "Parler filed a lawsuit in Washington state court.",
    "Twitter's stock rose 6% on Monday.",
]


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile: with a few hundred samples, no interpolation is needed."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    return ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))]


def summary_ms(seconds: list[float]) -> dict[str, float]:
    ms = [s * 1000 for s in seconds]
    return {
        "p50_ms": round(percentile(ms, 50), 2),
        "p95_ms": round(percentile(ms, 95), 2),
        "mean_ms": round(statistics.fmean(ms), 2) if ms else float("nan"),
        "n": len(ms),
    }


def rss_mb(pid: int | None = None) -> float:
    return round(psutil.Process(pid).memory_info().rss / 2**20, 1)


def folder_mb(folder: Path) -> float:
    return round(sum(p.stat().st_size for p in folder.iterdir() if p.is_file()) / 2**20, 2)


def machine() -> dict[str, object]:
    """Figures mean little without the machine: other engineers share these two cores."""
    model = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {
        "cpus": os.cpu_count(),
        "cpu": model,
        "memory_gb": round(psutil.virtual_memory().total / 2**30, 1),
        "load_average_1min": round(os.getloadavg()[0], 2),
        "python": platform.python_version(),
        # OpenMP settings change e5's speed by 50x on a busy machine: see bench/README.md.
        "omp": {
            k: os.environ[k] for k in ("OMP_WAIT_POLICY", "OMP_NUM_THREADS") if k in os.environ
        },
        "date": time.strftime("%Y-%m-%d %H:%M"),
    }


def write(name: str, data: dict) -> Path:
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / f"{name}.json"
    path.write_text(json.dumps({"machine": machine(), **data}, indent=2), encoding="utf-8")
    print(f"wrote {path.relative_to(ROOT)}")
    return path


def gold_questions() -> tuple[list[str], str]:
    """The gold set's questions and claims, and where they came from."""
    if GOLD.is_file():
        from bot.eval.gold import load_gold

        return [item.question for item in load_gold(GOLD)], str(GOLD.relative_to(ROOT))
    return list(FALLBACK_QUESTIONS), "built-in list (data/gold/gold.jsonl missing)"
