"""A province's own name beats a city that bears it only as another name (twenty-sixth
session): "Antioquia" is Colombia's department, not Turkey's Antakya nor the small town of
Santa Fe de Antioquia; "Bahia" and "Para" are Brazilian states, not Salvador and Belem.
A city whose name is the same one respelt ("Daraa") or, for a large city, cut short
("Santiago" for Santiago de los Caballeros) stays the city. Real gazetteer; hand-written
sentences."""

from __future__ import annotations

from collections import Counter

import pytest


@pytest.mark.parametrize(
    "name, context, want",
    [
        ("Antioquia", {"CO": 1}, ("COL", "province")),
        ("Antioquia", {}, ("COL", "province")),
        ("Bahia", {"BR": 1}, ("BRA", "province")),
        ("Para", {"BR": 1}, ("BRA", "province")),
        ("Chiapas", {"MX": 1}, ("MEX", "province")),
        ("Daraa", {"SY": 1}, ("SYR", "city")),
        ("Santiago", {"DO": 1}, ("DOM", "city")),
        ("Borno", {"NG": 1}, ("NGA", "province")),
    ],
)
def test_a_province_name_beats_a_city_s_other_name(gazetteer, name, context, want):
    place = gazetteer.lookup(name, Counter(context))
    assert place is not None
    assert (place.country, place.precision) == want


def test_a_province_in_a_sentence_gives_its_country(analyze):
    text = "Colombian police arrested a rebel commander in a raid in Antioquia on Tuesday."
    doc = analyze(text, published="2025-11-05")
    (ev,) = [e for e in doc.events if e.event == "COERCE"]
    assert ev.location is not None
    assert (ev.location.name, ev.location.country) == ("Antioquia", "COL")
