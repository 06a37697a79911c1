"""The Gradio app, launched for real on 127.0.0.1 and driven through ``gradio_client``: chat
in both languages, adding an article, refusing a bad one, escaping, feedback, and load."""

from __future__ import annotations

import hashlib
import json
import socket
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from bot import ask
from bot.render import chat_message, sources_html

HOSTILE = (
    "<h1>Piratage</h1><script>alert('xss')</script>"
    "<p>Un pirate a attaqué le réseau social Parler le 3 février 2021 avec un logiciel "
    "malveillant.</p><p>Le pirate a exigé 5 bitcoins <img src=x onerror=alert(2)> pour "
    "rendre les données.</p><p><a href='javascript:alert(3)'>lien</a> "
    "Le texte &lt;b&gt;gras&lt;/b&gt; reste du texte.</p>"
)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def app(bundled_index, tmp_path_factory):
    """The app on its own copy of the index, so that articles added here stay here."""
    import shutil

    from gradio_client import Client

    import app as app_module
    from index.settings import load_settings

    data = tmp_path_factory.mktemp("app-data")
    shutil.copytree(load_settings().index_dir, data / "index")
    patch = pytest.MonkeyPatch()
    patch.setenv("VERIF_INDEX_DIR", str(data / "index"))
    patch.setenv("VERIF_USER_DIR", str(data / "user_articles"))
    patch.setattr(app_module, "FEEDBACK_DIR", data / "feedback")
    demo = app_module.build_demo()
    demo.queue(default_concurrency_limit=4)
    port = free_port()
    demo.launch(
        server_name="127.0.0.1",
        server_port=port,
        prevent_thread_lock=True,
        quiet=True,
        i18n=app_module.I18N,
        css=app_module.CSS,
    )
    client = Client(f"http://127.0.0.1:{port}/", verbose=False)
    yield client, f"http://127.0.0.1:{port}/"
    demo.close()
    patch.undo()


def index_files(folder: Path) -> dict[str, str]:
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.iterdir())
        if p.is_file() and not p.name.endswith(".lock")
    }


def test_chat_answers_in_both_languages_with_sources(app):
    client, _ = app
    text, sources = client.predict(
        "Pourquoi Amazon a-t-il arrêté d’héberger Parler ?", 5, "extractive", False,
        api_name="/chat",
    )  # fmt: skip
    assert text.startswith("Voici") and "[1]" in text
    assert "<mark>" in sources and "paragraphe" in sources
    text, sources = client.predict(
        "Twitter's stock rose 6% on Monday", 5, "extractive", True, api_name="/chat"
    )
    assert "REFUTED" in text
    assert 'data-verdict="refuted"' in sources
    assert "Quoted in French" in sources
    assert "Retrieved passages" in sources  # shown on demand, with scores
    text, sources = client.predict("Which judge handles the case?", 5, "extractive", False,
                                   api_name="/chat")  # fmt: skip
    assert text.startswith("The sources do not answer")
    assert "<mark>" not in sources


def test_bad_question_gets_a_clear_message(app):
    client, _ = app
    text, sources = client.predict("   ", 5, "extractive", False, api_name="/chat")
    assert "empty" in text and sources == ""


def test_added_article_is_answered_and_escaped(app, tmp_path):
    client, _ = app
    from gradio_client import handle_file

    article = tmp_path / "piratage-parler.html"
    article.write_text(HOSTILE, encoding="utf-8")
    report = client.predict(handle_file(str(article)), "Français", api_name="/add_article")
    assert "ajouté" in report
    text, sources = client.predict(
        "Combien de bitcoins le pirate a-t-il exigé ?", 5, "extractive", False, api_name="/chat"
    )
    assert "5 bitcoins" in text
    assert "<script" not in sources and "onerror" not in sources
    assert "Piratage" in sources


def test_bad_file_is_refused_and_the_index_unchanged(app, tmp_path):
    client, _ = app
    from gradio_client import handle_file

    from index.settings import load_settings

    folder = load_settings().index_dir
    before = index_files(folder)
    binary = tmp_path / "photo.txt"
    binary.write_bytes(bytes(range(256)) * 50)
    report = client.predict(handle_file(str(binary)), "English", api_name="/add_article")
    assert "was not added" in report and "index is unchanged" in report
    empty = tmp_path / "vide.md"
    empty.write_text("   \n", encoding="utf-8")
    report = client.predict(handle_file(str(empty)), "Français", api_name="/add_article")
    assert "pas été ajouté" in report
    assert index_files(folder) == before


def test_rendering_escapes_sources_and_users(bundled_index):
    answer = ask("Why did Amazon stop hosting Parler?")
    hostile = answer.__class__(**{**answer.__dict__, "text": "<script>alert(1)</script> [1]"})
    assert "<script>" not in chat_message(hostile)
    assert "&lt;script&gt;" in chat_message(hostile)
    html = sources_html(answer, bundled_index)
    citation = answer.citations[0]
    assert f"<mark>{citation.quote}</mark>" in html  # this quote has nothing to escape


def test_feedback_is_recorded(app):
    import gradio as gr

    import app as app_module

    history = [{"role": "user", "content": "Q ?"}, {"role": "assistant", "content": "A [1]"}]
    app_module.record_feedback(gr.LikeData(None, {"index": 1, "value": "A [1]", "liked": True}),
                               history)  # fmt: skip
    line = (app_module.FEEDBACK_DIR / "feedback.jsonl").read_text(encoding="utf-8").splitlines()
    entry = json.loads(line[-1])
    assert entry["liked"] is True and entry["question"] == "Q ?"


@pytest.mark.slow
def test_fifty_clients_and_an_upload_at_once(app, tmp_path, bundled_index):
    """Many people asking while someone uploads: no error, no lost upload, grounded answers."""
    client, url = app
    from gradio_client import Client, handle_file

    article = tmp_path / "charge-test.txt"
    article.write_text(
        "Test de charge\n\nLe serveur de test a répondu à mille requêtes en une minute.",
        encoding="utf-8",
    )
    questions = [
        "Why did Amazon stop hosting Parler?",
        "Combien d'abonnés Trump avait-il ?",
        "Twitter's stock rose 6% on Monday",
        "Quand le Capitole a-t-il été attaqué ?",
    ]

    def one(i: int) -> str:
        c = Client(url, verbose=False)
        text, _ = c.predict(questions[i % 4], 5, "extractive", False, api_name="/chat")
        return text

    with ThreadPoolExecutor(max_workers=16) as pool:
        upload = pool.submit(
            lambda: Client(url, verbose=False).predict(
                handle_file(str(article)), "Français", api_name="/add_article"
            )
        )
        answers = list(pool.map(one, range(50), timeout=300))
        assert "ajouté" in upload.result(timeout=300)
    assert len(answers) == 50 and all("[1]" in a for a in answers)
    text, _ = client.predict("Combien de requêtes le serveur de test a-t-il reçues ?", 5,
                             "extractive", False, api_name="/chat")  # fmt: skip
    assert "mille requêtes" in text
    from bot.engine import shared_engine

    answer = ask("Combien d'abonnés Trump avait-il ?")
    index = shared_engine().index
    assert "charge-test" in index.articles
    for citation in answer.citations:
        assert index.articles[citation.doc_id].text[citation.start : citation.end] == citation.quote
