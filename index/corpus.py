"""The corpus as a whole: which article files there are, building the index and adding to it.

Vectors are reused by text hash, so adding an article (or rebuilding after a change) embeds
only the passages that are new. Builds hold a file lock, so the app and the CLI can add
articles at the same time without losing one.

Names on disk come only from here: an added article is stored as ``<slug>.<suffix>`` in the
user's folder, with a sidecar this module writes (who added it, when, its hash). Nothing an
uploader sends names a file, and every write checks that it lands inside its folder.
"""

from __future__ import annotations

import getpass
import hashlib
import json
import logging
import re
import sys
import time
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import faiss
import numpy as np
from filelock import FileLock, Timeout

from index import store
from index.chunk import segment_and_chunk
from index.clean import clean
from index.dates import latest_date
from index.documents import Article
from index.embed import VectorEmbeddings, shared_embedder
from index.errors import ArticleError, IndexError_, IndexMissingError
from index.language import detect_language
from index.read import METADATA_KEYS, SUFFIXES, read_source
from index.sentence_analysis import signature as analysis_signature
from index.settings import Settings, load_settings

log = logging.getLogger(__name__)

# Bump when cleaning, segmentation or chunking changes, so existing indexes are rebuilt.
# 2: sentences addressed to a language model are dropped; provenance fields.
PIPELINE_VERSION = "2"

# An upload through the app may keep at most this much text after cleaning: embedding is
# ~15-40 sentences a second on two busy cores, so this keeps an upload under ~30 s (bench/
# upload.py). A long feature article is 20,000-30,000 characters; larger files go through
# ``python -m index add``, which has no limit.
MAX_UPLOAD_CHARS = 25_000

Progress = Callable[[float, str], None]


def article_files(settings: Settings) -> list[Path]:
    """Article files of the bundled corpus and of the user's folder, in a stable order."""
    files = []
    for directory in settings.article_dirs:
        if directory.is_dir():
            files.extend(
                p
                for p in sorted(directory.iterdir())
                if p.is_file() and p.suffix.lower() in SUFFIXES and not p.name.startswith(".")
            )
    return files


def corpus_checksum(files: Iterable[Path], embedder: str) -> str:
    """Changes when any article file, its metadata, the pipeline or the embedder changes."""
    digest = hashlib.sha256(f"{PIPELINE_VERSION}|{analysis_signature()}|{embedder}".encode())
    for path in files:
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
        sidecar = path.with_name(path.stem + ".meta.json")
        if sidecar.is_file():
            digest.update(sidecar.read_bytes())
    return digest.hexdigest()


def article_id(path: Path) -> str:
    """A stable, URL-safe id from the file name: "Parler accusé.txt" -> "parler-accuse".

    Names that are not in Latin script ("日本語.txt") keep a short hash of the name, so two of
    them do not collide as "article".
    """
    stem = path.stem
    ascii_name = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")[:60].strip("-")
    lost = sum(ch.isalnum() for ch in stem) - sum(ch.isalnum() for ch in ascii_name)
    if not slug or lost > 0:
        tag = hashlib.sha256(stem.encode("utf-8")).hexdigest()[:8]
        slug = f"{slug}-{tag}" if slug else f"article-{tag}"
    return slug


def load_article(
    path: Path, metadata: bool = True, origin: str = "bundled", max_chars: int | None = None
) -> Article:
    """Read and clean one article file; ``ArticleError`` if it cannot be used.

    ``metadata=False`` (uploads) reads no sidecar: the id then always comes from the name.
    ``max_chars`` refuses an article with more text than that after cleaning, and, before
    cleaning (which takes seconds on megabytes), one with four times as much.
    """
    source = read_source(path, metadata=metadata)
    if max_chars is not None:
        _check_length(path, sum(len(u.text) for u in source.units), 4 * max_chars, max_chars)
    meta = source.metadata
    probe = "\n".join(u.text for u in source.units)
    language = meta.get("language") or detect_language(probe, default="fr")
    if language not in ("fr", "en"):
        language = "fr"
    title_hint = meta.get("title") or source.title
    cleaned = clean(source.units, title_hint=title_hint, lang=language)
    if not cleaned.paragraphs or len(cleaned.text.split()) < 5:
        raise ArticleError(f"{path.name}: after cleaning, no article text is left.")
    title = meta.get("title") or cleaned.title or path.stem
    if max_chars is not None:
        _check_length(path, len(cleaned.text), max_chars, max_chars)
    return Article(
        id=meta.get("id") or article_id(path),
        title=title,
        language=language,
        published=meta.get("published") or _date_of(source.published) or latest_date(cleaned.text),
        source=path.name,
        text=cleaned.text,
        paragraphs=cleaned.paragraphs,
        dropped=cleaned.dropped,
        origin=meta.get("origin", origin),
        added_by=meta.get("added_by"),
        added_at=meta.get("added_at"),
        publisher=meta.get("publisher") or source.publisher,
        url=meta.get("url") or source.url,
    )


def _check_length(path: Path, chars: int, limit: int, allowed: int) -> None:
    if chars > limit:
        raise ArticleError(
            f"{path.name}: {chars:,} characters of text; the app indexes at most "
            f"{allowed:,} at a time. Split the article, or add it from the command "
            f"line (python -m index add)."
        )


def _load_corpus_file(path: Path, settings: Settings) -> Article:
    origin = "added" if path.parent == settings.user_dir else "bundled"
    return load_article(path, origin=origin)


def _date_of(value: str | None) -> str | None:
    match = re.match(r"\d{4}-\d{2}(?:-\d{2})?", value or "")
    return match.group() if match else None


def build(
    articles: list[Article],
    embedder: VectorEmbeddings,
    checksum: str,
    cache: dict[str, np.ndarray] | None = None,
    progress: bool = True,
    on_progress: Progress | None = None,
) -> store.CorpusIndex:
    """Segment, chunk and embed ``articles`` (reusing cached vectors) into an in-memory index."""
    sentences, chunks, sentence_texts = segment_and_chunk(articles, embedder.count_tokens)
    chunk_texts = [c.text for c in chunks]
    vectors = _embed_with_cache(
        chunk_texts + sentence_texts, embedder, cache or {}, progress, on_progress
    )
    sentence_index = faiss.IndexFlatIP(embedder.dimension)
    if sentences:
        sentence_index.add(vectors[len(chunks) :])
    return store.CorpusIndex(
        embedder=embedder.name,
        dimension=embedder.dimension,
        corpus_checksum=checksum,
        articles={a.id: a for a in articles},
        sentences=sentences,
        chunks=chunks,
        chunk_vectors=store.vector_index(vectors[: len(chunks)].reshape(-1, embedder.dimension)),
        sentence_vectors=sentence_index,
    )


def _embed_with_cache(
    texts: list[str],
    embedder: VectorEmbeddings,
    cache: dict[str, np.ndarray],
    progress: bool,
    on_progress: Progress | None = None,
) -> np.ndarray:
    hashes = [store.text_hash(t) for t in texts]
    missing = list(dict.fromkeys(t for t, h in zip(texts, hashes, strict=True) if h not in cache))
    if missing:
        log.info("embedding %d new passages (%d reused)", len(missing), len(texts) - len(missing))
        size = 16 if on_progress else 64  # smaller batches: the uploader sees progress move
        batches = range(0, len(missing), size)
        if progress:
            from tqdm import tqdm

            batches = tqdm(batches, desc="Embedding", unit="batch", file=sys.stderr)
        for i in batches:
            if on_progress:
                on_progress(i / len(missing), f"{i}/{len(missing)}")
            batch = missing[i : i + size]
            for text, vector in zip(batch, embedder.embed_passages(batch), strict=True):
                cache[store.text_hash(text)] = vector
    if not texts:
        return np.zeros((0, embedder.dimension), dtype=np.float32)
    return np.vstack([cache[h] for h in hashes]).astype(np.float32)


@dataclass
class IndexStatus:
    """What ``ensure_index`` found and did, for the user to read."""

    action: str  # "loaded" | "built" | "rebuilt"
    reason: str
    index: store.CorpusIndex


def _lock(settings: Settings, timeout: float = 600) -> FileLock:
    settings.index_dir.mkdir(parents=True, exist_ok=True)
    return FileLock(str(settings.index_dir / ".lock"), timeout=timeout)


def ensure_index(
    settings: Settings | None = None, progress: bool = True, on_progress: Progress | None = None
) -> IndexStatus:
    """Load the index, rebuilding it first if it is missing, corrupt or out of date."""
    settings = settings or load_settings()
    with _lock(settings):
        return _ensure_locked(settings, progress, on_progress)


def try_ensure_index(settings: Settings | None = None) -> IndexStatus | None:
    """Like ``ensure_index``, but None at once when another build holds the lock.

    Answering uses this: while an article is being indexed, questions keep the last complete
    index instead of waiting for the build.
    """
    settings = settings or load_settings()
    try:
        with _lock(settings, timeout=0):
            return _ensure_locked(settings, progress=False, on_progress=None)
    except Timeout:
        return None


def _ensure_locked(
    settings: Settings,
    progress: bool,
    on_progress: Progress | None,
    fresh: dict[str, Article] | None = None,
) -> IndexStatus:
    """``ensure_index`` under the lock. ``fresh`` holds articles just read, by file name."""
    embedder = shared_embedder(settings.embedder)
    files = article_files(settings)
    checksum = corpus_checksum(files, embedder.name)
    previous: store.CorpusIndex | None = None
    action = "rebuilt"
    try:
        previous = store.load(settings.index_dir)
    except IndexMissingError:
        action, reason = "built", "first start: there was no index yet"
    except IndexError_ as err:
        reason = str(err)
    else:
        if previous.corpus_checksum == checksum:
            return IndexStatus("loaded", "up to date", previous)
        reason = "the corpus, the pipeline or the embedder changed since it was built"
    articles, digests = _current_articles(files, settings, previous, fresh or {})
    _check_unique_ids(articles)
    cache = previous.cached_vectors() if previous and previous.embedder == embedder.name else {}
    index = build(articles, embedder, checksum, cache, progress, on_progress)
    index.extra["files"] = digests
    store.save(index, settings.index_dir)
    # Normal progress, not a problem: said at INFO; a damaged index is worth a warning.
    level = logging.WARNING if previous is None and action == "rebuilt" else logging.INFO
    log.log(level, "index %s (%d articles): %s", action, len(articles), reason)
    return IndexStatus(action, reason, index)


def _current_articles(
    files: list[Path],
    settings: Settings,
    previous: store.CorpusIndex | None,
    fresh: dict[str, Article],
) -> tuple[list[Article], dict[str, dict[str, str]]]:
    """The corpus's articles, re-reading only files that changed since the last build.

    Reading and cleaning is the slow part of a build for large HTML pages; an upload should
    cost the upload, not the whole corpus again. The previous index records each file's
    SHA-256 (with its sidecar's) and the pipeline version that read it.
    """
    known = previous.extra.get("files", {}) if previous else {}
    articles, digests = [], {}
    for path in files:
        origin = "added" if path.parent == settings.user_dir else "bundled"
        key = f"{origin}/{path.name}"
        digest = _file_digest(path)
        seen = known.get(key) if isinstance(known, dict) else None
        if path.parent == settings.user_dir and path.name in fresh:
            article = fresh[path.name]
        elif (
            isinstance(seen, dict)
            and seen.get("sha256") == digest
            and seen.get("pipeline") == PIPELINE_VERSION
            and seen.get("id") in previous.articles
        ):
            article = previous.articles[seen["id"]]
        else:
            article = _load_corpus_file(path, settings)
        articles.append(article)
        digests[key] = {"sha256": digest, "pipeline": PIPELINE_VERSION, "id": article.id}
    return articles, digests


def _file_digest(path: Path) -> str:
    digest = hashlib.sha256(path.read_bytes())
    sidecar = path.with_name(path.stem + ".meta.json")
    if sidecar.is_file():
        digest.update(b"\0" + sidecar.read_bytes())
    return digest.hexdigest()


def rebuild(settings: Settings | None = None, progress: bool = True) -> store.CorpusIndex:
    """Build from scratch, reusing no vectors (``python -m index build``)."""
    settings = settings or load_settings()
    embedder = shared_embedder(settings.embedder)
    with _lock(settings):
        files = article_files(settings)
        articles = [_load_corpus_file(p, settings) for p in files]
        _check_unique_ids(articles)
        index = build(articles, embedder, corpus_checksum(files, embedder.name), None, progress)
        store.save(index, settings.index_dir)
        return index


class DuplicateArticleError(ArticleError):
    """The same article text is already in the corpus (under ``existing_id``)."""

    def __init__(self, message: str, existing_id: str) -> None:
        super().__init__(message)
        self.existing_id = existing_id


def add_articles(
    paths: Iterable[Path],
    settings: Settings | None = None,
    progress: bool = True,
    added_by: str | None = None,
) -> tuple[list[Article], store.CorpusIndex]:
    """Validate every file, copy them into the user's folder, and update the index.

    All files are read and cleaned before anything is written: one bad file refuses the whole
    call and leaves the corpus and the index exactly as they were. A file whose text is
    already in the corpus under another name is refused (it would be cited twice); the same
    file added again is accepted and changes nothing. Sidecars beside these files are read,
    checked, and their fields kept in the sidecar stored with the copy.
    """
    settings = settings or load_settings()
    paths = [Path(p) for p in paths]
    new = [load_article(p, origin="added") for p in paths]
    who = added_by or f"{getpass.getuser()} (command line)"
    with _lock(settings):
        existing = {article_id(p): p for p in article_files(settings)}
        texts = _texts_in_corpus(settings)
        for path, article in zip(paths, new, strict=True):
            if article.id in existing and existing[article.id].read_bytes() != path.read_bytes():
                raise ArticleError(
                    f"{path.name}: an article with id {article.id!r} is already in the corpus "
                    f"({existing[article.id].name}); rename the file to add it as a new article."
                )
            same = texts.get(store.text_hash(article.text))
            if same is not None and same != article.id:
                raise DuplicateArticleError(
                    f"{path.name}: the same text is already in the corpus as {same!r}.", same
                )
        _check_unique_ids(new)
        for path, article in zip(paths, new, strict=True):
            if article.id not in existing:
                _store_copy(path, article, settings, who)
    return new, ensure_index(settings, progress).index


@dataclass
class Upload:
    """What adding one uploaded file did: the article, or the one it duplicates."""

    article: Article
    index: store.CorpusIndex
    duplicate_of: str | None = None  # the id already holding the same text
    seconds: float = 0.0


def add_upload(
    path: Path,
    added_by: str,
    settings: Settings | None = None,
    on_progress: Progress | None = None,
    max_chars: int = MAX_UPLOAD_CHARS,
    on_indexed: Callable[[store.CorpusIndex], object] | None = None,
) -> Upload:
    """Add one file that arrived through the app: no sidecar read, the name chosen here.

    The same text already in the corpus is not added again (``duplicate_of`` says where it
    is); a name already taken gets a numbered suffix. Only the new passages are embedded.
    ``on_indexed`` receives the new index before the lock is released (the app swaps its
    answering engine there, so that no question has to load the index itself).
    """
    started = time.perf_counter()
    settings = settings or load_settings()
    path = Path(path)
    article = load_article(path, metadata=False, origin="added", max_chars=max_chars)
    with _lock(settings):
        texts = _texts_in_corpus(settings)
        same = texts.get(store.text_hash(article.text))
        if same is not None:
            index = _ensure_locked(settings, progress=False, on_progress=None).index
            known = index.articles.get(same, article)
            return Upload(known, index, same, time.perf_counter() - started)
        taken = {article_id(p) for p in article_files(settings)}
        base, n = article.id, 2
        while article.id in taken:
            article.id, n = f"{base}-{n}", n + 1
        _store_copy(path, article, settings, added_by)
        fresh = {article.source: article}
        status = _ensure_locked(settings, progress=False, on_progress=on_progress, fresh=fresh)
        if on_indexed is not None:
            on_indexed(status.index)  # still under the lock: no question reloads it meanwhile
    stored = status.index.articles.get(article.id, article)
    return Upload(stored, status.index, None, time.perf_counter() - started)


def remove_article(doc_id: str, settings: Settings | None = None) -> store.CorpusIndex:
    """Remove an added article (its file and sidecar) and update the index.

    Bundled articles are refused: they are part of the tool (delete them from the corpus folder
    by hand if you mean it).
    """
    settings = settings or load_settings()
    with _lock(settings):
        for path in article_files(settings):
            if article_id(path) != doc_id and path.stem != doc_id:
                continue
            if path.parent != settings.user_dir:
                raise ArticleError(
                    f"{doc_id!r} is a bundled article; only added ones can be removed."
                )
            sidecar = path.with_name(path.stem + ".meta.json")
            for target in (path, sidecar):
                _check_inside(target, settings.user_dir)
                target.unlink(missing_ok=True)
            return _ensure_locked(settings, progress=False, on_progress=None).index
    raise ArticleError(f"No added article has the id {doc_id!r}.")


def list_articles(settings: Settings | None = None) -> list[Article]:
    """Every article of the index, bundled ones first, then added ones by date added."""
    index = ensure_index(settings, progress=False).index
    return sorted(
        index.articles.values(), key=lambda a: (a.origin != "bundled", a.added_at or "", a.id)
    )


def _texts_in_corpus(settings: Settings) -> dict[str, str]:
    """Hash of each article's cleaned text -> its id (from the index when it is current)."""
    try:
        articles = store.load(settings.index_dir).articles.values()
    except IndexError_:
        articles = [_load_corpus_file(p, settings) for p in article_files(settings)]
    return {store.text_hash(a.text): a.id for a in articles}


def _store_copy(path: Path, article: Article, settings: Settings, added_by: str) -> None:
    """Copy the file into the user's folder as ``<id><suffix>``, with a provenance sidecar."""
    settings.user_dir.mkdir(parents=True, exist_ok=True)
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES or not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", article.id):
        raise ArticleError(f"{path.name}: unusable article name {article.id!r}.")
    target = settings.user_dir / f"{article.id}{suffix}"
    sidecar = settings.user_dir / f"{article.id}.meta.json"
    data = path.read_bytes()
    meta = {
        key: value
        for key, value in {
            "title": article.title,
            "language": article.language,
            "published": article.published,
            "publisher": article.publisher,
            "url": article.url,
        }.items()
        if value
    }
    meta |= {
        "origin": "added",
        "added_by": " ".join(added_by.split())[:200],
        "added_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "original_name": " ".join(path.name.split())[:300],
        "sha256": hashlib.sha256(data).hexdigest(),
    }
    assert set(meta) <= METADATA_KEYS
    sidecar_bytes = json.dumps(meta, ensure_ascii=False, indent=2).encode("utf-8")
    _write_inside(sidecar, sidecar_bytes, settings.user_dir)
    _write_inside(target, data, settings.user_dir)
    article.source = target.name
    article.added_by, article.added_at = meta["added_by"], meta["added_at"]


def _check_inside(target: Path, folder: Path) -> None:
    """Refuse any path that does not resolve to a direct child of ``folder``."""
    resolved = target.resolve()
    if resolved.parent != folder.resolve() or target.is_symlink():
        raise ArticleError(f"refusing to write outside {folder}: {target.name!r}")


def _write_inside(target: Path, data: bytes, folder: Path) -> None:
    _check_inside(target, folder)
    tmp = target.with_name(f".{target.name}.tmp")
    _check_inside(tmp, folder)
    tmp.write_bytes(data)
    tmp.replace(target)


def _check_unique_ids(articles: list[Article]) -> None:
    seen: dict[str, str] = {}
    for article in articles:
        if article.id in seen:
            raise ArticleError(
                f"{article.source} and {seen[article.id]} have the same article id {article.id!r}."
            )
        seen[article.id] = article.source
