"""Verbs whose object decides the act (twenty-third session): forces holding or ceasing
their fire observe a truce; blocking a proposal, a bid or a resolution rejects it (blocking
a road is a protest); a day-phrase the parser glued to the next noun ("on Wednesday
opposition claims") is still a date, not the "on" of another reading. Real spaCy;
hand-written sentences."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "text, fact",
    [
        (
            "Indian and Pakistani troops held their fire along the Line of Control on Sunday.",
            ("RETREAT", "asserted"),
        ),
        ("Both armies ceased fire at midnight, a spokesman said.", ("RETREAT", "reported")),
        ("Hungary blocked the EU statement on the war on Tuesday.", ("REJECT", "asserted")),
        ("Serbia's bid to join Interpol was blocked by a vote of members.", ("REJECT", "asserted")),
        (
            "Lima rejected on Tuesday union claims that soldiers had killed two miners.",
            ("REJECT", "asserted"),
        ),
    ],
)
def test_the_object_decides(event_facts, text, fact):
    assert fact in event_facts(text)


def test_blocking_a_road_stays_a_protest(event_facts):
    assert event_facts("Farmers blocked the highway to Lima with tractors.") == [
        ("PROTEST", "asserted")
    ]


@pytest.mark.parametrize(
    "text, fact",
    [
        ("The World Bank released 300 million dollars to Zambia on Friday.", ("AID", "asserted")),
        (
            "The IMF could release a further loan tranche to Ghana this year.",
            ("AID", "hypothetical"),
        ),
        ("Rebels released 12 hostages in Mopti on Monday.", ("RETREAT", "asserted")),
        ("Iran freed a Belgian aid worker in a prisoner swap.", ("RETREAT", "asserted")),
    ],
)
def test_money_released_is_aid_people_released_a_release(event_facts, text, fact):
    assert fact in event_facts(text)


@pytest.mark.parametrize(
    "text, fact",
    [
        (
            "Several thousand Serbs gathered in Zvecan to protest against the arrests.",
            ("PROTEST", "asserted"),
        ),
        (
            "Hundreds of Uyghurs assembled outside the consulate to denounce the deportations.",
            ("PROTEST", "asserted"),
        ),
    ],
)
def test_gathering_to_protest_is_a_protest(event_facts, text, fact):
    assert fact in event_facts(text)


def test_troops_gathering_to_oppose_are_no_protest(event_facts):
    assert ("PROTEST", "asserted") not in event_facts(
        "Troops gathered near the border to oppose any incursion."
    )


def test_hauling_a_state_before_a_court_accuses_it(analyze):
    doc = analyze(
        "In March 2025 Sudan hauled the United Arab Emirates before the International Court "
        "of Justice over its alleged backing of the RSF.",
        published="2025-04-01",
    )
    ev = next(e for e in doc.events if e.event == "ACCUSE")
    assert {a.code for a in ev.actor} == {"SDN"} and {a.code for a in ev.recipient} == {"ARE"}


def test_dragging_people_into_a_van_is_no_lawsuit(event_facts):
    assert ("ACCUSE", "asserted") not in event_facts("Police dragged the protesters into a van.")


@pytest.mark.parametrize(
    "text",
    [
        "On Tuesday, men of a rival clan burned houses near Wabag.",
        "Raiders set fire to a village near Kandep on Monday.",
    ],
)
def test_clans_and_raiders_burning_homes_assault(event_facts, text):
    assert ("ASSAULT", "asserted") in event_facts(text)
