"""Conventions the sixth type set's tune half showed the coder breaking (twenty-first session),
each a general rule: a threat states its condition and is still made; a refusal made by saying
"will not" is not a plan, whatever the learned factuality model reads into the "will". Real
spaCy; hand-written sentences."""

from __future__ import annotations

import pytest

from newsevents import api, learn


def _facts(resources: api.Resources, text: str) -> list[tuple[str, str]]:
    doc = api.analyze_text(text, resources=resources, published="2025-04-01")
    return [(e.event, e.factuality) for e in doc.events]


@pytest.mark.parametrize(
    "text",
    [
        "The dockers' union threatened a national stoppage unless the port sale was cancelled.",
        "Hungary has threatened to veto the budget if the funds stay frozen.",
        "The rebel commander vowed to retake the town if the army did not withdraw.",
    ],
)
def test_a_conditional_threat_is_made(resources, text):
    assert ("THREATEN", "asserted") in _facts(resources, text), _facts(resources, text)


def test_a_threat_that_may_come_stays_hypothetical(resources):
    text = "Kenya could threaten to expel the envoy if the dispute worsens."
    assert ("THREATEN", "hypothetical") in _facts(resources, text), _facts(resources, text)


@pytest.mark.parametrize(
    "text",
    [
        "Chile will not lift its tariff on Argentine wheat.",
        "Ghana will not drop its claim to the disputed islands.",
    ],
)
def test_a_refusal_by_will_not_is_no_plan_with_the_models(learned_resources, text):
    facts = _facts(learned_resources, text)
    assert facts and all(e == "REJECT" and f != "future" for e, f in facts), facts


def test_the_models_never_make_a_said_act_a_plan():
    p_type = {"NONE": 0.0, "REJECT": 0.9, "AGREE": 0.1}
    p_fact = {"asserted": 0.1, "future": 0.9}
    bars = {"drop": 0.9, "retype": 1.01, "factuality": 0.5}
    assert learn.decide("REJECT", "asserted", p_type, p_fact, bars).factuality == "future"
    said = learn.decide("REJECT", "asserted", p_type, p_fact, bars, said_act=True)
    assert said.factuality == "asserted"
