"""Context words and modifiers that make or unmake an event (twenty-third session): a
body's proper name that holds a sport word is still the act's target ("the Awami League");
a final is a match; a charm or price offensive is marketing, not an attack. Real spaCy;
hand-written sentences."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "text",
    [
        "The interim government banned the Awami League on Saturday.",
        "The Muslim League was banned by the military government in 1999.",
    ],
)
def test_a_league_that_is_a_party_is_still_acted_on(event_facts, text):
    assert ("COERCE", "asserted") in event_facts(text)


@pytest.mark.parametrize(
    "text",
    [
        "Argentina beat Brazil in the Copa America final.",
        "Manchester United beat Arsenal in the Premier League.",
        "Chinese carmakers launched a charm offensive in Thailand.",
        "Two supermarket chains began a price offensive in Lagos this week.",
    ],
)
def test_sport_and_marketing_are_no_events(event_facts, text):
    assert event_facts(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "The Kenyan athletics star threatened to skip the Rome meeting unless it moved her race.",
        "The central bank is fighting inflation with higher interest rates.",
    ],
)
def test_athletics_and_inflation_are_no_politics(event_facts, text):
    assert event_facts(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "The crowd in the town centre has dispersed, and the streets are calm again.",
        "The exclave is surrounded on every side by Kyrgyz territory.",
    ],
)
def test_a_crowd_leaving_or_a_map_is_no_coercion(event_facts, text):
    assert event_facts(text) == []


def test_police_dispersing_a_crowd_still_coerce(event_facts):
    # (with tear gas it is crowd control, ASSAULT: CAMEO 175, tests/test_wire_phrases37.py)
    assert ("COERCE", "asserted") in event_facts("Police dispersed the crowd outside parliament.")
