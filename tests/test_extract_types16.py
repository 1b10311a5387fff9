"""Words the coder lacked (twenty-second session), each a class of wording rather than one
sentence: players, officials and federations of sport and fraudsters are no political doers;
military units by their formation's name are forces a state moves. Real spaCy; hand-written
sentences."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "text",
    [
        "Ghana's wingers attacked down both flanks in the second half.",
        "The umpire threatened to suspend play after a pitch invasion in Colombo.",
        "FIFA fined the Peruvian federation after fans threw bottles at the linesman.",
        "Fraudsters threatened to leak a pensioner's bank details unless she paid them.",
    ],
)
def test_sport_and_fraud_are_no_events(event_facts, text):
    assert event_facts(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Strikers blocked the main road into Kano on Monday.",
        "Rebel forward units attacked an army post outside Beni.",
    ],
)
def test_workers_on_strike_and_forward_units_still_act(event_facts, text):
    assert event_facts(text), text


@pytest.mark.parametrize(
    "text",
    [
        "Poland moved a tank regiment to its border with Belarus on Friday.",
        "Britain sent a squadron of fighter jets to Estonia.",
        "Beijing dispatched a flotilla of coast guard cutters to the atoll.",
    ],
)
def test_a_formation_moved_is_a_deployment(event_facts, text):
    assert ("MOBILIZE", "asserted") in event_facts(text), event_facts(text)


@pytest.mark.parametrize(
    "text",
    [
        "Norway pledged to rebuild the clinics destroyed in the cyclone.",
        "The governor promised to repair every road that the floods had destroyed.",
    ],
)
def test_a_promise_to_repair_what_was_destroyed_is_no_threat(event_facts, text):
    assert ("AGREE", "asserted") in event_facts(text), event_facts(text)


def test_a_vow_that_culprits_will_be_punished_stays_a_threat(event_facts):
    text = "The minister vowed that the men who burned the mosque would be punished."
    assert ("THREATEN", "asserted") in event_facts(text), event_facts(text)


@pytest.mark.parametrize(
    "text",
    [
        "Belize called its ambassador home from Guatemala on Tuesday.",
        "Both states summoned their envoys home after the shooting.",
    ],
)
def test_an_envoy_called_home_is_recalled(event_facts, text):
    assert ("SANCTION", "asserted") in event_facts(text), event_facts(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Eighty militiamen handed their rifles to army officers in Bunia.", "RETREAT"),
        ("Dozens of rebels gave their weapons to the UN mission on Friday.", "RETREAT"),
        ("Turkey handed weapons and ammunition to the Somali army.", "AID"),
    ],
)
def test_armed_men_handing_weapons_disarm_a_state_supplies(event_facts, text, expected):
    assert (expected, "asserted") in event_facts(text), event_facts(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ghana voted for Nigeria's candidate in the race for the Commonwealth post.", "SUPPORT"),
        ("Kazakhstan enrolled hundreds of reservists in a new territorial militia.", "MOBILIZE"),
        ("The IMF halted new lending to Sri Lanka after the default.", "SANCTION"),
        ("The junta lifted the moratorium on party meetings on Monday.", "CONCEDE"),
    ],
)
def test_verbs_whose_object_decides(event_facts, text, expected):
    assert (expected, "asserted") in event_facts(text), event_facts(text)


def test_citizens_voting_elect_no_one_in_an_event(event_facts):
    text = "Millions of Malawians voted for the opposition leader in September."
    assert [e for e, _ in event_facts(text)] == []


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Zambia's Labour Congress threatened a national strike over fuel prices.", "ZMB"),
        ("Ghana's Trades Union Congress threatened a strike over pensions.", "GHA"),
    ],
)
def test_a_body_named_with_a_role_word_is_not_a_known_bodys_namesake(analyze, text, code):
    doc = analyze(text)
    actors = {a.code for e in doc.events for a in e.actor}
    assert actors == {code}, actors


def test_a_bare_congress_is_still_the_us_congress(analyze):
    doc = analyze("Congress approved aid to Ukraine.")
    assert {a.code for e in doc.events for a in e.actor} == {"USA"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Prosecutors in Lusaka dropped the charges against the four activists.", "CONCEDE"),
        ("A judge in Blantyre granted bail to eleven of the arrested traders.", "RETREAT"),
        ("Police in Dhaka turned water cannon on striking garment workers.", "ASSAULT"),
        ("The army deployed two more companies to the border district.", "MOBILIZE"),
    ],
)
def test_more_verbs_whose_object_decides(event_facts, text, expected):
    assert (expected, "asserted") in event_facts(text), event_facts(text)


def test_a_cyclists_attack_is_sport(event_facts):
    text = "The Colombian rider attacked on the final climb and won the stage."
    assert event_facts(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Opposition supporters took to the streets of Lusaka on Friday.", "PROTEST"),
        ("Students filled the main square of Dhaka chanting against the quota.", "PROTEST"),
        ("The rebels have gathered hundreds of fighters around the airport.", "MOBILIZE"),
    ],
)
def test_crowds_and_forces_massing(event_facts, text, expected):
    assert expected in [e for e, _ in event_facts(text)], event_facts(text)


@pytest.mark.parametrize(
    "text",
    [
        "Crowds filled the streets of Accra for the Independence Day parade.",
        "Shoppers thronged the streets before Christmas.",
        "The storm also cut power to the hospital for most of the weekend.",
    ],
)
def test_celebrations_shopping_and_storms_are_no_events(event_facts, text):
    assert event_facts(text) == []
