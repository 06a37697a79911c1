"""Vérif for LangChain: its sentence-level search as a retriever, ``ask`` as a typed Runnable.

``VerifRetriever`` returns the sentences Vérif's hybrid search ranks best (dense e5, BM25 with
French–English stems and lexicon, term coverage), each a ``Document`` whose ``page_content`` is
the verbatim quote, ``article.text[start:end]``, with the article's metadata. ``ask_runnable()``
wraps ``bot.ask`` so that cited answers and verdicts can be piped into LCEL chains.

Metadata, as in the Python API: ``paragraph`` indexes ``Article.paragraphs`` and counts from 0;
``start`` and ``end`` are offsets into the cleaned article text.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, Literal, Required

from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever
from langchain_core.runnables import Runnable, RunnableLambda
from pydantic import ConfigDict, PrivateAttr
from typing_extensions import TypedDict  # pydantic reads only this one before Python 3.12

from bot import ask
from bot.answer import Answer
from bot.engine import DEFAULT_K, Engine, shared_engine
from bot.question import parse
from index.store import CorpusIndex

# A metadata filter: {"key": value} or {"key": [values…]} (all keys must match), or a function
# of the metadata.
MetadataFilter = Mapping[str, Any] | Callable[[dict[str, Any]], bool]
METADATA_KEYS = frozenset(
    {"doc_id", "title", "language", "paragraph", "start", "end", "score", "dense", "source"}
    | {"published", "publisher", "url"}  # when the article has them
)
# With a filter, search this many more passages so that k documents usually survive it.
FILTER_WIDENING = 8


class VerifRetriever(BaseRetriever):
    """The best sentences for a question or claim, as LangChain ``Document``s.

    ``index`` is a loaded ``CorpusIndex``, an index folder, or None for the configured corpus
    (built on first use, reloaded when articles are added). ``k`` and ``filter`` can also be
    given per call: ``retriever.invoke(q, k=3, filter={"language": "fr"})``.
    """

    model_config = ConfigDict(arbitrary_types_allowed=True)

    index: CorpusIndex | str | Path | None = None
    k: int = DEFAULT_K
    filter: MetadataFilter | None = None

    _engine: Engine | None = PrivateAttr(default=None)

    def _get_relevant_documents(
        self,
        query: str,
        *,
        run_manager: CallbackManagerForRetrieverRun,
        k: int | None = None,
        filter: MetadataFilter | None = None,  # LangChain's name for it
    ) -> list[Document]:
        k = self.k if k is None else k
        if not isinstance(k, int) or k < 1:
            raise ValueError("k must be a whole number of at least 1.")
        keep = _matcher(self.filter if filter is None else filter)
        engine = self._engine_for_call()
        searched = k if keep is None else k * FILTER_WIDENING
        retrieval = engine.retriever.search(parse(query), searched)
        documents = []
        for scored in retrieval.sentences:
            document = _document(engine.index, scored.row, scored.score, scored.dense)
            if keep is None or keep(document.metadata):
                document.metadata["rank"] = len(documents) + 1
                documents.append(document)
                if len(documents) == k:
                    break
        return documents

    def _engine_for_call(self) -> Engine:
        # A CorpusIndex object gets one engine for this retriever's life (building one
        # analyses the whole corpus); folders go through the shared, reloading cache.
        if isinstance(self.index, CorpusIndex):
            if self._engine is None:
                self._engine = shared_engine(self.index)
            return self._engine
        return shared_engine(self.index)


class AskInput(TypedDict, total=False):
    """What ``ask_runnable()`` accepts besides a plain string."""

    question: Required[str]
    k: int
    mode: Literal["extractive", "llm"]


def ask_runnable(
    index: str | Path | None = None,
    *,
    k: int = DEFAULT_K,
    mode: Literal["extractive", "llm"] = "extractive",
    as_dict: bool = False,
) -> Runnable[str | AskInput, Any]:
    """``bot.ask`` as a Runnable: a question (or ``{"question", "k", "mode"}``) in, an Answer out.

    The output is the ``Answer`` dataclass, or ``Answer.to_dict()`` with ``as_dict=True`` (for
    JSON, LangServe and the like). ``k`` and ``mode`` are defaults that a dict input overrides;
    other keys of a dict input are ignored, so it can sit after a step that passes more.
    """

    def answer(question: str | AskInput) -> Answer | dict[str, Any]:
        request = question if isinstance(question, Mapping) else {"question": question}
        if "question" not in request:
            raise ValueError('A dict input needs a "question" key.')
        k_ = request.get("k", k)
        result = ask(request["question"], k=k_, index=index, mode=request.get("mode", mode))
        return result.to_dict() if as_dict else result

    output = dict[str, Any] if as_dict else Answer
    runnable = RunnableLambda(answer, name="verif_ask")
    return runnable.with_types(input_type=str | AskInput, output_type=output)


def _document(index: CorpusIndex, row: int, score: float, dense: float) -> Document:
    sentence = index.sentences[row]
    article = index.articles[sentence.doc_id]
    metadata: dict[str, Any] = {
        "doc_id": sentence.doc_id,
        "title": article.title,
        "language": article.language,
        "paragraph": sentence.paragraph,
        "start": sentence.start,
        "end": sentence.end,
        "score": round(float(score), 4),  # fused rank score: compare within one search only
        "dense": round(float(dense), 4),  # e5 cosine of the sentence with the question
        "source": article.source,
    }
    for name in ("published", "publisher", "url"):  # when the article has them
        value = getattr(article, name, None)
        if value:
            metadata[name] = value
    return Document(
        id=f"{sentence.doc_id}#{sentence.start}-{sentence.end}",
        page_content=article.text[sentence.start : sentence.end],
        metadata=metadata,
    )


def _matcher(spec: MetadataFilter | None) -> Callable[[dict[str, Any]], bool] | None:
    if spec is None or callable(spec):
        return spec
    unknown = set(spec) - METADATA_KEYS
    if unknown:  # a misspelt key would otherwise silently filter everything out
        raise ValueError(
            f"Unknown metadata {sorted(unknown)} in filter: use {sorted(METADATA_KEYS)}."
        )
    wanted = {
        key: set(value) if isinstance(value, list | tuple | set | frozenset) else {value}
        for key, value in spec.items()
    }
    return lambda metadata: all(metadata.get(key) in values for key, values in wanted.items())
