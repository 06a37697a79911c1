"""The optional LLM stage (``mode="llm"``): a language model rewrites the extractive answer.

``settings.py`` reads which model to use from the environment, ``client.py`` asks it for a
fluent answer from the numbered, fenced evidence, and ``guard.py`` keeps only the sentences
the cited passages support. It is a stage because it runs after the extractive pipeline and
can only fall back to its answer; nothing is imported here, so that reading the settings
(the app does) never loads LangChain.
"""
