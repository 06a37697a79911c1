"""Cold start: a new Python process to its first answer, the index already on disk.

    python -m bench.cold_start [--runs 5]

That is what a user of `python -m bot ask` or a restarted app waits for. The tutorial pipeline
keeps no index on disk in the tutorial, so its figure is import, load, split, embed and the
first query. Each child prints its own phase times; the parent times the whole process.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time

from bench.common import ROOT, write

# Each child reports {"import": s, "first": s} on its last line; wall time is measured outside.
OURS = """
import json, time
t0 = time.perf_counter()
from bot import ask
t1 = time.perf_counter()
ask("Pourquoi Amazon a-t-il arrêté d’héberger Parler ?")
t2 = time.perf_counter()
print(json.dumps({"import": t1 - t0, "first": t2 - t1}))
"""
TUTORIAL = """
import json, time
t0 = time.perf_counter()
from bot.eval.baseline import TutorialPipeline
from index.corpus import article_files
from index.settings import load_settings
t1 = time.perf_counter()
TutorialPipeline(article_files(load_settings())).search("Why did Amazon stop hosting Parler?", 5)
t2 = time.perf_counter()
print(json.dumps({"import": t1 - t0, "first": t2 - t1}))
"""


def run(code: str) -> dict[str, float]:
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, check=True, capture_output=True, text=True
    )
    wall = time.perf_counter() - started
    phases = json.loads(done.stdout.strip().splitlines()[-1])
    return {"wall": wall, **phases}


def medians(runs: list[dict[str, float]]) -> dict[str, float]:
    return {key: round(statistics.median(r[key] for r in runs), 2) for key in runs[0]}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    from index.corpus import ensure_index

    ensure_index(progress=False)  # on disk before timing: we measure loading, not building
    run(OURS)  # one untimed pass each, so both start from a warm OS file cache
    run(TUTORIAL)
    ours, tutorial = [], []
    for _ in range(args.runs):  # alternating, as in latency.py
        ours.append(run(OURS))
        tutorial.append(run(TUTORIAL))
    result = {
        "runs": args.runs,
        "ours_s": medians(ours),
        "tutorial_s": medians(tutorial),
        "ours_all_wall_s": [round(r["wall"], 2) for r in ours],
        "tutorial_all_wall_s": [round(r["wall"], 2) for r in tutorial],
    }
    result["ratio_tutorial_over_ours"] = round(
        result["tutorial_s"]["wall"] / result["ours_s"]["wall"], 1
    )
    print(f"median of {args.runs} runs (wall = new process to first answer)")
    for name in ("ours_s", "tutorial_s"):
        m = result[name]
        print(f"  {name[:-2]:9} wall {m['wall']:5.2f} s  import {m['import']:5.2f} s  "
              f"first answer {m['first']:5.2f} s")  # fmt: skip
    print(f"  tutorial / ours: {result['ratio_tutorial_over_ours']}×")
    write("cold_start", result)


if __name__ == "__main__":
    main()
