"""Vérif's chat window: ``python app.py`` (``--help`` for host, port, LLM and limits).

A thin Gradio layer over ``bot.ask``: it shows the answer, its cited sources highlighted in
their paragraphs, and lets people add articles. All answering logic lives in ``bot``; all
wording in ``prompts``.
"""

from __future__ import annotations

import argparse
import json
import os
import threading
import time
from html import escape
from pathlib import Path

import gradio as gr

from bot import ask
from bot.engine import shared_engine
from bot.llm_settings import is_configured
from bot.render import article_report, chat_message, sources_html
from index.corpus import add_articles, ensure_index
from index.errors import VerifError
from index.settings import MAX_ARTICLE_BYTES, ROOT
from prompts import text as t

ARTICLE_TYPES = [".txt", ".md", ".markdown", ".html", ".htm"]
FEEDBACK_DIR = Path(os.environ.get("VERIF_FEEDBACK_DIR", ROOT / "data" / "feedback"))
_feedback_lock = threading.Lock()

EXAMPLES = [
    ["Pourquoi Amazon a-t-il arrêté d’héberger Parler ?"],
    ["How many followers did Donald Trump have?"],
    ["Twitter's stock rose 6% on Monday"],
    ["Parler a abandonné son procès fédéral le 2 mars 2021"],
    ["Which judge handles the case?"],
]

I18N = gr.I18n(
    en={
        "title": "# Vérif",
        "description": "Ask a question or paste a claim, in English or French. Every answer "
        "quotes the exact sentence of the article it comes from.",
        "k": "Passages to retrieve",
        "mode": "Answer mode",
        "show_passages": "Show retrieved passages and scores",
        "add": "Add an article (.txt, .md, .html; 2 MB at most)",
        "add_button": "Add to the corpus",
        "interface": "Interface language",
        "sources": "Sources",
    },
    fr={
        "title": "# Vérif",
        "description": "Posez une question ou collez une affirmation, en français ou en "
        "anglais. Chaque réponse cite la phrase exacte de l’article d’où elle vient.",
        "k": "Passages à retrouver",
        "mode": "Mode de réponse",
        "show_passages": "Afficher les passages retrouvés et leurs scores",
        "add": "Ajouter un article (.txt, .md, .html ; 2 Mo au plus)",
        "add_button": "Ajouter au corpus",
        "interface": "Langue de l’interface",
        "sources": "Sources",
    },
)

CSS = """
.verdict { font-weight: 700; padding: .4em .7em; border-radius: .5em; display: inline-block; }
.verdict-supported { background: #d9f2df; color: #14532d; }
.verdict-refuted { background: #fbdada; color: #7f1d1d; }
.verdict-not_enough_info { background: #eceff3; color: #334155; }
.source blockquote { border-left: 3px solid #94a3b8; padding-left: .6em; margin: .3em 0; }
.source mark { background: #fde68a; }
.source .note, .sources .low { font-size: .9em; color: #475569; }
"""


def respond(
    message: str, history: list, k: float, mode: str, show_passages: bool
) -> tuple[str, str]:
    """One chat turn: the answer for the bubble, and the sources panel."""
    try:
        answer = ask(message, k=int(k), mode=mode)
    except ValueError as err:
        return f"⚠️ {escape(str(err))}", ""
    index = shared_engine().index
    return chat_message(answer), sources_html(answer, index, show_passages)


def add_article(file: str | None, interface: str) -> str:
    """Clean and index an uploaded article; say what was kept and dropped, or why not."""
    lang = "en" if interface == "English" else "fr"
    if not file:
        return t(lang, "ui.no_file")
    path = Path(file)
    try:
        if path.suffix.lower() not in ARTICLE_TYPES:
            raise VerifError(f"{path.name}: only {', '.join(ARTICLE_TYPES)} files are accepted.")
        articles, _ = add_articles([path], progress=False)
    except (VerifError, OSError) as err:
        return escape(t(lang, "ui.upload_error", error=str(err)))
    return article_report(articles[0], lang)


def record_feedback(data: gr.LikeData, history: list) -> None:
    """Thumbs up or down on an answer, kept as JSON Lines for the team to read."""
    question = ""
    if data.index is not None and isinstance(data.index, int) and data.index > 0:
        previous = history[data.index - 1]
        question = previous.get("content") if isinstance(previous, dict) else str(previous)
    entry = {
        "time": time.strftime("%Y-%m-%dT%H:%M:%S"),
        "liked": data.liked,
        "question": question,
        "answer": data.value,
    }
    with _feedback_lock:
        FEEDBACK_DIR.mkdir(parents=True, exist_ok=True)
        with (FEEDBACK_DIR / "feedback.jsonl").open("a", encoding="utf-8") as out:
            out.write(json.dumps(entry, ensure_ascii=False, default=str) + "\n")


def build_demo() -> gr.Blocks:
    llm = is_configured()
    with gr.Blocks(title="Vérif") as demo:
        gr.Markdown(I18N("title"))
        gr.Markdown(I18N("description"))
        sources = gr.HTML(label=I18N("sources"), render=False, elem_id="sources")
        with gr.Row():
            with gr.Column(scale=3):
                k = gr.Slider(1, 20, value=5, step=1, label="k · passages", render=False)
                mode = gr.Radio(
                    ["extractive", "llm"] if llm else ["extractive"],
                    value="extractive",
                    label="Mode",
                    render=False,
                )
                show = gr.Checkbox(False, label="Scores", info=I18N("show_passages"), render=False)
                chat = gr.ChatInterface(
                    respond,
                    additional_inputs=[k, mode, show],
                    additional_inputs_accordion="Réglages · Settings",
                    additional_outputs=[sources],
                    examples=[[q[0], 5, "extractive", False] for q in EXAMPLES],
                    cache_examples=False,
                    api_name="chat",
                    fill_height=False,
                )
                chat.chatbot.like(record_feedback, [chat.chatbot], None)
            with gr.Column(scale=2):
                sources.render()
        with gr.Accordion(I18N("add"), open=False):
            interface = gr.Radio(["Français", "English"], value="Français", label=I18N("interface"))
            upload = gr.File(file_types=ARTICLE_TYPES, type="filepath", elem_id="upload")
            add = gr.Button(I18N("add_button"), elem_id="add-article")
            report = gr.Markdown(elem_id="add-report")
            add.click(add_article, [upload, interface], report, api_name="add_article")
    return demo


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    env = os.environ
    parser.add_argument("--host", default=env.get("VERIF_HOST", "127.0.0.1"))
    parser.add_argument("--port", type=int, default=int(env.get("VERIF_PORT", "7860")))
    parser.add_argument("--share", action="store_true", help="public Gradio link (off by default)")
    parser.add_argument(
        "--concurrency", type=int, default=int(env.get("VERIF_CONCURRENCY", "4")),
        help="answers computed at once; others wait in the queue",
    )  # fmt: skip
    parser.add_argument("--llm-base-url", help="OpenAI-compatible server (sets VERIF_LLM_BASE_URL)")
    parser.add_argument("--llm-model", help="model name on that server (VERIF_LLM_MODEL)")
    parser.add_argument("--llm-path", help="local transformers model folder (VERIF_LLM_PATH)")
    args = parser.parse_args(argv)
    for flag, variable in (
        (args.llm_base_url, "VERIF_LLM_BASE_URL"),
        (args.llm_model, "VERIF_LLM_MODEL"),
        (args.llm_path, "VERIF_LLM_PATH"),
    ):
        if flag:
            os.environ[variable] = flag
    ensure_index(progress=True)  # builds on first start, with a progress bar, and says so
    demo = build_demo()
    demo.queue(default_concurrency_limit=args.concurrency, max_size=256)
    demo.launch(
        server_name=args.host,
        server_port=args.port,
        share=args.share,
        max_file_size=MAX_ARTICLE_BYTES,
        i18n=I18N,
        css=CSS,
        theme=gr.themes.Soft(),
    )


if __name__ == "__main__":
    main()
