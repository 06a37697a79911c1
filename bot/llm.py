"""Fluent answers from a language model, kept honest by the citation guard.

The model only rewrites what the extractive pipeline found: it is given the cited passages,
numbered, and asked for a short answer in the question's language with [n] after each
sentence. The guard (guard.py) then keeps only the sentences those passages support. When the
model is down, slow, or says things the passages do not, the extractive answer is returned
with a note saying why, so that a user never gets an unchecked statement.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from functools import cache
from typing import Any

from bot import guard
from bot.answer import Answer, Citation
from bot.llm_settings import LLMSettings, load_llm_settings
from index.store import CorpusIndex
from prompts import text as t
from prompts import texts

log = logging.getLogger(__name__)


def chat_model(settings: LLMSettings) -> Any:
    """The configured model as a LangChain runnable: an OpenAI-compatible server (llama.cpp,
    vLLM, Ollama…) through langchain-openai, or a local transformers folder through
    langchain-huggingface."""
    if settings.base_url:
        from langchain_openai import ChatOpenAI
        from pydantic import SecretStr

        return ChatOpenAI(
            base_url=settings.base_url,
            model=settings.model,
            api_key=SecretStr(settings.api_key),
            timeout=settings.timeout,
            max_retries=0,
            max_tokens=settings.max_tokens,
            temperature=0,
        )
    if settings.path:
        return _local_pipeline(settings.path, settings.max_tokens)
    raise ValueError("No language model is configured.")


@cache
def _local_pipeline(path: str, max_tokens: int) -> Any:
    from langchain_huggingface import HuggingFacePipeline

    return HuggingFacePipeline.from_model_id(
        model_id=path,
        task="text-generation",
        # Without return_full_text=False the pipeline echoes the prompt back as the answer.
        pipeline_kwargs={"max_new_tokens": max_tokens, "return_full_text": False},
    )


def build_chain(model: Any, language: str) -> Any:
    """prompt | model | text, as an LCEL chain (langchain-core)."""
    from langchain_core.output_parsers import StrOutputParser
    from langchain_core.prompts import ChatPromptTemplate

    wording = texts(language)["llm"]
    prompt = ChatPromptTemplate.from_messages(
        [("system", wording["system"]), ("human", wording["human"])]
    )
    return prompt | model | StrOutputParser()


def numbered_passages(citations: list[Citation]) -> str:
    """Passages fenced as data, so that text inside them reads as quotation, not instruction."""
    return "\n".join(
        f"[{c.n}] ({c.title}) <<<{guard.without_instructions(' '.join(c.quote.split()))}>>>"
        for c in citations
    )


def llm_answer(
    extractive: Answer,
    index: CorpusIndex,
    guard_context: tuple[Any, Any],
    settings: LLMSettings | None = None,
    model: Any = None,
) -> Answer:
    """Rewrite ``extractive`` with the model, or return it with a note saying why not."""
    settings = settings or load_llm_settings()
    lang = extractive.language
    if extractive.abstained or not extractive.citations:
        return extractive  # nothing to rewrite: the sources do not answer
    if model is None and not settings.configured:
        return _with_note(extractive, t(lang, "llm.not_configured_note"))
    try:
        chain = build_chain(model or chat_model(settings), lang)
        generated = chain.invoke(
            {"passages": numbered_passages(extractive.citations), "question": extractive.question}
        )
    except Exception as err:  # any failure of the model server or library: say so, fall back
        reason = type(err).__name__
        log.warning("language model unavailable: %s", reason)
        return _with_note(extractive, t(lang, "llm.unavailable_note", reason=reason))
    embedder, term_index = guard_context
    passages = {c.n: (c.quote, c.language) for c in extractive.citations}
    checked = guard.check(str(generated), passages, lang, embedder, term_index)
    if checked.status == "fallback":
        return _with_note(extractive, t(lang, "llm.fallback_note", reason=checked.reason))
    by_number = {c.n: c for c in extractive.citations}
    citations = [replace(by_number[old], n=new) for new, old in enumerate(checked.cited, 1)]
    text = checked.text
    if extractive.verdict:  # the verdict is the pipeline's; the model only explains it
        text = f"{extractive.text.splitlines()[0]}\n{text}"
    notes = [*extractive.notes, f"guard: {checked.status}"]
    if checked.dropped:
        notes.append(t(lang, "llm.repaired_note", n=len(checked.dropped)))
    return replace(extractive, text=text, citations=citations, mode="llm", notes=notes)


def _with_note(answer: Answer, note: str) -> Answer:
    return replace(answer, mode="extractive", notes=[*answer.notes, note])
