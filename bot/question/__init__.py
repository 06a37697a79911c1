"""The question stage: what the user typed, made into a ``Query`` before anything is searched.

``query.py`` cleans and checks the input (a readable ``ValueError`` for unusable text), finds
its language and whether it is a claim or a question and what kind of answer it asks for;
``terms.py`` turns it into the words that matter, with their forms in both languages and
their rarity, and says whether a sentence covers them. It is a stage because everything after
it — retrieval, evidence, judging, wording — works from this one reading of the input and
never reads the raw text again.
"""

from bot.question.query import Query, parse

__all__ = ["Query", "parse"]
