"""Errors raised by ingestion and the index, each with a message a user can act on."""

from __future__ import annotations


class VerifError(Exception):
    """Base class: everything the tool raises on purpose."""


class ArticleError(VerifError, ValueError):
    """An article file was refused (empty, binary, too large, undecodable, no text)."""


class IndexError_(VerifError):
    """Base class for index problems (named with a trailing _ to keep the builtin usable)."""


class IndexMissingError(IndexError_):
    """No index on disk yet."""


class IndexCorruptError(IndexError_):
    """An index file is truncated, altered or unreadable."""


class IndexMismatchError(IndexError_):
    """The index on disk was built for another embedder, format or corpus."""
