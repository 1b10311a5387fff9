"""Phrases read wrong before the thirtieth session. Real spaCy, gazetteer and
dictionaries; hand-written sentences."""

from __future__ import annotations

import pytest


def _protest(doc):
    (ev,) = [e for e in doc.events if e.event == "PROTEST"]
    return ev


@pytest.mark.parametrize(
    ("text", "code", "venue"),
    [
        # exiles rallying abroad address their own state, not the city they stand in
        ("Iranian exiles rallied in Paris on Saturday.", "IRN", "Paris"),
        # a square is where the crowd stood, not whom it addressed
        ("Hundreds of people protested in Tahrir Square.", "EGY", "Tahrir Square"),
    ],
)
def test_where_a_protest_is_held_is_not_whom_it_addresses(analyze, text, code, venue):
    ev = _protest(analyze(text, published="2021-03-08"))
    assert [r.code for r in ev.recipient] == [code]
    assert all(r.sector == "GOV" for r in ev.recipient)
    assert venue not in [r.name for r in ev.recipient]


def test_an_organ_a_crowd_rallies_at_stays_its_target(analyze):
    ev = _protest(
        analyze("Protesters rallied at the parliament in Tbilisi.", published="2021-03-08")
    )
    assert [(r.name, r.code) for r in ev.recipient] == [("parliament", "GEO")]
