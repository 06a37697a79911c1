"""The real app in headless Chromium (Debian's, driven by Playwright): what a user sees.

Skipped when Chromium is missing, except in CI (``VERIF_REQUIRE_BROWSER=1``), where a
missing browser is a failure: these tests must run somewhere.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from .conftest import ROOT
from .test_app import HOSTILE, app  # noqa: F401  (the launched app fixture)

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

pytestmark = pytest.mark.browser
if not Path(CHROMIUM).exists():
    if os.environ.get("VERIF_REQUIRE_BROWSER") == "1":
        raise RuntimeError(f"{CHROMIUM} is required (VERIF_REQUIRE_BROWSER=1)")
    pytestmark = [pytest.mark.browser, pytest.mark.skip(reason=f"{CHROMIUM} not installed")]


@pytest.fixture(scope="module")
def page(app):  # noqa: F811
    from playwright.sync_api import sync_playwright

    _, url = app
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        page = browser.new_page(viewport={"width": 1400, "height": 1000}, locale="fr-FR")
        dialogs: list[str] = []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.goto(url)
        page.dialogs = dialogs
        yield page
        browser.close()


def ask_in_page(page, question: str) -> None:
    box = page.get_by_role("textbox").first
    box.fill(question)
    box.press("Enter")


def test_question_shows_answer_and_highlighted_quote(page):
    ask_in_page(page, "How many followers did Donald Trump have?")
    page.locator("#sources mark").first.wait_for(timeout=60_000)
    assert "88 millions" in page.locator("#sources mark").first.inner_text()
    assert "[1]" in page.locator(".message").last.inner_text()
    page.screenshot(path=str(ROOT / "docs" / "screenshot.png"), full_page=False)


def test_claim_shows_its_verdict_badge(page):
    ask_in_page(page, "Twitter's stock rose 6% on Monday")
    badge = page.locator('#sources [data-verdict="refuted"]')
    badge.wait_for(timeout=60_000)
    assert "refuted" in badge.inner_text().lower()


def test_uploaded_script_is_shown_as_text_never_run(page, tmp_path):
    article = tmp_path / "piratage-navigateur.html"
    article.write_text(HOSTILE.replace("bitcoins", "bitcoins en or"), encoding="utf-8")
    page.get_by_text("Ajouter un article").first.click()
    page.locator("#upload input[type=file]").set_input_files(str(article))
    page.locator("#add-article").click()
    page.locator("#add-report").get_by_text("ajouté").wait_for(timeout=60_000)
    ask_in_page(page, "Qu'a exigé le pirate en or ?")
    page.locator("#sources mark").get_by_text("bitcoins").first.wait_for(timeout=60_000)
    assert page.dialogs == []  # no alert() ran
    assert page.locator("#sources script").count() == 0
    assert page.locator("#sources img").count() == 0
    assert page.evaluate("() => window.__xss === undefined")


@pytest.fixture(scope="module", autouse=True)
def docs_folder():
    (ROOT / "docs").mkdir(exist_ok=True)
    yield
    if not any((ROOT / "docs").iterdir()):
        shutil.rmtree(ROOT / "docs")
