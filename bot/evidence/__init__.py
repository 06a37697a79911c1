"""The evidence stage: from ranked sentences to the quotes an answer or a verdict rests on.

``candidates.py`` chooses the evidence once — the sentence(s) that answer a question, or the
best sentence and its close runners-up for a claim — as contiguous spans of the cleaned
article; ``attribution.py`` says who a quoted sentence attributes its content to. It is a
stage because the judges receive this evidence and never select sentences themselves.
"""
