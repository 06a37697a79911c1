"""Cleaning: keep the article, drop the page around it, and say what was dropped and why.

The rules are about kinds of clutter, not about particular sites: navigation and breadcrumb
lines that repeat the title cut short, photo credits and captions, tag and share lines, and
lists that do not talk about the article (shop ads, "related products") — found by how little
vocabulary they share with the article body, helped by shop markers such as prices and sizes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from index.analysis import content_terms
from index.documents import Dropped, Paragraph, Unit
from index.instructions import REASON as ADDRESSED_TO_MODEL
from index.instructions import model_addressed_sentences

# Short lines that are page furniture, by what they start with.
_CREDIT = re.compile(
    r"^\s*(?:©|\(c\)|cr[ée]dits?(?:\s+photos?)?\s*:|photos?\s*:|image\s*:|illustration\s*:"
    r"|source\s+(?:photo|image)\s*:|(?:photo|image)\s+credit\s*:)",
    re.IGNORECASE,
)
_TAGS = re.compile(
    r"^\s*(?:mots[- ]cl[ée]s|tags?|[ée]tiquettes|keywords|sujets|topics|th[èe]mes)\b\s*:?",
    re.IGNORECASE,
)
_FURNITURE = re.compile(
    r"^\s*(?:partager|share(?: this)?|tweet(?:er)?|imprimer|print|lire aussi|à lire aussi"
    r"|a lire aussi|read (?:also|more)|related(?: articles)?|sur le même sujet|abonnez-vous"
    r"|subscribe|newsletter|publicité|advertisement|sponsoris[ée]|sponsored|commentaires"
    r"|comments|suivez-nous|follow us|you may also like|vous aimerez aussi|à découvrir aussi"
    r"|nos offres|shop now|recommended for you|recommandé pour vous)\b",
    re.IGNORECASE,
)
_NAVIGATION = re.compile(r"^\s*(?:accueil|home|actualités|news)\b", re.IGNORECASE)
_ELLIPSIS = re.compile(r"(?:\.\.\.|…)\s*$")
_SHOP = re.compile(
    r"\d+(?:[.,]\d+)?\s*(?:€|eur\b|\$|£|cm\b|mm\b|ml\b|kg\b)|[€$£]\s*\d|\b(?:taille|size|couleur"
    r"|colou?r|prix|price|livraison|shipping|en stock|in stock|promo|soldes|acheter|buy now"
    r"|ajouter au panier|add to cart|réf\.?|ref\.?)\b",
    re.IGNORECASE,
)

# A list item sharing less than this share of its words with the article is off-topic; with
# shop markers the bar is higher. Measured on articles: real lists share 40 % or more.
OFF_TOPIC_OVERLAP = 0.2
SHOP_OVERLAP = 0.35
FURNITURE_MAX_CHARS = 160


@dataclass
class Cleaned:
    title: str
    text: str
    paragraphs: list[Paragraph]
    dropped: list[Dropped]


def clean(units: Iterable[Unit], title_hint: str | None = None, lang: str = "fr") -> Cleaned:
    """Cleaned text, its paragraphs, and the list of what was dropped with the reason."""
    units = [Unit(u.text.strip(), u.kind) for u in units if u.text.strip()]
    dropped: list[Dropped] = []
    kept: list[Unit] = []
    for i, unit in enumerate(units):
        reason = _furniture_reason(unit, units[:i] + units[i + 1 :], first=not kept)
        if reason:
            dropped.append(Dropped(unit.text, reason))
            continue
        unit = _without_model_addressed(unit, dropped)
        if unit is not None:
            kept.append(unit)
    kept = _drop_off_topic_lists(kept, dropped, lang)
    kept = _mark_title_and_headings(kept, title_hint)
    title = next((u.text for u in kept if u.kind == "title"), title_hint or "")

    parts: list[str] = []
    paragraphs: list[Paragraph] = []
    offset = 0
    for unit in kept:
        if parts:
            offset += 2  # the "\n\n" between paragraphs
        parts.append(unit.text)
        kind = {"text": "body", "list_item": "list"}.get(unit.kind, unit.kind)
        paragraphs.append(Paragraph(offset, offset + len(unit.text), kind))
        offset += len(unit.text)
    return Cleaned(title=title, text="\n\n".join(parts), paragraphs=paragraphs, dropped=dropped)


def _without_model_addressed(unit: Unit, dropped: list[Dropped]) -> Unit | None:
    """The unit minus its sentences that speak to a language model (never evidence)."""
    spans = model_addressed_sentences(unit.text)
    if not spans:
        return unit
    text = unit.text
    dropped.extend(Dropped(text[start:end], ADDRESSED_TO_MODEL) for start, end in spans)
    for start, end in reversed(spans):
        text = text[:start] + text[end:]
    text = re.sub(r"[ \t]{2,}", " ", re.sub(r" *\n *", "\n", text)).strip()
    return Unit(text, unit.kind) if re.search(r"\w", text) else None


def _furniture_reason(unit: Unit, others: list[Unit], first: bool) -> str | None:
    text = unit.text
    short = len(text) <= FURNITURE_MAX_CHARS
    if unit.kind == "caption":
        return "photo caption"
    if short and _CREDIT.match(text):
        return "photo or image credit"
    if short and _TAGS.match(text):
        return "tag line"
    if short and _FURNITURE.match(text):
        return "share, subscription or related-links line"
    if _ELLIPSIS.search(text) and _is_truncated_copy(text, others):
        return "breadcrumb or teaser: a truncated copy of another line"
    if (
        first
        and short
        and _NAVIGATION.match(text)
        and (_ELLIPSIS.search(text) or re.search(r"[›>»/|]", text))
    ):
        return "site navigation (breadcrumb)"
    return None


def _is_truncated_copy(text: str, others: list[Unit]) -> bool:
    """True when the line, cut at its ellipsis, ends with the opening words of another line."""
    head = _ELLIPSIS.sub("", text).split()
    for other in others:
        words = other.text.split()
        for i in range(len(head)):
            tail = head[i:]
            if len(tail) >= 4 and words[: len(tail)] == tail:
                return True
    return False


def _drop_off_topic_lists(units: list[Unit], dropped: list[Dropped], lang: str) -> list[Unit]:
    """Drop runs of list items that mostly do not talk about the article (ads, product lists)."""
    body = {
        term
        for unit in units
        if unit.kind != "list_item"
        for term in content_terms(unit.text, lang)
        if not term[0].isdigit()
    }
    kept: list[Unit] = []
    run: list[Unit] = []
    for unit in [*units, Unit("", "end")]:
        if unit.kind == "list_item":
            run.append(unit)
            continue
        if run:
            verdicts = [
                _off_topic_reason(item.text, reference, lang)
                for item, reference in zip(run, _references(body, run, lang), strict=True)
            ]
            if sum(v is not None for v in verdicts) * 2 >= len(run):
                if kept and kept[-1].kind != "title" and _looks_like_heading(kept[-1].text, 8):
                    label = kept.pop()  # "You may also like", "Nos offres": the list's label
                    dropped.append(Dropped(label.text, "label of an advertising or unrelated list"))
                dropped.extend(
                    Dropped(item.text, v or "part of an off-topic list")
                    for item, v in zip(run, verdicts, strict=True)
                )
            else:
                kept.extend(run)
            run = []
        if unit.kind != "end":
            kept.append(unit)
    return kept


def _references(body: set[str], run: list[Unit], lang: str) -> list[set[str]]:
    """What each list item is compared with: the article's prose, or, when the list holds more
    of the page's words than the prose does (a numbered "what we know" article after a
    one-line lead), the prose and the list's other items. A list that is the article talks
    about itself; ads, even after a short brief, each sell something else."""
    terms = [{t for t in content_terms(item.text, lang) if not t[0].isdigit()} for item in run]
    if len(set().union(*terms)) <= len(body):
        return [body] * len(run)
    return [
        body.union(*(other for j, other in enumerate(terms) if j != i)) for i in range(len(run))
    ]


def _off_topic_reason(text: str, body: set[str], lang: str) -> str | None:
    terms = [t for t in content_terms(text, lang) if not t[0].isdigit()]
    if not terms:
        return "list item without words"
    overlap = sum(t in body for t in terms) / len(terms)
    shop = _SHOP.search(text)
    if overlap < OFF_TOPIC_OVERLAP or (shop and overlap < SHOP_OVERLAP):
        marker = f", shop marker {shop.group().strip()!r}" if shop else ""
        share = f"{overlap:.0%} of its words in the article"
        return f"advertising or unrelated list item ({share}{marker})"
    return None


def _mark_title_and_headings(units: list[Unit], title_hint: str | None) -> list[Unit]:
    """The first short line is the title unless one was given; short lines between paragraphs
    with no closing punctuation are subheadings."""
    marked = list(units)
    has_title = any(u.kind == "title" for u in marked)
    first_is_title = marked and _looks_like_heading(marked[0].text, max_words=40)
    if first_is_title and not has_title and title_hint in (None, marked[0].text):
        marked[0] = Unit(marked[0].text, "title")
    for i, unit in enumerate(marked):
        followed_by_paragraph = i + 1 < len(marked) and len(marked[i + 1].text) > 2 * len(unit.text)
        if unit.kind == "text" and followed_by_paragraph and _looks_like_heading(unit.text, 14):
            marked[i] = Unit(unit.text, "heading")
    return marked


def _looks_like_heading(text: str, max_words: int) -> bool:
    words = text.split()
    return 2 <= len(words) <= max_words and "\n" not in text and not re.search(r"[.!?:;]$", text)
