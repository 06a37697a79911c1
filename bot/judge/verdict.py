"""Claim verdicts: supported, refuted or not enough information, always with the evidence.

The claim is weighed against each candidate sentence that bot/evidence chose (the best and its
close runners-up). On each, the judge rules (bot/judge/rules) say whether a number, a date, a
direction, a negation or a hedge agrees, contradicts, or is left unverified. "Refuted" needs
a contradiction in a sentence about the claim's own subject; "supported" needs a sentence that
covers the claim's words and names, with every specific it states confirmed and none
contradicted. When sentences of two articles disagree, the verdict says so instead of picking
one. Anything else is not enough information, with the closest evidence shown.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache

from bot.evidence.attribution import speaker
from bot.evidence.candidates import Evidence
from bot.judge.answerable import Decision, confidence_of
from bot.judge.entailment import Entailer, configured_entailer, reconsider
from bot.judge.model import load_model
from bot.judge.rules import (
    CONTRADICTION,
    SILENCE,
    SUPPORT,
    UNVERIFIED,
    Pair,
    Signal,
    clause_around,
    clause_bounds,
    judge,
)
from bot.judge.rules.actor import nationality
from bot.judge.rules.quantity import counts_dead
from bot.question import Query
from bot.question.terms import (
    QueryTerm,
    covers,
    first_mention,
    inner_capitalised,
    is_time_word,
    labelled,
    language_word,
    predicate_of,
    says_what_is_done,
    sentence_terms,
    settled_coverage,
    spelled_out,
    subject_of,
    topic_coverage,
)
from bot.retrieve import Retrieval, ScoredSentence
from index.analysis import dateline_end, fold, is_stopword, words
from index.facts import facts_of, is_year
from index.lang import Pack, languages, pack
from index.lexicon import load_lexicon
from index.store import Article, CorpusIndex

# Share of the claim's (rarity-weighted) words its evidence must cover to support it.
SUPPORT_COVERAGE = 0.7
# Below this the closest sentence is not on the claim's subject: nothing can be concluded.
TOPIC_COVERAGE = 0.45
# A contradiction refutes only evidence that is about the same thing as the claim.
REFUTE_COVERAGE = 0.5
# Rules whose contradiction depends on the sense of a word, so on who it is said of.
SENSE_RULES = frozenset({"direction", "negation"})
# Rules whose contradiction dates an event, which may be another event than the claim's.
TIME_RULES = frozenset({"date", "weekday", "relative", "duration", "age"})
# Rules that date an event to a day, a year or an age: what another sentence confirms.
DATE_RULES = frozenset({"date", "weekday", "relative", "age"})
# Rules that read figures and dates: one of them must have read each the claim states.
FIGURE_RULES = TIME_RULES | {"quantity", "score"}
# P(the sentence decides the claim) from which a sentence leaving out one of the claim's names
# (not its subject) still refutes it by a figure or a date: on the dev stories, 16 right
# refutations against 1 wrong (at 0.9: 10 against 1).
FIGURES_ABOUT = 0.85
# Rules whose contradiction is made of the parties the sentence names (another doer, two doers
# crossed): they hold whatever else of the claim's subject the sentence leaves out.
PARTY_RULES = frozenset({"actor", "crossed"})


def _passive(language: Pack) -> str:
    """A passive clause: an auxiliary, maybe an adverb ("was quickly removed"), a participle."""
    adverb = language.alternation("passive", "adverb_endings")
    return (
        rf"\b(?:{language.alternation('passive', 'auxiliaries')})\s+"
        + (rf"(?:\w+(?:{adverb})\s+)?" if adverb else "")
        + rf"\w+(?:{language.alternation('passive', 'participle_endings')})\b"
    )


_PASSIVE = re.compile("|".join(_passive(pack(code)) for code in languages()), re.IGNORECASE)
_POSSESSIVE = re.compile(r"^\s*(?:['’]s?\b|\s+de\b)")


@dataclass(frozen=True)
class Judgement:
    """What the rules say of the claim against one candidate sentence."""

    evidence: Evidence
    topic: float  # coverage of the claim's topical words (not its numbers and dates)
    settled: float  # coverage with its numbers and dates left to the rules (terms.settled_coverage)
    subject_missing: bool  # the names the claim opens with are not in the sentence
    names_missing: bool
    names_elsewhere: bool  # a name of the claim is only in the article's title, not here
    predicate_missing: bool  # what the claim says its subject did is not in the sentence
    order: str | None  # word order of subject and predicate: "before" | "after" | "other"
    signals: tuple[Signal, ...]
    # a figure or date of the claim the sentence does not write, which no rule read
    figures_unread: bool = False
    # a whole member of the claim after "and"/"et" that the sentence does not say
    conjunct_unsaid: bool = False
    # the claim's subject is only in the neighbour sentence or the title, and the sentence
    # names another party itself: its figures and dates are that party's
    subject_lent: bool = False
    # the claim gives a death toll, a count that grows as it is updated
    toll: bool = False
    # the sentence names the claim's subject first as the complement of another party's noun
    subject_qualifies: bool = False
    # the claim's first name is missing and its surname only lent by the article's title or
    # the sentence before: the sentence may say it of another of the family ("Her husband")
    family_lent: bool = False
    features: dict[str, float] = field(default_factory=dict, compare=False)
    # P(this sentence decides the claim: it states it or contradicts it), from the fitted
    # model bot/judge/models/claim_evidence.json, and that model's threshold.
    p: float = 0.0
    threshold: float = 1.0
    # the probability below which the sentence refutes nothing, fitted with the threshold
    floor: float = 0.0

    @property
    def about(self) -> bool:
        """Is the sentence about what the claim says? The fitted model, or (for the kinds of
        claim it has not seen) enough of the claim's topical words, unless the model finds it
        unlikely to decide the claim at all (below its fitted floor): on the dev stories, a
        refutation by such a sentence was wrong more often than the five-to-one cost of a
        confidently wrong verdict allows."""
        return self.p >= self.threshold or (self.topic >= REFUTE_COVERAGE and self.p >= self.floor)

    @property
    def sentence(self) -> ScoredSentence:
        return self.evidence.sentence

    @property
    def contradiction(self) -> Signal | None:
        """The first contradiction, when the sentence is about the claim's own subject and
        names everyone the claim names (or all but one of its other names, for a figure or a
        date, when surely about the claim); or another actor doing what the claim says."""
        if not self.about:
            return None
        # Another name where the claim has its own, the one contradiction made of a name the
        # sentence lacks (bot/judge/rules/actor.py), or two named parties crossed.
        actor = next(
            (s for s in self.signals if s.rule in PARTY_RULES and s.outcome == CONTRADICTION),
            None,
        )
        if actor is not None:
            return actor
        if self.subject_missing or self.subject_lent or self.subject_qualifies:
            return None
        if self.hedged:
            # what the source only hopes, plans or risks ("risque 16 milliards d'amende")
            # says nothing against what the claim says was done
            return None
        # A sentence that leaves out one of the claim's other names ("the capital's centre"
        # for Kiev, "Tomljanovic" without "Australia's") may be about something else; when
        # the fitted model finds it surely about the claim, its figures and dates still
        # count against the claim's.
        figures_only = self.names_missing
        if figures_only and (self.family_lent or self.p < FIGURES_ABOUT):
            return None
        return next(
            (
                s
                for s in self.signals
                if s.outcome == CONTRADICTION
                and (s.rule in FIGURE_RULES or not figures_only)
                # A predicate's sense depends on who it is said of: the names must be in the
                # sentence itself, not only in its article's title. A number or a date is
                # the same whatever it is said of.
                and not (s.rule in SENSE_RULES and self.names_elsewhere)
            ),
            None,
        )

    @property
    def supports(self) -> bool:
        return self.supports_but(frozenset())

    def supports_but(self, rules: frozenset[str]) -> bool:
        """Would the sentence state the claim, were it not for what ``rules`` leave
        unverified?"""
        states = self.p >= self.threshold or (
            self.topic >= TOPIC_COVERAGE and self.settled >= SUPPORT_COVERAGE
        )
        return (
            states
            and self.parties_its_own
            and not self.predicate_missing
            and not self.conjunct_unsaid
            and not any(
                s.outcome == CONTRADICTION or (s.outcome == UNVERIFIED and s.rule not in rules)
                for s in self.signals
            )
        )

    @property
    def parties_its_own(self) -> bool:
        """Does the sentence itself name the claim's parties, as the doers, with its figures
        read? Not lent by the title to a sentence about another party or another of the
        family, not named after the predicate, no figure left unread: what it says can be
        what the claim says."""
        return not (
            self.names_missing
            or self.subject_lent
            or self.family_lent
            or self.figures_unread
            or self.subject_qualifies
            or self.order in ("after", "other")
        )

    @property
    def could_state(self) -> bool:
        """Could the sentence state the claim in other words? It is on the claim's subject and
        names its parties, and no check of a figure, a date or a hedge finds it wrong or
        unverified: what is left is the sense of its words, which the rules cannot read and
        an entailment model can (bot/judge/entailment.py)."""
        return (
            self.topic >= TOPIC_COVERAGE
            and self.parties_its_own
            and not (self.subject_missing or self.hedged)
            and not any(
                s.outcome == CONTRADICTION or (s.outcome == UNVERIFIED and s.rule in FIGURE_RULES)
                for s in self.signals
            )
        )

    @property
    def words_said(self) -> bool:
        """Does the sentence write the claim's words, as a sentence that states it must (its
        numbers and dates left to the rules)? A sense read against it is then read against
        the claim's own statement, not against another thing said of the same subject."""
        return self.settled >= SUPPORT_COVERAGE

    @property
    def hedged(self) -> bool:
        return any(s.rule == "hedge" and s.outcome == UNVERIFIED for s in self.signals)


def judge_candidate(
    query: Query, terms: list[QueryTerm], span: Evidence, index: CorpusIndex, rank: int = 0
) -> Judgement:
    article = index.articles[span.doc_id]
    sentence = article.text[span.start : span.end]
    # A name the sentence owes to its article's title: "Google et Apple ont retiré
    # l'application" (in an article titled "Parler accuse Amazon") is no answer to "Google
    # sued Amazon".
    own = sentence_terms(sentence, article.language, load_lexicon())
    # "AFP" for "Agence France-Presse": a name the sentence writes as its acronym is there
    spelled = spelled_out(terms, query.proposition, sentence)
    unnamed = tuple(t for t in terms if t.is_name and not covers(t, own) and t not in spelled)
    pair = Pair(
        query.proposition, query.language, sentence, article.language, tuple(terms),
        article.published, article.title,
    )  # fmt: skip
    missing = tuple(t for t in span.sentence.missing if t not in spelled)
    absent = _names_missing(terms, missing)
    signals = tuple(judge(pair))
    judgement = Judgement(
        evidence=span,
        topic=topic_coverage(terms, missing),
        settled=settled_coverage(terms, missing, _years_unsaid(missing, sentence, article)),
        subject_missing=any(t in missing for t in subject_of(terms)),
        names_missing=any(not _as_nationality(t, sentence, article.language) for t in absent),
        names_elsewhere=bool(_names_missing(terms, unnamed)),
        family_lent=len(_names_missing(terms, missing, unnamed)) > len(absent),
        predicate_missing=(predicate := predicate_of(terms, query.proposition)) is not None
        and predicate in missing,
        order=_subject_order(query.proposition, terms, sentence, article.language),
        signals=signals,
        figures_unread=_figures_unread(missing, signals),
        conjunct_unsaid=_conjunct_unsaid(query.proposition, query.language, terms, missing),
        subject_lent=_subject_lent(
            terms, index.text_of(index.sentences[span.sentence.row]), article.text, article.language
        ),
        toll=counts_dead(query.proposition, query.language),
        subject_qualifies=_subject_qualifies(query.proposition, terms, sentence, article.language),
    )
    features = claim_features(judgement, rank, article.language != query.language)
    model = load_model("claim_evidence")
    return replace(
        judgement,
        features=features,
        p=model.probability(features),
        threshold=model.threshold,
        floor=model.floor,
    )


def _confidence(judgement: Judgement) -> float:
    """The model's probability that the sentence decides the claim, when it is the model
    that found it so; otherwise the coverage-based confidence of the rules."""
    if judgement.p >= judgement.threshold:
        return round(judgement.p, 2)
    return confidence_of(judgement.sentence)


def claim_features(judgement: Judgement, rank: int, cross_lingual: bool) -> dict[str, float]:
    """What the claim-evidence model weighs for one candidate sentence."""
    sentence = judgement.sentence
    outcomes = [s.outcome for s in judgement.signals]
    return {
        "coverage": sentence.coverage,
        "topic": judgement.topic,
        "dense": sentence.dense,
        "chunk_dense": sentence.chunk_dense,
        "bm25": sentence.bm25,
        "rank": float(rank),
        "names_missing": float(judgement.names_missing),
        "subject_missing": float(judgement.subject_missing),
        "predicate_missing": float(judgement.predicate_missing),
        "supports": float(outcomes.count(SUPPORT)),
        "unverified": float(outcomes.count(UNVERIFIED)),
        "contradicts": float(outcomes.count(CONTRADICTION)),
        "cross_lingual": float(cross_lingual),
    }


def decide_claim(
    query: Query,
    retrieval: Retrieval,
    evidence: list[Evidence],
    index: CorpusIndex,
    entailer: Entailer | None = None,
) -> Decision:
    """The verdict on a claim, from the candidate sentences ``evidence`` (best first); checked
    by an entailment model when one is given or configured (``VERIF_NLI_MODEL``)."""
    if not evidence:
        return Decision(False, "not_enough_info", [], 0.0, "no passage")
    if not any(not (t.is_name or t.is_number or t.is_time) for t in retrieval.terms):
        # "WHO", "Parler: Amazon", "C'est Twitter": names alone state nothing to confirm
        return Decision(False, "not_enough_info", [], 0.0, "nothing stated")
    judged = [
        judge_candidate(query, retrieval.terms, span, index, rank)
        for rank, span in enumerate(evidence)
    ]
    decision = verdict_of(judged, retrieval, index)
    entailer = entailer or configured_entailer()
    if entailer is None:
        return decision
    texts = [
        index.articles[j.evidence.doc_id].text[j.evidence.start : j.evidence.end] for j in judged
    ]
    return reconsider(decision, judged, texts, query.proposition, entailer)


def verdict_of(judged: list[Judgement], retrieval: Retrieval, index: CorpusIndex) -> Decision:
    """The verdict from the judged candidates (best first): kept apart from judging so that
    the fitting script can replay it under cross-validated probabilities."""
    supporting = [j for j in judged if j.supports]
    dated_by: list[Judgement] = []  # the sentences giving the date a supporting one lacks
    if not supporting:
        for candidate in judged:
            if dated_by := _dated_elsewhere(candidate, judged):
                supporting = [candidate]
                break
    contradicting = [
        j for j in judged if j.contradiction is not None and not _stated_elsewhere(j, judged)
    ]
    if supporting and contradicting:
        support, against = supporting[0], contradicting[0]
        kind = against.contradiction.kind
        # Another party doing it ("40 countries barred the Max") does not deny that the
        # claim's subject did, when a sentence says so ("Canada barred the Max").
        weak = kind in ("negation", "actor")
        disagree = not weak and support.evidence.doc_id != against.evidence.doc_id
        if disagree:
            return Decision(
                False, "not_enough_info", [support.evidence, against.evidence],
                min(confidence_of(support.sentence), 0.5),
                f"sources disagree: {against.contradiction.reason}", contradiction=kind,
            )  # fmt: skip
        # A negation is the weakest sign of contradiction, and another party doing it no
        # denial: the support wins. Otherwise, within one article, the better-ranked
        # decisive sentence wins.
        if weak or judged.index(support) < judged.index(against):
            contradicting = []
        else:
            supporting = []
    if supporting:
        chosen = [supporting[0].evidence]
        chosen += [j.evidence for j in supporting[1:2] if j.evidence.doc_id != chosen[0].doc_id]
        chosen += [j.evidence for j in dated_by[:1] if j.evidence not in chosen]
        return Decision(False, "supported", chosen, _confidence(supporting[0]), "stated")
    if contradicting:
        against = contradicting[0]
        signal = against.contradiction
        return Decision(
            False, "refuted", [against.evidence], _confidence(against),
            f"contradicts: {signal.kind}", contradiction=signal.kind,
            notes=[signal.reason],
        )  # fmt: skip
    top = judged[0]
    if top.topic < TOPIC_COVERAGE:
        return Decision(False, "not_enough_info", [], 0.2, f"off the subject ({top.topic:.2f})")
    confidence = min(confidence_of(top.sentence), 0.4)
    if top.hedged:
        return Decision(
            False, "not_enough_info", [top.evidence], confidence,
            "the source only says it is hoped, planned or alleged",
        )  # fmt: skip
    return Decision(False, "not_enough_info", [top.evidence], confidence, "not stated")


def _years_unsaid(
    missing: tuple[QueryTerm, ...], sentence: str, article: Article
) -> list[QueryTerm]:
    """The claim's years that the sentence does not write: the date rule may find them
    consistent ("yesterday" in a 2022 article is in 2022), but an article's year is no
    statement of what the claim dates with it, so they count as unsaid."""
    written = facts_of(sentence, article.language).years
    return [t for t in missing if t.is_number and is_year(t.word) and int(t.word) not in written]


def _figures_unread(missing: tuple[QueryTerm, ...], signals: tuple[Signal, ...]) -> bool:
    """Does the claim state a figure or date the sentence does not write, with every rule that
    reads figures silent? Then nothing checked it ("630 heures de vol", in a form no rule
    reads, against "650 flight hours"), and it cannot count as stated."""
    return any(t.is_number or t.is_time for t in missing) and all(
        s.outcome == SILENCE for s in signals if s.rule in FIGURE_RULES
    )


def _conjunct_unsaid(
    claim: str, lang: str, terms: list[QueryTerm], missing: tuple[QueryTerm, ...]
) -> bool:
    """Is a member the claim joins with "and" / "et" left wholly unsaid ("pour aider les
    victimes et reconstruire le pont" against "pour aider les victimes et prendre des
    mesures")? Coverage weighs the words; the claim states the member as a whole."""
    tokens = words(claim)
    bounds = clause_bounds(claim, lang)
    joins = [m.end() for m in bounds if m.group()[:1].isalpha()]
    for start in joins:
        end = min((m.start() for m in bounds if m.start() >= start), default=len(claim))
        member = [
            t
            for t in terms
            if start <= tokens[t.position].start() < end
            and not (t.is_name or t.is_number or t.is_time or t.is_light)
        ]
        if member and all(t in missing for t in member):
            return True
    return False


def _subject_lent(terms: list[QueryTerm], own: str, article: str, lang: str) -> bool:
    """Does the sentence ``own`` owe the claim's subject to its neighbour or its article's
    title, while it opens with another party's name ("Casper Ruud compte 8 titres", in an
    article on Nadal, for "Nadal compte plus de vingt titres")? Then what it says is that
    party's. A name is what the article writes capitalised inside a sentence too; a pronoun
    or a description ("Il", "The tribunal convicted him") may stand for the claim's subject."""
    subject = subject_of(terms)
    opener = re.match(r"[\W_]*([^\W\d_][\w’'-]*)", own)
    if not subject or opener is None or not opener.group(1)[:1].isupper():
        return False
    name = fold(opener.group(1))
    if name in {t.folded for t in terms} or is_stopword(name) or is_time_word(name):
        return False
    if name not in _inner_names(article):
        return False
    said = sentence_terms(own, lang, load_lexicon())
    return not any(covers(t, said) for t in subject)


@lru_cache(maxsize=64)
def _inner_names(article: str) -> frozenset[str]:
    """The folded words an article writes capitalised inside a sentence: read once per article,
    not for every candidate sentence of every claim."""
    return frozenset(fold(w) for w in inner_capitalised(article))


def _dated_elsewhere(judged_one: Judgement, judged: list[Judgement]) -> list[Judgement]:
    """The other sentences naming the claim's parties that give the date a sentence stating
    all but it lacks ("Ghani flew out of Afghanistan on Sunday" beside "Taliban fighters
    entered Kabul and Ghani left Afghanistan", for "Ghani left the country on Sunday"); empty
    if any is missing. On the dev stories this supported 11 true claims and no other; with
    spans of time or figures confirmed so too, one in eight was wrong."""
    left = frozenset(s.rule for s in judged_one.signals if s.outcome == UNVERIFIED)
    if not left or not left <= DATE_RULES or not judged_one.supports_but(left):
        return []
    found = []
    for rule_ in left:
        giving = next(
            (
                other
                for other in judged
                if other is not judged_one
                and not (other.names_missing or other.subject_missing)
                and any(s.rule == rule_ and s.outcome == SUPPORT for s in other.signals)
                and not any(s.rule == rule_ and s.outcome == CONTRADICTION for s in other.signals)
            ),
            None,
        )
        if giving is None:
            return []
        found.append(giving)
    return found


def _stated_elsewhere(against: Judgement, judged: list[Judgement]) -> bool:
    """Does another sentence naming the claim's parties give the very date (day, span) or
    death toll the contradicting one denies? Then the contradicting one dates another event
    ("Dimanche, il avait refusé de partir" beside "a démissionné mardi" for "a mis fin mardi à
    son règne"), or counts at another time ("Earlier reports said 400 people were killed"
    beside "le bilan s'élève désormais à 832 morts" for "plus de 800 personnes tuées")."""
    signal = against.contradiction
    rule_ = signal.rule
    if rule_ not in TIME_RULES and not (rule_ == "quantity" and against.toll):
        return False  # other figures are of other things as often as of other times
    if signal.swapped:
        return False  # the sentence gives the claim's figure to another: no earlier count
    # A toll is counted again and again: a sentence giving the claim's count makes one with
    # another count, on another day too ("premier bilan jeudi" / "nouveau bilan dimanche"), a
    # later or earlier update.
    recount = against.toll and any(
        s.rule == "quantity" and s.outcome == CONTRADICTION for s in against.signals
    )
    confirming = {rule_, "quantity"} if recount else {rule_}
    return any(
        other is not against
        and not other.names_missing
        and any(s.rule in confirming and s.outcome == SUPPORT for s in other.signals)
        for other in judged
    )


def _as_nationality(name: QueryTerm, sentence: str, lang: str) -> bool:
    """Does the sentence give the place ``name`` as its nationality ("le président *cubain*"
    for "Cuba", "the *Chinese* government" for "Chine")? The word is a nationality (actor
    rule) that begins as the name does, less its last vowels."""
    root = name.folded.rstrip("aeiouy")
    if len(root) < 3:
        return False
    lexicon = load_lexicon()
    return any(
        fold(word.group()).startswith(root)
        and fold(word.group()) != name.folded
        and nationality(word.group(), lang, lexicon)
        for word in words(sentence)
    )


def _names_missing(
    terms: list[QueryTerm], missing: tuple[QueryTerm, ...], lent: tuple[QueryTerm, ...] = ()
) -> list[QueryTerm]:
    """Names the evidence does not give; a first name is forgiven when the surname right
    after it is there ("Donald Trump" against "M. Trump"), and not only ``lent`` by the
    article's title or the sentence before when those are given."""
    by_position = {t.position: t for t in terms}
    return [
        t
        for t in missing
        if t.is_name
        and not (
            (after := by_position.get(t.position + 1)) is not None
            and after.is_name
            and after not in missing
            and after not in lent
        )
    ]


def _verb_of_subject(after_subject: str, gap: int, verb: str) -> bool:
    """Is ``verb`` (the claim's next term) the subject's own verb? Only function words lie
    between them, and no comma: a few words are an auxiliary ("Monsanto will have to pay");
    more, or a comma, make another clause ("Monsanto, which Bayer is buying, will pay") or
    an apposition ("Reid Hoffman, cofondateur de LinkedIn, a donné son accord")."""
    return gap <= 5 and re.match(rf"[^,;:()—–]*?\b{re.escape(verb)}", after_subject) is not None


def _named_as_noun(before: str, lang: str) -> bool:
    """Is the word right after ``before`` a noun rather than a verb: the end of a compound
    ("post-launch"), after a determiner ("the launch", "son lancement", "l'annonce") or a
    possessive ("the rocket's launch")?"""
    if before.endswith("-"):
        return True
    previous = re.findall(r"[\w’']+$", before.rstrip())
    if not previous:
        return False
    word = previous[0].casefold()
    determiners = {d.casefold() for d in pack(lang).words("hedge", "determiners")}
    return word in determiners or word.endswith(("'s", "’s"))


def _subject_order(claim: str, terms: list[QueryTerm], sentence: str, lang: str) -> str | None:
    """Does the evidence name the claim's subject before its predicate, as the doer?

    "before" when it does; "other" when another name comes before the predicate and the
    subject only after it ("Parler a intenté une action … au profit de Twitter" against
    "Twitter sued Amazon"); "after" when only the subject comes after it; None when word
    order says nothing (the subject is implied by the article, or a word is not found).
    """
    subject = subject_of(terms)
    predicate = next(
        (
            t
            for t in terms
            if t not in subject and not (t.is_number or t.framed) and says_what_is_done(t)
        ),
        None,
    )
    if not subject or predicate is None or _PASSIVE.search(claim) or labelled(claim):
        return None
    if predicate.is_light:
        return None  # "Kurtz said that…": who said it is not who does what is said
    after_subject = _after_subject(claim, subject)
    gap = predicate.position - subject[-1].position
    if not _verb_of_subject(after_subject, gap, predicate.word) or _POSSESSIVE.match(after_subject):
        return None  # not a subject and its verb: "Twitter's stock", "Capitol … on January 6"
    lexicon = load_lexicon()
    verb_at = first_mention(predicate, sentence, lang, lexicon)
    subject_at = [first_mention(t, sentence, lang, lexicon) for t in subject]
    if verb_at is None or any(at is None for at in subject_at):
        return None
    if _named_as_noun(sentence[:verb_at], lang):
        return None  # "a post-launch news conference", "after the launch": no one's verb
    if sentence[verb_at : verb_at + 1].isupper() and sentence[:verb_at].strip():
        return None  # "The Swiss Federal Council" for "Le Conseil fédéral": part of a name
    if _passive_with_agent(clause_around(sentence, lang, verb_at, verb_at + 1), lang):
        return None  # "Mladic a été déclaré coupable par le TPIY": the doer comes after
    if any(at < verb_at for at in subject_at):
        return "before"  # "Bayer agreed to buy Monsanto" for "Bayer and Monsanto agree"
    claimed = {t.folded for t in terms}
    return "other" if _others_before(sentence, verb_at, claimed, lang) else "after"


def _subject_qualifies(claim: str, terms: list[QueryTerm], sentence: str, lang: str) -> bool:
    """Does the sentence name the claim's subject first as the complement of another party's
    noun ("Quant à Marc Joulaud, l'ancien suppléant de François Fillon, il a été condamné",
    "Amazon, Parler's host, cut…" is not; "Amazon, the host of Parler" is, for Parler)? Then
    what the sentence says is that other party's, unless the claim too makes its subject
    qualify a noun ("Barcelona's mayor, Ada Colau, …")."""
    subject = subject_of(terms)
    if not subject or _POSSESSIVE.match(_after_subject(claim, subject)):
        return False
    if speaker(sentence) is not None:
        return False  # "Sheryl Sandberg, directrice de Facebook, a déclaré que…" speaks for it
    lexicon = load_lexicon()
    at = first_mention(subject[0], sentence, lang, lexicon)
    noun = _complemented(sentence[:at], lang) if at is not None else None
    if noun is None or any(covers(t, sentence_terms(noun, lang, lexicon)) for t in terms):
        return False  # "le palais de Buckingham" for "Buckingham Palace": the name itself
    return bool(_others_before(sentence, at, {t.folded for t in terms}, lang))


def _after_subject(claim: str, subject: list[QueryTerm]) -> str:
    """What the claim writes after its subject ("'s stock rose" in "Twitter's stock rose")."""
    return claim[claim.find(subject[-1].word) + len(subject[-1].word) :]


def _others_before(sentence: str, end: int, claimed: set[str], lang: str) -> list[str]:
    """The names other than the claim's that ``sentence`` writes before ``end`` in the same
    clause, outside quotations: who else may be doing what is said there. A first word that
    is a word of the language ("Certes,", "Besides") is no name."""
    body = dateline_end(sentence)  # "WASHINGTON (AP) —" acts in nothing
    quoted = _quoted_spans(sentence)
    opener = [w for w in sentence[body:].split()[:1] if not language_word(w.strip(",;:"), lang)]
    return [
        name
        for name in inner_capitalised(sentence[body:]) + opener
        if fold(re.sub(r"['’]s$", "", name)) not in claimed  # "Boeing's" is Boeing
        and not is_time_word(name) and not is_stopword(name) and len(name) > 1
        and body <= sentence.find(name, body) < end
        # in the verb's own clause: not across a dash, a bracket or a semicolon
        and not _STRONG_BREAK.search(sentence, sentence.find(name, body), end)
        # words quoted are what is said, not who does it ("« C'est inacceptable », a dit…")
        and not any(a <= sentence.find(name, body) < b for a, b in quoted)
    ]  # fmt: skip


def _complemented(before: str, lang: str) -> str | None:
    """The common noun ``before`` ends with, followed by the word that makes what follows its
    complement ("suppléant" in "l'ancien suppléant de", "wife" in "the wife of"), if any."""
    marker = pack(lang).alternation("noun_complement", "markers")
    found = re.search(rf"\b([^\W\d_][\w’'-]+)\s+(?:{marker})\s*$", before, re.IGNORECASE)
    if found is None or not found.group(1).islower() or is_stopword(found.group(1)):
        return None
    return found.group(1)


def _passive_with_agent(clause: str, lang: str) -> bool:
    """Is ``clause`` passive with its doer named ("a été déclaré coupable *par* le TPIY")?"""
    return bool(_PASSIVE.search(clause) and _agent_word(lang).search(clause))


@cache
def _agent_word(lang: str) -> re.Pattern[str]:
    """The word before a passive's doer ("by", "par")."""
    return re.compile(rf"\b(?:{pack(lang).alternation('passive', 'agents')})\b", re.IGNORECASE)


def _quoted_spans(sentence: str) -> list[tuple[int, int]]:
    """Where ``sentence`` quotes someone; a closing mark before any opening one ends a
    quotation opened in the sentence before ("C'est inacceptable », a dit le ministre")."""
    spans = [m.span() for m in _QUOTED.finditer(sentence)]
    closing, opening = re.search(r"[»”]", sentence), re.search(r"[«“]", sentence)
    if closing and (not opening or closing.start() < opening.start()):
        spans.append((0, closing.end()))
    return spans


_QUOTED = re.compile(r"«[^»]*»|“[^”]*”|\"[^\"]*\"")

# Punctuation that closes a clause more firmly than a comma does.
_STRONG_BREAK = re.compile(r"[;:()\[\]—–]")
