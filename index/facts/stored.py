"""Facts read at indexing time, stored with the sentence analysis and served from there.

Every sentence's facts are computed when the index is written (the ``facts`` field of
index/sentence_analysis.py), in every language that has a pack: the judge reads a quote in
its article's language, and a question's answer type in each language. They are stored as
compact JSON (``to_json``/``from_json`` round-trip exactly). ``facts_of`` is what answering
calls: a text that is a stored sentence is read from the index it was served by (``serve``),
anything else (a claim, a question, a two-sentence quote) is computed, and either is cached.

``FACTS_VERSION`` hashes the extractors (index/facts/*.py), the language packs (every file
under index/lang/) and the versions of the libraries they use, so that changing any of them
makes a stored index stale.
"""

from __future__ import annotations

import hashlib
import weakref
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Any, Protocol

import index.lang as lang_package
from index.facts import facts as extract
from index.facts.facts import DateFact, Duration, Facts, Score
from index.facts.numbers import Quantity
from index.lang import languages

LIBRARIES = ("text2num", "babel")


def _digest() -> str:
    """SHA-256 of the extractors, of every file of the language packs and of the libraries'
    versions: what a stored fact depends on."""
    digest = hashlib.sha256()
    here = Path(__file__).parent
    packs = Path(lang_package.__file__).parent
    files = [*sorted(here.glob("*.py")), *sorted(p for p in packs.rglob("*") if p.is_file())]
    for path in files:
        if "__pycache__" not in path.parts:
            digest.update(path.relative_to(packs.parent).as_posix().encode() + b"\0")
            digest.update(path.read_bytes())
    for library in LIBRARIES:
        try:
            version = metadata.version(library)
        except metadata.PackageNotFoundError:
            version = "absent"
        digest.update(f"{library}={version}".encode())
    return digest.hexdigest()[:16]


FACTS_VERSION = _digest()


# ---- serialisation -------------------------------------------------------------------------


def to_json(facts: Facts) -> dict[str, Any]:
    """A compact JSON-able form: one key per kind of fact present, lists instead of objects."""
    value: dict[str, Any] = {}
    if facts.quantities:
        value["q"] = [
            [q.value, q.kind, q.bound, q.counted, q.text, *([q.role] if q.role else [])]
            for q in facts.quantities
        ]
    if facts.dates:
        value["d"] = [
            [
                d.year,
                d.month,
                d.day,
                d.start,
                d.end,
                *([d.last, d.since] if d.last or d.since else []),
            ]
            for d in facts.dates
        ]
    if facts.weekdays:
        value["w"] = list(facts.weekdays)
    if facts.durations:
        value["u"] = [
            [d.days, d.unit, d.bound, d.text, *([True] if d.ago else [])] for d in facts.durations
        ]
    if facts.ages:
        value["a"] = list(facts.ages)
    if facts.relative:
        value["r"] = list(facts.relative)
    if facts.scores:
        value["s"] = [[x.first, x.second, x.start, x.end] for x in facts.scores]
    for key, words in (
        ("n", facts.negated),
        ("nh", facts.negation_heads),
        ("h", facts.hedged),
        ("i", facts.implicative),
    ):
        if words:
            value[key] = sorted(words)
    return value


def from_json(value: dict[str, Any]) -> Facts:
    """The ``Facts`` that ``to_json`` wrote; ``ValueError`` for anything else."""
    try:
        return Facts(
            quantities=tuple(
                Quantity(float(v), kind, bound, counted, text, *role)
                for v, kind, bound, counted, text, *role in value.get("q", ())
            ),
            dates=tuple(DateFact(*d) for d in value.get("d", ())),
            weekdays=tuple(value.get("w", ())),
            durations=tuple(
                Duration(float(days), unit, bound, text, bool(ago))
                for days, unit, bound, text, *ago in value.get("u", ())
            ),
            ages=tuple(float(a) for a in value.get("a", ())),
            negated=frozenset(value.get("n", ())),
            hedged=frozenset(value.get("h", ())),
            implicative=frozenset(value.get("i", ())),
            negation_heads=frozenset(value.get("nh", ())),
            relative=tuple(str(r) for r in value.get("r", ())),
            scores=tuple(
                Score(float(a), float(b), int(i), int(j)) for a, b, i, j in value.get("s", ())
            ),
        )
    except (TypeError, ValueError, AttributeError) as err:
        raise ValueError(f"stored facts cannot be read ({err}): {value!r:.120}") from err


def sentence_value(text: str, lang: str, lexicon: Any = None) -> dict[str, Any]:
    """What the index stores for one sentence of an article in ``lang``: its facts in every
    language with a pack; a language that reads the same facts names the first one that did."""
    stored: dict[str, Any] = {}
    seen: dict[Facts, str] = {}
    for code in (lang, *(c for c in languages() if c != lang)):
        facts = extract.facts_of(text, code)
        stored[code] = seen[facts] if facts in seen else to_json(facts)
        seen.setdefault(facts, code)
    return stored


def facts_in(value: dict[str, Any], lang: str) -> Facts | None:
    """The facts in ``lang`` of a stored sentence value (None when it has none in ``lang``)."""
    entry = value.get(lang)
    if isinstance(entry, str):
        entry = value.get(entry)
    return None if entry is None else from_json(entry)


# ---- serving -------------------------------------------------------------------------------


class FactSource(Protocol):
    def stored_facts(self, text: str, lang: str) -> Facts | None: ...


_sources: list[weakref.ref[FactSource]] = []
# Texts whose facts are kept: the sentences of a large index and a long session's questions,
# bounded so that a server that runs for weeks does not keep every question it was asked.
REMEMBERED = 65_536


def serve(source: FactSource) -> None:
    """Answer ``facts_of`` for ``source``'s sentences from what it stored (an index's
    analysis, while it is alive)."""
    _sources[:] = [r for r in _sources if r() is not None and r() is not source]
    _sources.append(weakref.ref(source))


@lru_cache(maxsize=REMEMBERED)
def facts_of(text: str, lang: str) -> Facts:
    """The facts ``text`` (in language ``lang``) states: stored when it is a sentence of a
    served index, computed otherwise; cached either way."""
    for ref in _sources:
        source = ref()
        found = source.stored_facts(text, lang) if source is not None else None
        if found is not None:
            return found
    return extract.facts_of(text, lang)


def clear_cache() -> None:
    """Forget every fact read (tests; a process never needs it: facts depend on text only)."""
    facts_of.cache_clear()
