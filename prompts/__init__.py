"""Words shown to users, in French and English: answer framings, verdicts, UI text, LLM prompts.

They live in TOML files beside this module so that wording can change without touching code.
"""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources
from typing import Any

LANGUAGES = ("fr", "en")


@cache
def texts(language: str) -> dict[str, Any]:
    """All strings of one language (``fr`` or ``en``), as nested tables."""
    if language not in LANGUAGES:
        raise ValueError(f"No texts for language {language!r}; use one of {LANGUAGES}.")
    source = resources.files("prompts") / f"{language}.toml"
    return tomllib.loads(source.read_text(encoding="utf-8"))


def text(language: str, key: str, **values: object) -> str:
    """One string by dotted key ("answer.abstain"), with ``{placeholders}`` filled in."""
    node: Any = texts(language)
    for part in key.split("."):
        node = node[part]
    return str(node).format(**values) if values else str(node)
