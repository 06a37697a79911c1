"""Which generative model, if any, writes fluent answers (``mode="llm"``), from the environment.

The API key is read from the environment only and never logged or shown; ``__repr__`` hides it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field


@dataclass(frozen=True)
class LLMSettings:
    base_url: str | None = None  # an OpenAI-compatible server (llama.cpp, vLLM, Ollama…)
    model: str = "local-model"  # the model name that server expects
    path: str | None = None  # or a local transformers model folder
    timeout: float = 30.0  # seconds before the extractive answer is used instead
    max_tokens: int = 300
    api_key: str = field(default="not-needed", repr=False)

    @property
    def configured(self) -> bool:
        return bool(self.base_url or self.path)


def load_llm_settings() -> LLMSettings:
    """``VERIF_LLM_BASE_URL``, ``VERIF_LLM_MODEL``, ``VERIF_LLM_PATH``, ``VERIF_LLM_TIMEOUT``,
    ``VERIF_LLM_MAX_TOKENS``, and the key from ``VERIF_LLM_API_KEY`` or ``OPENAI_API_KEY``."""
    env = os.environ
    return LLMSettings(
        base_url=env.get("VERIF_LLM_BASE_URL") or None,
        model=env.get("VERIF_LLM_MODEL") or "local-model",
        path=env.get("VERIF_LLM_PATH") or None,
        timeout=float(env.get("VERIF_LLM_TIMEOUT") or 30),
        max_tokens=int(env.get("VERIF_LLM_MAX_TOKENS") or 300),
        api_key=env.get("VERIF_LLM_API_KEY") or env.get("OPENAI_API_KEY") or "not-needed",
    )


def is_configured() -> bool:
    """True when a generative model is configured, so the app can offer the LLM mode."""
    return load_llm_settings().configured
