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


@pytest.mark.parametrize(
    "text, kind, value",
    [
        # victims named by a singular noun with "a": one each (twenty-fourth session)
        ("A motorcycle taxi driver was shot dead in Pikine on Thursday.", "killed", 1),
        ("Gunmen killed a farmer and a herder near Mokwa on Sunday.", "killed", 2),
        ("A policeman was wounded when rioters stoned a patrol in Osh.", "injured", 1),
    ],
)
def test_a_victim_named_with_an_indefinite_article_counts_one(analyze, text, kind, value):
    doc = analyze(text, published="2025-04-01")
    counts = {(q.kind, q.value) for e in doc.events for q in e.quantities}
    assert (kind, value) in counts, counts


def test_an_arrest_of_a_man_gives_no_figure(analyze):
    """ "arrested a man" is often one of several: no figure of one."""
    doc = analyze("Police arrested a man in Kisumu on Monday.", published="2025-04-01")
    assert not [q for e in doc.events for q in e.quantities if q.kind == "arrested"]
