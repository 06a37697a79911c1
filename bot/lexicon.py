"""The French–English lexicon, for answering code: it lives in ``index.lexicon`` because the
index analyses every sentence with it at indexing time (``index`` never imports ``bot``)."""

from index.lexicon import (
    MAX_PHRASE,
    OTHER,
    Lexicon,
    Term,
    cognate,
    folded_words,
    load_lexicon,
)

__all__ = ["MAX_PHRASE", "OTHER", "Lexicon", "Term", "cognate", "folded_words", "load_lexicon"]
