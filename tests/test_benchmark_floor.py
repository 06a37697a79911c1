"""The floor in CI: the dev stories' headline figures may not fall below data/benchmark/floor.json.

Runs the stories the floor was measured on (its "stories"), each on its own index, cached by
corpus checksum outside the checkout (``$VERIF_BENCHMARK_CACHE`` or ~/.cache/verif/benchmark),
so only the first run on a machine builds them. The tutorial pipeline and the all-stories
index are left out here: they are not floored. To raise the floor after an improvement:
``python -m bot.eval --benchmark --split dev --write-floor``, then commit floor.json alone.
"""

from __future__ import annotations

import pytest

from bot.eval import floor
from bot.eval.benchmark import run_benchmark
from bot.eval.stories import select


@pytest.mark.slow
def test_dev_stories_stay_above_the_recorded_floor():
    recorded = floor.load_floor()
    assert recorded, "no floor: run python -m bot.eval --benchmark --split dev --write-floor"
    sets = select("dev", recorded["stories"])
    assert [s.id for s in sets] == recorded["stories"] and not any(s.sealed for s in sets)
    bench = run_benchmark(sets, baseline=False, combined=False, progress=False)
    invalid = [f"{r.set.id}: {r.problems} gold problems" for r in bench.runs if not r.valid]
    assert not invalid, invalid
    problems = floor.violations(bench, recorded)
    assert not problems, "\n".join(problems)
