"""Event-type causes that recur across the tuned sets of several writers (ninth session,
``scripts/type_causes.py``): a protest at a place and a crowd's demand, a person held, ramming,
a body's own statement, a changed death toll, a deed described as a crime. Real spaCy;
hand-written sentences."""

from __future__ import annotations

import dataclasses

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
        # protesting at a place is demonstrating there; a crowd's demand is its protest
        ("Families of the missing protested outside the parliament building.", {"PROTEST"}),
        ("Hundreds of teachers protested in the capital on Friday.", {"PROTEST"}),
        ("Relatives of the prisoners are protesting outside the jail gates.", {"PROTEST"}),
        ("Thousands of protesters outside the palace demand the king's abdication.", {"PROTEST"}),
        # a government protesting to a government stays a diplomatic protest
        ("Morocco protested to the Spanish ambassador over the remarks.", {"ACCUSE"}),
        ("China protested in the strongest terms against the visit.", {"ACCUSE"}),
    ],
)
def test_protest_at_a_place_and_a_crowds_demand(types, text, expected):
    assert types(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Police briefly held the parish priest.", {"COERCE"}),
        ("The journalist is being held there against her will.", {"COERCE"}),
        # no detention: a sports draw, a delay, an accusation, a state held responsible
        ("Arsenal held Chelsea to a 1-1 draw.", set()),
        ("Police held up traffic for an hour.", set()),
        ("The court held the minister responsible for the deaths.", {"ACCUSE"}),
        ("The ministry holds the Russian Federation fully responsible for the detention.", set()),
    ],
)
def test_a_person_held(types, text, expected):
    assert types(text) - {"ACCUSE"} == expected - {"ACCUSE"}
    if "ACCUSE" in expected:
        assert "ACCUSE" in types(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A navy patrol boat rammed a dinghy carrying migrants off the coast.", {"ASSAULT"}),
        ("The ruling party rammed through the budget bill.", set()),
        ("A truck rammed a bus on the highway.", set()),
    ],
)
def test_ramming(types, text, expected):
    assert types(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The number of people killed in Monday's clashes near the border rose to seven.",
            {"ASSAULT"},
        ),
        ("Officials raised the death toll from the fighting to 12.", {"ASSAULT"}),
        # no change of a count: the participle stays background
        ("The funerals of the people killed in the attack took place on Sunday.", set()),
    ],
)
def test_a_changed_death_toll_reports_the_act(types, text, expected):
    assert types(text) == expected


def test_describing_a_deed_as_a_crime_condemns_it(types):
    assert types("Manila described the seizure of the boat as an act of piracy.") == {"ACCUSE"}


@pytest.mark.parametrize(
    ("title", "coded"),
    [
        ("Statement of the Ministry of Foreign Affairs on the detention of two citizens", True),
        ("Communique of the Ministry of Defence", True),
        ("Press release - displaced families need urgent help", True),
        ("Border tensions rise after detentions", False),
        (None, False),
    ],
)
def test_we_in_a_bodys_own_statement(parse, codebook, title, coded):
    """In a text titled as a body's statement, "we" is that body; elsewhere, outside
    quotation marks, the writer."""
    doc = parse("We call on the neighbouring government to release the detained citizens.")
    doc = dataclasses.replace(doc, article=dataclasses.replace(doc.article, title=title))
    events = {e.event for e in extract_events(doc, codebook)}
    assert ("REQUEST" in events) is coded


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an announced deployment is a mobilisation to come, not a threat
        ("Lithuania will deploy additional troops to the border next week.", {"MOBILIZE"}),
        # a threat says so
        ("Lithuania threatened to deploy additional troops to the border.", {"THREATEN"}),
    ],
)
def test_an_announced_deployment(types, text, expected):
    assert types(text) == expected
