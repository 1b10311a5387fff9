"""Phrases of live pages, weather notices and sea reports read wrong before the
twenty-ninth session. Real spaCy, gazetteer and dictionaries; hand-written sentences."""

from __future__ import annotations

from collections import Counter

import pytest


def test_a_live_pages_stamp_is_no_part_of_a_name_and_they_are_all_the_speakers(analyze):
    doc = analyze(
        "Live updates.\n\n12:40 - Lithuania, Latvia and Estonia say they are imposing entry"
        " bans on Georgian officials.",
        published="2024-12-03",
    )
    (ban,) = [e for e in doc.events if e.event == "SANCTION"]
    assert [a.name for a in ban.actor] == ["Lithuania", "Latvia", "Estonia"]
    assert [a.code for a in ban.actor] == ["LTU", "LVA", "EST"]


@pytest.mark.parametrize(
    "text",
    [
        "The Central Weather Administration warned of torrential rain in Yilan and Hualien as"
        " a tropical storm approached.",
        "Forecasters cautioned about a heatwave in Punjab next week.",
    ],
)
def test_a_warning_of_weather_threatens_nobody(analyze, text):
    doc = analyze(text, published="2025-10-14")
    assert "THREATEN" not in {e.event for e in doc.events}


def test_a_ship_heading_to_port_visits_no_one(analyze):
    doc = analyze(
        "The damaged tanker was heading to Djibouti under its own power, its manager said.",
        published="2024-03-12",
    )
    assert "CONSULT" not in {e.event for e in doc.events}


def test_the_red_sea_is_waters_not_an_egyptian_province(resources):
    gaz = resources.gazetteer
    place = gaz.lookup("Red Sea", Counter({"EG": 2}))
    assert place is not None and place.country is None
    assert gaz.lookup("Punjab", Counter({"PK": 1})).country == "PAK"  # a region's province
