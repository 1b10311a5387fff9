"""Places named after a country and bare compass names (seventeenth session): "Puerto
Jordan" is no Jordan, "New Mexico" no Mexico, "the South" and "the North" are parts of the
story's country, never Cameroon's South Region or a town called North in Utah. Real spaCy."""

from __future__ import annotations

import pytest


def _codes(parties) -> set[str | None]:
    return {p.code for p in parties}


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        ("The rebels attacked a military base in Puerto Jordan.", "JOR"),
        ("Protesters in New Mexico rallied outside the state capitol.", "MEX"),
        ("North Korea refused the South's offer of vaccines.", "CMR"),
    ],
)
def test_a_namesake_or_a_compass_name_is_no_country(analyze, text, wrong):
    (ev,) = analyze(text).events
    assert wrong not in _codes(ev.actor) | _codes(ev.recipient)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # a part of a country before its name, or a city that starts with it, keeps it
        ("Israeli jets struck targets in southern Lebanon.", "LBN"),
        ("Police in Mexico City arrested 20 people.", "MEX"),
        ("Papua New Guinea police arrested five men.", "PNG"),
        ("South Sudan accused Sudan of bombing its oil fields.", "SSD"),
        # a diaspora compound ("X-American"): the people's citizenship is the second
        ("Cuban-American protesters blocked a Miami highway.", "USA"),
        ("A Russian-American journalist was detained in Yekaterinburg.", "USA"),
        # a compound that is no diaspora word names the first nationality too
        ("Senegal expelled a French-Senegalese activist on Friday.", "FRA"),
        # a person who held offices in two places: the one the phrase names
        ("Polish Prime Minister Donald Tusk endorsed the plan.", "POL"),
    ],
)
def test_the_phrase_names_which_country(analyze, text, code):
    ev = analyze(text).events[0]
    assert code in _codes(ev.actor) | _codes(ev.recipient)


def test_a_bare_compass_name_is_no_gazetteer_place(resources):
    gaz = resources.gazetteer
    assert gaz.lookup("North") is None and gaz.lookup("the South") is None
    assert gaz.lookup("North Kivu") is not None  # a name that starts with one still is
    place = analyze_place(resources, "Gunmen attacked a church in the North on Sunday.")
    assert place is None or place.country != "USA"


def analyze_place(resources, text):
    from newsevents import api

    (ev,) = api.analyze_text(text, resources=resources).events
    return ev.location
