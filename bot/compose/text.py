"""The answer text, in the question's language, with one [n] marker per citation.

The framing words come from ``prompts/``; the quotes are the sources' own words, in their own
language, and the lead says so when that is not the question's language.
"""

from __future__ import annotations

from bot.answer import Citation
from bot.evidence.attribution import speaker
from bot.judge.answerable import Decision
from bot.question import Query
from index.store import CorpusIndex
from prompts import text as t


def citations_for(decision: Decision, index: CorpusIndex) -> list[Citation]:
    citations = []
    for n, evidence in enumerate(decision.evidence, start=1):
        article = index.articles[evidence.doc_id]
        quote = article.text[evidence.start : evidence.end]
        citations.append(
            Citation(
                n=n,
                doc_id=article.id,
                title=article.title,
                quote=quote,
                start=evidence.start,
                end=evidence.end,
                paragraph=evidence.paragraph,
                score=round(float(evidence.sentence.score), 4),
                language=article.language,
                attribution=speaker(quote),
            )
        )
    return citations


def compose(query: Query, decision: Decision, citations: list[Citation]) -> str:
    lang = query.language
    if decision.abstained:
        if decision.unknown_term:
            return t(lang, "answer.abstain_missing", term=decision.unknown_term)
        return t(lang, "answer.abstain")
    lines = [_lead(query, decision, citations)]
    lines += [_quote_line(lang, c) for c in citations]
    for c in citations:
        if c.attribution:
            lines.append(t(lang, "answer.attribution_warning", who=_who(lang, c)))
            break
    return "\n".join(line for line in lines if line)


def lead_key(query: Query, decision: Decision, citations: list[Citation]) -> str:
    """The prompts/ key of the answer's first line, recorded in ``Answer.notes`` so that the
    evaluation reads how an answer was framed without parsing its wording."""
    if decision.abstained:
        return "answer.abstain_missing" if decision.unknown_term else "answer.abstain"
    if decision.verdict == "not_enough_info" and decision.contradiction:
        return "verdict.disagree"
    if decision.verdict:
        return f"verdict.{decision.verdict}"
    return _plain_lead(query.language, citations)[0]


def _lead(query: Query, decision: Decision, citations: list[Citation]) -> str:
    lang = query.language
    if decision.verdict == "supported":
        return t(lang, "verdict.supported")
    if decision.verdict == "refuted":
        why = t(lang, f"verdict.why.{decision.contradiction or 'negation'}")
        return t(lang, "verdict.refuted", why=why)
    if decision.verdict == "not_enough_info" and decision.contradiction:
        # Two articles disagree on the claim: say so, and quote both.
        why = t(lang, f"verdict.why.{decision.contradiction}")
        return t(lang, "verdict.disagree", why=why)
    if decision.verdict == "not_enough_info":
        lead = t(lang, "verdict.not_enough_info")
        return f"{lead}\n{t(lang, 'verdict.closest')}" if citations else lead
    # An answered question gets a plain lead: the decision answers or refuses, and how sure
    # it is shows as the answer's confidence, not as a "partly answers" framing.
    key, other = _plain_lead(lang, citations)
    if other is None:
        return t(lang, key)
    return t(lang, key, source_language=t(lang, f"language.{other}"))


def _plain_lead(lang: str, citations: list[Citation]) -> tuple[str, str | None]:
    """The lead of an answer and the other language it quotes, if any: "quoted in French"
    when every quote is, "some quoted in French" when only some are."""
    languages = {c.language for c in citations}
    other = sorted(languages - {lang})
    if not other:
        return "answer.lead", None
    if lang in languages:
        return "answer.lead_some_other_language", other[0]
    return "answer.lead_other_language", other[0]


def _quote_line(lang: str, citation: Citation) -> str:
    quote = " ".join(citation.quote.split())
    if citation.attribution:
        return t(lang, "answer.attributed", who=_who(lang, citation), quote=quote, n=citation.n)
    return t(lang, "answer.quote", quote=quote, n=citation.n)


def _who(lang: str, citation: Citation) -> str:
    """The speaker as the source names them; in quotation marks when that is words of another
    language ("les données de SensorTower") rather than a name."""
    who = citation.attribution or ""
    if citation.language != lang and who[:1].islower():
        return f"“{who}”"
    return who
