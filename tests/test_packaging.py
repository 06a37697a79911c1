"""``pip install .``: a wheel with the console scripts and the data files the code reads.

The project is copied to a temporary folder first, because building writes ``build/`` and
``*.egg-info`` beside the sources; the wheel goes into a temporary virtual environment that
sees this interpreter's packages (``--system-site-packages``), so nothing is downloaded.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from .conftest import ROOT

pytestmark = pytest.mark.slow

SOURCES = ["bot", "index", "prompts", "app.py", "pyproject.toml", "README.md", "requirements.txt"]
PACKAGES = ["bot", "index", "prompts"]


def run(*command: str | Path, cwd: Path, env: dict | None = None) -> str:
    done = subprocess.run(
        [str(part) for part in command],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=600,
        env=env,
    )
    assert done.returncode == 0, f"{command}: {done.stderr[-2000:]}"
    return done.stdout


def tracked(*paths: str) -> list[str]:
    """Files of a fresh clone (git's list), so editor and cache files never count."""
    listing = run("git", "ls-files", "-z", "--", *paths, cwd=ROOT)
    return [name for name in listing.split("\0") if name and (ROOT / name).is_file()]


def shipped_files() -> set[str]:
    """Every file of the packages, which Python or the code reads, as wheel paths."""
    return {"app.py", *tracked(*PACKAGES)}


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("packaging")
    source = work / "src"
    for name in SOURCES:  # the working tree, as `pip install .` would take it
        if (ROOT / name).is_dir():
            skip = shutil.ignore_patterns("__pycache__", "*.pyc")
            shutil.copytree(ROOT / name, source / name, ignore=skip)
        else:
            source.mkdir(exist_ok=True)
            shutil.copy2(ROOT / name, source / name)
    command = [sys.executable, "-m", "pip", "wheel", source, "--no-deps", "--no-build-isolation"]
    run(*command, "--no-index", "-q", "-w", work / "dist", cwd=work)
    (built,) = (work / "dist").glob("verif-*.whl")
    return built


def test_wheel_holds_every_module_data_file_and_console_script(wheel):
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        entry_points = next(n for n in names if n.endswith(".dist-info/entry_points.txt"))
        scripts = archive.read(entry_points).decode()
    missing = shipped_files() - names
    assert not missing, f"not in the wheel: {sorted(missing)}"
    assert {"prompts/fr.toml", "prompts/en.toml", "prompts/llm.toml"} <= names
    assert any(n.endswith(".tsv") for n in names)  # the word lists
    assert "verif = bot.__main__:main" in scripts and "verif-app = app:main" in scripts
    # Nothing of the checkout's data, tests or benchmarks is installed into site-packages.
    assert not any(n.startswith(("data/", "tests/", "bench/")) for n in names)


def test_installed_commands_run_from_the_installed_copy(wheel, tmp_path, bundled_index):
    venv = tmp_path / "venv"
    run(sys.executable, "-m", "venv", "--without-pip", "--system-site-packages", venv, cwd=tmp_path)
    python = venv / "bin" / "python"
    install = [sys.executable, "-m", "pip", "--python", python, "install", "--no-deps"]
    run(*install, "--no-index", "-q", wheel, cwd=tmp_path)

    where = run(python, "-c", "import app, bot, index, prompts; print(app.__file__)", cwd=tmp_path)
    assert Path(where.strip()).is_relative_to(venv), where

    assert "usage: verif " in run(venv / "bin" / "verif", "--help", cwd=tmp_path)
    assert "--port" in run(venv / "bin" / "verif-app", "--help", cwd=tmp_path)
    # A real answer reads prompts/*.toml and the word lists from site-packages, and the
    # articles from the data/ folder of where it runs (no VERIF_* variables).
    project = tmp_path / "project"
    shutil.copytree(ROOT / "data" / "articles", project / "data" / "articles")
    env = {k: v for k, v in os.environ.items() if not k.startswith("VERIF_")}
    env["VERIF_EMBEDDER"] = os.environ["VERIF_EMBEDDER"]
    verif = venv / "bin" / "verif"
    out = run(verif, "ask", "Qui est Sheryl Sandberg ?", "--json", cwd=project, env=env)
    answer = json.loads(out)
    assert answer["language"] == "fr" and "Sandberg" in answer["citations"][0]["quote"]
    assert (project / "data" / "index" / "manifest.json").is_file()
    assert not list(venv.rglob("manifest.json"))
