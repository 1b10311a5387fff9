"""Casualty and arrest counts told around the act (twenty-third session): an act that is
the subject of "leave" counts what it left ("Tuesday's raid left six men dead"); a converted
pattern of arrest without a count kind of its own counts its patients as arrested ("31
drivers were taken into custody"). Real spaCy; hand-written sentences."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "text, kind, value",
    [
        ("Tuesday's raid on a hamlet near Kandep left six men dead, police said.", "killed", 6),
        ("Sunday's ambush on the Garissa road left four soldiers dead.", "killed", 4),
        ("31 drivers were taken into custody in Oruro on Monday.", "arrested", 31),
    ],
)
def test_counts_told_around_the_act(analyze, text, kind, value):
    doc = analyze(text, published="2025-04-01")
    counts = {(q.kind, q.value) for e in doc.events for q in e.quantities}
    assert (kind, value) in counts, counts
