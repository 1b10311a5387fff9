"""Phrases read wrong before the thirty-ninth session. Real spaCy, gazetteer and
dictionaries; hand-written sentences."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "doer"),
    [
        ("Russia dismissed reports that its jets had bombed a hospital in Idlib.", "RUS"),
        ("Chad rejected claims that its troops had shelled a camp near Abeche.", "TCD"),
    ],
)
def test_its_in_a_claim_answered_is_the_answering_party(analyze, text, doer):
    """'X dismissed reports that its jets bombed Y': the jets are X's, not the country of the
    place the claim names."""
    doc = analyze(text, published="2024-05-15")
    (act,) = [e for e in doc.events if e.event == "ASSAULT"]
    assert [a.code for a in act.actor] == [doer]


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        (
            "Iran's army chief said Tehran would close the Strait of Hormuz unless its oil "
            "exports were allowed through.",
            "IRN",
        ),
        (
            "Russia's foreign minister said Moscow would expel the envoy unless Tallinn "
            "reversed its decision.",
            "RUS",
        ),
    ],
)
def test_an_official_speaks_for_the_capital_named_in_a_condition(analyze, text, actor):
    """'X's official said <capital> would do A unless ...' is the state's own conditional
    act: a threat, not a hypothetical act."""
    doc = analyze(text, published="2024-05-15")
    assert [(e.event, [a.code for a in e.actor]) for e in doc.events] == [("THREATEN", [actor])]
