"""An act someone began or has started is under way, not planned or alleged (twenty-second
session): "began" is a future governor only as a plan ("will begin"), and a verb that fires
an accusation only with a given object ("opened a probe", "ordered an inquiry") does not make
its other complements allegations. Real spaCy; hand-written sentences."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("The army began shelling the border villages on Monday.", "ASSAULT"),
        ("Rebel units have started withdrawing from the hills around Bunia.", "RETREAT"),
        ("The ministry started easing the curfew in the capital last week.", "CONCEDE"),
    ],
)
def test_an_act_begun_is_asserted(event_facts, text, event):
    assert (event, "asserted") in event_facts(text), event_facts(text)


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("The army will begin withdrawing from the border next week.", "RETREAT"),
        ("The troops are to start pulling out of the town on Friday.", "RETREAT"),
    ],
)
def test_an_act_to_begin_is_still_a_plan(event_facts, text, event):
    assert (event, "future") in event_facts(text), event_facts(text)


def test_an_accused_act_stays_alleged(event_facts):
    text = "Kenya accused Ugandan troops of shelling the border town."
    assert ("ACCUSE", "asserted") in event_facts(text)
    assert ("ASSAULT", "asserted") not in event_facts(text)
