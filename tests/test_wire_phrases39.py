"""Phrases read wrong before the thirty-ninth session. Real spaCy, gazetteer and
dictionaries; hand-written sentences."""

from __future__ import annotations

import pytest

from newsevents import api
from newsevents.merge import merge


@pytest.mark.parametrize(
    ("text", "doer"),
    [
        ("Russia dismissed reports that its jets had bombed a hospital in Idlib.", "RUS"),
        ("Chad rejected claims that its troops had shelled a camp near Abeche.", "TCD"),
    ],
)
def test_its_in_a_claim_answered_is_the_answering_party(analyze, text, doer):
    """'X dismissed reports that its jets bombed Y': the jets are X's, not the country of the
    place the claim names."""
    doc = analyze(text, published="2024-05-15")
    (act,) = [e for e in doc.events if e.event == "ASSAULT"]
    assert [a.code for a in act.actor] == [doer]


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        (
            "Iran's army chief said Tehran would close the Strait of Hormuz unless its oil "
            "exports were allowed through.",
            "IRN",
        ),
        (
            "Russia's foreign minister said Moscow would expel the envoy unless Tallinn "
            "reversed its decision.",
            "RUS",
        ),
    ],
)
def test_an_official_speaks_for_the_capital_named_in_a_condition(analyze, text, actor):
    """'X's official said <capital> would do A unless ...' is the state's own conditional
    act: a threat, not a hypothetical act."""
    doc = analyze(text, published="2024-05-15")
    assert [(e.event, [a.code for a in e.actor]) for e in doc.events] == [("THREATEN", [actor])]


def _protest_events(resources, first: str, second: str) -> list:
    docs = [
        api.analyze_text(text, resources=resources, published="2024-03-11", outlet=outlet)
        for text, outlet in ((first, "Harbor Daily"), (second, "Continental Wire"))
    ]
    result = merge([d.article for d in docs], [m for d in docs for m in d.events])
    return [e for e in result.events if e.event == "PROTEST"]


@pytest.mark.parametrize(
    ("second", "events"),
    [
        # a march the next day is another act, though the night's rally reaches past midnight
        ("On Saturday, students marched to parliament in Tbilisi, demanding the law's repeal.", 2),
        # one overnight rally told on both sides of midnight is one act
        ("Early on Saturday, students rallied outside parliament in Tbilisi against the law.", 1),
    ],
)
def test_a_night_reaches_the_next_day_only_for_the_same_night(resources, second, events):
    first = "Late on Friday, thousands of students rallied outside parliament in Tbilisi."
    assert len(_protest_events(resources, first, second)) == events


@pytest.mark.parametrize(
    ("text", "types"),
    [
        ("Riot police deployed 300 officers around the stadium on Monday.", ["MOBILIZE"]),
        ("Police sent two officers to the scene of the robbery on Monday.", []),
        ("The Red Cross distributed hot meals to displaced families in Bossangoa.", ["AID"]),
    ],
)
def test_the_types_these_sentences_code(analyze, text, types):
    """Officers deployed or massed are a show of police force (sent to a crime scene, their
    daily work); meals handed out are aid."""
    doc = analyze(text, published="2024-05-15")
    assert sorted(e.event for e in doc.events) == types


def test_a_list_of_states_the_parse_splits_by_an_apposition_acts_together(analyze):
    """'A, B, C and D cut ties': the parse makes B an apposition of A and C, D its
    conjuncts; all four cut ties."""
    doc = analyze(
        "Saudi Arabia, the United Arab Emirates, Bahrain and Egypt cut diplomatic ties with "
        "Qatar on Monday.",
        published="2017-06-07",
    )
    (act,) = [e for e in doc.events if e.event == "SANCTION"]
    assert [a.code for a in act.actor] == ["SAU", "ARE", "BHR", "EGY"]


@pytest.mark.parametrize(
    ("text", "types"),
    [
        ("Belgium attacked relentlessly in the second half but could not score.", []),
        ("Ghana struck twice in the 78th minute to sink the hosts.", []),
        ("Rebels attacked the town in the second half of March.", ["ASSAULT"]),
    ],
)
def test_a_games_clock_tells_play(analyze, text, types):
    """'in the second half', 'in the 78th minute' (an ordinal, no longer period after it)
    is a game's clock: what a team 'attacked' there is play."""
    doc = analyze(text, published="2024-05-15")
    assert [e.event for e in doc.events] == types


@pytest.mark.parametrize(
    ("text", "doer"),
    [
        ("The French ambassador to Mali was expelled by the country's military rulers.", "MLI"),
        ("Sanctions on Sudan were tightened on Monday. The country's army rejected them.", "SDN"),
    ],
)
def test_the_country_is_the_country_named_before(analyze, text, doer):
    """'the country's rulers' after 'the French ambassador to Mali': the country last named
    by its name (a nationality word is no antecedent), here or in the sentence before."""
    doc = analyze(text, published="2024-05-15")
    (act,) = [e for e in doc.events if e.actor and "country" in e.actor[0].name]
    assert [a.code for a in act.actor] == [doer]


def test_what_a_treaty_bans_is_its_terms(analyze):
    """'the treaty banned such missiles': the treaty's terms, no act of coercion."""
    doc = analyze("The 1987 treaty banned such missiles.", published="2021-01-10")
    assert [e.event for e in doc.events] == []
