"""Dates (PLACEHOLDER created by the lead so imports work; the time owner replaces it)."""

from __future__ import annotations

from ..model import Document, EventMention, TimeExpression


def find_times(doc: Document) -> list[TimeExpression]:
    return []


def infer_publication(doc: Document) -> tuple[str, float] | None:
    return None


def resolve_dates(
    doc: Document, events: list[EventMention], times: list[TimeExpression]
) -> list[EventMention]:
    return events
