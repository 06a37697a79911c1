"""The composing stage: a decision and its evidence, put into words for people.

``text.py`` writes the answer in the question's language from the wording in ``prompts/``,
with one [n] marker per citation and the speaker of reported speech; ``render.py`` turns an
answer and its sources into the app's HTML, where everything from a source or a user is
literal text. It is a stage because it decides nothing: it only words what the judge decided.
"""
