"""Places no gazetteer lists (twenty-third session): a location or facility name too small
for GeoNames' lists, in a locative phrase on the act itself, is the act's place in the
article's one leading country, without coordinates; a street is a spot in a town, and an
article without a leading country gives no such guess. Real spaCy and gazetteer;
hand-written sentences."""

from __future__ import annotations

_LAKE = "Bolivian soldiers fired on smugglers near Lake Huancollo on Monday."


def _places(doc):
    return [(e.location.name, e.location.country, e.location.lat) for e in doc.events if e.location]


def test_an_unlisted_location_on_the_act_is_its_place(analyze):
    assert _places(analyze(_LAKE, published="2025-03-18")) == [("Lake Huancollo", "BOL", None)]


def test_no_leading_country_no_guess(analyze):
    text = _LAKE.replace("Bolivian soldiers", "Soldiers")
    assert _places(analyze(text, published="2025-03-18")) == []


def test_a_street_is_no_town(analyze):
    doc = analyze(
        "Armenian police detained twelve marchers on Baghramyan Avenue on Monday.",
        published="2025-03-18",
    )
    assert all(name != "Baghramyan Avenue" for name, _, _ in _places(doc))
