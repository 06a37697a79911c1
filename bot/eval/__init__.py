"""Evaluation: a gold QA set, metrics, the LangChain-tutorial baseline, and a readable report."""
