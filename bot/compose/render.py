"""An answer as people read it in the app: the answer, and its sources, as HTML.

The app shows messages as HTML, never as Markdown: a quote is article text, and Markdown in it
(``![x](http://…)``, ``[link](…)``, ``~~…~~``, backticks) would turn into images that call a
server, hidden links or changed emphasis inside a "verified" quote. So everything that comes
from a source or a user goes through ``literal`` (HTML-escaped, shown as typed) before it meets
markup, and only this module writes tags. Offsets place the quote inside its paragraph, so the
highlight is exactly the cited passage.
"""

from __future__ import annotations

import re
from html import escape

from bot.answer import Answer
from index.documents import Article
from index.store import CorpusIndex
from prompts import text as t

LOW_CONFIDENCE = 0.6
_MARKER = re.compile(r"\[(\d+)\]")


def literal(text: str) -> str:
    """Text from a source or a user, safe to place in HTML and shown exactly as written.

    Only ``&``, ``<`` and ``>`` need escaping outside attributes; quotes stay as typed, so
    copying the shown text gives the text back, without entities.
    """
    return escape(text, quote=False)


def answer_html(answer: Answer, turn: int, note: str | None = None) -> str:
    """The answer for the chat: verdict label, text with ``[n]`` linked to its source, notes.

    The verdict is a coloured word, not an emoji, so it reads the same without emoji fonts.
    Gradio's sanitiser keeps ids and classes but drops ``data-*`` attributes: only those.
    """
    lang = answer.language
    cited = {c.n for c in answer.citations}

    def link(match: re.Match[str]) -> str:
        n = int(match.group(1))
        if n not in cited:
            return match.group(0)
        return f'<a class="cite" href="#{source_anchor(turn, n)}">[{n}]</a>'

    body = "<br>".join(_MARKER.sub(link, literal(line)) for line in answer.text.split("\n"))
    parts = [f'<div class="answer" lang="{lang}">']
    if answer.verdict:
        label = t(lang, f"verdict.label_{answer.verdict}")
        parts.append(
            f'<p><span class="verdict verdict-{answer.verdict}">'
            f"{literal(t(lang, 'ui.verdict_badge', label=label))}</span></p>"
        )
    parts.append(f"<p>{body}</p>")
    if note:
        parts.append(f'<p class="note">{literal(note)}</p>')
    parts.append("</div>")
    return "".join(parts)


def source_anchor(turn: int, n: int) -> str:
    return f"src-{turn}-{n}"


def sources_title(answer: Answer) -> str:
    """The heading of an answer's sources block, with their count."""
    return t(answer.language, "ui.sources_count", n=len(answer.citations))


def sources_html(
    answer: Answer, index: CorpusIndex, show_passages: bool = False, turn: int = 0
) -> str:
    """The cited sources of one answer: title, provenance, the quote in its paragraph."""
    lang = answer.language
    parts = []
    if not answer.citations:
        parts.append(f'<p class="no-sources">{literal(t(lang, "ui.no_sources"))}</p>')
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
        note_html = "".join(f'<p class="note">{literal(n)}</p>' for n in notes)
        where = t(lang, "ui.paragraph", n=citation.paragraph + 1)
        parts.append(
            f'<div class="source" id="{source_anchor(turn, citation.n)}">'
            f'<p class="source-title"><b>[{citation.n}] {literal(article.title)}</b></p>'
            f'<p class="where">{provenance_html(article, lang)} · {literal(where)}</p>'
            f'<blockquote lang="{citation.language}">'
            f"{highlighted(article, citation.paragraph, citation.start, citation.end)}"
            f"</blockquote>{note_html}</div>"
        )
    if answer.citations:
        parts.append(
            f'<p class="confidence">{literal(t(lang, "ui.confidence", value=answer.confidence))}'
            "</p>"
        )
        if answer.confidence < LOW_CONFIDENCE:
            parts.append(f'<p class="low">{literal(t(lang, "ui.low_confidence"))}</p>')
    parts.extend(f'<p class="note">{literal(note)}</p>' for note in answer.messages)
    if show_passages and answer.passages:
        rows = "".join(
            f"<li><b>{literal(p.title)}</b> · {literal(t(lang, 'ui.paragraph', n=p.paragraph + 1))}"
            f" · {literal(t(lang, 'ui.score', score=p.score, dense=p.dense))}"
            f"<br>{literal(p.text)}</li>"
            for p in answer.passages
        )
        parts.append(
            f'<details class="passages"><summary>{literal(t(lang, "ui.passages"))}'
            f"</summary><ol>{rows}</ol></details>"
        )
    return '<div class="sources">' + "".join(parts) + "</div>"


def provenance_html(article: Article, lang: str) -> str:
    """Where a source comes from: bundled, or added by whom and when; publisher, date, link."""
    bits = []
    if article.origin == "added":
        when = (article.added_at or "")[:10] or "?"
        who = article.added_by or t(lang, "ui.someone")
        bits.append(
            f'<span class="origin added">{literal(t(lang, "ui.added_by", who=who, when=when))}'
            "</span>"
        )
    else:
        bits.append(f'<span class="origin bundled">{literal(t(lang, "ui.bundled"))}</span>')
    if article.publisher:
        bits.append(literal(article.publisher))
    if article.published:
        bits.append(literal(t(lang, "ui.published", date=article.published)))
    if article.url and re.match(r"https?://", article.url):
        bits.append(
            f'<a href="{escape(article.url, quote=True)}" target="_blank" '
            f'rel="noopener noreferrer nofollow">{literal(t(lang, "ui.source_link"))}</a>'
        )
    return " · ".join(bits)


def highlighted(article: Article, paragraph: int, start: int, end: int) -> str:
    """The paragraph as literal text, with the quote inside ``<mark>``."""
    bounds = article.paragraphs[paragraph]
    text = article.text
    return (
        literal(text[bounds.start : start])
        + "<mark>"
        + literal(text[start:end])
        + "</mark>"
        + literal(text[end : bounds.end])
    )


def article_report(
    article: Article, lang: str, duplicate: bool = False, seconds: float | None = None
) -> str:
    """What adding an article did, as HTML: kept, dropped and why (or: already there)."""
    if duplicate:
        return f'<p class="report">{literal(t(lang, "ui.duplicate", title=article.title))}</p>'
    added = t(
        lang,
        "ui.added",
        title=article.title,
        lang_name=t(lang, f"language.{article.language}"),
        chars=len(article.text),
    )
    lines = [f"<p>{literal(added)}</p>"]
    if seconds is not None:
        lines.append(f"<p>{literal(t(lang, 'ui.took', seconds=seconds))}</p>")
    if article.dropped:
        lines.append(f"<p>{literal(t(lang, 'ui.dropped', n=len(article.dropped)))}</p><ul>")
        lines += [
            f"<li>{literal(d.reason)} : {literal(' '.join(d.text.split())[:160])}</li>"
            for d in article.dropped
        ]
        lines.append("</ul>")
    else:
        lines.append(f"<p>{literal(t(lang, 'ui.nothing_dropped'))}</p>")
    return '<div class="report">' + "".join(lines) + "</div>"


def corpus_html(articles: list[Article], lang: str) -> str:
    """The corpus as a table: each article with its provenance, language and size."""
    rows = "".join(
        f"<tr><td>{literal(a.title)}</td>"
        f"<td>{provenance_html(a, lang)}</td><td>{literal(a.id)}</td>"
        f"<td>{len(a.text):,}</td></tr>"
        for a in articles
    )
    head = "".join(f"<th>{literal(h)}</th>" for h in t(lang, "ui.corpus_columns").split("|"))
    return f'<table class="corpus"><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>'
