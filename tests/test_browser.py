"""The real app in headless Chromium (Debian's, driven by Playwright): what a user sees.

Skipped when Chromium is missing, except in CI (``VERIF_REQUIRE_BROWSER=1``), where a
missing browser is a failure: these tests must run somewhere. Screenshots go to pytest's
temporary folder; the README's picture is refreshed on purpose with
``python docs/refresh_screenshot.py``, never by the tests.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from .test_app import HOSTILE, app  # noqa: F401  (the launched app fixture)
from .test_security import MARKDOWN

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
DESKTOP = {"width": 1400, "height": 1000}
PHONE = {"width": 390, "height": 844}
TIMEOUT = 60_000

pytestmark = pytest.mark.browser
if not Path(CHROMIUM).exists():
    if os.environ.get("VERIF_REQUIRE_BROWSER") == "1":
        raise RuntimeError(f"{CHROMIUM} is required (VERIF_REQUIRE_BROWSER=1)")
    pytestmark = [pytest.mark.browser, pytest.mark.skip(reason=f"{CHROMIUM} not installed")]


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield chromium
        chromium.close()


# The send button is labelled (translated) and no "Loading…" placeholder is left.
PAGE_READY = """() => {
    const send = document.querySelector('#send');
    const text = document.body.innerText;
    return send && send.innerText.trim().length > 0 && !/Chargement|Loading/.test(text);
}"""


@pytest.fixture
def open_page(browser, app):  # noqa: F811
    """A fresh page of the app: ``open_page(locale=…, viewport=…)``; it records every
    request and dialog, so a test can check that nothing left 127.0.0.1 or ran."""
    _, url = app
    contexts = []

    def opener(locale: str = "fr-FR", viewport: dict | None = None):
        context = browser.new_context(viewport=viewport or DESKTOP, locale=locale)
        contexts.append(context)
        page = context.new_page()
        page.requests, page.dialogs = [], []
        page.on("request", lambda r: page.requests.append(r.url))
        page.on("dialog", lambda d: (page.dialogs.append(d.message), d.dismiss()))
        page.goto(url)
        page.locator("#question textarea").wait_for(timeout=TIMEOUT)
        # The page is read only once Gradio has rendered and translated all of it (its
        # "Loading…" placeholder can outlive the question box).
        page.wait_for_load_state("networkidle", timeout=TIMEOUT)
        page.wait_for_function(PAGE_READY, timeout=TIMEOUT)
        return page

    yield opener
    for context in contexts:
        context.close()


def ask_in_page(page, question: str) -> None:
    """Type a question, send it, and wait for its answer and sources to be shown."""
    before = page.locator("#chat .answer").count()
    box = page.locator("#question textarea")
    box.fill(question)
    box.press("Enter")
    page.locator("#chat .answer").nth(before).wait_for(timeout=TIMEOUT)
    page.locator("#chat .sources").nth(before).wait_for(timeout=TIMEOUT)


def last(page, selector: str):
    return page.locator(f"#chat {selector}").last


def settled_box(locator) -> dict:
    """The element's box once it stops moving (the sources block opens with an animation)."""
    box = None
    for _ in range(20):
        locator.page.wait_for_timeout(300)
        current = locator.bounding_box()
        if current == box:
            return box
        box = current
    return box


def test_question_shows_answer_and_highlighted_quote(open_page, tmp_path):
    page = open_page()
    ask_in_page(page, "Why did Amazon stop hosting Parler?")
    assert "Amazon a arrêté d’héberger" in last(page, ".source mark").inner_text()
    assert "[1]" in last(page, ".answer").inner_text()
    page.screenshot(path=str(tmp_path / "answer.png"))
    assert (tmp_path / "answer.png").stat().st_size > 10_000


def test_claim_badge_reads_without_emoji(open_page):
    page = open_page(locale="en-US")
    ask_in_page(page, "Twitter's stock rose 6% on Monday")
    badge = last(page, ".verdict-refuted")
    assert badge.inner_text().strip().lower() == "verdict: refuted"
    assert all(ord(ch) < 0x2000 for ch in badge.inner_text())  # letters, no emoji glyph


def test_citation_markers_link_to_their_sources(open_page):
    page = open_page()
    ask_in_page(page, "Pourquoi Amazon a-t-il arrêté d’héberger Parler ?")
    ask_in_page(page, "Twitter's stock rose 6% on Monday")
    markers = page.locator("#chat .answer a.cite")
    assert markers.count() >= 2
    for i in range(markers.count()):
        target = markers.nth(i).get_attribute("href")
        source = page.locator(f"#chat {target}")
        assert source.count() == 1, target  # each answer's marker reaches its own source
        assert target.endswith("-" + markers.nth(i).inner_text().strip("[]"))
        assert source.locator("mark").count() == 1
    # Both answers keep their sources: the first one's are still there after the second.
    assert page.locator("#chat .sources").count() == 2
    target = last(page, ".answer a.cite").get_attribute("href")
    last(page, ".answer a.cite").click()
    # the hash changes when the browser has followed the link: wait for it, on a busy machine
    page.wait_for_function("(target) => location.hash === target", arg=target, timeout=TIMEOUT)
    assert page.evaluate("() => location.hash") == target


@pytest.mark.parametrize(
    ("locale", "question", "page_words", "answer_words", "foreign"),
    [
        ("fr-FR", "Why did Amazon stop hosting Parler?",
         ["Posez une question", "Demander"], ["Here is what", "paragraph", "Confidence"],
         ["paragraphe", "Confiance", "Voici"]),
        ("en-US", "Pourquoi Amazon a-t-il arrêté d’héberger Parler ?",
         ["Ask a question", "Ask"], ["Voici", "paragraphe", "Confiance"],
         ["paragraph ", "Confidence", "Here is"]),
    ],
)  # fmt: skip
def test_page_follows_the_browser_and_answers_the_question(
    open_page, locale, question, page_words, answer_words, foreign
):
    page = open_page(locale=locale)
    chrome = page.locator("body").inner_text()
    for word in page_words:
        assert word in chrome, word
    ask_in_page(page, question)
    answer = last(page, ".answer").inner_text() + last(page, ".sources").inner_text()
    for word in answer_words:
        assert word in answer, word
    for word in foreign:
        assert word not in answer, word
    placeholder = page.locator("#question textarea").get_attribute("placeholder")
    assert ("Pourquoi" in placeholder) == (locale == "fr-FR")


def test_sources_sit_beside_the_answer_on_a_phone(open_page):
    page = open_page(locale="en-US", viewport=PHONE)
    examples = page.locator("#chat").get_by_text("Twitter's stock rose 6% on Monday")
    box = examples.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]  # not cut off
    ask_in_page(page, "Twitter's stock rose 6% on Monday")
    source = settled_box(last(page, ".source"))
    answer = settled_box(last(page, ".answer"))
    badge = settled_box(last(page, ".verdict"))
    assert 0 <= source["y"] - (answer["y"] + answer["height"]) < 250
    assert badge["y"] < PHONE["height"]  # the verdict is on the first screen
    width = page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= PHONE["width"]


def test_follow_up_says_each_question_stands_alone(open_page):
    page = open_page(locale="en-US")
    ask_in_page(page, "Why did Amazon stop hosting Parler?")
    ask_in_page(page, "And when did that happen?")
    assert "answered on its own" in last(page, ".answer .note").inner_text()


def test_copy_gives_the_answer_as_plain_text(open_page):
    page = open_page(locale="en-US")
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    ask_in_page(page, "Twitter's stock rose 6% on Monday")
    page.locator("#copy-answer").click()
    copied = page.evaluate("() => navigator.clipboard.readText()")
    assert "6%" in copied and "[1]" in copied
    assert "<" not in copied and "&#" not in copied and "**" not in copied


def upload(page, path: Path) -> None:
    page.get_by_text("Ajouter un article").first.click()
    page.locator("#upload input[type=file]").set_input_files(str(path))
    page.locator("#add-article").click()
    page.locator("#add-report").get_by_text("ajouté").wait_for(timeout=TIMEOUT)


def test_uploaded_markdown_is_shown_literally_and_calls_nothing(open_page, tmp_path):
    page = open_page()
    article = tmp_path / "fuite-parler.txt"
    article.write_text(MARKDOWN, encoding="utf-8")
    upload(page, article)
    report = page.locator("#add-report")
    assert "**Parler** ![t](http://127.0.0.1:9/titre.png)" in report.inner_text()
    assert report.locator("img, strong").count() == 0
    ask_in_page(page, "Qu'a publié le pirate selon l'enquête d'un journaliste ?")
    quote = last(page, ".source blockquote").inner_text()
    assert "![pixel](http://127.0.0.1:9/pixel.png)" in quote and "~~rien~~" in quote
    assert page.locator("#chat img").count() == 0
    assert page.locator('#chat a[href^="http://127.0.0.1:9"]').count() == 0
    assert page.locator("#chat del, #chat code, #chat em").count() == 0
    assert not [u for u in page.requests if ":9/" in u]
    assert "ajouté par" in last(page, ".source .where").inner_text()


def test_uploaded_script_is_shown_as_text_never_run(open_page, tmp_path):
    page = open_page()
    article = tmp_path / "piratage-navigateur.html"
    article.write_text(HOSTILE.replace("bitcoins", "bitcoins en or"), encoding="utf-8")
    upload(page, article)
    ask_in_page(page, "Qu'a exigé le pirate en or ?")
    assert "bitcoins" in last(page, ".source mark").inner_text()
    assert page.dialogs == []  # no alert() ran
    assert page.locator("#chat script").count() == 0
    assert page.locator("#chat img").count() == 0
    assert page.evaluate("() => window.__xss === undefined")


def test_examples_are_plain_questions_that_ask_themselves(open_page):
    page = open_page(locale="en-US")
    assert "extractive" not in page.locator("body").inner_text()  # no raw settings columns
    page.locator("#chat").get_by_text("Twitter's stock rose 6% on Monday").click()
    last(page, ".verdict-refuted").wait_for(timeout=TIMEOUT)
    assert "[1]" in last(page, ".answer").inner_text()
