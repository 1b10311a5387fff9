"""Wire phrases read wrong before the twenty-eighth session. Real spaCy; hand-written
sentences."""

from __future__ import annotations

import pytest


def test_fighting_that_flared_is_nobodys_the_clause_names(analyze):
    # the parse makes "fighting" a gerund of "after" on the refugees' clause: the refugees
    # did not fight
    doc = analyze(
        "Thai soldiers turned back about 300 refugees who tried to cross the river on Monday"
        " after fighting flared in the Myanmar town of Myawaddy, a Thai official said.",
        published="2025-03-04",
    )
    fights = [e for e in doc.events if e.event == "ASSAULT"]
    assert fights
    assert all(a.sector != "REF" for e in fights for a in e.actor)


def test_a_regions_adjective_is_no_nationality(analyze):
    # "Pan-American", "Inter-American": a whole region's, not the United States'
    doc = analyze(
        "Peruvian farmers blocked the Pan-American Highway on Tuesday. The Inter-American"
        " Commission on Human Rights condemned the killings of farmers in Ecuador on Monday.",
        published="2025-02-12",
    )
    codes = {a.code for e in doc.events for a in (*e.actor, *e.recipient)}
    assert "USA" not in codes
    assert "IGO" in codes  # the commission is the OAS's


def test_police_go_on_with_the_narrative_day(analyze):
    # a bare "Police" is the place's standing force, not a new doer: the arrests go on with
    # the rally just told, not with the article's first (news) day
    doc = analyze(
        "Kyrgyz and Tajik guards exchanged fire near the border on Tuesday, killing two"
        " soldiers. On Wednesday morning, about 300 people rallied in front of the government"
        " building in Bishkek. Police detained six protesters who tried to block the avenue.",
        published="2025-04-16",
    )
    (arrest,) = [e for e in doc.events if e.event == "COERCE"]
    assert (arrest.date, arrest.date_source) == ("2025-04-16", "context")


def test_a_mediator_is_no_recipient(one_event):
    # "with mediation from X" names who helped: the swap is between the two doers
    ev = one_event(
        "Russia and Ukraine swapped 150 prisoners of war each on Friday, with mediation from"
        " the United Arab Emirates."
    )
    assert ev.event == "RETREAT"
    assert {r.code for r in ev.recipient} == {"RUS", "UKR"}


def test_a_broker_is_no_recipient(one_event):
    ev = one_event(
        "Saudi Arabia and Iran restored diplomatic relations in a deal brokered by China."
    )
    assert {r.code for r in ev.recipient} == {"SAU", "IRN"}


def test_troops_disengaging_withdraw(one_event):
    ev = one_event("Chinese and Indian troops disengaged from two friction points on Monday.")
    assert (ev.event, ev.mode) == ("RETREAT", "withdraw")


def test_a_pact_with_a_party_binds_that_party(one_event):
    ev = one_event("The Congolese government signed a peace agreement with the M23 rebels in Doha.")
    assert [(r.code, r.sector) for r in ev.recipient] == [("COD", "REB")]


@pytest.mark.parametrize(
    ("text", "date"),
    [
        # the Saturday is the rally's, still ahead: the arrests are undated
        (
            "Police in Dhaka arrested 30 opposition activists ahead of a planned rally on"
            " Saturday.",
            "2025-05-14",
        ),
        # a time of day is no act of its own
        ("Honduran sailors opened fire on a fishing boat before dawn on Monday.", "2025-05-12"),
    ],
)
def test_a_time_ahead_of_another_act_is_that_acts(one_event, text, date):
    assert one_event(text, published="2025-05-14").date == date


@pytest.mark.parametrize(
    ("text", "events"),
    [
        # the patrol is the doer or the target, no deployment of its own
        ("A navy patrol opened fire on a fishing boat before dawn on Monday.", ["ASSAULT"]),
        ("A police patrol was ambushed on the road to Gao on Monday.", ["ASSAULT"]),
        # carried out, the patrol is the act itself
        (
            "A joint patrol was carried out by Turkish and Russian troops in northern Syria.",
            ["COOPERATE"],
        ),
    ],
)
def test_a_patrol_as_a_subject_is_a_unit(analyze, text, events):
    assert [e.event for e in analyze(text, published="2025-05-14").events] == events


@pytest.mark.parametrize(
    "text",
    ["Bandits killed 12 in Katsina on Sunday.", "Police arrested 12 in Katsina on Sunday."],
)
def test_a_bare_number_object_counts_the_people_acted_on(one_event, text):
    # the twelve are the recipients, not the town they were in
    (r,) = one_event(text).recipient
    assert r.name == "12"
