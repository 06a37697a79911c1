"""An answer as people read it in the app: the chat message, and the sources panel in HTML.

Everything that comes from a source or a user goes through ``html.escape`` before it meets
markup: an article that contains ``<script>`` shows the tag as text. Offsets place the quote
inside its paragraph, so the highlight is exactly the cited passage.
"""

from __future__ import annotations

from html import escape

from bot.answer import Answer
from index.documents import Article
from index.store import CorpusIndex
from prompts import text as t

LOW_CONFIDENCE = 0.6
BADGES = {"supported": "✅", "refuted": "❌", "not_enough_info": "❔"}


def chat_message(answer: Answer) -> str:
    """The answer text for the chat bubble (Markdown), with its verdict badge first."""
    body = escape(answer.text).replace("\n", "  \n")
    if answer.verdict:
        label = t(answer.language, f"verdict.label_{answer.verdict}")
        body = f"{BADGES[answer.verdict]} **{escape(label).upper()}**  \n{body}"
    return body


def sources_html(answer: Answer, index: CorpusIndex, show_passages: bool = False) -> str:
    """The cited sources: title, paragraph, the quote highlighted in its paragraph."""
    lang = answer.language
    parts = []
    if answer.verdict:
        label = t(lang, f"verdict.label_{answer.verdict}")
        parts.append(
            f'<div class="verdict verdict-{answer.verdict}" data-verdict="{answer.verdict}">'
            f"{BADGES[answer.verdict]} {escape(t(lang, 'ui.verdict'))} : {escape(label)}</div>"
        )
    if not answer.citations:
        parts.append(f'<p class="no-sources">{escape(t(lang, "ui.no_sources"))}</p>')
    for citation in answer.citations:
        article = index.articles.get(citation.doc_id)
        if article is None:
            continue
        notes = []
        if citation.language != lang:
            notes.append(
                t(
                    lang,
                    "ui.other_language",
                    source_language=t(lang, f"language.{citation.language}"),
                    question_language=t(lang, f"language.{lang}"),
                )
            )
        if citation.attribution:
            notes.append(t(lang, "ui.said_by", who=citation.attribution))
        note_html = "".join(f'<p class="note">{escape(n)}</p>' for n in notes)
        parts.append(
            f'<div class="source" data-n="{citation.n}">'
            f"<h4>[{citation.n}] {escape(article.title)}</h4>"
            f'<p class="where">{escape(t(lang, "ui.paragraph", n=citation.paragraph + 1))}</p>'
            f'<blockquote lang="{citation.language}">'
            f"{highlighted(article, citation.paragraph, citation.start, citation.end)}"
            f"</blockquote>{note_html}</div>"
        )
    if answer.citations:
        parts.append(
            f'<p class="confidence">{escape(t(lang, "ui.confidence", value=answer.confidence))}</p>'
        )
        if answer.confidence < LOW_CONFIDENCE:
            parts.append(f'<p class="low">{escape(t(lang, "ui.low_confidence"))}</p>')
    parts.extend(f'<p class="note">{escape(note)}</p>' for note in answer.notes[1:])
    if show_passages and answer.passages:
        rows = "".join(
            f"<li><b>{escape(p.title)}</b> · {escape(t(lang, 'ui.paragraph', n=p.paragraph + 1))}"
            f" · {escape(t(lang, 'ui.score', score=p.score, dense=p.dense))}"
            f"<br>{escape(p.text)}</li>"
            for p in answer.passages
        )
        parts.append(
            f'<details class="passages" open><summary>{escape(t(lang, "ui.passages"))}'
            f"</summary><ol>{rows}</ol></details>"
        )
    return '<div class="sources">' + "".join(parts) + "</div>"


def highlighted(article: Article, paragraph: int, start: int, end: int) -> str:
    """The paragraph as escaped text, with the quote inside ``<mark>``."""
    bounds = article.paragraphs[paragraph]
    text = article.text
    return (
        escape(text[bounds.start : start])
        + "<mark>"
        + escape(text[start:end])
        + "</mark>"
        + escape(text[end : bounds.end])
    )


def article_report(article: Article, lang: str) -> str:
    """What adding an article did: what was kept, and what the cleaner dropped and why."""
    lines = [
        escape(
            t(
                lang,
                "ui.added",
                title=article.title,
                lang_name=t(lang, f"language.{article.language}"),
                chars=len(article.text),
            )
        )
    ]
    if article.dropped:
        lines.append(escape(t(lang, "ui.dropped", n=len(article.dropped))))
        lines += [
            f"- {escape(d.reason)} : {escape(' '.join(d.text.split())[:120])}"
            for d in article.dropped
        ]
    else:
        lines.append(escape(t(lang, "ui.nothing_dropped")))
    return "\n".join(lines)
