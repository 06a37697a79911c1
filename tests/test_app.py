"""The Gradio app, launched for real on 127.0.0.1 and driven through ``gradio_client``: the
stable ``/ask`` endpoint in both languages, the chat turn, adding an article, refusing a bad
one, escaping, feedback, and load."""

from __future__ import annotations

import hashlib
import json
import socket
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from bot import ask
from bot.compose.render import answer_html, sources_html

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
    patch.setenv("GRADIO_TEMP_DIR", str(data / "upload_cache"))
    patch.setattr(app_module, "FEEDBACK_DIR", data / "feedback")
    patch.setattr(app_module, "UPLOADS_PER_WINDOW", 1000)
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
        app_kwargs=app_module.host_checking("127.0.0.1"),
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


class Browserless:
    """What a ``gr.Request`` offers the app's handlers, for calling them directly."""

    def __init__(self, language: str = "fr", username: str | None = None, host: str = "t"):
        self.headers = {"accept-language": language}
        self.username = username
        self.client = type("Client", (), {"host": host})()


def no_progress(*_args, **_kwargs) -> None:
    return None


def add_through_app(path: Path, language: str = "fr", **who) -> str:
    import app as app_module

    report, _ = app_module.add_article(str(path), Browserless(language, **who), no_progress)
    return report


def test_ask_endpoint_returns_the_answer_as_data(app):
    client, _ = app
    answer = client.predict(
        "Pourquoi Amazon a-t-il arrêté d’héberger Parler ?", 5, "extractive", api_name="/ask"
    )
    assert answer["language"] == "fr" and answer["text"].startswith("Voici")
    assert answer["abstained"] is False and "[1]" in answer["text"]
    from index.settings import load_settings
    from index.store import load

    articles = load(load_settings().index_dir).articles
    for citation in answer["citations"]:
        text = articles[citation["doc_id"]].text
        assert text[citation["start"] : citation["end"]] == citation["quote"]
    claim = client.predict("Twitter's stock rose 6% on Monday", 5, "extractive", api_name="/ask")
    assert claim["verdict"] == "refuted" and 0 <= claim["confidence"] <= 1
    refusal = client.predict("Which judge handles the case?", 5, "extractive", api_name="/ask")
    assert refusal["abstained"] is True and refusal["citations"] == []


def test_only_the_stable_endpoint_is_public(app):
    client, _ = app
    endpoints = client.view_api(print_info=False, return_format="dict")["named_endpoints"]
    assert list(endpoints) == ["/ask"]
    parameters = {p["parameter_name"]: p for p in endpoints["/ask"]["parameters"]}
    assert set(parameters) == {"question", "k", "mode"}
    assert parameters["question"]["type"]["type"] == "string"


@pytest.mark.parametrize(
    ("question", "k", "error"),
    [
        ("   ", 5, "empty"),
        (None, 5, "string"),
        ("Why did Amazon stop hosting Parler?", "beaucoup", "whole number"),
        ("Why did Amazon stop hosting Parler?", 0, "whole number"),
    ],
)
def test_bad_api_input_gets_a_clear_error(app, question, k, error):
    client, _ = app
    from gradio_client.exceptions import AppError

    with pytest.raises(AppError, match=error):
        client.predict(question, k, "extractive", api_name="/ask")


def test_chat_turn_keeps_each_answers_sources(bundled_index):
    import app as app_module

    history, box = app_module.respond(
        "Twitter's stock rose 6% on Monday", [], 5, "extractive", True, Browserless("en")
    )
    assert box == ""
    user, answer, sources = history
    assert user == {"role": "user", "content": "Twitter's stock rose 6% on Monday"}
    assert "verdict-refuted" in answer["content"] and "REFUTED" not in answer["content"]
    assert 'href="#src-0-1"' in answer["content"]
    assert sources["metadata"]["title"].startswith("Sources (")
    assert 'id="src-0-1"' in sources["content"] and "<mark>" in sources["content"]
    assert "Quoted in French" in sources["content"] and "Retrieved passages" in sources["content"]
    for record in ("decision:", "framing:", "guard:"):  # notes for the team, not for readers
        assert record not in answer["content"] + sources["content"]
    # A second answer keeps the first one's sources in place, with its own anchors.
    history, _ = app_module.respond("Which judge handles the case?", history, 5, "extractive",
                                    False, Browserless("en"))  # fmt: skip
    assert len(history) == 6 and history[2] == sources
    assert history[4]["content"].count("src-3-") == 0
    assert "no-sources" in history[5]["content"]


@pytest.mark.parametrize(("message", "k"), [(None, 5), ("   ", 5), ("Parler ?", "dix")])
def test_bad_chat_input_gets_a_message_not_a_traceback(bundled_index, message, k):
    import app as app_module

    history, _ = app_module.respond(message, None, k, "extractive", False, Browserless("fr"))
    assert history[-1]["role"] == "assistant" and 'class="problem"' in history[-1]["content"]


def test_added_article_is_answered_and_escaped(app, tmp_path):
    client, _ = app
    article = tmp_path / "piratage-parler.html"
    article.write_text(HOSTILE, encoding="utf-8")
    report = add_through_app(article)
    assert "ajouté" in report
    answer = client.predict(
        "Combien de bitcoins le pirate a-t-il exigé ?", 5, "extractive", api_name="/ask"
    )
    assert "5 bitcoins" in answer["text"]
    import app as app_module

    history, _ = app_module.respond(
        "Combien de bitcoins le pirate a-t-il exigé ?", [], 5, "extractive", False, Browserless()
    )
    sources = history[-1]["content"]
    assert "<script" not in sources and "onerror" not in sources
    assert "Piratage" in sources and "ajouté par anonymous (app)" in sources


def test_bad_file_is_refused_and_the_index_unchanged(app, tmp_path):
    from index.settings import load_settings

    folder = load_settings().index_dir
    before = index_files(folder)
    binary = tmp_path / "photo.txt"
    binary.write_bytes(bytes(range(256)) * 50)
    report = add_through_app(binary, "en")
    assert "was not added" in report and "index is unchanged" in report
    empty = tmp_path / "vide.md"
    empty.write_text("   \n", encoding="utf-8")
    report = add_through_app(empty, "fr")
    assert "pas été ajouté" in report
    assert index_files(folder) == before


def test_rendering_escapes_sources_and_users(bundled_index):
    answer = ask("Why did Amazon stop hosting Parler?")
    hostile = answer.__class__(**{**answer.__dict__, "text": "<script>alert(1)</script> [1]"})
    assert "<script>" not in answer_html(hostile, 0)
    assert "&lt;script&gt;" in answer_html(hostile, 0)
    html = sources_html(answer, bundled_index)
    citation = answer.citations[0]
    assert f"<mark>{citation.quote}</mark>" in html  # this quote has nothing to escape


def test_feedback_is_recorded(app):
    import gradio as gr

    import app as app_module

    history = [{"role": "user", "content": "Q ?"}, {"role": "assistant", "content": "<p>A [1]</p>"}]
    app_module.record_feedback(
        gr.LikeData(None, {"index": 1, "value": "<p>A [1]</p>", "liked": True}), history
    )
    app_module.record_feedback(
        gr.LikeData(None, {"index": None, "value": None, "liked": False}), None
    )
    lines = (app_module.FEEDBACK_DIR / "feedback.jsonl").read_text(encoding="utf-8").splitlines()
    entry = json.loads(lines[-2])
    assert entry["liked"] is True and entry["question"] == "Q ?" and entry["answer"] == "A [1]"
    assert json.loads(lines[-1])["liked"] is False


@pytest.mark.slow
def test_fifty_clients_and_an_upload_at_once(app, tmp_path, bundled_index):
    """Many people asking while someone uploads: no error, no lost upload, grounded answers."""
    client, url = app
    from gradio_client import Client

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
        return c.predict(questions[i % 4], 5, "extractive", api_name="/ask")["text"]

    with ThreadPoolExecutor(max_workers=16) as pool:
        upload = pool.submit(add_through_app, article)
        answers = list(pool.map(one, range(50), timeout=300))
        assert "ajouté" in upload.result(timeout=300)
    assert len(answers) == 50 and all("[1]" in a for a in answers)
    text = client.predict("Combien de requêtes le serveur de test a-t-il reçues ?", 5,
                          "extractive", api_name="/ask")["text"]  # fmt: skip
    assert "mille requêtes" in text
    from bot.engine import shared_engine

    answer = ask("Combien d'abonnés Trump avait-il ?")
    index = shared_engine().index
    assert "charge-test" in index.articles
    for citation in answer.citations:
        assert index.articles[citation.doc_id].text[citation.start : citation.end] == citation.quote


def test_a_busy_port_is_reported_or_skipped(capsys):
    import app as app_module

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        with pytest.raises(SystemExit, match=f"Port {port} is already in use.*--port"):
            app_module.main(["--port", str(port)])  # asked for: say which flag to use
        # Not asked for: the next free one is taken (and printed by main).
        assert app_module.free_port("127.0.0.1", port) not in (None, port)


def test_corpus_panel_lists_and_removes_added_articles(app, tmp_path):
    import app as app_module

    article = tmp_path / "panneau.txt"
    article.write_text(
        "Panneau de test\n\nLe panneau du corpus liste les articles ajoutés par les lecteurs.",
        encoding="utf-8",
    )
    assert "ajouté" in add_through_app(article)
    table, choices = app_module.show_corpus(Browserless("en"))
    assert "panneau" in choices["choices"] and "bundled article" in table
    report, table, _ = app_module.remove_added("panneau", Browserless("en"))
    assert "was removed" in report and "panneau" not in table
    report, _, _ = app_module.remove_added("parler-accuse-amazon", Browserless("en"))
    assert "Nothing was removed" in report and "bundled" in report


@pytest.mark.parametrize(
    ("question", "follow_up"),
    [("And when did that happen?", True), ("When did it happen?", True),
     ("Et quand cela s'est-il passé ?", True), ("Quand cela a-t-il eu lieu ?", True),
     ("Why did Amazon stop hosting Parler?", False), ("Is it true that Parler sued?", False),
     ("Pourquoi Amazon a-t-il arrêté d'héberger Parler ?", False), ("Android users?", False)],
)  # fmt: skip
def test_a_follow_up_is_told_each_question_stands_alone(bundled_index, question, follow_up):
    import app as app_module

    first, _ = app_module.respond("Why did Amazon stop hosting Parler?", [], 5, "extractive",
                                  False, Browserless("en"))  # fmt: skip
    history, _ = app_module.respond(question, first, 5, "extractive", False, Browserless("en"))
    note = "on its own" in history[-2]["content"] or "traitée seule" in history[-2]["content"]
    assert note is follow_up
    alone, _ = app_module.respond(question, [], 5, "extractive", False, Browserless("en"))
    assert "on its own" not in alone[-2]["content"]  # nothing to lean on: no note
