"""Speakers: the claim says who said it, and the source gives the words to someone else.

"Selon le maire de Houston, les dégâts atteindront des milliards" is not stated by "«…», a
prévenu le gouverneur du Texas Greg Abbott, soulignant que les dégâts atteindront des
milliards": what was said is there, but not by whom the claim says. Who speaks is read by
bot/evidence/attribution.py in both; a source that names a speaker must also name the claim's
(as the speaker, or in an apposition: "Sergio Caglieris, director of the 112 service, said").
"""

from __future__ import annotations

from bot.evidence.attribution import speaker
from bot.judge.rules import SUPPORT, UNVERIFIED, Pair, Signal, rule, silence
from bot.question.terms import covers, sentence_terms
from index.analysis import words
from index.lexicon import load_lexicon

NAME = "speaker"


@rule(NAME)
def check(pair: Pair) -> Signal:
    claimed = speaker(pair.claim)
    stated = speaker(pair.evidence) if claimed else None
    if not claimed or not stated:
        return silence(NAME)
    start = pair.claim.find(claimed)
    end = start + len(claimed)
    tokens = words(pair.claim)
    who = [
        t
        for t in pair.terms
        if start <= tokens[t.position].start() < end
        and not (t.is_number or t.is_time or t.is_light)
    ]
    if not who:
        return silence(NAME)
    # the source may name the speaker beside the verb and give the role in an apposition
    # ("Sergio Caglieris, director of the 112 emergency service, said")
    said = sentence_terms(pair.evidence, pair.evidence_lang, load_lexicon())
    if any(covers(t, said) for t in who):
        return Signal(NAME, SUPPORT, f"said by {stated}, as the claim says")
    return Signal(NAME, UNVERIFIED, f"the source gives these words to {stated}, not {claimed}")
