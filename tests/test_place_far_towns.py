"""A small town abroad is a namesake, not a place (twenty-fifth session): a name the
gazetteer knows only as a town of under ``far_city_min_population`` people outside every
country the article names places nothing, for it is most likely a village of the article's
own country that the gazetteer lacks. Capitals and larger cities abroad stay places; a town
in a country the article names, or in an article naming none, is found as before. Real
gazetteer; hand-written sentences."""

from __future__ import annotations

from collections import Counter

import pytest


@pytest.mark.parametrize(
    "name, context, want",
    [
        ("Kilkenny", {"PE": 2}, None),  # an Irish town of ~22,000 in a story on Peru
        ("Kilkenny", {"IE": 1}, "IRL"),
        ("Kilkenny", {}, "IRL"),  # no country named: nothing says it is a namesake
        ("Sligo", {"KE": 3}, None),
        ("Belmopan", {"PE": 2}, "BLZ"),  # a capital is a place whatever its size
        ("Valletta", {"KE": 1}, "MLT"),
        ("Nyeri", {"PE": 2}, "KEN"),  # a city of ~80,000 is a real place abroad
        ("Lancaster", {"NG": 1}, "USA"),
    ],
)
def test_small_town_abroad_is_a_namesake(gazetteer, name, context, want):
    place = gazetteer.lookup(name, Counter(context))
    assert (place.country if place else None) == want


def test_far_town_places_no_event(analyze):
    # "Chaves" is a town in Portugal and one in Brazil, both small; the story names Angola
    text = (
        "LUANDA, March 4 - Angolan police detained 12 traders in Chaves on Tuesday after a "
        "protest over market fees, officials said."
    )
    doc = analyze(text, published="2025-03-04")
    (ev,) = [e for e in doc.events if e.event == "COERCE"]
    assert ev.location is None or ev.location.country == "AGO"


def test_an_organisation_of_a_country_is_no_town(analyze):
    # "the University of Chile": the tagger's organisation, cut before its "of", is no
    # town called University (there is one in Florida)
    doc = analyze(
        "Chilean police clashed with students at the University of Chile on Wednesday.",
        published="2025-03-06",
    )
    assert doc.events
    assert all(e.location is None or e.location.country == "CHL" for e in doc.events)


def test_a_nationality_is_no_unlisted_town(analyze):
    # "at Ukrainian cities": the tagger's place is an adjective, not a town of the article's
    # main country called "Ukrainian"
    doc = analyze("Russia launched 120 drones at Ukrainian cities overnight.", "2025-03-05")
    (ev,) = doc.events
    assert ev.location is None or ev.location.name != "Ukrainian"
