"""Event-type causes that recur across the tuned sets (eleventh session,
``scripts/type_causes.py``): travel with a to-clause of purpose (the purpose names the act),
the converted "fly (to)" pattern overruled. Real spaCy; hand-written
sentences."""

from __future__ import annotations

import pytest

from newsevents.extract import load_codebook


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # arriving somewhere to help: aid; to meet: a visit; forces arriving to fight: deployment
        ("A team of Turkish surgeons arrived in Beirut to help treat the wounded.", "AID"),
        ("Dutch engineers were flown to Tripoli to help repair the water plant.", "AID"),
        ("The Omani envoy flew to Sanaa on Monday to meet Houthi leaders.", "CONSULT"),
        ("Chadian soldiers landed in Bangui to reinforce the garrison.", "MOBILIZE"),
    ],
)
def test_the_purpose_of_an_arrival_names_the_act(coded, text, expected):
    assert expected in {event for event, _ in coded(text)}


@pytest.mark.parametrize(
    "text",
    [
        # travel without a purpose that is an act, and fans travelling to a match
        "The Guyanese president flew to the border region in a helicopter.",
        "Hundreds of fans travelled to Madrid to support their team.",
        "The Peruvian foreign minister arrived in Quito on Tuesday.",
    ],
)
def test_travel_alone_is_no_event(coded, text):
    assert coded(text) == set()


def test_the_fly_to_pattern_is_overruled(codebook):
    """The converted "fly (to)" pattern (CAMEO 036) is dropped by ``overruled_patterns``."""
    overruled = codebook.words("overruled_patterns")
    assert overruled
    kept = {e.id for entries in codebook.patterns.values() for e in entries}
    assert not overruled & kept
    assert codebook.pattern_counts["skipped: overruled by the project (lexicon.yaml)"] == len(
        overruled
    )


def test_a_user_list_can_overrule_a_pattern(tmp_path):
    """A user codebook's ``words:`` may overrule more converted patterns."""
    rule = "phoenix:fly:fly:|(into)"
    path = tmp_path / "overrule.yaml"
    path.write_text(f'words:\n  overruled_patterns: ["{rule}"]\n', encoding="utf-8")
    assert rule in {e.id for e in load_codebook().patterns["fly"]}
    assert rule not in {e.id for e in load_codebook([path]).patterns["fly"]}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # retaking ground, or an armed group seizing it, is fighting; a state seizing goods or
        # occupying land stays coercion; a title "captured" in sport is nothing
        ("Somali troops retook the port of Kismayo from the militants.", {"ASSAULT"}),
        ("The Iraqi army has recaptured three villages near Mosul.", {"ASSAULT"}),
        ("Rebels captured a border post in North Kivu.", {"ASSAULT"}),
        ("Customs officers seized two tonnes of cocaine in the port.", {"COERCE"}),
        ("The champions captured the title with a win over their rivals.", set()),
    ],
)
def test_taking_ground_by_force(coded, text, expected):
    assert {event for event, _ in coded(text)} == expected


@pytest.mark.parametrize(
    ("text", "deported"),
    [
        # "boat people" are people handed over; patrol boats are goods
        ("Thailand handed over 40 boat people to Myanmar.", True),
        ("Japan handed over four patrol boats to the Vietnamese coast guard.", False),
    ],
)
def test_handing_over_boats_is_no_deportation(coded, text, deported):
    assert (("COERCE", "coerce.hand_over_people") in coded(text)) is deported
