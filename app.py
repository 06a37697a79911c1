"""Vérif's chat window: ``python app.py`` (``--help`` for host, port, password and LLM options).

A thin Gradio layer over ``bot.ask``: each answer arrives with its own sources (the quote
highlighted in its paragraph, where the article comes from), and people may add articles.
Answering logic lives in ``bot``, wording in ``prompts``, and all HTML in ``bot/compose/render.py``.

Security rules this file keeps: messages are HTML built by ``bot.compose.render`` (never Markdown);
uploads are named by the server, never by the uploader; adding articles is off unless the app
listens on this machine only or sits behind a password; internal events are not part of the
API, whose one stable endpoint is ``/ask`` (``Answer.to_dict()``).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import socket
import sys
import threading
import time
from collections import defaultdict, deque
from html import unescape
from pathlib import Path
from typing import Any

import gradio as gr

from bot import ask
from bot.compose.render import (
    answer_html,
    article_report,
    corpus_html,
    literal,
    sources_html,
    sources_title,
)
from bot.engine import publish, shared_engine, updating
from bot.llm.settings import is_configured
from index.corpus import list_articles, remove_article
from index.errors import VerifError
from index.settings import MAX_ARTICLE_BYTES, ROOT
from index.upload_worker import add_upload_isolated
from prompts import text as t
from prompts import texts

ARTICLE_TYPES = [".txt", ".md", ".markdown", ".html", ".htm"]
FEEDBACK_DIR = Path(os.environ.get("VERIF_FEEDBACK_DIR", ROOT / "data" / "feedback"))
LOOPBACK = {"127.0.0.1", "localhost", "::1"}
MAX_K = 50
# Uploads per person (login, or address) in a sliding window: indexing is the costly part.
UPLOADS_PER_WINDOW = 5
UPLOAD_WINDOW_S = 600

EXAMPLES = [
    "Pourquoi Amazon a-t-il arrêté d’héberger Parler ?",
    "How many followers did Donald Trump have?",
    "Twitter's stock rose 6% on Monday",
    "Parler a abandonné son procès fédéral le 2 mars 2021",
]

I18N = gr.I18n(en=texts("en")["app"], fr=texts("fr")["app"])

CSS = """
.gradio-container { max-width: 980px !important; margin: auto; }
#chat .answer p { margin: .2em 0; }
.verdict { font-weight: 700; padding: .15em .6em; border-radius: .4em; display: inline-block;
  text-transform: uppercase; letter-spacing: .03em; border: 1px solid currentColor; }
.verdict-supported { background: #d9f2df; color: #14532d; }
.verdict-refuted { background: #fbdada; color: #7f1d1d; }
.verdict-not_enough_info { background: #eceff3; color: #334155; }
a.cite { text-decoration: none; font-weight: 600; }
.source { margin: .3em 0 .8em; }
.source blockquote { border-left: 3px solid #94a3b8; padding-left: .6em; margin: .3em 0; }
.source mark { background: #fde68a; }
.source:target { outline: 2px solid #f59e0b; border-radius: .3em; }
.source .where, .note, .sources .low, .confidence { font-size: .9em; color: #475569; }
.corpus td, .corpus th { padding: .2em .5em; text-align: left; }
"""

# One upload indexed at a time (the event also has concurrency_limit=1; this guards any path).
_upload_lock = threading.Lock()
_uploads: dict[str, deque[float]] = defaultdict(deque)
_feedback_lock = threading.Lock()


def _follow_up_pattern() -> re.Pattern[str]:
    """A question that leans on the previous one, from the word lists of ``prompts``: it
    opens with "and…", or its subject is a bare pronoun ("when did it happen?", "quand cela
    s'est-il passé ?"). Each question is answered on its own, so it gets a note saying so."""
    alternatives = []
    for language in ("fr", "en"):
        words = texts(language)["followup"]

        def group(key: str, words: dict = words) -> str:
            return "(?:" + "|".join(re.escape(w) for w in words[key]) + ")"

        alternatives.append(rf"^\W*{group('openers')}\b")
        auxiliary = rf"\s+{group('auxiliaries')}" if words["auxiliaries"] else ""
        alternatives.append(rf"^\W*{group('question_words')}{auxiliary}\s+{group('pronouns')}\b")
    return re.compile("|".join(alternatives), re.IGNORECASE)


_FOLLOW_UP = _follow_up_pattern()


def interface_language(request: gr.Request | None) -> str:
    """The browser's language, French or English (for messages not tied to a question)."""
    header = request.headers.get("accept-language", "") if request is not None else ""
    first = header.split(",")[0].strip().lower()
    return "en" if first.startswith("en") else "fr"


def _whole_k(k: Any) -> int:
    try:
        value = float(k)
    except (TypeError, ValueError):
        raise ValueError("k") from None
    if not value.is_integer() or not 1 <= value <= MAX_K:
        raise ValueError("k")
    return int(value)


def respond(
    message: Any,
    history: list | None,
    k: Any,
    mode: Any,
    show_passages: Any,
    request: gr.Request | None = None,
) -> tuple[list[dict], str]:
    """One chat turn: the question, the answer, and the answer's own sources block."""
    history = [m for m in history or [] if isinstance(m, dict)]
    message = message if isinstance(message, str) else ""
    turn = len(history)
    history.append({"role": "user", "content": literal(message)})
    try:
        try:
            k = _whole_k(k)
        except ValueError:
            raise ValueError(t(interface_language(request), "ui.bad_setting")) from None
        answer = ask(message, k=k, mode=mode if mode in ("extractive", "llm") else "extractive")
    except ValueError as err:
        history.append(
            {"role": "assistant", "content": f'<p class="problem">{literal(str(err))}</p>'}
        )
        return history, message
    asked_before = any(m.get("role") == "user" for m in history[:-1])
    note = None
    if asked_before and _FOLLOW_UP.search(message):
        note = t(answer.language, "ui.followup")
    history.append({"role": "assistant", "content": answer_html(answer, turn, note)})
    history.append(
        {
            "role": "assistant",
            "content": sources_html(answer, shared_engine().index, bool(show_passages), turn),
            "metadata": {"title": sources_title(answer)},
        }
    )
    return history, ""


def api_ask(question: str, k: int = 5, mode: str = "extractive") -> dict[str, Any]:
    """Answer a question or judge a claim (French or English) from the corpus.

    Returns ``Answer.to_dict()``: text, language, abstained, verdict, confidence, citations
    (n, doc_id, title, quote, start, end, paragraph, score, language, attribution), notes.
    A question the tool cannot use raises an error whose message says why.
    """
    if not isinstance(question, str):
        raise gr.Error("question must be a string.", print_exception=False)
    try:
        answer = ask(question, k=_whole_k(k), mode=mode)
    except ValueError as err:
        message = str(err) if str(err) != "k" else f"k must be a whole number from 1 to {MAX_K}."
        raise gr.Error(message, print_exception=False) from None
    return answer.to_dict()


def select_example(
    evt: gr.SelectData, history: list | None, k: Any, mode: Any, show: Any, request: gr.Request
) -> tuple[list[dict], str]:
    """A click on one of the example questions asks it."""
    value = evt.value if isinstance(evt.value, dict) else {}
    return respond(str(value.get("text", "")), history, k, mode, show, request)


_PROGRESS = gr.Progress()


def add_article(
    file: Any, request: gr.Request, progress: gr.Progress = _PROGRESS
) -> tuple[str, Any]:
    """Clean and index an uploaded article; say what was kept and dropped, or why not."""
    lang = interface_language(request)
    try:
        if not UPLOADS_ENABLED:
            return _report(t(lang, "ui.uploads_off")), gr.update()
        if not isinstance(file, str) or not file:
            return _report(t(lang, "ui.no_file")), gr.update()
        path = Path(file)
        who = request.username or "anonymous (app)"
        if not _within_rate(request.username or _client(request)):
            return _report(t(lang, "ui.rate_limited")), gr.update()
        if not _upload_lock.acquire(blocking=False):
            return _report(t(lang, "ui.busy")), gr.update()
        try:
            if path.suffix.lower() not in ARTICLE_TYPES:
                raise VerifError(
                    f"{path.name}: only {', '.join(ARTICLE_TYPES)} files are accepted."
                )
            progress(0.0, desc=t(lang, "ui.reading"))

            def indexing(fraction: float, detail: str) -> None:
                progress(fraction, desc=f"{t(lang, 'ui.indexing')} ({detail})")

            # Indexed in a child process (embedding would stall this one); questions keep the
            # current index meanwhile, then the new one answers (snapshot, then swap).
            with updating():
                upload = add_upload_isolated(path, added_by=who, on_progress=indexing)
                publish(upload.index)
        finally:
            _upload_lock.release()
    except (VerifError, OSError) as err:
        return _report(t(lang, "ui.upload_error", error=str(err))), gr.update()
    finally:
        _forget_upload(file)
    report = article_report(
        upload.article, lang, duplicate=upload.duplicate_of is not None, seconds=upload.seconds
    )
    return report, gr.update(choices=_added_ids())


def remove_added(doc_id: Any, request: gr.Request) -> tuple[str, str, Any]:
    """Remove an added article (the corpus table and the choices are refreshed)."""
    lang = interface_language(request)
    if not UPLOADS_ENABLED:
        return _report(t(lang, "ui.uploads_off")), gr.update(), gr.update()
    try:
        if not isinstance(doc_id, str) or not doc_id:
            raise VerifError("no article chosen.")
        title = next((a.title for a in list_articles() if a.id == doc_id), doc_id)
        with _upload_lock:
            publish(remove_article(doc_id))
    except VerifError as err:
        return _report(t(lang, "ui.remove_error", error=str(err))), gr.update(), gr.update()
    return (
        _report(t(lang, "ui.removed", title=title)),
        corpus_html(list_articles(), lang),
        gr.update(choices=_added_ids(), value=None),
    )


def show_corpus(request: gr.Request) -> tuple[str, Any]:
    return corpus_html(list_articles(), interface_language(request)), gr.update(
        choices=_added_ids()
    )


def _added_ids() -> list[str]:
    return [a.id for a in list_articles() if a.origin == "added"]


def _report(message: str) -> str:
    return f'<p class="report">{literal(message)}</p>'


def _client(request: gr.Request) -> str:
    return getattr(request.client, "host", None) or "unknown"


def _within_rate(who: str) -> bool:
    now = time.monotonic()
    recent = _uploads[who]
    while recent and now - recent[0] > UPLOAD_WINDOW_S:
        recent.popleft()
    if len(recent) >= UPLOADS_PER_WINDOW:
        return False
    recent.append(now)
    return True


def _forget_upload(file: Any) -> None:
    """Delete the uploaded copy from Gradio's cache once it is handled (refused ones too)."""
    if not isinstance(file, str) or not file:
        return
    from gradio.utils import get_upload_folder

    path = Path(file).resolve()
    cache = Path(get_upload_folder()).resolve()
    if cache in path.parents and path.is_file():
        path.unlink(missing_ok=True)
        with contextlib.suppress(OSError):
            path.parent.rmdir()  # Gradio keeps one folder per upload; empty now


def record_feedback(data: gr.LikeData, history: list | None) -> None:
    """Thumbs up or down on an answer, kept as JSON Lines for the team to read."""
    history = history if isinstance(history, list) else []
    index = data.index if isinstance(data.index, int) else None
    question = ""
    if index is not None and 0 < index <= len(history):
        users = [m for m in history[:index] if isinstance(m, dict) and m.get("role") == "user"]
        question = _plain(users[-1].get("content", "")) if users else ""
    entry = {
        "time": time.strftime("%Y-%m-%dT%H:%M:%S"),
        "liked": bool(data.liked),
        "question": question,
        "answer": _plain(data.value),
    }
    with _feedback_lock:
        FEEDBACK_DIR.mkdir(parents=True, exist_ok=True)
        with (FEEDBACK_DIR / "feedback.jsonl").open("a", encoding="utf-8") as out:
            out.write(json.dumps(entry, ensure_ascii=False, default=str) + "\n")


def _plain(value: Any) -> str:
    """A message's text without its markup (feedback keeps what people read)."""
    if isinstance(value, list):
        value = " ".join(str(v.get("value", v)) if isinstance(v, dict) else str(v) for v in value)
    if isinstance(value, dict):
        value = value.get("value", "")
    return unescape(re.sub(r"<[^>]+>", "", str(value))).strip()


UPLOADS_ENABLED = True

COPY_JS = """() => {
  const answers = document.querySelectorAll('#chat .answer');
  const last = answers[answers.length - 1];
  if (last) navigator.clipboard.writeText(last.innerText.trim());
}"""


def build_demo(uploads: bool = True) -> gr.Blocks:
    """The page: chat (each answer with its sources), settings, adding and listing articles."""
    global UPLOADS_ENABLED
    UPLOADS_ENABLED = uploads
    llm = is_configured()
    with gr.Blocks(title="Vérif", delete_cache=(600, 3600)) as demo:
        gr.Markdown(I18N("title"))
        gr.Markdown(I18N("description"), elem_id="description")
        chat = gr.Chatbot(
            elem_id="chat",
            show_label=False,
            render_markdown=False,  # HTML from bot.compose.render only: quotes stay literal text
            sanitize_html=True,
            allow_tags=False,
            latex_delimiters=[],
            buttons=[],  # Gradio's copy would copy our HTML: see the copy button below
            examples=[{"text": q} for q in EXAMPLES],
            height="65vh",
            layout="panel",
        )
        with gr.Row():
            box = gr.Textbox(
                show_label=False,
                placeholder=I18N("placeholder"),
                elem_id="question",
                scale=5,
                submit_btn=False,
            )
            send = gr.Button(I18N("send"), variant="primary", scale=1, min_width=80, elem_id="send")
        with gr.Row():
            copy = gr.Button(I18N("copy"), size="sm", elem_id="copy-answer")
            gr.ClearButton([chat, box], value=I18N("clear"), size="sm")
        with gr.Accordion(I18N("settings"), open=False):
            k = gr.Slider(1, 20, value=5, step=1, label=I18N("k"))
            mode = gr.Radio(
                ["extractive", "llm"], value="extractive", label=I18N("mode"), visible=llm
            )
            show = gr.Checkbox(False, label=I18N("show_passages"))
        with gr.Accordion(I18N("add"), open=False, visible=uploads):
            upload = gr.File(file_types=ARTICLE_TYPES, type="filepath", elem_id="upload")
            add = gr.Button(I18N("add_button"), elem_id="add-article")
            report = gr.HTML(elem_id="add-report")
        with gr.Accordion(I18N("corpus"), open=False) as corpus_panel:
            table = gr.HTML(elem_id="corpus")
            with gr.Row(visible=uploads):
                removable = gr.Dropdown([], label=I18N("remove"), elem_id="remove-id")
                remove = gr.Button(I18N("remove_button"), variant="stop", elem_id="remove")
            removed = gr.HTML(elem_id="remove-report")

        private = {"api_visibility": "private"}
        inputs = [box, chat, k, mode, show]
        box.submit(respond, inputs, [chat, box], **private)
        send.click(respond, inputs, [chat, box], **private)
        chat.example_select(select_example, [chat, k, mode, show], [chat, box], **private)
        chat.like(record_feedback, [chat], None, **private)
        copy.click(None, js=COPY_JS, **private)
        add.click(add_article, [upload], [report, removable], concurrency_limit=1, **private)
        corpus_panel.expand(show_corpus, None, [table, removable], **private)
        remove.click(remove_added, [removable], [removed, table, removable], **private)
        gr.api(api_ask, api_name="ask")
    return demo


def uploads_allowed(host: str, share: bool, auth: bool, no_upload: bool = False) -> bool:
    """Adding articles is on only for this machine, or behind a login (``--auth``)."""
    return not no_upload and (auth or (host in LOOPBACK and not share))


def host_checking(host: str, extra: list[str] | None = None) -> dict[str, Any]:
    """``launch(app_kwargs=…)`` that refuses requests naming another host (``Host:``).

    On 127.0.0.1 only local names are accepted, which stops DNS-rebinding pages from reaching
    the app through a visitor's browser; elsewhere, the names given (``--allowed-host``).
    """
    from starlette.middleware import Middleware
    from starlette.middleware.trustedhost import TrustedHostMiddleware

    names = list(extra or [])
    if host in LOOPBACK:
        names += ["127.0.0.1", "localhost", "::1", "[::1]"]
    elif not names:
        names = ["*"]  # a public address: name it with --allowed-host to check it
    return {"middleware": [Middleware(TrustedHostMiddleware, allowed_hosts=names)]}


def free_port(host: str, first: int, tries: int = 20) -> int | None:
    """The first port from ``first`` that nothing listens on, or None."""
    for port in range(first, first + tries):
        with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as probe:
            try:
                probe.bind((host, port))
            except OSError:
                continue
            return port
    return None


def main(argv: list[str] | None = None) -> None:
    env = os.environ
    parser = argparse.ArgumentParser(description="Vérif's chat window.")
    parser.add_argument(
        "--host", default=env.get("VERIF_HOST", "127.0.0.1"),
        help="address to listen on (VERIF_HOST, default 127.0.0.1); any other address turns "
        "adding articles off unless --auth is given",
    )  # fmt: skip
    parser.add_argument(
        "--port", type=int, default=None,
        help="port (VERIF_PORT, default 7860: when it is busy, the next free one is used and "
        "printed)",
    )  # fmt: skip
    parser.add_argument(
        "--share", action="store_true", help="a public Gradio link (off unless asked)"
    )
    parser.add_argument(
        "--auth", default=env.get("VERIF_AUTH"), metavar="USER:PASSWORD",
        help="require this login for the whole app (VERIF_AUTH); allows uploads on any host",
    )  # fmt: skip
    parser.add_argument("--no-upload", action="store_true", help="turn adding articles off")
    parser.add_argument(
        "--allowed-host", action="append", default=None, metavar="NAME",
        help="another host name the app answers to (repeatable); on 127.0.0.1 local names "
        "are always accepted, elsewhere any name unless some are given",
    )  # fmt: skip
    parser.add_argument(
        "--concurrency", type=int, default=int(env.get("VERIF_CONCURRENCY", "4")),
        help="answers computed at once, others wait in the queue (VERIF_CONCURRENCY, default 4)",
    )  # fmt: skip
    parser.add_argument("--llm-base-url", help="OpenAI-compatible server (VERIF_LLM_BASE_URL)")
    parser.add_argument(
        "--llm-model", help="model name on that server (VERIF_LLM_MODEL, default local-model)"
    )
    parser.add_argument("--llm-path", help="local transformers model folder (VERIF_LLM_PATH)")
    args = parser.parse_args(argv)
    for flag, variable in (
        (args.llm_base_url, "VERIF_LLM_BASE_URL"),
        (args.llm_model, "VERIF_LLM_MODEL"),
        (args.llm_path, "VERIF_LLM_PATH"),
    ):
        if flag:
            os.environ[variable] = flag
    auth = None
    if args.auth:
        user, _, password = args.auth.partition(":")
        if not user or not password:
            parser.error("--auth takes USER:PASSWORD")
        auth = (user, password)
    uploads = uploads_allowed(args.host, args.share, auth is not None, args.no_upload)
    if not uploads and not args.no_upload:
        where = f"{args.host}, --share" if args.share else args.host
        print(
            f"Adding articles is off: the app is reachable beyond this machine ({where}). "
            "Add --auth USER:PASSWORD to allow it."
        )
    explicit = args.port if args.port is not None else env.get("VERIF_PORT")
    wanted = int(explicit) if explicit is not None else 7860
    port = free_port(args.host, wanted, tries=1 if explicit is not None else 20)
    if port is None:
        sys.exit(
            f"Port {wanted} is already in use. Choose another with --port (or VERIF_PORT)."
            if explicit is not None
            else f"Ports {wanted}-{wanted + 19} are all in use. Choose one with --port."
        )
    if port != wanted:
        print(f"Port {wanted} is busy; using {port} instead (choose one with --port).")
    # Uploaded files wait in the app's own data folder, not a shared /tmp/gradio.
    data = Path(env.get("VERIF_DATA_DIR", ROOT / "data"))
    os.environ.setdefault("GRADIO_TEMP_DIR", str(data / "upload_cache"))
    from index.corpus import ensure_index

    status = ensure_index(progress=True)
    print(f"Index {status.action}: {len(status.index.articles)} articles "
          f"({status.reason}).")  # fmt: skip
    from bot.engine import shared_engine

    shared_engine()  # warm: the first question does not pay for loading
    demo = build_demo(uploads=uploads)
    demo.queue(default_concurrency_limit=args.concurrency, max_size=256)
    demo.launch(
        server_name=args.host,
        server_port=port,
        share=args.share,
        auth=auth,
        app_kwargs=host_checking(args.host, args.allowed_host),
        max_file_size=MAX_ARTICLE_BYTES,
        i18n=I18N,
        css=CSS,
        theme=gr.themes.Soft(),
    )


if __name__ == "__main__":
    main()
