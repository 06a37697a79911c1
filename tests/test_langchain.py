"""Vérif inside LangChain: the sentence retriever and ``ask`` as Runnables in real LCEL chains."""

from __future__ import annotations

import asyncio
import json

import pytest
from langchain_core.documents import Document
from langchain_core.output_parsers import StrOutputParser
from langchain_core.prompts import ChatPromptTemplate
from langchain_core.runnables import RunnableLambda, RunnableParallel, RunnablePassthrough

from bot.answer import Answer
from bot.langchain_adapters import VerifRetriever, ask_runnable

ENGLISH = "Why did Amazon stop hosting Parler?"
SECOND = "parler-depose-une-autre-plainte"
METADATA = {"doc_id", "title", "language", "paragraph", "start", "end", "score", "dense", "rank"}


def format_docs(documents: list[Document]) -> str:
    return "\n".join(f"[{d.metadata['rank']}] {d.page_content}" for d in documents)


def test_documents_are_verbatim_sentences_with_their_article(bundled_index):
    documents = VerifRetriever(k=4).invoke("Who is Sheryl Sandberg?")
    assert len(documents) == 4
    assert [d.metadata["rank"] for d in documents] == [1, 2, 3, 4]
    assert "Sheryl Sandberg" in documents[0].page_content  # an English question, French text
    scores = [d.metadata["score"] for d in documents]
    assert scores == sorted(scores, reverse=True)
    for document in documents:
        meta = document.metadata
        assert set(meta) >= METADATA
        article = bundled_index.articles[meta["doc_id"]]
        assert document.page_content == article.text[meta["start"] : meta["end"]]
        bounds = article.paragraphs[meta["paragraph"]]  # counted from 0, as in the Python API
        assert bounds.start <= meta["start"] < meta["end"] <= bounds.end
        assert meta["title"] == article.title and meta["language"] == article.language == "fr"
        assert document.id == f"{meta['doc_id']}#{meta['start']}-{meta['end']}"


def test_metadata_filter_keeps_only_matching_sentences(bundled_index):
    unfiltered = VerifRetriever(k=6).invoke(ENGLISH)
    assert len({d.metadata["doc_id"] for d in unfiltered}) == 2  # both articles answer

    only_second = VerifRetriever(k=6, filter={"doc_id": SECOND}).invoke(ENGLISH)
    assert len(only_second) == 6 and {d.metadata["doc_id"] for d in only_second} == {SECOND}
    assert [d.metadata["rank"] for d in only_second] == list(range(1, 7))

    retriever = VerifRetriever(k=3)
    per_call = retriever.invoke(ENGLISH, filter=lambda m: m["doc_id"] != SECOND, k=2)
    assert len(per_call) == 2 and all(d.metadata["doc_id"] != SECOND for d in per_call)
    both = retriever.invoke(ENGLISH, filter={"doc_id": [SECOND, "parler-accuse-amazon"]})
    assert len(both) == 3
    assert retriever.invoke(ENGLISH, filter={"language": "en"}) == []  # no English article


def test_retriever_over_an_index_object_and_async(bundled_index):
    retriever = VerifRetriever(index=bundled_index, k=2)
    first = retriever.invoke(ENGLISH)
    engine = retriever._engine
    assert asyncio.run(retriever.ainvoke(ENGLISH)) == first
    assert retriever._engine is engine  # the corpus is analysed once per retriever


def test_bad_questions_raise_readable_errors(bundled_index):
    with pytest.raises(ValueError, match="empty"):
        VerifRetriever().invoke("   ")
    with pytest.raises(ValueError, match="k must"):
        VerifRetriever(k=0).invoke(ENGLISH)
    with pytest.raises(ValueError, match="question"):
        ask_runnable().invoke({"k": 3})
    with pytest.raises(ValueError, match="lang"):  # a misspelt key does not just return []
        VerifRetriever(filter={"lang": "fr"}).invoke(ENGLISH)


def test_retriever_in_an_lcel_rag_chain(bundled_index):
    prompt = ChatPromptTemplate.from_messages(
        [
            ("system", "Answer only from these numbered sentences:\n{context}"),
            ("human", "{question}"),
        ]
    )
    chain = (
        {"context": VerifRetriever(k=3) | format_docs, "question": RunnablePassthrough()}
        | prompt
        | RunnableLambda(lambda value: value.to_messages()[0].content)
        | StrOutputParser()
    )
    system = chain.invoke(ENGLISH)
    assert system.startswith("Answer only from these numbered sentences:\n[1] ")
    assert "[3] " in system and "[4] " not in system
    assert "Amazon" in system  # a sentence about Amazon cutting Parler off
    batch = chain.batch([ENGLISH, "Who is Sheryl Sandberg?"])
    assert batch[0] == system and "Sandberg" in batch[1]


def test_ask_runnable_types_and_chains(bundled_index):
    runnable = ask_runnable()
    schema = runnable.get_input_jsonschema()
    kinds = json.dumps(schema["anyOf"])
    assert '"type": "string"' in kinds and "AskInput" in kinds
    assert schema["$defs"]["AskInput"]["required"] == ["question"]
    assert "Answer" in runnable.get_output_jsonschema()["$defs"]

    answer = runnable.invoke(ENGLISH)
    assert isinstance(answer, Answer) and answer.language == "en" and answer.citations
    claim = runnable.invoke({"question": "Twitter's stock rose 6% on Monday", "k": 2})
    assert claim.kind == "claim" and claim.verdict in ("supported", "refuted", "not_enough_info")
    assert len(claim.passages) == 2 and len(answer.passages) == 5  # k from the input, or 5

    as_dict = ask_runnable(as_dict=True)
    data = json.loads(json.dumps(as_dict.invoke({"question": ENGLISH, "extra": "ignored"})))
    assert data["citations"][0]["quote"] and data["text"] == answer.text

    # Both in one chain: the answer and the sentences it could have used, side by side.
    chain = RunnableParallel(answer=runnable, sentences=VerifRetriever(k=5)) | RunnableLambda(
        lambda out: [
            c.quote in {d.page_content for d in out["sentences"]} for c in out["answer"].citations
        ]
    )
    assert any(chain.invoke(ENGLISH))
    verdicts = (runnable | RunnableLambda(lambda a: a.verdict)).batch(
        ["Parler sued Amazon", "Who is Sheryl Sandberg?"]
    )
    assert verdicts[0] in ("supported", "refuted", "not_enough_info") and verdicts[1] is None
