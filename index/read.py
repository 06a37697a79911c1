"""Reading article files (plain text, Markdown, HTML) into blocks of text, refusing bad files.

Every refusal is an ``ArticleError`` whose message names the file and what to do, raised before
anything is written, so a bad upload never touches the corpus or the index.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from index.documents import Unit
from index.errors import ArticleError
from index.settings import MAX_ARTICLE_BYTES

TEXT_SUFFIXES = {".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown"}
HTML_SUFFIXES = {".html": "html", ".htm": "html"}
SUFFIXES = {**TEXT_SUFFIXES, **HTML_SUFFIXES}

_BULLET = re.compile(r"^\s*(?:[•·▪◦‣●○■□➢➤►–—*+-]|\d{1,2}[.)])\s+")

# Elements whose content is never article text (and never runs: we only keep text).
_NOT_TEXT = (
    "script style noscript iframe object embed svg canvas template form button input select "
    "textarea nav header footer aside menu dialog video audio picture source"
).split()
_BLOCKS = "h1 h2 h3 h4 h5 h6 p li blockquote pre figcaption dt dd td th caption address".split()


@dataclass
class Source:
    """What a file holds before cleaning."""

    units: list[Unit]
    title: str | None = None
    published: str | None = None
    metadata: dict[str, str] = field(default_factory=dict)
    publisher: str | None = None  # an HTML page's og:site_name
    url: str | None = None  # an HTML page's canonical address (http or https only)


def read_source(path: Path, max_bytes: int = MAX_ARTICLE_BYTES, metadata: bool = True) -> Source:
    """Read an article file into units, or raise ``ArticleError`` saying why it cannot be used.

    ``metadata=False`` ignores any sidecar: an upload's folder is not ours (Gradio's cache puts
    files with the same bytes side by side), so nothing beside an uploaded file is read.
    """
    path = Path(path)
    fmt = SUFFIXES.get(path.suffix.lower())
    if fmt is None:
        allowed = ", ".join(sorted(SUFFIXES))
        raise ArticleError(f"{path.name}: unsupported file type {path.suffix!r} (use {allowed}).")
    if not path.is_file():
        raise ArticleError(f"{path.name}: no such file.")
    size = path.stat().st_size
    if size == 0:
        raise ArticleError(f"{path.name}: the file is empty.")
    if size > max_bytes:
        raise ArticleError(
            f"{path.name}: {size:,} bytes is too large for an article (limit {max_bytes:,} bytes)."
        )
    text = decode(path.read_bytes(), path.name)
    if fmt == "html":
        source = parse_html(text)
    elif fmt == "markdown":
        from markdown_it import MarkdownIt

        source = parse_html(MarkdownIt().render(text))
    else:
        source = Source(units=parse_text(text))
    if not any(unit.text.strip() for unit in source.units):
        raise ArticleError(f"{path.name}: no readable text was found in the file.")
    source.metadata = read_sidecar(path) if metadata else {}
    return source


def decode(data: bytes, name: str) -> str:
    """Bytes to text: UTF-8 first, then a detected legacy encoding; binary files are refused."""
    if b"\x00" in data[:8192]:
        raise ArticleError(f"{name}: this looks like a binary file, not a text article.")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
        if best is None or best.encoding is None:
            raise ArticleError(
                f"{name}: the text encoding could not be recognised; save it as UTF-8."
            ) from None
        text = str(best)
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    controls = sum(1 for ch in text if unicodedata.category(ch) == "Cc" and ch not in "\n\t")
    if controls > max(5, len(text) // 100):
        raise ArticleError(f"{name}: this looks like a binary file, not a text article.")
    # Keep offsets meaningful: drop stray control characters other than line breaks and tabs.
    return "".join(ch for ch in text if ch in "\n\t" or unicodedata.category(ch) != "Cc")


def parse_text(text: str) -> list[Unit]:
    """Blocks separated by blank lines; lines starting with a bullet become list items."""
    units: list[Unit] = []
    for block in re.split(r"\n\s*\n", text):
        lines = [line for line in block.split("\n") if line.strip()]
        if not lines:
            continue
        if not any(_BULLET.match(line) for line in lines):
            units.append(Unit("\n".join(line.strip() for line in lines), "text"))
            continue
        item: list[str] = []
        for line in lines:
            if _BULLET.match(line) and item:
                units.append(_unit_of(item))
                item = []
            item.append(line.strip())
        units.append(_unit_of(item))
    return units


def _unit_of(lines: list[str]) -> Unit:
    return Unit("\n".join(lines), "list_item" if _BULLET.match(lines[0]) else "text")


def parse_html(html: str) -> Source:
    """HTML to units: scripts, styles, navigation and forms dropped, one unit per text block.

    lxml directly, not BeautifulSoup: a 2 MB page of markup took ~15 s to read through bs4 on
    two busy cores, and under a second this way (the upload limit rests on it).
    """
    import lxml.etree
    import lxml.html

    try:
        doc = lxml.html.document_fromstring(html)
    except (lxml.etree.ParserError, ValueError):  # nothing parseable: no readable text
        return Source(units=[])
    for node in list(doc.iter(lxml.etree.Comment, lxml.etree.ProcessingInstruction)):
        node.drop_tree()
    title = _meta(doc, "og:title") or _first_text(doc, "//h1") or _first_text(doc, "//title")
    published = (
        _meta(doc, "article:published_time")
        or _meta(doc, "date")
        or _meta(doc, "pubdate")
        or next(iter(doc.xpath("//time[@datetime]/@datetime")), None)
    )
    publisher = _meta(doc, "og:site_name")
    url = _meta(doc, "og:url") or next(iter(doc.xpath("//link[@rel='canonical']/@href")), None)
    url = url.strip() if url and _URL.match(url.strip()) and len(url) <= 2000 else None
    for element in list(doc.iter(*_NOT_TEXT)):
        element.drop_tree()
    bodies = doc.xpath("//body")
    body = bodies[0] if bodies else doc
    units = []
    for element in body.iter(*_BLOCKS):
        if next(element.iterdescendants(*_BLOCKS), None) is not None:
            continue  # a container of other blocks: its children are read instead
        text = _text_of(element)
        if not text:
            continue
        name = element.tag
        kind = {"li": "list_item", "figcaption": "caption", "h1": "title"}.get(name, "text")
        if name in ("h2", "h3", "h4", "h5", "h6"):
            kind = "heading"
        units.append(Unit(f"• {text}" if kind == "list_item" else text, kind))
    if not units:
        units = parse_text("\n".join(body.itertext()))
    return Source(units=units, title=title or None, published=published,
                  publisher=publisher[:200] if publisher else None, url=url)  # fmt: skip


def _text_of(element) -> str:
    if element is None:
        return ""
    return re.sub(r"\s+", " ", " ".join(element.itertext())).strip()


def _first_text(doc, path: str) -> str:
    found = doc.xpath(path)
    return _text_of(found[0]) if found else ""


def _meta(doc, name: str) -> str | None:
    for attribute in ("property", "name"):
        for content in doc.xpath(f"//meta[@{attribute}=$name]/@content", name=name):
            if content.strip():
                return content.strip()
    return None


# What a sidecar may say, each value checked: a sidecar names nothing on disk and cannot
# make an article claim another article's id.
_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
_URL = re.compile(r"^https?://[^\s<>\"']+$")
_INSTANT = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")
_CHECKS = {
    "id": lambda v: bool(_ID.match(v)) and len(v) <= 80,
    "language": lambda v: v in ("fr", "en"),
    "published": lambda v: bool(_DATE.match(v)),
    "url": lambda v: bool(_URL.match(v)) and len(v) <= 2000,
    "origin": lambda v: v in ("bundled", "added"),
    "added_at": lambda v: bool(_INSTANT.match(v)),
    "sha256": lambda v: bool(re.fullmatch(r"[0-9a-f]{64}", v)),
}
_FREE_TEXT = {"title": 300, "publisher": 200, "added_by": 200, "original_name": 300}
METADATA_KEYS = frozenset(_CHECKS) | frozenset(_FREE_TEXT)


def read_sidecar(path: Path) -> dict[str, str]:
    """Optional ``<article>.meta.json`` beside a corpus file: title, language, published, …

    Every known key is checked (an id is a slug, a language is fr or en, a date is a date);
    a bad value refuses the article with a message naming the key. Unknown keys (notes for
    people, such as ``published_note``) are ignored.
    """
    sidecar = path.with_name(path.stem + ".meta.json")
    if not sidecar.is_file():
        return {}
    try:
        data = json.loads(sidecar.read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise ArticleError(f"{sidecar.name}: metadata is not valid JSON ({err}).") from err
    if not isinstance(data, dict):
        raise ArticleError(f"{sidecar.name}: metadata must be a JSON object.")
    metadata: dict[str, str] = {}
    for key, value in data.items():
        if key not in METADATA_KEYS or value is None:
            continue
        if not isinstance(value, str):
            raise ArticleError(f"{sidecar.name}: {key!r} must be a string.")
        check = _CHECKS.get(key)
        if check is not None and not check(value):
            raise ArticleError(f"{sidecar.name}: {key!r} has an unusable value {value[:80]!r}.")
        if key in _FREE_TEXT:
            value = " ".join(value.split())[: _FREE_TEXT[key]]
        metadata[key] = value
    return metadata
