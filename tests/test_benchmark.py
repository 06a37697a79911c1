"""``python -m bot.eval --benchmark`` on two small stories written here (one dev, one sealed
test), indexed by the real indexer into a temporary cache: per-story and macro figures, the
all-stories index, cached reruns, the floor file, a user's own --gold/--corpus, and the rule
that nothing of a sealed story's items reaches a report or the console."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from bot.eval import floor
from bot.eval.benchmark import Benchmark, SetRun, macro_average
from bot.eval.gold import GoldError
from bot.eval.stories import EvalSet, discover, is_sealed_gold, select

from .conftest import ROOT
from .fakes.nli_model import build_nli_model

ARTICLES = {
    "alpha": {
        "pont-fr": (
            "fr",
            "Le pont de Lanvaux ouvert à la circulation\n\n"
            "Le nouveau pont de Lanvaux a été ouvert à la circulation le 12 mars 2024, après "
            "quatre ans de travaux.\n\n"
            "L'ouvrage a coûté 48 millions d'euros, financés par la région Bretagne et l'État.\n\n"
            "La maire de Lanvaux, Sophie Martin, a salué « un jour historique pour la vallée ».\n",
        ),
        "bridge-en": (
            "en",
            "Lanvaux bridge opens to traffic\n\n"
            "The new Lanvaux bridge opened to traffic on March 12, 2024, after four years of "
            "construction.\n\n"
            "The bridge is 620 metres long and carries two lanes in each direction.\n\n"
            "Engineers said about 15,000 vehicles are expected to cross it every day.\n",
        ),
    },
    "beta": {
        "festival-fr": (
            "fr",
            "Le festival de Corvel attire 80 000 spectateurs\n\n"
            "La douzième édition du festival de musique de Corvel a réuni 80 000 spectateurs du "
            "5 au 7 juillet 2024.\n\n"
            "Les organisateurs ont annoncé que l'édition 2025 se tiendra sur quatre jours.\n",
        ),
        "festival-en": (
            "en",
            "Corvel music festival draws record crowd\n\n"
            "The Corvel music festival drew 80,000 people over three days in July, a record for "
            "the event.\n\n"
            "Headliner Lena Duval closed the festival on Sunday night.\n",
        ),
    },
}

# (id, language, kind, question, answers, [(article, quote)], verdict)
ITEMS = {
    "alpha": [
        ("alpha-01", "en", "question", "How much did the Lanvaux bridge cost?",
         ["48 millions d'euros"], [("pont-fr", "L'ouvrage a coûté 48 millions d'euros")], None),
        ("alpha-02", "fr", "question",
         "Combien de véhicules devraient emprunter le pont de Lanvaux chaque jour ?",
         ["15,000 vehicles"], [("bridge-en", "about 15,000 vehicles are expected")], None),
        ("alpha-03", "en", "unanswerable", "Which company built the Lanvaux bridge?", [], [],
         None),
        ("alpha-04", "en", "claim", "The Lanvaux bridge opened on March 12, 2024.", [],
         [("bridge-en", "opened to traffic on March 12, 2024")], "supported"),
        ("alpha-05", "fr", "claim", "Le pont de Lanvaux a coûté 60 millions d'euros.", [],
         [("pont-fr", "L'ouvrage a coûté 48 millions d'euros")], "refuted"),
        ("alpha-06", "en", "claim", "The Lanvaux bridge has a cycle lane.", [], [],
         "not_enough_info"),
    ],
    "beta": [
        ("beta-01", "en", "question", "How many people attended the Corvel festival?",
         ["80,000 people"], [("festival-en", "drew 80,000 people")], None),
        ("beta-02", "fr", "unanswerable",
         "Quel était le prix du billet pour le festival de Corvel ?", [], [], None),
        ("beta-03", "en", "claim", "Lena Duval closed the Corvel festival.", [],
         [("festival-en", "Headliner Lena Duval closed the festival")], "supported"),
        ("beta-04", "fr", "claim", "Le festival de Corvel a réuni 50 000 spectateurs.", [],
         [("festival-fr", "a réuni 80 000 spectateurs")], "refuted"),
    ],
}  # fmt: skip
SPLIT = {"alpha": "dev", "beta": "test"}
SEALED_QUESTIONS = [item[3] for item in ITEMS["beta"]]


def write_story(root: Path, story: str, items: list[tuple] | None = None) -> Path:
    from index.corpus import load_article

    folder = root / story
    (folder / "articles").mkdir(parents=True)
    source = {"beta-bad": "beta"}.get(story, story)
    for name, (language, text) in ARTICLES[source].items():
        (folder / "articles" / f"{name}.txt").write_text(text, encoding="utf-8")
        meta = {"title": text.splitlines()[0], "language": language, "published": "2024-07-08"}
        sidecar = folder / "articles" / f"{name}.meta.json"
        sidecar.write_text(json.dumps(meta), encoding="utf-8")
    cleaned = {p.stem: load_article(p).text for p in (folder / "articles").glob("*.txt")}
    lines = []
    for id_, language, kind, question, answers, evidence, verdict in items or ITEMS[story]:
        spans = []
        for doc, quote in evidence:
            start = cleaned[doc].find(quote)
            assert start >= 0, (doc, quote)
            spans.append({"doc_id": doc, "quote": quote, "start": start, "end": start + len(quote)})
        record = {
            "id": id_,
            "language": language,
            "kind": kind,
            "question": question,
            "answers": answers,
            "evidence": spans,
            "verdict": verdict,
            "tags": ["real-wording"] if kind == "claim" else [],
        }
        if kind == "claim":
            record["source_url"] = "https://example.org/coverage"
        lines.append(json.dumps(record, ensure_ascii=False))
    (folder / "items.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    story_meta = {"id": story, "title": story, "split": SPLIT.get(source, "test"), "articles": []}
    (folder / "story.json").write_text(json.dumps(story_meta), encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def bench_dirs(tmp_path_factory) -> dict[str, Path]:
    base = tmp_path_factory.mktemp("benchmark")
    root = base / "stories"
    for story in ("alpha", "beta"):
        write_story(root, story)
    (root / "half-written").mkdir()  # a story still being written is skipped
    return {"root": root, "cache": base / "cache", "base": base}


def _eval(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "bot.eval", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )


def _all_text(folder: Path) -> str:
    return "\n".join(
        p.read_text(encoding="utf-8") for p in folder.rglob("*") if p.suffix in (".md", ".json")
    )


def test_discover_orders_test_then_dev_and_skips_unfinished(bench_dirs):
    sets = discover(bench_dirs["root"])
    assert [(s.id, s.split, s.sealed) for s in sets] == [
        ("beta", "test", True),
        ("alpha", "dev", False),
    ]
    assert [s.id for s in select("dev", root=bench_dirs["root"])] == ["alpha"]
    assert [s.id for s in select("dev", root=bench_dirs["root"], seeds=True)] == [
        "alpha",
        "seed-gold",
        "seed-heldout",
    ]
    with pytest.raises(GoldError, match="unknown stories"):
        select("all", ["alpah"], root=bench_dirs["root"])
    # A sealed story's items scored through --gold are reported in aggregate only too.
    assert is_sealed_gold(bench_dirs["root"] / "beta" / "items.jsonl", bench_dirs["root"])
    assert not is_sealed_gold(bench_dirs["root"] / "alpha" / "items.jsonl", bench_dirs["root"])


@pytest.mark.slow
def test_benchmark_command_reports_sealed_stories_in_aggregate_only(bench_dirs):
    out, floor_file = bench_dirs["base"] / "out", bench_dirs["base"] / "floor.json"
    common = ["--benchmark", "--stories-dir", str(bench_dirs["root"])]
    common += ["--cache", str(bench_dirs["cache"]), "--floor", str(floor_file)]
    run = _eval(*common, "--out", str(out), "--write-floor")
    assert run.returncode == 0, run.stderr[-3000:]
    assert "sealed test stories (1): Vérif" in run.stdout
    assert "dev stories (1): Vérif" in run.stdout and "Benchmark time:" in run.stdout
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    sets = {s["id"]: s for s in report["sets"]}
    assert set(sets) == {"alpha", "beta"}
    for story, n in (("alpha", 6), ("beta", 4)):
        overall = sets[story]["scores"]["overall"]
        assert overall["items"] == n and overall["errors"] == 0
        assert overall["claims"]["n"] == sum(i[2] == "claim" for i in ITEMS[story])
        assert 0 <= overall["claims"]["confidently_wrong"] <= overall["claims"]["n"]
        assert "baseline" in overall  # the tutorial pipeline beside it
        # the all-stories index found the gold evidence under its renamed article ids
        assert sets[story]["all_stories_index"]["retrieval"]["recall@3"] > 0
        assert "baseline" in sets[story]["all_stories_index"]
    assert report["macro"]["dev"]["own_index"]["sets"] == 1
    assert report["macro"]["test"]["all_stories_index"]["sets"] == 1
    # Sealed: not one question of the test story in any report file or on the console.
    written = _all_text(out) + run.stdout + run.stderr
    for question in SEALED_QUESTIONS:
        assert question not in written
    assert not (out / "sets" / "beta" / "report.json").read_text().count('"question"')
    # Dev: per-item detail is there.
    dev_report = (out / "sets" / "alpha" / "report.json").read_text(encoding="utf-8")
    assert all(item[3] in dev_report for item in ITEMS["alpha"])
    # Tag groups pool the dev stories' items only (beta's two claims are not counted).
    assert "| real-wording | 3 |" in (out / "report.md").read_text(encoding="utf-8")
    assert "## Dev verdicts by what decided them" in (out / "report.md").read_text(encoding="utf-8")
    for name in ("report.md", "table.md", "sets.png", "latency.png"):
        assert (out / name).stat().st_size > 0
    # The floor: measured on the dev story only, figures with a margin, then checked.
    recorded = json.loads(floor_file.read_text(encoding="utf-8"))
    assert recorded["stories"] == ["alpha"]
    assert set(recorded["floors"]) <= set(floor.FLOORS) and recorded["floors"]
    again = _eval(*common, "--out", str(out), "--check-floor", "--no-combined", "--no-baseline")
    assert again.returncode == 0, again.stderr[-3000:]
    rerun = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert [s["id"] for s in rerun["sets"]] == ["alpha"]  # --check-floor runs the floor's stories
    assert rerun["sets"][0]["index_cached"] is True


@pytest.mark.slow
def test_a_run_with_an_entailment_model_says_so_and_one_that_cannot_load_stops_it(bench_dirs):
    model = build_nli_model(bench_dirs["base"] / "nli", "neutral")
    out = bench_dirs["base"] / "out-nli"
    common = ["--benchmark", "--stories-dir", str(bench_dirs["root"]), "--stories", "alpha"]
    common += ["--cache", str(bench_dirs["cache"]), "--no-combined", "--no-baseline"]
    run = _eval(*common, "--out", str(out), "--nli", str(model))
    assert run.returncode == 0, run.stderr[-3000:]
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert report["meta"]["nli"] == str(model)
    first = (out / "report.md").read_text(encoding="utf-8").splitlines()[2]
    assert f"verdicts checked by the entailment model `{model}`" in first
    missing = _eval(*common, "--out", str(out), "--nli", str(bench_dirs["base"] / "none"))
    assert missing.returncode == 1
    assert "VERIF_NLI_MODEL=" in missing.stderr and "could not be loaded" in missing.stderr


@pytest.mark.slow
def test_own_gold_and_corpus(bench_dirs):
    out = bench_dirs["base"] / "own"
    folder = bench_dirs["root"] / "alpha"
    run = _eval(
        "--gold",
        str(folder / "items.jsonl"),
        "--corpus",
        str(folder / "articles"),
        "--cache",
        str(bench_dirs["cache"]),
        "--out",
        str(out),
        "--no-baseline",
    )
    assert run.returncode == 0, run.stderr[-3000:]
    assert "Answer contains a gold answer" in run.stdout
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert len(report["items"]) == 6 and report["scores"]["overall"]["errors"] == 0


def test_a_sealed_story_with_bad_spans_is_not_scored_and_its_quotes_not_printed(bench_dirs, capsys):
    from bot.eval.benchmark import run_set

    bad = [
        ("beta-bad-01", "en", "claim", "The festival lasted three days.", [],
         [("festival-en", "drew 80,000 people")], "supported"),
    ]  # fmt: skip
    folder = write_story(bench_dirs["base"] / "bad", "beta-bad", bad)
    lines = (folder / "items.jsonl").read_text(encoding="utf-8")
    (folder / "items.jsonl").write_text(lines.replace("drew 80,000", "drew 90,000"))
    sealed = EvalSet("beta-bad", "test", "bad", folder / "articles", folder / "items.jsonl")
    run = run_set(sealed, baseline=False, cache=bench_dirs["cache"], progress=False)
    assert run.problems == 1 and not run.valid
    printed = capsys.readouterr()
    assert "drew 90,000" not in printed.out + printed.err
    assert "1 gold evidence problems" in printed.err


def test_path_table_pools_dev_claims_by_what_decided_them_and_never_a_sealed_one():
    from bot.eval.benchmark_report import path_table
    from bot.eval.gold import GoldItem
    from bot.eval.run import ItemResult

    def claim(gold: str, verdict: str, decision: str) -> ItemResult:
        answer = {"verdict": verdict, "notes": [f"decision: {decision}", "framing: x"]}
        return ItemResult(GoldItem("c", "en", "claim", "A claim.", verdict=gold), answer, 1.0)

    dev = SetRun(EvalSet("d", "dev", "", Path("."), Path(".")), results=[
        claim("refuted", "refuted", "contradicts: number"),
        claim("supported", "refuted", "contradicts: number"),
        claim("supported", "supported", "stated"),
        claim("refuted", "not_enough_info", "not stated"),
        claim("not_enough_info", "not_enough_info", "off the subject (0.23)"),
        claim("supported", "not_enough_info", "sources disagree: '5' against '6'"),
    ])  # fmt: skip
    sealed = SetRun(EvalSet("t", "test", "", Path("."), Path(".")), results=[
        claim("supported", "refuted", "contradicts: date"),
    ])  # fmt: skip
    table = path_table(Benchmark([dev, sealed], 5, 0.0))
    assert "| refuted | contradicts: number | 2 | 0.50 | 1 / 1 / 0 |" in table
    assert "| supported | stated | 1 | 1.00 | 1 / 0 / 0 |" in table
    assert "| not_enough_info | not stated | 1 | 0.00 | 0 / 1 / 0 |" in table
    assert "| not_enough_info | off the subject | 1 | 1.00 | 0 / 0 / 1 |" in table
    assert "| not_enough_info | sources disagree | 1 | 0.00 | 1 / 0 / 0 |" in table
    assert "date" not in table  # the sealed story's path stays unknown


def _bench(dev_figures: list[dict]) -> Benchmark:
    runs = []
    for n, scores in enumerate(dev_figures):
        run = SetRun(EvalSet(f"s{n}", "dev", "", Path("."), Path(".")), results=[None])
        run.scores = {"overall": scores}
        runs.append(run)
    return Benchmark(runs, 5, 0.0)


def _scores(accuracy: float, wrong_rate: float, recall: float | None) -> dict:
    return {
        "items": 10,
        "claims": {"accuracy": accuracy, "confidently_wrong_rate": wrong_rate,
                   "confidently_wrong": 1, "n": 5},
        "abstention": {"precision": 0.5, "recall": recall},
        "retrieval": {"recall@3": 0.9},
    }  # fmt: skip


def test_macro_average_skips_undefined_figures_and_sums_counts():
    macro = macro_average([_scores(0.5, 0.2, None), _scores(1.0, 0.0, 0.6)])
    assert macro["verdict_accuracy"] == 0.75 and macro["abstention_recall"] == 0.6
    assert macro["confidently_wrong"] == 2 and macro["claims"] == 10 and macro["sets"] == 2
    assert macro["hedge_rate"] is None


def test_floor_is_measured_less_a_margin_and_only_tightens():
    first = floor.tightened(_bench([_scores(0.8, 0.1, 0.7)]), None, margin=0.03)
    assert first["floors"]["verdict_accuracy"] == 0.77
    assert first["ceilings"]["confidently_wrong_rate"] == 0.13
    assert "hedge_rate" not in first["ceilings"]  # undefined figures are not floored
    worse = floor.tightened(_bench([_scores(0.6, 0.3, 0.7)]), first, margin=0.03)
    assert worse["floors"]["verdict_accuracy"] == 0.77  # never lowered
    assert worse["ceilings"]["confidently_wrong_rate"] == 0.13  # never raised
    better = floor.tightened(_bench([_scores(0.9, 0.0, 0.7)]), first, margin=0.03)
    assert better["floors"]["verdict_accuracy"] == 0.87
    assert better["ceilings"]["confidently_wrong_rate"] == 0.03
    assert floor.violations(_bench([_scores(0.8, 0.1, 0.7)]), first) == []
    problems = floor.violations(_bench([_scores(0.7, 0.2, None)]), first)
    assert len(problems) == 3  # accuracy below, wrong rate above, recall undefined


def test_update_readme_replaces_only_the_generated_block(tmp_path):
    from bot.eval.benchmark_report import README_END, README_START, update_readme

    readme = tmp_path / "README.md"
    readme.write_text(f"# T\n\nbefore\n{README_START}\nold\n{README_END}\nafter\n")
    update_readme(readme, "| new | table |\n")
    assert readme.read_text() == (
        f"# T\n\nbefore\n{README_START}\n| new | table |\n{README_END}\nafter\n"
    )
    readme.write_text("no block\n")
    with pytest.raises(ValueError, match="block"):
        update_readme(readme, "x")


def test_the_floor_is_raised_and_checked_on_the_stories_it_was_measured_on(tmp_path):
    """A floor written over more stories than it was measured on would replace it instead of
    tightening it, and could be looser: --write-floor and --check-floor run the recorded
    stories unless --stories names others; other runs take the whole split."""
    import argparse

    from bot.eval.__main__ import _stories_to_run

    floor_file = tmp_path / "floor.json"
    floor_file.write_text(json.dumps({"stories": ["alpha", "gamma"]}), encoding="utf-8")

    def args(**given: object) -> argparse.Namespace:
        options = {"stories": None, "check_floor": False, "write_floor": False} | given
        return argparse.Namespace(**options)

    assert _stories_to_run(args(write_floor=True), floor_file) == ["alpha", "gamma"]
    assert _stories_to_run(args(check_floor=True), floor_file) == ["alpha", "gamma"]
    assert _stories_to_run(args(write_floor=True, stories="beta, alpha"), floor_file) == [
        "beta",
        "alpha",
    ]
    assert _stories_to_run(args(), floor_file) is None
    assert _stories_to_run(args(write_floor=True), tmp_path / "none.json") is None
