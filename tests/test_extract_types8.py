"""Event-type causes that recur across the tuned sets of several writers (eighth session,
``scripts/type_causes.py``): a deed judged by a verb of judgement, violence by armed doers,
hostage-taking, transport is no capture, leaders spoken to. Real
spaCy; hand-written sentences."""

from __future__ import annotations

import pytest

from newsevents.extract import extract_events


@pytest.fixture
def types(parse, codebook):
    """``types(text)``: the event types the rules find in one text (no learned model)."""

    def run(text: str) -> set[str]:
        return {e.event for e in extract_events(parse(text), codebook)}

    return run


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the deed names its doer: both acts are told
        (
            "Chile condemned the detention of three Chilean sailors by the Peruvian navy.",
            {"ACCUSE", "COERCE"},
        ),
        ("Ghana welcomed the release of two aid workers by Malian rebels.", {"SUPPORT", "RETREAT"}),
        (
            "The killing of a fisherman by Indian border guards was condemned by Dhaka.",
            {"ACCUSE", "ASSAULT"},
        ),
        # a pronoun, no doer and no victim named: only the judgement
        ("Chile condemned their detention.", {"ACCUSE"}),
        # a speech act judged is the topic, not an act of its own
        ("Uruguay rejected Argentina's proposal for talks.", {"REJECT"}),
    ],
)
def test_judged_deed_with_its_doer(types, text, expected):
    assert types(text) == expected


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("Militants torched a clinic in the north of the province.", "ASSAULT"),
        ("Soldiers burned dozens of huts near the river.", "ASSAULT"),
        ("Gunmen set fire to a bus depot on Sunday.", "ASSAULT"),
        ("Insurgents raided an army outpost before dawn.", "ASSAULT"),
        ("Rebels looted the district hospital.", "ASSAULT"),
        ("Separatists seized four engineers on the highway.", "ASSAULT"),
        ("Bandits took nine passengers hostage on the highway.", "ASSAULT"),
        # the state's searches and seizures stay coercion; a riot stays a protest
        ("Police raided the offices of an opposition newspaper.", "COERCE"),
        ("The coast guard seized two fishing boats.", "COERCE"),
        ("Rioters torched two police stations.", "PROTEST"),
    ],
)
def test_armed_doers_attack(types, text, event):
    assert event in types(text)


@pytest.mark.parametrize(
    "text",
    [
        "The wounded were taken to a hospital in the capital.",
        "Two injured officers were taken by ambulance to the clinic.",
    ],
)
def test_taken_somewhere_is_no_capture(types, text):
    assert "COERCE" not in types(text)


@pytest.mark.parametrize(
    ("text", "coded"),
    [
        ("The Danish prime minister had spoken to President Macron on Sunday.", True),
        ("Peru's foreign minister congratulated Chile's president in a telephone call.", True),
        ("The minister spoke to reporters in Lima.", False),
    ],
)
def test_leaders_spoken_to_are_consulted(types, text, coded):
    assert ("CONSULT" in types(text)) is coded


def test_burning_in_an_attack_is_that_attack(parse, codebook):
    """ "raided X, killing seven and setting fire to the market": one attack, not two."""
    found = extract_events(
        parse(
            "Insurgents raided the district town on Tuesday, killing seven civilians "
            "and setting fire to the market."
        ),
        codebook,
    )
    assert [e.event for e in found] == ["ASSAULT"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a reaction to an act done to named people attests that act (tenth session)
        ("Chile condemned the detention of three Chilean sailors.", {"ACCUSE", "COERCE"}),
        ("Mali deplored the abduction of two Malian traders.", {"ACCUSE", "ASSAULT"}),
        ("Ghana denounced the killing of four fishermen.", {"ACCUSE", "ASSAULT"}),
        # no victim named, or an act not done to people: only the reaction
        ("Ghana denounced the killing.", {"ACCUSE"}),
        ("Poland condemned the incursions of drones into its airspace.", {"ACCUSE"}),
        # a verb that is no reaction keeps its object as its topic
        ("Chile demanded the release of three Chilean sailors.", {"REQUEST"}),
    ],
)
def test_reaction_attests_act(types, text, expected):
    assert types(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an act after which something happened, naming a party, happened (tenth session)
        ("Chad reopened its border after talks with Sudanese officials.", {"CONSULT", "RETREAT"}),
        (
            "Armenia closed the road after clashes between Azerbaijani troops and local militias.",
            {"ASSAULT", "COERCE"},
        ),
        (
            "Peru recalled its ambassador following a meeting with Chilean envoys.",
            {"CONSULT", "SANCTION"},
        ),
        # no party named: background only
        ("Chad reopened its border after talks.", {"RETREAT"}),
        ("Armenia closed the road after clashes.", {"COERCE"}),
    ],
)
def test_background_act_with_party(types, text, expected):
    assert types(text) == expected
