"""An act someone began or has started is under way, not planned or alleged (twenty-second
session): "began" is a future governor only as a plan ("will begin"), and a verb that fires
an accusation only with a given object ("opened a probe", "ordered an inquiry") does not make
its other complements allegations. Real spaCy; hand-written sentences."""

from __future__ import annotations

import pytest

from newsevents import api


def _facts(resources: api.Resources, text: str) -> list[tuple[str, str]]:
    doc = api.analyze_text(text, resources=resources, published="2025-04-01")
    return [(e.event, e.factuality) for e in doc.events]


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("The army began shelling the border villages on Monday.", "ASSAULT"),
        ("Rebel units have started withdrawing from the hills around Bunia.", "RETREAT"),
        ("The ministry started easing the curfew in the capital last week.", "CONCEDE"),
    ],
)
def test_an_act_begun_is_asserted(resources, text, event):
    assert (event, "asserted") in _facts(resources, text), _facts(resources, text)


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("The army will begin withdrawing from the border next week.", "RETREAT"),
        ("The troops are to start pulling out of the town on Friday.", "RETREAT"),
    ],
)
def test_an_act_to_begin_is_still_a_plan(resources, text, event):
    assert (event, "future") in _facts(resources, text), _facts(resources, text)


def test_an_accused_act_stays_alleged(resources):
    text = "Kenya accused Ugandan troops of shelling the border town."
    assert ("ACCUSE", "asserted") in _facts(resources, text)
    assert ("ASSAULT", "asserted") not in _facts(resources, text)
