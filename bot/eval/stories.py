"""The evaluation sets: benchmark stories (dev or sealed test) and the seed gold sets.

A story is a folder of data/benchmark/: ``story.json`` (its split and articles), ``articles/``
(the files the indexer reads) and ``items.jsonl`` (gold items in the data/gold format). A
folder still being written (no story.json or no items.jsonl) is skipped, not an error.

Test stories are sealed: they are run to report aggregate figures, never read item by item
(see report.py). ``EvalSet.sealed`` is what the report writer checks.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from pathlib import Path

from bot.eval.gold import DEFAULT_GOLD, GoldError, GoldItem, load_gold
from index.settings import ROOT

log = logging.getLogger(__name__)

BENCHMARK_DIR = ROOT / "data" / "benchmark"
SPLITS = ("test", "dev", "seed")
SEED_CORPUS = ROOT / "data" / "articles"
HELDOUT_GOLD = DEFAULT_GOLD.with_name("heldout.jsonl")


@dataclass(frozen=True)
class EvalSet:
    """A corpus and the gold items asked of it."""

    id: str
    split: str  # "test" | "dev" | "seed"
    title: str
    corpus: Path  # folder of article files
    gold: Path  # items.jsonl
    label: str = ""  # what the set is, for the report ("sealed test story", ...)

    @property
    def sealed(self) -> bool:
        """Sealed sets are reported in aggregate only: no item, question or answer is shown."""
        return self.split == "test"

    def items(self) -> list[GoldItem]:
        return load_gold(self.gold)


def discover(root: Path = BENCHMARK_DIR) -> list[EvalSet]:
    """Every complete story under ``root``, test stories first, then dev, each by id."""
    stories = []
    for folder in sorted(p for p in root.iterdir() if p.is_dir()) if root.is_dir() else []:
        meta, items, articles = folder / "story.json", folder / "items.jsonl", folder / "articles"
        if not (meta.is_file() and items.is_file() and articles.is_dir()):
            log.warning("skipping %s: story.json, items.jsonl or articles/ missing", folder.name)
            continue
        try:
            data = json.loads(meta.read_text(encoding="utf-8"))
        except ValueError as err:
            raise GoldError(f"{meta}: {err}") from err
        split = data.get("split")
        if split not in ("dev", "test"):
            raise GoldError(f"{meta}: split must be dev or test, not {split!r}")
        label = "sealed test story" if split == "test" else "dev story"
        stories.append(
            EvalSet(
                id=data.get("id") or folder.name,
                split=split,
                title=data.get("title", folder.name),
                corpus=articles,
                gold=items,
                label=label,
            )
        )
    return sorted(stories, key=lambda s: (SPLITS.index(s.split), s.id))


def seed_sets() -> list[EvalSet]:
    """The two gold sets over the bundled corpus; both were used to tune the rules."""
    return [
        EvalSet(
            "seed-gold",
            "seed",
            "Parler v. Amazon: tuning set",
            SEED_CORPUS,
            DEFAULT_GOLD,
            "seed tuning set (gold.jsonl)",
        ),
        EvalSet(
            "seed-heldout",
            "seed",
            "Parler v. Amazon: former held-out set",
            SEED_CORPUS,
            HELDOUT_GOLD,
            "seed held-out set, now dev (heldout.jsonl)",
        ),
    ]


def is_sealed_gold(path: Path, root: Path = BENCHMARK_DIR) -> bool:
    """Is ``path`` the items file of a sealed test story? (Then it is reported in aggregate
    only, whichever command scores it.)"""
    resolved = Path(path).resolve()
    return any(s.sealed and s.gold.resolve() == resolved for s in discover(root))


def select(
    split: str = "all",
    names: list[str] | None = None,
    root: Path = BENCHMARK_DIR,
    seeds: bool = False,
) -> list[EvalSet]:
    """The stories of ``split`` ("dev", "test", "all"), optionally only those named, plus the
    seed sets when asked. Unknown names are an error, so a typo does not shrink the run."""
    sets = discover(root) + (seed_sets() if seeds else [])
    if split != "all":
        sets = [s for s in sets if s.split in (split, "seed")]
    if names:
        known = {s.id for s in sets}
        unknown = sorted(set(names) - known)
        if unknown:
            raise GoldError(f"unknown stories {unknown} (known: {sorted(known)})")
        sets = [s for s in sets if s.id in names]
    return sets
