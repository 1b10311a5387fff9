"""Evaluation against gold (PLACEHOLDER; the evaluation owner replaces it)."""
