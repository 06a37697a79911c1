"""``python -m index`` through its entry point, as a user runs it."""

from __future__ import annotations

import os
import subprocess
import sys

from .conftest import ROOT


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "index", *args],
        cwd=ROOT,
        env=os.environ.copy(),
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_build_info_add_and_clean(corpus_copy):
    built = run("build")
    assert built.returncode == 0, built.stderr
    assert "from 2 articles" in built.stdout
    info = run("info")
    assert "Up to date" in info.stdout and "parler-accuse-amazon" in info.stdout
    article = corpus_copy / "note.txt"
    article.write_text(
        "Amazon répond à Parler\n\nAmazon affirme que Parler a enfreint ses conditions de "
        "service à plusieurs reprises.\n\nCrédit : AFP\n",
        encoding="utf-8",
    )
    added = run("add", str(article))
    assert added.returncode == 0, added.stderr
    assert "Added 'note'" in added.stdout and "photo or image credit" in added.stdout
    assert "3 articles" in added.stdout
    shown = run("clean", str(corpus_copy / "articles" / "parler-accuse-amazon.txt"))
    assert "advertising" in shown.stdout and "Sheryl Sandberg" in shown.stdout


def test_bad_file_exits_non_zero_with_a_message(corpus_copy):
    bad = corpus_copy / "bad.txt"
    bad.write_bytes(b"")
    result = run("add", str(bad))
    assert result.returncode == 1
    assert "error: bad.txt: the file is empty." in result.stderr
    assert "Traceback" not in result.stderr
