"""Hostile input, crashes and the supply chain: what must hold whatever people throw at it."""

from __future__ import annotations

import ast
import os
import random
import signal
import subprocess
import sys
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot import ask

from .conftest import ROOT

PAYLOADS = [
    "'; DROP TABLE articles; --",
    "<script>alert(1)</script> Pourquoi Amazon a coupé Parler ?",
    '<img src=x onerror="alert(1)"> Who sued Amazon?',
    "javascript:alert(document.cookie)",
    "{{7*7}} ${jndi:ldap://x} %s%s%s",
    "\u202eParler\u202c a poursuivi Amazon",  # right-to-left override
    "Par\u200bler a\u200d poursuivi\ufeff Amazon ?",  # zero-width characters
    "🔥🔥 Why did Amazon stop hosting Parler? 🤔",
    "Pourquoi Amazon a-t-il coupé Parler? Why did Twitter stock fall?",
    "?" * 5000,
    "a" * 1_000_000,
    "\x00\x01\x02 Parler",
    "",
]


def check_answer_or_clear_error(raw: str, index) -> None:
    try:
        answer = ask(raw)
    except ValueError as err:
        message = str(err)
        assert message and "Traceback" not in message and len(message) < 300
        return
    assert answer.language in ("fr", "en")
    for citation in answer.citations:
        article = index.articles[citation.doc_id]
        assert article.text[citation.start : citation.end] == citation.quote


@pytest.mark.parametrize("raw", PAYLOADS, ids=range(len(PAYLOADS)))
def test_hostile_questions(raw, bundled_index):
    started = time.perf_counter()
    check_answer_or_clear_error(raw, bundled_index)
    assert time.perf_counter() - started < 10  # a megabyte is refused, not processed


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    st.one_of(
        st.text(max_size=300),
        st.text(alphabet=st.characters(codec="utf-8"), max_size=3000),
        st.builds(
            lambda a, b: f"{a} {b}",
            st.sampled_from(PAYLOADS[:9]),
            st.text(max_size=50),
        ),
    )
)
def test_any_string_gives_an_answer_or_a_clear_value_error(bundled_index, raw):
    check_answer_or_clear_error(raw, bundled_index)


def _index_state(folder) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.suffix in (".json", ".faiss")}


@pytest.mark.slow
def test_killed_add_leaves_an_index_that_loads_or_rebuilds(corpus_copy):
    """Kill ``python -m index add`` for real at random moments: the next start finds the
    previous index intact, or rebuilds it, and says which; answers stay grounded."""
    rng = random.Random(7)
    env = dict(os.environ)
    articles = []
    for i in range(6):
        path = corpus_copy / f"long-{i}.txt"
        paragraphs = [
            f"Article de charge {i}, paragraphe {p} : le réseau social numéro {i} a publié "
            f"le rapport {p} sur la modération, les serveurs et les abonnés de la plateforme."
            for p in range(60)
        ]
        path.write_text(f"Rapport {i}\n\n" + "\n\n".join(paragraphs), encoding="utf-8")
        articles.append(str(path))
    outcomes = set()
    for attempt in range(3):
        process = subprocess.Popen(
            [sys.executable, "-m", "index", "add", *articles[attempt * 2 : attempt * 2 + 2]],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(rng.uniform(2.0, 6.0))
        process.send_signal(signal.SIGKILL)
        process.wait()
        check = subprocess.run(
            [sys.executable, "-c", PROBE],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert check.returncode == 0, check.stderr[-2000:]
        action, grounded = check.stdout.split()
        assert action in ("loaded", "rebuilt", "built")
        assert grounded == "grounded"
        outcomes.add(action)
    assert outcomes  # each start said what it did


PROBE = """
from index import ensure_index
from bot import ask
status = ensure_index(progress=False)
answer = ask("Why did Amazon stop hosting Parler?", index=None)
index = status.index
ok = all(index.articles[c.doc_id].text[c.start:c.end] == c.quote for c in answer.citations)
print(status.action, "grounded" if ok and answer.citations else "UNGROUNDED")
"""


def test_no_pickle_or_unsafe_loading_in_the_code():
    """The project never unpickles: no pickle, no torch.load, no numpy allow_pickle."""
    offenders = []
    for path in ROOT.glob("**/*.py"):
        if any(part in {".git", "tests", ".venv"} for part in path.relative_to(ROOT).parts):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import | ast.ImportFrom):
                names = [a.name for a in node.names] + [getattr(node, "module", "") or ""]
                if any(
                    n.split(".")[0] in ("pickle", "dill", "joblib", "cloudpickle") for n in names
                ):
                    offenders.append(f"{path}:{node.lineno}")
            if (
                isinstance(node, ast.Attribute)
                and node.attr in ("load_local", "loads")
                and (isinstance(node.value, ast.Name) and node.value.id in ("pickle", "FAISS"))
            ):
                offenders.append(f"{path}:{node.lineno}")
            if (
                isinstance(node, ast.keyword)
                and node.arg == "allow_pickle"
                and not (isinstance(node.value, ast.Constant) and node.value.value is False)
            ):
                offenders.append(f"{path}:{node.lineno}")
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "load"
                and isinstance(node.func.value, ast.Name)
                and node.func.value.id == "torch"
            ):
                offenders.append(f"{path}:{node.lineno}")
    assert offenders == []


def test_runtime_requirements_are_pinned():
    lines = (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines()
    requirements = [line.split("#")[0].strip() for line in lines]
    requirements = [r for r in requirements if r]
    assert requirements and all("==" in r for r in requirements), requirements
    assert "torch==2.13.0" in requirements
