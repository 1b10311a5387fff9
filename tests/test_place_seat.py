"""A body that acts where it sits (twenty-fourth session): a court or prosecutors "in X"
place even an act done by word in X, while officials "in X" accusing a state are only where
the speakers are. Real spaCy and gazetteer; hand-written sentences."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "text, place",
    [
        ("A court in Tunis sentenced the opposition leader to three years in prison.", "Tunis"),
        ("On Tuesday prosecutors in Guayaquil dropped charges against 14 students.", "Guayaquil"),
        ("Officials in Kabul accused Pakistan of shelling border villages.", None),
    ],
)
def test_a_court_acts_where_it_sits(analyze, text, place):
    doc = analyze(text, published="2025-03-05")
    assert doc.events
    assert {e.location.name if e.location else None for e in doc.events} == {place}
