"""Phrases whose particle, preposition or object decides the act (twenty-fourth session):
police breaking up a protest coerce it (a crowd breaking up is no coercion); standing behind
or with a state or a people supports it; announcing or unveiling aid gives it (the Phoenix
pattern read it as an agreement); thanking "you" is an interview's courtesy; an attack that
destroys a thing stays an attack whatever the learned model says. Real spaCy; hand-written
sentences."""

from __future__ import annotations

import pytest

from newsevents import api


@pytest.mark.parametrize(
    "text, fact",
    [
        ("Police broke up the protest in Tbilisi on Friday.", ("COERCE", "asserted")),
        ("Security forces broke up a rally of opposition supporters.", ("COERCE", "asserted")),
        (
            "Ecuador stands firmly behind Colombia, the foreign minister said.",
            ("SUPPORT", "reported"),
        ),
        ("Chile stood with the people of Bolivia during the crisis.", ("SUPPORT", "asserted")),
        ("Sweden announced new humanitarian aid for Yemen on Monday.", ("AID", "asserted")),
        ("Korea unveiled $20 million in aid for the flood victims.", ("AID", "asserted")),
        ("Tajikistan on Wednesday brushed aside a Kyrgyz protest note.", ("REJECT", "asserted")),
        ("Hungary blocked the release of EU funds for Ukraine's army.", ("REJECT", "asserted")),
        ("Japan handed over four patrol boats to the Vietnamese coast guard.", ("AID", "asserted")),
        (
            "Forty tonnes of medical supplies from Riyadh arrived in Port Sudan.",
            ("AID", "asserted"),
        ),
        ("The World Food Programme distributed sorghum to 3,000 households.", ("AID", "asserted")),
        ("The rebels handed in their weapons on Monday.", ("RETREAT", "asserted")),
        ("The fighters laid down their arms after the accord.", ("RETREAT", "asserted")),
        ("Armenia and Azerbaijan traded artillery strikes overnight.", ("ASSAULT", "asserted")),
        ("Pakistani army units moved up to the Line of Control.", ("MOBILIZE", "asserted")),
        ("Russian troops moved to the border with Finland.", ("MOBILIZE", "asserted")),
        ("A roadside bomb targeted an army convoy near Gao.", ("ASSAULT", "asserted")),
        (
            "The soldiers then marched five young men across the border to an army camp.",
            ("COERCE", "asserted"),
        ),
        (
            "The Finnish Border Guard handed over two men to Estonian police at the port.",
            ("COOPERATE", "asserted"),
        ),
        (
            "Spain's Guardia Civil worked with Moroccan police to break up a smuggling ring.",
            ("COOPERATE", "asserted"),
        ),
    ],
)
def test_the_phrase_decides(event_facts, text, fact):
    assert fact in event_facts(text)


@pytest.mark.parametrize(
    "text",
    [
        "The band broke up in 1999.",
        "The firm announced a 5 million euro profit.",
        "She stood behind the counter for an hour.",
        # an interview's courtesy to the one spoken to
        "Commander, thank you for joining us this morning.",
        "Thank you.",
        "The family moved to Lagos in 2010.",
        "Fans turned in their tickets.",
        "The minister handed the report to parliament.",
        "Villagers were gathering firewood near the river.",
    ],
)
def test_no_act(event_facts, text):
    assert event_facts(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "The raid also destroyed the village's only school.",
        "The shelling damaged the district hospital in Kherson.",
    ],
)
def test_an_attack_that_wrecks_a_thing_survives_the_learned_model(learned_resources, text):
    doc = api.analyze_text(text, resources=learned_resources, published="2025-04-01")
    assert [e.event for e in doc.events] == ["ASSAULT"]


@pytest.mark.parametrize(
    "text", ["Police released the names of the victims.", "The ministry released its tally."]
)
def test_releasing_names_or_figures_frees_no_one(event_facts, text):
    assert ("RETREAT", "asserted") not in event_facts(text)


def test_the_other_side_of_clashes_told_as_a_noun(analyze):
    """ "after the clashes with Tajik forces": the with-phrase names the other side."""
    doc = analyze(
        "Kyrgyz border guards were put on alert after the clashes with Tajik forces.",
        published="2025-04-01",
    )
    clashes = [e for e in doc.events if e.event == "ASSAULT"]
    assert clashes and {r.code for r in clashes[0].recipient} == {"TJK"}


@pytest.mark.parametrize(
    ("text", "doers"),
    [
        ("Two soldiers died in clashes with Tajik forces.", {"TJK"}),
        ("Three protesters died in clashes with police.", set()),
    ],
)
def test_the_dead_of_clashes_are_their_victims(analyze, text, doers):
    """ "X died in clashes with Y": X the victims, Y (a named side) the doer; never the dead
    as the doers and the clashes as the one acted on."""
    (ev,) = [e for e in analyze(text, published="2025-04-01").events if e.event == "ASSAULT"]
    names = [text[a.span.start : a.span.end] for a in ev.recipient]
    assert any(n.startswith(("Two soldiers", "Three protesters")) for n in names), names
    assert {a.code for a in ev.actor} == doers


@pytest.mark.parametrize(
    ("text", "recipient"),
    [
        ("Turkey threatened to block Sweden's membership of NATO.", "SWE"),
        ("Hungary blocked Ukraine's accession to the EU.", "UKR"),
    ],
)
def test_a_states_membership_is_that_states(analyze, text, recipient):
    """ "Sweden's membership of NATO": the state that seeks it is the party, not the body."""
    (ev,) = analyze(text, published="2025-04-01").events
    assert {r.code for r in ev.recipient} == {recipient}


def test_owning_a_mistake_survives_the_learned_model(learned_resources):
    """ "admitted mistakes": a concession whatever the learned model says (sure)."""
    doc = api.analyze_text(
        "The president admitted mistakes in the response to the floods.",
        resources=learned_resources,
        published="2025-04-01",
    )
    assert [e.event for e in doc.events] == ["CONCEDE"]
