"""Fluent answers from a language model, kept honest by the citation guard.

The model only rewrites what the extractive pipeline found: it is given the cited evidence and
a few more retrieved passages, numbered and fenced as data, and asked for a short answer in
the question's language with [n] after each sentence. The guard (guard.py) then keeps only
the sentences those passages support. When the model is down, slow, or says things the
passages do not, the extractive answer is returned with a note saying why, so that a user
never gets an unchecked statement.
"""

from __future__ import annotations

import logging
import tomllib
from dataclasses import replace
from functools import cache
from importlib import resources
from typing import Any

from bot.answer import Answer, Citation, Passage
from bot.llm import guard
from bot.llm.settings import LLMSettings, load_llm_settings
from index.store import CorpusIndex

log = logging.getLogger(__name__)

# Retrieved passages shown to the model beside the evidence, for context it may also cite.
EXTRA_PASSAGES = 2


@cache
def wording(language: str) -> dict[str, Any]:
    """The [fr] or [en] table of prompts/llm.toml: prompts, notes and the guard's reasons."""
    source = resources.files("prompts") / "llm.toml"
    return tomllib.loads(source.read_text(encoding="utf-8"))[language]


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
            api_key=SecretStr(settings.api_key),  # SecretStr: hidden from repr and logs
            timeout=settings.timeout,
            max_retries=0,  # a retry doubles the wait of a user who has an answer already
            max_tokens=settings.max_tokens,
            temperature=0,
        )
    if settings.path:
        return local_model(settings.path, settings.max_tokens)
    raise ValueError("No language model is configured.")


@cache
def local_model(path: str, max_tokens: int) -> Any:
    """A transformers model folder, loaded once; through its chat template when it has one."""
    from langchain_huggingface import ChatHuggingFace, HuggingFacePipeline

    pipeline = HuggingFacePipeline.from_model_id(
        model_id=path,
        task="text-generation",
        # Without return_full_text=False the pipeline echoes the prompt back as the answer.
        pipeline_kwargs={"max_new_tokens": max_tokens, "return_full_text": False},
    )
    tokenizer = pipeline.pipeline.tokenizer
    if getattr(tokenizer, "chat_template", None):
        return ChatHuggingFace(llm=pipeline, tokenizer=tokenizer, model_id=path)
    return pipeline


def build_chain(model: Any, language: str, claim: bool = False) -> Any:
    """prompt | model | text, as an LCEL chain (langchain-core)."""
    from langchain_core.output_parsers import StrOutputParser
    from langchain_core.prompts import ChatPromptTemplate

    words = wording(language)
    prompt = ChatPromptTemplate.from_messages(
        [("system", words["system"]), ("human", words["claim" if claim else "question"])]
    )
    return prompt | model | StrOutputParser()


def sources_for(
    extractive: Answer, index: CorpusIndex, extra: int = EXTRA_PASSAGES
) -> list[Citation]:
    """The evidence citations, numbered as in the extractive answer, then up to ``extra``
    retrieved passages that do not overlap them, as citations the model may use too."""
    sources = list(extractive.citations)
    for passage in extractive.passages:
        if len(sources) >= len(extractive.citations) + extra:
            break
        if not any(_overlaps(passage, c) for c in sources):
            sources.append(_as_citation(passage, len(sources) + 1, index))
    return sources


def numbered_passages(sources: list[Citation], language: str) -> str:
    """Passages fenced as data, so that text inside them reads as quotation, not instruction."""
    template = wording(language)["passage"]
    return "\n".join(
        template.format(
            n=c.n,
            title=_fence_safe(c.title),
            language=c.language,
            text=_fence_safe(guard.without_instructions(" ".join(c.quote.split()))),
        )
        for c in sources
    )


def llm_answer(
    extractive: Answer,
    index: CorpusIndex,
    guard_context: tuple[Any, Any],
    settings: LLMSettings | None = None,
    model: Any = None,
) -> Answer:
    """Rewrite ``extractive`` with the model, or return it with a note saying why not.

    ``guard_context`` is (embedder, term index) of the engine that answered; ``model`` a
    LangChain runnable that replaces the configured one.
    """
    settings = settings or load_llm_settings()
    lang = extractive.language
    words = wording(lang)
    if extractive.abstained or not extractive.citations:
        return extractive  # nothing to rewrite: the sources do not answer
    if model is None and not settings.configured:
        return _with_note(extractive, words["notes"]["not_configured"])
    sources = sources_for(extractive, index)
    claim = extractive.kind == "claim" and extractive.verdict is not None
    inputs = {"passages": numbered_passages(sources, lang), "question": extractive.question}
    if claim:
        inputs["verdict"] = words["verdicts"][extractive.verdict]
    try:
        generated = build_chain(model or chat_model(settings), lang, claim).invoke(inputs)
    except Exception as err:  # any failure of the model server or library: say so, fall back
        kind = _failure(err)
        # The type only: an exception's text may quote request details.
        log.warning("language model unavailable (%s): %s", kind, type(err).__name__)
        reason = words["reasons"][kind]
        return _with_note(extractive, words["notes"]["unavailable"].format(reason=reason))
    if not isinstance(generated, str):
        reason = words["reasons"]["bad_output"]
        return _with_note(extractive, words["notes"]["unavailable"].format(reason=reason))

    embedder, term_index = guard_context
    checked = guard.check(
        generated,
        {c.n: guard.Source(c.quote, c.language, c.title) for c in sources},
        lang,
        embedder,
        term_index,
        required={c.n for c in extractive.citations},
    )
    log.info(
        "guard: %s (%d sentences, %d dropped)",
        checked.status,
        len(checked.checks),
        len(checked.dropped),
    )
    if checked.status == "fallback":
        reason = words["reasons"][checked.reason].format(detail=checked.detail)
        return _with_note(extractive, words["notes"]["fallback"].format(reason=reason))
    by_number = {c.n: c for c in sources}
    citations = [replace(by_number[old], n=new) for new, old in enumerate(checked.cited, 1)]
    text = checked.text
    if claim:  # the verdict is the pipeline's; the model only explains it
        text = f"{extractive.text.splitlines()[0]}\n{text}"
    notes = [*extractive.notes, f"guard: {checked.status}"]
    if checked.dropped:
        notes.append(words["notes"]["repaired"].format(n=len(checked.dropped)))
    return replace(extractive, text=text, citations=citations, mode="llm", notes=notes)


def _with_note(answer: Answer, note: str) -> Answer:
    return replace(answer, mode="extractive", notes=[*answer.notes, note])


def _failure(err: Exception) -> str:
    """timeout | connection | error, from the exception's class and its bases (openai,
    httpx and the standard library name them alike)."""
    names = " ".join(k.__name__ for k in type(err).__mro__).lower()
    if "timeout" in names:
        return "timeout"
    if "connect" in names:
        return "connection"
    return "error"


def _overlaps(passage: Passage, citation: Citation) -> bool:
    return (
        passage.doc_id == citation.doc_id
        and passage.start < citation.end
        and (citation.start < passage.end)
    )


def _as_citation(passage: Passage, n: int, index: CorpusIndex) -> Citation:
    article = index.articles[passage.doc_id]
    return Citation(
        n=n,
        doc_id=passage.doc_id,
        title=passage.title,
        quote=article.text[passage.start : passage.end],
        start=passage.start,
        end=passage.end,
        paragraph=passage.paragraph,
        score=passage.score,
        language=article.language,
    )


def _fence_safe(text: str) -> str:
    """A passage cannot close its own <passage> tag and speak outside it."""
    return text.replace("<", "‹").replace(">", "›").replace('"', "”")
