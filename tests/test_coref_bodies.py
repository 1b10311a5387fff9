"""A definite noun for an international body (twenty-eighth session): "the bloc" is the
international organisation named last before it ("the European Union's foreign policy
chief said that the bloc condemned ...", "ECOWAS leaders met ... The bloc threatened ...");
"the alliance" is not (gangs and parties form alliances too). Real spaCy and dictionaries;
hand-written sentences."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "event", "code"),
    [
        (
            "The European Union's foreign policy chief said on Tuesday that the bloc condemned"
            " the violence against protesters in Georgia.",
            "ACCUSE",
            "EUR",
        ),
        (
            "ECOWAS leaders met in Abuja on Sunday. The bloc threatened to use force against the"
            " junta in Niger.",
            "THREATEN",
            "IGO",
        ),
    ],
)
def test_the_bloc_is_the_body_named_before(analyze, text, event, code):
    doc = analyze(text, published="2025-01-14")
    doers = [a.code for e in doc.events if e.event == event for a in e.actor]
    assert doers == [code]


def test_an_alliance_of_gangs_is_no_international_body(analyze):
    text = (
        "The UN envoy said on Monday that gangs had formed an alliance in the capital. She said"
        " the alliance had attacked police stations since February."
    )
    attacks = [e for e in analyze(text, published="2025-01-14").events if e.event == "ASSAULT"]
    assert attacks
    assert all(a.code != "UNO" for e in attacks for a in e.actor)
