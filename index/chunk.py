"""Chunks: whole sentences of one paragraph, kept well inside the embedder's 512-token window.

Each chunk keeps its offsets into the cleaned article, so ``article.text[start:end]`` is always
the chunk's text, and the rows of its sentences, so evidence can be chosen sentence by sentence.
"""

from __future__ import annotations

from collections.abc import Callable

from index.documents import Article, Chunk, Sentence
from index.segment import Span, split_sentences

# e5 reads at most 512 tokens; a fifth of that keeps chunks focused on one point.
MAX_CHUNK_TOKENS = 160

TokenCounter = Callable[[str], int]


def sentences_of(article: Article) -> list[Sentence]:
    """Every sentence of the article, paragraph by paragraph, as offsets into its text."""
    return [
        Sentence(article.id, number, span.start, span.end)
        for number, paragraph in enumerate(article.paragraphs)
        for span in split_sentences(article.text, paragraph.start, paragraph.end)
    ]


def chunk_article(
    article: Article,
    sentences: list[Sentence],
    first_row: int,
    count_tokens: TokenCounter,
    max_tokens: int = MAX_CHUNK_TOKENS,
) -> list[Chunk]:
    """Pack consecutive sentences of each paragraph into chunks of at most ``max_tokens``.

    ``sentences`` are the article's sentences; ``first_row`` is the row of the first one in
    the index's sentence table. A single sentence longer than the budget becomes its own chunk
    (the embedder truncates it; its sentence rows still cover it whole).
    """
    chunks: list[Chunk] = []
    group: list[int] = []

    def flush() -> None:
        if not group:
            return
        first, last = sentences[group[0]], sentences[group[-1]]
        span = Span(first.start, last.end)
        chunks.append(
            Chunk(
                id=f"{article.id}#{span.start}-{span.end}",
                doc_id=article.id,
                title=article.title,
                paragraph=first.paragraph,
                start=span.start,
                end=span.end,
                text=article.text[span.start : span.end],
                sentences=tuple(first_row + i for i in group),
            )
        )
        group.clear()

    for i, sentence in enumerate(sentences):
        if group:
            previous = sentences[group[0]]
            candidate = article.text[previous.start : sentence.end]
            if sentence.paragraph != previous.paragraph or count_tokens(candidate) > max_tokens:
                flush()
        group.append(i)
    flush()
    return chunks


def segment_and_chunk(
    articles: list[Article], count_tokens: Callable[[str], int]
) -> tuple[list[Sentence], list[Chunk], list[str]]:
    """Every article's sentences and chunks, numbered across the whole list, and the
    sentences' texts: what both a build and an ingestion partition embed."""
    sentences: list[Sentence] = []
    chunks: list[Chunk] = []
    for article in articles:
        own = sentences_of(article)
        chunks.extend(chunk_article(article, own, len(sentences), count_tokens))
        sentences.extend(own)
    texts = {a.id: a.text for a in articles}
    return sentences, chunks, [texts[s.doc_id][s.start : s.end] for s in sentences]
