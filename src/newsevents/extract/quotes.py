"""Quotations (PLACEHOLDER created by the lead so imports work; the merge owner replaces it)."""

from __future__ import annotations

from ..model import Document, Quote


def extract_quotes(doc: Document) -> list[Quote]:
    return []
