"""Offsets are the contract: every chunk and sentence is ``article.text[start:end]``."""

from __future__ import annotations

from index.chunk import MAX_CHUNK_TOKENS
from index.embed import shared_embedder
from index.segment import split_sentences


def test_chunks_and_sentences_round_trip_through_offsets(bundled_index):
    assert len(bundled_index.chunks) > 10
    for chunk in bundled_index.chunks:
        article = bundled_index.articles[chunk.doc_id]
        assert article.text[chunk.start : chunk.end] == chunk.text
        paragraph = article.paragraphs[chunk.paragraph]
        assert paragraph.start <= chunk.start < chunk.end <= paragraph.end
        rows = [bundled_index.sentences[r] for r in chunk.sentences]
        assert rows[0].start == chunk.start and rows[-1].end == chunk.end
    for sentence in bundled_index.sentences:
        text = bundled_index.articles[sentence.doc_id].text[sentence.start : sentence.end]
        assert text == text.strip() and text


def test_every_sentence_belongs_to_exactly_one_chunk(bundled_index):
    owners = [row for chunk in bundled_index.chunks for row in chunk.sentences]
    assert sorted(owners) == list(range(len(bundled_index.sentences)))


def test_chunks_stay_within_the_token_budget(bundled_index):
    e5 = shared_embedder("e5")
    for chunk in bundled_index.chunks:
        if len(chunk.sentences) > 1:
            assert e5.count_tokens(chunk.text) <= MAX_CHUNK_TOKENS


def test_long_paragraph_is_split_at_sentences(tmp_path):
    from index.chunk import chunk_article, sentences_of
    from index.documents import Article, Paragraph

    text = " ".join(f"Phrase numéro {i} sur la plainte de Parler contre Amazon." for i in range(60))
    article = Article("a", "t", "fr", None, "a.txt", text, [Paragraph(0, len(text), "body")])
    sentences = sentences_of(article)
    chunks = chunk_article(article, sentences, 0, shared_embedder("e5").count_tokens, 64)
    assert len(chunks) > 3
    assert "".join(c.text + " " for c in chunks).strip() == text
    assert all(c.text.endswith(".") for c in chunks)


def test_sentence_splitter_handles_french_typography():
    text = (
        "Il a bloqué le compte de M. Trump vendredi. «Il est clair que Parler ne dispose pas "
        "d’un processus efficace», lit-on. Le cours a chuté de 6,5% à 48 dollars ! "
        "« Sans AWS, Parler est terminé. » Fin."
    )
    sentences = [text[s.start : s.end] for s in split_sentences(text)]
    assert sentences == [
        "Il a bloqué le compte de M. Trump vendredi.",
        "«Il est clair que Parler ne dispose pas d’un processus efficace», lit-on.",
        "Le cours a chuté de 6,5% à 48 dollars !",
        "« Sans AWS, Parler est terminé. »",
        "Fin.",
    ]
